"""The report files of a build, and their two readings (the costly part of a build).

A report is read twice: the first reading learns its names, the second reads it knowing
every report's names (its Markdown is parsed once, for both). Readings are kept in a
``ReadingCache`` when one is given, and made in worker processes when there is much to
read; either way the result is the same.
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
from .memo import remembering
from .names import Gazetteer
from .records import Extraction, Notice, Report
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
    if cache:
        cache.check()
    progress = _Steps(2 * len(docs), on_progress)
    texts = [(doc.path.name, doc.doc_id, _sha256(doc.text)) for doc in docs]
    with _Readers(docs, jobs) as readers:
        learned = _cached(docs, cache, "names", texts, progress)
        # each reading is kept by the process that made it: pickling 10,000 companies' second
        # readings here, one after the other, cost 9 s of a 40 s read
        for i, names in readers.run(_first_reading, [i for i in range(len(docs)) if i not in learned],
                                    lambda i: _Keep(cache.folder, texts[i]) if cache else None):
            learned[i] = names
            progress()
        # the reading processes make their gazetteers of these names while this one works out the keys
        readers.know({name for names in learned.values() for name in names})
        keys: list[tuple] = []
        if cache:
            # A second reading stays valid while the names that could occur in its text stay the same.
            known = readers.gazetteer()
            keys = [(*text, names_digest(known.relevant(doc.text))) for text, doc in zip(texts, docs)]
        seconds = _cached(docs, cache, "second", keys, progress)
        for i, extraction in readers.run(_second_reading, [i for i in range(len(docs)) if i not in seconds],
                                         lambda i: _Keep(cache.folder, keys[i]) if cache else None):
            seconds[i] = extraction
            progress()
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


# In each reading process, for one ``read_all``: the reports its first readings parsed, by
# document id, with the memo of what was worked out about their lines, kept for their second
# readings (the same process reads a document both times); and the names every report uses.
_PARSED: dict[str, tuple[Report, dict]] = {}
_KNOWN: Gazetteer | None = None


def _parse(doc: Document) -> Report:
    return parse_report(doc.text, doc.path.name, doc.doc_id)


@dataclass(frozen=True)
class _Keep:
    """Where and under which key the reading process keeps a reading it made."""

    folder: Path
    key: tuple

    def put(self, reading: str, doc: Document, value: object) -> None:
        ReadingCache(self.folder).put(reading, _where(doc), self.key, value)


def _first_reading(doc: Document, keep: _Keep | None = None) -> tuple[str, ...]:
    report, memo = _parse(doc), {}
    _PARSED[doc.doc_id] = report, memo
    with remembering(memo):
        names = tuple(sorted(_learned([extract(report, Gazetteer())])))
    if keep:
        keep.put("names", doc, names)
    return names


def _second_reading(doc: Document, keep: _Keep | None = None) -> Extraction:
    """The blocks are dropped from the result: nothing after reading uses them."""
    assert _KNOWN is not None
    # nothing kept when the first reading was cached by an earlier build, or made in another process
    parsed = _PARSED.pop(doc.doc_id, None)
    report, memo = parsed if parsed is not None else (_parse(doc), {})
    with remembering(memo):
        extraction = extract(report, _KNOWN)
    extraction = replace(extraction, report=replace(extraction.report, blocks=()))
    if keep:
        keep.put("second", doc, extraction)
    return extraction


def _set_known(names: set[str]) -> None:
    global _KNOWN
    _KNOWN = Gazetteer(names)


def _forget() -> None:
    global _KNOWN
    _PARSED.clear()
    _KNOWN = None


class _Readers:
    """The processes that read: each document goes to the same one for both readings, so
    that a report is parsed once (parsing is about half the cost of a reading, and a parsed
    report costs more to ship between processes than to parse again). Documents are dealt
    to processes by size, largest first, to the least loaded. No process is started while
    a batch of readings is small (it is read here), so a later, larger batch may start them."""

    def __init__(self, docs: list[Document], jobs: int | None) -> None:
        self.docs, self.jobs = docs, jobs
        self.pools: list[ProcessPoolExecutor] = []
        self.owner: dict[int, int] = {}
        self.names: set[str] | None = None

    def __enter__(self) -> _Readers:
        return self

    def __exit__(self, *exc: object) -> None:
        for pool in self.pools:
            pool.shutdown(cancel_futures=True)
        _forget()

    def know(self, names: set[str]) -> None:
        """The names of every report, for the second readings."""
        self.names = names
        for pool in self.pools:
            pool.submit(_set_known, names)  # runs before the readings submitted after it

    def gazetteer(self) -> Gazetteer:
        """The gazetteer of those names in this process, made once (two seconds at 100,000 companies)."""
        assert self.names is not None
        if _KNOWN is None:
            _set_known(self.names)
        assert _KNOWN is not None
        return _KNOWN

    def run(self, fn: Callable, todo: list[int], extra: Callable[[int], object]) -> Iterable[tuple[int, object]]:
        """(index, ``fn(doc, extra(index))``) for the documents ``todo``, in order."""
        if not todo:
            return
        if not self.pools:
            # decided per run: adding one report reads one report first, then the dozen whose
            # second readings its names reach
            self._start(todo)
        if not self.pools:
            if self.names is not None:
                self.gazetteer()  # the second readings are made here
            for i in todo:
                yield i, fn(self.docs[i], extra(i))
            return
        futures = [(i, self.pools[self.owner[i]].submit(fn, self.docs[i], extra(i))) for i in todo]
        for i, future in futures:
            yield i, future.result()

    def _start(self, todo: list[int]) -> None:
        size = sum(len(self.docs[i].text) for i in todo)
        workers = self.jobs if self.jobs is not None else (os.cpu_count() or 1) if size >= PARALLEL_CHARS else 1
        workers = max(1, min(workers, len(todo)))
        if workers == 1:
            return
        # the documents to read now are dealt first, so that they are shared evenly
        load = [0] * workers
        first = set(todo)
        for i in sorted(range(len(self.docs)), key=lambda i: (i not in first, -len(self.docs[i].text))):
            k = load.index(min(load))
            self.owner[i] = k
            load[k] += len(self.docs[i].text)
        self.pools = [ProcessPoolExecutor(1) for _ in range(workers)]
        if self.names is not None:
            for pool in self.pools:
                pool.submit(_set_known, self.names)


def _where(doc: Document) -> str:
    return str(doc.path.resolve())


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
