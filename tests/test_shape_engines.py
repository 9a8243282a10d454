"""The two validation engines agree: the shapes compiled to SPARQL on Oxigraph give pySHACL's results.

pySHACL is the reference. Results are compared as sets of (severity, focus node, path,
value, source shape, component, message, sources, entity). Two differences are not
differences of meaning and are compared accordingly: Oxigraph stores literals in canonical
form ("25.00"^^xsd:decimal is "25"), so values go through ``oxstore.canonical``; and
messages quote figures the engine computed (rdflib keeps a decimal's scale, "1300000000.0")
and GROUP_CONCAT lists, whose order SPARQL leaves open, so messages are compared as
multisets of words with numerals in one form.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from gpukg.errors import GpukgError
from gpukg.iris import GK, PROV, SCHEMA
from gpukg.oxstore import canonical, to_store
from gpukg import prebinding
from gpukg.prebinding import nested_exists
from gpukg.shapequery import compile_shapes
from gpukg.validate import Report, validate, validate_files
from planlint import hashed_optionals

ROOT = Path(__file__).resolve().parents[1]
CASES_DIR = ROOT / "tests" / "data" / "shapes"
DUMP = ROOT / "graph" / "gpu-market.ttl"
CASES = sorted(p for p in CASES_DIR.iterdir() if p.is_dir())
CASE_FILES = [(case, data) for case in CASES for data in sorted(case.glob("data-*.ttl"))]

needs_dump = pytest.mark.skipif(not DUMP.is_file(), reason="graph/gpu-market.ttl not built yet (run `gpukg build`)")




@pytest.fixture(scope="module")
def dump() -> Graph:
    return Graph().parse(DUMP)


@pytest.fixture(scope="module")
def reference(dump, shapes, ontology) -> Report:
    """pySHACL's report on the bundled graph (about 9 s), for every test that compares with it."""
    return validate(dump, shapes, ontology, engine="pyshacl")


def numerals(text: str) -> str:
    return re.sub(r"\b(\d+)\.(\d*?)0*(?!\d)", lambda m: m.group(1) + ("." + m.group(2) if m.group(2) else ""), text)


def key(result) -> tuple:
    value = canonical(result.value) if result.value is not None else None
    if isinstance(value, Literal) and value.datatype in NUMERIC and not getattr(value, "ill_typed", False):
        # A figure the query computed: by SPARQL's type promotion decimal + double is a double
        # (Oxigraph), rdflib answers a decimal. The number is what the result says.
        value = ("number", Decimal(str(value)).normalize())
    words = tuple(sorted(re.findall(r"[^\s()+,]+", numerals(result.message))))
    return (result.severity, result.focus, result.path, value, result.shape, result.component, words,
            result.sources, result.entity, result.entity_label)


NUMERIC = {XSD.decimal, XSD.double, XSD.float, XSD.integer}


def assert_same(fast: Report, reference: Report, known=lambda result: False) -> None:
    """The same results, but for ``known`` disagreements (where pySHACL departs from the SHACL spec)."""
    a = Counter(key(r) for r in fast.results if not known(r))
    b = Counter(key(r) for r in reference.results if not known(r))
    only_fast = sorted(map(str, (a - b).elements()))
    only_reference = sorted(map(str, (b - a).elements()))
    assert (only_fast, only_reference) == ([], []), "sparql only:\n" + "\n".join(only_fast) + \
        "\npyshacl only:\n" + "\n".join(only_reference)
    assert fast.conforms == reference.conforms


def both(graph: Graph, shapes: Graph, ontology: Graph, known=lambda result: False) -> tuple[Report, Report]:
    fast = validate(graph, shapes, ontology, engine="sparql")
    reference = validate(graph, shapes, ontology, engine="pyshacl")
    assert_same(fast, reference, known)
    return fast, reference


# --- the W3C-style cases and the bundled graph ---------------------------------------------

