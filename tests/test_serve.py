"""``gpukg serve``: a read-only SPARQL 1.1 Protocol endpoint and its query page.

Expected answers are read by hand from tests/data/endpoint/market.ttl (the Fireworks.ai
lines of corpus/gpu-company-profiles.md). The browser test drives Debian's chromium
through Selenium and chromedriver; it is skipped, saying why, where they are missing.
"""
from __future__ import annotations

import json
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Literal

from gpukg import endpoint as ep
from gpukg.serve import Refused, check_query, load_store, make_server, negotiate

DATA = Path(__file__).parent / "data" / "endpoint"
MARKET = DATA / "market.ttl"
LEADS = """PREFIX gk: <https://w3id.org/gpukg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?lead WHERE { ?r a gk:FundingRound ; gk:leadInvestor/skos:prefLabel ?lead } ORDER BY ?lead"""
EXAMPLES = [{"name": "leads", "summary": "Who led Fireworks.ai's rounds", "text": LEADS}]


@pytest.fixture(scope="module")
def served():
    server = make_server(load_store([MARKET]), "127.0.0.1", 0, example_queries=EXAMPLES, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fetch(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def ask(base: str, query: str, accept: str = "", method: str = "GET") -> tuple[int, str, bytes]:
    headers = {"Accept": accept} if accept else {}
    if method == "GET":
        return fetch(f"{base}/sparql?{urllib.parse.urlencode({'query': query})}", headers=headers)
    if method == "form":
        return fetch(f"{base}/sparql", urllib.parse.urlencode({"query": query}).encode(), headers)
    return fetch(f"{base}/sparql", query.encode(), {**headers, "Content-Type": "application/sparql-query"})


# --- what is refused, read from the parse ------------------------------------------

@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://example.org/q> { ?s ?p ?x } } }",
    "ASK { ?s ?p ?o FILTER EXISTS { SERVICE <http://example.org/q> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://example.org/q> { ?s ?p ?o } } } }",
])
def test_service_is_refused_wherever_it_hides(query):
    with pytest.raises(Refused, match="SERVICE is refused") as caught:
        check_query(query)
    assert caught.value.status == 403


@pytest.mark.parametrize("update", [
    "LOAD <http://example.org/data.ttl>",
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "DROP ALL",
    "CLEAR DEFAULT",
])
def test_updates_and_load_are_refused(update):
    with pytest.raises(Refused, match="read-only") as caught:
        check_query(update)
    assert caught.value.status == 403


def test_the_words_alone_are_not_refused():
    assert check_query("ASK { ?s ?p 'SERVICE' . ?s ?q \"LOAD <http://x>\" }") == "AskQuery"


def test_content_negotiation_takes_the_best_offer():
    offered = ["application/sparql-results+json", "text/csv"]
    assert negotiate("text/csv;q=0.9, application/sparql-results+json;q=0.5", offered) == "text/csv"
    assert negotiate("*/*", offered) == "application/sparql-results+json"
    assert negotiate("image/png", offered) is None


# --- over HTTP ------------------------------------------------------------------------

def test_select_in_every_results_format(served):
    status, kind, body = ask(served, LEADS)
    assert status == 200 and kind.startswith("application/sparql-results+json")
    assert [b["lead"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["Benchmark", "Sequoia Capital"]
    status, kind, body = ask(served, LEADS, "text/csv", method="form")
    assert (status, body) == (200, b"lead\r\nBenchmark\r\nSequoia Capital\r\n")
    status, kind, body = ask(served, LEADS, "text/tab-separated-values", method="direct")
    assert (status, body) == (200, b'?lead\n"Benchmark"\n"Sequoia Capital"\n')
    status, kind, body = ask(served, LEADS, "application/sparql-results+xml")
    assert status == 200 and b"<literal>Sequoia Capital</literal>" in body


def test_ask_and_construct(served):
    status, _, body = ask(served, "ASK { <https://w3id.org/gpukg/id/org/nvidia> a <https://w3id.org/gpukg/ontology#Investor> }")
    assert json.loads(body)["boolean"] is True
    status, kind, body = ask(served, "CONSTRUCT WHERE { ?s <https://schema.org/currency> ?c }", "text/turtle")
    assert status == 200 and kind.startswith("text/turtle") and body.count(b'"USD"') == 2


def test_refusals_over_http(served):
    status, _, body = fetch(f"{served}/sparql", urllib.parse.urlencode({"update": "DROP ALL"}).encode())
    assert status == 403 and b"read-only" in body
    status, _, _ = fetch(f"{served}/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update"})
    assert status == 403
    status, _, body = ask(served, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE" in body
    assert ask(served, "SELECT WHERE")[0] == 400
    assert ask(served, LEADS, "image/png")[0] == 406
    # a request addressed to another host name (DNS rebinding) is not answered
    status, _, _ = fetch(f"{served}/sparql?query=ASK%7B%7D", headers={"Host": "attacker.example"})
    assert status == 403


def test_the_graph_is_also_the_named_graph_publish_writes(served):
    names, rows = ep.select(f"{served}/sparql", LEADS)  # sends default-graph-uri = the gpukg graph
    assert rows == [(Literal("Benchmark"),), (Literal("Sequoia Capital"),)]
    names, rows = ep.select(f"{served}/sparql", LEADS, default_graph="https://example.org/no-such-graph")
    assert rows == []


def test_the_page_offers_the_saved_queries(served):
    status, kind, body = fetch(f"{served}/")
    assert status == 200 and kind.startswith("text/html")
    assert b"Who led Fireworks.ai" in body and b"http://" not in body.split(b"<script")[0].replace(
        b'xmlns="http://', b"")  # self-contained: no remote style sheets or scripts


def test_the_page_lists_the_projects_saved_queries():
    from gpukg.serve import examples

    names = [example["name"] for example in examples()]
    saved = sorted(p.stem for p in (Path(__file__).parents[1] / "queries").glob("*.rq"))
    assert names == saved


def test_binds_to_loopback_by_default():
    from gpukg.cli import make_parser

    args = make_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"


# --- in a real browser -------------------------------------------------------------------

def _browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (chromium and driver):
        pytest.skip("browser test needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("browser test needs selenium (pip install selenium)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def test_a_browser_runs_a_saved_query_from_the_page(served, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser = _browser()
    try:
        browser.get(f"{served}/")
        Select(browser.find_element(By.ID, "examples")).select_by_value("leads")
        assert "leadInvestor" in browser.find_element(By.ID, "query").get_property("value")
        browser.find_element(By.ID, "run").click()
        WebDriverWait(browser, 30).until(lambda b: "row" in b.find_element(By.ID, "status").text)
        cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#results td")]
        assert cells == ["Benchmark", "Sequoia Capital"]
        assert browser.find_element(By.ID, "status").text.startswith("2 rows")
        browser.save_screenshot(str(tmp_path / "serve.png"))
    finally:
        browser.quit()
