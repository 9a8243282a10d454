"""SHACL-SPARQL queries joined with their focus nodes, instead of run once per focus node.

SHACL pre-binds ``$this`` to each focus node: the node is written wherever the variable
stands. Run that way, a constraint costs one query per focus node. Joined with a sub-query
that lists the focus nodes, it costs one query; the two give the same solutions when every
expression that reads ``$this`` sees it bound (``joined`` checks this on rdflib's algebra
and returns None otherwise). ``nested_exists`` rewrites EXISTS groups into an equivalent form
that Oxigraph evaluates by index lookups.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from collections import Counter
from functools import lru_cache
from importlib import resources

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

# Strings, IRIs and comments blanked out, so braces and keywords can be found in query text.
_HIDDEN = re.compile(r"#[^\n]*|<[^<>\"{}|^`\\\s]*>|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"",
                     re.DOTALL)
_PROLOGUE = re.compile(r"\s*(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.IGNORECASE)
_AGGREGATE = re.compile(r"\b(COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(", re.IGNORECASE)


def prologue(shapes: Graph, node: Node) -> str:
    """PREFIX lines for the query of ``node``, as pySHACL reads sh:prefixes: rdf, rdfs, owl, then the declarations."""
    found = {"rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL)}
    ontologies = set(shapes.subjects(RDF.type, OWL.Ontology))
    everywhere = {d for o in ontologies for d in shapes.objects(o, SH.declare)}
    for holder in shapes.objects(node, SH.prefixes):
        own = set(shapes.objects(holder, SH.declare))
        # Sorted: declarations are blank nodes, whose set order changes from parse to parse,
        # and the same text each time lets ``algebra`` remember its parse.
        declared = {(str(shapes.value(d, SH.prefix)), str(shapes.value(d, SH.namespace)))
                    for d in (own if (own and holder in ontologies) else everywhere | own)
                    if shapes.value(d, SH.prefix) is not None and shapes.value(d, SH.namespace) is not None}
        found.update(sorted(declared))
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in found.items())


def split_prologue(text: str) -> tuple[str, str]:
    end = 0
    while True:
        match = _PROLOGUE.match(text, end)
        if match is None:
            return text[:end], text[end:]
        end = match.end()


def expand_prefixes(body: str, prologue: str, shape: Node) -> str:
    """``body`` with prefixed names written out, so it can be nested in another query."""
    names = dict(re.findall(r"PREFIX\s+([^\s:]*):\s*<([^>]*)>", prologue, re.IGNORECASE))
    hidden = _HIDDEN.sub(lambda m: " " * len(m.group(0)), body)
    out, last = [], 0
    for match in re.finditer(r"(?<![\w?$:.\-])([A-Za-z][\w\-.]*)?:((?:[\w\-]|\\.|%[0-9A-Fa-f]{2})*)", hidden):
        prefix = match.group(1) or ""
        if prefix not in names:
            continue
        local = body[match.start(2):match.end(2)].replace("\\", "")
        out += [body[last:match.start()], f"<{names[prefix]}{local}>"]
        last = match.end()
    return "".join(out) + body[last:]


def joined(text: str, focus: str) -> str | None:
    """``text`` (a SHACL-SPARQL SELECT) joined with the focus nodes; None where that would change its meaning."""
    prologue, body = split_prologue(text)
    hidden = _HIDDEN.sub(lambda m: " " * len(m.group(0)), body)
    select = re.search(r"\bSELECT\b", hidden, re.IGNORECASE)
    start = hidden.find("{")
    if select is None or start < 0:
        return None
    depth, end = 0, -1
    for i in range(start, len(hidden)):
        depth += {"{": 1, "}": -1}.get(hidden[i], 0)
        if depth == 0:
            end = i
            break
    tail = hidden[end + 1:]
    projection = hidden[select.end():start]
    if end < 0 or re.search(r"\b(LIMIT|OFFSET|VALUES)\b", tail, re.IGNORECASE):
        return None
    group = re.search(r"\bGROUP\s+BY\b(.*?)(?:\bHAVING\b|\bORDER\b|$)", tail, re.IGNORECASE | re.DOTALL)
    if group is not None and not re.search(r"[?$]this\b", group.group(1)):
        return None
    if group is None and _AGGREGATE.search(projection):
        return None
    if re.search(r"\bAS\s+[?$]this\b", hidden, re.IGNORECASE):
        return None
    where = re.sub(r"\bWHERE\s*$", "", body[select.end():start], flags=re.IGNORECASE)
    if not re.search(r"[?$]this\b|\*", where):
        modifier = re.match(r"\s*(DISTINCT|REDUCED)?", where, re.IGNORECASE)
        where = where[:modifier.end()] + " ?this" + where[modifier.end():]
    query = (prologue + body[:select.end()] + where + "WHERE {\n  " + focus + "\n"
             + nested_exists(body[start + 1:], body))
    return query if _scoped(text) else None


# Oxigraph plans the pattern inside EXISTS without knowing which variables the row binds: for
# { ?x p ?bound ; q ?other } it hashes every ?x with q, once per row (seconds per thousand rows).
# Nested one triple pattern per EXISTS, each is an index lookup, so a star { ?x p A ; q B .
# FILTERs } is evaluated as the equivalent { ?x p A FILTER EXISTS { ?x q B FILTERs } }:
# existential quantifiers nest, and EXISTS substitutes the outer row's bindings, FILTERs included.
_UNNESTABLE = re.compile(r"[{}\[\]]|_:|\b(OPTIONAL|BIND|VALUES|GRAPH|UNION|MINUS|SELECT|SERVICE|FILTER)\b", re.IGNORECASE)


def nested_exists(text: str, whole: str | None = None) -> str:
    """``text`` with the triple patterns of every EXISTS group nested one per EXISTS (see above).

    ``whole``: the query ``text`` is part of; variables it uses outside a group are bound there.
    """
    whole = text if whole is None else whole
    hidden = _HIDDEN.sub(lambda m: " " * len(m.group(0)), text)
    out, pos = [], 0
    for match in re.finditer(r"\bEXISTS\s*\{", hidden, re.IGNORECASE):
        if match.start() < pos:
            continue
        opening = match.end() - 1
        closing = _closing(hidden, opening)
        if closing < 0:
            return text
        inner = nested_exists(text[opening + 1:closing], whole)
        outside = _variables(whole) - _variables(text[opening + 1:closing], local=True, whole=whole)
        out += [text[pos:opening + 1], _chained(inner, outside), "}"]
        pos = closing + 1
    return "".join(out) + text[pos:]


def _closing(hidden: str, opening: int) -> int:
    depth = 0
    for i in range(opening, len(hidden)):
        depth += {"{": 1, "}": -1}.get(hidden[i], 0)
        if depth == 0:
            return i
    return -1


def _variables(text: str, local: bool = False, whole: str = "") -> set[str]:
    """Variable names used in ``text``; with ``local``, those used nowhere else in ``whole``."""
    hidden = _HIDDEN.sub(lambda m: " " * len(m.group(0)), text)
    names = Counter(re.findall(r"[?$](\w+)", hidden))
    if not local:
        return set(names)
    everywhere = Counter(re.findall(r"[?$](\w+)", _HIDDEN.sub(lambda m: " " * len(m.group(0)), whole)))
    return {n for n, c in names.items() if everywhere[n] == c}


def _chained(group: str, outside: set[str] = frozenset()) -> str:
    """``T1 . T2 ... Tn FILTER ...`` as ``T1 FILTER EXISTS { T2 ... FILTER EXISTS { Tn FILTER ... } }``."""
    # Strings and IRIs masked as words, comments as spaces: the words of the block stay words.
    hidden = _HIDDEN.sub(lambda m: (" " if m.group(0).startswith("#") else "x") * len(m.group(0)), group)
    first_filter = re.search(r"\bFILTER\b", hidden, re.IGNORECASE)
    split = first_filter.start() if first_filter else len(group)
    if _UNNESTABLE.search(hidden[:split]) or not _only_filters(hidden[split:]):
        return group
    triples = _triples(group[:split], hidden[:split])
    # Only stars (one subject, several properties): measured faster nested; other shapes were slower.
    if triples is None or len(triples) < 2 or len({t[0] for t in triples}) > 1:
        return group
    # The most selective pattern first: one that reads a variable the outer row binds (not rdf:type).
    def selective(triple: tuple[str, str, str]) -> int:
        bound = [t.lstrip("?$") in outside for t in (triple[0], triple[2]) if t[:1] in "?$"]
        constant = triple[2][:1] not in "?$" and triple[1] not in ("a", f"<{RDF.type}>", "rdf:type")
        return -(2 * sum(bound) + constant)

    triples = sorted(triples, key=selective)
    text = " ".join(triples[-1]) + " . " + group[split:]
    for triple in reversed(triples[:-1]):
        text = " ".join(triple) + " . FILTER EXISTS { " + text + " }"
    return " " + text + " "


def _only_filters(hidden: str) -> bool:
    """Whether ``hidden`` holds nothing but FILTER clauses."""
    flat = hidden
    while True:
        shorter = re.sub(r"\([^()]*\)|\{[^{}]*\}", " ", flat)
        if shorter == flat:
            break
        flat = shorter
    return re.fullmatch(r"(\s*FILTER\s*(NOT\s+EXISTS|EXISTS|[A-Za-z_][\w:]*)?\s*)*", flat, re.IGNORECASE) is not None


def _triples(text: str, hidden: str) -> list[tuple[str, str, str]] | None:
    """The triple patterns of a block (``;`` and ``,`` spelt out); None if it is not a plain block."""
    def pieces(span: tuple[int, int], separator: str) -> list[tuple[int, int]]:
        found, start, depth = [], span[0], 0
        for i in range(span[0], span[1]):
            c = hidden[i]
            depth += {"(": 1, ")": -1}.get(c, 0)
            if depth == 0 and c == separator and (separator != "." or i + 1 >= span[1] or not hidden[i + 1].isdigit()):
                found.append((start, i))
                start = i + 1
        found.append((start, span[1]))
        return [(a, b) for a, b in found if hidden[a:b].strip()]

    triples = []
    for statement in pieces((0, len(text)), "."):
        subject = None
        for n, (a, b) in enumerate(pieces(statement, ";")):
            words = [w for w in re.finditer(r"\S+", hidden[a:b])]
            if n == 0:
                if len(words) < 3:
                    return None
                subject = text[a + words[0].start():a + words[0].end()]
                a, words = a + words[1].start(), words[1:]
            else:
                a, words = a + words[0].start(), words
            rest = re.match(r"\s*\S+", hidden[a:b])
            verb = text[a:a + rest.end()].strip()
            objects = pieces((a + rest.end(), b), ",")
            if not objects:
                return None
            for x, y in objects:
                obj = text[x:y].strip()
                if not obj or re.search(r"\s", hidden[x:y].strip()):
                    return None
                triples.append((subject, verb, obj))
    return triples


@lru_cache(maxsize=256)
def algebra(text: str) -> object:
    """rdflib's algebra of a query (parsing with rdflib is slow: one parse per text and process)."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text).algebra


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@lru_cache(maxsize=1)
def known_scoped() -> frozenset[str]:
    """The digests of the bundled shapes' constraints that ``parsed_scoped`` finds scoped (data/scoped.toml)."""
    table = tomllib.loads(resources.files("gpukg").joinpath("data/scoped.toml").read_text("utf-8"))
    return frozenset(table["scoped"])