@pytest.mark.parametrize("case,data", CASE_FILES, ids=lambda p: p.name)
def test_engines_agree_on_every_case(case, data, base, shapes, ontology):
    graph = Graph()
    graph += base
    graph.parse(data)
    fast, _ = both(graph, shapes, ontology)
    if data.name.startswith("data-bad"):
        assert fast.results, "a bad case gives results"


@needs_dump
def test_engines_agree_on_the_bundled_graph(dump, shapes, ontology, reference):
    fast = validate(dump, shapes, ontology, engine="sparql")
    assert_same(fast, reference)
    assert fast.conforms and len(fast.warnings) >= 10


@needs_dump
def test_a_store_gives_the_results_of_its_graph(dump, shapes, ontology, reference):
    store = to_store(dump)
    before = len(store)
    assert_same(validate(store, shapes, ontology), reference)
    assert len(store) == before, "the ontology added for validation is taken out again"


@needs_dump
def test_a_file_gives_the_results_of_its_graph(reference):
    assert_same(validate_files([DUMP]), reference)


# --- systematic mutations of the bundled graph ----------------------------------------------

def property_shapes(shapes: Graph):
    """(class, property shape, path) for every property shape of a class-targeted node shape, IRI paths only."""
    for shape in sorted(set(shapes.subjects(SH.targetClass, None)), key=str):
        for cls in sorted(shapes.objects(shape, SH.targetClass), key=str):
            for prop in sorted(shapes.objects(shape, SH.property), key=str):
                path = shapes.value(prop, SH.path)
                if isinstance(path, URIRef):
                    yield cls, prop, path


# pySHACL 0.40 itself fails on some mutations, so they cannot be compared: rdflib raises
# NotBoundError when GROUP_CONCAT meets an unbound ?where (a conflict whose other source lost
# its line, document or file name: the SPARQL spec says to skip it), and pySHACL raises
# TypeError comparing an ill-typed date or amount for sh:lessThanOrEquals.
CITATION = {GK.line, GK.document, GK.fileName}
COMPARED = {GK.periodStart, GK.periodEnd, SCHEMA.minValue, SCHEMA.maxValue}


def mutate(dump: Graph, shapes: Graph, kind: str) -> tuple[Graph, int]:
    """A copy of the dump with one mutation of ``kind`` per property shape it applies to, each on a new focus node."""
    graph = Graph()
    graph += dump
    used: set[URIRef] = set(graph.objects(None, PROV.wasDerivedFrom))  # statements that facts cite
    count = 0
    for cls, prop, path in property_shapes(shapes):
        if path == GK.fileName or (kind == "ill-typed" and path in COMPARED):
            continue
        focus = next((f for f in sorted(graph.subjects(RDF.type, cls), key=str)
                      if f not in used and any(graph.objects(f, path))), None)
        if focus is None:
            continue
        values = sorted(graph.objects(focus, path), key=str)
        if kind == "drop" and int(shapes.value(prop, SH.minCount) or 0) > 0:
            graph.remove((focus, path, None))
        elif kind == "second" and shapes.value(prop, SH.maxCount) == Literal(1):
            other = next((o for o in sorted(set(graph.objects(None, path)), key=str) if o not in values), None)
            if other is None:
                continue
            graph.add((focus, path, other))
        elif kind == "datatype" and shapes.value(prop, SH.datatype) is not None:
            wrong = {XSD.integer: XSD.nonNegativeInteger, XSD.decimal: XSD.double,
                     XSD.string: XSD.token}.get(shapes.value(prop, SH.datatype), XSD.string)
            graph.remove((focus, path, values[0]))
            graph.add((focus, path, Literal(str(values[0]), datatype=wrong)))
        elif kind == "ill-typed" and shapes.value(prop, SH.datatype) in (XSD.decimal, XSD.integer, XSD.date):
            graph.remove((focus, path, values[0]))
            graph.add((focus, path, Literal("n/a " + str(values[0]), datatype=shapes.value(prop, SH.datatype))))
        elif kind == "class" and shapes.value(prop, SH["class"]) is not None and isinstance(values[0], URIRef):
            wrong = next(s for s in sorted(graph.subjects(RDF.type, GK.Document), key=str))
            if shapes.value(prop, SH["class"]) == GK.Document:
                wrong = next(s for s in sorted(graph.subjects(RDF.type, GK.Statement), key=str))
            graph.remove((focus, path, values[0]))
            graph.add((focus, path, wrong))
        else:
            continue
        used.add(focus)
        count += 1
    return graph, count


