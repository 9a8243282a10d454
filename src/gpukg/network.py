"""Investor, co-investment and acquisition networks: views of the RDF graph.

The networks are read from the knowledge graph with SPARQL, never re-extracted
from the reports, and every edge keeps the IRIs of the facts it stands for and
their sources ("file.md:line"), so any link can be traced back to a report line.
Node ids are entity IRIs; exports live in ``netexport``.
"""
from __future__ import annotations

import math
from collections import defaultdict
from datetime import date
from decimal import Decimal
from itertools import combinations

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from . import iris
from .errors import QueryError

NEOCLOUD = iris.concept("category", "neocloud")
_NS = {"gk": iris.GK, "schema": iris.SCHEMA, "prov": iris.PROV,
       "skos": URIRef("http://www.w3.org/2004/02/skos/core#")}

# Filters are written once, into each query; a filter whose variable is left
# unbound (no initBindings entry) keeps every row.
_DATE_FILTERS = """
  OPTIONAL { ?fact gk:date ?date }
  OPTIONAL { ?fact gk:periodStart ?start }
  OPTIONAL { ?fact gk:periodEnd ?end }
  FILTER (!BOUND(?since) || (BOUND(?end) && ?end >= ?since))
  FILTER (!BOUND(?until) || (BOUND(?start) && ?start <= ?until))
"""

_INVESTOR_LINKS = prepareQuery("""
SELECT ?fact ?relation ?investor ?company ?roundType ?date ?start ?end WHERE {
  { ?fact a gk:FundingRound ; gk:fundedCompany ?company ; gk:leadInvestor ?investor .
    BIND ("lead" AS ?relation) }
  UNION
  { ?fact a gk:FundingRound ; gk:fundedCompany ?company ; gk:participant ?investor .
    BIND ("participant" AS ?relation) }
  UNION
  { ?fact a gk:Backing ; gk:investor ?investor ; gk:organization ?company .
    BIND ("backer" AS ?relation) }
  OPTIONAL { ?fact gk:roundType ?roundType }
  FILTER (!BOUND(?leadsOnly) || ?relation = "lead")
  FILTER (!BOUND(?category) || EXISTS { ?company gk:category ?category })
""" + _DATE_FILTERS + "}", initNs=_NS)

_ACQUISITIONS = prepareQuery("""
SELECT ?fact ?acquirer ?target ?status ?date ?start ?end WHERE {
  ?fact a gk:Acquisition ; gk:acquirer ?acquirer ; gk:target ?target .
  OPTIONAL { ?fact gk:status ?status }
  FILTER (!BOUND(?category) || EXISTS { ?acquirer gk:category ?category }
                            || EXISTS { ?target gk:category ?category })
""" + _DATE_FILTERS + "}", initNs=_NS)

# Money and sources of every fact; joined to the links in Python.
_AMOUNTS = prepareQuery("""
SELECT ?fact ?value ?min ?max ?currency WHERE {
  ?fact gk:amount|gk:price ?money .
  OPTIONAL { ?money schema:value ?value }
  OPTIONAL { ?money schema:minValue ?min }
  OPTIONAL { ?money schema:maxValue ?max }
  OPTIONAL { ?money schema:currency ?currency }
}""", initNs=_NS)

_SOURCES = prepareQuery("""
SELECT ?fact ?statement ?file ?line WHERE {
  ?fact prov:wasDerivedFrom ?statement .
  OPTIONAL { ?statement gk:document/gk:fileName ?file }
  OPTIONAL { ?statement gk:line ?line }
}""", initNs=_NS)

_ENTITIES = prepareQuery("""
SELECT ?node ?label ?category ?investorKind WHERE {
  ?node a ?type .
  FILTER (?type IN (gk:Company, gk:Investor, schema:Organization))
  OPTIONAL { ?node skos:prefLabel ?label }
  OPTIONAL { ?node gk:category ?category }
  OPTIONAL { ?node gk:investorKind ?investorKind }
}""", initNs=_NS)

