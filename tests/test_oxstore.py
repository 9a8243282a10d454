"""The Oxigraph fast path gives the same graphs and the same answers as rdflib.

Fixture: tests/data/oxstore/market.ttl, a small market following the data model,
with some literals written in non-canonical forms on purpose.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from gpukg.errors import InputError, QueryError
from gpukg.oxstore import (canonical, canonical_graph, from_ox, from_store, parse_into_store, select,
                           serialize_sorted, to_ox, to_store)

DATA = Path(__file__).parent / "data" / "oxstore"
MARKET = DATA / "market.ttl"
ID = "https://w3id.org/gpukg/id/"
PREFIXES = """
PREFIX gk: <https://w3id.org/gpukg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX category: <https://w3id.org/gpukg/concept/category/>
"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(MARKET, format="turtle")


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return parse_into_store(MARKET)


def lit(lexical: str, datatype: str) -> Literal:
    """A literal with exactly this lexical form (rdflib would otherwise normalise some)."""
    return Literal(lexical, datatype=XSD[datatype], normalize=False)


# --- terms -------------------------------------------------------------------------

CANONICAL_BY_HAND = [
    (lit("121815000.00", "decimal"), lit("121815000", "decimal")),
    (lit("1.10", "decimal"), lit("1.1", "decimal")),
    (lit("-0.0", "decimal"), lit("0", "decimal")),
    (lit(".5", "decimal"), lit("0.5", "decimal")),
    (lit("007", "integer"), lit("7", "integer")),
    (lit("007", "nonNegativeInteger"), lit("7", "integer")),  # Oxigraph drops derived integer types
    (lit("-5", "nonNegativeInteger"), lit("-5", "integer")),  # out of range, yet made a valid integer
    (lit("9223372036854775808", "long"), lit("9223372036854775808", "long")),  # beyond 64 bits: kept
    (lit("1", "boolean"), lit("true", "boolean")),
    (lit("1e3", "double"), lit("1000", "double")),
    (Literal("1e3", datatype=XSD.double), lit("1000", "double")),  # rdflib's own form is "1000.0"
    (lit("2024-03-01+00:00", "date"), lit("2024-03-01Z", "date")),
    (lit("2024-03-01T10:00:00.500-00:00", "dateTime"), lit("2024-03-01T10:00:00.5Z", "dateTime")),
    (Literal("2024-03-01T10:00:00.500-00:00", datatype=XSD.dateTime), lit("2024-03-01T10:00:00.5Z", "dateTime")),
    (lit("2024-03", "gYearMonth"), lit("2024-03", "gYearMonth")),
    (lit("abc", "integer"), lit("abc", "integer")),  # not an integer at all: kept
    (Literal("hi", lang="en-US"), Literal("hi", lang="en-us")),
    (Literal("x", datatype=XSD.string), Literal("x")),
]


@pytest.mark.parametrize(("written", "expected"), CANONICAL_BY_HAND)
def test_canonical_forms_written_by_hand(written: Literal, expected: Literal) -> None:
    got = canonical(written)
    assert (str(got), got.datatype, got.language) == (str(expected), expected.datatype, expected.language)


LEXICAL_FORMS = {
    "decimal": ["0", "1.10", "121815000.00", "-0.50", "+1.5", ".5", "1.", "00.50", "0.10000000000000000000",
                "0.0000000000000000001", "999999999999999999999", "1e3", " 1", "abc"],
    "integer": ["007", "+3", "-0", "-007", "9223372036854775807", "9223372036854775808", "1_0", "x"],
    "int": ["007", "2147483648"], "byte": ["300", "-12"], "nonNegativeInteger": ["-5", "05"],
    "unsignedLong": ["7", "18446744073709551615"], "dateTimeStamp": ["2024-03-01T10:00:00+00:00"],
    "boolean": ["1", "0", "true", "TRUE"],
    "double": ["1e3", "1.0E3", "0.1", "-0.0", "1E400", "NaN", "-INF", "+INF", "inf", "1.5e-7", "1e20",
               "0.30000000000000004", "12"],
    "float": ["1.5", "1.0", "0.1", "16777217", "1.5E2", "3.4028235e38"],
    "date": ["2024-03-01", "2024-03-01Z", "2024-03-01+00:00", "2024-03-01-00:00", "2024-03-01+05:30"],
    "dateTime": ["2024-03-01T10:00:00", "2024-03-01T10:00:00.000Z", "2024-03-01T10:00:00.500+00:00"],
    "gYearMonth": ["2024-03", "2024-03+00:00", "2024-03+05:30"],
    "gYear": ["2024", "0999", "2024Z", "2024-00:00"],
    "string": ["x", ""],
}


