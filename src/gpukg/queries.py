"""The saved SPARQL query catalogue: read, bind and run (``binding`` turns user values into
terms in the query, ``answers`` makes the results canonical and writes them).

Each ``queries/NAME.rq`` file opens with a grlc-style ``#+`` header (summary,
description, tags, typed parameters; the subset is documented in
docs/queries.md). User values never become query text: they are turned into
RDF terms of the declared type and bound with ``initBindings`` on rdflib, or as
``VALUES`` blocks of those terms' N-Triples form on Oxigraph and remote endpoints.

Queries run on one of three engines: an embedded Oxigraph store (the default: it
loads and answers 10 to 500 times faster), rdflib's own SPARQL engine (the reference),
or a SPARQL endpoint the user names. Every engine's answer passes through
``answers.canonical_result``, so the three print the same thing.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier

from .answers import FORMATS, Result, canonical_result, concat_columns, format_result, md_cell  # noqa: F401 (public API)
from .binding import bind_params, bind_values, parse_assignments, term_for, visible  # noqa: F401 (public API)
from .errors import QueryError
from .oxstore import from_ox, parse_into_store
from .store import DEFAULT_DUMP, ONTOLOGY_DIR, QUERIES_DIR, read_graph

CONCEPTS = ONTOLOGY_DIR / "concepts.ttl"
PARAM_TYPES = ("string", "iri", "date", "decimal", "integer")
ENGINES = ("oxigraph", "rdflib")
CATALOGUE_START = "<!-- catalogue:start -->"
CATALOGUE_END = "<!-- catalogue:end -->"


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "string"
    default: str | None = None
    description: str = ""
    required: bool = False


@dataclass(frozen=True)
class SavedQuery:
    name: str
    summary: str
    description: str
    tags: tuple[str, ...]
    params: tuple[Param, ...]
    text: str
    path: Path | None = None
    keep_join_order: bool = False  # ask a server that reorders joins by statistics (Virtuoso) not to


# --- the catalogue -------------------------------------------------------------

def list_queries(folder: Path = QUERIES_DIR) -> list[SavedQuery]:
    """Every ``*.rq`` file of ``folder``, sorted by name."""
    return [read_query(path) for path in sorted(Path(folder).glob("*.rq"))]


def load_query(name_or_path: str | Path, folder: Path = QUERIES_DIR) -> SavedQuery:
    """A saved query by name (``investor-portfolio``) or a ``.rq`` file by path."""
    candidate = Path(name_or_path)
    if isinstance(name_or_path, Path) or candidate.suffix == ".rq" or "/" in str(name_or_path):
        if not candidate.is_file():
            raise QueryError(f"{candidate}: no such query file")
        return read_query(candidate)
    path = Path(folder) / f"{name_or_path}.rq"
    if path.is_file():
        return read_query(path)
    names = [p.stem for p in sorted(Path(folder).glob("*.rq"))]
    close = difflib.get_close_matches(str(name_or_path), names, n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise QueryError(f"unknown query '{name_or_path}'{hint}; `gpukg query --list` shows the catalogue")


def read_query(path: Path) -> SavedQuery:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read query: {exc}") from None
    return parse_query(text, name=Path(path).stem, path=Path(path))


def parse_query(text: str, name: str = "query", path: Path | None = None) -> SavedQuery:
    """A query and its ``#+`` header; a file without a header has no summary and no parameters."""
    header = _parse_header(text, str(path or name))
    return SavedQuery(
        name=name,
        summary=header.get("summary", ""),
        description=header.get("description", ""),
        tags=tuple(header.get("tags", ())),
        params=tuple(header.get("params", ())),
        text=text,
        path=path,
        keep_join_order=header.get("keep-join-order", False),
    )