_CONCEPT_LABELS = prepareQuery(
    "SELECT ?concept ?label WHERE { ?concept skos:prefLabel ?label }", initNs=_NS)

_CATEGORIES = prepareQuery("""
SELECT DISTINCT ?category WHERE {
  { ?org gk:category ?category } UNION { ?category skos:inScheme ?scheme }
  FILTER (STRSTARTS(STR(?category), STR(?prefix)))
}""", initNs=_NS)


# --- public builders ---------------------------------------------------------

def investor_network(graph: Graph, *, category: str | None = None, since: date | str | None = None,
                     until: date | str | None = None, leads_only: bool = False) -> nx.Graph:
    """Bipartite investor–company graph from funding rounds and backings.

    One edge per investor–company pair; it gathers every round and backing
    between them (``rounds``, ``amounts``, ``dates``, ``facts``, ``sources``;
    ``weight`` = number of facts, ``relation`` = lead > participant > backer).
    """
    bindings = _bindings(graph, category, since, until)
    if leads_only:
        bindings["leadsOnly"] = Literal(True)
    links = _group(graph.query(_INVESTOR_LINKS, initBindings=bindings),
                   ("fact", "investor", "relation"), ("company", "roundType", "date", "start", "end"))
    details = _Details(graph)
    G = nx.Graph(network="investors", **_describe(category, since, until, leads_only))
    pairs: dict[tuple[URIRef, URIRef], list[dict]] = defaultdict(list)
    for (fact, investor, relation), values in sorted(links.items()):
        pairs[investor, values["company"]].append({"fact": fact, "relation": str(relation), **values})
    roles: dict[URIRef, set[str]] = defaultdict(set)
    for investor, company in pairs:
        roles[investor].add("investor")
        roles[company].add("company")
    for node in sorted(roles):
        kind = "both" if len(roles[node]) == 2 else roles[node].pop()
        G.add_node(str(node), **details.entity(node), kind=kind)
    for (investor, company), facts in sorted(pairs.items()):
        G.add_edge(str(investor), str(company), **_investor_edge(investor, company, facts, details))
    for node, data in G.nodes(data=True):
        mine = [e for _, _, e in G.edges(node, data=True) if e["investor"] == node]
        data["portfolio_size"] = len(mine)
        data["neoclouds_backed"] = sum(str(NEOCLOUD) in G.nodes[e["company"]].get("category_iris", []) for e in mine)
        data["rounds_led"] = sum(e["rounds_led"] for e in mine)
    return _with_metrics(G)


def coinvestment_network(graph: Graph, *, category: str | None = None, since: date | str | None = None,
                         until: date | str | None = None, leads_only: bool = False) -> nx.Graph:
    """Investors linked when they back the same company (filters as ``investor_network``).

    ``weight`` = shared companies; ``shared_rounds`` = rounds both took part in.
    Every investor of the filtered investor network is a node, isolated if it
    shares no company.
    """
    bipartite = investor_network(graph, category=category, since=since, until=until, leads_only=leads_only)
    G = nx.Graph(**{**bipartite.graph, "network": "co-investment"})
    for node, data in bipartite.nodes(data=True):
        if data["kind"] != "company":
            G.add_node(node, **{k: data[k] for k in _CARRIED if k in data})
    for company in sorted(n for n, d in bipartite.nodes(data=True) if d["kind"] != "investor"):
        backers = sorted((e["investor"], e) for _, _, e in bipartite.edges(company, data=True)
                         if e["company"] == company)
        for (a, ea), (b, eb) in combinations(backers, 2):
            link = G.get_edge_data(a, b) or {"companies": [], "company_iris": [], "rounds": set(),
                                             "facts": set(), "sources": set()}
            link["companies"].append(bipartite.nodes[company]["label"])
            link["company_iris"].append(company)
            link["rounds"] |= set(ea["round_facts"]) & set(eb["round_facts"])
            link["facts"] |= set(ea["facts"]) | set(eb["facts"])
            link["sources"] |= set(ea["sources"]) | set(eb["sources"])
            G.add_edge(a, b, **link)
    for _, _, link in G.edges(data=True):
        link.update(weight=len(link["company_iris"]), shared_companies=len(link["company_iris"]),
                    shared_rounds=len(link["rounds"]), rounds=sorted(link["rounds"]),
                    facts=sorted(link["facts"]), sources=_sorted_sources(link["sources"]))
    return _with_metrics(G)


