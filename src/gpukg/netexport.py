"""Writing networks where analysts open them: Gephi, pandas, D3, a picture, a web page.

GraphML, GEXF and CSV carry plain attributes only (str, int, float, bool):
lists are joined with "; " and missing values are left out. Node-link JSON
keeps lists as lists. Pictures are drawn without a display (Agg canvas), with a
seeded layout and labels placed so that no two overlap.
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

from .errors import QueryError
from .network import NETWORKS, format_table, node_metrics, sorted_subgraph, table_cells
from .store import DEFAULT_DUMP, ONTOLOGY_DIR, read_graph, write_atomic

FORMATS = ("graphml", "gexf", "csv", "json", "png", "svg", "html")
SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".csv": "csv", ".json": "json",
            ".png": "png", ".svg": "svg", ".html": "html", ".htm": "html"}
COLOURS = {"investor": "#1f77b4", "acquirer": "#1f77b4", "company": "#ff7f0e",
           "target": "#ff7f0e", "both": "#2ca02c"}
TITLES = {"investors": "Investor network", "co-investment": "Co-investment network",
          "acquisitions": "Acquisition network"}


@dataclass
class NetworkRun:
    """What ``gpukg network`` did: text for standard output and the files it wrote."""

    text: str
    written: list[Path]


def export_network(*, kind: str = "investors", fmt: str | None = None, out: Path | None = None,
                   graphs: list[Path] | None = None, category: str | None = None, since: str | None = None,
                   until: str | None = None, leads_only: bool = False, top: int | None = None) -> NetworkRun:
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
    # The dump names concepts by IRI; their labels ("Series A") live with the concept schemes.
    concepts = [p for p in [ONTOLOGY_DIR / "concepts.ttl"] if p.is_file()]
    G = NETWORKS[kind](read_graph([*(graphs or [DEFAULT_DUMP]), *concepts]), **filters)
    if fmt and out is None:
        return NetworkRun(serialize(G, fmt).decode(), [])
    written = write_network(G, fmt, out) if fmt else []
    return NetworkRun(_title(G) + "\n\n" + format_table(node_metrics(G), top), written)


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
        return b"".join(line.encode() + b"\n" for line in nx.generate_gexf(plain_graph(G)))
    if fmt == "json":
        data = nx.node_link_data(plain_graph(G, keep_lists=True), edges="links")
        return json.dumps(data, indent=1, ensure_ascii=False).encode() + b"\n"
    if fmt in ("png", "svg"):
        return draw_network(G).save(fmt)
    if fmt == "html":
        return html_page(G).encode()
    raise QueryError(f"unknown network format {fmt!r}; choose one of: {', '.join(FORMATS)}")


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


# --- picture -------------------------------------------------------------------

@dataclass
class Picture:
    """A drawn network: the matplotlib figure and the text of each node's label."""

    figure: object
    labels: dict

    def save(self, fmt: str) -> bytes:
        import matplotlib

        buffer = io.BytesIO()
        # Text stays text in SVG (searchable, selectable); fixed ids and no date keep files stable.
        with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "gpukg"}):
            self.figure.savefig(buffer, format=fmt, dpi=self.figure.dpi,
                                metadata={"Date": None} if fmt == "svg" else None)
        return buffer.getvalue()


