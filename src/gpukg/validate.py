"""Checking a graph against the gpukg SHACL shapes, and reporting what is wrong.

The shapes of ``ontology/shapes.ttl`` run over the data with the ontology and concept
schemes mixed in, with no inference and SHACL-SPARQL on, by one of two engines that give
the same results: "sparql" (the default: every shape compiled to SPARQL and run on Oxigraph,
``shapequery`` and ``shapestore``) or "pyshacl" (the reference, slow on large graphs). A
result becomes a ``Result`` that also carries where its fact was read (document and line) and
the entity it is about, so a reader can go straight to the report line and fix it.
"""
from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SH, SKOS, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from .errors import GpukgError, InputError, ValidationFailed
from .iris import GK, ORG, PREFIXES, PROV
from .oxstore import from_store, to_ox
from .prebinding import algebra as sparql_algebra
from .prebinding import prologue
from .store import DEFAULT_DUMP, ONTOLOGY_DIR, read_graph

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_FILES = (ONTOLOGY_DIR / "gpukg.ttl", ONTOLOGY_DIR / "concepts.ttl")
SHAPES_NS = "https://w3id.org/gpukg/shapes#"
FORMATS = ("text", "turtle", "json")
ENGINES = ("sparql", "pyshacl")  # the first is the default
_NO_INSTANCES = ("the graph has no instances of the classes the shapes check (gk:Company, gk:FundingRound, ...): "
                 "nothing to validate")

_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_ORDER = ("Violation", "Warning", "Info")
# What a fact is about, in the order a reader would look for it: grouping key of the text report.
_ABOUT = (GK.subject, GK.fundedCompany, GK.organization, ORG.organization, GK.target)
# Links from a fact to a node of its own (its amount, price or valuation).
_PARTS = (GK.amount, GK.price, GK.valuation)
# What SHACL forbids in SPARQL constraints, as rdflib's algebra names it.
_FORBIDDEN = {"values": "VALUES", "Minus": "MINUS", "ServiceGraphPattern": "SERVICE"}


@dataclass(frozen=True)
class Source:
    """A line of a report that a fact was read from."""

    document: str
    line: int

    def __str__(self) -> str:
        return f"{self.document} line {self.line}"


@dataclass(frozen=True)
class Result:
    """One SHACL validation result, with the provenance of the fact it concerns."""

    severity: str  # "Violation" | "Warning" | "Info"
    focus: Node
    path: Node | None
    value: Node | None
    message: str
    shape: Node | None
    component: Node | None
    sources: tuple[Source, ...] = ()
    entity: Node | None = None  # what the focus node is about (a company, a document ...)
    entity_label: str | None = None

    @property
    def document(self) -> str | None:
        return self.sources[0].document if self.sources else None

    @property
    def line(self) -> int | None:
        return self.sources[0].line if self.sources else None


