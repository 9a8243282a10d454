"""The saved SPARQL query catalogue: read, bind and run (``answers`` writes the results).

Each ``queries/NAME.rq`` file opens with a grlc-style ``#+`` header (summary,
description, tags, typed parameters; the subset is documented in
docs/queries.md). User values never become query text: they are turned into
RDF terms of the declared type and bound with ``initBindings`` on rdflib, or as
``VALUES`` blocks of those terms' N-Triples form on Oxigraph and remote endpoints.

Queries run on one of three engines: an embedded Oxigraph store (the default: it
loads and answers 10 to 500 times faster), rdflib's own SPARQL engine (the reference),
or a SPARQL endpoint the user names. Every engine's answer passes through
``canonical_result``, the one place where what SPARQL leaves open is fixed, so the
three print the same thing.
"""
from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier

from .answers import FORMATS, format_result, md_cell
from .errors import QueryError
from .oxstore import canonical, from_ox, parse_into_store
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


@dataclass(frozen=True)
class Result:
    """Rows of rdflib terms (``None`` where a variable is unbound); ``boolean`` for ASK."""

    vars: tuple[str, ...]
    rows: tuple[tuple[Identifier | None, ...], ...]
    boolean: bool | None = None


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
            else:
                raise fail(number, f"unknown key '{key}' (expected summary, description, tags, params)")
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


# --- parameters ----------------------------------------------------------------

_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_INTEGER = re.compile(r"[+-]?\d+")


def term_for(param: Param, value: str, where: str = "") -> Identifier:
    """The RDF term a user's value stands for, or a QueryError naming the parameter."""
    value = str(value).strip()

    def wrong(expected: str) -> QueryError:
        prefix = f"{where}: " if where else ""
        return QueryError(f"{prefix}parameter '{param.name}' must be {expected}, got {value!r}")

    if param.type == "string":
        return Literal(value)
    if param.type == "iri":
        if not _IRI.fullmatch(value):
            raise wrong("an absolute IRI such as https://w3id.org/gpukg/id/org/coreweave")
        return URIRef(value)
    if param.type == "date":
        try:
            if not _DATE.fullmatch(value):
                raise ValueError
            return Literal(datetime.date.fromisoformat(value))
        except ValueError:
            raise wrong("an ISO date such as 2024-03-01") from None
    if param.type == "decimal":
        if not _DECIMAL.fullmatch(value):
            raise wrong("a decimal number such as 1.5")
        return Literal(Decimal(value), datatype=XSD.decimal)
    if not _INTEGER.fullmatch(value):
        raise wrong("an integer such as 12")
    return Literal(int(value))


def bind_params(query: SavedQuery, params: Mapping[str, str] | None = None) -> dict[str, Identifier]:
    """Typed RDF terms for the query's parameters: given values, else defaults; unknown names are errors."""
    params = dict(params or {})
    declared = {p.name: p for p in query.params}
    for name in params:
        if name not in declared:
            known = ", ".join(declared) or "none"
            raise QueryError(f"{query.name}: unknown parameter '{name}' (this query takes: {known})")
    bindings: dict[str, Identifier] = {}
    for param in query.params:
        value = params.get(param.name, param.default)
        if value is None:
            if param.required:
                raise QueryError(f"{query.name}: parameter '{param.name}' is required: {param.description}; "
                                 f"give it with --param {param.name}=VALUE")
            continue  # left unbound: the query reads an unbound parameter as "any"
        bindings[param.name] = term_for(param, value, query.name)
    return bindings


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    """``["investor=NVIDIA"]`` -> ``{"investor": "NVIDIA"}``; the value may itself contain '='."""
    params: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param expects NAME=VALUE, got {item!r}")
        if name.strip() in params:
            raise QueryError(f"parameter '{name.strip()}' given twice")
        params[name.strip()] = value
    return params


