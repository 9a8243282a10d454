"""Reading and writing graph files: the I/O edge of the RDF side.

Writes go to a temporary file in the target folder and are renamed into place,
so a failed run never leaves a half-written dump behind.
"""
from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph

from .errors import InputError

PROJECT_ROOT = Path(os.environ.get("GPUKG_HOME", Path(__file__).resolve().parents[2]))
DEFAULT_CORPUS = PROJECT_ROOT / "corpus"
DEFAULT_DUMP = PROJECT_ROOT / "graph" / "gpu-market.ttl"
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
QUERIES_DIR = PROJECT_ROOT / "queries"

FORMATS = {"turtle": "ttl", "nt": "nt", "jsonld": "jsonld", "trig": "trig"}
_SUFFIX_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig", ".rdf": "xml", ".owl": "xml", ".xml": "xml"}


def guess_format(path: Path) -> str:
    return _SUFFIX_FORMATS.get(path.suffix.lower(), "turtle")


_offline = threading.local()


def _refuse_network(event: str, args: tuple) -> None:
    if event in ("urllib.Request", "socket.connect") and getattr(_offline, "on", False):
        raise PermissionError(f"gpukg reads graph files offline; refused {event} {args[0] if args else ''}")


@contextmanager
def offline() -> Iterator[None]:
    """Refuse network access in this thread: rdflib follows remote JSON-LD contexts by itself."""
    if not getattr(sys, "_gpukg_audit", False):
        sys.addaudithook(_refuse_network)
        sys._gpukg_audit = True  # audit hooks cannot be removed: install one, switch it per thread
    previous = getattr(_offline, "on", False)
    _offline.on = True
    try:
        yield
    finally:
        _offline.on = previous


def read_graph(paths: list[Path] | None = None) -> Graph:
    """Parse graph files into one rdflib Graph; the committed dump when no path is given."""
    graph = Graph()
    for path in paths or [DEFAULT_DUMP]:
        path = Path(path)
        if not path.is_file():
            raise InputError(str(path), "no such graph file (run `gpukg build` first?)")
        try:
            with offline():
                graph.parse(path, format=guess_format(path))
        except Exception as exc:  # rdflib raises many unrelated types for bad syntax
            raise InputError(str(path), f"does not parse as {guess_format(path)}: {exc}") from None
    return graph


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename."""
    with staged(path) as handle:
        handle.write(data)


@contextmanager
def staged(path: Path) -> Iterator[BinaryIO]:
    """A temporary file beside ``path``, open for writing and reading back: renamed to ``path`` when
    the block ends, removed when it raises, so ``path`` is replaced whole or not at all."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w+b") as handle:
            yield handle
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a dump is for everyone to read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
