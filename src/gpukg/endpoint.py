"""Publishing the graph to a SPARQL 1.1 server, and querying one.

``publish`` replaces a named graph as a whole, so that readers see the old graph or
the new one, never a half: on Oxigraph one Graph Store ``PUT`` does that (it runs as
one transaction); elsewhere, and for graphs too large for one request, the triples
go into a fresh temporary graph (``PUT``, then ``POST`` per batch), are counted
there, and one SPARQL Update ``MOVE`` swaps them in. Any failure drops the temporary
graph and leaves the target as it was. What each server guarantees, measured, is in
docs/endpoints.md.

``select`` runs a SELECT through SPARQLWrapper and gives rows of rdflib terms in
the canonical form an Oxigraph store gives back (``oxstore.canonical``), so rows
from a server and from the local graph compare equal. It retries what may succeed
a moment later (connection refused, 502/503/504) with bounded backoff, never a 4xx
or a timeout (``transport`` sends every request and words every failure); a body that does not parse is an error, never an empty answer (Oxigraph
reports a failure that happens while streaming as a truncated body after HTTP 200);
and a result that hits Virtuoso's row cap (``X-SPARQL-MaxRows``) is fetched page by
page, or refused loudly.
"""
from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .binding import ABSOLUTE_IRI
from .errors import EndpointError, InputError
from .iris import GRAPH
from .oxstore import canonical
from .transport import authorization, explain, send, with_retries

DEFAULT_GRAPH = str(GRAPH)
DEFAULT_BATCH = 50_000
KINDS = ("oxigraph", "virtuoso", "generic")
TEMP_PREFIX = "urn:gpukg:publish-tmp:"
_CONTENT_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True)
class Server:
    """Where one server takes queries, updates and Graph Store requests."""

    kind: str
    query_url: str
    update_url: str
    store_url: str


@dataclass(frozen=True)
class PublishResult:
    server: Server
    graph: str
    triples: int
    batches: int
    method: str  # "put" (one atomic PUT) or "move" (temporary graph, then MOVE)
    seconds: float

    def summary(self) -> str:
        how = "one PUT" if self.method == "put" else f"{self.batches} batch{'es' if self.batches != 1 else ''} + MOVE"
        return (f"published {self.triples} triples to <{self.graph}> at {self.server.store_url} "
                f"({self.server.kind}, {how}) in {self.seconds:.1f} s")


# --- where a server takes what -------------------------------------------------

def server_for(endpoint: str, *, kind: str | None = None, store_url: str | None = None,
               update_url: str | None = None) -> Server:
    """The query, update and Graph Store URLs of a server, from its query URL.

    Oxigraph answers queries at ``/query`` (updates ``/update``, Graph Store ``/store``);
    Virtuoso at ``/sparql`` (writes need digest authentication at ``/sparql-auth`` and
    ``/sparql-graph-crud-auth``). Any other server needs ``store_url`` and ``update_url``.
    """
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EndpointError(f"{endpoint!r} is not an http(s) URL; give the server's query URL, "
                            "e.g. http://127.0.0.1:7878/query")
    path = parts.path.rstrip("/")
    if kind is None:
        if path.endswith("/query"):
            kind = "oxigraph"
        elif path.endswith("/sparql") or path.endswith("/sparql-auth"):
            kind = "virtuoso"
        else:
            kind = "generic"
    if kind not in KINDS:
        raise EndpointError(f"unknown server kind {kind!r}; expected one of {', '.join(KINDS)}")
    base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, path.rsplit("/", 1)[0], "", ""))
    query_url = endpoint
    if kind == "oxigraph":
        store_url, update_url = store_url or base + "/store", update_url or base + "/update"
    elif kind == "virtuoso":
        query_url = base + "/sparql" if path.endswith("/sparql-auth") else endpoint
        store_url = store_url or base + "/sparql-graph-crud-auth"
        update_url = update_url or base + "/sparql-auth"
    elif not (store_url and update_url):
        raise EndpointError(f"cannot tell the Graph Store and update URLs of {endpoint}; "
                            "name them with --store-url and --update-url (or --server oxigraph|virtuoso)")
    return Server(kind, query_url, update_url, store_url)


