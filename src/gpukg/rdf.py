"""Resolved records -> RDF (an rdflib Graph or an Oxigraph store), following docs/data-model.md.

Every fact node points at the statements it was read from; the IRIs of
fact nodes hash the values that identify the fact, so they are stable.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial
from io import BytesIO
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from . import fork, iris
from .iris import GK, ORG, PROV, SCHEMA, TIME
from .lexicon import lexicon
from .records import (
    Acquisition, Backing, Category, Entity, Fact, Founding, Headquarters, Observation, Quantity,
    Role, Round, Source, Statement, Trend, When,
)
from .resolve import Resolved


class Lit(NamedTuple):
    """A literal as the loader writes it: a lexical form and a datatype IRI or a language tag.

    rdflib's ``Literal`` parses every lexical form into a Python value, which was half the
    cost of building a large graph; each store converts these at its own edge instead."""

    text: str
    datatype: str | None = None
    lang: str | None = None


Triple = tuple[URIRef, URIRef, "URIRef | Lit"]
Add = Callable[[Triple], None]
# rdflib's closed namespaces build and check a new term on every attribute access: look up once.
TYPE = RDF.type
_XSD_DATE, _XSD_DECIMAL, _XSD_GYEAR, _XSD_GYEARMONTH, _XSD_INTEGER = (
    XSD.date, XSD.decimal, XSD.gYear, XSD.gYearMonth, XSD.integer)
_PRECISION = {"day": TIME.unitDay, "month": TIME.unitMonth, "year": TIME.unitYear}
_DATATYPE = {"day": _XSD_DATE, "month": _XSD_GYEARMONTH, "year": _XSD_GYEAR}
_KNOWN_UNITS = {"count", "percent", "multiple", "hour", "second", "millisecond", "minute", "day", "week", "month", "year", "unit",
                "rack", "share", "kilowatt", "megawatt", "gigawatt", "token", "thousand-tokens", "million-tokens",
                "basis-point", "ratio", "litre-per-kilowatt-hour", "kilowatt-hour", "megawatt-hour"}


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in iris.PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("skos", SKOS)
    graph.bind("dcterms", DCTERMS)
    return graph


def to_graph(resolved: Resolved) -> Graph:
    """The plain pipeline's graph: rdflib's memory store (the reference for the fast path)."""
    graph = new_graph()
    add = graph.add
    literals: dict[Lit, Literal] = {}

    def add_triple(triple: Triple) -> None:
        s, p, o = triple
        if type(o) is Lit:
            o = literals.get(o) or literals.setdefault(o, Literal(o.text, lang=o.lang,
                                                                  datatype=URIRef(o.datatype) if o.datatype else None))
        add((s, p, o))

    emit(resolved, add_triple)
    return graph


def to_ntriples(resolved: Resolved, processes: int = 1) -> bytes:
    """The graph as N-Triples: one line per triple, sorted, none twice, each written as Oxigraph writes it.

    The fast path's one copy of the graph outside its store: the store loads it and the dump
    is made from it, so a build never reads its store back (reading and splitting a million
    triples' lines took 1.3 s of a dump). With ``processes`` > 1 the records are shared among
    forked copies of this process (``fork``), each making and sorting the lines of its share:
    the same bytes."""
    if processes < 2 or not fork.available():
        return b"".join(_sorted_lines(resolved))
    others = [fork.forked(partial(_share, resolved, (k, processes))) for k in range(1, processes)]
    lines = _sorted_lines(resolved, (0, processes))
    for other in others:
        lines += BytesIO(other()).readlines()  # split at "\n" only: a line has no other line break
    lines.sort()  # sorted runs, one after the other: merged, not sorted again
    return b"".join(map(itemgetter(0), groupby(lines)))  # a triple two shares both made, once


def _sorted_lines(resolved: Resolved, share: tuple[int, int] = (0, 1)) -> list[bytes]:
    lines: list[bytes] = []
    add = lines.append
    # lines as bytes: bytes sort faster than str, and one join of bytes beats joining str and encoding
    # the result (10,000 companies: 10.5 to 10.8 s against 12.9 to 13.7 s)
    emit(resolved, lambda triple: add(ntriple(triple).encode()), share)
    return sorted(set(lines))


def _share(resolved: Resolved, share: tuple[int, int]) -> bytes:
    return b"".join(_sorted_lines(resolved, share))


def to_store(resolved: Resolved) -> ox.Store:
    """The fast path's graph: an embedded Oxigraph store with the same triples as ``to_graph``."""
    return load_ntriples(to_ntriples(resolved))


def load_ntriples(data: bytes) -> ox.Store:
    """A new store holding ``to_ntriples``' lines. N-Triples text parsed by Oxigraph in bulk, not a
    Python term object per node, which cost more than everything else in a fast build; on an
    in-memory store ``load`` beats ``bulk_load`` (10,000 companies: 5.3 s against 8 to 10 s)."""
    store = ox.Store()
    # lenient: no IRI is checked again (a quarter of the load); every IRI here is minted by
    # ``iris`` from slugs, or is a cited URL that ``iris.is_absolute`` let through
    store.load(data, ox.RdfFormat.N_TRIPLES, lenient=True)
    return store


# As Oxigraph writes N-Triples: the line's bytes, and so the dump's order, do not depend on which of them wrote it.
_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F)}
_ESCAPES.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t",
                 ord("\b"): "\\b", ord("\f"): "\\f"})