def acquisition_network(graph: Graph, *, category: str | None = None, since: date | str | None = None,
                        until: date | str | None = None) -> nx.DiGraph:
    """Acquirer → target, with price, date and status; ``category`` keeps deals where either side has it."""
    bindings = _bindings(graph, category, since, until)
    deals = _group(graph.query(_ACQUISITIONS, initBindings=bindings),
                   ("fact",), ("acquirer", "target", "status", "date", "start", "end"))
    details = _Details(graph)
    G = nx.DiGraph(network="acquisitions", **_describe(category, since, until, False))
    pairs: dict[tuple[URIRef, URIRef], list[dict]] = defaultdict(list)
    for (fact,), values in sorted(deals.items()):
        pairs[values["acquirer"], values["target"]].append({"fact": fact, **values})
    roles: dict[URIRef, set[str]] = defaultdict(set)
    for acquirer, target in pairs:
        roles[acquirer].add("acquirer")
        roles[target].add("target")
    for node in sorted(roles):
        kind = "both" if len(roles[node]) == 2 else roles[node].pop()
        G.add_node(str(node), **details.entity(node), kind=kind)
    for (acquirer, target), facts in sorted(pairs.items()):
        G.add_edge(str(acquirer), str(target), weight=len(facts),
                   prices=sorted({details.money(f["fact"]) for f in facts} - {None}),
                   dates=sorted({_date_text(f) for f in facts} - {None}),
                   status=sorted({details.concept(f["status"]) for f in facts if f["status"]}),
                   facts=sorted(str(f["fact"]) for f in facts),
                   sources=_sorted_sources(s for f in facts for s in details.sources(f["fact"])))
    for node, data in G.nodes(data=True):
        data["acquisitions"] = G.out_degree(node)
    return _with_metrics(G)


NETWORKS = {"investors": investor_network, "co-investment": coinvestment_network,
            "acquisitions": acquisition_network}


# --- metrics ---------------------------------------------------------------

_COUNTS = ("portfolio_size", "neoclouds_backed", "rounds_led", "acquisitions")
_CARRIED = ("label", "kind", "categories", "category_iris", "investor_kinds") + _COUNTS


def node_metrics(G: nx.Graph) -> list[dict]:
    """One row per node, best first: counts carried on the nodes plus structural metrics.

    ``degree``: distinct neighbours. ``betweenness``: normalised, unweighted.
    ``eigenvector``: per connected component (undefined across components),
    scaled by the component's share of nodes; 0 for isolated nodes.
    ``community``: Louvain (seeded), numbered 1.. from the largest.
    Directed graphs are measured as undirected.
    """
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    if U.number_of_nodes() == 0:
        return []
    betweenness = nx.betweenness_centrality(U)
    eigenvector = _eigenvector(U)
    community = _communities(U)
    rows = []
    for node, data in G.nodes(data=True):
        row = {"id": node, "label": data.get("label", node), "kind": data.get("kind", "")}
        row.update({k: data[k] for k in _COUNTS if k in data})
        row.update(degree=U.degree(node), betweenness=float(betweenness[node]),
                   eigenvector=eigenvector[node], community=community[node])
        rows.append(row)
    rows.sort(key=lambda r: tuple(-r.get(k, 0) for k in _COUNTS + ("degree", "betweenness"))
              + (r["label"].casefold(), r["id"]))
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
    return rows


