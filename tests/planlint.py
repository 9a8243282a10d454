"""How Oxigraph will run each OPTIONAL of a query, read from rdflib's algebra of it.

Oxigraph (0.5) runs an OPTIONAL as a loop over the rows it extends, looking each row's
values up, only when the OPTIONAL's body is one triple pattern (or path), possibly with
nested OPTIONALs, FILTERs and BINDs of the same kind. A body of several patterns is
matched against the whole graph first and then hash-joined: with a million triples that
costs seconds even when no row needs it. ``hashed_optionals`` lists such bodies, so that a
test can keep queries and shapes to the loop form, where the answers are the same
(``OPTIONAL { a OPTIONAL { b } FILTER(BOUND(?b)) }`` for ``OPTIONAL { a . b }``).
"""
from __future__ import annotations

from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue


def hashed_optionals(text: str) -> list[str]:
    """The OPTIONAL bodies of ``text`` that Oxigraph hash-joins, shown as their triples.
    A body holding a subquery is left out: it is hashed whatever its shape, on purpose."""
    found: list[str] = []
    _walk(translateQuery(parseQuery(text)).algebra, found)
    return found


def _walk(node: object, found: list[str]) -> None:
    if isinstance(node, CompValue):
        if node.name == "LeftJoin" and not _loops(node.p2) and not _has_subquery(node.p2):
            found.append(" . ".join(" ".join(_show(t) for t in triple) for triple in _triples(node.p2)))
        for value in node.values():
            _walk(value, found)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _walk(value, found)


def _loops(node: object) -> bool:
    if not isinstance(node, CompValue):
        return False
    if node.name == "BGP":
        return len(node.triples) <= 1
    if node.name == "LeftJoin":
        return _loops(node.p1) and _loops(node.p2)
    if node.name in ("Filter", "Extend"):
        return _loops(node.p)
    if node.name == "Union":
        return _loops(node.p1) and _loops(node.p2)
    return node.name in ("ToMultiSet", "values")


def _has_subquery(node: object) -> bool:
    if isinstance(node, CompValue):
        return node.name in ("Project", "Group", "AggregateJoin") or any(_has_subquery(v) for v in node.values())
    if isinstance(node, (list, tuple)):
        return any(_has_subquery(v) for v in node)
    return False


def _triples(node: object) -> list:
    if isinstance(node, CompValue):
        if node.name == "BGP":
            return list(node.triples)
        return [t for v in node.values() for t in _triples(v)]
    if isinstance(node, (list, tuple)):
        return [t for v in node for t in _triples(v)]
    return []


def _show(term: object) -> str:
    text = term.n3() if hasattr(term, "n3") else str(term)
    return text.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if text.startswith("<") else text
