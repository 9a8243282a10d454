"""Resolved records -> an rdflib Graph, following docs/data-model.md.

Every fact node points at the statements it was read from; the IRIs of
fact nodes hash the values that identify the fact, so they are stable.
"""
from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from . import iris
from .iris import GK, ORG, PROV, SCHEMA, TIME
from .lexicon import lexicon
from .records import (
    Acquisition, Backing, Category, Entity, Fact, Founding, Headquarters, Observation, Quantity,
    Role, Round, Source, Statement, Trend, When,
)
from .resolve import Resolved

_PRECISION = {"day": TIME.unitDay, "month": TIME.unitMonth, "year": TIME.unitYear}
_DATATYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
_KNOWN_UNITS = {"count", "percent", "multiple", "hour", "second", "millisecond", "day", "month", "year", "unit",
                "rack", "kilowatt", "megawatt", "gigawatt"}


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in iris.PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("skos", SKOS)
    graph.bind("dcterms", DCTERMS)
    return graph


def to_graph(resolved: Resolved) -> Graph:
    graph = new_graph()
    add = graph.add
    for report in resolved.reports:
        doc = iris.document(report.doc_id)
        add((doc, RDF.type, GK.Document))
        add((doc, DCTERMS.title, Literal(report.title)))
        add((doc, GK.fileName, Literal(report.file_name)))
        add((doc, GK.sha256, Literal(report.sha256)))
        add((doc, GK.lineCount, Literal(report.line_count, datatype=XSD.integer)))
    for entity in resolved.entities:
        _entity(graph, entity)
    for statement in resolved.statements:
        _statement(graph, statement)
    for fact, sources in resolved.facts:
        node = _fact(graph, fact)
        for source in sources:
            add((node, PROV.wasDerivedFrom, _statement_iri(source)))
    return graph


def entity_iri(key: str) -> URIRef:
    kind, _, name = key.partition(":")
    return iris.entity(kind, name)


def _entity(graph: Graph, entity: Entity) -> None:
    node = entity_iri(entity.key)
    classes = {"person": [SCHEMA.Person], "place": [SCHEMA.Place]}.get(entity.kind)
    if classes is None:
        classes = [GK.Company] if "company" in entity.types else []
        classes += [GK.Investor] if "investor" in entity.types else []
        classes = classes or [SCHEMA.Organization]
    for cls in classes:
        graph.add((node, RDF.type, cls))
    graph.add((node, SKOS.prefLabel, Literal(entity.label)))
    for alt in entity.alt_labels:
        graph.add((node, SKOS.altLabel, Literal(alt)))
    if entity.investor_kind:
        graph.add((node, GK.investorKind, iris.concept("investor-kind", entity.investor_kind)))
    if entity.parent:
        graph.add((node, SCHEMA.parentOrganization, entity_iri(entity.parent)))


def _statement_iri(source: Source) -> URIRef:
    return iris.statement(source.doc_id, source.line, source.index)


def _statement(graph: Graph, s: Statement) -> None:
    node = _statement_iri(s.source)
    graph.add((node, RDF.type, GK.Statement))
    graph.add((node, GK.text, Literal(s.text)))
    graph.add((node, GK.document, iris.document(s.source.doc_id)))
    graph.add((node, GK.section, Literal(" > ".join(s.section))))
    graph.add((node, GK.line, Literal(s.source.line, datatype=XSD.integer)))
    graph.add((node, GK.blockKind, Literal(s.kind)))
    for url in s.cited:
        graph.add((node, GK.citedSource, URIRef(url)))
    for key in s.mentions:
        graph.add((node, SCHEMA.mentions, entity_iri(key)))
    for trend in s.trends:
        graph.add((node, GK.evidenceFor, iris.concept("trend", trend)))