def bind_values(query_text: str, bindings: Mapping[str, Identifier]) -> str:
    """The query with a ``VALUES`` block of the bound terms opening every group pattern that uses them.

    rdflib's ``initBindings`` fix a variable everywhere in the query, subqueries and EXISTS
    included. One trailing VALUES block would be joined after grouping and never reach the
    FILTERs inside the query; a block at the start of each group that names the variable binds
    it to the same term in every scope where it is read, which is what ``initBindings`` does
    there, on any conformant engine (Oxigraph embedded or served, Virtuoso).
    """
    if not bindings:
        return query_text
    names = list(bindings)
    terms = []
    for name in names:
        term = bindings[name]
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"parameter name {name!r} is not a SPARQL variable name")
        if not isinstance(term, (URIRef, Literal)):
            raise QueryError(f"parameter '{name}' must be bound to an IRI or a literal")
        if isinstance(term, URIRef) and not _IRI.fullmatch(str(term)):
            raise QueryError(f"parameter '{name}' is not an absolute IRI: {str(term)!r}")
        terms.append(term.n3())
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms)}) }} "
    cuts = _group_openings(query_text, {f"?{n}" for n in names} | {f"${n}" for n in names})
    if not cuts:
        raise QueryError("cannot find a group pattern in the query to bind parameters into")
    pieces, last = [], 0
    for at in cuts:
        pieces += [query_text[last : at + 1], block]
        last = at + 1
    return "".join(pieces) + query_text[last:]


_SKIP = re.compile(
    r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^\x00-\x20<>"{}|^`\\]*>'
)
_TOKEN = re.compile(r"[^\s{}()#\"'<>,;]+|\S")


def _group_openings(text: str, variables: set[str]) -> list[int]:
    """Offsets of the '{' that open group graph patterns naming one of ``variables`` directly
    (not only inside a nested group or subquery, which gets a block of its own): not VALUES
    data blocks, and not the brace around a subquery (``{ SELECT ...``), where VALUES may not
    stand first. Comments, strings and IRIs are skipped. A block only where the variable is
    used keeps the text plain for servers: Virtuoso 7.2 dropped rows at random when a VALUES
    block stood in a group that only held a subquery using the variable. An ``EXISTS`` body gets
    no block: it sees the row it tests, so what it names counts for the group around it (a
    block there made Oxigraph take 1.5 s instead of 0.1 s for gpu-prices at 10,000 companies)."""
    tokens: list[tuple[int, str]] = []
    i = 0
    while i < len(text):
        skipped = _SKIP.match(text, i)
        if skipped:
            i = skipped.end()
        elif text[i].isspace():
            i += 1
        else:
            word = _TOKEN.match(text, i)
            tokens.append((i, word.group(0)))
            i = word.end()
    groups: list[int] = []
    # [offset of '{', named directly?, an EXISTS body?]; None: a data block or subquery brace
    stack: list[list | None] = []
    in_values_header = False
    for k, (at, token) in enumerate(tokens):
        if token.upper() == "VALUES":
            in_values_header = True
        elif token == "{":
            following = tokens[k + 1][1].upper() if k + 1 < len(tokens) else ""
            is_group = not in_values_header and following != "SELECT"
            exists = k > 0 and tokens[k - 1][1].upper() == "EXISTS"
            stack.append([at, False, exists] if is_group else None)
            in_values_header = False
        elif token == "}" and stack:
            opened = stack.pop()
            if opened and opened[1]:
                groups.append(opened[0])
        elif token in variables and stack and stack[-1] is not None:
            depth = len(stack) - 1
            while depth > 0 and stack[depth][2] and stack[depth - 1] is not None:
                depth -= 1
            stack[depth][1] = True
    return sorted(groups)


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

    names, rows = select(url, bind_values(saved.text, bindings), timeout=timeout)
    return Result(tuple(names), tuple(tuple(row) for row in rows))


_KEYWORD = re.compile(r"(?<![\w?$:])(SERVICE|FROM|CONSTRUCT|DESCRIBE)(?![\w:])", re.IGNORECASE)


