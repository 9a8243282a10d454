"""The SPARQL validation engine: a store prepared for the compiled shapes, the checks run on it, results.

``validate.validate`` calls this for ``engine="sparql"``. The data and the ontology share the
store's default graph (a set of triples, as pySHACL's merged graph is); what Oxigraph changes
in literals on the way in is kept aside (``Originals``) so that results quote values as written
and sh:datatype checks see the datatypes as written.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from .errors import GpukgError
from .findings import SEVERITIES, Lookup, Report, Result, sort_key
from .memory import release_memory
from .oxstore import canonical, from_ox, parse_into_store, select, to_ox
from .shapequery import DATATYPES_GRAPH, SIDE, Check, compile_shapes


class Originals:
    """What Oxigraph changes in an rdflib graph's literals, kept to report them as written.

    ``terms``: (subject, predicate, stored literal) -> the literal as written, where they
    differ (``"25.00"`` is stored as ``"25"``). ``records``: the literals whose datatype the
    store changes or that pySHACL finds ill-typed, as quads of ``shapequery.DATATYPES_GRAPH``
    that the sh:datatype checks read.
    """

    def __init__(self) -> None:
        self.terms: dict[tuple[Node, Node, Node], Node] = {}
        self.records: list[ox.Quad] = []

    def note(self, s: Node, p: Node, o: Literal) -> None:
        stored = canonical(o)
        if stored == o and stored.datatype == o.datatype:
            return
        self.terms[(s, p, stored)] = o
        if stored.datatype != o.datatype or not _pyshacl_valid(o):
            self.record(s, p, stored, o)

    def record(self, s: Node, p: Node, stored: Literal, written: Literal) -> None:
        node = ox.BlankNode()
        graph = ox.NamedNode(DATATYPES_GRAPH)
        for name, value in (("s", to_ox(s)), ("p", to_ox(p)), ("o", to_ox(stored)),
                            ("datatype", ox.NamedNode(str(written.datatype))),
                            ("ok", ox.Literal("true" if _pyshacl_valid(written) else "false",
                                              datatype=ox.NamedNode(str(XSD.boolean))))):
            self.records.append(ox.Quad(node, ox.NamedNode(SIDE + name), value, graph))

    def original(self, s: Node, p: Node | None, o: Node | None) -> Node | None:
        return self.terms.get((s, p, o), o) if isinstance(o, Literal) else o


def _pyshacl_valid(literal: Literal) -> bool:
    """Whether pySHACL's sh:datatype check accepts ``literal`` for its own datatype."""
    from pyshacl.constraints.core.value_constraints import DatatypeConstraintComponent

    if literal.datatype is None or getattr(literal, "ill_typed", None) is True:
        return literal.datatype is None
    return DatatypeConstraintComponent._assert_actual_datatype(None, literal, literal.datatype)


def graph_store(data: Graph, ontology: Graph) -> tuple[ox.Store, Originals]:
    """A new store with ``data`` and ``ontology`` in its default graph (as one set of triples)."""
    originals = Originals()

    def quads() -> Iterator[ox.Quad]:
        for s, p, o in data:
            if isinstance(o, Literal) and o.datatype is not None and o.datatype != XSD.string:
                originals.note(s, p, o)
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o))
        for s, p, o in ontology:
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o))

    store = ox.Store()
    store.bulk_extend(quads())
    if originals.records:
        store.bulk_extend(originals.records)
    return store, originals


# Datatypes that Oxigraph replaces when it loads a literal (derived integer types, dateTimeStamp).
_REWRITTEN = re.compile(rb"\^\^\S*?[#:](?:long|int|short|byte|nonNegativeInteger|positiveInteger|nonPositiveInteger|"
                        rb"negativeInteger|unsignedLong|unsignedInt|unsignedShort|unsignedByte|dateTimeStamp)\b")


