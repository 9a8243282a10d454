"""Writing networks where analysts open them: Gephi, pandas, D3, a picture, a web page.

GraphML, GEXF and CSV carry plain attributes only (str, int, float, bool):
lists are joined with "; " and missing values are left out. Node-link JSON
keeps lists as lists. Every format gives the same bytes for the same graph, on
any day and under any hash seed: nodes and links come in a fixed order, and the
date networkx stamps into GEXF is left out. Pictures are drawn by ``netpicture``.
"""
from __future__ import annotations

import csv
import html
import io
import json
import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from . import oxstore
from .errors import InputError, QueryError
from .netpicture import Picture, draw_network
from .network import NETWORKS, Source, format_table, node_metrics, table_cells, title
from .store import DEFAULT_DUMP, ONTOLOGY_DIR, guess_format, read_graph, write_atomic

__all__ = ["export_network", "read_source", "write_network", "serialize", "format_for", "plain", "plain_graph",
           "csv_tables", "html_page", "draw_network", "Picture", "NetworkRun", "FORMATS", "ENGINES"]

FORMATS = ("graphml", "gexf", "csv", "json", "png", "svg", "html")
SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".csv": "csv", ".json": "json",
            ".png": "png", ".svg": "svg", ".html": "html", ".htm": "html"}
# Oxigraph reads and answers the network queries many times faster than
# rdflib's engine (see docs/network.md); rdflib stays available to compare.
ENGINES = ("oxigraph", "rdflib")


@dataclass
class NetworkRun:
    """What ``gpukg network`` did: text for standard output and the files it wrote."""

    text: str
    written: list[Path]


