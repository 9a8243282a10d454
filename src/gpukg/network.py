"""Investor, co-investment and acquisition networks: views of the RDF graph.

The networks are read from the knowledge graph with SPARQL (``netfacts``), on
an rdflib Graph or a pyoxigraph Store alike, never re-extracted from the
reports, and every edge keeps the IRIs of the facts it stands for and their
sources ("file.md:line"), so any link can be traced back to a report line.
Node ids are entity IRIs; metrics live in ``netmetrics``, exports in ``netexport``.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import combinations

import networkx as nx
from rdflib import URIRef

from .netfacts import (ACQUISITIONS, INVESTOR_LINKS, NEOCLOUD, Details, Source, date_text, filter_bindings,
                       group, links_query, local_name, select, sorted_sources)
from .netmetrics import COUNTS, format_table, node_metrics, sorted_subgraph, table_cells, with_metrics

__all__ = ["investor_network", "coinvestment_network", "acquisition_network", "NETWORKS", "title",
           "node_metrics", "format_table", "table_cells", "sorted_subgraph", "Source"]

TITLES = {"investors": "Investor network", "co-investment": "Co-investment network",
          "acquisitions": "Acquisition network"}


def investor_network(source: Source, *, category: str | None = None, since: date | str | None = None,
                     until: date | str | None = None, leads_only: bool = False) -> nx.Graph:
    """Bipartite investor–company graph from funding rounds and backings.

    ``source`` is an rdflib Graph or a pyoxigraph Store. One edge per
    investor–company pair; it gathers every round and backing between them
    (``rounds``, ``amounts``, ``dates``, ``facts``, ``sources``; ``weight`` =
    number of facts, ``relation`` = lead > participant > backer).
    """
    return with_metrics(_investor_graph(source, category, since, until, leads_only))


def _investor_graph(source: Source, category: str | None, since: date | str | None, until: date | str | None,
                    leads_only: bool) -> nx.Graph:
    bindings = filter_bindings(source, category, since, until)
    filters = [f for f in ("category", "since", "until") if f in bindings] + (["leads_only"] if leads_only else [])
    links = group(select(source, links_query(INVESTOR_LINKS, filters), bindings),
                  ("fact", "investor", "relation"), ("company", "roundType", "date", "start", "end"))
    details = Details(source)
    G = nx.Graph(network="investors", **_describe(category, since, until, leads_only))
    pairs: dict[tuple[URIRef, URIRef], list[dict]] = defaultdict(list)
    for (fact, investor, relation), values in sorted(links.items()):
        pairs[investor, values["company"]].append({"fact": fact, "relation": str(relation), **values})
    _add_nodes(G, pairs, details, ("investor", "company"))
    for (investor, company), facts in sorted(pairs.items()):
        G.add_edge(str(investor), str(company), **_investor_edge(investor, company, facts, details))
    for node, data in G.nodes(data=True):
        mine = [e for _, _, e in G.edges(node, data=True) if e["investor"] == node]
        data["portfolio_size"] = len(mine)
        data["neoclouds_backed"] = sum(str(NEOCLOUD) in G.nodes[e["company"]].get("category_iris", []) for e in mine)
        data["rounds_led"] = sum(e["rounds_led"] for e in mine)
    return G


def coinvestment_network(source: Source, *, category: str | None = None, since: date | str | None = None,
                         until: date | str | None = None, leads_only: bool = False) -> nx.Graph:
    """Investors linked when they back the same company (filters as ``investor_network``).

    ``weight`` = shared companies; ``shared_rounds`` = rounds both took part in.
    Every investor of the filtered investor network is a node, isolated if it
    shares no company.
    """
    bipartite = _investor_graph(source, category, since, until, leads_only)
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
                    facts=sorted(link["facts"]), sources=sorted_sources(link["sources"]))
    return with_metrics(G)


def acquisition_network(source: Source, *, category: str | None = None, since: date | str | None = None,
                        until: date | str | None = None) -> nx.DiGraph:
    """Acquirer → target, with price, date and status; ``category`` keeps deals where either side has it."""
    bindings = filter_bindings(source, category, since, until)
    filters = [{"category": "either_category"}.get(f, f) for f in ("category", "since", "until") if f in bindings]
    deals = group(select(source, links_query(ACQUISITIONS, filters), bindings),
                  ("fact",), ("acquirer", "target", "status", "date", "start", "end"))
    details = Details(source)
    G = nx.DiGraph(network="acquisitions", **_describe(category, since, until, False))
    pairs: dict[tuple[URIRef, URIRef], list[dict]] = defaultdict(list)
    for (fact,), values in sorted(deals.items()):
        pairs[values["acquirer"], values["target"]].append({"fact": fact, **values})
    _add_nodes(G, pairs, details, ("acquirer", "target"))
    for (acquirer, target), facts in sorted(pairs.items()):
        G.add_edge(str(acquirer), str(target), weight=len(facts),
                   prices=sorted({details.money(f["fact"]) for f in facts} - {None}),
                   dates=sorted({date_text(f) for f in facts} - {None}),
                   status=sorted({details.concept(f["status"]) for f in facts if f["status"]}),
                   facts=sorted(str(f["fact"]) for f in facts),
                   sources=sorted_sources(s for f in facts for s in details.sources(f["fact"])))
    for node, data in G.nodes(data=True):
        data["acquisitions"] = G.out_degree(node)
    return with_metrics(G)


NETWORKS = {"investors": investor_network, "co-investment": coinvestment_network,
            "acquisitions": acquisition_network}


def title(G: nx.Graph) -> str:
    """"Investor network (category neocloud): 26 organizations, 22 links"."""
    name = TITLES.get(G.graph.get("network"), "Network")
    filters = [f"{k.replace('_', ' ')} {v}" if k != "leads_only" else "leads only"
               for k, v in G.graph.items() if k in ("category", "since", "until", "leads_only")]
    where = f" ({', '.join(filters)})" if filters else ""
    return f"{name}{where}: {G.number_of_nodes()} organizations, {G.number_of_edges()} links"


_CARRIED = ("label", "kind", "categories", "category_iris", "investor_kinds") + COUNTS


def _add_nodes(G: nx.Graph, pairs: dict, details: Details, roles: tuple[str, str]) -> None:
    """Both ends of every pair as nodes, in IRI order; ``kind`` is their role, or "both"."""
    seen: dict[URIRef, set[str]] = defaultdict(set)
    for first, second in pairs:
        seen[first].add(roles[0])
        seen[second].add(roles[1])
    for node in sorted(seen):
        kind = "both" if len(seen[node]) == 2 else next(iter(seen[node]))
        G.add_node(str(node), **details.entity(node), kind=kind)


def _investor_edge(investor: URIRef, company: URIRef, facts: list[dict], details: Details) -> dict:
    rounds = [f for f in facts if f["relation"] != "backer"]
    led = {f["fact"] for f in facts if f["relation"] == "lead"}
    relation = min((f["relation"] for f in facts), key=["lead", "participant", "backer"].index)
    return {
        "investor": str(investor), "company": str(company), "relation": relation,
        "lead": bool(led), "rounds_led": len(led), "weight": len({f["fact"] for f in facts}),
        "rounds": [_round_text(f, details) for f in rounds],
        "round_facts": sorted({str(f["fact"]) for f in rounds}),
        "round_types": sorted({local_name(f["roundType"]) for f in rounds if f["roundType"]}),
        "amounts": [m for m in (details.money(f["fact"]) for f in rounds) if m],
        "dates": sorted({date_text(f) for f in facts} - {None}),
        "facts": sorted({str(f["fact"]) for f in facts}),
        "sources": sorted_sources(s for f in facts for s in details.sources(f["fact"])),
    }


def _round_text(fact: dict, details: Details) -> str:
    name = details.concept(fact["roundType"]) if fact["roundType"] else "round"
    parts = [name, date_text(fact), details.money(fact["fact"])]
    return ", ".join(p for p in parts if p) + f" ({fact['relation']})"


def _describe(category: str | None, since, until, leads_only: bool) -> dict:
    return {k: str(v) for k, v in {"category": category, "since": since, "until": until,
                                   "leads_only": leads_only or None}.items() if v}