def ntriple(triple: Triple) -> str:
    """The N-Triples line of a triple."""
    s, p, o = triple
    if type(o) is not Lit:
        return f"<{s}> <{p}> <{o}> .\n"
    if o.datatype:
        return f'<{s}> <{p}> "{o.text.translate(_ESCAPES)}"^^<{o.datatype}> .\n'
    if o.lang:
        return f'<{s}> <{p}> "{o.text.translate(_ESCAPES)}"@{o.lang} .\n'
    return f'<{s}> <{p}> "{o.text.translate(_ESCAPES)}" .\n'


def emit(resolved: Resolved, add: Add, share: tuple[int, int] = (0, 1)) -> None:
    """Hand every triple of the graph to ``add``, in a stable order; the stores take them from here.
    ``share`` (k, n): only the triples of every n-th record from the k-th, for n makers side by side."""
    k, n = share
    for report in resolved.reports[k::n]:
        doc = iris.document(report.doc_id)
        add((doc, TYPE, GK.Document))
        add((doc, DCTERMS.title, Lit(report.title)))
        add((doc, GK.fileName, Lit(report.file_name)))
        add((doc, GK.sha256, Lit(report.sha256)))
        add((doc, GK.lineCount, Lit(str(report.line_count), _XSD_INTEGER)))
    for entity in resolved.entities[k::n]:
        _entity(add, entity)
    for statement in resolved.statements[k::n]:
        _statement(add, statement)
    for fact, sources in resolved.facts[k::n]:
        node = _fact(add, fact)
        for source in sources:
            add((node, PROV.wasDerivedFrom, _statement_iri(source)))


def entity_iri(key: str) -> URIRef:
    kind, _, name = key.partition(":")
    return iris.entity(kind, name)


def _entity(add: Add, entity: Entity) -> None:
    node = entity_iri(entity.key)
    classes = {"person": [SCHEMA.Person], "place": [SCHEMA.Place]}.get(entity.kind)
    if classes is None:
        classes = [GK.Company] if "company" in entity.types else []
        classes += [GK.Investor] if "investor" in entity.types else []
        classes = classes or [SCHEMA.Organization]
    for cls in classes:
        add((node, TYPE, cls))
    add((node, SKOS.prefLabel, Lit(entity.label)))
    for alt in entity.alt_labels:
        add((node, SKOS.altLabel, Lit(alt)))
    if entity.investor_kind:
        add((node, GK.investorKind, iris.concept("investor-kind", entity.investor_kind)))
    if entity.parent:
        add((node, SCHEMA.parentOrganization, entity_iri(entity.parent)))


def _statement_iri(source: Source) -> URIRef:
    return iris.statement(source.doc_id, source.line, source.index)