def file_store(paths: Sequence[Path]) -> tuple[ox.Store, Originals]:
    """Graph files bulk-loaded into a new store; the datatypes Oxigraph rewrites are recorded."""
    store = ox.Store()
    originals = Originals()
    for path in paths:
        parse_into_store(path, store=store)
        # Oxigraph forgets a datatype such as xsd:int on load: read the file again for those only.
        if _REWRITTEN.search(Path(path).read_bytes()):
            for triple in ox.parse(path=str(path)):
                if isinstance(triple.object, ox.Literal) and triple.object.datatype.value.startswith(str(XSD)):
                    written = Literal(triple.object.value, datatype=URIRef(triple.object.datatype.value))
                    stored = canonical(written)
                    if stored.datatype != written.datatype:
                        originals.record(from_ox(triple.subject), from_ox(triple.predicate), stored, written)
    if originals.records:
        store.bulk_extend(originals.records)
    return store, originals


@contextmanager
def ontology_added(store: ox.Store, ontology: Graph) -> Iterator[None]:
    """The ontology triples the store lacks, in its default graph while validating, then removed."""
    added = [quad for quad in (ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in ontology) if quad not in store]
    store.extend(added)
    try:
        yield
    finally:
        for quad in added:
            store.remove(quad)


def validate_store(store: ox.Store, shapes: Graph, originals: Originals) -> Report:
    """Run the compiled shapes on ``store`` (data and ontology in its default graph)."""
    report = Graph()
    lookup = _StoreLookup(store)
    checks = compiled(shapes, bool(originals.records))
    # Oxigraph lets go of the GIL while it evaluates, so two checks run at once on two cores. The
    # SPARQL constraints go first: they are the longest (whole-graph checks, 2 to 4 s each on 2.6M
    # triples), and one of them left last kept one core busy after the other had finished. Results
    # are made as checks end, then put back in check order, so the report does not depend on timing.
    made: dict[int, list[Result]] = {}
    with ThreadPoolExecutor(min(4, os.cpu_count() or 1)) as pool:
        running = {pool.submit(lambda check: list(_rows(store, check)), checks[i]): i
                   for i in sorted(range(len(checks)), key=lambda i: checks[i].component != SH.SPARQLConstraintComponent)}
        try:
            for future in as_completed(running):
                check = checks[running[future]]
                made[running[future]] = [_store_result(check, row, originals, lookup, shapes, report) for row in future.result()]
        except BaseException:  # a check that cannot run (or Ctrl-C): say so now, not after every check queued
            pool.shutdown(cancel_futures=True)
            raise
    results = [result for i in range(len(checks)) for result in made[i]]
    release_memory()
    results.sort(key=sort_key)
    conforms = not any(r.severity == "Violation" for r in results)
    node = BNode()
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, SH.conforms, Literal(conforms)))
    for result_node in report.subjects(RDF.type, SH.ValidationResult):
        report.add((node, SH.result, result_node))
    return Report(conforms=conforms, results=tuple(results), graph=report)


_COMPILED: list[tuple[Graph, int, bool, list[Check]]] = []  # the last shapes graph compiled (kept alive)


def compiled(shapes: Graph, datatypes: bool) -> list[Check]:
    """``shapequery.compile_shapes``, kept for the last shapes graph (the same object, unchanged in size)."""
    for graph, size, records, checks in _COMPILED:
        if graph is shapes and size == len(shapes) and records == datatypes:
            return checks
    checks = compile_shapes(shapes, datatypes=datatypes)
    _COMPILED[:] = [(shapes, len(shapes), datatypes, checks)]
    return checks


def _rows(store: ox.Store, check: Check) -> Iterator[dict[str, Node]]:
    """The distinct solutions of a check, as variable -> rdflib term (unbound variables left out)."""
    seen = set()
    if check.per_focus:
        _, focus_rows = select(store, check.focus_query)
        for (focus,) in focus_rows:
            if isinstance(focus, BNode):
                raise GpukgError(f"{check.shape} needs $this written into its SPARQL, which a blank-node focus "
                                 "node cannot be: validate with the pyshacl engine")
            names, rows = select(store, check.query, {"this": focus})
            for row in rows:
                solution = {n: t for n, t in zip(names, row) if t is not None}
                solution.setdefault("this", focus)
                key = tuple(sorted(solution.items()))
                if key not in seen:
                    seen.add(key)
                    yield solution
        return
    try:
        if check.focus_first and next(iter(store.query(check.focus_query)), None) is None:
            return
        solutions = store.query(check.query)
    except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
        raise GpukgError(f"the SPARQL compiled from {check.shape} failed: {exc}") from None
    names = [v.value for v in solutions.variables]
    for solution in solutions:
        row = {n: from_ox(t) for n, t in zip(names, solution) if t is not None}
        key = tuple(sorted(row.items()))
        if key not in seen:
            seen.add(key)
            yield row


