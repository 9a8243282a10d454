"""What a validation found: each result with where its fact was read, and the report written out.

Both engines (``validate``: pySHACL; ``shapestore``: the shapes run as SPARQL) give their
results as ``Result`` values, filled in by a ``Lookup`` from the data (the report line a fact
came from, the entity it is about) and ordered by ``sort_key``, so the two reports are equal.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SH, SKOS, XSD
from rdflib.term import Node

from .errors import GpukgError
from .iris import GK, ORG, PREFIXES, PROV

SHAPES_NS = "https://w3id.org/gpukg/shapes#"
FORMATS = ("text", "turtle", "json")
SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_ORDER = ("Violation", "Warning", "Info")
# What a fact is about, in the order a reader would look for it: grouping key of the text report.
_ABOUT = (GK.subject, GK.fundedCompany, GK.organization, ORG.organization, GK.target)
# Links from a fact to a node of its own (its amount, price or valuation).
_PARTS = (GK.amount, GK.price, GK.valuation)


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


class Lookup:
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


def sort_key(result: Result) -> tuple:
    return (_ORDER.index(result.severity) if result.severity in _ORDER else len(_ORDER),
            (result.entity_label or str(result.entity)).lower(), str(result.entity),
            str(result.focus), str(result.path), str(result.value), result.message)



# --- the report written out ----------------------------------------------------

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
    names = namespaces()
    per_shape: dict[str, int] = defaultdict(int)
    for result in report.results:
        per_shape[f"{result.severity.lower()} {show(result.shape, names)}"] += 1
    detail = ", ".join(f"{count} {key}" for key, count in sorted(per_shape.items()))
    verdict = "conforms" if report.conforms else "does not conform"
    return (f"validation: {verdict}: {len(report.violations)} violation(s), {len(report.warnings)} warning(s)"
            + (f" ({detail})" if detail else ""))


def _text(report: Report) -> str:
    names = namespaces()
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
            lines += ["", f"  {label} ({show(entity, names)})" if label else f"  {show(entity, names)}"]
            for result in results:
                lines += _text_result(result, names)
    return "\n".join(lines) + "\n"


def _text_result(result: Result, names: dict[str, str]) -> list[str]:
    head = f"    - {show(result.focus, names)}"
    if result.path is not None:
        head += f"  {show(result.path, names)}"
    if result.value is not None:
        head += f" = {show(result.value, names)}"
    where = "; ".join(str(s) for s in result.sources) or "no source line"
    return [head, f"      {result.message}", f"      source: {where}; shape: {show(result.shape, names)}"]


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


def namespaces(graph: Graph | None = None) -> dict[str, str]:
    """Prefix -> namespace for display, gpukg's own first."""
    names = {prefix: str(namespace) for prefix, namespace in
             {**PREFIXES, "sh": SH, "xsd": XSD, "skos": SKOS, "rdf": RDF, "gks": SHAPES_NS}.items()}
    if graph is not None:
        for prefix, namespace in graph.namespaces():
            names.setdefault(prefix, str(namespace))
    return names


def show(node: Node | None, names: dict[str, str]) -> str:
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
        return f"{json.dumps(str(node), ensure_ascii=False)}^^{show(node.datatype, names)}"
    text = str(node)
    # The longest namespace wins: gkid: rather than a shorter one it happens to start with.
    for prefix, namespace in sorted(names.items(), key=lambda item: -len(item[1])):
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"
