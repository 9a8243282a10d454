"""A query's answer: the ``Result`` every engine gives, made canonical, and written out.

``canonical_result`` is the one place where what SPARQL leaves to each engine is fixed, so
Oxigraph, rdflib and a server print the same thing. ``json``, ``csv`` and ``tsv`` follow the
W3C results formats and keep every value exact (they are what a remote run is compared with);
``table`` and ``markdown`` show money as $25M and dates as stated. Pure: values in, values out.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from .binding import SKIP
from .errors import QueryError
from .iris import PREFIXES
from .oxstore import canonical

if TYPE_CHECKING:
    from .queries import SavedQuery

FORMATS = ("table", "csv", "tsv", "json", "markdown")
_INTEGER = re.compile(r"[+-]?\d+")


@dataclass(frozen=True)
class Result:
    """Rows of rdflib terms (``None`` where a variable is unbound); ``boolean`` for ASK."""

    vars: tuple[str, ...]
    rows: tuple[tuple[Identifier | None, ...], ...]
    boolean: bool | None = None


_GROUP_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\((?P<body>[^()]*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)[^()]*)*)\)\s*AS\s*[?$](?P<name>\w+)",
    re.IGNORECASE)
_SEPARATOR = re.compile(r";\s*SEPARATOR\s*=\s*('''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\s*$",
                        re.IGNORECASE | re.DOTALL)


def concat_columns(text: str) -> dict[str, str]:
    """The variables a query binds with GROUP_CONCAT (as ``... AS ?name``), with their separators."""
    found = {}
    uncommented = SKIP.sub(lambda m: " " if m.group(0).startswith("#") else m.group(0), text)
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
    columns = concat_columns(saved.text)
    if result.boolean is not None or (not terms and not columns):
        return result
    joined = {i: columns[name] for i, name in enumerate(result.vars) if columns.get(name)}
    rows = []
    for row in result.rows:
        cells = [None if t is None else canonical(t) for t in row] if terms else list(row)
        for i, separator in joined.items():
            cell = cells[i]
            # a value without the separator is one part, in order already: no new term
            if isinstance(cell, Literal) and not cell.datatype and separator in cell:
                cells[i] = Literal(separator.join(sorted(cell.split(separator))), lang=cell.language)
        rows.append(tuple(cells))
    if joined:
        rows = _sort_ties(rows, sorted(joined))
    return Result(result.vars, tuple(rows))


def _sort_ties(rows: list[tuple], joined: list[int]) -> list[tuple]:
    """Runs of neighbouring rows that are equal outside the ``joined`` columns, each sorted by them."""
    if not rows:
        return rows
    kept = [i for i in range(len(rows[0])) if i not in joined]
    outside = itemgetter(*kept) if kept else (lambda row: ())

    def inside(row: tuple) -> tuple:
        return tuple("" if row[i] is None else str(row[i]) for i in joined)

    out: list[tuple] = []
    for _, run in groupby(rows, key=outside):
        tied = list(run)
        out += sorted(tied, key=inside) if len(tied) > 1 else tied
    return out


def format_result(result: Result, fmt: str = "table") -> str:
    """``json``, ``csv`` and ``tsv`` follow the SPARQL 1.1 results formats and keep values exact;
    ``table`` and ``markdown`` are for people (money as $25M, dates as stated)."""
    writers = {"json": _to_json, "csv": _to_csv, "tsv": _to_tsv, "table": _to_table, "markdown": _to_markdown}
    if fmt not in writers:
        raise QueryError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return writers[fmt](result)


def _json_term(term: Identifier) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    cell: dict = {"type": "literal", "value": str(term)}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        cell["datatype"] = str(term.datatype)
    return cell


def _to_json(result: Result) -> str:
    if result.boolean is not None:
        doc: dict = {"head": {}, "boolean": result.boolean}
    else:
        doc = {
            "head": {"vars": list(result.vars)},
            "results": {"bindings": [
                {name: _json_term(term) for name, term in zip(result.vars, row) if term is not None}
                for row in result.rows
            ]},
        }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _to_csv(result: Result) -> str:
    # The CSV results format: lexical forms only, blank nodes as _:label, CRLF line ends.
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerows([["boolean"], [str(result.boolean).lower()]])
        return out.getvalue()
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return out.getvalue()


_TSV_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _tsv_term(term: Identifier | None) -> str:
    """A term in SPARQL/Turtle syntax, as the TSV results format asks; tabs and newlines escaped."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    text = "".join(_TSV_ESCAPES.get(c, c) for c in str(term))
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype == XSD.integer and _INTEGER.fullmatch(str(term)):
        return str(term)
    if term.datatype and term.datatype != XSD.string:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def _to_tsv(result: Result) -> str:
    if result.boolean is not None:
        return f"?boolean\n{str(result.boolean).lower()}\n"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


# --- formatting for people -------------------------------------------------------

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
_NUMERIC = {XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger}


def format_money(value: Decimal, currency: str) -> str:
    """25000000 USD -> "$25M"; 1200000000 EUR -> "€1.2B"; 1.89 USD -> "$1.89"."""
    sign, value = ("-" if value < 0 else ""), abs(value)
    for scale, suffix in ((Decimal(10) ** 12, "T"), (Decimal(10) ** 9, "B"), (Decimal(10) ** 6, "M")):
        if value >= scale:
            number = _plain(_cents(value / scale))
            break
    else:
        number, suffix = _plain(_cents(value), group=True), ""
    symbol = _SYMBOLS.get(currency)
    return f"{sign}{symbol}{number}{suffix}" if symbol else f"{sign}{number}{suffix} {currency}".strip()


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _plain(value: Decimal, group: bool = False) -> str:
    text = f"{value:,f}" if group else f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _human(term: Identifier | None, currency: Identifier | None = None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if str(term).startswith(str(namespace)) and len(str(term)) > len(str(namespace)):
                return f"{prefix}:{str(term)[len(str(namespace)):]}"
        return str(term)
    if isinstance(term, Literal) and term.datatype in _NUMERIC:
        try:
            value = Decimal(str(term))
        except InvalidOperation:
            return str(term)
        return format_money(value, str(currency)) if currency is not None else _plain(value, group=True)
    if isinstance(term, Literal) and term.datatype == XSD.dateTime:
        return str(term)[:10]
    return " ".join(str(term).split())


def _human_rows(result: Result) -> tuple[list[str], list[list[str]]]:
    """Columns for people: a ``?xCurrency`` column is folded into ``?x`` as its currency."""
    names = list(result.vars)
    paired = {n[: -len("Currency")]: i for i, n in enumerate(names)
              if n.endswith("Currency") and n[: -len("Currency")] in names}
    hidden = set(paired.values())
    keep = [i for i in range(len(names)) if i not in hidden]
    rows = []
    for row in result.rows:
        cells = []
        for i in keep:
            currency_at = paired.get(names[i])
            cells.append(_human(row[i], row[currency_at] if currency_at is not None else None))
        rows.append(cells)
    return [names[i] for i in keep], rows


def _to_table(result: Result) -> str:
    if result.boolean is not None:
        return f"{'yes' if result.boolean else 'no'}\n"
    header, rows = _human_rows(result)
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _to_markdown(result: Result) -> str:
    if result.boolean is not None:
        return f"{'yes' if result.boolean else 'no'}\n"
    header, rows = _human_rows(result)
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(md_cell(c) for c in r) + " |" for r in rows]
    return "\n".join(out) + "\n"