def _fact(graph: Graph, fact: Fact) -> URIRef:
    add = graph.add
    if isinstance(fact, Round):
        node = iris.fact("round", f"{_name(fact.company)}-{fact.kind}-{_iso(fact.when)}",
                         fact.company, fact.kind, _when_id(fact.when), _q_id(fact.amount))
        add((node, RDF.type, GK.FundingRound))
        add((node, GK.fundedCompany, entity_iri(fact.company)))
        add((node, GK.roundType, iris.concept("round-type", fact.kind)))
        _money(graph, node, GK.amount, "amount", fact.amount)
        _money(graph, node, GK.valuation, "valuation", fact.valuation)
        for lead in fact.leads:
            add((node, GK.leadInvestor, entity_iri(lead)))
        for participant in fact.participants:
            add((node, GK.participant, entity_iri(participant)))
        _when(graph, node, fact.when)
        _qualifiers(graph, node, fact.qualifiers + (fact.amount.qualifiers if fact.amount else ()))
    elif isinstance(fact, Acquisition):
        node = iris.fact("acquisition", f"{_name(fact.acquirer)}-{_name(fact.target)}",
                         fact.acquirer, fact.target, _when_id(fact.when), _q_id(fact.price))
        add((node, RDF.type, GK.Acquisition))
        add((node, GK.acquirer, entity_iri(fact.acquirer)))
        add((node, GK.target, entity_iri(fact.target)))
        _money(graph, node, GK.price, "price", fact.price)
        _when(graph, node, fact.when)
        if fact.status:
            add((node, GK.status, iris.concept("deal-status", fact.status)))
        _qualifiers(graph, node, fact.qualifiers + (fact.price.qualifiers if fact.price else ()))
    elif isinstance(fact, Observation):
        node = _observation(graph, fact)
    elif isinstance(fact, Backing):
        node = iris.fact("backing", f"{_name(fact.investor)}-{_name(fact.company)}", fact.investor, fact.company)
        add((node, RDF.type, GK.Backing))
        add((node, GK.investor, entity_iri(fact.investor)))
        add((node, GK.organization, entity_iri(fact.company)))
    elif isinstance(fact, Role):
        node = iris.fact("role", f"{_name(fact.company)}-{_name(fact.person)}-{fact.role}", fact.person, fact.company, fact.role)
        role = iris.concept("role", fact.role)
        add((node, RDF.type, GK.RoleAssignment))
        add((node, ORG.member, entity_iri(fact.person)))
        add((node, ORG.organization, entity_iri(fact.company)))
        add((node, ORG.role, role))
        if fact.role not in lexicon()["roles"]:
            _mint_concept(graph, role, "role", fact.role)
            add((role, RDF.type, ORG.Role))
    elif isinstance(fact, Founding):
        node = iris.fact("founding", _name(fact.company), fact.company, _when_id(fact.when))
        add((node, RDF.type, GK.Founding))
        add((node, GK.organization, entity_iri(fact.company)))
        _when(graph, node, fact.when)
        if fact.when.approximate:
            add((node, GK.qualifier, iris.concept("qualifier", "approximate")))
    elif isinstance(fact, Headquarters):
        node = iris.fact("headquarters", f"{_name(fact.company)}-{_name(fact.place)}", fact.company, fact.place)
        add((node, RDF.type, GK.HeadquartersLocation))
        add((node, GK.organization, entity_iri(fact.company)))
        add((node, GK.place, entity_iri(fact.place)))
    elif isinstance(fact, Category):
        node = iris.fact("category", f"{_name(fact.company)}-{fact.category}", fact.company, fact.category)
        category = iris.concept("category", fact.category)
        add((node, RDF.type, GK.CategoryAssignment))
        add((node, GK.organization, entity_iri(fact.company)))
        add((node, GK.category, category))
        add((entity_iri(fact.company), GK.category, category))
    elif isinstance(fact, Trend):
        node = iris.concept("trend", fact.label)
        _mint_concept(graph, node, "trend", fact.label)
        if fact.broader:
            add((node, SKOS.broader, iris.concept("trend", fact.broader)))
    else:
        raise TypeError(fact)
    return node


