"""Pictures of networks: a seeded layout, node area by degree centrality, colour by kind.

Drawn without a display (matplotlib's Agg canvas). Each connected component is
laid out on its own and packed in rows, and labels are placed greedily so that
none covers another label or a node. The same graph gives the same bytes: the
layout is seeded and taken in sorted node order, SVG ids are salted with a
fixed string, and no date is written.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass

import networkx as nx

from .errors import QueryError
from .netmetrics import sorted_subgraph
from .network import title

# Label placement grows faster than the square of the node count: 300 nodes take
# about 10 s, 770 nodes 150 s on a 2-core machine; a picture that big is unreadable anyway.
MAX_NODES = 500
COLOURS = {"investor": "#1f77b4", "acquirer": "#1f77b4", "company": "#ff7f0e",
           "target": "#ff7f0e", "both": "#2ca02c"}


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


def draw_network(G: nx.Graph, max_nodes: int | None = MAX_NODES) -> Picture:
    """Seeded layout, node area by degree centrality, colour by kind, non-overlapping labels.

    A network of more than ``max_nodes`` nodes is refused (``None``: no limit).
    """
    if max_nodes is not None and G.number_of_nodes() > max_nodes:
        raise QueryError(f"a picture of {G.number_of_nodes()} organizations would take minutes to place its "
                         f"labels and could not be read (limit {max_nodes}); narrow the network with --category, "
                         "--since, --until or --leads-only, or export graphml or gexf and draw it in Gephi")
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
    fig.suptitle(title(G) + " (node size: degree centrality)", fontsize=12, y=1 - 0.12 / fig.get_figheight(), va="top")
    return Picture(fig, labels)


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
