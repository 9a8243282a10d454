"""SHACL validation: the shapes, the W3C-style cases, the real graph, and the command.

Each folder of tests/data/shapes/ is a case for one shape (W3C SHACL test-suite style): the
common graph _base.ttl plus data-ok.ttl must conform with no result at all, and _base.ttl
plus each data-bad*.ttl must give exactly the results its expected.json lists (focus node,
path, value, source shape, severity, and a piece of the message). The expected results
are written by hand from the shapes' contract, not read back from a run.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from gpukg.cli import main
from gpukg.errors import GpukgError, InputError
from gpukg.iris import GK, PROV, SCHEMA
from gpukg.validate import (
    SHAPES_FILE,
    Report,
    Result,
    load_shapes,
    shape_problems,
    summary,
    validate,
)

ROOT = Path(__file__).resolve().parents[1]
CASES_DIR = ROOT / "tests" / "data" / "shapes"
DUMP = ROOT / "graph" / "gpu-market.ttl"
GKS = "https://w3id.org/gpukg/shapes#"

EXPAND = {
    "gkid": "https://w3id.org/gpukg/id/",
    "gk": str(GK),
    "gks": GKS,
    "concept": "https://w3id.org/gpukg/concept/",
    "schema": str(SCHEMA),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": str(RDF),
    "prov": str(PROV),
    "org": "http://www.w3.org/ns/org#",
    "dcterms": "http://purl.org/dc/terms/",
    "time": "http://www.w3.org/2006/time#",
}

CASES = sorted(p for p in CASES_DIR.iterdir() if p.is_dir())
BAD_FILES = [(case, bad) for case in CASES for bad in sorted(case.glob("data-bad*.ttl"))]

needs_dump = pytest.mark.skipif(not DUMP.is_file(), reason="graph/gpu-market.ttl not built yet (run `gpukg build`)")


# --- fixtures and helpers ----------------------------------------------------------



def case_graph(base: Graph, path: Path) -> Graph:
    graph = Graph()
    graph += base
    graph.parse(path, format="turtle")
    return graph


def expand(name: str) -> URIRef:
    prefix, _, rest = name.partition(":")
    return URIRef(EXPAND[prefix] + rest) if prefix in EXPAND else URIRef(name)


def matches(expected: dict, result: Result) -> bool:
    focus = expected["focus"]
    if focus == "_:" and not isinstance(result.focus, BNode):
        return False
    if focus != "_:" and result.focus != expand(focus):
        return False
    path = expected.get("path")
    if (result.path is None) != (path is None) or (path is not None and result.path != expand(path)):
        return False
    if result.shape != expand(expected["shape"]) or result.severity != expected.get("severity", "Violation"):
        return False
    if "value" in expected and not same_value(expected["value"], result.value):
        return False
    return numerals(expected["message"]) in numerals(result.message)


def numerals(text: str) -> str:
    """``text`` with decimal numerals in one form: "200000000.0" and "200000000" are one number.

    Messages quote figures as the engine computed them: rdflib keeps a decimal's scale,
    Oxigraph writes the canonical form.
    """
    return re.sub(r"\b(\d+)\.(\d*?)0*(?!\d)", lambda m: m.group(1) + ("." + m.group(2) if m.group(2) else ""), text)


def same_value(expected: object, actual: object) -> bool:
    if isinstance(expected, (int, float)):
        return isinstance(actual, Literal) and Decimal(str(actual)) == Decimal(str(expected))
    if isinstance(actual, URIRef):
        return actual == expand(str(expected))
    return str(actual) == expected


def show(result: Result) -> str:
    return f"{result.severity} {result.focus} {result.path} {result.value!r} {result.shape}: {result.message}"


def unmatched(expected: list[dict], results: tuple[Result, ...]) -> tuple[list[dict], list[Result]]:
    """The expected results no actual result matches, and the actual results left over."""
    left = list(results)
    missing = []
    for entry in expected:
        found = next((r for r in left if matches(entry, r)), None)
        if found is None:
            missing.append(entry)
        else:
            left.remove(found)
    return missing, left


# --- the W3C-style cases -------------------------------------------------------------

def test_base_graph_conforms(base, shapes, ontology):
    report = validate(base, shapes, ontology)
    assert [show(r) for r in report.results] == []


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_conforming_case(case, base, shapes, ontology):
    report = validate(case_graph(base, case / "data-ok.ttl"), shapes, ontology)
    assert report.conforms
    assert [show(r) for r in report.results] == []


@pytest.mark.parametrize("case,bad", BAD_FILES, ids=lambda p: p.name)
def test_violating_case(case, bad, base, shapes, ontology):
    expected = json.loads((case / "expected.json").read_text())[bad.name]
    report = validate(case_graph(base, bad), shapes, ontology)
    missing, extra = unmatched(expected, report.results)
    assert missing == [], "expected but not found:\n" + "\n".join(map(str, missing)) + "\nactual:\n" + "\n".join(map(show, report.results))
    assert extra == [], "not expected:\n" + "\n".join(map(show, extra))
    assert report.conforms == (not any(e.get("severity", "Violation") == "Violation" for e in expected))


# --- the shapes themselves -------------------------------------------------------------

NODE_CONSTRAINTS = {SH["class"], SH.datatype, SH.nodeKind, SH.pattern, SH["in"], SH["not"], SH["and"], SH["or"],
                    SH.xone, SH.node, SH.sparql, SH.hasValue, SH.closed}


def named_shapes(shapes: Graph, kind: URIRef) -> set[URIRef]:
    return {s for s in shapes.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def test_shapes_pass_shacl_shacl():
    from pyshacl.entrypoints import meta_validate

    conforms, _, text = meta_validate(Graph().parse(SHAPES_FILE), inference="none")
    assert conforms, text


def test_shapes_have_no_problems_load_shapes_would_refuse(shapes):
    assert shape_problems(shapes) == []


def test_every_shape_documents_itself(shapes):
    for shape in named_shapes(shapes, SH.NodeShape) | named_shapes(shapes, SH.PropertyShape):
        assert shapes.value(shape, SH.message) is not None, f"{shape} has no sh:message"
        assert shapes.value(shape, SH.severity) in (SH.Violation, SH.Warning), f"{shape} has no sh:severity"
    for shape in named_shapes(shapes, SH.NodeShape):
        assert shapes.value(shape, RDFS_COMMENT) is not None, f"{shape} has no rdfs:comment"


RDFS_COMMENT = URIRef("http://www.w3.org/2000/01/rdf-schema#comment")


def test_consistency_rules_are_warnings_and_the_rest_violations(shapes):
    warnings = {s for s in named_shapes(shapes, SH.NodeShape) if shapes.value(s, SH.severity) == SH.Warning}
    assert {str(s).removeprefix(GKS) for s in warnings} == {
        "ConflictingFiguresShape", "ConflictingValuationShape", "RoundsExceedTotalShape",
        "RoundAfterTotalShape", "AcquiredTwiceShape", "ValuationBelowAmountShape"}
    assert all(shapes.value(s, SH.sparql) is not None for s in warnings)


def test_one_node_shape_per_class_of_the_ontology(shapes, ontology):
    from rdflib.namespace import OWL

    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef) and str(c).startswith(str(GK))}
    targeted = set(shapes.objects(None, SH.targetClass))
    assert classes - targeted == set()


def test_every_shape_has_a_conforming_and_a_violating_case(shapes):
    """Each node shape has its folder; each shape shows up in the expected results of a case."""
    folders = {case.name: case for case in CASES}
    expected_shapes: dict[str, set[URIRef]] = {}
    for name, case in folders.items():
        assert (case / "data-ok.ttl").is_file() and list(case.glob("data-bad*.ttl")), name
        cases = json.loads((case / "expected.json").read_text())
        assert set(cases) == {p.name for p in case.glob("data-bad*.ttl")}, name
        expected_shapes[name] = {expand(e["shape"]) for results in cases.values() for e in results}
    for shape in named_shapes(shapes, SH.NodeShape):
        name = str(shape).removeprefix(GKS)
        assert name in folders, f"no test case folder for {name}"
        if any(shapes.value(shape, p) is not None for p in NODE_CONSTRAINTS):
            assert shape in expected_shapes[name], f"no violating case of {name} itself"
        for prop in shapes.objects(shape, SH.property):
            assert prop in expected_shapes[name], f"no violating case of {prop} in {name}/"


# --- loading shapes and bad input ------------------------------------------------------

INVALID_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:BrokenShape a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:name ; sh:minCount "one" ] ;
    sh:severity "high" .
"""

