"""Incremental builds: cached readings, parallel reading and the two engines give the graph a
fresh, serial, uncached build gives, byte for byte."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from gpukg import cache as cache_module
from gpukg.build import build, dump
from gpukg.cache import ReadingCache
from gpukg.cli import main
from gpukg.errors import InputError
from gpukg.oxstore import canonical_graph, from_store
from gpukg.report import parse_report
from gpukg.validate import validate
from rdflib.compare import isomorphic
from gpukg.synth import write_corpus

ROOT = Path(__file__).resolve().parents[1]
REPORTS = Path(__file__).parent / "data" / "reports"


@pytest.fixture(scope="module")
def market(tmp_path_factory) -> Path:
    """A synthetic corpus of several reports that share investors: names cross reports."""
    folder = tmp_path_factory.mktemp("market")
    write_corpus(folder, 130, 3)
    assert len(list(folder.glob("*.md"))) >= 4
    return folder


@pytest.fixture(scope="module")
def fresh(market) -> bytes:
    return dump(build([market], jobs=1).store)


def copy(folder: Path, to: Path, skip: set[str] = frozenset()) -> Path:
    to.mkdir()
    for path in sorted(folder.glob("*.md")):
        if path.name not in skip:
            shutil.copy(path, to / path.name)
    return to


def test_a_second_build_reads_nothing_again(market, fresh, tmp_path):
    cache = ReadingCache(tmp_path / "cache")
    first = build([market], cache=cache, jobs=1)
    reports = len(list(market.glob("*.md")))
    assert (cache.hits, cache.misses) == (0, 2 * reports)
    again = ReadingCache(tmp_path / "cache")
    second = build([market], cache=again, jobs=1)
    assert (again.hits, again.misses) == (2 * reports, 0)
    assert dump(first.store) == dump(second.store) == fresh


@pytest.mark.parametrize("jobs", [1, 2])
def test_readings_are_kept_by_whichever_process_made_them(market, fresh, tmp_path, jobs):
    # with jobs=2 the worker processes write the entries, not the process that builds
    build([market], cache=ReadingCache(tmp_path / "cache"), jobs=jobs)
    reports = len(list(market.glob("*.md")))
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 2 * reports
    again = ReadingCache(tmp_path / "cache")
    second = build([market], cache=again, jobs=jobs)
    assert (again.hits, again.misses) == (2 * reports, 0)
    assert dump(second.store) == fresh


def test_adding_a_report_rereads_only_the_reports_its_names_reach(market, fresh, tmp_path):
    reports = sorted(market.glob("*.md"))
    newest = reports[-1]
    corpus = copy(market, tmp_path / "corpus", skip={newest.name})
    build([corpus], cache=ReadingCache(tmp_path / "cache"), jobs=1)
    shutil.copy(newest, corpus / newest.name)
    cache = ReadingCache(tmp_path / "cache")
    result = build([corpus], cache=cache, jobs=1)
    # Both readings of the new report are new; the others' first readings are all kept.
    assert cache.misses >= 2 and cache.hits >= len(reports) - 1
    assert cache.misses < 2 * len(reports), "adding one report re-read every report"
    # Whatever was kept, the graph is the one a build from nothing gives.
    assert dump(result.store) == fresh


def test_a_report_that_names_a_new_company_rereads_the_reports_that_mention_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("# A\n\n## Trends\n\n- Prices fell at Zorblax last quarter.\n")
    (corpus / "b.md").write_text("# B\n\n## Trends\n\n- Demand for GPUs keeps rising.\n")
    build([corpus], cache=ReadingCache(tmp_path / "cache"), jobs=1)
    (corpus / "c.md").write_text("# C\n\n## 1. Zorblax\n\n- **Founded:** 2021\n- **Total Funding:** $50M\n")
    cache = ReadingCache(tmp_path / "cache")
    result = build([corpus], cache=cache, jobs=1)
    # a.md mentions the new company (which its own reading did not take for a name), so its
    # second reading is redone, and now links its statement to the company; b.md's is kept.
    assert sorted((reading, Path(doc).name) for reading, doc in cache.missed) == [
        ("names", "c.md"), ("second", "a.md"), ("second", "c.md")]
    assert dump(result.store) == dump(build([corpus], jobs=1).store)
    assert b"Zorblax" in dump(result.store)


def test_an_edited_report_is_read_again(market, fresh, tmp_path):
    corpus = copy(market, tmp_path / "corpus")
    build([corpus], cache=ReadingCache(tmp_path / "cache"), jobs=1)
    edited = sorted(corpus.glob("*.md"))[0]
    edited.write_text(edited.read_text() + "\n- A closing remark about GPU prices.\n")
    cache = ReadingCache(tmp_path / "cache")
    result = build([corpus], cache=cache, jobs=1)
    assert cache.misses >= 2
    assert dump(result.store) != fresh
    assert dump(result.store) == dump(build([corpus], jobs=1).store)


def test_damaged_or_foreign_entries_are_misses_not_errors(market, fresh, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    build([market], cache=ReadingCache(folder), jobs=1)
    entries = sorted(folder.glob("*.pickle"))
    entries[0].write_bytes(entries[0].read_bytes()[:20])
    entries[1].write_bytes(b"not a pickle")
    cache = ReadingCache(folder)
    assert dump(build([market], cache=cache, jobs=1).store) == fresh
    assert cache.misses == 2
    # Other loader code: every entry is stale.
    monkeypatch.setattr(cache_module, "fingerprint", lambda: "another loader")
    cache = ReadingCache(folder)
    assert dump(build([market], cache=cache, jobs=1).store) == fresh
    assert cache.hits == 0


def test_reading_in_worker_processes_gives_the_same_graph(market, fresh, tmp_path):
    assert dump(build([market], jobs=2).store) == fresh
    # with the first readings cached and the second ones not (names a new report brings)
    cache = ReadingCache(tmp_path / "cache")
    build([market], cache=cache, jobs=2)
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.name.startswith("second-"):
            entry.unlink()
    again = ReadingCache(tmp_path / "cache")
    assert dump(build([market], cache=again, jobs=2).store) == fresh
    assert again.hits == len(list(market.glob("*.md")))


def test_each_report_is_parsed_once_for_both_readings(market, fresh, monkeypatch):
    from gpukg import corpus

    parsed = []
    monkeypatch.setattr(corpus, "parse_report", lambda *args: parsed.append(args[1]) or parse_report(*args))
    assert dump(build([market], jobs=1).store) == fresh
    assert sorted(parsed) == sorted(p.name for p in market.glob("*.md"))


@pytest.fixture(scope="module")
def everything():
    """One reading of the corpus and every fixture report together."""
    return build([ROOT / "corpus", REPORTS])


def test_both_engines_hold_the_same_graph(everything):
    # The engine only decides where the triples go (test_build runs `gpukg build --engine rdflib`
    # end to end on the corpus).
    result = everything
    plain = replace(result, engine="rdflib")
    assert len(result.store) == len(plain.graph)
    assert isomorphic(canonical_graph(from_store(result.store)), canonical_graph(plain.graph))
    assert result.summary() == plain.summary()


def test_every_report_together_makes_a_graph_without_violations(everything):
    # Regression: a front matter's statements had a block kind ("meta") the shapes did not allow
    report = validate(everything.store)
    assert not report.violations, [f"{v.focus} {v.path}: {v.message}" for v in report.violations[:10]]


def test_the_fingerprint_covers_what_reading_imports_and_nothing_downstream(tmp_path):
    from gpukg.cache import _imported

    (tmp_path / "corpus.py").write_text("from .extract import extract\nfrom . import lexicon, names\n")
    (tmp_path / "extract.py").write_text("from .records import (\n    Round,\n)\n")
    for name in ("records", "lexicon", "names", "validate"):
        (tmp_path / f"{name}.py").write_text("from .errors import GpukgError\n" if name == "names" else "")
    assert {p.stem for p in _imported(tmp_path, "corpus")} == {"corpus", "extract", "records", "lexicon", "names"}


def test_the_fingerprint_follows_a_parenthesised_import_over_several_lines(tmp_path):
    # Regression: "from . import (" with the names on the lines below named no module
    from gpukg.cache import _imported

    (tmp_path / "corpus.py").write_text("from . import (\n    lexicon,\n    names,  # spelling\n)\nimport os\n")
    for name in ("lexicon", "names", "os"):
        (tmp_path / f"{name}.py").write_text("")
    assert {p.stem for p in _imported(tmp_path, "corpus")} == {"corpus", "lexicon", "names"}


def test_a_cache_folder_that_cannot_be_made_is_one_clear_error(market, tmp_path, capsys):
    # Regression: the worker's FileExistsError came out as a traceback
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    out = tmp_path / "market.ttl"
    with pytest.raises(InputError, match=r"cache: cannot keep readings here .*--no-cache"):
        build([market], cache=ReadingCache(blocked), jobs=2)
    assert main(["build", str(market), "--out", str(out), "--cache", str(blocked)]) != 0
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"gpukg: {blocked}: cannot keep readings here") and "\n" not in error
    assert not out.exists()


def test_a_reading_that_cannot_be_kept_is_only_a_miss_later(tmp_path):
    gone = tmp_path / "cache"
    gone.write_text("not a folder")
    ReadingCache(gone).put("names", "doc.md", ("key",), ("A",))  # no error: the build goes on
    assert ReadingCache(gone).get("names", "doc.md", ("key",)) is None


def test_the_readings_a_new_report_reaches_are_redone_in_parallel(market, fresh, tmp_path, monkeypatch):
    # The new report alone is too little to start processes for; the second readings its
    # names reach are not, and were read one after the other in this process.
    from gpukg import corpus as corpus_module

    started = []

    class Counted(corpus_module.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs) -> None:
            started.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(corpus_module, "ProcessPoolExecutor", Counted)
    newest = sorted(market.glob("*.md"))[-1]
    monkeypatch.setattr(corpus_module, "PARALLEL_CHARS", len(newest.read_text()) + 1)
    corpus = copy(market, tmp_path / "corpus", skip={newest.name})
    build([corpus], cache=ReadingCache(tmp_path / "cache"), jobs=1)
    shutil.copy(newest, corpus / newest.name)
    cache = ReadingCache(tmp_path / "cache")
    result = build([corpus], cache=cache)
    assert [reading for reading, _ in cache.missed].count("names") == 1
    assert [reading for reading, _ in cache.missed].count("second") >= 2
    assert len(started) == 2
    assert dump(result.store) == fresh


@pytest.mark.parametrize("cache, jobs, made", [(False, 2, 0), (True, 2, 1), (False, 1, 1)])
def test_the_gazetteer_of_every_name_is_made_here_only_when_needed(market, fresh, tmp_path, monkeypatch,
                                                                   cache, jobs, made):
    """Here it serves only the cache's keys and readings made in this process; with neither, the reading
    processes make their own while this one waits (two idle seconds at 100,000 companies)."""
    from gpukg import corpus as corpus_module

    here = []
    real = corpus_module.Gazetteer
    monkeypatch.setattr(corpus_module, "Gazetteer", lambda names=(): here.append(len(names)) or real(names))
    result = build([market], cache=ReadingCache(tmp_path / "cache") if cache else None, jobs=jobs)
    assert dump(result.store) == fresh
    # worker processes count in their own copies of ``here``; the empty ones are the first readings'
    assert len([n for n in here if n]) == made