def _header_lines(text: str) -> list[tuple[int, int, str]]:
    """(line number, indent, content) of the ``#+`` lines above the first line of SPARQL."""
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped.startswith("#+"):
            body = stripped[2:]
            body = body[1:] if body.startswith(" ") else body
            if body.strip():
                found.append((number, len(body) - len(body.lstrip(" ")), body.strip()))
        elif stripped and not stripped.startswith("#"):
            break
    return found


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _parse_header(text: str, where: str) -> dict:
    """Parse the documented YAML subset: scalars, a list of tags, a list of parameter maps.

    A line indented deeper than the scalar above it continues that scalar, as in YAML.
    """
    header: dict = {}
    open_scalar: tuple[dict, str, int] | None = None  # (target, key, indent)
    block: str | None = None
    param: dict | None = None

    def fail(number: int, message: str) -> QueryError:
        return QueryError(f"{where}:{number}: query header: {message}")

    for number, indent, content in _header_lines(text):
        if open_scalar and indent > open_scalar[2]:
            target, key, _ = open_scalar
            target[key] = f"{target[key]} {content}".strip()
            continue
        open_scalar = None
        if indent == 0:
            key, sep, value = content.partition(":")
            key = key.strip()
            if not sep:
                raise fail(number, f"expected 'key: value', got {content!r}")
            if key in ("summary", "description"):
                header[key] = _unquote(value)
                open_scalar, block = (header, key, 0), None
            elif key == "tags":
                value = value.strip()
                header["tags"] = [_unquote(t) for t in value.strip("[]").split(",") if t.strip()] if value else []
                block = "tags"
            elif key == "params":
                header["params"], block = [], "params"
            elif key == "keep-join-order":
                if value.strip() not in ("true", "false"):
                    raise fail(number, f"keep-join-order is true or false, not {value.strip()!r}")
                header[key], block = value.strip() == "true", None
            else:
                raise fail(number, f"unknown key '{key}' (expected summary, description, tags, params, "
                                   "keep-join-order)")
            continue
        if block == "tags" and content.startswith("- "):
            header["tags"].append(_unquote(content[2:]))
        elif block == "params":
            item_indent = indent
            if content.startswith("- "):
                param = {"_line": number}
                header["params"].append(param)
                content, item_indent = content[2:].strip(), indent + 2
            if param is None:
                raise fail(number, "a parameter starts with '- name: ...'")
            key, sep, value = content.partition(":")
            key = key.strip()
            if not sep or key not in ("name", "type", "default", "description", "required"):
                raise fail(number, f"expected one of name, type, default, description, required; got {content!r}")
            param[key] = _unquote(value)
            open_scalar = (param, key, item_indent)
        else:
            raise fail(number, f"unexpected line {content!r}")
    if "params" in header:
        header["params"] = [_make_param(p, where) for p in header["params"]]
    return header


def _make_param(fields: dict, where: str) -> Param:
    number = fields.get("_line")
    name = fields.get("name", "")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"{where}:{number}: query header: parameter name {name!r} is not a SPARQL variable name")
    kind = fields.get("type", "string")
    if kind not in PARAM_TYPES:
        raise QueryError(f"{where}:{number}: query header: parameter '{name}' has type {kind!r}; "
                         f"expected one of {', '.join(PARAM_TYPES)}")
    required = fields.get("required", "false").lower()
    if required not in ("true", "false"):
        raise QueryError(f"{where}:{number}: query header: parameter '{name}': required must be true or false")
    param = Param(name, kind, fields.get("default"), fields.get("description", ""), required == "true")
    if param.default is not None:
        term_for(param, param.default, where)  # a bad default is the query author's error, caught early
    return param


# --- running -------------------------------------------------------------------

def _graph_files(paths: Sequence[Path] | None) -> list[Path]:
    """The graph files (default: the committed dump) and the concept schemes, once."""
    files = [Path(p) for p in paths] if paths else [DEFAULT_DUMP]
    if CONCEPTS.is_file() and not any(f.resolve() == CONCEPTS.resolve() for f in files if f.exists()):
        files.append(CONCEPTS)
    return files


def load_graph(paths: Sequence[Path] | None = None) -> Graph:
    """The graph files (default: the committed dump) with the concept schemes beside them.

    The dump holds the data; ontology/concepts.ttl holds the labels of the controlled values
    ("Series A", "ARR") and their skos:broader links, which the queries read.
    """
    return read_graph(_graph_files(paths))