def _scoped(text: str) -> bool:
    # the bundled constraints' answers are known: parsing them with rdflib took 1.2 s of every process that
    # validated, half of ``gpukg build`` on the bundled reports (a test keeps the table true)
    return digest(text) in known_scoped() or parsed_scoped(text)


def parsed_scoped(text: str) -> bool:
    """Whether joining ``text`` with its focus nodes gives what SHACL's pre-binding of ``$this`` gives.

    The focus nodes are joined into the outer group, so the FILTERs, BINDs and OPTIONAL
    conditions of that group see ``$this``. Elsewhere (a nested group, a UNION branch, a
    sub-query) an expression that mentions ``$this`` must see it bound by its own pattern:
    pre-binding writes the node there, a join would leave it unbound. Inside EXISTS the
    outer solution is substituted, so EXISTS patterns are not looked into.
    """
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import Variable

    this = Variable("this")
    try:
        root = algebra(text)
    except Exception:  # rdflib reads less SPARQL than Oxigraph: stay on the safe side
        return False

    def mentions(node: object) -> bool:
        if isinstance(node, CompValue):
            return any(mentions(v) for k, v in node.items() if k != "_vars")
        if isinstance(node, (list, tuple)):
            return any(mentions(v) for v in node)
        return node == this

    def bound(node: object) -> set:
        if not isinstance(node, CompValue):
            return set()
        if node.name == "BGP":
            return {t for triple in node.triples for t in triple if isinstance(t, Variable)}
        if node.name == "Project":
            return set(node.PV)
        if node.name == "Extend":
            return bound(node.p) | {node.var}
        if node.name in ("Join", "LeftJoin", "Union"):
            return bound(node.p1) | bound(node.p2)
        if node.name == "Minus":
            return bound(node.p1)
        if node.name == "Graph":
            return bound(node.p) | ({node.term} if isinstance(node.term, Variable) else set())
        if node.name == "values":
            return {v for row in node.res for v in row}
        return bound(node.get("p"))

    def safe(node: object, outer: bool) -> bool:
        if not isinstance(node, CompValue):
            return True
        name = node.name
        if name in ("Filter", "Extend"):
            return (outer or not mentions(node.expr) or this in bound(node.p)) and safe(node.p, outer)
        if name == "LeftJoin":
            seen = bound(node.p1) | bound(node.p2)
            return ((outer or node.expr is None or not mentions(node.expr) or this in seen)
                    and safe(node.p1, outer) and safe(node.p2, False))
        if name in ("Join", "Minus"):
            return safe(node.p1, outer) and safe(node.p2, False)
        if name == "Union":
            return safe(node.p1, False) and safe(node.p2, False)
        if name == "ToMultiSet":  # a sub-query: SHACL wants it to select $this if it uses it
            inner = node.p
            return (not mentions(inner) or this in bound(inner)) and safe(inner, False)
        if name in ("SelectQuery", "Project", "Distinct", "Reduced", "OrderBy", "Slice", "AggregateJoin", "Group"):
            return safe(node.p, outer)
        if name == "Graph":
            return safe(node.p, False)
        return True

    return safe(root, True)