@needs_dump
@pytest.mark.parametrize("kind", ["drop", "second", "datatype", "ill-typed", "class"])
def test_engines_agree_on_mutations_of_the_bundled_graph(kind, dump, shapes, ontology):
    graph, count = mutate(dump, shapes, kind)
    assert count >= 3, f"only {count} {kind} mutations"
    fast, reference = both(graph, shapes, ontology, known=ill_typed_percentage)
    assert len(fast.violations) >= count, "every mutation is a violation"
    if kind == "ill-typed":
        assert any(map(ill_typed_percentage, reference.results)) and not any(map(ill_typed_percentage, fast.results))


def ill_typed_percentage(result) -> bool:
    """pySHACL departs from SPARQL here: rdflib compares an ill-typed "n/a 16"^^xsd:decimal with 0 and
    100 (as text) and gks:PercentRangeShape fires; SPARQL 1.1 makes that comparison an error, so the
    FILTER drops the row (Oxigraph). The datatype violation itself is reported by both."""
    return str(result.shape).endswith("#PercentRangeShape") and getattr(result.value, "ill_typed", False) is True


@needs_dump
def test_engines_agree_on_the_mutations_the_validation_issue_names(dump, shapes, ontology):
    graph = Graph()
    graph += dump
    rounds = sorted(graph.subjects(GK.amount, None), key=str)
    graph.remove((rounds[0], GK.amount, None))  # drop a round's amount
    fact = sorted((s for s, o in graph.subject_objects(GK.date) if o.datatype == XSD.gYearMonth), key=str)[0]
    graph.set((fact, GK.date, Literal("May 2024", datatype=XSD.gYearMonth)))  # a malformed date
    person = sorted(graph.subjects(RDF.type, SCHEMA.Person), key=str)[0]
    graph.set((rounds[1], GK.fundedCompany, person))  # a round pointing at a person
    observation = sorted(graph.subjects(RDF.type, GK.Observation), key=str)[0]
    graph.remove((observation, PROV.wasDerivedFrom, None))  # a fact without source
    fast, _ = both(graph, shapes, ontology)
    assert len(fast.violations) >= 4


# --- datatypes that Oxigraph rewrites -------------------------------------------------------

DERIVED = """
<doc/tiny> gk:lineCount "40"^^xsd:nonNegativeInteger .
"""


def test_a_derived_integer_type_is_still_a_wrong_datatype(base, shapes, ontology, tmp_path):
    # Oxigraph stores "40"^^xsd:nonNegativeInteger as "40"^^xsd:integer; sh:datatype xsd:integer must still fail.
    graph = Graph()
    graph += base
    graph.remove((URIRef("https://w3id.org/gpukg/id/doc/tiny"), GK.lineCount, None))
    graph.add((URIRef("https://w3id.org/gpukg/id/doc/tiny"), GK.lineCount, Literal("40", datatype=XSD.nonNegativeInteger)))
    fast, _ = both(graph, shapes, ontology)
    [result] = [r for r in fast.violations if r.component == SH.DatatypeConstraintComponent]
    assert result.value == Literal("40", datatype=XSD.nonNegativeInteger)
    path = tmp_path / "derived.ttl"
    graph.serialize(path, format="turtle")
    [from_file] = [r for r in validate_files([path]).violations if r.component == SH.DatatypeConstraintComponent]
    assert from_file.focus == result.focus and from_file.path == GK.lineCount


