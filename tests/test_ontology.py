"""The ontology and concept schemes: they parse, document themselves and match docs/data-model.md.

Expected names and hierarchies below are written by hand from the data model and the
reports, not read back from the Turtle files.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from gpukg.iris import CONCEPT, GK, ORG, PROV, SCHEMA, VANN, concept, scheme

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_FILE = ROOT / "ontology" / "gpukg.ttl"
CONCEPTS_FILE = ROOT / "ontology" / "concepts.ttl"
DATA_MODEL = ROOT / "docs" / "data-model.md"
DUMP = ROOT / "graph" / "gpu-market.ttl"

ONTOLOGY_IRI = URIRef("https://w3id.org/gpukg/ontology")
TERM_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
SCHEMES = ["category", "round-type", "metric", "unit", "qualifier", "role",
           "investor-kind", "deal-status", "trend", "time-basis"]


# --- helpers -------------------------------------------------------------------

def in_gk(term: object) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(str(GK))


def declared_terms(ontology: Graph) -> dict[URIRef, set[URIRef]]:
    """Each gk: term the ontology declares, with the kinds (owl:Class, ...) it is declared as."""
    kinds: dict[URIRef, set[URIRef]] = defaultdict(set)
    for kind in TERM_KINDS:
        for term in ontology.subjects(RDF.type, kind):
            if in_gk(term):
                kinds[term].add(kind)
    return dict(kinds)


def undeclared_terms(graph: Graph, ontology: Graph) -> set[URIRef]:
    """The gk: predicates and classes ``graph`` uses that ``ontology`` does not declare."""
    declared = declared_terms(ontology)
    used = {p for p in graph.predicates(unique=True) if in_gk(p)}
    used |= {c for c in graph.objects(None, RDF.type) if in_gk(c)}
    return {term for term in used if term not in declared}


def doc_gk_terms(markdown: str) -> set[URIRef]:
    """Every ``gk:name`` written inside backticks in the data model."""
    return {GK[name]
            for span in re.findall(r"`([^`]+)`", markdown)
            for name in re.findall(r"\bgk:([A-Za-z][A-Za-z0-9]*)", span)}


def doc_concepts(markdown: str) -> set[URIRef]:
    """Concepts the data model names: ``concept:scheme/slug`` and ``concept:scheme`` (a, b, ...) lists."""
    named = {CONCEPT[f"{s}/{n}"]
             for span in re.findall(r"`([^`]+)`", markdown)
             for s, n in re.findall(r"\bconcept:([a-z-]+)/([a-z0-9-]+)", span)}
    for name, items in re.findall(r"`concept:([a-z-]+)`\s*\(([^)]*)\)", markdown):
        for item in items.split(","):
            for piece in item.split("..."):
                piece = piece.strip()
                # prose such as "market trends, with `skos:broader`" is not a list of slugs
                if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", piece):
                    named.add(concept(name, piece))
    return named


def en_literals(graph: Graph, subject: URIRef, predicate: URIRef) -> list[Literal]:
    return [o for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == "en"]


def scheme_of(graph: Graph, node: URIRef) -> URIRef | None:
    schemes = list(graph.objects(node, SKOS.inScheme))
    return schemes[0] if len(schemes) == 1 else None


# --- fixtures ------------------------------------------------------------------

@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def concepts() -> Graph:
    return Graph().parse(CONCEPTS_FILE, format="turtle")


@pytest.fixture(scope="module")
def data_model() -> str:
    return DATA_MODEL.read_text(encoding="utf-8")


def concept_nodes(concepts: Graph) -> list[URIRef]:
    return sorted(concepts.subjects(RDF.type, SKOS.Concept))


# --- parsing -------------------------------------------------------------------

@pytest.mark.parametrize("path", [ONTOLOGY_FILE, CONCEPTS_FILE], ids=lambda p: p.name)
def test_file_parses_strictly_with_pyoxigraph_and_agrees_with_rdflib(path: Path) -> None:
    # lenient=False (the default) validates IRIs and language tags that rdflib lets through
    quads = list(pyoxigraph.parse(path=path, format=pyoxigraph.RdfFormat.TURTLE, lenient=False))
    ntriples = pyoxigraph.serialize([q.triple for q in quads], format=pyoxigraph.RdfFormat.N_TRIPLES)
    via_oxigraph = Graph().parse(data=ntriples, format="nt")
    via_rdflib = Graph().parse(path, format="turtle")
    assert len(via_rdflib) > 100
    assert isomorphic(via_oxigraph, via_rdflib)


def test_pyoxigraph_strict_parse_rejects_a_bad_iri() -> None:
    # guards the test above: it only means something if strict parsing really rejects bad input
    with pytest.raises(SyntaxError):
        list(pyoxigraph.parse(b'<https://w3id.org/gpukg/a b> <http://x/p> "v" .',
                              format=pyoxigraph.RdfFormat.TURTLE))


# --- the ontology header ---------------------------------------------------------

def test_ontology_header_carries_its_metadata(ontology: Graph) -> None:
    assert list(ontology.subjects(RDF.type, OWL.Ontology)) == [ONTOLOGY_IRI]
    o = ONTOLOGY_IRI
    assert len(en_literals(ontology, o, DCTERMS.title)) == 1
    assert len(en_literals(ontology, o, DCTERMS.description)) == 1
    assert ontology.value(o, OWL.versionIRI) == URIRef("https://w3id.org/gpukg/ontology/0.1.0")
    assert ontology.value(o, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(o, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    created = ontology.value(o, DCTERMS.created)
    assert isinstance(created, Literal) and created.datatype == XSD.date
    assert ontology.value(o, VANN.preferredNamespacePrefix) == Literal("gk")
    assert ontology.value(o, VANN.preferredNamespaceUri) == Literal(str(GK))


# --- the gk: terms -----------------------------------------------------------------

def test_every_term_has_one_label_one_definition_and_is_defined_by_the_ontology(ontology: Graph) -> None:
    problems = []
    for term in declared_terms(ontology):
        if len(list(ontology.objects(term, RDFS.label))) != 1 or len(en_literals(ontology, term, RDFS.label)) != 1:
            problems.append(f"{term}: needs exactly one rdfs:label, in English")
        if len(en_literals(ontology, term, SKOS.definition)) != 1:
            problems.append(f"{term}: needs one English skos:definition")
        if list(ontology.objects(term, RDFS.isDefinedBy)) != [ONTOLOGY_IRI]:
            problems.append(f"{term}: rdfs:isDefinedBy should be the ontology")
    assert problems == []


def test_no_term_is_declared_with_two_kinds(ontology: Graph) -> None:
    assert {str(t): k for t, k in declared_terms(ontology).items() if len(k) > 1} == {}


def test_classes_are_capitalised_and_properties_are_not(ontology: Graph) -> None:
    for term, kinds in declared_terms(ontology).items():
        local = str(term)[len(str(GK)):]
        assert local[0].isupper() == (OWL.Class in kinds), term


def test_data_model_and_ontology_name_the_same_gk_terms(ontology: Graph, data_model: str) -> None:
    documented = doc_gk_terms(data_model)
    declared = set(declared_terms(ontology))
    assert GK.sha256 in documented and GK.timeBasis in documented  # the parser sees digits and spans
    assert sorted(documented - declared) == [], "named in docs/data-model.md but not declared"
    assert sorted(declared - documented) == [], "declared but missing from docs/data-model.md"


def test_ontology_declares_only_gk_terms(ontology: Graph) -> None:
    # external vocabularies are used in alignments, never redefined here
    foreign = {s for s in ontology.subjects() if isinstance(s, URIRef) and not in_gk(s) and s != ONTOLOGY_IRI}
    assert foreign == set()


def test_alignments_follow_the_data_model(ontology: Graph) -> None:
    expected_superclasses = {
        GK.Company: {SCHEMA.Organization, ORG.FormalOrganization},
        GK.Investor: {PROV.Agent},
        GK.Document: {SCHEMA.Report, PROV.Entity},
        GK.Statement: {PROV.Entity},
        GK.Fact: {PROV.Entity},
        GK.RoleAssignment: {ORG.Membership, GK.Fact},
    }
    for fact_kind in ("FundingRound", "Acquisition", "Observation", "Backing", "RoleAssignment",
                      "Founding", "HeadquartersLocation", "CategoryAssignment"):
        expected_superclasses.setdefault(GK[fact_kind], set()).add(GK.Fact)
    for cls, supers in expected_superclasses.items():
        named = {s for s in ontology.objects(cls, RDFS.subClassOf) if isinstance(s, URIRef)}
        assert supers <= named, cls
    assert (GK.citedSource, RDFS.subPropertyOf, DCTERMS.source) in ontology
    assert (GK.leadInvestor, RDFS.subPropertyOf, GK.investor) in ontology
    assert (GK.participant, RDFS.subPropertyOf, GK.investor) in ontology


def test_fact_requires_a_derivation_from_a_statement(ontology: Graph) -> None:
    restrictions = [r for r in ontology.objects(GK.Fact, RDFS.subClassOf) if isinstance(r, BNode)]
    assert any(ontology.value(r, OWL.onProperty) == PROV.wasDerivedFrom
               and ontology.value(r, OWL.someValuesFrom) == GK.Statement for r in restrictions)


def test_domains_and_ranges_fit_the_kind_of_property(ontology: Graph) -> None:
    terms = declared_terms(ontology)
    classes = {t for t, k in terms.items() if OWL.Class in k}
    for term, kinds in terms.items():
        for axis in (RDFS.domain, RDFS.range):
            for target in ontology.objects(term, axis):
                if in_gk(target):
                    assert target in classes, f"{term} {axis} {target}"
                if isinstance(target, BNode) and (target, OWL.unionOf, None) in ontology:
                    members = Collection(ontology, ontology.value(target, OWL.unionOf))
                    assert all(m in classes or str(m).startswith(str(XSD)) for m in members), term
        for target in ontology.objects(term, RDFS.range):
            is_datatype = str(target).startswith(str(XSD)) or (target, RDF.type, RDFS.Datatype) in ontology
            assert is_datatype == (OWL.DatatypeProperty in kinds), f"{term} range {target}"


def test_the_data_model_ranges_are_stated(ontology: Graph) -> None:
    expected = {
        GK.fundedCompany: GK.Company, GK.leadInvestor: GK.Investor, GK.participant: GK.Investor,
        GK.amount: SCHEMA.MonetaryAmount, GK.valuation: SCHEMA.MonetaryAmount, GK.price: SCHEMA.MonetaryAmount,
        GK.acquirer: GK.Company, GK.target: GK.Company, GK.document: GK.Document, GK.place: SCHEMA.Place,
        GK.line: XSD.integer, GK.periodStart: XSD.date, GK.periodEnd: XSD.date,
    }
    assert {p: ontology.value(p, RDFS.range) for p in expected} == expected


def test_concept_valued_properties_point_at_a_declared_scheme(ontology: Graph, concepts: Graph) -> None:
    schemes = set(concepts.subjects(RDF.type, SKOS.ConceptScheme))
    valued = sorted(p for p in ontology.subjects(RDFS.range, SKOS.Concept) if in_gk(p))
    assert GK.roundType in valued and GK.qualifier in valued
    for prop in valued:
        assert [s for s in ontology.objects(prop, RDFS.seeAlso) if s in schemes], prop
    assert ontology.value(GK.roundType, RDFS.seeAlso) == scheme("round-type")
    assert ontology.value(GK.investorKind, RDFS.seeAlso) == scheme("investor-kind")


# --- the concept schemes -------------------------------------------------------------

def test_all_schemes_are_declared_and_documented(concepts: Graph) -> None:
    declared = set(concepts.subjects(RDF.type, SKOS.ConceptScheme))
    assert declared == {scheme(name) for name in SCHEMES}
    for s in declared:
        assert len(en_literals(concepts, s, SKOS.prefLabel)) == 1, s
        assert len(en_literals(concepts, s, SKOS.definition)) == 1, s


def test_every_concept_has_one_label_a_definition_and_a_declared_scheme(concepts: Graph) -> None:
    schemes = set(concepts.subjects(RDF.type, SKOS.ConceptScheme))
    problems = []
    for c in concept_nodes(concepts):
        if len(list(concepts.objects(c, SKOS.prefLabel))) != 1 or len(en_literals(concepts, c, SKOS.prefLabel)) != 1:
            problems.append(f"{c}: needs exactly one English prefLabel")
        if len(en_literals(concepts, c, SKOS.definition)) != 1:
            problems.append(f"{c}: needs one English definition")
        s = scheme_of(concepts, c)
        if s not in schemes or not str(c).startswith(f"{s}/"):
            problems.append(f"{c}: needs one skos:inScheme, a declared scheme its IRI sits under")
    assert problems == []


def test_concept_iri_is_minted_from_its_preflabel(concepts: Graph) -> None:
    # the loader mints concepts with iris.concept(scheme, label): a prefLabel must lead back to its IRI
    for c in concept_nodes(concepts):
        name = str(scheme_of(concepts, c))[len(str(CONCEPT)):]
        assert concept(name, str(concepts.value(c, SKOS.prefLabel))) == c


REQUIRED = {
    "category": "neocloud inference-platform serverless-gpu-platform gpu-marketplace hyperscaler "
                "cloud-provider chipmaker ai-lab data-center-operator",
    "round-type": "pre-seed seed series-a series-b series-c series-d series-e series-f extension "
                  "debt-facility credit-facility gpu-financing strategic-commitment additional-funding pre-ipo ipo unspecified",
    "metric": "valuation market-cap revenue arr loss total-raised customers developers users gpus "
              "data-centers regions sites gpu-models providers price revenue-share customer-concentration "
              "market-size market-share growth-rate shipments power-capacity",
    "unit": "count percent multiple hour second millisecond minute day week month year unit gigawatt kilowatt megawatt",
    "qualifier": "reported estimated projected approximate lower-bound upper-bound range sought "
                 "trailing-twelve-months",
    "role": "ceo cto cfo coo founder co-founder chair president",
    "investor-kind": "venture-capital corporate-venture corporation lender sovereign asset-manager private-equity",
    "deal-status": "announced completed pending in-progress",
    "time-basis": "as-of-report",
}


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_required_concepts_exist(concepts: Graph, name: str) -> None:
    required = {concept(name, s) for s in REQUIRED[name].split()}
    in_scheme = {c for c in concept_nodes(concepts) if scheme_of(concepts, c) == scheme(name)}
    assert sorted(required - in_scheme) == []


def test_concepts_named_in_the_data_model_exist(concepts: Graph, data_model: str) -> None:
    named = doc_concepts(data_model)
    assert concept("time-basis", "as-of-report") in named and concept("round-type", "series-f") in named
    assert sorted(named - set(concept_nodes(concepts))) == []


def test_trend_scheme_is_left_to_the_data(concepts: Graph) -> None:
    assert list(concepts.subjects(SKOS.inScheme, scheme("trend"))) == []


def test_hierarchy_stays_in_its_scheme_and_top_concepts_have_no_broader(concepts: Graph) -> None:
    for c in concept_nodes(concepts):
        s = scheme_of(concepts, c)
        broader = list(concepts.objects(c, SKOS.broader))
        for b in broader:
            assert scheme_of(concepts, b) == s, f"{c} broader {b}"
        tops = list(concepts.objects(c, SKOS.topConceptOf))
        assert tops == ([] if broader else [s]), c
        seen, node = {c}, c
        while (node := concepts.value(node, SKOS.broader)) is not None:
            assert node not in seen, f"cycle through {c}"
            seen.add(node)


def test_category_hierarchy_reads_as_the_market_does(concepts: Graph) -> None:
    cloud = concept("category", "cloud-provider")
    for kind in ("neocloud", "inference-platform", "serverless-gpu-platform", "gpu-marketplace", "hyperscaler"):
        assert (concept("category", kind), SKOS.broader, cloud) in concepts, kind
    for top in ("cloud-provider", "chipmaker", "ai-lab", "data-center-operator"):
        assert (concept("category", top), SKOS.topConceptOf, scheme("category")) in concepts, top


def test_labels_name_one_concept_per_scheme(concepts: Graph) -> None:
    owners: dict[tuple[URIRef | None, str], set[URIRef]] = defaultdict(set)
    for c in concept_nodes(concepts):
        pref = str(concepts.value(c, SKOS.prefLabel)).casefold()
        alts = [str(a).casefold() for a in concepts.objects(c, SKOS.altLabel)]
        assert pref not in alts, c
        for label in [pref, *alts]:
            owners[(scheme_of(concepts, c), label)].add(c)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_reports_surface_phrases_are_alt_labels(concepts: Graph) -> None:
    def alts(scheme_name: str, name: str) -> set[str]:
        return {str(a) for a in concepts.objects(concept(scheme_name, name), SKOS.altLabel)}

    # phrases as the bundled reports write them
    assert {"GPU cloud", "specialized cloud provider"} <= alts("category", "neocloud")
    assert "Peer-to-peer GPU marketplace".lower() in {a.lower() for a in alts("category", "gpu-marketplace")}
    assert "TTM" in alts("qualifier", "trailing-twelve-months")
    assert "annual recurring revenue" in alts("metric", "arr")


def test_role_concepts_are_org_roles(concepts: Graph) -> None:
    roles = [c for c in concept_nodes(concepts) if scheme_of(concepts, c) == scheme("role")]
    assert len(roles) >= 8
    assert [c for c in roles if (c, RDF.type, ORG.Role) not in concepts] == []


def test_concepts_file_uses_no_gk_terms_without_declaring_them(ontology: Graph, concepts: Graph) -> None:
    assert undeclared_terms(concepts, ontology) == set()


# --- the undeclared-terms helper, and the real graph -------------------------------------

PREFIXES = """
@base <https://w3id.org/gpukg/id/> .
@prefix gk: <https://w3id.org/gpukg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# Series A of a company, written by hand after docs/data-model.md
SAMPLE = PREFIXES + """
<doc/gpu-company-profiles> a gk:Document ; gk:fileName "gpu-company-profiles.md" ; gk:lineCount 230 .
<statement/gpu-company-profiles/L27> a gk:Statement ; gk:document <doc/gpu-company-profiles> ;
    gk:line 27 ; gk:blockKind "bullet" ; gk:section "Major Company Profiles > 1. Fireworks.ai" ;
    gk:text "**Series A:** $25M (March 2024) led by Benchmark" .
<org/fireworks-ai> a gk:Company ; skos:prefLabel "Fireworks.ai" .
<org/benchmark> a gk:Investor ; skos:prefLabel "Benchmark" .
<funding-round/x> a gk:FundingRound ; gk:fundedCompany <org/fireworks-ai> ;
    gk:roundType <https://w3id.org/gpukg/concept/round-type/series-a> ;
    gk:leadInvestor <org/benchmark> ; gk:amount <funding-round/x#amount> ;
    gk:date "2024-03"^^xsd:gYearMonth ; gk:periodStart "2024-03-01"^^xsd:date ; gk:periodEnd "2024-03-31"^^xsd:date ;
    prov:wasDerivedFrom <statement/gpu-company-profiles/L27> .
<funding-round/x#amount> a schema:MonetaryAmount ; schema:value 25000000.0 ; schema:currency "USD" .
"""