def check_local(saved: SavedQuery) -> None:
    """What ``prepare`` refuses, found in the text (comments, strings and IRIs skipped) without
    parsing it with rdflib, which takes up to 0.4 s for a long query."""
    where = saved.path or saved.name
    for found in _KEYWORD.finditer(_visible(saved.text)):
        word = found.group(1).upper()
        if word == "SERVICE":
            raise QueryError(f"{where}: SERVICE is not allowed in a local query; use --endpoint")
        if word == "FROM":
            raise QueryError(f"{where}: FROM clauses are not supported; use --graph FILE")
        raise QueryError(f"{where}: only SELECT and ASK queries can be run, not {word.title()}Query")


def _visible(text: str) -> str:
    """The query with comments, strings and IRIs blanked out, offsets kept."""
    return _SKIP.sub(lambda m: " " * len(m.group(0)), text)


# --- canonical answers ----------------------------------------------------------

_GROUP_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\((?P<body>[^()]*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)[^()]*)*)\)\s*AS\s*[?$](?P<name>\w+)",
    re.IGNORECASE)
_SEPARATOR = re.compile(r";\s*SEPARATOR\s*=\s*('''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\s*$",
                        re.IGNORECASE | re.DOTALL)


def concat_columns(text: str) -> dict[str, str]:
    """The variables a query binds with GROUP_CONCAT (as ``... AS ?name``), with their separators."""
    found = {}
    uncommented = _SKIP.sub(lambda m: " " if m.group(0).startswith("#") else m.group(0), text)
    for match in _GROUP_CONCAT.finditer(uncommented):
        separator = _SEPARATOR.search(match.group("body"))
        found[match.group("name")] = _unescape(separator.group(1)) if separator else " "
    return found


def _unescape(literal: str) -> str:
    quote = 3 if literal[:3] in ('"""', "'''") else 1
    body = literal[quote:-quote]
    escapes = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), body)


def canonical_result(saved: SavedQuery, result: Result, terms: bool = True) -> Result:
    """The answer with what SPARQL leaves to each engine fixed, the same for every engine.

    - Literals take their canonical XSD form, as Oxigraph stores them ("25000000.00" and
      "25000000" are one decimal; see ``oxstore.canonical``); ``terms=False`` skips this
      for answers whose terms are canonical already (Oxigraph's, ``endpoint.select``'s).
    - A GROUP_CONCAT joins its values in no defined order: the parts of each column a
      ``GROUP_CONCAT(...; separator=S) AS ?x`` binds are sorted and joined again with S.
    - Rows that differ only in such columns come in the order of their canonical text:
      an ORDER BY on the joined text cannot order them the same way on every engine.
    Otherwise the row order is the query's ORDER BY; every saved query orders by enough
    columns that no two different rows tie.
    """
    if result.boolean is not None or (not terms and not concat_columns(saved.text)):
        return result
    joined = {i: sep for i, name in enumerate(result.vars) for n, sep in concat_columns(saved.text).items()
              if n == name and sep}
    rows = []
    for row in result.rows:
        cells = [None if t is None else canonical(t) for t in row] if terms else list(row)
        for i, separator in joined.items():
            if isinstance(cells[i], Literal) and not cells[i].datatype:
                parts = sorted(str(cells[i]).split(separator))
                cells[i] = Literal(separator.join(parts), lang=cells[i].language)
        rows.append(tuple(cells))
    if joined:
        rows = _sort_ties(rows, sorted(joined))
    return Result(result.vars, tuple(rows))


def _sort_ties(rows: list[tuple], joined: list[int]) -> list[tuple]:
    """Runs of neighbouring rows that are equal outside the ``joined`` columns, each sorted by them."""
    def outside(row: tuple) -> tuple:
        return tuple(cell for i, cell in enumerate(row) if i not in joined)

    def inside(row: tuple) -> tuple:
        return tuple("" if row[i] is None else str(row[i]) for i in joined)

    out: list[tuple] = []
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or outside(rows[end]) != outside(rows[start]):
            out += sorted(rows[start:end], key=inside)
            start = end
    return out


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