def test_known_disagreement_a_date_compared_with_a_datetime(base, shapes, ontology):
    # SHACL: sh:lessThanOrEquals fails "where the two values cannot be compared" by SPARQL's <=,
    # and SPARQL cannot compare an xsd:date with an xsd:dateTime. pySHACL compares them in
    # Python and lets them pass. The SPARQL engine follows the spec here.
    graph = Graph()
    graph += base
    graph.parse(CASES_DIR / "AcquisitionShape" / "data-ok.ttl")
    fact = sorted(graph.subjects(GK.periodEnd, None), key=str)[0]
    end = graph.value(fact, GK.periodEnd)
    graph.set((fact, GK.periodEnd, Literal(f"{end}T00:00:00", datatype=XSD.dateTime)))
    fast = validate(graph, shapes, ontology)
    reference = validate(graph, shapes, ontology, engine="pyshacl")
    compared = [r for r in fast.results if r.component == SH.LessThanOrEqualsConstraintComponent]
    assert [r.focus for r in compared] == [fact]
    assert not [r for r in reference.results if r.component == SH.LessThanOrEqualsConstraintComponent]
    assert_same(fast, reference, known=lambda r: r.component == SH.LessThanOrEqualsConstraintComponent)


# --- what is not compiled, and queries that cannot be joined ----------------------------------

QUALIFIED = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:A ] ; sh:qualifiedMinCount 1 ] .
"""


def test_shapes_keep_their_optionals_to_one_pattern(shapes):
    # Regression: AcquiredTwiceShape took 1.7 s at 10,000 companies with no result to report,
    # its OPTIONALs of several patterns matched against the whole graph (0.0 s nested)
    hashed = {str(check.shape): hashed_optionals(check.query) for check in compile_shapes(shapes)}
    assert {shape: found for shape, found in hashed.items() if found} == {}


def test_a_component_that_is_not_compiled_is_an_error():
    with pytest.raises(GpukgError, match="qualified.*pyshacl"):
        compile_shapes(Graph().parse(data=QUALIFIED, format="turtle"))


UNJOINABLE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:severity sh:Violation ;
    sh:message "{$this} shares {?value} with {?other}" ;
    sh:sparql [ a sh:SPARQLConstraint ; sh:select \"\"\"
        PREFIX ex: <http://example.org/>
        SELECT $this ?value ?other WHERE {
            ?other ex:p ?value .
            { ?x ex:p ?value FILTER(?x = $this) }
            FILTER(?other != $this)
        }\"\"\" ] .
"""

UNJOINABLE_DATA = """
@prefix ex: <http://example.org/> .
ex:a a ex:Thing ; ex:p 1 , 2 .
ex:b a ex:Thing ; ex:p 2 .
ex:c ex:p 1 .
"""


def test_a_query_that_reads_this_in_a_nested_group_runs_once_per_focus_node():
    shapes = Graph().parse(data=UNJOINABLE, format="turtle")
    [check] = compile_shapes(shapes)
    assert check.per_focus
    fast, reference = both(Graph().parse(data=UNJOINABLE_DATA, format="turtle"), shapes, Graph())
    assert len(fast.results) == 3 and all("{" not in r.message for r in fast.results)


def test_the_constraints_listed_as_scoped_are_those_rdflib_finds_scoped(monkeypatch, shapes):
    # data/scoped.toml spares every validating process the rdflib parse of the bundled constraints: it must list
    # exactly those that parsed_scoped finds scoped, or a changed constraint would be joined on the list's word
    texts: list[str] = []
    monkeypatch.setattr(prebinding, "_scoped", lambda text: texts.append(text) or prebinding.parsed_scoped(text))
    compile_shapes(shapes)
    found = sorted(prebinding.digest(text) for text in texts if prebinding.parsed_scoped(text))
    listed = "".join(f'    "{d}",\n' for d in found)
    assert found and found == sorted(prebinding.known_scoped()), \
        f"put this list in src/gpukg/data/scoped.toml:\nscoped = [\n{listed}]"


def test_star_patterns_in_exists_are_nested_one_triple_each():
    text = "FILTER NOT EXISTS { ?later <p> ?s ; <q> ?m . FILTER(?m > 1) } FILTER NOT EXISTS { ?a <p> ?b . ?c <q> ?b }"
    assert " ".join(nested_exists(text).split()) == (
        "FILTER NOT EXISTS { ?later <p> ?s . FILTER EXISTS { ?later <q> ?m . FILTER(?m > 1) } } "
        "FILTER NOT EXISTS { ?a <p> ?b . ?c <q> ?b }")