@dataclass(frozen=True)
class Report:
    """The outcome of a validation: conforms unless there is a violation (warnings allowed)."""

    conforms: bool
    results: tuple[Result, ...]
    graph: Graph  # the sh:ValidationReport, as pySHACL wrote it

    @property
    def violations(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")

    @property
    def warnings(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.severity == "Warning")


# --- loading -------------------------------------------------------------------

def load_shapes(path: Path | None = None) -> Graph:
    """The shapes graph of ``path`` (default ``ontology/shapes.ttl``), checked against SHACL-SHACL.

    The bundled shapes are not checked again here: the test suite checks them
    (test_validate), and checking costs seconds of pySHACL meta-validation on every build."""
    bundled = path is None or Path(path).resolve() == SHAPES_FILE.resolve()
    path = Path(path) if path is not None else SHAPES_FILE
    shapes = _parse(path, "shapes")
    if not any(shapes.subjects(RDF.type, SH.NodeShape)) and not any(shapes.subjects(RDF.type, SH.PropertyShape)):
        raise InputError(str(path), "contains no SHACL shapes (no sh:NodeShape or sh:PropertyShape)")
    problems = [] if bundled else shape_problems(shapes)
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise InputError(str(path), f"is not valid SHACL: {shown}")
    return shapes


def shape_problems(shapes: Graph) -> list[str]:
    """What SHACL-SHACL finds wrong with ``shapes``, plus SPARQL that does not parse; [] if none."""
    from pyshacl.entrypoints import meta_validate

    conforms, report, _ = meta_validate(shapes, inference="none")
    problems = []
    if not conforms:
        names = _namespaces(shapes)
        for result in report.subjects(RDF.type, SH.ValidationResult):
            focus = report.value(result, SH.focusNode)
            path = report.value(result, SH.resultPath)
            message = report.value(result, SH.resultMessage)
            where = _show(focus, names) + (f" {_show(path, names)}" if path is not None else "")
            problems.append(f"{where}: {message}" if message else where)
    return sorted(problems) + _sparql_problems(shapes)


def load_ontology(paths: Sequence[Path] | None = None) -> Graph:
    """The ontology and concept schemes the shapes need (default: those of ``ontology/``)."""
    graph = Graph()
    for path in paths if paths is not None else ONTOLOGY_FILES:
        graph += _parse(Path(path), "ontology")
    return graph


def _parse(path: Path, what: str) -> Graph:
    if not path.is_file():
        raise InputError(str(path), f"no such {what} file")
    try:
        with _quiet_rdflib():
            return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many unrelated types for bad syntax
        raise InputError(str(path), f"does not parse as Turtle: {exc}") from None


def _sparql_problems(shapes: Graph) -> list[str]:
    """SPARQL of sh:select / sh:ask that does not parse, or that SHACL forbids in constraints."""
    problems = []
    for predicate in (SH.select, SH.ask):
        for node, text in shapes.subject_objects(predicate):
            owner = shapes.value(predicate=SH.sparql, object=node) or shapes.value(predicate=SH.target, object=node) or node
            where = _show(owner, _namespaces(shapes))
            try:
                algebra = sparql_algebra(prologue(shapes, node) + str(text))
            except Exception as exc:  # pyparsing and rdflib raise several types
                problems.append(f"{where}: SPARQL does not parse: {exc}")
                continue
            forbidden = sorted(_FORBIDDEN[name] for name in _algebra_names(algebra) if name in _FORBIDDEN)
            if forbidden and shapes.value(predicate=SH.sparql, object=node) is not None:
                problems.append(f"{where}: a SPARQL constraint must not use {', '.join(forbidden)} (SHACL 5.2.1)")
    return problems


def _algebra_names(node: object, found: set[str] | None = None) -> set[str]:
    found = set() if found is None else found
    if isinstance(node, CompValue):
        found.add(node.name)
        for value in node.values():
            _algebra_names(value, found)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _algebra_names(value, found)
    return found


# --- validating ----------------------------------------------------------------

def validate(data: Graph | ox.Store, shapes: Graph | None = None, ontology: Graph | None = None, *,
             engine: str = "sparql") -> Report:
    """Validate ``data`` against ``shapes`` (default: the gpukg shapes) with ``ontology`` mixed in.

    ``data`` is an rdflib Graph or a pyoxigraph Store (its default graph). ``ontology``
    defaults to ontology/gpukg.ttl and ontology/concepts.ttl; pass an empty Graph to
    validate the data on its own. ``engine``: "sparql" (the shapes compiled to SPARQL and
    run on Oxigraph, fast) or "pyshacl" (the reference); both give the same results.
    """
    if engine not in ENGINES:
        raise GpukgError(f"unknown validation engine {engine!r}: choose one of {', '.join(ENGINES)}")
    shapes = shapes if shapes is not None else load_shapes()
    ontology = ontology if ontology is not None else load_ontology()
    if engine == "pyshacl":
        return _validate_pyshacl(data if isinstance(data, Graph) else from_store(data), shapes, ontology)
    from . import shapestore

    if not (has_instances(data, shapes) if isinstance(data, Graph) else shapestore.has_instances(data, shapes)):
        raise GpukgError(_NO_INSTANCES)
    with _quiet_rdflib():
        if isinstance(data, Graph):
            store, originals = shapestore.graph_store(data, ontology)
            return shapestore.validate_store(store, shapes, originals)
        with shapestore.ontology_added(data, ontology):
            return shapestore.validate_store(data, shapes, shapestore.Originals())


def _validate_pyshacl(data: Graph, shapes: Graph, ontology: Graph) -> Report:
    from pyshacl import validate as run_shacl
    from pyshacl.errors import ReportableRuntimeError

    if not has_instances(data, shapes):
        raise GpukgError(_NO_INSTANCES)
    # pySHACL's ont_graph copies only RDFS/OWL axioms, not the SKOS concepts the scheme
    # checks need, so validate a merged copy of our own (in place: it is ours to change).
    merged = _PreparedQueryGraph()
    merged += data
    merged += ontology
    try:
        _, report_graph, _ = run_shacl(
            merged,
            shacl_graph=shapes,
            inference="none",
            advanced=True,
            inplace=True,
            allow_warnings=True,
        )
    except ReportableRuntimeError as exc:
        raise GpukgError(f"the shapes could not be applied: {getattr(exc, 'message', exc)}") from None
    except (KeyError, TypeError, ValueError) as exc:  # pySHACL and rdflib bugs on some ill-formed graphs
        raise GpukgError(f"pySHACL failed on this graph ({type(exc).__name__}: {exc}); "
                         "the sparql engine validates it") from None
    if not isinstance(report_graph, Graph):  # pySHACL returns a ValidationFailure instead of raising it
        raise GpukgError(f"the shapes could not be applied: {getattr(report_graph, 'message', report_graph)}")
    lookup = _Lookup(data, ontology)
    # Only the report's own results: those of nested shapes (sh:node) hang below them as sh:detail.
    top = [node for report in report_graph.subjects(RDF.type, SH.ValidationReport)
           for node in report_graph.objects(report, SH.result)]
    results = tuple(sorted((_result(report_graph, node, lookup) for node in top), key=_sort_key))
    return Report(conforms=not any(r.severity == "Violation" for r in results), results=results, graph=report_graph)


def validate_files(paths: Sequence[Path] | None = None, shapes_path: Path | None = None,
                   engine: str = ENGINES[0]) -> Report:
    """Validate graph files (default: the committed dump) against a shapes file (default: the gpukg shapes)."""
    if engine not in ENGINES:
        raise GpukgError(f"unknown validation engine {engine!r}: choose one of {', '.join(ENGINES)}")
    shapes = load_shapes(shapes_path)
    names = ", ".join(str(p) for p in paths) if paths else "the committed dump"
    if engine == "pyshacl":
        with _quiet_rdflib():
            data = read_graph(list(paths) if paths else None)
        if not has_instances(data, shapes):
            raise InputError(names, "has no instances of the classes the shapes check: nothing to validate")
        return validate(data, shapes, engine=engine)
    from . import shapestore

    with _quiet_rdflib():
        store, originals = shapestore.file_store(list(paths) if paths else [DEFAULT_DUMP])
        if not shapestore.has_instances(store, shapes):
            raise InputError(names, "has no instances of the classes the shapes check: nothing to validate")
        store.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in load_ontology())
        return shapestore.validate_store(store, shapes, originals)


