"""Checking a graph against the gpukg SHACL shapes, and reporting what is wrong.

The shapes of ``ontology/shapes.ttl`` run over the data with the ontology and concept
schemes mixed in, with no inference and SHACL-SPARQL on, by one of two engines that give
the same results: "sparql" (the default: every shape compiled to SPARQL and run on Oxigraph,
``shapequery`` and ``shapestore``) or "pyshacl" (the reference, slow on large graphs). A
result becomes a ``findings.Result`` that also carries where its fact was read (document and
line) and the entity it is about, so a reader can go straight to the report line and fix it.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDF, SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from .errors import GpukgError, InputError, ValidationFailed
from .findings import (FORMATS, SEVERITIES, SHAPES_NS, Lookup, Report, Result, Source,  # noqa: F401 (public API)
                       format_report, namespaces, show, sort_key, summary)
from .oxstore import from_store, to_ox
from .prebinding import algebra as sparql_algebra
from .prebinding import prologue
from .store import DEFAULT_DUMP, ONTOLOGY_DIR, read_graph

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_FILES = (ONTOLOGY_DIR / "gpukg.ttl", ONTOLOGY_DIR / "concepts.ttl")
ENGINES = ("sparql", "pyshacl")  # the first is the default
_NO_INSTANCES = ("the graph has no instances of the classes the shapes check (gk:Company, gk:FundingRound, ...): "
                 "nothing to validate")

# What SHACL forbids in SPARQL constraints, as rdflib's algebra names it.
_FORBIDDEN = {"values": "VALUES", "Minus": "MINUS", "ServiceGraphPattern": "SERVICE"}


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


@lru_cache(maxsize=1)
def _bundled_shapes() -> Graph:
    """The bundled shapes, parsed once per process: the SPARQL engine keeps the checks it compiled
    for the shapes graph they came from, so a fresh graph per ``validate`` compiled them again."""
    return load_shapes()


def prepare(engine: str = "sparql") -> None:
    """Compile the bundled shapes for ``engine`` now, so that the next ``validate`` starts checking at
    once: about 0.1 s (rdflib's parse of their SPARQL, 1.2 s more, is spared by ``prebinding.known_scoped``),
    which ``gpukg build`` spends while Oxigraph counts the graph for its VoID description."""
    if engine == "sparql":
        from . import shapestore

        shapestore.compiled(_bundled_shapes(), datatypes=False)


def shape_problems(shapes: Graph) -> list[str]:
    """What SHACL-SHACL finds wrong with ``shapes``, plus SPARQL that does not parse; [] if none."""
    from pyshacl.entrypoints import meta_validate

    conforms, report, _ = meta_validate(shapes, inference="none")
    problems = []
    if not conforms:
        names = namespaces(shapes)
        for result in report.subjects(RDF.type, SH.ValidationResult):
            focus = report.value(result, SH.focusNode)
            path = report.value(result, SH.resultPath)
            message = report.value(result, SH.resultMessage)
            where = show(focus, names) + (f" {show(path, names)}" if path is not None else "")
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
            where = show(owner, namespaces(shapes))
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
    shapes = shapes if shapes is not None else _bundled_shapes() if engine == "sparql" else load_shapes()
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
    lookup = Lookup(data, ontology)
    # Only the report's own results: those of nested shapes (sh:node) hang below them as sh:detail.
    top = [node for report in report_graph.subjects(RDF.type, SH.ValidationReport)
           for node in report_graph.objects(report, SH.result)]
    results = tuple(sorted((_result(report_graph, node, lookup) for node in top), key=sort_key))
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
        names = namespaces()
        shown = [f"{show(r.focus, names)} {show(r.path, names)}: {r.message}"
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


def _result(report: Graph, node: Node, lookup: Lookup) -> Result:
    focus = report.value(node, SH.focusNode)
    messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
    entity = lookup.entity(focus)
    return Result(
        severity=SEVERITIES.get(report.value(node, SH.resultSeverity), "Violation"),
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