BAD_SPARQL_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:QueryShape a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:sparql [ a sh:SPARQLConstraint ; sh:select "SELECT $this WHERE { $this ex:p ?o . FILTER( }" ] .
"""


def test_load_shapes_refuses_shapes_that_are_not_valid_shacl(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(INVALID_SHAPES)
    with pytest.raises(InputError) as caught:
        load_shapes(path)
    assert "broken.ttl" in str(caught.value) and "not valid SHACL" in str(caught.value)
    assert "minCount" in str(caught.value) or "severity" in str(caught.value)


def test_load_shapes_refuses_sparql_that_does_not_parse(tmp_path):
    path = tmp_path / "query.ttl"
    path.write_text(BAD_SPARQL_SHAPES)
    with pytest.raises(InputError, match="QueryShape.*SPARQL does not parse"):
        load_shapes(path)


def test_validate_refuses_a_graph_with_no_instances(shapes, ontology):
    graph = Graph()
    graph.add((URIRef("http://example.org/a"), URIRef("http://example.org/b"), Literal("c")))
    with pytest.raises(GpukgError, match="no instances"):
        validate(graph, shapes, ontology)


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name,content,where", [
    ("shapes", INVALID_SHAPES, "not valid SHACL"),
    ("shapes", BAD_SPARQL_SHAPES, "SPARQL does not parse"),
    ("shapes", "this is not Turtle .", "does not parse"),
    ("graph", "<a> <b> \"unterminated .", "does not parse"),
    ("graph", "", "no instances"),
    ("graph", "@prefix ex: <http://example.org/> . ex:a ex:b ex:c .", "no instances"),
])
def test_bad_input_exits_2_with_a_message(name, content, where, tmp_path, capsys):
    bad = tmp_path / f"bad-{name}.ttl"
    bad.write_text(content)
    graph = CASES_DIR / "_base.ttl"
    args = ["validate", str(bad if name == "graph" else graph)] + (["--shapes", str(bad)] if name == "shapes" else [])
    code, out, err = run_cli(args, capsys)
    assert code == 2
    assert err.startswith("gpukg: ") and f"bad-{name}.ttl" in err and where in err
    assert "Traceback" not in err and out == ""


def test_an_ill_typed_literal_is_a_violation_not_a_traceback(tmp_path):
    path = tmp_path / "ill-typed.ttl"
    path.write_text((CASES_DIR / "_base.ttl").read_text() + """
