"""``gpukg serve``: a local, read-only SPARQL 1.1 Protocol endpoint over the built graph.

``/sparql`` takes queries by GET or POST (form or ``application/sparql-query``) and
answers in JSON, XML, CSV or TSV (Turtle, N-Triples or RDF/XML for CONSTRUCT and
DESCRIBE) by content negotiation; ``/`` is a page to write and run queries, with the
saved queries as examples. The graph sits in an in-memory Oxigraph store, in the named
graph ``gpukg publish`` writes by default, and is also the default graph, so queries
written for a published copy and for the local dump both run unchanged.

Nothing here writes or reaches the network: updates are refused, and so are queries
whose parse holds a SERVICE clause (LOAD exists only in updates). The server binds to
loopback unless told otherwise, and then answers only requests addressed to loopback
(a page elsewhere cannot reach it through a rebound DNS name).
"""
from __future__ import annotations

import json
import re
import socket
import sys
import time
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from pyparsing import ParseResults
from rdflib.plugins.sparql.parserutils import CompValue

from .errors import GpukgError
from .iris import GRAPH
from .oxstore import parse_into_store
from .store import DEFAULT_DUMP, QUERIES_DIR

LOOPBACK = ("127.0.0.1", "::1", "localhost")
RESULTS_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
SHORT_FORMATS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                 "nt": "application/n-triples", "rdfxml": "application/rdf+xml"}


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes


class Refused(GpukgError):
    """A request this endpoint will not run (an update, SERVICE, a bad query)."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(message)


# --- the graph and the queries ---------------------------------------------------

def load_store(paths: Iterable[Path] | None = None) -> ox.Store:
    """The graph files (default: the committed dump) in one store, in the named graph GRAPH."""
    loaded = ox.Store()
    for path in list(paths or []) or [DEFAULT_DUMP]:
        store = parse_into_store(path)
        loaded.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(str(GRAPH))) for q in store)
    return loaded


def examples(folder: Path = QUERIES_DIR) -> list[dict[str, str]]:
    """The saved queries as page examples: name, summary and text, parameters bound to their
    defaults (or to the example their description gives) so that each runs as it is."""
    try:
        from . import queries
    except ImportError:
        return [{"name": p.stem, "summary": "", "text": p.read_text(encoding="utf-8")}
                for p in sorted(Path(folder).glob("*.rq"))]
    found = []
    for saved in queries.list_queries(folder):
        text = saved.text
        values = {}
        for param in saved.params:
            example = re.search(r"e\.g\.\s*([^)]+)\)", param.description)
            if param.default is None and example:
                values[param.name] = example.group(1).strip()
        try:
            text = queries.bind_values(saved.text, queries.bind_params(saved, values))
        except GpukgError:
            pass  # leave the parameters for the reader to fill in
        found.append({"name": saved.name, "summary": saved.summary, "text": text})
    return found


def page(example_queries: list[dict[str, str]]) -> bytes:
    template = resources.files("gpukg").joinpath("data/serve.html").read_text(encoding="utf-8")
    # "</" inside a <script> block would end it early
    data = json.dumps(example_queries, ensure_ascii=False).replace("</", "<\\/")
    return template.replace("/*QUERIES*/[]", data).encode("utf-8")


# --- the protocol --------------------------------------------------------------------

def check_query(text: str) -> str:
    """The query form (SelectQuery, AskQuery, ...), or Refused: updates, SERVICE, bad syntax.

    Read from rdflib's parse tree, never by matching words in the text.
    """
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(text)
    except Exception as exc:  # pyparsing raises its own types
        try:
            parseUpdate(text)
        except Exception:
            raise Refused(400, f"the query does not parse: {' '.join(str(exc).split())}") from None
        raise Refused(403, "this endpoint is read-only: updates (INSERT, DELETE, LOAD, ...) are refused") from None
    if _has_service(parsed):
        raise Refused(403, "SERVICE is refused: this endpoint queries the local graph only")
    return parsed[1].name


def _has_service(node: object) -> bool:
    if isinstance(node, ParseResults):
        return any(_has_service(v) for v in node)
    if isinstance(node, CompValue):
        return node.name == "ServiceGraphPattern" or any(_has_service(v) for v in node.values())
    if isinstance(node, Mapping):
        return any(_has_service(v) for v in node.values())
    if isinstance(node, (list, tuple)):
        return any(_has_service(v) for v in node)
    return False


def negotiate(accept: str, offered: Iterable[str]) -> str | None:
    """The offered media type the Accept header likes best (first offered on a tie)."""
    offered = list(offered)
    best, best_q = None, 0.0
    for item in (accept or "*/*").split(","):
        media, _, params = item.strip().partition(";")
        media = media.strip().lower()
        q = 1.0
        found = re.search(r"q=([0-9.]+)", params)
        if found:
            try:
                q = float(found.group(1))
            except ValueError:
                q = 0.0
        for candidate in offered:
            if media in (candidate, "*/*") or (media.endswith("/*") and candidate.startswith(media[:-1])):
                if q > best_q or (q == best_q and best is not None and offered.index(candidate) < offered.index(best)):
                    best, best_q = candidate, q
    return best


def answer(store: ox.Store, query: str, accept: str = "", default_graphs: list[str] | None = None,
           named_graphs: list[str] | None = None) -> Answer:
    """Run a query per the SPARQL 1.1 Protocol; the whole body is made before anything is sent,
    so a failure is an error status, never a truncated 200."""
    form = check_query(query)
    options: dict = {}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    else:
        options["use_default_graph_as_union"] = True
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    graph_form = form in ("ConstructQuery", "DescribeQuery")
    types = GRAPH_TYPES if graph_form else RESULTS_TYPES
    media = negotiate(accept, types)
    if media is None:
        raise Refused(406, f"cannot answer in {accept}; ask for one of {', '.join(types)}")
    result = None
    try:
        result = store.query(query, **options)
        body = result.serialize(format=types[media])
    except SyntaxError as exc:
        raise Refused(400, f"the query does not parse: {exc}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise Refused(500, f"the query failed: {exc}") from None
    finally:
        # pyoxigraph results must die on the thread that made them, not in a later GC pass
        del result
    charset = "; charset=utf-8" if media.startswith("text/") or "json" in media or "xml" in media else ""
    return Answer(200, media + charset, body or b"")


class Handler(BaseHTTPRequestHandler):
    server_version = "gpukg-serve"
    store: ox.Store
    page_bytes: bytes
    loopback_only: bool = True
    quiet: bool = False

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._handle(None)

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        self._handle(self.rfile.read(length) if length else b"")

    def _handle(self, body: bytes | None) -> None:
        try:
            if self.loopback_only and not _loopback_host(self.headers.get("Host", "")):
                raise Refused(403, "this endpoint answers requests addressed to 127.0.0.1 or localhost only")
            url = urllib.parse.urlsplit(self.path)
            if url.path in ("/", "/index.html") and body is None:
                return self._send(Answer(200, "text/html; charset=utf-8", self.page_bytes))
            if url.path != "/sparql":
                raise Refused(404, "not found: the endpoint is /sparql, the query page is /")
            self._send(self._sparql(url.query, body))
        except Refused as exc:
            self._send(Answer(exc.status, "text/plain; charset=utf-8", f"{exc}\n".encode()))

    def _sparql(self, query_string: str, body: bytes | None) -> Answer:
        params = urllib.parse.parse_qs(query_string, keep_blank_values=True)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if body is not None:
            if content_type == "application/x-www-form-urlencoded":
                for key, values in urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            elif content_type == "application/sparql-query":
                params.setdefault("query", []).append(body.decode("utf-8", "replace"))
            elif content_type == "application/sparql-update":
                raise Refused(403, "this endpoint is read-only: updates are refused")
            else:
                raise Refused(415, "POST a form (query=...) or an application/sparql-query body")
        if "update" in params:
            raise Refused(403, "this endpoint is read-only: updates are refused")
        queries = params.get("query", [])
        if len(queries) != 1:
            raise Refused(400, "give exactly one query parameter")
        accept = self.headers.get("Accept", "")
        if params.get("format"):
            accept = SHORT_FORMATS.get(params["format"][0], params["format"][0])
        return answer(self.store, queries[0], accept, params.get("default-graph-uri"), params.get("named-graph-uri"))

    def _send(self, reply: Answer) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args: object) -> None:
        if not self.quiet:
            super().log_message(format, *args)


def _loopback_host(host: str) -> bool:
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name.strip("[]").lower() in LOOPBACK


class _IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


def make_server(store: ox.Store, host: str = "127.0.0.1", port: int = 8000, *,
                example_queries: list[dict[str, str]] | None = None, quiet: bool = False) -> ThreadingHTTPServer:
    """A server (not yet serving) for ``store``; port 0 picks a free port."""
    handler = type("BoundHandler", (Handler,), {
        "store": store,
        "page_bytes": page(examples() if example_queries is None else example_queries),
        "loopback_only": host in LOOPBACK,
        "quiet": quiet,
    })
    server_class = _IPv6Server if ":" in host else ThreadingHTTPServer
    try:
        server = server_class((host, port), handler)
    except OSError as exc:
        raise GpukgError(f"cannot listen on {host}:{port}: {exc.strerror}; pick another --port") from None
    server.daemon_threads = True
    return server


def serve(paths: list[Path] | None = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Load the graph and serve it until interrupted."""
    started = time.monotonic()
    store = load_store(paths)
    server = make_server(store, host, port)
    bound_port = server.server_address[1]
    shown = f"[{host}]" if ":" in host else host
    print(f"gpukg: serving {len(store)} triples ({time.monotonic() - started:.1f} s to load) at "
          f"http://{shown}:{bound_port}/ (SPARQL endpoint: /sparql); Ctrl-C stops", file=sys.stderr, flush=True)
    if host not in LOOPBACK:
        print(f"gpukg: warning: listening on {host}, not loopback: other machines can query this graph",
              file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()