def check_iri(iri: str) -> str:
    """A graph name goes into update text as <IRI>: refuse anything that could break out of it."""
    if not ABSOLUTE_IRI.fullmatch(iri):
        raise EndpointError(f"graph name {iri!r} is not an absolute IRI (e.g. {DEFAULT_GRAPH})")
    return iri


def _update(server: Server, update: str, **http: object) -> None:
    body = urllib.parse.urlencode({"update": update}).encode()
    send("POST", server.update_url, body, "application/x-www-form-urlencoded", **http)  # type: ignore[arg-type]


def _graph_url(server: Server, graph: str) -> str:
    return f"{server.store_url}?{urllib.parse.urlencode({'graph': graph})}"


# --- publishing -----------------------------------------------------------------

def ntriples(data: bytes, content_type: str) -> list[str]:
    """The triples of ``data`` as N-Triples lines, one per distinct triple, literals in
    canonical form (as a store keeps them, so a server's count can be checked)."""
    fmt = _CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
    if fmt is None:
        raise InputError("<data>", f"cannot publish {content_type}; use Turtle, N-Triples, RDF/XML or JSON-LD")
    store = ox.Store()
    try:
        store.load(input=data, format=fmt, to_graph=ox.DefaultGraph())
    except SyntaxError as exc:
        raise InputError("<data>", f"does not parse as {fmt.name}: {exc.msg}", exc.lineno) from None
    return [f"{q.subject} {q.predicate} {q.object} ." for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]


def batches_of(lines: list[str], size: int) -> list[list[str]]:
    """Batches of at most ``size`` lines; every triple with a blank node in the first one.

    Each request is its own document, so a blank node split across two batches would
    become two different nodes on the server.
    """
    with_blank = [line for line in lines if _has_blank(line)]
    rest = [line for line in lines if not _has_blank(line)]
    room = max(size - len(with_blank), 0)
    first, rest = with_blank + rest[:room], rest[room:]
    return [first] + [rest[i:i + size] for i in range(0, len(rest), size)]


def _has_blank(line: str) -> bool:
    # Only a term that starts with _: is a blank node; "_:" inside a literal or IRI is not.
    if "_:" not in line:
        return False
    return line.startswith("_:") or " _:" in re.sub(r'"(?:[^"\\]|\\.)*"|<[^>]*>', '""', line)


def temp_graph(target: str) -> str:
    """A fresh graph name for one publish, recognisable as a leftover of ``target``."""
    return f"{TEMP_PREFIX}{hashlib.sha256(target.encode()).hexdigest()[:16]}:{uuid.uuid4().hex}"


