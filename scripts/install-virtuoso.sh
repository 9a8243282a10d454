#!/usr/bin/env bash
# Install Debian's Virtuoso (virtuoso-t, isql-vt) for the endpoint integration tests.
# Idempotent and non-interactive: does nothing when virtuoso-t is already on PATH.
# The package's own service is stopped and disabled: the tests run private instances
# on 127.0.0.1 and free ports, from a copied virtuoso.ini (see tests/servers.py).
set -euo pipefail

if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
    echo "install-virtuoso: already installed ($(command -v virtuoso-t))"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi

# The package's postinst asks for a dba password through debconf; preseed it empty
# (it then keeps the default dba/dba of the packaged database, which the tests never use).
echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password" | $SUDO debconf-set-selections || true
echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password" | $SUDO debconf-set-selections || true

$SUDO apt-get update -qq
# policy-rc.d 101 keeps the package from starting its system-wide server during install.
POLICY=/usr/sbin/policy-rc.d
CREATED_POLICY=0
if [ ! -e "$POLICY" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
    $SUDO chmod +x "$POLICY"
    CREATED_POLICY=1
fi
trap '[ "$CREATED_POLICY" = 1 ] && $SUDO rm -f "$POLICY"' EXIT

$SUDO apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null

command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null
echo "install-virtuoso: installed $(dpkg-query -W -f='${Version}' virtuoso-opensource 2>/dev/null || echo '?')"
