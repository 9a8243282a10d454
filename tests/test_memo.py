"""A report's second reading takes the answers its first reading worked out about its lines."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from gpukg import corpus
from gpukg.corpus import read_all, read_files
from gpukg.extract import extract
from gpukg.memo import per_text, remembering
from gpukg.names import Gazetteer
from gpukg.report import parse_report

ROOT = Path(__file__).resolve().parent.parent


def counted():
    calls = []

    @per_text(maxsize=16)
    def words(text: str) -> tuple[str, ...]:
        calls.append(text)
        return tuple(text.split())
    return words, calls


def test_answers_are_kept_in_the_memo_and_taken_from_it_again():
    words, calls = counted()
    memo: dict = {}
    with remembering(memo):
        assert words("a b") == ("a", "b")
        words("a b")
    with remembering(memo):  # the second reading of the same report
        assert words("a b") == ("a", "b")
    assert calls == ["a b"]
    assert memo == {words: {("a b",): ("a", "b")}}
    with remembering({}):  # another report's memo knows nothing of it
        words("a b")
    assert calls == ["a b", "a b"]


def test_outside_a_reading_answers_come_from_a_bounded_cache():
    words, calls = counted()
    for _ in range(3):
        words("a b")
    assert calls == ["a b"]
    for i in range(20):  # more than the 16 it keeps: the first was pushed out
        words(str(i))
    words("a b")
    assert calls.count("a b") == 2


def test_the_memo_before_is_back_after_an_error():
    words, calls = counted()
    outer: dict = {}
    with remembering(outer):
        with pytest.raises(ValueError), remembering({}):
            raise ValueError("a bad report")
        words("x")
    assert outer == {words: {("x",): ("x",)}}


def test_both_readings_of_a_report_share_one_memo_and_no_two_reports_do(monkeypatch):
    given = []

    def recorded(memo):
        given.append(memo)
        return remembering(memo)
    monkeypatch.setattr(corpus, "remembering", recorded)
    docs, _ = read_files([ROOT / "corpus"])
    assert len(docs) > 1
    read_all(docs, jobs=1)
    assert len(given) == 2 * len(docs)
    firsts, seconds = given[:len(docs)], given[len(docs):]  # every first reading, then every second
    assert [id(m) for m in firsts] == [id(m) for m in seconds]
    assert len({id(m) for m in firsts}) == len(docs)
    assert all(memo for memo in firsts)  # the first readings did keep answers


def test_reading_with_memos_reads_what_reading_without_them_does():
    """Every function that keeps its answers must depend on its text alone: if one read anything
    else, the second reading would take an answer that is wrong for it."""
    docs, _ = read_files([ROOT / "corpus", ROOT / "tests" / "data" / "reports"])
    read = read_all(docs, jobs=1)
    known = Gazetteer(set(_first_names(docs)))
    for doc, extraction in zip(docs, read):
        alone = extract(parse_report(doc.text, doc.path.name, doc.doc_id), known)
        assert extraction == replace(alone, report=replace(alone.report, blocks=())), doc.path.name


def _first_names(docs):
    for doc in docs:
        first = extract(parse_report(doc.text, doc.path.name, doc.doc_id), Gazetteer())
        yield from (name for name, kind in first.kinds if kind in ("company", "investor", "org"))