def publish(data: bytes, content_type: str, endpoint: str, graph_iri: str = DEFAULT_GRAPH, *,
            user: str | None = None, password: str | None = None, timeout: float = 30.0,
            batch_triples: int | None = None, retries: int = 3, kind: str | None = None,
            store_url: str | None = None, update_url: str | None = None) -> PublishResult:
    """Replace the named graph ``graph_iri`` on the server with the triples of ``data``."""
    started = time.monotonic()
    server = server_for(endpoint, kind=kind, store_url=store_url, update_url=update_url)
    target = check_iri(graph_iri)
    lines = ntriples(data, content_type)
    if not lines:
        raise InputError("<data>", "the graph is empty: nothing to publish")
    size = batch_triples or DEFAULT_BATCH
    if size < 1:
        raise EndpointError("the batch size must be at least 1 triple")
    groups = batches_of(lines, size)
    http = dict(user=user, password=password, timeout=timeout, retries=retries)
    nt = "application/n-triples"

    def body(batch: list[str]) -> bytes:
        return ("\n".join(batch) + "\n").encode("utf-8") if batch else b""

    _drop_leftovers(server, target, http)
    if server.kind == "oxigraph" and len(groups) == 1:
        # Oxigraph applies a Graph Store PUT in one transaction (readers never see a half).
        send("PUT", _graph_url(server, target), body(groups[0]), nt, **http)  # type: ignore[arg-type]
        return PublishResult(server, target, len(lines), 1, "put", time.monotonic() - started)

    temp = temp_graph(target)
    try:
        send("PUT", _graph_url(server, temp), body(groups[0]), nt, **http)  # type: ignore[arg-type]
        for group in groups[1:]:
            send("POST", _graph_url(server, temp), body(group), nt, **http)  # type: ignore[arg-type]
        held = count_triples(server, temp, http)
        if held != len(lines):
            raise EndpointError(f"the server holds {held} of the {len(lines)} triples sent to the temporary "
                                f"graph; <{target}> is unchanged")
        _update(server, f"MOVE <{temp}> TO <{target}>", idempotent=False, **http)
    except BaseException as exc:
        try:
            _update(server, f"DROP SILENT GRAPH <{temp}>", **{**http, "retries": 0})
        except EndpointError:
            if isinstance(exc, EndpointError):
                raise EndpointError(f"{exc}; <{target}> is unchanged, and the temporary graph <{temp}> "
                                    "could not be dropped: the next publish removes it") from None
        raise
    return PublishResult(server, target, len(lines), len(groups), "move", time.monotonic() - started)


def count_triples(server: Server, graph: str, http: dict) -> int:
    names, rows = select(server.query_url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{check_iri(graph)}> {{ ?s ?p ?o }} }}",
                         default_graph=None, **http)
    return int(rows[0][0].toPython()) if rows and rows[0][0] is not None else 0


def _drop_leftovers(server: Server, target: str, http: dict) -> None:
    """Drop temporary graphs an interrupted publish to ``target`` left behind."""
    prefix = temp_graph(target).rsplit(":", 1)[0] + ":"
    query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), {Literal(prefix).n3()})) }}"
    _, rows = select(server.query_url, query, default_graph=None, **http)
    for (graph,) in rows:
        _update(server, f"DROP SILENT GRAPH <{check_iri(str(graph))}>", **http)


def publish_file(path: os.PathLike | str, endpoint: str, graph_iri: str = DEFAULT_GRAPH, **options: object) -> PublishResult:
    """``publish`` the graph file at ``path`` (type from its suffix)."""
    from pathlib import Path

    path = Path(path)
    types = {".ttl": "text/turtle", ".nt": "application/n-triples", ".rdf": "application/rdf+xml",
             ".owl": "application/rdf+xml", ".xml": "application/rdf+xml", ".jsonld": "application/ld+json"}
    if path.suffix.lower() not in types:
        raise InputError(str(path), f"cannot publish a {path.suffix or 'suffix-less'} file; use .ttl, .nt, .rdf or .jsonld")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from None
    try:
        return publish(data, types[path.suffix.lower()], endpoint, graph_iri, **options)  # type: ignore[arg-type]
    except InputError as exc:
        raise InputError(str(path), str(exc).removeprefix("<data>:").strip().removeprefix(": ")) from None


# --- querying -------------------------------------------------------------------

Row = tuple[Node | None, ...]


# Virtuoso 7.2 orders a query's joins by sampled statistics, and some of its plans answer wrongly
# (measured: conflicting-figures gave 4 of its 12 rows on one test instance, all 12 on others, the
# same query and data). Its "order" option keeps the join order the query is written in; a saved
# query asks for it in its header (keep-join-order), since other queries (revenue-over-time)
# answer wrongly in their written order. Sent to a server taken for Virtuoso (a /sparql URL, or
# kind "virtuoso"); a server that answers it with HTTP 400 is asked again without it.
VIRTUOSO_ORDER = 'DEFINE sql:select-option "order"\n'
_REFUSED_ORDER: set[str] = set()  # query URLs that answered the option with HTTP 400