def export_network(*, kind: str = "investors", fmt: str | None = None, out: Path | None = None,
                   graphs: list[Path] | None = None, category: str | None = None, since: str | None = None,
                   until: str | None = None, leads_only: bool = False, top: int | None = None,
                   engine: str = "oxigraph") -> NetworkRun:
    """Read the graph, build one network, write it; the ranked table unless the export goes to stdout."""
    if kind not in NETWORKS:
        raise QueryError(f"unknown network {kind!r}; choose one of: {', '.join(NETWORKS)}")
    if top is not None and top < 1:
        raise QueryError(f"--top {top}: give a positive number of rows")
    if leads_only and kind == "acquisitions":
        raise QueryError("--leads-only applies to the investors and co-investment networks only")
    fmt = fmt or (format_for(out) if out else None)
    if fmt is not None and fmt not in FORMATS:
        raise QueryError(f"unknown network format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt in ("csv", "png") and out is None:
        raise QueryError(f"--format {fmt} writes files: give --out PATH")
    filters = {"category": category, "since": since, "until": until}
    if kind != "acquisitions":
        filters["leads_only"] = leads_only
    G = NETWORKS[kind](read_source(graphs, engine), **filters)
    if fmt and out is None:
        return NetworkRun(serialize(G, fmt).decode(), [])
    written = write_network(G, fmt, out) if fmt else []
    return NetworkRun(title(G) + "\n\n" + format_table(node_metrics(G), top), written)


def read_source(graphs: list[Path] | None = None, engine: str = "oxigraph") -> Source:
    """The graph files (default: the dump) plus the concept schemes, in a store of ``engine``.

    The dump names concepts by IRI; their labels ("Series A") live with the
    concept schemes in ``ontology/concepts.ttl``, read alongside.
    """
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    concepts = [p for p in [ONTOLOGY_DIR / "concepts.ttl"] if p.is_file()]
    paths = [Path(p) for p in (graphs or [DEFAULT_DUMP])] + concepts
    if engine == "rdflib":
        return read_graph(paths)
    store = None
    for path in paths:
        if not path.is_file():
            raise InputError(str(path), "no such graph file (run `gpukg build` first?)")
        store = oxstore.parse_into_store(path, format=guess_format(path), store=store)
    return store


def write_network(G: nx.Graph, fmt: str, path: Path) -> list[Path]:
    """Write ``G`` as ``fmt`` at ``path`` (atomically); return the files written.

    ``csv`` writes two files: ``PATH-nodes.csv`` and ``PATH-edges.csv`` (a
    trailing ``.csv`` on PATH is dropped first).
    """
    path = Path(path)
    if fmt == "csv":
        stem = path.with_suffix("") if path.suffix.lower() == ".csv" else path
        written = [stem.with_name(stem.name + "-nodes.csv"), stem.with_name(stem.name + "-edges.csv")]
        for target, data in zip(written, csv_tables(G)):
            write_atomic(target, data)
        return written
    write_atomic(path, serialize(G, fmt))
    return [path]


def serialize(G: nx.Graph, fmt: str) -> bytes:
    """One-file formats as bytes: graphml, gexf, json, png, svg, html."""
    if fmt == "graphml":
        return b"".join(line.encode() + b"\n" for line in nx.generate_graphml(plain_graph(G)))
    if fmt == "gexf":
        return gexf_bytes(plain_graph(G))
    if fmt == "json":
        data = nx.node_link_data(plain_graph(G, keep_lists=True), edges="links")
        return json.dumps(data, indent=1, ensure_ascii=False).encode() + b"\n"
    if fmt in ("png", "svg"):
        return draw_network(G).save(fmt)
    if fmt == "html":
        return html_page(G).encode()
    raise QueryError(f"unknown network format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def gexf_bytes(G: nx.Graph) -> bytes:
    """GEXF 1.2 as networkx writes it, without the ``lastmodifieddate`` it stamps with
    today's date (an optional attribute): the same graph gives the same bytes on any day."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    for meta in writer.xml.iter("meta"):
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(G)
    return b"".join(line.encode() + b"\n" for line in str(writer).splitlines())


def format_for(path: Path) -> str:
    """The format a file name asks for, from its suffix."""
    try:
        return SUFFIXES[Path(path).suffix.lower()]
    except KeyError:
        raise QueryError(f"{path}: cannot tell the format from the suffix; give --format") from None


# --- plain attributes --------------------------------------------------------

def plain(value: object) -> str | int | float | bool | None:
    """A value GraphML, GEXF and CSV can hold; None for nothing to write."""
    if value is None:
        return None
    if isinstance(value, str):  # also rdflib terms, which writers would not recognise as str
        return str(value) or None
    if isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        joined = "; ".join(str(p) for p in map(plain, items) if p is not None)
        return joined or None
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    return str(value)


def plain_graph(G: nx.Graph, keep_lists: bool = False) -> nx.Graph:
    """A copy of ``G`` whose graph, node and edge attributes are all plain.

    With ``keep_lists`` (for JSON) lists stay lists of plain values.
    """
    def value(v: object) -> object:
        if keep_lists and isinstance(v, (list, tuple)):
            return [p for p in map(plain, v) if p is not None] or None
        return plain(v)

    def clean(data: dict) -> dict:
        return {k: v for k, v in ((k, value(v)) for k, v in data.items()) if v is not None}

    H = G.__class__(**clean(G.graph))
    H.add_nodes_from((n, clean(d)) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, clean(d)) for u, v, d in G.edges(data=True))
    return H


# --- CSV (Gephi's spreadsheet import; pandas.read_csv) -----------------------

def csv_tables(G: nx.Graph) -> tuple[bytes, bytes]:
    """Node table (Id, Label, ...) and edge table (Source, Target, Type, Weight, ...)."""
    H = plain_graph(G)
    node_keys = sorted({k for _, d in H.nodes(data=True) for k in d} - {"label"})
    edge_keys = sorted({k for _, _, d in H.edges(data=True) for k in d} - {"weight"})
    kind = "Directed" if H.is_directed() else "Undirected"
    nodes = [["Id", "Label", *node_keys]]
    nodes += [[n, d.get("label", n), *(d.get(k, "") for k in node_keys)] for n, d in H.nodes(data=True)]
    edges = [["Source", "Target", "Type", "Weight", *edge_keys]]
    edges += [[u, v, kind, d.get("weight", 1), *(d.get(k, "") for k in edge_keys)]
              for u, v, d in H.edges(data=True)]
    return _csv_bytes(nodes), _csv_bytes(edges)


def _csv_bytes(rows: list[list]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode()


# --- HTML -------------------------------------------------------------------------

def html_page(G: nx.Graph) -> str:
    """One self-contained page: the picture as inline SVG and the node and link tables."""
    svg = draw_network(G).save("svg").decode()
    svg = svg[svg.index("<svg"):]  # drop the XML declaration and the DOCTYPE that names a remote DTD
    node_heads, node_cells = table_cells(node_metrics(G))
    link_heads = ["source", "target", "weight", "details", "sources", "facts"]
    link_cells = [[G.nodes[u].get("label", u), G.nodes[v].get("label", v), d.get("weight", 1),
                   plain(d.get("rounds") or d.get("prices") or d.get("companies")) or "",
                   plain(d.get("sources")) or "", plain(d.get("facts")) or ""]
                  for u, v, d in G.edges(data=True)]
    heading = html.escape(title(G))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{heading}</title>
<style>
body {{ font-family: sans-serif; margin: 1.5em; color: #222; }}
svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; font-size: 0.85em; margin-bottom: 2em; }}
th, td {{ border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }}
th {{ background: #eee; cursor: pointer; }}
</style></head><body>
<h1>{heading}</h1>
<div>{svg}</div>
<h2>Organizations</h2>
{_html_table(node_heads, node_cells)}
<h2>Links</h2>
{_html_table(link_heads, link_cells)}
<script>
// Click a column heading to sort by it (numbers numerically).
document.querySelectorAll("th").forEach((th, i) => th.addEventListener("click", () => {{
  const body = th.closest("table").tBodies[0];
  const key = r => {{ const t = r.cells[i].textContent; return isNaN(t) || t === "" ? t : Number(t); }};
  const rows = [...body.rows].sort((a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  if (th.dataset.sorted === "up") {{ rows.reverse(); th.dataset.sorted = "down"; }} else th.dataset.sorted = "up";
  rows.forEach(r => body.appendChild(r));
}}));
</script>
</body></html>
"""


def _html_table(heads: list[str], cells: list[list]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    body = "\n".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in cells)
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>"