def test_canonical_agrees_with_what_an_oxigraph_store_gives_back() -> None:
    cases = [lit(lex, dt) for dt, forms in LEXICAL_FORMS.items() for lex in forms]
    cases += [Literal("hi", lang="en-US"), Literal("hi", lang="EN"), Literal("plain")]
    store = ox.Store()
    subject = ox.NamedNode("http://example.org/s")
    for i, term in enumerate(cases):
        store.add(ox.Quad(subject, ox.NamedNode(f"http://example.org/p{i}"), to_ox(term)))
    for i, term in enumerate(cases):
        [quad] = store.quads_for_pattern(subject, ox.NamedNode(f"http://example.org/p{i}"), None)
        back = from_ox(quad.object)
        want = canonical(term)
        assert (str(back), back.datatype, back.language) == (str(want), want.datatype, want.language), term


@pytest.mark.parametrize("term", [
    URIRef(ID + "org/aurora-cloud"), BNode("b1"), Literal("plain"), Literal("hi", lang="en"),
    lit("25000000.00", "decimal"), lit("2024-03", "gYearMonth"), lit("42", "integer"),
    Literal('quote " and \\ and\nnewline'),
])
def test_terms_convert_both_ways_unchanged(term: object) -> None:
    back = from_ox(to_ox(term))
    assert back == term and type(back) is type(term)


def test_blank_node_labels_rdflib_allows_but_oxigraph_does_not_stay_distinct() -> None:
    a, b = to_ox(BNode("has space")), to_ox(BNode("has-other space"))
    assert isinstance(a, ox.BlankNode) and a != b and a == to_ox(BNode("has space"))


# --- graphs ------------------------------------------------------------------------


def test_one_file_loaded_by_both_engines_gives_isomorphic_graphs(graph: Graph, store: ox.Store) -> None:
    from_oxigraph = from_store(store)
    assert len(from_oxigraph) == len(graph) == len(store) > 100
    assert isomorphic(from_oxigraph, canonical_graph(graph))
    # Without canonical forms the graphs differ: this is the trap the module documents.
    assert not isomorphic(from_oxigraph, graph)


def test_rdflib_graph_into_a_store_and_back_is_isomorphic(graph: Graph) -> None:
    assert isomorphic(from_store(to_store(graph)), canonical_graph(graph))


def test_a_store_takes_plain_triples_too(graph: Graph) -> None:
    store = to_store(iter(list(graph)))
    assert len(store) == len(graph)


def test_sorted_serialisation_is_the_same_for_two_loads_and_parses_back(graph: Graph) -> None:
    for fmt, rdflib_format in (("turtle", "turtle"), ("nt", "nt"), ("nq", "nquads"), ("xml", "xml")):
        first = serialize_sorted(parse_into_store(MARKET), fmt)
        assert first == serialize_sorted(parse_into_store(MARKET), fmt)
        assert first == serialize_sorted(graph, fmt)
        back = Graph().parse(data=first.decode(), format=rdflib_format)
        assert isomorphic(back, canonical_graph(graph)), fmt
    lines = serialize_sorted(graph, "nt").splitlines()
    assert lines == sorted(lines) and len(lines) == len(graph)


def test_prefix_lines_are_sorted_and_the_rest_kept_byte_for_byte() -> None:
    from gpukg.oxstore import _sorted_prefixes

    body = b"\n<http://e/a> <http://e/b> \"@prefix z: <http://e/> .\" .\n"
    data = b"@prefix xsd: <http://x/> .\n@prefix gk: <http://g/> .\n@prefix dcterms: <http://d/> .\n" + body
    assert _sorted_prefixes(data) == (b"@prefix dcterms: <http://d/> .\n@prefix gk: <http://g/> .\n"
                                      b"@prefix xsd: <http://x/> .\n" + body)
    assert _sorted_prefixes(body) == body  # no prefix lines: nothing to sort


@pytest.mark.parametrize("fmt", ["turtle", "nt", "xml", "jsonld"])
def test_a_dump_written_to_a_file_as_it_is_made_is_the_same_bytes(fmt: str, tmp_path: Path) -> None:
    from gpukg.oxstore import serialize_ntriples, write_ntriples

    lines = serialize_sorted(parse_into_store(MARKET), "nt")
    with open(tmp_path / "dump", "w+b") as output:
        write_ntriples(lines, output, fmt)
        assert output.tell() == len(serialize_ntriples(lines, fmt))  # left at its end, not at the prefixes
    assert (tmp_path / "dump").read_bytes() == serialize_ntriples(lines, fmt)


