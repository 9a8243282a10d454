"""SHACL shapes compiled to SPARQL: one query per constraint, over every focus node at once.

pySHACL checks focus nodes one by one in Python, and runs each SHACL-SPARQL constraint once
per focus node; on a million triples that takes minutes. Here every constraint of every shape
becomes one SELECT whose rows are the validation results (``?this``, and ``?value`` where the
result has one), so Oxigraph finds all of them in one pass. ``gpukg.validate`` runs the
queries and builds the same ``Result`` objects as from pySHACL.

What is compiled, as pySHACL 0.40 reads it (it is the reference; where it departs from the
SHACL text the notes below say so):
- targets: sh:targetClass (with rdfs:subClassOf* in the data), implicit class targets,
  sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf, sh:target of type sh:SPARQLTarget;
- core components: class, datatype, nodeKind, min/maxExclusive, min/maxInclusive,
  min/maxLength, pattern (+ flags), languageIn, in, hasValue, min/maxCount, uniqueLang,
  equals, disjoint, lessThan, lessThanOrEquals, node, not, and, or, xone, closed;
  nested shapes (sh:node, sh:or, ...) become boolean SPARQL expressions;
- sh:sparql constraints: the query is joined with the focus nodes of its shape. That equals
  SHACL's pre-binding of ``$this`` when every expression that mentions ``$this`` sees it bound
  by the pattern it filters (checked on the query's algebra); a query where that does not
  hold, or with LIMIT/OFFSET or grouping that leaves ``$this`` out, is run once per focus
  node with ``$this`` written into the text (``Check.per_focus``).
Anything else (sh:qualifiedValueShape, custom constraint components, sh:sparql inside a
nested shape, $shapesGraph) raises ``GpukgError``: a shape is never skipped silently.

sh:datatype and Oxigraph: Oxigraph stores ``"5"^^xsd:int`` as ``"5"^^xsd:integer``. When the
caller knows the original datatypes (``validate`` does, for an rdflib Graph or a file), it
stores them in the named graph ``DATATYPES_GRAPH`` and the datatype checks read them there.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

from .errors import GpukgError
from .prebinding import expand_prefixes, prologue, split_prologue
from .prebinding import joined as join_focus

DATATYPES_GRAPH = "urn:x-gpukg:validate:datatypes"
SIDE = "urn:x-gpukg:validate:"  # properties of the datatype records: s, p, o, datatype, ok
_CASTABLE = {XSD[n] for n in ("string", "boolean", "integer", "decimal", "float", "double", "date", "time",
                              "dateTime", "gYear", "gYearMonth", "gMonthDay", "gMonth", "gDay", "duration",
                              "dayTimeDuration", "yearMonthDuration")}
_INTEGER_TYPES = {XSD[n] for n in ("long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                   "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
                                   "unsignedShort", "unsignedByte")}
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
# Predicates of the SHACL namespace a shape may carry that are not constraints, or that are read
# together with a constraint (sh:flags with sh:pattern, sh:ignoredProperties with sh:closed).
_NOT_CONSTRAINTS = {*_TARGETS, SH.path, SH.message, SH.severity, SH.deactivated, SH.name, SH.description,
                    SH.order, SH.group, SH.defaultValue, SH.property, SH.flags, SH.ignoredProperties,
                    SH.declare, SH.prefixes}
_VALUE_COMPONENTS = {
    SH["class"]: SH.ClassConstraintComponent, SH.datatype: SH.DatatypeConstraintComponent,
    SH.nodeKind: SH.NodeKindConstraintComponent, SH.minExclusive: SH.MinExclusiveConstraintComponent,
    SH.minInclusive: SH.MinInclusiveConstraintComponent, SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent, SH.minLength: SH.MinLengthConstraintComponent,
    SH.maxLength: SH.MaxLengthConstraintComponent, SH.pattern: SH.PatternConstraintComponent,
    SH.languageIn: SH.LanguageInConstraintComponent, SH["in"]: SH.InConstraintComponent,
    SH.node: SH.NodeConstraintComponent, SH["not"]: SH.NotConstraintComponent,
    SH["and"]: SH.AndConstraintComponent, SH["or"]: SH.OrConstraintComponent, SH.xone: SH.XoneConstraintComponent,
}
_FOCUS_COMPONENTS = {
    SH.hasValue: SH.HasValueConstraintComponent, SH.minCount: SH.MinCountConstraintComponent,
    SH.maxCount: SH.MaxCountConstraintComponent, SH.uniqueLang: SH.UniqueLangConstraintComponent,
    SH.equals: SH.EqualsConstraintComponent, SH.disjoint: SH.DisjointConstraintComponent,
    SH.lessThan: SH.LessThanConstraintComponent, SH.lessThanOrEquals: SH.LessThanOrEqualsConstraintComponent,
    SH.closed: SH.ClosedConstraintComponent, SH.sparql: SH.SPARQLConstraintComponent,
}
_NODE_KINDS = {
    SH.IRI: "!isIRI({v})", SH.BlankNode: "!isBlank({v})", SH.Literal: "!isLiteral({v})",
    SH.BlankNodeOrIRI: "isLiteral({v})", SH.BlankNodeOrLiteral: "isIRI({v})", SH.IRIOrLiteral: "isBlank({v})",
}
_TYPE = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
@dataclass(frozen=True)
class Check:
    """One compiled constraint: a SELECT whose rows are validation results of one shape and component.

    Rows bind ``?this`` (the focus node) and, where the result has a value, ``?value``;
    SPARQL constraints also bind ``?path`` and the variables their messages quote.
    ``value`` says where sh:value comes from: "value" (the row), "focus" (the focus node,
    as for node shapes), or "none".
    """

    shape: Node
    component: URIRef
    severity: URIRef
    messages: tuple[Literal, ...]
    query: str
    path: Node | None = None
    value: str = "value"
    constraint: Node | None = None  # the sh:sparql node: its rows fill {?var} in the messages
    per_focus: bool = False  # run once per focus node, ``?this`` written into the text
    focus_query: str | None = None  # the focus nodes, for per_focus and focus_first checks
    focus_first: bool = False  # ask for the focus nodes alone first: when there are none, the check is done
    generic: str | None = None  # the message when the shape has none


def compile_shapes(shapes: Graph, *, datatypes: bool = False) -> list[Check]:
    """Every constraint of every targeted, active shape in ``shapes``, as a ``Check``.

    ``datatypes``: whether the store holds original datatypes in ``DATATYPES_GRAPH``.
    Raises GpukgError for a shape that uses something this module does not compile.
    """
    if any(shapes.subjects(RDF.type, SH.ConstraintComponent)):
        raise GpukgError("the shapes declare custom constraint components (sh:ConstraintComponent), which the "
                         "SPARQL engine does not compile: use the pyshacl engine")
    return list(_Compiler(shapes, datatypes).checks())


def term(node: Node) -> str:
    """``node`` as a SPARQL term (IRIs and literals only: a blank node cannot be written into a query)."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        text = str(node).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if node.language:
            return f'"{text}"@{node.language}'
        if node.datatype is not None and node.datatype != XSD.string:
            return f'"{text}"^^<{node.datatype}>'
        return f'"{text}"'
    raise GpukgError(f"a blank node ({node}) cannot be written into SPARQL")


