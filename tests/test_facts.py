"""What a careful reader finds in each report must be in the graph built from it.

The expected facts are written by hand from the reports' text
(``tests/data/expected/<report-stem>.toml``, format in ``tests/factcheck.py``);
the loader never sees them. ``test_factcheck_*`` check the checker itself on a
small hand-written graph, so they run before the loader exists.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from factcheck import GK, SCHEMA, check, check_warnings, load_expected, unexpected

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
BAD = DATA / "bad"
EXPECTED = sorted((DATA / "expected").glob("*.toml"))
UNIONS = sorted((DATA / "union").glob("*.toml"))
CLEAN_FIXTURE = "gpu-cloud-challengers"


@functools.cache
def _build(paths: tuple[Path, ...]) -> Any:
    from gpukg.build import build  # the loader under test; imported late so the checker tests run without it

    return build(list(paths))


def _explain(misses: list[str], what: str, result: Any = None) -> str:
    lines = [f"{len(misses)} expected facts missing from {what}:", *misses]
    warnings = list(getattr(result, "warnings", []) or [])
    if warnings:
        lines.append(f"(the build gave {len(warnings)} warnings:)")
        lines += [f"  {w.path}:{w.line}: {w.message}" for w in warnings]
    return "\n".join(lines)


def _expected_for(report: str) -> dict[str, Any]:
    for path in EXPECTED:
        expected = load_expected(path)
        if expected["report"] == report:
            return expected
    raise AssertionError(f"no file in tests/data/expected/ describes {report}")


# --- the loader, one report at a time ------------------------------------------------

@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.stem)
def test_report_facts(expected_path: Path) -> None:
    expected = load_expected(expected_path)
    report = ROOT / expected["report"]
    result = _build((report,))
    misses = check(result.graph, expected) + check_warnings(result.warnings, expected)
    assert not misses, _explain(misses, expected["report"], result)


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.stem)
def test_report_lists_every_fact_of_the_kinds_listed_in_full(expected_path: Path) -> None:
    """Precision: a round, acquisition, backing, founding, headquarters or role the loader makes up
    fails here, where the check above only sees what is missing."""
    expected = load_expected(expected_path)
    problems = unexpected(_build((ROOT / expected["report"],)).graph, expected)
    assert not problems, "\n".join([f"{len(problems)} problems in {expected['report']}:", *problems])


def test_every_fixture_report_has_expected_facts() -> None:
    described = {load_expected(path)["report"] for path in EXPECTED}
    reports = sorted((DATA / "reports").glob("*.md")) + sorted((ROOT / "corpus").glob("*.md"))
    undescribed = [str(p.relative_to(ROOT)) for p in reports if str(p.relative_to(ROOT)) not in described]
    assert not undescribed


def test_every_expected_file_names_its_report_stem() -> None:
    wrong = [p.name for p in EXPECTED if Path(load_expected(p)["report"]).stem != p.stem]
    assert not wrong


# --- the loader, reports together -------------------------------------------------------

@pytest.mark.parametrize("union_path", UNIONS, ids=lambda p: p.stem)
def test_union_resolves_names_across_files(union_path: Path) -> None:
    union = load_expected(union_path)
    result = _build(tuple(ROOT / report for report in union["reports"]))
    misses = check(result.graph, union)
    assert not misses, _explain(misses, f"the union {union_path.stem}", result)


@pytest.mark.parametrize("union_path", UNIONS, ids=lambda p: p.stem)
def test_union_keeps_every_report_fact(union_path: Path) -> None:
    union = load_expected(union_path)
    result = _build(tuple(ROOT / report for report in union["reports"]))
    misses = [
        f"{report}: {miss}"
        for report in union["reports"]
        for miss in check(result.graph, _expected_for(report))
    ]
    assert not misses, _explain(misses, f"the union {union_path.stem}", result)


# --- the loader, bad input (tests/data/bad/README.md) -----------------------------------

def test_unreadable_report_is_named_with_its_line() -> None:
    from gpukg.errors import InputError

    try:
        result = _build((BAD / "not-utf8.md",))
    except InputError as exc:  # the library may refuse the file outright...
        assert "not-utf8.md" in str(exc)
        return
    # ...or report it and carry on; either way it names the file and the first bad byte's line
    assert any(Path(str(w.path)).name == "not-utf8.md" and w.line == 3 for w in result.warnings)


def test_unreadable_report_fails_the_build_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gpukg.cli import main

    code = main(["build", str(BAD / "not-utf8.md"), "--out", str(tmp_path / "out.ttl")])
    assert code != 0
    assert "not-utf8.md" in capsys.readouterr().err


def test_readable_bad_reports_do_not_fail_the_build_command(tmp_path: Path) -> None:
    from gpukg.cli import main

    names = ["empty.md", "prose-only.md", "broken-amounts.md"]
    code = main(["build", *(str(BAD / name) for name in names), "--out", str(tmp_path / "out.ttl")])
    assert code == 0


@pytest.mark.parametrize("name", ["empty.md", "prose-only.md"])
def test_report_without_profiles_builds_with_a_warning(name: str) -> None:
    result = _build((BAD / name,))
    assert any(Path(str(w.path)).name == name for w in result.warnings)
    invented = list(result.graph.subjects(predicate=GK.fundedCompany)) + list(result.graph.subjects(predicate=GK.subject))
    assert not invented


def test_bad_report_does_not_stop_the_others() -> None:
    clean = DATA / "reports" / f"{CLEAN_FIXTURE}.md"
    result = _build((BAD / "empty.md", BAD / "broken-amounts.md", BAD / "prose-only.md", clean))
    broken = _expected_for("tests/data/bad/broken-amounts.md")
    misses = check(result.graph, _expected_for(f"tests/data/reports/{CLEAN_FIXTURE}.md"))
    misses += check(result.graph, broken) + check_warnings(result.warnings, broken)
    assert not misses, _explain(misses, "a build mixing bad and clean reports", result)


def test_committed_dump_holds_the_bundled_facts() -> None:
    from gpukg.store import DEFAULT_DUMP, read_graph

    if not DEFAULT_DUMP.exists():
        pytest.skip("no committed dump yet (gpukg build writes it)")
    graph = read_graph()
    union = load_expected(DATA / "union" / "corpus.toml")
    misses = check(graph, union) + [
        f"{report}: {miss}" for report in union["reports"] for miss in check(graph, _expected_for(report))
    ]
    assert not misses, _explain(misses, str(DEFAULT_DUMP.relative_to(ROOT)))


# --- the checker itself, on a hand-written graph ---------------------------------------------

SAMPLE = DATA / "factcheck-sample.ttl"


@pytest.fixture(scope="module")
def sample() -> Graph:
    return Graph().parse(SAMPLE, format="turtle")


def test_factcheck_accepts_a_graph_holding_every_fact(sample: Graph) -> None:
    assert check(sample, load_expected(DATA / "factcheck-sample.toml")) == []


def test_factcheck_reports_each_unmet_entry_once(sample: Graph) -> None:
    expected = load_expected(DATA / "factcheck-misses.toml")
    misses = check(sample, expected)
    wanted = [
        f"line {entry['line']}" if "line" in entry else "names"
        for kind, entries in expected.items() if isinstance(entries, list)
        for entry in entries
    ]
    assert [miss.split(":", 1)[0] for miss in misses] == wanted, "\n".join(misses)


def test_factcheck_finds_no_unexpected_fact_when_all_are_listed(sample: Graph) -> None:
    assert unexpected(sample, load_expected(DATA / "factcheck-sample.toml")) == []


def test_factcheck_names_a_round_no_entry_describes(sample: Graph) -> None:
    expected = load_expected(DATA / "factcheck-sample.toml")
    expected["round"] = [entry for entry in expected["round"] if "amount" not in entry]
    expected["round"][0]["type"] = "seed"  # the other entry now describes another round
    problems = unexpected(sample, expected)
    assert len(problems) == 1 and problems[0].startswith("line 3: round ") and "Fireworks.ai" in problems[0], problems


def test_factcheck_extra_entry_excuses_a_fact_and_must_excuse_one(sample: Graph) -> None:
    expected = load_expected(DATA / "factcheck-sample.toml")
    expected["acquisition"] = []
    expected["extra"] = [{"line": 5, "kind": "acquisition", "note": "wrong: a test"}]
    assert unexpected(sample, expected) == []
    expected["extra"].append({"line": 4, "kind": "round", "note": "excuses nothing"})
    expected["extra"].append({"line": 5, "kind": "acquisition"})
    problems = unexpected(sample, expected)
    assert [p.split(" ", 2)[:2] for p in problems] == [["[[extra]]", "entry"], ["line", "4:"]], problems


def test_factcheck_wants_the_named_report(sample: Graph) -> None:
    expected = load_expected(DATA / "factcheck-sample.toml")
    expected["report"] = "tests/data/other-report.md"
    misses = check(sample, expected)
    assert misses[0] == "no gk:Document with gk:fileName 'other-report.md'"
    kept = {"same", "distinct", "not_category"}  # these hold whatever report the facts came from
    assert len(misses) == 1 + sum(len(v) for k, v in expected.items() if isinstance(v, list) and k not in kept)


def test_factcheck_rejects_amounts_that_are_not_typed_numbers(sample: Graph) -> None:
    amount = URIRef("https://w3id.org/gpukg/id/round/fireworks-ai-series-a#amount")
    sample = Graph() + sample
    sample.set((amount, SCHEMA.value, Literal("25000000")))
    expected = load_expected(DATA / "factcheck-sample.toml")
    misses = check(sample, {"report": expected["report"], "round": expected["round"][:1]})
    assert len(misses) == 1 and "not a typed number" in misses[0]


def test_factcheck_wants_an_integer_line(sample: Graph) -> None:
    statement = URIRef("https://w3id.org/gpukg/id/statement/sample-report/L3")
    sample = Graph() + sample
    sample.set((statement, GK.line, Literal("3", datatype=XSD.string)))
    expected = load_expected(DATA / "factcheck-sample.toml")
    misses = check(sample, {"report": expected["report"], "round": expected["round"][:1]})
    assert len(misses) == 1 and misses[0].startswith("line 3:")


def test_factcheck_wants_the_category_on_the_company_too(sample: Graph) -> None:
    company = URIRef("https://w3id.org/gpukg/id/org/fireworks-ai")
    sample = Graph() + sample
    sample.remove((company, GK.category, None))
    expected = load_expected(DATA / "factcheck-sample.toml")
    misses = check(sample, {"report": expected["report"], "category": expected["category"]})
    assert len(misses) == 1 and "the company itself" in misses[0]


def test_factcheck_flags_unknown_kinds_and_incomplete_entries(sample: Graph) -> None:
    misses = check(sample, {"report": "tests/data/sample-report.md", "rounds": [{"line": 3}], "role": [{"line": 4}]})
    assert misses == [
        "unknown entry kind [[rounds]] in the expected facts",
        "line 4: [[role]] entry lacks person, company, role",
    ]


def test_factcheck_matches_warnings_by_file_and_line() -> None:
    class Warning_:
        def __init__(self, path: str, line: int | None, message: str) -> None:
            self.path, self.line, self.message = path, line, message

    expected = {"report": "tests/data/bad/broken-amounts.md", "warning": [{"line": 17}, {"line": 18, "contains": "amount"}]}
    given = [Warning_("/abs/tests/data/bad/broken-amounts.md", 17, "no number"), Warning_("broken-amounts.md", 18, "odd")]
    assert check_warnings(given, expected) == ["line 18: warning containing 'amount' naming broken-amounts.md: not given"]
    assert check_warnings([Warning_("other.md", 17, "x")], expected)[0].startswith("line 17:")