def test_helper_finds_nothing_in_a_graph_that_follows_the_data_model(ontology: Graph) -> None:
    assert undeclared_terms(Graph().parse(data=SAMPLE, format="turtle"), ontology) == set()


def test_helper_reports_misspelt_predicates_and_classes(ontology: Graph) -> None:
    typos = SAMPLE.replace("gk:fundedCompany", "gk:fundedCompny").replace("a gk:FundingRound", "a gk:Fundinground")
    found = undeclared_terms(Graph().parse(data=typos, format="turtle"), ontology)
    assert found == {GK.fundedCompny, GK.Fundinground}


def test_real_graph_uses_only_declared_gk_terms(ontology: Graph) -> None:
    if not DUMP.is_file():
        pytest.skip(f"{DUMP.relative_to(ROOT)} does not exist yet (run `gpukg build`)")
    graph = Graph().parse(DUMP, format="turtle")
    assert len(graph) > 0
    assert sorted(undeclared_terms(graph, ontology)) == []


@pytest.mark.parametrize("group, name", [("round_types", "round-type"), ("investor_kinds", "investor-kind"),
                                         ("categories", "category"), ("roles", "role"), ("metrics", "metric")])
def test_every_word_list_of_the_loader_names_a_concept_of_its_scheme(concepts: Graph, group: str, name: str) -> None:
    # the loader mints concept IRIs from these keys (src/gpukg/data/lexicon.toml): a key with no concept is a dangling IRI
    from gpukg.lexicon import lexicon

    in_scheme = {c for c in concept_nodes(concepts) if scheme_of(concepts, c) == scheme(name)}
    assert sorted(k for k in lexicon()[group] if concept(name, k) not in in_scheme) == []


def test_the_units_the_graph_does_not_mint_are_the_ontologys(concepts: Graph) -> None:
    # a unit the ontology defines but the loader thinks unknown is minted again, with a second label
    from gpukg.rdf import _KNOWN_UNITS

    units = scheme("unit")
    in_scheme = {str(c)[len(str(units)) + 1:] for c in concept_nodes(concepts) if scheme_of(concepts, c) == units}
    assert sorted(in_scheme ^ _KNOWN_UNITS) == []