def _observation(graph: Graph, fact: Observation) -> URIRef:
    add = graph.add
    subject = _name(fact.subject) if fact.subject else "market"
    node = iris.fact("observation", f"{subject}-{fact.metric}-{_iso(fact.when)}",
                     fact.subject, fact.metric, fact.segment, fact.related, _q_id(fact.quantity), _when_id(fact.when),
                     sorted(fact.qualifiers))
    q = fact.quantity
    metric = iris.concept("metric", fact.metric)
    add((node, RDF.type, GK.Observation))
    if fact.subject:
        add((node, GK.subject, entity_iri(fact.subject)))
    add((node, GK.metric, metric))
    if fact.metric not in lexicon()["metrics"]:
        _mint_concept(graph, metric, "metric", fact.metric)
    _values(graph, node, q)
    if q.currency:
        add((node, SCHEMA.currency, Literal(q.currency)))
    elif q.unit:
        unit = iris.concept("unit", q.unit)
        add((node, GK.unit, unit))
        if q.unit not in _KNOWN_UNITS:
            _mint_concept(graph, unit, "unit", q.unit)
    if q.per:
        add((node, GK.perUnit, iris.concept("unit", q.per)))
    if fact.segment:
        add((node, GK.segment, Literal(fact.segment)))
    if fact.related:
        add((node, GK.relatedEntity, entity_iri(fact.related)))
    _when(graph, node, fact.when)
    _qualifiers(graph, node, fact.qualifiers + q.qualifiers)
    return node


def _mint_concept(graph: Graph, node: URIRef, scheme: str, label: str) -> None:
    graph.add((node, RDF.type, SKOS.Concept))
    graph.add((node, SKOS.prefLabel, Literal(label, lang="en")))
    graph.add((node, SKOS.inScheme, iris.scheme(scheme)))


def _money(graph: Graph, node: URIRef, prop: URIRef, part: str, q: Quantity | None) -> None:
    if q is None:
        return
    amount = iris.part(node, part)
    graph.add((node, prop, amount))
    graph.add((amount, RDF.type, SCHEMA.MonetaryAmount))
    _values(graph, amount, q)
    if q.currency:
        graph.add((amount, SCHEMA.currency, Literal(q.currency)))


def _values(graph: Graph, node: URIRef, q: Quantity) -> None:
    for prop, value in ((SCHEMA.value, q.value), (SCHEMA.minValue, q.low), (SCHEMA.maxValue, q.high)):
        if value is not None:
            graph.add((node, prop, _decimal(value)))


def _decimal(value: Decimal) -> Literal:
    return Literal(format(value, "f"), datatype=XSD.decimal)


def _when(graph: Graph, node: URIRef, when: When | None) -> None:
    if when is None:
        if graph.value(node, RDF.type) == GK.Observation:
            graph.add((node, GK.timeBasis, iris.concept("time-basis", "as-of-report")))
        return
    if when.iso:
        graph.add((node, GK.date, Literal(when.iso, datatype=_DATATYPE[when.precision])))
    graph.add((node, GK.datePrecision, _PRECISION[when.precision]))
    graph.add((node, GK.periodStart, Literal(when.start.isoformat(), datatype=XSD.date)))
    graph.add((node, GK.periodEnd, Literal(when.end.isoformat(), datatype=XSD.date)))


def _qualifiers(graph: Graph, node: URIRef, qualifiers: tuple[str, ...]) -> None:
    for qualifier in dict.fromkeys(qualifiers):
        graph.add((node, GK.qualifier, iris.concept("qualifier", qualifier)))


def _name(key: str) -> str:
    return key.partition(":")[2]


def _iso(when: When | None) -> str:
    if when is None:
        return ""
    return when.iso or f"{when.start.year}-{when.end.year}"


def _when_id(when: When | None) -> tuple | None:
    return (when.start.isoformat(), when.end.isoformat(), when.precision) if when else None


def _q_id(q: Quantity | None) -> tuple | None:
    return tuple(None if v is None else str(v) for v in q.key) if q else None