class _Compiler:
    def __init__(self, shapes: Graph, datatypes: bool) -> None:
        self.g = shapes
        self.datatypes = datatypes
        self.fresh = count(1)

    # --- shapes and targets ---------------------------------------------------------

    def checks(self) -> Iterator[Check]:
        targeted = {s for p in _TARGETS for s in self.g.subjects(p, None)}
        targeted |= {s for s in {*self.g.subjects(RDF.type, SH.NodeShape), *self.g.subjects(RDF.type, SH.PropertyShape)}
                     if (s, RDF.type, RDFS.Class) in self.g or (s, RDF.type, OWL.Class) in self.g}
        for shape in sorted(targeted, key=str):
            if not self.active(shape):
                continue
            focus = self.focus(shape)
            yield from self.shape_checks(shape, focus)
            if self.g.value(shape, SH.path) is None:
                for prop in sorted(self.g.objects(shape, SH.property), key=str):
                    if self.active(prop):
                        yield from self.shape_checks(prop, focus)

    def active(self, shape: Node) -> bool:
        return self.g.value(shape, SH.deactivated) != Literal(True)

    def focus(self, shape: Node) -> str:
        """A sub-query binding ``?this`` to each focus node of ``shape``, once."""
        parts = []
        classes = set(self.g.objects(shape, SH.targetClass))
        if (shape, RDF.type, RDFS.Class) in self.g or (shape, RDF.type, OWL.Class) in self.g:
            classes.add(shape)
        for cls in sorted(classes, key=str):
            parts.append(f"{{ ?_class <{RDFS.subClassOf}>* {term(cls)} . ?this <{RDF.type}> ?_class }}")
        nodes = sorted(self.g.objects(shape, SH.targetNode), key=str)
        if nodes:
            parts.append("{ VALUES ?this { " + " ".join(term(n) for n in nodes) + " } }")
        for prop in sorted(self.g.objects(shape, SH.targetSubjectsOf), key=str):
            parts.append(f"{{ ?this {term(prop)} ?_object }}")
        for prop in sorted(self.g.objects(shape, SH.targetObjectsOf), key=str):
            parts.append(f"{{ ?_subject {term(prop)} ?this }}")
        for target in self.g.objects(shape, SH.target):
            parts.append("{ " + self.sparql_target(shape, target) + " }")
        if not parts:
            raise GpukgError(f"shape {shape} has no target")
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(parts) + " } }"

    def sparql_target(self, shape: Node, target: Node) -> str:
        select = self.g.value(target, SH.select)
        if (target, RDF.type, SH.SPARQLTarget) not in self.g or select is None:
            raise self.unsupported(shape, "an sh:target that is not an sh:SPARQLTarget with sh:select")
        text = self.prefixes(target, shape) + str(select)
        prologue, body = split_prologue(text)
        # A target query is nested as a sub-query, which cannot hold PREFIX lines: expand them.
        return expand_prefixes(body, prologue, shape)

    # --- constraints --------------------------------------------------------------

    def shape_checks(self, shape: Node, focus: str) -> Iterator[Check]:
        path = self.g.value(shape, SH.path)
        if path is not None and any(self.g.objects(shape, SH.property)):
            raise self.unsupported(shape, "sh:property on a property shape")
        self.known(shape)
        severity = self.g.value(shape, SH.severity) or SH.Violation
        messages = tuple(sorted(self.g.objects(shape, SH.message), key=str))
        common = dict(shape=shape, severity=severity, messages=messages, path=path)
        values = f"?this {self.path(path)} ?value ." if path is not None else "BIND(?this AS ?value)"
        ctx = ("?this", path) if isinstance(path, URIRef) else None
        value_kind = "value" if path is not None else "focus"
        for parameter, component in _VALUE_COMPONENTS.items():
            for argument in sorted(self.g.objects(shape, parameter), key=str):
                if parameter == SH.pattern:
                    argument = (argument, self.g.value(shape, SH.flags))
                bad = self.bad(parameter, argument, "?value", ctx, (shape,))
                yield Check(component=component, value=value_kind, generic=self.generic(parameter, argument),
                            query=f"SELECT DISTINCT ?this ?value WHERE {{ {focus} {values} FILTER({bad}) }}", **common)
        for parameter, component in _FOCUS_COMPONENTS.items():
            for argument in sorted(self.g.objects(shape, parameter), key=str):
                if parameter == SH.sparql:
                    if self.g.value(argument, SH.deactivated) != Literal(True):
                        yield self.sparql_check(shape, argument, focus, common)
                    continue
                query, value = self.focus_query(shape, parameter, argument, focus, path)
                if query is not None:
                    yield Check(component=component, value=value, query=query,
                                generic=self.generic(parameter, argument), **common)

    def known(self, shape: Node) -> None:
        for predicate in set(self.g.predicates(shape, None)):
            if str(predicate).startswith(str(SH)) and predicate not in _NOT_CONSTRAINTS \
                    and predicate not in _VALUE_COMPONENTS and predicate not in _FOCUS_COMPONENTS:
                raise self.unsupported(shape, self.g.namespace_manager.normalizeUri(predicate))

    def focus_query(self, shape: Node, parameter: URIRef, argument: Node, focus: str,
                    path: Node | None) -> tuple[str | None, str]:
        """The query for a component that looks at all values of a focus node together."""
        if parameter == SH.hasValue:
            if path is None:
                return f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER(!sameTerm(?this, {term(argument)})) }}", "focus"
            return f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this {self.path(path)} {term(argument)} }} }}", "none"
        if parameter == SH.closed:
            if argument != Literal(True):
                return None, "none"
            allowed = self.closed_allowed(shape)
            return (f"SELECT DISTINCT ?this ?path ?value WHERE {{ {focus} ?this ?path ?value . "
                    f"FILTER(?path NOT IN ({', '.join(allowed)})) }}"), "value"
        if path is None:
            raise self.unsupported(shape, f"{self.g.namespace_manager.normalizeUri(parameter)} on a node shape")
        p = self.path(path)
        if parameter == SH.minCount:
            n = int(argument)
            if n <= 0:
                return None, "none"
            if n == 1:
                return f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this {p} ?_x }} }}", "none"
            return (f"SELECT ?this WHERE {{ {{ SELECT ?this (COUNT(DISTINCT ?_x) AS ?_n) WHERE {{ {focus} "
                    f"OPTIONAL {{ ?this {p} ?_x }} }} GROUP BY ?this }} FILTER(?_n < {n}) }}"), "none"
        if parameter == SH.maxCount:
            n = int(argument)
            if n == 0:
                return f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER EXISTS {{ ?this {p} ?_x }} }}", "none"
            if n == 1:
                return (f"SELECT DISTINCT ?this WHERE {{ {focus} ?this {p} ?_a . ?this {p} ?_b . "
                        f"FILTER(!sameTerm(?_a, ?_b)) }}"), "none"
            return (f"SELECT ?this WHERE {{ {{ SELECT ?this (COUNT(DISTINCT ?_x) AS ?_n) WHERE {{ {focus} "
                    f"?this {p} ?_x }} GROUP BY ?this }} FILTER(?_n > {n}) }}"), "none"
        if parameter == SH.uniqueLang:
            if argument != Literal(True):
                return None, "none"
            return (f"SELECT DISTINCT ?this ?_lang WHERE {{ {focus} ?this {p} ?_a . ?this {p} ?_b . "
                    f"FILTER(!sameTerm(?_a, ?_b) && LANG(?_a) != \"\" && LCASE(LANG(?_a)) = LCASE(LANG(?_b))) "
                    f"BIND(LCASE(LANG(?_a)) AS ?_lang) }}"), "none"
        other = term(argument)
        if parameter == SH.disjoint:
            return f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {p} ?value . ?this {other} ?value }}", "value"
        if parameter == SH.equals:
            return (f"SELECT DISTINCT ?this ?value WHERE {{ {focus} {{ ?this {p} ?value FILTER NOT EXISTS "
                    f"{{ ?this {other} ?value }} }} UNION {{ ?this {other} ?value FILTER NOT EXISTS "
                    f"{{ ?this {p} ?value }} }} }}"), "value"
        # lessThan, lessThanOrEquals, as pySHACL compares: IRIs and strings as text, a string
        # never with a non-string, everything else by SPARQL's operator.
        op = "<" if parameter == SH.lessThan else "<="
        text = "(isIRI({v}) || (isLiteral({v}) && DATATYPE({v}) IN (<{s}>, <{l}>)))"
        a, b = (text.format(v=v, s=XSD.string, l=RDF.langString) for v in ("?value", "?_other"))
        bad = f"IF({a} != {b}, true, IF({a}, !(STR(?value) {op} STR(?_other)), !COALESCE(?value {op} ?_other, false)))"
        return (f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {p} ?value . ?this {other} ?_other . "
                f"FILTER({bad}) }}"), "value"

    def closed_allowed(self, shape: Node) -> list[str]:
        allowed = {p for prop in self.g.objects(shape, SH.property)
                   for p in [self.g.value(prop, SH.path)] if isinstance(p, URIRef)}
        for ignored in self.g.objects(shape, SH.ignoredProperties):
            allowed |= set(Collection(self.g, ignored))
        return [term(p) for p in sorted(allowed, key=str)] or [f"<{SIDE}nothing>"]

    # --- value nodes: boolean expressions --------------------------------------------

    def bad(self, parameter: URIRef, argument: object, v: str, ctx: tuple[str, URIRef] | None,
            stack: tuple[Node, ...]) -> str:
        """A SPARQL expression, true when the value node in variable ``v`` violates the constraint."""
        if parameter == SH["class"]:
            return f"NOT EXISTS {{ {v} {_TYPE} {term(argument)} }}"
        if parameter == SH.datatype:
            return self.bad_datatype(argument, v, ctx)
        if parameter == SH.nodeKind:
            if argument not in _NODE_KINDS:
                raise self.unsupported(stack[-1], f"sh:nodeKind {argument}")
            return _NODE_KINDS[argument].format(v=v)
        if parameter in (SH.minExclusive, SH.minInclusive, SH.maxExclusive, SH.maxInclusive):
            op = {SH.minExclusive: ">", SH.minInclusive: ">=", SH.maxExclusive: "<", SH.maxInclusive: "<="}[parameter]
            return f"!COALESCE({v} {op} {term(argument)}, false)"
        if parameter in (SH.minLength, SH.maxLength):
            n = int(argument)
            if parameter == SH.minLength:
                return "false" if n == 0 else f"(isBlank({v}) || STRLEN(STR({v})) < {n})"
            return f"(isBlank({v}) || STRLEN(STR({v})) > {n})"
        if parameter == SH.pattern:
            pattern, flags = argument
            extra = f", {term(Literal(str(flags)))}" if flags is not None else ""
            return f"(isBlank({v}) || !REGEX(STR({v}), {term(Literal(str(pattern)))}{extra}))"
        if parameter == SH.languageIn:
            tags = [f"LANGMATCHES(LANG({v}), {term(Literal(str(t)))})" for t in Collection(self.g, argument)]
            return f"!(isLiteral({v}) && LANG({v}) != \"\" && ({' || '.join(tags) or 'false'}))"
        if parameter == SH["in"]:
            members = [f"sameTerm({v}, {term(m)})" for m in Collection(self.g, argument)]
            return f"!({' || '.join(members) or 'false'})"
        if parameter == SH.node:
            return self.violates(argument, v, ctx, stack)
        if parameter == SH["not"]:
            return f"!({self.violates(argument, v, ctx, stack)})"
        shapes = list(Collection(self.g, argument))
        if parameter == SH["and"]:
            return "(" + " || ".join(self.violates(s, v, ctx, stack) for s in shapes) + ")" if shapes else "false"
        if parameter == SH["or"]:
            return "(" + " && ".join(self.violates(s, v, ctx, stack) for s in shapes) + ")" if shapes else "true"
        if parameter == SH.xone:
            ones = " + ".join(f"IF({self.violates(s, v, ctx, stack)}, 0, 1)" for s in shapes) or "0"
            return f"({ones}) != 1"
        raise self.unsupported(stack[-1], str(parameter))

    def bad_datatype(self, datatype: Node, v: str, ctx: tuple[str, URIRef] | None) -> str:
        if datatype in (RDFS.Literal, RDFS.Datatype):  # pySHACL: every literal has these
            stored = f"isLiteral({v})"
        elif datatype in _INTEGER_TYPES:  # Oxigraph keeps these only for values it cannot read
            stored = f"(isLiteral({v}) && DATATYPE({v}) = {term(datatype)} && COALESCE(isLiteral(<{XSD.integer}>(STR({v}))), false))"
        elif datatype in _CASTABLE and datatype != XSD.string:
            stored = f"(isLiteral({v}) && DATATYPE({v}) = {term(datatype)} && COALESCE(isLiteral({term(datatype)}({v})), false))"
        else:  # pySHACL does not check the lexical form of other datatypes
            stored = f"(isLiteral({v}) && DATATYPE({v}) = {term(datatype)})"
        if not self.datatypes or datatype in (RDFS.Literal, RDFS.Datatype):
            return f"!{stored}"
        key = f"<{SIDE}s> {ctx[0]} ; <{SIDE}p> {term(ctx[1])} ; " if ctx else ""
        record = f"?_r {key}<{SIDE}o> {v}"
        ok = f'<{SIDE}datatype> {term(datatype)} ; <{SIDE}ok> "true"^^<{XSD.boolean}>'
        recorded = f"EXISTS {{ GRAPH <{DATATYPES_GRAPH}> {{ {record} }} }}"
        matches = f"EXISTS {{ GRAPH <{DATATYPES_GRAPH}> {{ {record} ; {ok} }} }}"
        return f"IF({recorded}, !{matches}, !{stored})"

    def violates(self, shape: Node, v: str, ctx: tuple[str, URIRef] | None, stack: tuple[Node, ...]) -> str:
        """True when the node in ``v`` does not conform to ``shape`` (targets ignored, as nested shapes are)."""
        if shape in stack:
            raise self.unsupported(shape, "a recursive shape")
        if not self.active(shape):
            return "false"
        stack = stack + (shape,)
        self.known(shape)
        if self.g.value(shape, SH.sparql) is not None:
            raise self.unsupported(shape, "sh:sparql in a nested shape")
        path = self.g.value(shape, SH.path)
        parts = []
        if path is None:
            for parameter in _VALUE_COMPONENTS:
                for argument in self.g.objects(shape, parameter):
                    if parameter == SH.pattern:
                        argument = (argument, self.g.value(shape, SH.flags))
                    parts.append(self.bad(parameter, argument, v, ctx, stack))
            for argument in self.g.objects(shape, SH.hasValue):
                parts.append(f"!sameTerm({v}, {term(argument)})")
            for prop in self.g.objects(shape, SH.property):
                parts.append(self.violates(prop, v, ctx, stack))
            if self.g.value(shape, SH.closed) == Literal(True):
                allowed = ", ".join(self.closed_allowed(shape))
                n = next(self.fresh)
                parts.append(f"EXISTS {{ {v} ?_p{n} ?_o{n} . FILTER(?_p{n} NOT IN ({allowed})) }}")
            for parameter in (SH.minCount, SH.maxCount, SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan,
                              SH.lessThanOrEquals):
                if self.g.value(shape, parameter) is not None:
                    raise self.unsupported(shape, f"{parameter} on a nested node shape")
        else:
            parts += self.violates_property(shape, path, v, stack)
        return "(" + " || ".join(parts) + ")" if parts else "false"

    def violates_property(self, shape: Node, path: Node, v: str, stack: tuple[Node, ...]) -> list[str]:
        p = self.path(path)
        x = f"?_v{next(self.fresh)}"
        ctx = (v, path) if isinstance(path, URIRef) else None
        parts = []
        for parameter in _VALUE_COMPONENTS:
            for argument in self.g.objects(shape, parameter):
                if parameter == SH.pattern:
                    argument = (argument, self.g.value(shape, SH.flags))
                parts.append(f"EXISTS {{ {v} {p} {x} . FILTER({self.bad(parameter, argument, x, ctx, stack)}) }}")
        for argument in self.g.objects(shape, SH.hasValue):
            parts.append(f"NOT EXISTS {{ {v} {p} {term(argument)} }}")
        for argument in self.g.objects(shape, SH.minCount):
            if int(argument) > 0:
                parts.append(f"NOT EXISTS {{ {self.distinct_values(v, p, int(argument))} }}")
        for argument in self.g.objects(shape, SH.maxCount):
            parts.append(f"EXISTS {{ {self.distinct_values(v, p, int(argument) + 1)} }}")
        if self.g.value(shape, SH.uniqueLang) == Literal(True):
            a, b = f"{x}a", f"{x}b"
            parts.append(f"EXISTS {{ {v} {p} {a} . {v} {p} {b} . FILTER(!sameTerm({a}, {b}) && LANG({a}) != \"\" "
                         f"&& LCASE(LANG({a})) = LCASE(LANG({b}))) }}")
        for argument in self.g.objects(shape, SH.disjoint):
            parts.append(f"EXISTS {{ {v} {p} {x} . {v} {term(argument)} {x} }}")
        for parameter in (SH.equals, SH.lessThan, SH.lessThanOrEquals, SH.closed):
            if self.g.value(shape, parameter) is not None:
                raise self.unsupported(shape, f"{parameter} in a nested shape")
        return parts

    def distinct_values(self, v: str, p: str, n: int) -> str:
        if n > 6:
            raise GpukgError(f"a cardinality of {n - 1} in a nested shape is not compiled to SPARQL: use the pyshacl engine")
        names = [f"?_c{next(self.fresh)}" for _ in range(n)]
        triples = " ".join(f"{v} {p} {name} ." for name in names)
        different = " && ".join(f"!sameTerm({a}, {b})" for i, a in enumerate(names) for b in names[i + 1:])
        return triples + (f" FILTER({different})" if different else "")

    # --- SHACL-SPARQL ----------------------------------------------------------------

    def sparql_check(self, shape: Node, constraint: Node, focus: str, common: dict) -> Check:
        select = self.g.value(constraint, SH.select)
        if select is None:
            raise self.unsupported(shape, "an sh:sparql constraint without sh:select")
        text = str(select)
        if re.search(r"[$?]shapesGraph\b", text):
            raise self.unsupported(shape, "$shapesGraph in SPARQL")
        path = common["path"]
        if path is not None:
            text = re.sub(r"([\s{}()])[$?]PATH\b", lambda m: m.group(1) + self.path(path), text)
        if isinstance(shape, URIRef):
            text = re.sub(r"[$?]currentShape\b", term(shape), text)
        text = self.prefixes(constraint, shape) + text
        messages = common["messages"] + tuple(sorted(
            (m for m in self.g.objects(constraint, SH.message) if m not in common["messages"]), key=str))
        base = dict(common, messages=messages, component=SH.SPARQLConstraintComponent, constraint=constraint,
                    value="value" if path is not None else "focus")
        joined = join_focus(text, focus)
        if joined is not None and any(self.g.objects(shape, SH.target)):
            # A SPARQL target usually selects nothing in a valid graph; joined, Oxigraph still
            # matched the constraint against every triple (2.2 s of 4.7 s at 2.6M triples).
            return Check(query=joined, focus_first=True, focus_query=f"SELECT ?this WHERE {{ {focus} }}", **base)
        if joined is not None:
            return Check(query=joined, **base)
        return Check(query=text, per_focus=True, focus_query=f"SELECT ?this WHERE {{ {focus} }}", **base)

    def prefixes(self, node: Node, shape: Node) -> str:
        return prologue(self.g, node)

    # --- helpers --------------------------------------------------------------------

    def path(self, path: Node) -> str:
        """A SHACL property path as a SPARQL property path."""
        if isinstance(path, URIRef):
            return term(path)
        if (path, RDF.first, None) in self.g:
            return "(" + "/".join(self.path(p) for p in Collection(self.g, path)) + ")"
        for predicate, form in ((SH.inversePath, "^({})"), (SH.zeroOrMorePath, "({})*"),
                                (SH.oneOrMorePath, "({})+"), (SH.zeroOrOnePath, "({})?")):
            inner = self.g.value(path, predicate)
            if inner is not None:
                return form.format(self.path(inner))
        alternatives = self.g.value(path, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self.path(p) for p in Collection(self.g, alternatives)) + ")"
        raise GpukgError(f"not a SHACL property path: {path}")

    def generic(self, parameter: URIRef, argument: object) -> str:
        """pySHACL's message for a shape that has no sh:message (the common components; others are shorter)."""
        from pyshacl.rdfutil import stringify_node

        shown = stringify_node(self.g, argument) if isinstance(argument, Node) else None
        texts = {
            SH["class"]: f"Value does not have class {shown}", SH.datatype: f"Value is not Literal with datatype {shown}",
            SH.nodeKind: f"Value is not of Node Kind {shown}", SH.minCount: f"Less than {shown} values",
            SH.maxCount: f"More than {shown} values", SH.hasValue: f"Node does not have value {shown}",
        }
        if parameter == SH.pattern:
            return f"Value does not match pattern '{argument[0]}'"
        return texts.get(parameter, f"Value does not conform to {self.g.namespace_manager.normalizeUri(parameter)}")

    def unsupported(self, shape: Node, what: str) -> GpukgError:
        name = self.g.namespace_manager.normalizeUri(shape) if isinstance(shape, URIRef) else "a blank-node shape"
        return GpukgError(f"{name} uses {what}, which the SPARQL validation engine does not compile: "
                          "validate with the pyshacl engine (gpukg validate --engine pyshacl)")
