"""The fast path: an embedded Oxigraph store (pyoxigraph) beside rdflib.

Loading, querying and serialising a million triples is 15 to 60 times faster in
Oxigraph than in rdflib's memory store (docs in /work/shared/notes). This module
holds the store helpers and the conversion between rdflib and pyoxigraph terms.

How equality is kept across the two engines. Oxigraph stores literals of XSD
value types as values, so what comes back out of a store is the canonical form:
``"121815000.00"^^xsd:decimal`` -> ``"121815000"``, ``"007"^^xsd:integer`` -> ``"7"``,
``"1e3"^^xsd:double`` -> ``"1000"``, ``"+00:00"`` -> ``"Z"``, language tags lower-case,
and ``"x"^^xsd:string`` is the simple literal ``"x"`` (RDF 1.1 says they are one term).
It even changes datatypes: every integer type derived from xsd:integer
(``"7"^^xsd:int``, ``xsd:nonNegativeInteger``, ...) comes back as ``xsd:integer``,
without checking the type's range (``"-5"^^xsd:nonNegativeInteger`` becomes a valid
``"-5"^^xsd:integer``), and ``xsd:dateTimeStamp`` as ``xsd:dateTime``. So a SHACL
``sh:datatype xsd:nonNegativeInteger`` check run on what a store gives back fails for
every value, and an out-of-range value no longer looks ill-typed.
rdflib keeps most lexical forms as written (and normalises doubles its own way), and
its terms compare by lexical form. So the two sides are compared through
``canonical``: it rewrites an rdflib term to the form Oxigraph gives back, by the
XSD 1.1 rules Oxigraph applies, for the types gpukg uses (decimal, the integer
types, boolean, double, float, the date and time types, string, language tags).
Other datatypes (durations among them) and values Oxigraph cannot hold (integers
beyond 64 bits, decimals beyond 18 fractional digits) keep their lexical form, as
Oxigraph keeps them. Terms coming out of a store (``from_ox``) are kept exactly as
Oxigraph gives them (rdflib's own normalisation is switched off for them).
"""
from __future__ import annotations

import hashlib
import os
import re
import struct
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, XSD
from rdflib.term import Node

from .errors import InputError, QueryError
from .iris import PREFIXES

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
    "xml": ox.RdfFormat.RDF_XML, "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
}
# gkid: and concept: IRIs hold slashes, which prefixed names can only escape (gkid:org\/x):
# full IRIs read better, as in rdflib's dumps.
SERIALIZATION_PREFIXES = {
    **{name: str(ns) for name, ns in PREFIXES.items() if name not in ("gkid", "concept")},
    "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL), "skos": str(SKOS),
    "dcterms": str(DCTERMS), "sh": str(SH),
}
_XSD = str(XSD)
_STRING = _XSD + "string"

# --- terms ------------------------------------------------------------------------


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib URIRef, BNode or Literal (lexical form kept as is)."""
    if isinstance(term, URIRef):
        return _named(str(term))
    if isinstance(term, BNode):
        return _blank(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=_named(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


@lru_cache(maxsize=200_000)
def _named(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _blank(label: str) -> ox.BlankNode:
    try:
        return ox.BlankNode(label)
    except ValueError:  # rdflib accepts labels N-Triples does not; keep them distinct and stable
        return ox.BlankNode("b" + hashlib.sha256(label.encode()).hexdigest()[:32])


@lru_cache(maxsize=200_000)  # query results repeat IRIs; bounded so a long run stays small
def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """The rdflib term for a pyoxigraph term, lexical form exactly as Oxigraph gives it."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype), normalize=False)
    raise TypeError(f"not a supported RDF term (RDF-star triples are not used by gpukg): {term!r}")


def canonical(term: Node) -> Node:
    """``term`` as an Oxigraph store gives it back (see the module docstring); non-literals unchanged."""
    if not isinstance(term, Literal):
        return term
    if term.language:
        return Literal(str(term), lang=term.language.lower())
    if term.datatype is None or str(term.datatype) == _STRING:
        return Literal(str(term))
    lexical, datatype = _canonical_lexical(str(term), str(term.datatype))
    return Literal(lexical, datatype=URIRef(datatype), normalize=False)