def draw_network(G: nx.Graph) -> Picture:
    """Seeded layout, node area by degree centrality, colour by kind, non-overlapping labels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    pos = _layout(G)
    xs, ys = zip(*pos.values()) if pos else ((0.0,), (0.0,))
    width, height = max(xs) - min(xs) + 2.4, max(ys) - min(ys) + 2.0
    scale = min(1.0, 36 / max(width, height))  # inches per layout unit, capped figure size
    fig = Figure(figsize=(max(8.0, width * scale), max(6.0, height * scale) + 1.2), dpi=100)
    FigureCanvasAgg(fig)
    top, bottom = 0.55 / fig.get_figheight(), 0.65 / fig.get_figheight()
    ax = fig.add_axes((0.01, bottom, 0.98, 1 - top - bottom))
    ax.set_axis_off()
    ax.set_xlim(min(xs) - 1.2, max(xs) + 1.2)
    ax.set_ylim(min(ys) - 1.0, max(ys) + 1.0)
    ax.set_autoscale_on(False)

    degree = dict(G.to_undirected(as_view=True).degree()) if G.is_directed() else dict(G.degree())
    top_degree = max(degree.values(), default=1) or 1
    size = {n: 80 + 900 * degree[n] / top_degree for n in G}  # scatter area in points²
    _draw_edges(ax, G, pos, size)
    for kind in sorted({d.get("kind", "") for _, d in G.nodes(data=True)}):
        members = [n for n, d in G.nodes(data=True) if d.get("kind", "") == kind]
        ax.scatter([pos[n][0] for n in members], [pos[n][1] for n in members], s=[size[n] for n in members],
                   c=COLOURS.get(kind, "#7f7f7f"), edgecolors="white", linewidths=0.8, zorder=2)
    labels = _place_labels(fig, ax, G, pos, size)

    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=COLOURS.get(k, "#7f7f7f"),
                      markeredgecolor="white", label=k)
               for k in sorted({d.get("kind", "") for _, d in G.nodes(data=True)})]
    if G.graph.get("network") == "investors":
        handles += [Line2D([], [], color="#444444", lw=1.8, label="led a round"),
                    Line2D([], [], color="#999999", lw=1.0, ls="--", label="participant or backer")]
    if handles:
        fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False, fontsize=9)
    fig.suptitle(_title(G) + " (node size: degree centrality)", fontsize=12, y=1 - 0.12 / fig.get_figheight(), va="top")
    return Picture(fig, labels)


def _title(G: nx.Graph) -> str:
    name = TITLES.get(G.graph.get("network"), "Network")
    filters = [f"{k.replace('_', ' ')} {v}" if k != "leads_only" else "leads only"
               for k, v in G.graph.items() if k in ("category", "since", "until", "leads_only")]
    where = f" ({', '.join(filters)})" if filters else ""
    return f"{name}{where}: {G.number_of_nodes()} organizations, {G.number_of_edges()} links"


def _layout(G: nx.Graph) -> dict:
    """Each connected component laid out on its own (seeded), then packed in rows, largest first."""
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    blocks = []
    for component in sorted(nx.connected_components(U),
                            key=lambda c: (-len(c), min(str(G.nodes[n].get("label", n)) for n in c))):
        if len(component) == 1:
            local = {n: (0.0, 0.0) for n in component}
        else:
            radius = math.sqrt(len(component)) * 0.9
            sub = sorted_subgraph(U, component)
            local = {n: (float(x) * radius, float(y) * radius)
                     for n, (x, y) in nx.spring_layout(sub, seed=7, iterations=300).items()}
        xs, ys = zip(*local.values())
        # Room around each component for its labels: wide ones beside, one line below.
        blocks.append((local, min(xs) - 1.4, max(ys) + 0.6, max(xs) - min(xs) + 2.8, max(ys) - min(ys) + 1.4))
    if not blocks:
        return {}
    widest = max(b[3] for b in blocks)
    # Shelf packing; of a few row widths, keep the most compact picture close to 7:5.
    packings = [_pack(blocks, widest * (1 + step / 4)) for step in range(9)]
    return min(packings, key=lambda pk: pk[1] * pk[2] * (1 + abs(math.log(pk[1] / pk[2] / 1.4))))[0]


def _pack(blocks: list, row_limit: float) -> tuple[dict, float, float]:
    pos, x, y, row_height, width = {}, 0.0, 0.0, 0.0, 0.0
    for local, left, top, w, h in blocks:
        if x and x + w > row_limit:
            x, y, row_height = 0.0, y - row_height, 0.0
        pos.update({n: (px - left + x, py - top + y) for n, (px, py) in local.items()})
        x, row_height, width = x + w, max(row_height, h), max(width, x + w)
    return pos, width, row_height - y


def _draw_edges(ax, G: nx.Graph, pos: dict, size: dict) -> None:
    top_weight = max((d.get("weight", 1) for _, _, d in G.edges(data=True)), default=1)
    for u, v, d in G.edges(data=True):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        if G.is_directed():
            ax.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=1,
                        arrowprops={"arrowstyle": "-|>", "color": "#555555", "lw": 1.4, "mutation_scale": 14,
                                    "shrinkA": math.sqrt(size[u]) / 2, "shrinkB": math.sqrt(size[v]) / 2 + 1})
        elif G.graph.get("network") == "investors":
            lead = d.get("lead", False)
            ax.plot([x1, x2], [y1, y2], color="#444444" if lead else "#999999", lw=1.8 if lead else 1.0,
                    ls="-" if lead else "--", zorder=1)
        else:
            share = (d.get("weight", 1) - 1) / (top_weight - 1) if top_weight > 1 else 0.0
            ax.plot([x1, x2], [y1, y2], color="#888888", lw=0.8 + 2.4 * share, zorder=1)


def _place_labels(fig, ax, G: nx.Graph, pos: dict, size: dict) -> dict:
    """Put each label next to its node where it covers no other label and no node.

    Greedy, most connected nodes first: candidate spots circle the node at
    growing distances (below, above, right, left first); labels pushed away
    from their node get a thin leader line.
    """
    renderer = fig.canvas.get_renderer()
    to_pixels, to_data = ax.transData.transform, ax.transData.inverted().transform
    frame = ax.get_window_extent(renderer)
    points = fig.dpi / 72
    circles = [(*to_pixels(pos[n]), math.sqrt(size[n]) / 2 * points) for n in G]
    placed: list[tuple[float, float, float, float]] = []
    labels = {}
    order = sorted(G, key=lambda n: (-size[n], str(G.nodes[n].get("label", n)), str(n)))
    for node in order:
        text = ax.text(*pos[node], str(G.nodes[node].get("label", node)), fontsize=9, ha="center",
                       va="center", zorder=4, bbox={"boxstyle": "square,pad=0.05", "fc": "white",
                                                    "ec": "none", "alpha": 0.75})
        extent = text.get_window_extent(renderer)
        w, h = extent.width + 4, extent.height + 4
        x0, y0 = to_pixels(pos[node])
        radius = math.sqrt(size[node]) / 2 * points
        best, best_cost, ring = None, math.inf, 0
        for ring, angle in ((r, a) for r in range(60) for a in _ANGLES):
            dx, dy = math.cos(angle), math.sin(angle)
            reach = min(w / 2 / abs(dx) if abs(dx) > 1e-9 else math.inf,
                        h / 2 / abs(dy) if abs(dy) > 1e-9 else math.inf)
            distance = radius + 2 + reach + ring * h * 0.6
            box = (x0 + dx * distance - w / 2, y0 + dy * distance - h / 2, w, h)
            cost = _overlap(box, placed, circles, frame)
            if cost < best_cost:
                best, best_cost = (box, ring), cost
            if cost == 0:
                break
        (bx, by, _, _), ring = best
        placed.append(best[0])
        centre = (bx + w / 2, by + h / 2)
        text.set_position(to_data(centre))
        if ring > 0:
            ax.plot(*zip(pos[node], to_data(centre)), color="#bbbbbb", lw=0.6, zorder=3)
        labels[node] = text
    return labels


_ANGLES = [math.radians(a) for a in (270, 90, 0, 180, 315, 225, 45, 135, 292.5, 247.5, 67.5, 112.5,
                                     337.5, 202.5, 22.5, 157.5)]


def _overlap(box: tuple, placed: list, circles: list, frame) -> float:
    """Area this label box would cover of other labels and nodes, plus any part outside the frame."""
    x, y, w, h = box
    cost = w * h - max(0.0, min(x + w, frame.x1) - max(x, frame.x0)) * max(0.0, min(y + h, frame.y1) - max(y, frame.y0))
    for px, py, pw, ph in placed:
        cost += max(0.0, min(x + w, px + pw) - max(x, px)) * max(0.0, min(y + h, py + ph) - max(y, py))
    for cx, cy, r in circles:
        nearest_x, nearest_y = min(max(cx, x), x + w), min(max(cy, y), y + h)
        if (nearest_x - cx) ** 2 + (nearest_y - cy) ** 2 < r * r:
            cost += r * r
    return cost


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
    title = html.escape(_title(G))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: sans-serif; margin: 1.5em; color: #222; }}
svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; font-size: 0.85em; margin-bottom: 2em; }}
th, td {{ border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }}
th {{ background: #eee; cursor: pointer; }}
</style></head><body>
<h1>{title}</h1>
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