def _statement(add: Add, s: Statement) -> None:
    node = _statement_iri(s.source)
    add((node, TYPE, GK.Statement))
    add((node, GK.text, Lit(s.text)))
    add((node, GK.document, iris.document(s.source.doc_id)))
    add((node, GK.section, Lit(" > ".join(s.section))))
    add((node, GK.line, Lit(str(s.source.line), _XSD_INTEGER)))
    add((node, GK.blockKind, Lit(s.kind)))
    for url in s.cited:
        add((node, GK.citedSource, URIRef(url)))
    for key in s.mentions:
        add((node, SCHEMA.mentions, entity_iri(key)))
    for trend in s.trends:
        add((node, GK.evidenceFor, iris.concept("trend", trend)))


def _fact(add: Add, fact: Fact) -> URIRef:
    if isinstance(fact, Round):
        node = iris.fact("round", f"{_name(fact.company)}-{fact.kind}-{_iso(fact.when)}",
                         fact.company, fact.kind, _when_id(fact.when), _q_id(fact.amount))
        add((node, TYPE, GK.FundingRound))
        add((node, GK.fundedCompany, entity_iri(fact.company)))
        add((node, GK.roundType, iris.concept("round-type", fact.kind)))
        _money(add, node, GK.amount, "amount", fact.amount)
        _money(add, node, GK.valuation, "valuation", fact.valuation)
        for lead in fact.leads:
            add((node, GK.leadInvestor, entity_iri(lead)))
        for participant in fact.participants:
            add((node, GK.participant, entity_iri(participant)))
        _when(add, node, fact.when)
        _qualifiers(add, node, fact.qualifiers + (fact.amount.qualifiers if fact.amount else ()))
    elif isinstance(fact, Acquisition):
        node = iris.fact("acquisition", f"{_name(fact.acquirer)}-{_name(fact.target)}",
                         fact.acquirer, fact.target, _when_id(fact.when), _q_id(fact.price))
        add((node, TYPE, GK.Acquisition))
        add((node, GK.acquirer, entity_iri(fact.acquirer)))
        add((node, GK.target, entity_iri(fact.target)))
        _money(add, node, GK.price, "price", fact.price)
        _when(add, node, fact.when)
        if fact.status:
            add((node, GK.status, iris.concept("deal-status", fact.status)))
        _qualifiers(add, node, fact.qualifiers + (fact.price.qualifiers if fact.price else ()))
    elif isinstance(fact, Observation):
        node = _observation(add, fact)
    elif isinstance(fact, Backing):
        node = iris.fact("backing", f"{_name(fact.investor)}-{_name(fact.company)}", fact.investor, fact.company)
        add((node, TYPE, GK.Backing))
        add((node, GK.investor, entity_iri(fact.investor)))
        add((node, GK.organization, entity_iri(fact.company)))
    elif isinstance(fact, Role):
        dated = (_when_id(fact.when),) if fact.when else ()  # a role taken up twice is two facts
        node = iris.fact("role", f"{_name(fact.company)}-{_name(fact.person)}-{fact.role}", fact.person, fact.company,
                         fact.role, *dated)
        role = iris.concept("role", fact.role)
        add((node, TYPE, GK.RoleAssignment))
        add((node, ORG.member, entity_iri(fact.person)))
        add((node, ORG.organization, entity_iri(fact.company)))
        add((node, ORG.role, role))
        if fact.when:
            _when(add, node, fact.when)
        if fact.former:
            add((node, GK.qualifier, iris.concept("qualifier", "former")))
        if fact.ended and fact.ended.iso:
            add((node, GK.endDate, Lit(fact.ended.iso, _DATATYPE[fact.ended.precision])))
        if fact.role not in lexicon()["roles"]:
            _mint_concept(add, role, "role", fact.role)
            add((role, TYPE, ORG.Role))
    elif isinstance(fact, Founding):
        node = iris.fact("founding", _name(fact.company), fact.company, _when_id(fact.when))
        add((node, TYPE, GK.Founding))
        add((node, GK.organization, entity_iri(fact.company)))
        _when(add, node, fact.when)
        if fact.when.approximate:
            add((node, GK.qualifier, iris.concept("qualifier", "approximate")))
    elif isinstance(fact, Headquarters):
        node = iris.fact("headquarters", f"{_name(fact.company)}-{_name(fact.place)}", fact.company, fact.place)
        add((node, TYPE, GK.HeadquartersLocation))
        add((node, GK.organization, entity_iri(fact.company)))
        add((node, GK.place, entity_iri(fact.place)))
    elif isinstance(fact, Category):
        node = iris.fact("category", f"{_name(fact.company)}-{fact.category}", fact.company, fact.category)
        category = iris.concept("category", fact.category)
        add((node, TYPE, GK.CategoryAssignment))
        add((node, GK.organization, entity_iri(fact.company)))
        add((node, GK.category, category))
        add((entity_iri(fact.company), GK.category, category))
    elif isinstance(fact, Trend):
        node = iris.concept("trend", fact.label)
        _mint_concept(add, node, "trend", fact.label)
        if fact.broader:
            add((node, SKOS.broader, iris.concept("trend", fact.broader)))
    else:
        raise TypeError(fact)
    return node


