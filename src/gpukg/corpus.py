"""The report files of a build, and their two readings (the costly part of a build).

A report is read twice: the first reading learns its names, the second reads it knowing
every report's names. Readings are kept in a ``ReadingCache`` when one is given, and made
in worker processes when there is much to read; either way the result is the same.
"""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from .cache import ReadingCache, names_digest
from .errors import InputError
from .extract import extract
from .names import Gazetteer
from .records import Extraction, Notice
from .report import parse_report, read_text

REPORT_SUFFIXES = (".md", ".markdown", ".txt")
# Below this much text, starting worker processes costs more than it saves.
PARALLEL_CHARS = 400_000


@dataclass(frozen=True)
class Document:
    """A report file as read from disk, before parsing."""

    path: Path
    doc_id: str
    text: str


def report_files(paths: list[Path]) -> list[Path]:
    """Files named, and report files in folders named, in a stable order."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def read_files(paths: list[Path]) -> tuple[list[Document], list[Notice]]:
    """The report files' text (the I/O edge); a file that cannot be read becomes an error notice."""
    docs: list[Document] = []
    notices: list[Notice] = []
    ids: Counter = Counter()
    for path in report_files(paths):
        try:
            text = read_text(path)
        except InputError as exc:
            notices.append(Notice(exc.path, exc.line, str(exc).split(": ", 1)[-1].removeprefix(f"{exc.line}: "), "error"))
            continue
        doc_id = path.stem
        ids[doc_id] += 1
        if ids[doc_id] > 1:  # two reports with one file name in different folders
            doc_id = f"{doc_id}-{ids[doc_id]}"
        docs.append(Document(path, doc_id, text))
    return docs, notices


def read_all(docs: list[Document], cache: ReadingCache | None = None, jobs: int | None = None,
             on_progress: Callable[[int, int], None] | None = None) -> list[Extraction]:
    """Every document read twice: the first reading learns each report's names, the second
    reads with all of them. Readings ``cache`` holds are reused; the others are made in
    ``jobs`` processes (default: one per core when there is much to read)."""
    progress = _Steps(2 * len(docs), on_progress)
    texts = [(doc.path.name, doc.doc_id, _sha256(doc.text)) for doc in docs]
    learned = _cached(docs, cache, "names", texts, progress)
    for i, names in _read(_first_reading, docs, learned, jobs, None, progress):
        learned[i] = names
        if cache:
            cache.put("names", _where(docs[i]), texts[i], names)
    everyone = {name for names in learned.values() for name in names}
    known = Gazetteer(everyone)
    # A second reading stays valid while the names that could occur in its text stay the same.
    keys = [(*text, names_digest(known.relevant(doc.text))) for text, doc in zip(texts, docs)]
    seconds = _cached(docs, cache, "second", keys, progress)
    for i, extraction in _read(_second_reading, docs, seconds, jobs, everyone, progress):
        seconds[i] = extraction
        if cache:
            cache.put("second", _where(docs[i]), keys[i], extraction)
    return [seconds[i] for i in range(len(docs))]


def _learned(first: Iterable[Extraction]) -> set[str]:
    return {name for ex in first for name, kind in ex.kinds if kind in ("company", "investor", "org")}


class _Steps:
    def __init__(self, total: int, report: Callable[[int, int], None] | None) -> None:
        self.total, self.done, self.report = total, 0, report

    def __call__(self) -> None:
        self.done += 1
        if self.report:
            self.report(self.done, self.total)


def _cached(docs: list[Document], cache: ReadingCache | None, reading: str, keys: list[tuple], step: _Steps) -> dict:
    found = {}
    for i, (doc, key) in enumerate(zip(docs, keys)):
        hit = cache.get(reading, _where(doc), key) if cache else None
        if hit is not None:
            found[i] = hit
            step()
    return found


def _first_reading(doc: Document) -> tuple[str, ...]:
    report = parse_report(doc.text, doc.path.name, doc.doc_id)
    return tuple(sorted(_learned([extract(report, Gazetteer())])))


_KNOWN: Gazetteer | None = None  # the second reading's names, set once in each worker process


def _set_known(names: set[str]) -> None:
    global _KNOWN
    _KNOWN = Gazetteer(names)


def _second_reading(doc: Document) -> Extraction:
    """Parsing again costs less than shipping parsed reports between processes; the blocks are
    dropped from the result, since nothing after reading uses them."""
    assert _KNOWN is not None
    extraction = extract(parse_report(doc.text, doc.path.name, doc.doc_id), _KNOWN)
    return replace(extraction, report=replace(extraction.report, blocks=()))


def _read(fn: Callable, docs: list[Document], done: dict, jobs: int | None, names: set[str] | None,
          step: _Steps) -> Iterable[tuple[int, object]]:
    """(index, ``fn(doc)``) for the documents not ``done``, in order, in worker processes when it pays."""
    todo = [i for i in range(len(docs)) if i not in done]
    if names is not None:
        _set_known(names)
    size = sum(len(docs[i].text) for i in todo)
    workers = jobs if jobs is not None else (os.cpu_count() or 1) if size >= PARALLEL_CHARS else 1
    workers = max(1, min(workers, len(todo)))
    if workers == 1:
        for i in todo:
            yield i, fn(docs[i])
            step()
        return
    init = (_set_known, (names,)) if names is not None else (None, ())
    with ProcessPoolExecutor(workers, initializer=init[0], initargs=init[1]) as pool:
        for i, value in zip(todo, pool.map(fn, [docs[i] for i in todo], chunksize=1)):
            yield i, value
            step()


def _where(doc: Document) -> str:
    return str(doc.path.resolve())


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