<observation/acme-gpus-000000000a> a gk:Observation ; gk:subject <org/acme> ; gk:metric <https://w3id.org/gpukg/concept/metric/gpus> ;
    schema:value "fifty"^^xsd:decimal ; gk:unit <https://w3id.org/gpukg/concept/unit/count> ;
    gk:timeBasis <https://w3id.org/gpukg/concept/time-basis/as-of-report> ; prov:wasDerivedFrom <statement/tiny/L4> .
""")
    # A real process: pytest would capture rdflib's log records before they reach stderr.
    run = subprocess.run([sys.executable, "-m", "gpukg.cli", "validate", str(path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "Traceback" not in run.stderr and run.stderr == ""
    assert 'schema:value = "fifty"^^xsd:decimal' in run.stdout and "gks:Observation-value" in run.stdout


def test_a_missing_graph_file_exits_2(tmp_path, capsys):
    code, _, err = run_cli(["validate", str(tmp_path / "nowhere.ttl")], capsys)
    assert code == 2 and "nowhere.ttl" in err and "Traceback" not in err


# --- the command and the report formats --------------------------------------------------

def case_file(tmp_path: Path, case: str, data: str) -> Path:
    """_base.ttl plus one case file, as one Turtle file the command can read."""
    path = tmp_path / f"{case}-{data}"
    graph = Graph().parse(CASES_DIR / "_base.ttl")
    graph.parse(CASES_DIR / case / data)
    path.write_text(graph.serialize(format="turtle"))
    return path


def test_command_exits_0_on_a_conforming_graph(tmp_path, capsys):
    code, out, _ = run_cli(["validate", str(case_file(tmp_path, "FundingRoundShape", "data-ok.ttl"))], capsys)
    assert code == 0
    assert out.startswith("The graph conforms: 0 violation(s), 0 warning(s).")


def test_command_exits_0_with_warnings_only(tmp_path, capsys):
    code, out, _ = run_cli(["validate", str(case_file(tmp_path, "ValuationBelowAmountShape", "data-bad.ttl"))], capsys)
    assert code == 0
    assert "0 violation(s), 1 warning(s)" in out and "WARNINGS (1)" in out and "VIOLATIONS" not in out


def test_command_exits_1_on_violations_and_the_text_says_what_and_where(tmp_path, capsys):
    code, out, _ = run_cli(["validate", str(case_file(tmp_path, "FundingRoundShape", "data-bad.ttl"))], capsys)
    assert code == 1
    assert out.startswith("The graph does NOT conform: 8 violation(s), 1 warning(s).")
    # Grouped by the entity a fact is about: here the person the round wrongly points at.
    block = out[out.index("  Ada Lovelace (gkid:person/ada)"):]
    assert "- gkid:round/person-company-0000000002  gk:fundedCompany = gkid:person/ada" in block
    assert "must be a gk:Company (not a person, place or plain organization): fix the link or the entity's type." in block
    assert "source: tiny.md line 5; shape: gks:FundingRound-fundedCompany" in block
    assert "  Bolt Compute (gkid:org/bolt)" in out


def test_json_format_lists_every_result_with_its_source(tmp_path, capsys):
    code, out, _ = run_cli(["validate", str(case_file(tmp_path, "RoundsExceedTotalShape", "data-bad.ttl")), "-f", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["conforms"] is True and data["violations"] == 0 and data["warnings"] == 2
    bolt = next(r for r in data["results"] if r["entityLabel"] == "Bolt Compute")
    assert bolt["severity"] == "Warning" and bolt["path"] == str(SCHEMA.value)
    assert Decimal(bolt["value"]) == Decimal(200000000) and bolt["datatype"] == str(XSD.decimal)
    assert bolt["sources"] == [{"document": "other.md", "line": 8}]
    assert bolt["sourceShape"] == GKS + "RoundsExceedTotalShape"


def test_turtle_format_is_a_standard_validation_report(tmp_path, capsys):
    code, out, _ = run_cli(["validate", str(case_file(tmp_path, "PersonShape", "data-bad.ttl")), "--format", "turtle"], capsys)
    assert code == 1
    report = Graph().parse(data=out, format="turtle")
    [node] = list(report.subjects(RDF.type, SH.ValidationReport))
    assert report.value(node, SH.conforms) == Literal(False)
    [result] = list(report.objects(node, SH.result))
    assert report.value(result, SH.focusNode) == expand("gkid:people/grace")
    assert report.value(result, SH.resultSeverity) == SH.Violation
    assert report.value(result, SH.sourceShape) == expand("gks:PersonShape")


def test_summary_counts_results_per_shape(base, shapes, ontology):
    report = validate(case_graph(base, CASES_DIR / "DocumentShape" / "data-bad.ttl"), shapes, ontology)
    line = summary(report)
    assert line.startswith("validation: does not conform: 8 violation(s), 0 warning(s)")
    assert "1 violation gks:Document-title" in line and "2 violation gks:Document-fileName" in line


# --- the real graph ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def dump() -> Graph:
    return Graph().parse(DUMP)


@pytest.fixture(scope="module")
def dump_report(dump, shapes, ontology) -> Report:
    return validate(dump, shapes, ontology)


def warnings_of(report: Report, shape: str, entity: str) -> list[Result]:
    return [r for r in report.warnings if r.shape == URIRef(GKS + shape) and r.entity_label == entity]


def number(value: object) -> Decimal:
    return Decimal(str(value))


def numbers(result: Result) -> set[Decimal]:
    """The figures a result quotes: its value and the numbers in its message."""
    found = {Decimal(n) for n in re.findall(r"\d+(?:\.\d+)?", result.message)}
    return found | ({number(result.value)} if isinstance(result.value, Literal) else set())


@needs_dump
def test_the_dump_has_no_violations(dump_report):
    assert [show(r) for r in dump_report.violations] == []


@needs_dump
def test_the_dump_warns_about_coreweave_valuations(dump_report):
    # Profiles L139: Series C "at $19B valuation" (May 2024); trends L155: "$23B valuation", undated.
    found = warnings_of(dump_report, "ConflictingValuationShape", "CoreWeave")
    assert any(number(r.value) == 19_000_000_000 and "23000000000" in r.message
               and "gpu-business-trends.md line 155" in r.message for r in found), [show(r) for r in found]


@needs_dump
def test_the_dump_warns_about_coreweave_2024_revenue(dump_report):
    # Trends L56: "$1.9B in 2024"; profiles L132: "~$2B" for 2024; profiles L220: "$2B-$3.5B" for 2024/2025.
    found = warnings_of(dump_report, "ConflictingFiguresShape", "CoreWeave")
    revenue = [r for r in found if r.message.startswith("revenue of CoreWeave")]
    assert any(1_900_000_000 in numbers(r) for r in revenue), [show(r) for r in found]


@needs_dump
def test_the_dump_warns_about_fireworks_revenue(dump_report):
    # Trends L16: "revenues exceeding $300 million"; profiles L21 and L216: "$130M ARR".
    found = warnings_of(dump_report, "ConflictingFiguresShape", "Fireworks.ai")
    assert any({300_000_000, 130_000_000} <= numbers(r) for r in found), [show(r) for r in found]


@needs_dump
def test_the_dump_warns_when_rounds_exceed_the_total_raised(dump_report):
    # Lambda (profiles L109-112): $937M total, rounds $320M + $500M + $480M = $1.3B.
    [lambda_] = warnings_of(dump_report, "RoundsExceedTotalShape", "Lambda Labs")
    assert number(lambda_.value) == 937_000_000 and "1300000000" in lambda_.message and "3 known rounds" in lambda_.message
    assert lambda_.sources[0].document == "gpu-company-profiles.md" and lambda_.sources[0].line == 109
    # CoreWeave (L138-140): $2.37B total, $1.1B + $2.3B + $650M = $4.05B.
    [coreweave] = warnings_of(dump_report, "RoundsExceedTotalShape", "CoreWeave")
    assert number(coreweave.value) == 2_370_000_000 and "4050000000" in coreweave.message
    # Modal: trends L154 "$32M raised" against profiles L56-57, $16M + $25M; "$32M+" (L55) is a lower bound.
    [modal] = warnings_of(dump_report, "RoundsExceedTotalShape", "Modal")
    assert number(modal.value) == 32_000_000 and "41000000" in modal.message


@needs_dump
def test_the_dump_raises_no_false_alarms(dump_report):
    # CoreWeave acquires Core Scientific (L141, L231): one deal, stated twice. No valuation is below its round.
    assert [show(r) for r in dump_report.warnings if r.shape in (
        URIRef(GKS + "AcquiredTwiceShape"), URIRef(GKS + "ValuationBelowAmountShape"))] == []
    # Sought valuations (Fireworks $4B, Crusoe $10B) are targets, not conflicts with the valuations reached.
    for r in dump_report.warnings:
        assert not numbers(r) & {4_000_000_000, 10_000_000_000}, show(r)
    # CoreWeave $1.9B (trends L56) and ~$2B (profiles L132) for 2024 are 5 % apart: within 10 %.
    assert not any({1_900_000_000, 2_000_000_000} <= numbers(r) for r in dump_report.warnings), "1.9B and 2B are within 10 %"


# --- mutations of the real graph --------------------------------------------------------------

def mutated(dump: Graph) -> Graph:
    graph = Graph()
    graph += dump
    return graph


def new_results(before: Report, after: Report) -> list[Result]:
    seen = {(r.focus, r.path, r.value, r.shape) for r in before.results}
    return [r for r in after.results if (r.focus, r.path, r.value, r.shape) not in seen]


def first(graph: Graph, subjects) -> URIRef:
    return sorted(subjects)[0]


@needs_dump
def test_mutation_drop_a_rounds_amount(dump, dump_report, shapes, ontology):
    graph = mutated(dump)
    round_ = first(graph, graph.subjects(GK.amount, None))
    graph.remove((round_, GK.amount, None))
    found = new_results(dump_report, validate(graph, shapes, ontology))
    assert any(r.focus == round_ and r.path == GK.amount and r.shape == URIRef(GKS + "FundingRound-amount")
               and "needs exactly one gk:amount" in r.message and r.sources for r in found), [show(r) for r in found]


@needs_dump
def test_mutation_make_a_date_malformed(dump, dump_report, shapes, ontology):
    graph = mutated(dump)
    fact = first(graph, (s for s, o in graph.subject_objects(GK.date) if o.datatype == XSD.gYearMonth))
    graph.set((fact, GK.date, Literal("May 2024", datatype=XSD.gYearMonth)))
    found = new_results(dump_report, validate(graph, shapes, ontology))
    assert any(r.focus == fact and r.path == GK.date and r.shape == URIRef(GKS + "Fact-date")
               and str(r.value) == "May 2024" and "one valid date as stated" in r.message for r in found), [show(r) for r in found]


@needs_dump
def test_mutation_point_a_round_at_a_person(dump, dump_report, shapes, ontology):
    graph = mutated(dump)
    round_ = first(graph, graph.subjects(GK.fundedCompany, None))
    person = first(graph, graph.subjects(RDF.type, SCHEMA.Person))
    graph.set((round_, GK.fundedCompany, person))
    found = new_results(dump_report, validate(graph, shapes, ontology))
    assert any(r.focus == round_ and r.value == person and r.shape == URIRef(GKS + "FundingRound-fundedCompany")
               and "must be a gk:Company" in r.message for r in found), [show(r) for r in found]


@needs_dump
def test_mutation_remove_a_facts_source(dump, dump_report, shapes, ontology):
    graph = mutated(dump)
    fact = first(graph, graph.subjects(RDF.type, GK.Observation))
    graph.remove((fact, PROV.wasDerivedFrom, None))
    found = new_results(dump_report, validate(graph, shapes, ontology))
    assert any(r.focus == fact and r.path == PROV.wasDerivedFrom and r.shape == URIRef(GKS + "Fact-wasDerivedFrom")
               and "at least one prov:wasDerivedFrom" in r.message for r in found), [show(r) for r in found]


# --- the check `gpukg build` runs ------------------------------------------------------------

def test_check_built_refuses_a_graph_with_violations(base):
    from gpukg.errors import ValidationFailed
    from gpukg.validate import check_built

    graph = case_graph(base, CASES_DIR / "FactShape" / "data-bad.ttl")
    with pytest.raises(ValidationFailed) as caught:
        check_built(graph)
    assert caught.value.exit_code == 1
    assert "10 violation(s)" in str(caught.value) and "dump was not replaced" in str(caught.value)
    assert check_built(graph, force=True).violations


def test_check_built_lets_warnings_through(base):
    from gpukg.validate import check_built

    report = check_built(case_graph(base, CASES_DIR / "AcquiredTwiceShape" / "data-bad.ttl"))
    assert report.conforms and len(report.warnings) == 2
    assert "2 warning(s)" in summary(report) and "2 warning gks:AcquiredTwiceShape" in summary(report)


def test_shapes_prepared_before_validating_are_not_compiled_again(monkeypatch):
    """``gpukg build`` compiles the bundled shapes while Oxigraph counts the graph; validating then
    starts checking at once (each ``validate`` compiled them again: 1.1 to 1.6 s)."""
    from gpukg import shapestore
    from gpukg.oxstore import to_store
    from gpukg.validate import prepare

    compiled = []
    real = shapestore.compile_shapes
    monkeypatch.setattr(shapestore, "compile_shapes", lambda *a, **k: compiled.append(1) or real(*a, **k))
    monkeypatch.setattr(shapestore, "_COMPILED", [])
    prepare("sparql")
    assert len(compiled) == 1
    store = to_store(Graph().parse(Path(__file__).parent / "data" / "shapes" / "_base.ttl"))
    first = validate(store)
    assert validate(store).results == first.results
    assert len(compiled) == 1
    prepare("pyshacl")  # nothing to compile for pySHACL
    assert len(compiled) == 1
