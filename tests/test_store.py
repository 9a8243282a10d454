"""Graph files are read offline: a remote JSON-LD context is refused, not fetched."""
from __future__ import annotations

import pytest

from gpukg.errors import InputError
from gpukg.store import read_graph


def test_remote_jsonld_context_is_refused(tmp_path):
    path = tmp_path / "remote.jsonld"
    # Loopback only, so that even a broken guard sends nothing off this machine.
    path.write_text('{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "urn:x", "name": "x"}')
    with pytest.raises(InputError) as caught:
        read_graph([path])
    assert "refused" in str(caught.value) and "remote.jsonld" in str(caught.value)


def test_local_jsonld_still_reads(tmp_path):
    path = tmp_path / "local.jsonld"
    path.write_text('{"@context": {"name": "https://schema.org/name"}, "@id": "urn:x", "name": "x"}')
    assert len(read_graph([path])) == 1
