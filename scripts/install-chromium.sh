#!/usr/bin/env bash
# Install Debian's headless Chromium and its driver for the `gpukg serve` browser test.
# Idempotent and non-interactive; the test is skipped, with its reason, when this fails.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "install-chromium: already installed ($(command -v chromium))"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
echo "install-chromium: $(chromium --version)"
