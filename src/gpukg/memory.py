"""How a large build spends memory: the cycle collector held off while it makes records, and
memory that big queries freed given back to the system."""
from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the duration: for work that makes millions of objects
    that cannot form cycles (records unpickled, resolved or turned into triples).

    Each time the heap grows by a quarter the collector walks all of it, and those walks were
    more than half of resolving and emitting a million-triple graph (emitting: 3.6 s against
    1.1 s). Objects made meanwhile are all reference-counted as usual; a cycle among them would
    only wait for the next collection after this."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def release_memory() -> None:
    """Give the memory big queries freed back to the system (glibc keeps it otherwise).

    Oxigraph's hash joins over a million-triple store take hundreds of megabytes each;
    glibc keeps what they free in per-thread arenas, where the dump that follows cannot use
    it, which put a 10,000-company build a gigabyte over its peak. Elsewhere, nothing to do."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