class _OptionRefused(Exception):
    """Inside this module only: the server did not take ``VIRTUOSO_ORDER``."""


def select(url: str, query: str, *, timeout: float = 30.0, retries: int = 3, user: str | None = None,
           password: str | None = None, default_graph: str | None = DEFAULT_GRAPH,
           kind: str | None = None, keep_order: bool = False) -> tuple[list[str], list[Row]]:
    """Run a SELECT on the server at ``url``: (variable names, rows of rdflib terms).

    ``default_graph`` is sent as ``default-graph-uri`` (the graph ``publish`` writes by
    default); ``None`` leaves the server's own default graph (Oxigraph: the unnamed graph;
    Virtuoso: every graph). ``kind`` is the server's kind when its URL does not tell;
    ``keep_order`` asks Virtuoso to join in the order the query is written.
    """
    virtuoso = (kind or server_for(url).kind) == "virtuoso"
    option = VIRTUOSO_ORDER if keep_order and virtuoso and url not in _REFUSED_ORDER else ""
    call = (timeout, retries, user, password, default_graph)
    try:
        names, rows, cap = _select_once(url, query, *call, option=option)
    except _OptionRefused:
        _REFUSED_ORDER.add(url)
        option = ""
        names, rows, cap = _select_once(url, query, *call)
    if cap is None or len(rows) < cap:
        return names, rows
    return names, _pages(url, query, names, cap, *call, option=option)


def _select_once(url: str, query: str, timeout: float, retries: int, user: str | None, password: str | None,
                 default_graph: str | None, option: str = "") -> tuple[list[str], list[Row], int | None]:
    from SPARQLWrapper import JSON, POST, SELECT, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    def attempt() -> tuple[bytes, int | None]:
        wrapper = SPARQLWrapper(url)
        wrapper.setQuery(option + query)
        # SPARQLWrapper guesses the form from keywords and takes a SELECT whose comments say
        # "add" or "load" for an update, which it then sends to the server as one.
        wrapper.queryType = SELECT
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(JSON)
        wrapper.setTimeout(timeout)
        if default_graph:
            wrapper.addDefaultGraph(default_graph)
        auth = authorization("POST", url, user, password, timeout)
        if auth:
            wrapper.addCustomHttpHeader("Authorization", auth)
        try:
            response = wrapper.query().response
        except SPARQLWrapperException as exc:
            raise _http_error(url, exc) from None
        try:
            body = response.read()
        except http.client.IncompleteRead as exc:
            body = exc.partial
        finally:
            response.close()
        _refuse_partial(url, response.headers)
        cap = response.headers.get("X-SPARQL-MaxRows")
        return body, int(cap) if cap and cap.strip().isdigit() else None

    try:
        body, cap = with_retries(url, attempt, retries)
    except urllib.error.HTTPError as exc:
        if option and exc.code == 400:
            raise _OptionRefused from None
        raise explain(url, exc, timeout, retries, user) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        raise explain(url, exc, timeout, retries, user) from None
    names, rows = parse_results(body, url)
    return names, rows, cap


def _refuse_partial(url: str, headers: object) -> None:
    """Virtuoso's "anytime" answers: past its time limit (MaxQueryExecutionTime, or a
    ``timeout`` request parameter) it stops the query and sends what it has with HTTP 200,
    saying so only in a header. A partial answer is an error, never an answer."""
    state = (headers.get("X-SQL-State") or "").strip()  # type: ignore[attr-defined]
    if state == "S1TAT":
        raise EndpointError(f"{url} stopped the query at its time limit and sent incomplete results "
                            "(Virtuoso X-SQL-State S1TAT); raise MaxQueryExecutionTime in the [SPARQL] "
                            "section of virtuoso.ini, or narrow the query with parameters")