def table_cells(rows: list[dict], top: int | None = None) -> tuple[list[str], list[list[str]]]:
    """Column heads and text cells of the ranked metrics (floats to 3 decimals)."""
    present = [k for k in _COUNTS if any(k in r for r in rows)]
    heads = ["rank", "label", "kind", *present, "degree", "betweenness", "eigenvector", "community"]
    cells = [[str(r.get(h, "")) if not isinstance(r.get(h), float) else f"{r[h]:.3f}" for h in heads]
             for r in rows[:top]]
    return heads, cells


def format_table(rows: list[dict], top: int | None = None) -> str:
    """The ranked metrics as a plain-text table."""
    heads, cells = table_cells(rows, top)
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(heads)]

    def line(values: list[str]) -> str:
        # Text columns (label, kind) align left, numbers right.
        return "  ".join(v.ljust(w) if i in (1, 2) else v.rjust(w)
                         for i, (v, w) in enumerate(zip(values, widths))).rstrip()

    return "\n".join([line(heads), line(["-" * w for w in widths]), *map(line, cells)]) + "\n"


def _with_metrics(G: nx.Graph) -> nx.Graph:
    for row in node_metrics(G):
        G.nodes[row["id"]].update({k: row[k] for k in ("degree", "betweenness", "eigenvector", "community")})
    return G


def _eigenvector(U: nx.Graph) -> dict:
    scores = {}
    n = U.number_of_nodes()
    for component in nx.connected_components(U):
        if len(component) == 1:
            scores.update(dict.fromkeys(component, 0.0))
            continue
        sub = sorted_subgraph(U, component)
        try:
            values = nx.eigenvector_centrality(sub, max_iter=1000)
        except nx.PowerIterationFailedConvergence:
            # Degree, scaled to unit length like an eigenvector, rather than no value.
            norm = math.sqrt(sum(d * d for _, d in sub.degree())) or 1.0
            values = {v: d / norm for v, d in sub.degree()}
        scores.update({v: float(x) * len(component) / n for v, x in values.items()})
    return scores


def sorted_subgraph(G: nx.Graph, nodes) -> nx.Graph:
    """The subgraph on ``nodes``, nodes and edges in sorted order.

    ``G.subgraph`` iterates its nodes in set order, which changes from run to
    run; seeded layouts and float sums need a fixed order to repeat exactly.
    """
    keep = set(nodes)
    H = G.__class__()
    H.add_nodes_from((n, G.nodes[n]) for n in sorted(keep, key=str))
    H.add_edges_from(sorted(((u, v, d) for u, v, d in G.edges(keep, data=True) if u in keep and v in keep),
                            key=lambda e: (str(e[0]), str(e[1]))))
    return H


def _communities(U: nx.Graph) -> dict:
    parts = nx.community.louvain_communities(U, seed=42)
    parts.sort(key=lambda part: (-len(part), min(str(U.nodes[v].get("label", v)) for v in part)))
    return {v: i for i, part in enumerate(parts, 1) for v in part}


# --- reading the graph -------------------------------------------------------

class _Details:
    """Labels, categories, money and sources, read once per network."""

    def __init__(self, graph: Graph) -> None:
        self.labels = {row.concept: str(row.label) for row in graph.query(_CONCEPT_LABELS)}
        self.entities = _group(graph.query(_ENTITIES), ("node",), ("label", "category", "investorKind"), many=True)
        self.money_rows = _group(graph.query(_AMOUNTS), ("fact",), ("value", "min", "max", "currency"), many=True)
        self.source_rows = _group(graph.query(_SOURCES), ("fact",), ("statement", "file", "line"), many=True,
                                  together=True)

    def entity(self, node: URIRef) -> dict:
        values = self.entities.get((node,), {})
        categories = sorted(values.get("category", ()))
        return {"label": min(map(str, values.get("label", ())), default=_local_name(node)),
                "categories": [_local_name(c) for c in categories],
                "category_iris": [str(c) for c in categories],
                "investor_kinds": sorted(_local_name(k) for k in values.get("investorKind", ()))}

    def concept(self, node: URIRef) -> str:
        return self.labels.get(node, _local_name(node))

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


