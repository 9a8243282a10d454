"""Investor, co-investment and acquisition networks, their metrics and exports.

Expected nodes, edges and counts are worked out by hand from the two bundled
reports (tests/data/network/market.ttl is a hand-written slice of them);
tests/data/network/synthetic.ttl is a made-up market for cases the reports lack.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, URIRef

from gpukg import cli, netmetrics
from gpukg.errors import InputError, QueryError
from gpukg.iris import PROV
from gpukg.netexport import FORMATS, draw_network, html_page, plain, read_source, serialize, write_network
from gpukg.network import (NETWORKS, acquisition_network, coinvestment_network, format_table, investor_network,
                           node_metrics)
from gpukg.store import DEFAULT_DUMP, read_graph

DATA = Path(__file__).parent / "data" / "network"
MARKET = DATA / "market.ttl"
SYNTHETIC = DATA / "synthetic.ttl"
TYPED = DATA / "typed.ttl"
PROFILES, TRENDS = "gpu-company-profiles.md", "gpu-business-trends.md"


@pytest.fixture(scope="module")
def market() -> Graph:
    return read_graph([MARKET])


@pytest.fixture(scope="module")
def synthetic() -> Graph:
    return read_graph([SYNTHETIC])


@pytest.fixture(scope="module")
def investors(market) -> nx.Graph:
    return investor_network(market)


def ids(G: nx.Graph) -> dict[str, str]:
    """Label -> node id."""
    return {d["label"]: n for n, d in G.nodes(data=True)}


def edge(G: nx.Graph, a: str, b: str) -> dict:
    by = ids(G)
    assert G.has_edge(by[a], by[b]), f"no edge {a} - {b}"
    return G.edges[by[a], by[b]]


def pairs(G: nx.Graph) -> set[frozenset[str]]:
    return {frozenset((G.nodes[u]["label"], G.nodes[v]["label"])) for u, v in G.edges}


def p(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


# --- investor network ----------------------------------------------------------

FUNDED = {  # company -> its investors, from the reports' funding histories
    "Fireworks.ai": {"Benchmark", "Sequoia Capital", "NVIDIA", "AMD", "MongoDB Ventures", "Databricks Ventures"},
    "Modal": {"Amplify Partners", "Redpoint", "Left Lane Capital"},
    "Together AI": {"General Catalyst", "Prosperity7", "NVIDIA", "Salesforce Ventures", "Kleiner Perkins",
                    "March Capital"},
    "Lambda Labs": {"Macquarie Group", "NVIDIA"},
    "Crusoe Energy": {"Founders Fund", "Brookfield"},
    "RunPod": {"Intel Capital", "Dell Technologies Capital"},
}


def test_investor_network_has_every_report_link_and_no_other(investors):
    expected = {p(c, i) for c, backers in FUNDED.items() for i in backers}
    assert pairs(investors) == expected
    assert investors.number_of_nodes() == 25  # 19 investors + 6 companies
    kinds = {d["label"]: d["kind"] for _, d in investors.nodes(data=True)}
    assert {k for k, v in kinds.items() if v == "company"} == set(FUNDED)
    assert set(kinds.values()) == {"investor", "company"}


def test_lead_edge_carries_round_amount_date_and_source(investors):
    e = edge(investors, "Benchmark", "Fireworks.ai")
    assert e["lead"] is True and e["relation"] == "lead" and e["rounds_led"] == 1
    assert e["round_types"] == ["series-a"]
    assert e["amounts"] == ["25000000 USD"]
    assert e["dates"] == ["2024-03"]
    assert e["rounds"] == ["Series A, 2024-03, 25000000 USD (lead)"]
    assert e["sources"] == [f"{PROFILES}:27"]
    assert e["investor"] == ids(investors)["Benchmark"]


def test_participant_and_backer_edges_are_not_leads(investors):
    left_lane = edge(investors, "Left Lane Capital", "Modal")
    assert (left_lane["relation"], left_lane["lead"]) == ("participant", False)
    nvidia = edge(investors, "NVIDIA", "Together AI")
    assert (nvidia["relation"], nvidia["lead"], nvidia["rounds"]) == ("backer", False, [])
    assert nvidia["sources"] == [f"{PROFILES}:85"]


def test_a_fact_stated_twice_keeps_both_sources(investors):
    e = edge(investors, "NVIDIA", "Fireworks.ai")
    assert set(e["sources"]) == {f"{PROFILES}:29", f"{TRENDS}:158"}
    assert len(e["facts"]) == 1 and e["weight"] == 1


def test_every_edge_names_facts_that_exist_and_their_sources(market, investors):
    for _, _, e in investors.edges(data=True):
        assert e["facts"] and e["sources"]
        for fact in e["facts"]:
            assert (URIRef(fact), PROV.wasDerivedFrom, None) in market


def test_an_edge_whose_fact_lost_its_source_shows_none(market):
    broken = Graph()
    for triple in market:
        broken.add(triple)
    fact = next(iter(edge(investor_network(market), "Benchmark", "Fireworks.ai")["facts"]))
    broken.remove((URIRef(fact), PROV.wasDerivedFrom, None))
    assert edge(investor_network(broken), "Benchmark", "Fireworks.ai")["sources"] == []


def test_investor_counts(investors, synthetic):
    nvidia = investors.nodes[ids(investors)["NVIDIA"]]
    assert (nvidia["portfolio_size"], nvidia["neoclouds_backed"], nvidia["rounds_led"]) == (3, 2, 0)
    amplify = investors.nodes[ids(investors)["Amplify Partners"]]
    assert (amplify["portfolio_size"], amplify["rounds_led"]) == (1, 1)
    made_up = investor_network(synthetic)
    fund_x = made_up.nodes[ids(made_up)["Fund X"]]
    assert (fund_x["portfolio_size"], fund_x["rounds_led"], fund_x["neoclouds_backed"]) == (2, 2, 1)
    assert made_up.nodes[ids(made_up)["Alpha"]]["kind"] == "both"


def test_amount_ranges_and_year_dates(synthetic):
    G = investor_network(synthetic)
    assert edge(G, "Fund Y", "Alpha")["amounts"] == ["2000000-3000000 EUR"]
    assert edge(G, "Fund X", "Beta")["dates"] == ["2024"]
    assert edge(G, "Alpha", "Gamma")["dates"] == ["2018-01-01/2019-12-31"]


# --- filters -----------------------------------------------------------------------

def test_leads_only(market):
    G = investor_network(market, leads_only=True)
    assert pairs(G) == {p("Fireworks.ai", "Benchmark"), p("Fireworks.ai", "Sequoia Capital"),
                        p("Modal", "Amplify Partners"), p("Modal", "Redpoint"),
                        p("Together AI", "General Catalyst"), p("Together AI", "Prosperity7"),
                        p("Lambda Labs", "Macquarie Group"), p("Crusoe Energy", "Founders Fund"),
                        p("RunPod", "Intel Capital"), p("RunPod", "Dell Technologies Capital")}
    assert all(e["lead"] for _, _, e in G.edges(data=True))


def test_category(market):
    G = investor_network(market, category="neocloud")
    assert {d["label"] for _, d in G.nodes(data=True) if d["kind"] == "company"} == {"Together AI", "Lambda Labs"}
    assert G.number_of_edges() == 8
    full_iri = investor_network(market, category="https://w3id.org/gpukg/concept/category/neocloud")
    assert pairs(full_iri) == pairs(G)


def test_dates_keep_facts_whose_period_overlaps(market, synthetic):
    since = investor_network(market, since="2024-06-01")  # undated backings drop out
    assert pairs(since) == {p("Fireworks.ai", "Sequoia Capital"), p("Together AI", "General Catalyst"),
                            p("Together AI", "Prosperity7"), p("Crusoe Energy", "Founders Fund"),
                            p("Crusoe Energy", "Brookfield")}
    until = investor_network(market, until=date(2024, 3, 31))
    assert pairs(until) == {p("Fireworks.ai", "Benchmark"), p("Modal", "Amplify Partners"), p("Modal", "Redpoint")}
    mid_month = investor_network(market, since="2024-03-15", until="2024-03-20")
    assert pairs(mid_month) == {p("Fireworks.ai", "Benchmark")}
    inside_range = investor_network(synthetic, since="2019-06-01", until="2019-06-30")
    assert pairs(inside_range) == {p("Alpha", "Gamma")}


@pytest.mark.parametrize("options, message", [
    ({"category": "neoclod"}, "unknown category"),
    ({"category": 'neocloud" || true || "'}, "unknown category"),
    ({"since": "2024-13-01"}, "not an ISO date"),
    ({"since": "2025-01-01", "until": "2024-01-01"}, "is after"),
])
def test_bad_filters_are_query_errors(market, options, message):
    with pytest.raises(QueryError, match=message):
        investor_network(market, **options)


# --- co-investment and acquisitions --------------------------------------------

def test_coinvestment(market):
    G = coinvestment_network(market)
    expected = {frozenset(pair) for backers in FUNDED.values() for pair in itertools.combinations(backers, 2)}
    assert pairs(G) == expected and len(expected) == 36
    assert G.number_of_nodes() == 19
    gc = edge(G, "General Catalyst", "Prosperity7")
    assert (gc["weight"], gc["shared_companies"], gc["shared_rounds"], gc["companies"]) == (1, 1, 1, ["Together AI"])
    amd = edge(G, "NVIDIA", "AMD")
    assert (amd["shared_rounds"], amd["companies"]) == (0, ["Fireworks.ai"])
    assert set(amd["sources"]) == {f"{PROFILES}:29", f"{TRENDS}:158"}


def test_coinvestment_weight_counts_shared_companies(synthetic):
    G = coinvestment_network(synthetic)
    e = edge(G, "Fund X", "Fund Y")
    assert (e["weight"], e["shared_rounds"], sorted(e["companies"])) == (2, 1, ["Alpha", "Beta"])


def test_acquisitions(market, synthetic):
    G = acquisition_network(market)
    assert G.is_directed()
    by = ids(G)
    assert set(G.edges) == {(by["CoreWeave"], by["Core Scientific"]), (by["NVIDIA"], by["OctoAI"])}
    deal = G.edges[by["CoreWeave"], by["Core Scientific"]]
    assert (deal["prices"], deal["dates"]) == (["9000000000 USD"], ["2025-07"])
    assert set(deal["sources"]) == {f"{PROFILES}:141", f"{PROFILES}:231"}
    assert G.nodes[by["CoreWeave"]]["kind"] == "acquirer" and G.nodes[by["OctoAI"]]["kind"] == "target"
    assert pairs(acquisition_network(market, category="neocloud")) == {p("CoreWeave", "Core Scientific")}
    assert pairs(acquisition_network(market, since="2025-01-01")) == {p("CoreWeave", "Core Scientific")}
    conflict = acquisition_network(synthetic)
    kept = edge(conflict, "Alpha", "Gamma")
    assert (kept["weight"], kept["prices"]) == (2, ["10000000 USD", "12000000 USD"])


# --- metrics -------------------------------------------------------------------------

def test_metrics_by_hand(investors):
    rows = {r["label"]: r for r in node_metrics(investors)}
    assert len(rows) == 25
    # NVIDIA joins three groups of its component (6, 6 and 2 nodes): 6*6 + 6*2 + 6*2 = 60
    # shortest paths pass through it, out of (25-1)(25-2)/2 = 276 pairs.
    assert rows["NVIDIA"]["betweenness"] == pytest.approx(60 / 276)
    # Fireworks.ai separates its 5 one-link investors from each other and from the other 9.
    assert rows["Fireworks.ai"]["betweenness"] == pytest.approx((5 * 9 + 10) / 276)
    assert rows["Benchmark"]["betweenness"] == 0
    assert rows["Fireworks.ai"]["degree"] == 6
    assert node_metrics(investors)[0]["label"] == "NVIDIA"  # the largest portfolio
    assert rows["Benchmark"]["community"] == rows["Sequoia Capital"]["community"] == rows["Fireworks.ai"]["community"]
    assert rows["Founders Fund"]["community"] != rows["Intel Capital"]["community"]  # separate components
    assert investors.nodes[ids(investors)["NVIDIA"]]["betweenness"] == rows["NVIDIA"]["betweenness"]


def test_eigenvector_never_crashes(monkeypatch):
    G = nx.Graph()
    G.add_nodes_from(["a", "b", "c", "lonely"], kind="investor")
    G.add_edges_from([("a", "b"), ("b", "c")])
    rows = {r["id"]: r for r in node_metrics(G)}
    assert rows["lonely"]["eigenvector"] == 0.0
    assert rows["b"]["eigenvector"] > rows["a"]["eigenvector"] > 0

    def fail(*args, **kwargs):
        raise nx.PowerIterationFailedConvergence(1)

    monkeypatch.setattr(netmetrics, "_power_iteration", fail)
    rows = {r["id"]: r for r in node_metrics(G)}
    assert rows["b"]["eigenvector"] > rows["a"]["eigenvector"] > 0


def test_table(investors):
    table = format_table(node_metrics(investors), top=3)
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["rank", "label", "kind"]
    assert "NVIDIA" in lines[2] and len(lines) == 5


# --- exports -------------------------------------------------------------------------

def test_plain_values():
    assert plain(None) is None and plain([]) is None and plain("") is None
    assert plain(["a", None, 2]) == "a; 2"
    assert plain(date(2024, 3, 1)) == "2024-03-01"
    assert plain(Decimal("2.5")) == 2.5
    assert plain(URIRef("https://example.org/x")) == "https://example.org/x"
    assert type(plain(URIRef("https://example.org/x"))) is str
    assert plain(True) is True and plain(float("nan")) is None


def test_graphml_and_gexf_read_back(investors, tmp_path):
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        [path] = write_network(investors, fmt, tmp_path / f"net.{fmt}")
        back = read(path)
        assert set(back.nodes) == set(investors.nodes)
        assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in investors.edges}
        by = ids(investors)
        assert back.nodes[by["NVIDIA"]]["label"] == "NVIDIA"
        assert back.nodes[by["NVIDIA"]]["portfolio_size"] == 3
        lead = back.edges[by["Benchmark"], by["Fireworks.ai"]]
        assert lead["lead"] is True and lead["sources"] == f"{PROFILES}:27"
        assert set(back.edges[by["NVIDIA"], by["Fireworks.ai"]]["sources"].split("; ")) == \
            {f"{PROFILES}:29", f"{TRENDS}:158"}


def test_directed_graphml_keeps_direction(market, tmp_path):
    [path] = write_network(acquisition_network(market), "graphml", tmp_path / "deals.graphml")
    back = nx.read_graphml(path)
    assert back.is_directed()
    assert back.has_edge("https://w3id.org/gpukg/id/org/coreweave", "https://w3id.org/gpukg/id/org/core-scientific")
    assert not back.has_edge("https://w3id.org/gpukg/id/org/core-scientific", "https://w3id.org/gpukg/id/org/coreweave")


def test_writers_accept_raw_values(tmp_path):
    G = nx.Graph(note=None)
    G.add_node("a", label="A", when=date(2024, 1, 1), tags=["x", "y"], missing=None)
    G.add_edge("a", "b", weight=2, sources=["f.md:1"], none=None)
    for fmt in ("graphml", "gexf"):
        [path] = write_network(G, fmt, tmp_path / f"raw.{fmt}")
        back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path)
        assert back.nodes["a"]["tags"] == "x; y" and back.nodes["a"]["when"] == "2024-01-01"
        assert "missing" not in back.nodes["a"]


def test_csv_tables(investors, market, tmp_path):
    written = write_network(investors, "csv", tmp_path / "net.csv")
    assert [w.name for w in written] == ["net-nodes.csv", "net-edges.csv"]
    assert sorted(f.name for f in tmp_path.iterdir()) == ["net-edges.csv", "net-nodes.csv"]  # no temp files left
    nodes = list(csv.DictReader(written[0].open(encoding="utf-8")))
    edges = list(csv.DictReader(written[1].open(encoding="utf-8")))
    assert list(nodes[0])[:2] == ["Id", "Label"] and list(edges[0])[:4] == ["Source", "Target", "Type", "Weight"]
    assert len(nodes) == 25 and len(edges) == 21
    assert {r["Type"] for r in edges} == {"Undirected"}
    label = {r["Id"]: r["Label"] for r in nodes}
    lead = [r for r in edges if {label[r["Source"]], label[r["Target"]]} == {"Benchmark", "Fireworks.ai"}]
    assert lead[0]["sources"] == f"{PROFILES}:27" and lead[0]["lead"] == "True"
    written = write_network(acquisition_network(market), "csv", tmp_path / "deals")
    assert {r["Type"] for r in csv.DictReader(written[1].open(encoding="utf-8"))} == {"Directed"}


def test_csv_reads_with_pandas(investors, tmp_path):
    pandas = pytest.importorskip("pandas")
    nodes_path, edges_path = write_network(investors, "csv", tmp_path / "net")
    nodes, edges = pandas.read_csv(nodes_path), pandas.read_csv(edges_path)
    assert len(nodes) == 25 and len(edges) == 21
    assert nodes.set_index("Label").loc["NVIDIA", "portfolio_size"] == 3


def test_json_node_link(investors):
    data = json.loads(serialize(investors, "json"))
    assert "links" in data
    back = nx.node_link_graph(data, edges="links")
    assert set(back.nodes) == set(investors.nodes) and back.number_of_edges() == 21
    by = ids(investors)
    nvidia, fireworks = by["NVIDIA"], by["Fireworks.ai"]
    assert back.edges[nvidia, fireworks]["sources"] == investors.edges[nvidia, fireworks]["sources"]


def test_picture_labels_every_node_without_overlap(market, synthetic):
    for G in (investor_network(market), coinvestment_network(market), acquisition_network(synthetic)):
        picture = draw_network(G)
        figure = picture.figure
        figure.canvas.draw()
        renderer = figure.canvas.get_renderer()
        assert set(picture.labels) == set(G.nodes)
        assert {t.get_text() for t in picture.labels.values()} == {d["label"] for _, d in G.nodes(data=True)}
        boxes = [t.get_window_extent(renderer) for t in picture.labels.values()]
        inside = figure.bbox
        for box in boxes:
            assert inside.x0 <= box.x0 and box.x1 <= inside.x1 and inside.y0 <= box.y0 and box.y1 <= inside.y1
        for a, b in itertools.combinations(boxes, 2):
            assert not a.overlaps(b), "labels overlap"


def test_picture_is_the_same_every_run():
    # Set iteration order changes with the hash seed; the layout must not.
    script = ("import sys; from gpukg.store import read_graph; from gpukg.network import investor_network; "
              "from gpukg.netexport import serialize; "
              f"sys.stdout.buffer.write(serialize(investor_network(read_graph([{str(MARKET)!r}])), 'svg'))")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] and runs[0].startswith(b"<?xml")


def test_png_and_svg_are_valid_images(investors, tmp_path):
    import matplotlib.image

    [png] = write_network(investors, "png", tmp_path / "net.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = matplotlib.image.imread(png)
    assert pixels.shape[0] > 400 and pixels.shape[1] > 400
    root = ET.fromstring(serialize(investors, "svg"))
    texts = {"".join(t.itertext()).strip() for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {d["label"] for _, d in investors.nodes(data=True)} <= texts


def test_html_is_self_contained(investors):
    page = html_page(investors)
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "<script src" not in page and "<!DOCTYPE svg" not in page
    for _, d in investors.nodes(data=True):
        assert d["label"] in page
    assert f"{PROFILES}:27" in page


# --- command line ---------------------------------------------------------------------

def test_cli_table_and_exports(tmp_path, capsys):
    assert cli.main(["network", "--graph", str(MARKET), "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert "NVIDIA" in out and "Investor network" in out
    assert cli.main(["network", "-g", str(MARKET), "--kind", "co-investment", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["links"]) == 36
    assert cli.main(["network", "-g", str(MARKET), "--leads-only", "--out", str(tmp_path / "leads.gexf")]) == 0
    assert nx.read_gexf(tmp_path / "leads.gexf").number_of_edges() == 10
    assert "wrote" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--format", "png"], "give --out"),
    (["--kind", "acquisitions", "--leads-only"], "--leads-only"),
    (["--category", "nope"], "unknown category"),
    (["--out", "net.txt"], "cannot tell the format"),
])
def test_cli_errors(args, message, capsys):
    assert cli.main(["network", "-g", str(MARKET), *args]) == 2
    assert message in capsys.readouterr().err


def test_cli_missing_graph(tmp_path, capsys):
    assert cli.main(["network", "-g", str(tmp_path / "none.ttl")]) == 2
    assert "none.ttl" in capsys.readouterr().err


# --- the bundled graph ------------------------------------------------------------------

bundled = pytest.mark.skipif(not DEFAULT_DUMP.is_file(),
                             reason=f"{DEFAULT_DUMP} is not built yet (run `gpukg build`)")


@pytest.fixture(scope="module")
def dump() -> Graph:
    return read_graph()


def find(G: nx.Graph, *names: str) -> str:
    """The node whose label is one of ``names`` (ignoring case and punctuation)."""
    def norm(text: str) -> str:
        return re.sub(r"[^a-z0-9]", "", text.lower())

    wanted = {norm(n) for n in names}
    hits = [n for n, d in G.nodes(data=True) if norm(d["label"]) in wanted]
    assert len(hits) == 1, f"expected one node named {names}, found {hits}"
    return hits[0]


@bundled
def test_bundled_investor_edges(dump):
    G = investor_network(dump)
    nvidia, together = find(G, "NVIDIA"), find(G, "Together AI")
    assert G.has_edge(nvidia, together)
    benchmark, fireworks = find(G, "Benchmark"), find(G, "Fireworks.ai", "Fireworks AI", "Fireworks")
    lead = G.edges[benchmark, fireworks]
    assert lead["lead"] and "series-a" in lead["round_types"]
    assert f"{PROFILES}:27" in lead["sources"]


@bundled
def test_bundled_acquisition_edge(dump):
    G = acquisition_network(dump)
    assert G.has_edge(find(G, "CoreWeave"), find(G, "Core Scientific"))


@bundled
def test_bundled_every_edge_has_a_source(dump):
    for G in (investor_network(dump), coinvestment_network(dump), acquisition_network(dump)):
        for u, v, e in G.edges(data=True):
            assert e["facts"] and e["sources"], f"{u} - {v} has no source"
            for fact in e["facts"]:
                assert (URIRef(fact), PROV.wasDerivedFrom, None) in dump


@bundled
def test_bundled_picture_labels_every_node_without_overlap(dump):
    G = investor_network(dump)
    picture = draw_network(G)
    picture.figure.canvas.draw()
    renderer = picture.figure.canvas.get_renderer()
    assert set(picture.labels) == set(G.nodes)
    boxes = [t.get_window_extent(renderer) for t in picture.labels.values()]
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))


# --- engines: rdflib's SPARQL engine and Oxigraph give the same networks ------------

def same_network(a: nx.Graph, b: nx.Graph) -> None:
    """Same nodes, links and attributes, in the same order (exports write them in that order)."""
    assert a.graph == b.graph
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(data=True)) == list(b.edges(data=True))


OPTIONS = [{}, {"category": "neocloud"}, {"since": "2024-06-01"}, {"until": "2024-03-31"},
           {"since": "2019-06-01", "until": "2019-06-30"}, {"leads_only": True}]


@pytest.mark.parametrize("path", [MARKET, SYNTHETIC, TYPED], ids=lambda p: p.stem)
def test_engines_give_equal_networks(path):
    plain_graph, store = read_source([path], "rdflib"), read_source([path], "oxigraph")
    assert isinstance(plain_graph, Graph) and not isinstance(store, Graph)
    for kind, build in NETWORKS.items():
        for options in OPTIONS:
            if kind == "acquisitions" and "leads_only" in options:
                continue
            same_network(build(plain_graph, **options), build(store, **options))


@bundled
def test_engines_give_equal_networks_on_the_bundled_graph():
    plain_graph, store = read_source(None, "rdflib"), read_source(None, "oxigraph")
    for build in NETWORKS.values():
        same_network(build(plain_graph), build(store))
        same_network(build(plain_graph, category="neocloud"), build(store, category="neocloud"))


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_canonical_literals_read_the_same_on_both_engines(engine):
    source = read_source([TYPED], engine)
    G = investor_network(source)
    e = edge(G, "Fund Z", "Delta")
    # "0027"^^xsd:nonNegativeInteger is line 27 on both engines, "25000000.00" is 25000000.
    assert e["sources"] == ["typed.md:27"]
    assert e["rounds"] == ["Series B, 2024-03, 25000000 USD (lead)"]  # of two stated dates, the earlier
    assert e["dates"] == ["2024-03"]
    assert G.nodes[ids(G)["Fund Z"]]["kind"] == "investor"
    deal = edge(acquisition_network(source), "Delta", "Epsilon")
    assert (deal["prices"], deal["dates"], deal["sources"]) == (["120000000 USD"], ["2025-01-15"], ["typed.md:9"])
    assert investor_network(source, category="neocloud").number_of_nodes() == 0  # a known concept, unused here
    with pytest.raises(QueryError, match="unknown category 'gpu-cloud'"):
        investor_network(source, category="gpu-cloud")


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_hand_written_expectations_hold_on_each_engine(engine):
    source = read_source([MARKET], engine)
    G = investor_network(source)
    assert pairs(G) == {p(c, i) for c, backers in FUNDED.items() for i in backers}
    lead = edge(G, "Benchmark", "Fireworks.ai")
    assert lead["rounds"] == ["Series A, 2024-03, 25000000 USD (lead)"] and lead["sources"] == [f"{PROFILES}:27"]
    assert pairs(investor_network(source, since="2024-03-15", until="2024-03-20")) == {p("Fireworks.ai", "Benchmark")}
    assert pairs(acquisition_network(source, category="neocloud")) == {p("CoreWeave", "Core Scientific")}
    assert pairs(coinvestment_network(source, leads_only=True)) == {  # co-leads of one company
        p("Benchmark", "Sequoia Capital"), p("Amplify Partners", "Redpoint"), p("General Catalyst", "Prosperity7"),
        p("Intel Capital", "Dell Technologies Capital")}


def test_read_source_reports_bad_files(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix gk: <https://w3id.org/gpukg/ontology#> .\n\ngk:a gk:b .\ngk:c gk:d\n", encoding="utf-8")
    for engine in ("rdflib", "oxigraph"):
        with pytest.raises(InputError, match="bad.ttl"):
            read_source([bad], engine)
        with pytest.raises(InputError, match="none.ttl"):
            read_source([tmp_path / "none.ttl"], engine)
    with pytest.raises(QueryError, match="unknown engine"):
        read_source([MARKET], "virtuoso")


def test_cli_engines_print_the_same_export(capsys):
    outputs = []
    for engine in ("rdflib", "oxigraph"):
        assert cli.main(["network", "-g", str(MARKET), "--format", "json", "--engine", engine]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and len(json.loads(outputs[0])["links"]) == 21


# --- byte-for-byte repeatable exports --------------------------------------------

def test_gexf_carries_no_date_of_writing(investors, monkeypatch):
    import time as clock

    days = []
    for day in ("2001-02-03", "2031-12-30"):
        monkeypatch.setattr(clock, "strftime", lambda *args, day=day: day)
        days.append(serialize(investors, "gexf"))
    assert days[0] == days[1]
    assert b"lastmodifieddate" not in days[0] and b"2001-02-03" not in days[0]
    assert nx.read_gexf(io.BytesIO(days[0])).number_of_nodes() == 25


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "csv"])
def test_every_format_ignores_the_clock(fmt, market, monkeypatch):
    import time as clock

    G = acquisition_network(market)  # small, so the pictures draw quickly
    runs = []
    for instant in (1_000_000_000, 1_900_000_000):  # 2001 and 2030
        day = clock.gmtime(instant)
        monkeypatch.setattr(clock, "time", lambda: float(instant))
        monkeypatch.setattr(clock, "localtime", lambda *args: day)
        monkeypatch.setattr(clock, "strftime", lambda form, when=None: clock.asctime(day) if form else "")
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(instant))  # what matplotlib stamps into files
        runs.append(serialize(G, fmt))
    assert runs[0] == runs[1]


def test_exports_are_the_same_bytes_in_every_process(tmp_path):
    # Set iteration order changes with the hash seed; no export may depend on it, nor on the engine.
    script = ("import sys; from pathlib import Path; from gpukg.netexport import read_source, write_network; "
              "from gpukg.network import NETWORKS\n"
              "out, engine = Path(sys.argv[1]), sys.argv[2]\n"
              f"source = read_source([{str(MARKET)!r}], engine)\n"
              "for kind, build in NETWORKS.items():\n"
              "    G = build(source)\n"
              "    for fmt in ('graphml', 'gexf', 'csv', 'json', 'html'):\n"
              "        write_network(G, fmt, out / f'{kind}.{fmt}')\n")
    runs = []
    for seed, engine in (("1", "oxigraph"), ("2", "oxigraph"), ("3", "rdflib")):
        out = tmp_path / f"run-{seed}"
        out.mkdir()
        subprocess.run([sys.executable, "-c", script, str(out), engine], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        runs.append({f.name: f.read_bytes() for f in sorted(out.iterdir())})
    assert len(runs[0]) == 3 * 6  # csv writes two files
    assert runs[0] == runs[1] == runs[2]


# --- metrics at scale ------------------------------------------------------------

def test_large_networks_estimate_betweenness_from_a_seeded_sample(investors, monkeypatch):
    exact = {r["id"]: r["betweenness"] for r in node_metrics(investors, fresh=True)}
    monkeypatch.setattr(netmetrics, "EXACT_BETWEENNESS_NODES", 10)
    monkeypatch.setattr(netmetrics, "BETWEENNESS_SAMPLE", investors.number_of_nodes())
    # A sample of every node is the exact value, whatever the order the sources are taken in.
    assert {r["id"]: r["betweenness"] for r in node_metrics(investors, fresh=True)} == pytest.approx(exact)
    monkeypatch.setattr(netmetrics, "BETWEENNESS_SAMPLE", 8)
    runs = [{r["id"]: r["betweenness"] for r in node_metrics(investors, fresh=True)} for _ in range(2)]
    assert runs[0] == runs[1] and runs[0] != exact
    G = netmetrics.with_metrics(investors.copy())
    assert G.graph["betweenness_sample"] == 8


def test_metrics_on_the_nodes_are_reused_unless_fresh(investors):
    assert node_metrics(investors) == node_metrics(investors, fresh=True)
    stale = investors.copy()
    stale.remove_node(ids(stale)["NVIDIA"])
    assert node_metrics(stale) != node_metrics(stale, fresh=True)


def test_pictures_of_large_networks_are_refused_with_advice():
    G = nx.Graph(network="investors")
    G.add_nodes_from((f"n{i}", {"label": f"Org {i}", "kind": "investor"}) for i in range(501))
    for make in (lambda: serialize(G, "png"), lambda: serialize(G, "svg"), lambda: html_page(G)):
        with pytest.raises(QueryError, match="picture of 501 organizations.*--category"):
            make()
    small = nx.Graph(network="investors")
    small.add_nodes_from((f"n{i}", {"label": f"Org {i}", "kind": "investor"}) for i in range(3))
    with pytest.raises(QueryError, match="limit 2"):
        draw_network(small, max_nodes=2)
    assert set(draw_network(small, max_nodes=None).labels) == set(small)


def test_metrics_agree_with_networkx(investors, market):
    # gpukg runs networkx's algorithms over integer-indexed lists, for speed: same values.
    for G in (investors, coinvestment_network(market), nx.gnm_random_graph(120, 300, seed=3)):
        assert netmetrics._betweenness(G, None) == pytest.approx(nx.betweenness_centrality(G), abs=1e-12)
        assert netmetrics._betweenness(G, 7) == pytest.approx(nx.betweenness_centrality(G, k=7, seed=42), abs=1e-12)
        giant = netmetrics.sorted_subgraph(G, max(nx.connected_components(G), key=len))
        assert netmetrics._power_iteration(giant) == pytest.approx(nx.eigenvector_centrality(giant, max_iter=1000))