def _observation(add: Add, fact: Observation) -> URIRef:
    subject = _name(fact.subject) if fact.subject else "market"
    node = iris.fact("observation", f"{subject}-{fact.metric}-{_iso(fact.when)}",
                     fact.subject, fact.metric, fact.segment, fact.related, _q_id(fact.quantity), _when_id(fact.when),
                     sorted(fact.qualifiers))
    q = fact.quantity
    metric = iris.concept("metric", fact.metric)
    add((node, TYPE, GK.Observation))
    if fact.subject:
        add((node, GK.subject, entity_iri(fact.subject)))
    add((node, GK.metric, metric))
    if fact.metric not in lexicon()["metrics"]:
        _mint_concept(add, metric, "metric", fact.metric)
    _values(add, node, q)
    if q.currency:
        add((node, SCHEMA.currency, Lit(q.currency)))
    elif q.unit:
        unit = iris.concept("unit", q.unit)
        add((node, GK.unit, unit))
        if q.unit not in _KNOWN_UNITS:
            _mint_concept(add, unit, "unit", q.unit)
    if q.per:
        add((node, GK.perUnit, iris.concept("unit", q.per)))
    if fact.segment:
        add((node, GK.segment, Lit(fact.segment)))
    if fact.related:
        add((node, GK.relatedEntity, entity_iri(fact.related)))
    _when(add, node, fact.when, observation=True)
    _qualifiers(add, node, fact.qualifiers + q.qualifiers)
    return node


def _mint_concept(add: Add, node: URIRef, scheme: str, label: str) -> None:
    add((node, TYPE, SKOS.Concept))
    add((node, SKOS.prefLabel, Lit(label, lang="en")))
    add((node, SKOS.inScheme, iris.scheme(scheme)))


def _money(add: Add, node: URIRef, prop: URIRef, part: str, q: Quantity | None) -> None:
    if q is None:
        return
    amount = iris.part(node, part)
    add((node, prop, amount))
    add((amount, TYPE, SCHEMA.MonetaryAmount))
    _values(add, amount, q)
    if q.currency:
        add((amount, SCHEMA.currency, Lit(q.currency)))


def _values(add: Add, node: URIRef, q: Quantity) -> None:
    for prop, value in ((SCHEMA.value, q.value), (SCHEMA.minValue, q.low), (SCHEMA.maxValue, q.high)):
        if value is not None:
            add((node, prop, _decimal(value)))


def _decimal(value: Decimal) -> Lit:
    return Lit(format(value, "f"), _XSD_DECIMAL)


def _when(add: Add, node: URIRef, when: When | None, observation: bool = False) -> None:
    if when is None:
        if observation:  # a figure with no date holds as of its report
            add((node, GK.timeBasis, iris.concept("time-basis", "as-of-report")))
        return
    if when.iso:
        add((node, GK.date, Lit(when.iso, _DATATYPE[when.precision])))
    add((node, GK.datePrecision, _PRECISION[when.precision]))
    add((node, GK.periodStart, Lit(when.start.isoformat(), _XSD_DATE)))
    add((node, GK.periodEnd, Lit(when.end.isoformat(), _XSD_DATE)))


def _qualifiers(add: Add, node: URIRef, qualifiers: tuple[str, ...]) -> None:
    for qualifier in dict.fromkeys(qualifiers):
        add((node, GK.qualifier, iris.concept("qualifier", qualifier)))


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