def canonical_graph(graph: Graph) -> Graph:
    """A copy of ``graph`` with every literal in canonical form, to compare with a store's content."""
    out = Graph()
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace, override=True, replace=True)
    for s, p, o in graph:
        out.add((s, p, canonical(o)))
    return out


# Oxigraph stores these as 64-bit xsd:integer values, whatever the derived type's own range.
_INTEGER_TYPES = {"integer", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger",
                  "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
                  "unsignedByte"}
_DECIMAL_MAX = Decimal("170141183460469231731.687303715884105727")  # i128 with 18 fractional digits
_INTEGER_RE = re.compile(r"[+-]?[0-9]+")
_DECIMAL_RE = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_FLOAT_RE = re.compile(r"[+-]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|inf|infinity|nan)", re.IGNORECASE)
_TEMPORAL_RE = {
    "dateTime": re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?"),
    "dateTimeStamp": re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)"),
    "time": re.compile(r"\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?"),
    "date": re.compile(r"-?\d{4,}-\d\d-\d\d(Z|[+-]\d\d:\d\d)?"),
    "gYearMonth": re.compile(r"-?\d{4,}-\d\d(Z|[+-]\d\d:\d\d)?"),
    "gYear": re.compile(r"-?\d{4,}(Z|[+-]\d\d:\d\d)?"),
    "gMonthDay": re.compile(r"--\d\d-\d\d(Z|[+-]\d\d:\d\d)?"),
    "gMonth": re.compile(r"--\d\d(Z|[+-]\d\d:\d\d)?"),
    "gDay": re.compile(r"---\d\d(Z|[+-]\d\d:\d\d)?"),
}


def _canonical_lexical(lexical: str, datatype: str) -> tuple[str, str]:
    """(lexical form, datatype IRI) as Oxigraph stores them."""
    if not datatype.startswith(_XSD):
        return lexical, datatype
    local = datatype[len(_XSD):]
    if local in _INTEGER_TYPES:
        if _INTEGER_RE.fullmatch(lexical) and -2**63 <= int(lexical) < 2**63:
            return str(int(lexical)), _XSD + "integer"
        return lexical, datatype
    if local == "decimal":
        return _canonical_decimal(lexical), datatype
    if local == "boolean":
        return {"1": "true", "0": "false"}.get(lexical, lexical), datatype
    if local in ("double", "float"):
        return _canonical_float(lexical, single=local == "float"), datatype
    if local in _TEMPORAL_RE and _TEMPORAL_RE[local].fullmatch(lexical):
        return _canonical_temporal(lexical), _XSD + "dateTime" if local == "dateTimeStamp" else datatype
    return lexical, datatype


def _canonical_decimal(lexical: str) -> str:
    if not _DECIMAL_RE.fullmatch(lexical):
        return lexical
    value = Decimal(lexical)
    digits = f"{value:f}".partition(".")[2].rstrip("0")
    if len(digits) > 18 or abs(value) > _DECIMAL_MAX:
        return lexical
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _canonical_float(lexical: str, single: bool) -> str:
    if not _FLOAT_RE.fullmatch(lexical):
        return lexical
    value = float(lexical)
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "INF" if value > 0 else "-INF"
    if single:
        value = struct.unpack("f", struct.pack("f", value))[0]
        shortest = next(s for s in (f"{value:.{p}g}" for p in range(1, 10))
                        if struct.unpack("f", struct.pack("f", float(s)))[0] == value)
    else:
        shortest = repr(value)
    text = f"{Decimal(shortest):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _canonical_temporal(lexical: str) -> str:
    zone = re.search(r"(Z|[+-]\d\d:\d\d)$", lexical) if not lexical.startswith("--") or len(lexical) > 5 else None
    body, tz = (lexical[:zone.start()], zone.group(1)) if zone else (lexical, "")
    if tz in ("+00:00", "-00:00"):
        tz = "Z"
    fraction = re.search(r"\.(\d+)$", body)
    if fraction:
        kept = fraction.group(1).rstrip("0")
        body = body[:fraction.start()] + (f".{kept}" if kept else "")
    return body + tz


# --- stores ---------------------------------------------------------------------------