def load_store(paths: Sequence[Path] | None = None) -> ox.Store:
    """The same files as ``load_graph``, in an in-memory Oxigraph store (about 15x faster to load)."""
    store = ox.Store()
    for path in _graph_files(paths):
        parse_into_store(path, store=store)
    return store


def load(paths: Sequence[Path] | None = None, engine: str = "oxigraph") -> Graph | ox.Store:
    """The graph to query on ``engine``: a pyoxigraph Store for "oxigraph", an rdflib Graph for "rdflib"."""
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    return load_store(paths) if engine == "oxigraph" else load_graph(paths)


def run_query(
    query: SavedQuery | str | Path,
    graph: Graph | ox.Store | None = None,
    params: Mapping[str, str] | None = None,
    endpoint: str | None = None,
    timeout: float = 60.0,
    engine: str = "oxigraph",
) -> Result:
    """Run a saved or ad-hoc query: in-process on ``graph`` (an rdflib Graph or a pyoxigraph
    Store; default: the dump loaded for ``engine``), or on the SPARQL ``endpoint`` when one is
    named (nothing else reaches the network). The answer is canonical (``canonical_result``)."""
    saved = query if isinstance(query, SavedQuery) else load_query(query)
    bindings = bind_params(saved, params)
    if endpoint:  # endpoint.select gives canonical terms already
        return canonical_result(saved, _run_remote(saved, bindings, endpoint, timeout), terms=False)
    if graph is None:
        graph = load(engine=engine)
    if isinstance(graph, ox.Store):  # Oxigraph's terms are canonical as they come
        return canonical_result(saved, _run_store(saved, bindings, graph), terms=False)
    answer = graph.query(prepare(saved), initBindings=bindings)
    if answer.type == "ASK":
        return Result((), (), bool(answer.askAnswer))
    names = tuple(str(v) for v in answer.vars or ())
    return canonical_result(saved, Result(names, tuple(tuple(row) for row in answer)))