def test_shapes_with_blank_node_values_are_compared_too(shapes, ontology, base):
    # A blank node where an IRI is required: both engines report it, on the same focus node.
    graph = Graph()
    graph += base
    statement = URIRef("https://w3id.org/gpukg/id/statement/tiny/L3")
    graph.add((statement, SCHEMA.mentions, BNode("someone")))
    fast, _ = both(graph, shapes, ontology)
    assert any(isinstance(r.value, BNode) for r in fast.violations)


def test_the_command_takes_either_engine_and_reports_the_same(tmp_path, capsys):
    from gpukg.cli import main

    graph = Graph().parse(CASES_DIR / "_base.ttl")
    graph.parse(CASES_DIR / "FundingRoundShape" / "data-bad.ttl")
    path = tmp_path / "rounds.ttl"
    graph.serialize(path, format="turtle")
    outputs = {}
    for engine in ("sparql", "pyshacl"):
        code = main(["validate", str(path), "--format", "json", "--engine", engine])
        outputs[engine] = (code, json.loads(capsys.readouterr().out))
    (fast_code, fast), (reference_code, reference) = outputs["sparql"], outputs["pyshacl"]
    assert fast_code == reference_code == 1
    assert (fast["violations"], fast["warnings"]) == (reference["violations"], reference["warnings"]) == (8, 1)

    def rows(report: dict) -> list[tuple]:
        return sorted((r["focusNode"], r["path"], r["sourceShape"], numerals(r["message"])) for r in report["results"])

    assert rows(fast) == rows(reference)


def test_the_report_does_not_depend_on_which_check_ends_first(monkeypatch, shapes, ontology):
    """Checks run heaviest first and their results are made as they end: the same results, in the
    same order, when every check ends in the reverse of the order it was compiled in."""
    import time

    from gpukg import shapestore

    data = Graph()
    for _, path in CASE_FILES:
        data.parse(path)  # every case's data at once: results from many shapes
    store = to_store(data)
    before = validate(store, shapes, ontology).results
    checks = shapestore.compiled(shapes, False)
    rows = shapestore._rows

    def reversed_ends(store, check):
        time.sleep(0.002 * (len(checks) - checks.index(check)))
        return rows(store, check)

    monkeypatch.setattr(shapestore, "_rows", reversed_ends)
    after = validate(store, shapes, ontology).results
    assert len({r.shape for r in before}) > 20
    assert after == before


def test_the_sparql_constraints_start_first(monkeypatch, shapes, ontology):
    """The whole-graph checks are SPARQL constraints, 2 to 4 s each at 2.6M triples: started last, one
    of them kept a core busy alone after every other check had ended."""
    from gpukg import shapestore

    started = []
    rows = shapestore._rows
    monkeypatch.setattr(shapestore, "_rows", lambda store, check: started.append(check.component) or rows(store, check))
    validate(to_store(Graph().parse(CASES_DIR / "_base.ttl")), shapes, ontology)
    sparql = started.count(SH.SPARQLConstraintComponent)
    assert sparql >= 10 and set(started[:sparql]) == {SH.SPARQLConstraintComponent}


def test_a_check_that_cannot_run_stops_validation_without_running_the_rest(monkeypatch, shapes, ontology):
    from gpukg import shapestore

    ran = []
    rows = shapestore._rows

    def failing(store, check):
        ran.append(check)
        if len(ran) == 1:
            raise GpukgError("the SPARQL compiled from a shape failed")
        return rows(store, check)

    monkeypatch.setattr(shapestore, "_rows", failing)
    with pytest.raises(GpukgError, match="failed"):
        validate(to_store(Graph().parse(CASES_DIR / "_base.ttl")), shapes, ontology)
    assert len(ran) < len(shapestore.compiled(shapes, False)) // 2  # the checks still queued were cancelled
