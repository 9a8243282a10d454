"""User values as RDF terms, and those terms written into query text as VALUES blocks.

A value never becomes query text as it was typed: it is turned into a term of its
parameter's declared type (``term_for``) and written in its N-Triples form, in a ``VALUES``
block at the start of every group that reads the variable (``bind_values``), which binds it
the way rdflib's ``initBindings`` do, on any SPARQL 1.1 engine.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from .errors import QueryError

if TYPE_CHECKING:
    from .queries import Param, SavedQuery

# An absolute IRI that can stand between < and > in query text as it is.
ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*")
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
        if not ABSOLUTE_IRI.fullmatch(value):
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
        if isinstance(term, URIRef) and not ABSOLUTE_IRI.fullmatch(str(term)):
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


SKIP = re.compile(
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
        skipped = SKIP.match(text, i)
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


def visible(text: str) -> str:
    """The query with comments, strings and IRIs blanked out, offsets kept."""
    return SKIP.sub(lambda m: " " * len(m.group(0)), text)