def _store_result(check: Check, row: dict[str, Node], originals: Originals, lookup: _StoreLookup,
                  shapes: Graph, report: Graph) -> Result:
    focus = row["this"]
    path = row.get("path", check.path)
    value = {"value": row.get("value"), "focus": focus, "none": None}[check.value]
    if check.constraint is not None and "value" in row:
        value = row["value"]
    value = originals.original(focus, path, value)
    if check.constraint is not None:
        # As pySHACL fills {?var}: the row's variables, then this, path and value.
        bound = {n: originals.original(focus, path, t) if n == "value" else t for n, t in row.items()}
        bound.update({k: t for k, t in (("this", focus), ("path", path), ("value", value)) if t is not None})
        messages = [_fill(str(m), bound) for m in check.messages]
    else:
        messages = [str(m) for m in check.messages] or [check.generic or "does not conform to its shape"]
    messages.sort()
    entity = lookup.entity(focus)
    result = Result(
        severity=SEVERITIES.get(check.severity, "Violation"),
        focus=focus,
        path=path,
        value=value,
        message=" ".join(messages),
        shape=check.shape,
        component=check.component,
        sources=lookup.sources(focus),
        entity=entity,
        entity_label=lookup.label(entity),
    )
    _report_result(report, result, messages, check, shapes)
    return result


def _fill(message: str, bound: dict[str, Node]) -> str:
    for name, value in bound.items():
        message = re.sub("{[?$]%s}" % re.escape(name), lambda _: str(value), message)
    return message


def _report_result(report: Graph, result: Result, messages: list[str], check: Check, shapes: Graph) -> None:
    """The result as an sh:ValidationResult of the report graph, as pySHACL writes one."""
    node = BNode()
    report.add((node, RDF.type, SH.ValidationResult))
    report.add((node, SH.focusNode, result.focus))
    report.add((node, SH.resultSeverity, check.severity))
    report.add((node, SH.sourceShape, _copied(shapes, check.shape, report)))
    report.add((node, SH.sourceConstraintComponent, check.component))
    if result.path is not None:
        report.add((node, SH.resultPath, _copied(shapes, result.path, report)))
    if result.value is not None:
        report.add((node, SH.value, result.value))
    if check.constraint is not None:
        report.add((node, SH.sourceConstraint, _copied(shapes, check.constraint, report)))
    for message in messages:
        report.add((node, SH.resultMessage, Literal(message)))


def _copied(shapes: Graph, node: Node, report: Graph) -> Node:
    """``node``, with what hangs below it when it is a blank node of the shapes graph (a path, a shape)."""
    if isinstance(node, BNode):
        todo, done = [node], set()
        while todo:
            current = todo.pop()
            if current in done:
                continue
            done.add(current)
            for p, o in shapes.predicate_objects(current):
                report.add((current, p, o))
                if isinstance(o, BNode):
                    todo.append(o)
    return node


def has_instances(store: ox.Store, shapes: Graph) -> bool:
    for cls in set(shapes.objects(None, SH.targetClass)):
        for _ in store.quads_for_pattern(None, to_ox(RDF.type), to_ox(cls), ox.DefaultGraph()):
            return True
    return False


class _StoreLookup(Lookup):
    """``Lookup``'s answers, read from a store that holds the data and the ontology."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def objects(self, subject: Node, predicate: URIRef) -> list[Node]:
        if isinstance(subject, Literal):
            return []
        return [from_ox(q.object) for q in self.store.quads_for_pattern(to_ox(subject), to_ox(predicate), None,
                                                                        ox.DefaultGraph())]

    def subjects(self, predicate: URIRef, node: Node) -> list[Node]:
        return [from_ox(q.subject) for q in self.store.quads_for_pattern(None, to_ox(predicate), to_ox(node),
                                                                         ox.DefaultGraph())]