def check_built(graph: Graph | ox.Store, force: bool = False, engine: str = ENGINES[0]) -> Report:
    """Validate a freshly built graph (an rdflib Graph or a Store) before it replaces the dump (``gpukg build``).

    Raises ``ValidationFailed`` (exit 1) naming the first violations, unless ``force``;
    warnings never stop a build: ``summary(report)`` counts them for the build log.
    """
    report = validate(graph, engine=engine)
    if report.violations and not force:
        names = _namespaces()
        shown = [f"{_show(r.focus, names)} {_show(r.path, names)}: {r.message}"
                 + (f" ({r.sources[0]})" if r.sources else "") for r in report.violations[:5]]
        more = f"; and {len(report.violations) - 5} more" if len(report.violations) > 5 else ""
        raise ValidationFailed(f"the built graph has {len(report.violations)} violation(s), so the dump was not "
                               f"replaced (--force writes it anyway): " + "; ".join(shown) + more)
    return report


def has_instances(data: Graph, shapes: Graph) -> bool:
    """Whether ``data`` types any node with a class that a shape targets."""
    targeted = set(shapes.objects(None, SH.targetClass))
    return any(cls in targeted for cls in data.objects(None, RDF.type))


class _PreparedQueryGraph(Graph):
    """A Graph that parses each SPARQL text once: pySHACL sends the same text for every focus node."""

    def query(self, query_object, *args, **kwargs):  # type: ignore[override]
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=256)
def _prepared(text: str) -> Query:
    return prepareQuery(text)


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """rdflib logs a traceback for each ill-typed literal it parses; the shapes report those anyway."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


class _Lookup:
    """Answers, for a focus node, where its fact was read and what it is about."""

    def __init__(self, data: Graph, ontology: Graph) -> None:
        self.data = data
        self.ontology = ontology

    def objects(self, subject: Node, predicate: URIRef) -> list[Node]:
        """Values in the data, or else in the ontology (the two are separate graphs here)."""
        return list(self.data.objects(subject, predicate)) or list(self.ontology.objects(subject, predicate))

    def subjects(self, predicate: URIRef, node: Node) -> list[Node]:
        return list(self.data.subjects(predicate, node))

    def value(self, subject: Node, predicate: URIRef) -> Node | None:
        """The first value in term order (several values are a violation, but the report still names one)."""
        return min(self.objects(subject, predicate), key=_term_order, default=None)

    def owner(self, node: Node) -> Node:
        """The fact a part (an amount, a price, a valuation) belongs to; the node itself otherwise."""
        for predicate in _PARTS:
            fact = min(self.subjects(predicate, node), key=_term_order, default=None)
            if fact is not None:
                return fact
        return node

    def sources(self, node: Node) -> tuple[Source, ...]:
        fact = self.owner(node)
        statements = self.objects(fact, PROV.wasDerivedFrom)
        if not statements and GK.Statement in self.objects(fact, RDF.type):
            statements = [fact]
        found = set()
        for statement in statements:
            line = self.value(statement, GK.line)
            document = self.value(statement, GK.document)
            name = self.value(document, GK.fileName) if document is not None else None
            if isinstance(line, Literal) and isinstance(line.value, int) and name is not None:
                found.add(Source(str(name), line.value))
        return tuple(sorted(found, key=lambda s: (s.document, s.line)))

    def entity(self, node: Node) -> Node:
        fact = self.owner(node)
        for predicate in _ABOUT:
            about = self.value(fact, predicate)
            if about is not None:
                return about
        document = self.value(fact, GK.document)
        return document if document is not None else fact

    def label(self, node: Node) -> str | None:
        for predicate in (SKOS.prefLabel, DCTERMS.title):
            found = self.value(node, predicate)
            if found is not None:
                return str(found)
        return None


def _term_order(node: Node) -> tuple[str, str]:
    return (type(node).__name__, str(node))


def _result(report: Graph, node: Node, lookup: _Lookup) -> Result:
    focus = report.value(node, SH.focusNode)
    messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
    entity = lookup.entity(focus)
    return Result(
        severity=_SEVERITIES.get(report.value(node, SH.resultSeverity), "Violation"),
        focus=focus,
        path=report.value(node, SH.resultPath),
        value=report.value(node, SH.value),
        message=" ".join(messages) or "does not conform to its shape",
        shape=report.value(node, SH.sourceShape),
        component=report.value(node, SH.sourceConstraintComponent),
        sources=lookup.sources(focus),
        entity=entity,
        entity_label=lookup.label(entity),
    )


def _sort_key(result: Result) -> tuple:
    return (_ORDER.index(result.severity) if result.severity in _ORDER else len(_ORDER),
            (result.entity_label or str(result.entity)).lower(), str(result.entity),
            str(result.focus), str(result.path), str(result.value), result.message)


# --- reporting -----------------------------------------------------------------

def format_report(report: Report, fmt: str = "text") -> str:
    """The report as ``text`` (for people), ``turtle`` (a sh:ValidationReport) or ``json``."""
    if fmt == "text":
        return _text(report)
    if fmt == "turtle":
        graph = report.graph
        for prefix, namespace in {**PREFIXES, "sh": SH, "xsd": XSD, "skos": SKOS, "gks": SHAPES_NS}.items():
            graph.bind(prefix, namespace, override=True)
        return graph.serialize(format="turtle")
    if fmt == "json":
        return json.dumps(_json(report), indent=2, ensure_ascii=False) + "\n"
    raise GpukgError(f"unknown report format {fmt!r}: choose one of {', '.join(FORMATS)}")


def summary(report: Report) -> str:
    """One line for logs: counts, and which shapes the results come from."""
    names = _namespaces()
    per_shape: dict[str, int] = defaultdict(int)
    for result in report.results:
        per_shape[f"{result.severity.lower()} {_show(result.shape, names)}"] += 1
    detail = ", ".join(f"{count} {key}" for key, count in sorted(per_shape.items()))
    verdict = "conforms" if report.conforms else "does not conform"
    return (f"validation: {verdict}: {len(report.violations)} violation(s), {len(report.warnings)} warning(s)"
            + (f" ({detail})" if detail else ""))


def _text(report: Report) -> str:
    names = _namespaces()
    verdict = "conforms" if report.conforms else "does NOT conform"
    lines = [f"The graph {verdict}: {len(report.violations)} violation(s), {len(report.warnings)} warning(s)."]
    for severity in _ORDER:
        chosen = [r for r in report.results if r.severity == severity]
        if not chosen:
            continue
        lines += ["", f"{severity.upper()}S ({len(chosen)})"]
        groups: dict[Node | None, list[Result]] = defaultdict(list)
        for result in chosen:
            groups[result.entity].append(result)
        for entity, results in groups.items():
            label = results[0].entity_label
            lines += ["", f"  {label} ({_show(entity, names)})" if label else f"  {_show(entity, names)}"]
            for result in results:
                lines += _text_result(result, names)
    return "\n".join(lines) + "\n"


def _text_result(result: Result, names: dict[str, str]) -> list[str]:
    head = f"    - {_show(result.focus, names)}"
    if result.path is not None:
        head += f"  {_show(result.path, names)}"
    if result.value is not None:
        head += f" = {_show(result.value, names)}"
    where = "; ".join(str(s) for s in result.sources) or "no source line"
    return [head, f"      {result.message}", f"      source: {where}; shape: {_show(result.shape, names)}"]


def _json(report: Report) -> dict:
    def term(node: Node | None) -> str | None:
        return None if node is None else str(node)

    return {
        "conforms": report.conforms,
        "violations": len(report.violations),
        "warnings": len(report.warnings),
        "results": [
            {
                "severity": r.severity,
                "focusNode": term(r.focus),
                "path": term(r.path),
                "value": term(r.value),
                "datatype": str(r.value.datatype) if isinstance(r.value, Literal) and r.value.datatype else None,
                "message": r.message,
                "sourceShape": term(r.shape),
                "sourceConstraintComponent": term(r.component),
                "sources": [{"document": s.document, "line": s.line} for s in r.sources],
                "entity": term(r.entity),
                "entityLabel": r.entity_label,
            }
            for r in report.results
        ],
    }


def _namespaces(graph: Graph | None = None) -> dict[str, str]:
    """Prefix -> namespace for display, gpukg's own first."""
    names = {prefix: str(namespace) for prefix, namespace in
             {**PREFIXES, "sh": SH, "xsd": XSD, "skos": SKOS, "rdf": RDF, "gks": SHAPES_NS}.items()}
    if graph is not None:
        for prefix, namespace in graph.namespaces():
            names.setdefault(prefix, str(namespace))
    return names


def _show(node: Node | None, names: dict[str, str]) -> str:
    """A node as a reader wants to see it: a prefixed name, or a literal quoted with its datatype."""
    if node is None:
        return "-"
    if isinstance(node, BNode):
        return "[]"
    if isinstance(node, Literal):
        if node.language:
            return f"{json.dumps(str(node), ensure_ascii=False)}@{node.language}"
        if node.datatype in (None, XSD.string):
            return json.dumps(str(node), ensure_ascii=False)
        return f"{json.dumps(str(node), ensure_ascii=False)}^^{_show(node.datatype, names)}"
    text = str(node)
    # The longest namespace wins: gkid: rather than a shorter one it happens to start with.
    for prefix, namespace in sorted(names.items(), key=lambda item: -len(item[1])):
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"
