"""The facts networks are made of, read from the knowledge graph by SPARQL.

Either engine can answer: an rdflib ``Graph`` (rdflib's SPARQL engine) or a
``pyoxigraph.Store`` (Oxigraph, the fast path). Both get the same query text,
user values are bound as RDF terms (``initBindings`` / ``oxstore.select``), and
literals from rdflib are rewritten to the canonical form Oxigraph gives back
(``oxstore.canonical``: ``"27"^^xsd:nonNegativeInteger`` is ``"27"^^xsd:integer``
there), so everything built from the rows is the same on both engines.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

from . import iris, oxstore
from .errors import QueryError

Source = Graph | ox.Store
Row = dict[str, Node | None]

NEOCLOUD = iris.concept("category", "neocloud")
_NS = {"gk": str(iris.GK), "schema": str(iris.SCHEMA), "prov": str(iris.PROV),
       "skos": "http://www.w3.org/2004/02/skos/core#"}

# Each filter is written into the query only when it is used, so the engine
# sees a plain pattern (with the value bound as a term) rather than a
# BOUND(?x) test run on every row.
_FILTERS = {
    "leads_only": 'FILTER (?relation = "lead")',
    "category": "FILTER EXISTS { ?company gk:category ?category }",
    "either_category": ("FILTER (EXISTS { ?acquirer gk:category ?category } "
                        "|| EXISTS { ?target gk:category ?category })"),
    # A fact without a period fails the comparison (unbound) and is left out.
    "since": "FILTER (?end >= ?since)",
    "until": "FILTER (?start <= ?until)",
}
_DATES = """
  OPTIONAL { ?fact gk:date ?date }
  OPTIONAL { ?fact gk:periodStart ?start }
  OPTIONAL { ?fact gk:periodEnd ?end }
