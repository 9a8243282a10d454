"""What the reader worked out about a line of text, kept for the second reading of its report.

A report is read twice (``corpus.read_all``): once to learn its names, then again with every
report's names. The dates, amounts and phrases of a line do not depend on the names, so the
second reading takes the first one's answers instead of working them out again. Between the
two readings a reading process reads all its other reports, which would push a report's lines
out of any bounded cache; a memo kept with the parsed report is what lasts (10,000 companies: 90 MB
more in the two reading processes, and a tenth less reading). Only functions that cost more than
the lookup are worth it: memos on small ones (``clauses``, ``looks_like_org``) gained nothing.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache, wraps
from typing import TypeVar

F = TypeVar("F", bound=Callable)

# The memo of the report being read, by function then by arguments; None outside a reading.
_kept: dict[Callable, dict] | None = None


def per_text(maxsize: int) -> Callable[[F], F]:
    """For a pure function of text: its answers kept in the memo of the report being read, or,
    outside a reading, in an LRU cache of ``maxsize``."""
    def decorate(fn: F) -> F:
        bounded = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def answer(*args: object) -> object:
            if _kept is None:
                return bounded(*args)
            answers = _kept.get(answer)
            if answers is None:
                answers = _kept[answer] = {}
            try:
                return answers[args]
            except KeyError:
                value = answers[args] = fn(*args)
                return value

        return answer  # type: ignore[return-value]
    return decorate


@contextmanager
def remembering(memo: dict) -> Iterator[None]:
    """Answers of ``per_text`` functions read from and kept in ``memo`` for the duration: give
    both readings of one report the same memo."""
    global _kept
    before, _kept = _kept, memo
    try:
        yield
    finally:
        _kept = before