def to_store(source: Graph | Iterable[tuple[Node, Node, Node]], store: ox.Store | None = None) -> ox.Store:
    """A store holding the triples of an rdflib Graph (or of any iterable of rdflib triples), in its default graph."""
    store = ox.Store() if store is None else store
    store.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in source)
    return store


def from_store(store: ox.Store, graph: Graph | None = None) -> Graph:
    """The default graph of ``store`` as an rdflib Graph (gpukg's prefixes bound)."""
    graph = Graph() if graph is None else graph
    for name, namespace in SERIALIZATION_PREFIXES.items():
        graph.bind(name, namespace, override=True, replace=True)
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        graph.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    return graph


def parse_into_store(path: Path | str, format: str | None = None, store: ox.Store | None = None) -> ox.Store:
    """Load an RDF file into a (new) store; a bad file raises InputError naming file and line.

    ``Store.load``, not ``bulk_load``: on an in-memory store it is the faster (a 2.6M-triple
    Turtle dump: 5.7 s against 7.8 s) and peaks lower (0.93 GB against 1.11 GB)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such graph file")
    rdf_format = FORMATS[format] if format else ox.RdfFormat.from_extension(path.suffix.lstrip(".") or "ttl")
    if rdf_format is None:
        raise InputError(str(path), f"unknown RDF format {path.suffix!r}; name one of {', '.join(sorted(FORMATS))}")
    target = ox.Store() if store is None else store
    try:
        target.load(path=str(path), format=rdf_format)
    except SyntaxError as exc:
        raise InputError(str(path), f"does not parse as {rdf_format.name}: {exc.msg}", exc.lineno) from None
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"cannot be loaded: {exc}") from None
    return target


def serialize_sorted(source: ox.Store | Graph, format: str = "turtle",
                     prefixes: Mapping[str, str] | None = None) -> bytes:
    """The default graph (every graph for nq and trig) as bytes that depend only on its content.

    Triples come out in the order of their N-Triples lines, so Turtle groups each
    subject once and diffs between two builds stay small. Blank nodes are relabelled
    from their surroundings, so two loads of one file give the same bytes although
    parsers pick random labels.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(sorted(FORMATS))}")
    rdf_format = FORMATS[format]
    store = to_store(source) if isinstance(source, Graph) else source
    prefixes = dict(SERIALIZATION_PREFIXES if prefixes is None else prefixes)
    if not rdf_format.supports_datasets:
        lines = ntriples_lines(store)
        if lines is not None:
            return serialize_lines(lines, format, prefixes)
        rows = [(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
        return _sorted_prefixes(ox.serialize((ox.Triple(*row) for row in _sorted_rows(rows)),
                                             format=rdf_format, prefixes=prefixes))
    rows = [(q.subject, q.predicate, q.object, q.graph_name) for q in store]
    return _sorted_prefixes(ox.serialize((ox.Quad(*row) for row in _sorted_rows(rows)),
                                         format=rdf_format, prefixes=prefixes))


def ntriples_lines(store: ox.Store) -> list[bytes] | None:
    """The default graph's N-Triples lines, unsorted; None when a blank node needs a stable label first.

    All ``serialize_lines`` needs of the store: what is read here is safe from later changes to it."""
    lines = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).splitlines()
    return None if any(_BLANK_LINE.search(line) for line in lines if b"_:" in line) else lines


def serialize_lines(lines: list[bytes], format: str = "turtle", prefixes: Mapping[str, str] | None = None) -> bytes:
    """``ntriples_lines`` sorted and written in a triples ``format``; the list is used up (emptied).

    A store's own dump follows insertion order; sorting its N-Triples lines as bytes
    costs 0.1 s for 260k triples (a SPARQL ORDER BY: 2.7 s; Python term keys: 1.1 s)."""
    lines.sort()
    data = b"\n".join(lines) + b"\n"
    lines.clear()  # half a gigabyte at 2.6M triples: gone before the serializer needs its own
    return serialize_ntriples(data, format, prefixes)


def serialize_ntriples(data: bytes, format: str = "turtle", prefixes: Mapping[str, str] | None = None) -> bytes:
    """Sorted N-Triples lines (a store's, or ``rdf.to_ntriples``) written in a triples ``format``, in their order."""
    output = BytesIO()
    write_ntriples(data, output, format, prefixes)
    return output.getvalue()


def write_ntriples(data: bytes, output: BinaryIO, format: str = "turtle",
                   prefixes: Mapping[str, str] | None = None) -> None:
    """``serialize_ntriples``' bytes written to ``output`` (a file open for writing and reading back, at
    its start) as they are made, never held whole: 180 MB less at the peak at 10,000 companies, 1.6 GB at 100,000."""
    if FORMATS[format] == ox.RdfFormat.N_TRIPLES:
        output.write(data)
        return
    # lenient: the store's own terms, checked when they went in (0.6 s of 1.6 at a million triples)
    triples = ox.parse(data, format=ox.RdfFormat.N_TRIPLES, lenient=True)
    prefixes = dict(SERIALIZATION_PREFIXES if prefixes is None else prefixes)
    ox.serialize(triples, output, format=FORMATS[format], prefixes=prefixes)
    # Turtle's @prefix lines sorted in place: the same lines, so the same length
    output.seek(0)
    lines = []
    while (line := output.readline()).startswith(b"@prefix "):
        lines.append(line)
    output.seek(0)
    output.write(_sorted_prefixes(b"".join(lines)))
    output.seek(0, os.SEEK_END)


_BLANK_LINE = re.compile(rb"^_:|\s_:[^\s\"]*\s\.$")  # a blank node as subject or object of an N-Triples line


def _sorted_prefixes(data: bytes) -> bytes:
    """Turtle's @prefix lines in name order, whatever order the serializer's map gives them."""
    end = 0
    while data.startswith(b"@prefix ", end):
        end = data.index(b"\n", end) + 1
    # the body as a view, not a slice: one copy of the dump fewer at once (1.6 GB at 100,000 companies)
    return b"".join([*sorted(data[:end].splitlines(keepends=True)), memoryview(data)[end:]]) if end else data


def _sorted_rows(rows: list[tuple]) -> list[tuple]:
    """Rows with blank nodes relabelled by content, in the order of their N-Triples (N-Quads) lines."""
    labels = _blank_labels(rows)
    if labels:
        rows = [tuple(labels.get(t.value, t) if isinstance(t, ox.BlankNode) else t for t in row) for row in rows]
    rows.sort(key=lambda row: " ".join(str(t) for t in row if not isinstance(t, ox.DefaultGraph)))
    return rows


def _blank_labels(rows: list[tuple]) -> dict[str, ox.BlankNode]:
    """Stable labels for blank nodes: a few rounds of hashing each node's neighbourhood (Weisfeiler-Lehman).

    Nodes the hashing cannot tell apart get consecutive labels in an arbitrary
    order; such nodes have identical surroundings, so the output stays the same.
    """
    blanks = {t.value for row in rows for t in (row[0], row[2]) if isinstance(t, ox.BlankNode)}
    blanks |= {row[3].value for row in rows if len(row) > 3 and isinstance(row[3], ox.BlankNode)}
    if not blanks:
        return {}
    color = {b: "" for b in blanks}

    def text(term: object) -> str:
        return f"_:{color[term.value]}" if isinstance(term, ox.BlankNode) else str(term)

    for _ in range(4):
        signature: dict[str, list[str]] = {b: [] for b in blanks}
        for row in rows:
            for position, term in enumerate(row):
                if isinstance(term, ox.BlankNode):
                    signature[term.value].append(f"{position}|" + " ".join(text(t) if t is not term else "*" for t in row))
        color = {b: hashlib.sha256("\n".join(sorted(sig)).encode()).hexdigest()[:16] for b, sig in signature.items()}
    seen: Counter[str] = Counter()
    labels = {}
    for b in sorted(blanks, key=lambda b: color[b]):
        seen[color[b]] += 1
        labels[b] = ox.BlankNode(f"b{color[b]}{seen[color[b]]}")
    return labels


# --- queries ------------------------------------------------------------------------

_HIDDEN = re.compile(r"#[^\n]*|<[^<>\"{}|^`\\\s]*>|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"",
                     re.DOTALL)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE\b", re.IGNORECASE)
_PROJECTION = re.compile(r"\bSELECT\b(.*?)(?:\bWHERE\b|\{)", re.IGNORECASE | re.DOTALL)


def select(store: ox.Store, query: str, bindings: Mapping[str, Node] | None = None, *,
           prefixes: Mapping[str, str] | None = None) -> tuple[list[str], list[tuple[Node | None, ...]]]:
    """Run a SELECT on ``store``: (variable names, rows of rdflib terms, None where unbound).

    ``bindings`` give variables RDF terms (Python values become typed literals),
    with rdflib's ``initBindings`` meaning: the variable holds the value everywhere,
    sub-queries and FILTERs included. Oxigraph's own ``substitutions`` reach neither
    sub-queries nor unselected variables, so the value is written into the WHERE
    clause in place of the variable (plus a BIND when the variable is selected), as
    a term serialised by Oxigraph: a value can never change what the query means.
    Queries that cannot take a constant where the variable stands (``BOUND(?x)``,
    ``AS ?x``) fall back to substitutions for selected variables and a VALUES row for
    the others, which bind them everywhere but inside sub-queries.
    SERVICE clauses are refused: they would reach the network, and nothing in gpukg
    does that unless the user names an endpoint.
    """
    visible = _HIDDEN.sub(lambda m: " " * len(m.group(0)), query)
    if _SERVICE.search(visible):
        raise QueryError("SERVICE is not allowed: queries run on the local graph only")
    terms = {}
    for name, value in (bindings or {}).items():
        try:
            terms[name.lstrip("?$")] = to_ox(value if isinstance(value, Node) else Literal(value))
        except ValueError as exc:
            raise QueryError(f"bad value for ?{name.lstrip('?$')}: {exc}") from None
    projection = _PROJECTION.search(visible)
    selected = projection.group(1) if projection else ""
    everything = re.fullmatch(r"\s*(DISTINCT|REDUCED)?\s*\*\s*", selected, re.IGNORECASE) is not None
    shown = {n for n in terms if everything or re.search(rf"[?$]{re.escape(n)}\b", selected)}
    try:
        result = _run(store, _inlined(query, visible, terms, shown), {}, prefixes)
    except SyntaxError:
        substituted = {ox.Variable(n): t for n, t in terms.items() if n in shown}
        joined = {n: t for n, t in terms.items() if n not in shown}
        try:
            result = _run(store, _with_values(query, visible, joined), substituted, prefixes)
        except SyntaxError as exc:
            raise QueryError(f"query does not parse: {exc}") from None
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("not a SELECT query")
    variables = [v.value for v in result.variables]
    rows = [tuple(None if t is None else from_ox(t) for t in solution) for solution in result]
    return variables, rows


def _run(store: ox.Store, query: str, substitutions: dict, prefixes: Mapping[str, str] | None) -> object:
    try:
        return store.query(query, substitutions=substitutions or None, prefixes=dict(prefixes or {}) or None)
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from None


def _where(visible: str) -> tuple[int, int]:
    """Offsets of the outer WHERE clause's braces, found in the query with strings and IRIs blanked."""
    start = visible.find("{")
    if start < 0:
        raise QueryError("query has no WHERE clause to bind values in")
    depth = 0
    for i in range(start, len(visible)):
        depth += {"{": 1, "}": -1}.get(visible[i], 0)
        if depth == 0:
            return start, i
    raise QueryError("query does not parse: unbalanced braces")


def _inlined(query: str, visible: str, terms: dict[str, ox.Term], shown: set[str]) -> str:
    if not terms:
        return query
    start, end = _where(visible)
    pattern = re.compile(r"[?$](" + "|".join(map(re.escape, terms)) + r")\b")
    body = query[start + 1:end]
    hidden = visible[start + 1:end]
    pieces, last = [], 0
    for match in pattern.finditer(hidden):
        pieces += [body[last:match.start()], str(terms[match.group(1)])]
        last = match.end()
    binds = " ".join(f"BIND({terms[n]} AS ?{n})" for n in terms if n in shown)
    return f"{query[:start + 1]} {binds} {''.join(pieces)}{body[last:]}{query[end:]}"


def _with_values(query: str, visible: str, terms: dict[str, ox.Term]) -> str:
    if not terms:
        return query
    brace = _where(visible)[0]
    names = " ".join(f"?{n}" for n in terms)
    row = " ".join(str(t) for t in terms.values())
    return f"{query[:brace + 1]} VALUES ({names}) {{ ({row}) }} {query[brace + 1:]}"