def test_turtle_dump_groups_each_subject_once(graph: Graph) -> None:
    text = serialize_sorted(graph, "turtle").decode()
    subjects = [line.split(" ", 1)[0] for line in text.splitlines() if line and not line[0].isspace()
                and not line.startswith("@prefix")]
    assert len(subjects) == len(set(subjects)) == len(set(graph.subjects()))
    assert "<https://w3id.org/gpukg/id/org/aurora-cloud> a gk:Company ;" in text


def test_blank_nodes_get_the_same_labels_whatever_the_parser_picked(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix gk: <https://w3id.org/gpukg/ontology#> .
        gk:RoundShape a sh:NodeShape ; sh:targetClass gk:FundingRound ;
            sh:property [ sh:path gk:fundedCompany ; sh:minCount 1 ] ,
                        [ sh:path gk:amount ; sh:maxCount 1 ] ,
                        [ sh:path ( gk:amount <https://schema.org/value> ) ; sh:datatype <http://www.w3.org/2001/XMLSchema#decimal> ] .
    """)
    outputs = {serialize_sorted(parse_into_store(shapes), fmt) for fmt in ("turtle",) for _ in range(3)}
    outputs.add(serialize_sorted(Graph().parse(shapes), "turtle"))
    assert len(outputs) == 1
    assert isomorphic(Graph().parse(data=outputs.pop().decode(), format="turtle"), Graph().parse(shapes))


def test_unknown_format_is_refused(graph: Graph) -> None:
    with pytest.raises(ValueError):
        serialize_sorted(graph, "csv")


def test_missing_and_broken_files_name_the_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope.ttl"):
        parse_into_store(tmp_path / "nope.ttl")
    broken = tmp_path / "broken.ttl"
    broken.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b ex:c ex:d .\n')
    with pytest.raises(InputError) as caught:
        parse_into_store(broken)
    assert caught.value.line == 3 and "broken.ttl:3" in str(caught.value)


# --- queries -----------------------------------------------------------------------

QUERIES = {
    "investors backing two or more neoclouds": """
        SELECT ?investor (COUNT(DISTINCT ?company) AS ?neoclouds) WHERE {
          ?company gk:category category:neocloud .
          { ?r gk:fundedCompany ?company ; gk:leadInvestor|gk:participant ?investor }
          UNION { ?b a gk:Backing ; gk:organization ?company ; gk:investor ?investor }
        } GROUP BY ?investor HAVING (COUNT(DISTINCT ?company) >= 2)""",
    "rounds of at least 20M, largest first": """
        SELECT ?company ?value ?currency WHERE {
          ?r a gk:FundingRound ; gk:fundedCompany/skos:prefLabel ?company ; gk:amount ?m .
          ?m schema:value ?value ; schema:currency ?currency .
          FILTER(?value >= 20000000)
        } ORDER BY DESC(?value)""",
    "headquarters, where stated": """
        SELECT ?name ?place WHERE {
          ?c a gk:Company ; skos:prefLabel ?name .
          OPTIONAL { ?h a gk:HeadquartersLocation ; gk:organization ?c ; gk:place/skos:prefLabel ?place }
        }""",
    "documents behind rounds of neoclouds (3 hops)": """
        SELECT DISTINCT ?title ?line WHERE {
          ?r gk:fundedCompany/gk:category category:neocloud ; prov:wasDerivedFrom ?s .
          ?s gk:document/dcterms:title ?title ; gk:line ?line .
        }""",
    "total raised per company and currency": """
        SELECT ?company ?currency (SUM(?value) AS ?total) WHERE {
          ?r gk:fundedCompany ?company ; gk:amount [ schema:value ?value ; schema:currency ?currency ] .
        } GROUP BY ?company ?currency""",
    "rounds starting in 2024 or later": """
        SELECT ?r ?date WHERE {
          ?r a gk:FundingRound ; gk:periodStart ?start . OPTIONAL { ?r gk:date ?date }
          FILTER(?start >= "2024-01-01"^^xsd:date)
        }""",
}


def rows_as_bags(variables: list[str], rows: list[tuple]) -> Counter:
    return Counter(frozenset((v, canonical(t)) for v, t in zip(variables, row) if t is not None) for row in rows)


def rdflib_rows(graph: Graph, query: str, bindings: dict | None = None) -> Counter:
    result = graph.query(PREFIXES + query, initBindings=bindings or {})
    return rows_as_bags([str(v) for v in result.vars], list(result))


@pytest.mark.parametrize("name", list(QUERIES))
def test_both_engines_answer_the_same(graph: Graph, store: ox.Store, name: str) -> None:
    variables, rows = select(store, PREFIXES + QUERIES[name])
    assert rows, name
    assert rows_as_bags(variables, rows) == rdflib_rows(graph, QUERIES[name])


def test_answers_match_the_fixture_by_hand(store: ox.Store) -> None:
    _, rows = select(store, PREFIXES + QUERIES["investors backing two or more neoclouds"])
    assert rows == [(URIRef(ID + "org/northwind-capital"), Literal(2))]
    _, rows = select(store, PREFIXES + QUERIES["rounds of at least 20M, largest first"])
    assert [(str(c), Decimal(str(v)), str(cur)) for c, v, cur in rows] == [
        ("Aurora Cloud", Decimal("121500000"), "EUR"), ("Cirrus AI", Decimal("40000000"), "USD"),
        ("Aurora Cloud", Decimal("25000000"), "USD")]


def test_bound_variables_agree_with_rdflib_whether_selected_or_not(graph: Graph, store: ox.Store) -> None:
    aurora = URIRef(ID + "org/aurora-cloud")
    selected = QUERIES["total raised per company and currency"]
    not_selected = "SELECT ?r ?value WHERE { ?r gk:fundedCompany ?company ; gk:amount/schema:value ?value }"
    for query in (selected, not_selected):
        variables, rows = select(store, PREFIXES + query, {"company": aurora})
        assert len(rows) == 2
        assert rows_as_bags(variables, rows) == rdflib_rows(graph, query, {"company": aurora})
    _, rows = select(store, PREFIXES + "SELECT ?c WHERE { ?c skos:prefLabel ?name }", {"name": "Cirrus AI"})
    assert rows == [(URIRef(ID + "org/cirrus-ai"),)]


@pytest.mark.parametrize("value", [
    'Cirrus AI" } UNION { ?c ?p ?name } #',
    "Cirrus AI' || true || '",
    'x") || true || ("',
    "Cirrus AI\" . ?c ?p ?name . FILTER(\"a\"=\"a",
    "} ; DROP ALL ; {",
])
def test_bound_values_cannot_widen_the_results(store: ox.Store, value: str) -> None:
    size = len(store)
    selected = PREFIXES + "SELECT ?c ?name WHERE { ?c skos:prefLabel ?name }"
    not_selected = PREFIXES + "SELECT ?c WHERE { ?c skos:prefLabel ?name }"
    for query in (selected, not_selected):  # the two take different paths (substitution, VALUES)
        assert select(store, query, {"name": Literal(value)})[1] == []
        assert len(select(store, query, {"name": Literal("Cirrus AI")})[1]) == 1
    assert len(store) == size


def test_an_iri_value_with_query_syntax_is_refused(store: ox.Store) -> None:
    with pytest.raises(QueryError):
        select(store, PREFIXES + "SELECT ?p WHERE { ?c ?p ?o }", {"c": URIRef("http://x> } UNION { ?c ?p ?o")})


def test_bad_queries_raise_query_errors(store: ox.Store) -> None:
    with pytest.raises(QueryError, match="parse"):
        select(store, "SELECT ?x WHERE { ?x ")
    with pytest.raises(QueryError, match="SELECT"):
        select(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="SERVICE"):
        select(store, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    # the word inside a string or an IRI is not a SERVICE clause
    variables, rows = select(store, 'SELECT ?s WHERE { ?s ?p "SERVICE" . ?s ?q <http://example.org/SERVICE> }')
    assert variables == ["s"] and rows == []


def test_a_bound_variable_reaches_into_sub_queries_as_in_rdflib(graph: Graph, store: ox.Store) -> None:
    query = """SELECT ?r WHERE {
        { SELECT DISTINCT ?co WHERE { ?co skos:prefLabel ?l FILTER(LCASE(STR(?l)) = LCASE(STR(?company))) } }
        ?r gk:fundedCompany ?co }"""
    bindings = {"company": Literal("aurora CLOUD")}
    variables, rows = select(store, PREFIXES + query, bindings)
    assert sorted(rows) == [(URIRef(ID + "round/aurora-series-a"),), (URIRef(ID + "round/aurora-series-b"),)]
    assert rows_as_bags(variables, rows) == rdflib_rows(graph, query, bindings)


def test_a_query_that_cannot_take_a_constant_still_binds(graph: Graph, store: ox.Store) -> None:
    query = "SELECT ?c WHERE { ?c skos:prefLabel ?name FILTER(BOUND(?name)) }"
    bindings = {"name": Literal("Cirrus AI")}
    variables, rows = select(store, PREFIXES + query, bindings)
    assert rows == [(URIRef(ID + "org/cirrus-ai"),)]
    assert rows_as_bags(variables, rows) == rdflib_rows(graph, query, bindings)