def _investor_edge(investor: URIRef, company: URIRef, facts: list[dict], details: _Details) -> dict:
    rounds = [f for f in facts if f["relation"] != "backer"]
    led = {f["fact"] for f in facts if f["relation"] == "lead"}
    relation = min((f["relation"] for f in facts), key=["lead", "participant", "backer"].index)
    return {
        "investor": str(investor), "company": str(company), "relation": relation,
        "lead": bool(led), "rounds_led": len(led), "weight": len({f["fact"] for f in facts}),
        "rounds": [_round_text(f, details) for f in rounds],
        "round_facts": sorted({str(f["fact"]) for f in rounds}),
        "round_types": sorted({_local_name(f["roundType"]) for f in rounds if f["roundType"]}),
        "amounts": [m for m in (details.money(f["fact"]) for f in rounds) if m],
        "dates": sorted({_date_text(f) for f in facts} - {None}),
        "facts": sorted({str(f["fact"]) for f in facts}),
        "sources": _sorted_sources(s for f in facts for s in details.sources(f["fact"])),
    }


def _round_text(fact: dict, details: _Details) -> str:
    name = details.concept(fact["roundType"]) if fact["roundType"] else "round"
    parts = [name, _date_text(fact), details.money(fact["fact"])]
    return ", ".join(p for p in parts if p) + f" ({fact['relation']})"


def _group(rows, key: tuple[str, ...], fields: tuple[str, ...], many: bool = False,
           together: bool = False) -> dict[tuple, dict]:
    """Fold result rows by ``key``: one value per field, or sets of values with ``many``."""
    out: dict[tuple, dict] = {}
    for row in rows:
        k = tuple(row[name] for name in key)
        entry = out.setdefault(k, {"rows": set()} if together else {})
        if together:
            entry["rows"].add(tuple(row[f] for f in fields))
        elif many:
            for f in fields:
                if row[f] is not None:
                    entry.setdefault(f, set()).add(row[f])
        else:
            for f in fields:
                if entry.get(f) is None:
                    entry[f] = row[f]
    if together:
        for entry in out.values():
            entry["rows"] = sorted(entry["rows"], key=lambda r: tuple(str(x) for x in r))
    return out


def _bindings(graph: Graph, category: str | None, since: date | str | None, until: date | str | None) -> dict:
    bindings: dict = {}
    if category:
        bindings["category"] = _category(graph, category)
    start, end = _day(since, "since"), _day(until, "until")
    if start and end and start > end:
        raise QueryError(f"--since {start} is after --until {end}")
    if start:
        bindings["since"] = Literal(start)
    if end:
        bindings["until"] = Literal(end)
    return bindings


def _category(graph: Graph, value: str) -> URIRef:
    prefix = str(iris.CONCEPT["category/"])
    wanted = URIRef(value) if value.startswith(prefix) else iris.concept("category", value)
    known = {row.category for row in graph.query(_CATEGORIES, initBindings={"prefix": Literal(prefix)})}
    if wanted not in known:
        names = ", ".join(sorted(_local_name(c) for c in known)) or "none"
        raise QueryError(f"unknown category {value!r}; the graph has: {names}")
    return wanted


def _day(value: date | str | None, option: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"--{option} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _describe(category: str | None, since, until, leads_only: bool) -> dict:
    return {k: str(v) for k, v in {"category": category, "since": since, "until": until,
                                   "leads_only": leads_only or None}.items() if v}


def _date_text(fact: dict) -> str | None:
    if fact.get("date") is not None:
        return str(fact["date"])
    if fact.get("start") is not None and fact.get("end") is not None:
        return f"{fact['start']}/{fact['end']}"
    return None


def _number(value: Literal) -> str:
    number = Decimal(str(value))
    return str(int(number)) if number == number.to_integral_value() else format(number.normalize(), "f")


def _sorted_sources(sources) -> list[str]:
    def key(source: str) -> tuple:
        file, _, line = source.rpartition(":")
        return (file, int(line)) if line.isdigit() else (source, 0)
    return sorted(set(sources), key=key)


def _local_name(node: URIRef) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