"""

INVESTOR_LINKS = """SELECT ?fact ?relation ?investor ?company ?roundType ?date ?start ?end WHERE {
  { ?fact a gk:FundingRound ; gk:fundedCompany ?company ; gk:leadInvestor ?investor .
    BIND ("lead" AS ?relation) }
  UNION
  { ?fact a gk:FundingRound ; gk:fundedCompany ?company ; gk:participant ?investor .
    BIND ("participant" AS ?relation) }
  UNION
  { ?fact a gk:Backing ; gk:investor ?investor ; gk:organization ?company .
    BIND ("backer" AS ?relation) }
  OPTIONAL { ?fact gk:roundType ?roundType }
  %s
}"""

ACQUISITIONS = """SELECT ?fact ?acquirer ?target ?status ?date ?start ?end WHERE {
  ?fact a gk:Acquisition ; gk:acquirer ?acquirer ; gk:target ?target .
  OPTIONAL { ?fact gk:status ?status }
  %s
}"""

# Money and sources of the facts networks are made of; joined to the links in Python.
_NETWORK_FACT = "?fact a ?factType . FILTER (?factType IN (gk:FundingRound, gk:Backing, gk:Acquisition))"
_AMOUNTS = """SELECT ?fact ?value ?min ?max ?currency WHERE {
  %s
  ?fact gk:amount|gk:price ?money .
  OPTIONAL { ?money schema:value ?value }
  OPTIONAL { ?money schema:minValue ?min }
  OPTIONAL { ?money schema:maxValue ?max }
  OPTIONAL { ?money schema:currency ?currency }
}""" % _NETWORK_FACT

_SOURCES = """SELECT ?fact ?statement ?file ?line WHERE {
  %s
  ?fact prov:wasDerivedFrom ?statement .
  OPTIONAL { ?statement gk:document/gk:fileName ?file }
  OPTIONAL { ?statement gk:line ?line }
}""" % _NETWORK_FACT

_ENTITIES = """SELECT ?node ?label ?category ?investorKind WHERE {
  ?node a ?type .
  FILTER (?type IN (gk:Company, gk:Investor, schema:Organization))
  OPTIONAL { ?node skos:prefLabel ?label }
  OPTIONAL { ?node gk:category ?category }
  OPTIONAL { ?node gk:investorKind ?investorKind }
}"""

_CONCEPT_LABELS = "SELECT ?concept ?label WHERE { ?concept skos:prefLabel ?label }"

_CATEGORIES = """SELECT DISTINCT ?category WHERE {
  { ?org gk:category ?category } UNION { ?category skos:inScheme ?scheme }
  FILTER (STRSTARTS(STR(?category), STR(?prefix)))
}"""


def links_query(template: str, filters: list[str]) -> str:
    """``template`` with the named filters (keys of ``_FILTERS``) written in, dates last."""
    return template % (_DATES + "\n".join("  " + _FILTERS[f] for f in filters))


def select(source: Source, query: str, bindings: dict[str, Node] | None = None) -> list[Row]:
    """Rows of a SELECT on either engine, as dicts of rdflib terms (None where unbound)."""
    if isinstance(source, ox.Store):
        names, rows = oxstore.select(source, query, bindings, prefixes=_NS)
        return [dict(zip(names, row)) for row in rows]
    if not isinstance(source, Graph):
        raise TypeError(f"expected an rdflib Graph or a pyoxigraph Store, not {type(source).__name__}")
    result = source.query(_prepared(query), initBindings=bindings or {})
    names = [str(v) for v in result.vars]
    return [{name: _canonical(term) for name, term in zip(names, row)} for row in result]


@lru_cache(maxsize=64)
def _prepared(query: str):
    return prepareQuery(query, initNs=_NS)


def _canonical(term: Node | None) -> Node | None:
    return oxstore.canonical(term) if isinstance(term, Literal) else term


def group(rows: list[Row], key: tuple[str, ...], fields: tuple[str, ...], many: bool = False,
          together: bool = False) -> dict[tuple, dict]:
    """Fold rows by ``key``: sets of values with ``many``, sorted value tuples with ``together``,
    else one value per field (the least, so row order, which differs between engines, never matters)."""
    out: dict[tuple, dict] = {}
    for row in rows:
        entry = out.setdefault(tuple(row[name] for name in key), {})
        if together:
            entry.setdefault("rows", set()).add(tuple(row[f] for f in fields))
            continue
        for f in fields:
            if row[f] is not None:
                entry.setdefault(f, set()).add(row[f])
    for entry in out.values():
        if together:
            entry["rows"] = sorted(entry["rows"], key=lambda r: tuple(_order(x) for x in r))
        elif not many:
            for f in fields:
                entry[f] = min(entry[f], key=_order) if f in entry else None
    return out


def _order(term: Node | None) -> tuple[str, str]:
    return (type(term).__name__, str(term)) if term is not None else ("", "")


class Details:
    """Labels, categories, money and sources, read once per network."""

    def __init__(self, source: Source) -> None:
        # A concept may carry several prefLabels (one per file read): the least, as for entities.
        labels = group(select(source, _CONCEPT_LABELS), ("concept",), ("label",), many=True)
        self.labels = {concept: min(map(str, values["label"])) for (concept,), values in labels.items()}
        self.entities = group(select(source, _ENTITIES), ("node",), ("label", "category", "investorKind"), many=True)
        self.money_rows = group(select(source, _AMOUNTS), ("fact",), ("value", "min", "max", "currency"), many=True)
        self.source_rows = group(select(source, _SOURCES), ("fact",), ("statement", "file", "line"), together=True)

    def entity(self, node: URIRef) -> dict:
        values = self.entities.get((node,), {})
        categories = sorted(values.get("category", ()))
        return {"label": min(map(str, values.get("label", ())), default=local_name(node)),
                "categories": [local_name(c) for c in categories],
                "category_iris": [str(c) for c in categories],
                "investor_kinds": sorted(local_name(k) for k in values.get("investorKind", ()))}

    def concept(self, node: URIRef) -> str:
        return self.labels.get(node, local_name(node))

    def money(self, fact: URIRef) -> str | None:
        """"25000000 USD", "2000000-3000000 EUR" (a range), ">=5 USD" (a bound only)."""
        values = self.money_rows.get((fact,), {})
        low, high = (sorted(map(_number, values.get(k, ()))) for k in ("min", "max"))
        if values.get("value"):
            amount = "/".join(sorted(map(_number, values["value"])))
        elif low and high:
            amount = f"{low[0]}-{high[-1]}"
        elif low or high:
            amount = f">={low[0]}" if low else f"<={high[-1]}"
        else:
            return None
        return " ".join([amount, *sorted(map(str, values.get("currency", ())))])

    def sources(self, fact: URIRef) -> list[str]:
        """"file:line" for each statement the fact was derived from (the statement IRI if those are missing)."""
        return [f"{file}:{line}" if file and line else str(statement)
                for statement, file, line in self.source_rows.get((fact,), {}).get("rows", ())]


def filter_bindings(source: Source, category: str | None, since: date | str | None,
                    until: date | str | None) -> dict[str, Node]:
    """Filter values as RDF terms (checked: a known category, ISO dates in order)."""
    bindings: dict[str, Node] = {}
    if category:
        bindings["category"] = _category(source, category)
    start, end = _day(since, "since"), _day(until, "until")
    if start and end and start > end:
        raise QueryError(f"--since {start} is after --until {end}")
    if start:
        bindings["since"] = Literal(start)
    if end:
        bindings["until"] = Literal(end)
    return bindings


def _category(source: Source, value: str) -> URIRef:
    prefix = str(iris.CONCEPT["category/"])
    wanted = URIRef(value) if value.startswith(prefix) else iris.concept("category", value)
    known = {row["category"] for row in select(source, _CATEGORIES, {"prefix": Literal(prefix)})}
    if wanted not in known:
        names = ", ".join(sorted(local_name(c) for c in known)) or "none"
        raise QueryError(f"unknown category {value!r}; the graph has: {names}")
    return wanted


def _day(value: date | str | None, option: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"--{option} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def date_text(fact: dict) -> str | None:
    if fact.get("date") is not None:
        return str(fact["date"])
    if fact.get("start") is not None and fact.get("end") is not None:
        return f"{fact['start']}/{fact['end']}"
    return None


def _number(value: Literal) -> str:
    number = Decimal(str(value))
    return str(int(number)) if number == number.to_integral_value() else format(number.normalize(), "f")


def sorted_sources(sources) -> list[str]:
    def key(source: str) -> tuple:
        file, _, line = source.rpartition(":")
        return (file, int(line)) if line.isdigit() else (source, 0)
    return sorted(set(sources), key=key)


def local_name(node: URIRef) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