def _run_store(saved: SavedQuery, bindings: Mapping[str, Identifier], store: ox.Store) -> Result:
    """Run on an Oxigraph store with the parameters as VALUES blocks, as on a remote server."""
    where = saved.path or saved.name
    check_local(saved)
    try:
        answer = store.query(bind_values(saved.text, bindings))
    except SyntaxError as exc:
        raise QueryError(f"{where}: query does not parse: {' '.join(str(exc).split())}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"{where}: query failed: {' '.join(str(exc).split())}") from None
    if isinstance(answer, ox.QueryBoolean):
        return Result((), (), bool(answer))
    if not isinstance(answer, ox.QuerySolutions):
        raise QueryError(f"{where}: only SELECT and ASK queries can be run, not CONSTRUCT or DESCRIBE")
    names = tuple(v.value for v in answer.variables)
    return Result(names, tuple(tuple(None if t is None else from_ox(t) for t in row) for row in answer))


def _run_remote(saved: SavedQuery, bindings: Mapping[str, Identifier], url: str, timeout: float) -> Result:
    from .endpoint import select  # only when a server is named: it pulls in SPARQLWrapper

    names, rows = select(url, bind_values(saved.text, bindings), timeout=timeout, keep_order=saved.keep_join_order)
    return Result(tuple(names), tuple(tuple(row) for row in rows))


_KEYWORD = re.compile(r"(?<![\w?$:])(SERVICE|FROM|CONSTRUCT|DESCRIBE)(?![\w:])", re.IGNORECASE)


def check_local(saved: SavedQuery) -> None:
    """What ``prepare`` refuses, found in the text (comments, strings and IRIs skipped) without
    parsing it with rdflib, which takes up to 0.4 s for a long query."""
    where = saved.path or saved.name
    for found in _KEYWORD.finditer(visible(saved.text)):
        word = found.group(1).upper()
        if word == "SERVICE":
            raise QueryError(f"{where}: SERVICE is not allowed in a local query; use --endpoint")
        if word == "FROM":
            raise QueryError(f"{where}: FROM clauses are not supported; use --graph FILE")
        raise QueryError(f"{where}: only SELECT and ASK queries can be run, not {word.title()}Query")


def prepare(saved: SavedQuery) -> Query:
    """Parse a query (once per text); refuse forms and clauses that a local run must not honour."""
    try:
        prepared = _parsed(saved.text)
    except Exception as exc:  # pyparsing and rdflib raise several unrelated types
        where = saved.path or saved.name
        line = getattr(exc, "lineno", None)
        raise QueryError(f"{where}{':' + str(line) if line else ''}: query does not parse: {exc}") from None
    form = prepared.algebra.name
    if form not in ("SelectQuery", "AskQuery"):
        raise QueryError(f"{saved.path or saved.name}: only SELECT and ASK queries can be run, not {form}")
    if prepared.algebra.get("datasetClause"):
        raise QueryError(f"{saved.path or saved.name}: FROM clauses are not supported; use --graph FILE")
    if _uses_service(prepared.algebra):
        # rdflib would fetch the SERVICE address: nothing reaches the network unless asked for
        raise QueryError(f"{saved.path or saved.name}: SERVICE is not allowed in a local query; use --endpoint")
    return prepared


@lru_cache(maxsize=64)
def _parsed(text: str) -> Query:
    return prepareQuery(text)


def _uses_service(node: object) -> bool:
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return True
        return any(_uses_service(v) for v in node.values())
    if isinstance(node, Mapping):
        return any(_uses_service(v) for v in node.values())
    if isinstance(node, (list, tuple)):
        return any(_uses_service(v) for v in node)
    return False


# --- the catalogue as a table and as documentation -------------------------------

def catalogue_result(folder: Path = QUERIES_DIR) -> Result:
    """The catalogue itself as a result, so ``--list`` works in every format."""
    rows = []
    for q in list_queries(folder):
        params = ", ".join(_param_summary(p) for p in q.params)
        rows.append((Literal(q.name), Literal(q.summary), Literal(params), Literal(", ".join(q.tags))))
    return Result(("name", "summary", "parameters", "tags"), tuple(rows))


def _param_summary(param: Param) -> str:
    if param.default is not None:
        return f"{param.name}:{param.type}={param.default}"
    return f"{param.name}:{param.type} ({'required' if param.required else 'optional'})"


def catalogue_text(fmt: str = "table", folder: Path = QUERIES_DIR) -> str:
    """What ``gpukg query --list`` prints: the catalogue in any output format."""
    if fmt == "markdown":
        return catalogue_markdown(folder)
    return format_result(catalogue_result(folder), fmt)


def catalogue_markdown(folder: Path = QUERIES_DIR) -> str:
    """The Markdown table of the catalogue that docs/queries.md (and the README) include."""
    out = ["| query | what it answers | parameters | tags |", "|---|---|---|---|"]
    for q in list_queries(folder):
        params = "<br>".join(f"`{_param_summary(p)}`: {md_cell(p.description)}" for p in q.params) or ""
        out.append(f"| `{q.name}` | {md_cell(q.summary)} | {params} | {md_cell(', '.join(q.tags))} |")
    return "\n".join(out) + "\n"


def sync_catalogue(document: str, folder: Path = QUERIES_DIR) -> str:
    """``document`` with the text between the catalogue markers replaced by the current table."""
    start, end = document.find(CATALOGUE_START), document.find(CATALOGUE_END)
    if start < 0 or end < start:
        raise QueryError(f"the document has no {CATALOGUE_START} ... {CATALOGUE_END} section")
    head = document[: start + len(CATALOGUE_START)]
    return f"{head}\n{catalogue_markdown(folder)}{document[end:]}"


# --- the command line's entry points ----------------------------------------------

def answer(
    query: str | Path,
    params: Mapping[str, str] | None = None,
    fmt: str = "table",
    graph_paths: Sequence[Path] | None = None,
    endpoint: str | None = None,
    engine: str = "oxigraph",
) -> str:
    """Load, check, run and format one query: what ``gpukg query`` prints."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    saved = load_query(query)
    bind_params(saved, params)  # bad parameters fail before any graph is read
    if endpoint:
        return format_result(run_query(saved, params=params, endpoint=endpoint), fmt)
    if engine == "rdflib":
        prepare(saved)
    else:
        check_local(saved)
    return format_result(run_query(saved, graph=load(graph_paths, engine), params=params), fmt)
