"""Metrics of a network's nodes and the ranked table that shows them.

Counts (portfolio size, neoclouds backed, rounds led, acquisitions) are set by
the network builders; this module adds the structural metrics (degree,
betweenness, eigenvector centrality, community), in a fixed node order so
that the floats, and so every export, repeat exactly from run to run.
"""
from __future__ import annotations

import math
import random

import networkx as nx

COUNTS = ("portfolio_size", "neoclouds_backed", "rounds_led", "acquisitions")
STRUCTURE = ("degree", "betweenness", "eigenvector", "community")
# Exact betweenness costs one breadth-first search per node: beyond this many
# nodes it is estimated from a seeded sample of sources (networkx's k estimate),
# 100 searches instead of 15,000 for the network of 10,000 companies (seconds,
# not a quarter of an hour).
EXACT_BETWEENNESS_NODES = 1000
BETWEENNESS_SAMPLE = 100


def node_metrics(G: nx.Graph, fresh: bool = False) -> list[dict]:
    """One row per node, best first: counts carried on the nodes plus structural metrics.

    ``degree``: distinct neighbours. ``betweenness``: normalised, unweighted
    (estimated from ``BETWEENNESS_SAMPLE`` seeded sources above
    ``EXACT_BETWEENNESS_NODES`` nodes). ``eigenvector``: per connected component
    (undefined across components), scaled by the component's share of nodes; 0
    for isolated nodes. ``community``: Louvain (seeded), numbered 1.. from the
    largest. Directed graphs are measured as undirected. Metrics the builders
    already put on every node are reused unless ``fresh``.
    """
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    if U.number_of_nodes() == 0:
        return []
    if fresh or not all(k in d for _, d in G.nodes(data=True) for k in STRUCTURE):
        measured = measure(U)
    else:
        measured = {n: {k: d[k] for k in STRUCTURE} for n, d in G.nodes(data=True)}
    rows = []
    for node, data in G.nodes(data=True):
        row = {"id": node, "label": data.get("label", node), "kind": data.get("kind", "")}
        row.update({k: data[k] for k in COUNTS if k in data})
        row.update(measured[node])
        rows.append(row)
    rows.sort(key=lambda r: tuple(-r.get(k, 0) for k in COUNTS + ("degree", "betweenness"))
              + (r["label"].casefold(), r["id"]))
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
    return rows


def measure(U: nx.Graph) -> dict:
    """Structural metrics of every node of an undirected graph: node -> {degree, betweenness, ...}."""
    n = U.number_of_nodes()
    sample = BETWEENNESS_SAMPLE if n > EXACT_BETWEENNESS_NODES else None
    betweenness = _betweenness(U, sample)
    eigenvector = _eigenvector(U)
    community = _communities(U)
    return {v: {"degree": U.degree(v), "betweenness": float(betweenness[v]),
                "eigenvector": eigenvector[v], "community": community[v]} for v in U}


def with_metrics(G: nx.Graph) -> nx.Graph:
    """``G`` with the structural metrics set on every node (and how betweenness was found on the graph)."""
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    for node, values in measure(U).items():
        G.nodes[node].update(values)
    if U.number_of_nodes() > EXACT_BETWEENNESS_NODES:
        G.graph["betweenness_sample"] = BETWEENNESS_SAMPLE
    return G


def table_cells(rows: list[dict], top: int | None = None) -> tuple[list[str], list[list[str]]]:
    """Column heads and text cells of the ranked metrics (floats to 3 decimals)."""
    present = [k for k in COUNTS if any(k in r for r in rows)]
    heads = ["rank", "label", "kind", *present, *STRUCTURE]
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


def _eigenvector(U: nx.Graph) -> dict:
    scores = {}
    n = U.number_of_nodes()
    for component in nx.connected_components(U):
        if len(component) == 1:
            scores.update(dict.fromkeys(component, 0.0))
            continue
        sub = sorted_subgraph(U, component)
        try:
            values = _power_iteration(sub)
        except nx.PowerIterationFailedConvergence:
            # Degree, scaled to unit length like an eigenvector, rather than no value.
            norm = math.sqrt(sum(d * d for _, d in sub.degree())) or 1.0
            values = {v: d / norm for v, d in sub.degree()}
        scores.update({v: float(x) * len(component) / n for v, x in values.items()})
    return scores


def _betweenness(G: nx.Graph, sample: int | None, seed: int = 42) -> dict:
    """Normalised, unweighted betweenness as ``nx.betweenness_centrality(G, k=sample, seed=seed)``
    gives it (Brandes' algorithm; the same sample of sources, sums and scaling), over
    integer-indexed lists, which makes it about three times faster."""
    nodes = list(G)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    neighbours = [[index[w] for w in G[v]] for v in nodes]
    if sample is not None and sample >= n:
        sample = None
    sources = range(n) if sample is None else [index[v] for v in random.Random(seed).sample(nodes, sample)]
    total = [0.0] * n
    for s in sources:
        # Breadth-first from s: the order nodes are reached in, shortest-path counts, predecessors.
        distance, paths, before = [-1] * n, [0.0] * n, [[] for _ in range(n)]
        distance[s], paths[s] = 0, 1.0
        order, i = [s], 0
        while i < len(order):
            v = order[i]
            i += 1
            step, count = distance[v] + 1, paths[v]
            for w in neighbours[v]:
                if distance[w] < 0:
                    distance[w] = step
                    order.append(w)
                if distance[w] == step:
                    paths[w] += count
                    before[w].append(v)
        # Dependencies, from the farthest node back.
        delta = [0.0] * n
        for w in reversed(order):
            coeff = (1 + delta[w]) / paths[w]
            for v in before[w]:
                delta[v] += paths[v] * coeff
            if w != s:
                total[w] += delta[w]
    pairs = n - 1  # end points excluded: a node lies between the other n - 1
    if pairs < 2:
        return dict(zip(nodes, total))
    if sample is None:
        scale = [1 / (pairs * (pairs - 1))] * n
    else:
        # A sampled source cannot lie between itself and a target: it saw one source fewer.
        scale = [1 / (sample * (pairs - 1))] * n
        for i in set(sources):
            scale[i] = 1 / ((sample - 1) * (pairs - 1)) if sample > 1 else math.nan
    return {v: t * f for v, t, f in zip(nodes, total, scale)}


def _power_iteration(G: nx.Graph, max_iter: int = 1000, tol: float = 1e-6) -> dict:
    """Unweighted eigenvector centrality of a connected graph: networkx's power iteration
    on A + I (same start, norm and stopping rule) over integer-indexed lists, which
    makes it about ten times faster at 15,000 nodes, where it takes some 200 rounds."""
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    # Neighbours in node order, added to the node's own value one by one: the sums
    # networkx makes, in its order, so the floats do not depend on how links were stored.
    neighbours = [sorted(index[w] for w in G[v]) for v in nodes]
    n = len(nodes)
    x = [1.0 / n] * n
    for _ in range(max_iter):
        last = x
        x = [sum(map(last.__getitem__, around), last[i]) for i, around in enumerate(neighbours)]
        norm = math.hypot(*x) or 1.0
        x = [value / norm for value in x]
        if sum(abs(a - b) for a, b in zip(x, last)) < n * tol:
            return dict(zip(nodes, x))
    raise nx.PowerIterationFailedConvergence(max_iter)


def _communities(U: nx.Graph) -> dict:
    parts = nx.community.louvain_communities(U, seed=42)
    parts.sort(key=lambda part: (-len(part), min(str(U.nodes[v].get("label", v)) for v in part),
                                 min(map(str, part))))
    return {v: i for i, part in enumerate(parts, 1) for v in part}