def _http_error(url: str, exc: Exception) -> urllib.error.HTTPError:
    """SPARQLWrapper turns some statuses into its own exceptions; turn them back."""
    codes = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404,
             "URITooLong": 414, "EndPointInternalError": 500}
    code = codes.get(type(exc).__name__, 500)
    message = " ".join(str(exc).split())
    import io

    return urllib.error.HTTPError(url, code, message, None, io.BytesIO(message.encode()))  # type: ignore[arg-type]


def parse_results(body: bytes, url: str = "the server") -> tuple[list[str], list[Row]]:
    """SPARQL JSON results as (names, rows of canonical rdflib terms); anything else is an error."""
    try:
        doc = json.loads(body.decode("utf-8"))
        names = [str(v) for v in doc["head"]["vars"]]
        bindings = doc["results"]["bindings"]
        rows = [tuple(_term(b[n]) if n in b else None for n in names) for b in bindings]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        tail = " ".join(body[-120:].decode("utf-8", "replace").split())
        raise EndpointError(f"{url} sent a result that does not parse ({len(body)} bytes, ending {tail!r}); "
                            "the query probably failed on the server while streaming (a timeout?): "
                            "check the server's log, or raise its timeout") from None
    return names, rows


def _term(cell: dict) -> Node:
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind not in ("literal", "typed-literal"):
        raise ValueError(kind)
    if cell.get("xml:lang"):
        return canonical(Literal(value, lang=cell["xml:lang"]))
    if cell.get("datatype"):
        return canonical(Literal(value, datatype=URIRef(cell["datatype"]), normalize=False))
    return Literal(value)


# --- past a row cap ----------------------------------------------------------------

_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.IGNORECASE)


def _pages(url: str, query: str, names: list[str], cap: int, timeout: float, retries: int,
           user: str | None, password: str | None, default_graph: str | None, option: str = "") -> list[Row]:
    """All rows of a query the server cut at ``cap`` rows, ``cap`` rows per request.

    The query becomes a sub-query paged from outside (Virtuoso refuses ``OFFSET`` past
    its cap on a sorted query itself, but not on an outer query around it). An unsorted
    query is sorted by all its variables first, so pages neither overlap nor miss rows.
    """
    prologue_end = _PROLOGUE.match(query).end()
    prologue, body = query[:prologue_end], query[prologue_end:]
    ordered, dataset = _shape(query)
    if not re.match(r"SELECT\b", body, re.IGNORECASE) or dataset:
        raise EndpointError(f"{url} cut the result at {cap} rows (X-SPARQL-MaxRows) and this query cannot "
                            "be paged; add LIMIT/OFFSET yourself, or raise the server's ResultSetMaxRows")
    inner = body
    if not ordered:
        order = " ".join(f"?{n}" for n in names)
        inner = f"SELECT * WHERE {{ {body}\n}} ORDER BY {order}"
    rows: list[Row] = []
    while True:
        paged = f"{prologue}SELECT * WHERE {{ {inner}\n}} LIMIT {cap} OFFSET {len(rows)}"
        page_names, page, _ = _select_once(url, paged, timeout, retries, user, password, default_graph, option)
        order = [page_names.index(n) if n in page_names else None for n in names]
        rows += [tuple(r[i] if i is not None else None for i in order) for r in page]
        if len(page) < cap:
            return rows


def _shape(query: str) -> tuple[bool, bool]:
    """(has ORDER BY, has FROM) of the outermost query, read from rdflib's parse, not the text."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = parseQuery(query)[1]
    except Exception:  # not SPARQL 1.1 as rdflib reads it: sort again (harmless), assume no FROM
        return False, False
    # CompValue.get(key) answers the key itself when it is missing: test membership
    return bool("orderby" in parsed and parsed["orderby"]), bool("datasetClause" in parsed and parsed["datasetClause"])
