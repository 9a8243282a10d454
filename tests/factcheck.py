"""Checking a built graph against hand-written lists of expected facts.

An expected-facts file (``tests/data/expected/<report-stem>.toml``) says what a
careful reader finds in one report, each entry with the 1-based line it is
stated on. ``check`` answers with one sentence per entry the graph does not
hold, so a failing test shows every miss at once.

A fact is found only if it is ``prov:wasDerivedFrom`` a ``gk:Statement`` whose
``gk:line`` (an xsd:integer) is the entry's line and whose ``gk:document`` has
the report's ``gk:fileName``: a right value read from the wrong place does not
count. Numbers in the graph count only as typed numeric literals.
Names match ``skos:prefLabel`` or ``skos:altLabel`` case-insensitively; numbers
compare as Decimals (``25000000.00`` equals ``25000000``).

Entry kinds and their keys (``line`` on every kind but same/distinct/warning):
  round          company, type, amount | amount_min+amount_max, currency, date,
                 leads, participants, investors (lead or participant: the report
                 does not say which), valuation, valuation_currency, qualifiers
  acquisition    acquirer, target, price, currency, date, status, qualifiers
  observation    subject (omitted: market-wide, so no gk:subject), metric,
                 value | min+max, currency | unit, per_unit, segment (contained
                 in gk:segment, any case), related, date, qualifiers
  figure         value (or a list: any of them), subject, currency, unit; the
                 number must be a value/minValue/maxValue of some observation
  role           person, company, role, date (when the role was taken up)
  founding       company, date | start+end, qualifiers
  headquarters   company, place
  backing        investor, company
  category       company, category (the company must also carry gk:category)
  not_category   company, category (no such assignment from that line)
  citation       url
  statement      text_contains
  same           names (all resolve to exactly one entity node)
  distinct       names (no entity node carries two of them)
  warning        line (optional), contains (optional); see ``check_warnings``
  extra          line, kind (one of ``EXHAUSTIVE``), note: a fact of that kind the
                 graph holds at that line and the file knowingly does not list
                 (wrong, or not asserted either way); ``note`` says which and why
Rounds, acquisitions, backings, foundings, headquarters, roles and categories (``EXHAUSTIVE``)
are listed in full: ``unexpected`` answers with one sentence per such fact of the
graph that no entry of its kind matches and no ``[[extra]]`` entry excuses, so a
fact made up fails a test too.
Leniencies, each for a reading the data model leaves open: ``line`` may be a
list (the fact may come from any of those lines, e.g. a section heading or the
bullet under it); every slug key (type, metric, unit, per_unit, role, category,
status) may be a list of acceptable slugs, and a slug matches the concept
``concept:<scheme>/<slug>`` or any concept whose pref/alt label slugs to it.
Qualifiers listed must all be present; others may be present too.
Dates compare with the lexical ``gk:date``; ``gk:datePrecision`` and
``gk:periodStart``/``gk:periodEnd``, when present, must agree with it.
"""
from __future__ import annotations

import calendar
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

# Restated from docs/data-model.md on purpose: the checker must not share the loader's IRI code.
GK = Namespace("https://w3id.org/gpukg/ontology#")
CONCEPT = Namespace("https://w3id.org/gpukg/concept/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
TIME = Namespace("http://www.w3.org/2006/time#")
_NS = {"gk": GK, "schema": SCHEMA, "org": ORG, "prov": PROV, "skos": SKOS, "rdf": RDF}

_STATEMENTS = prepareQuery(
    """SELECT ?st ?line WHERE {
         ?st a gk:Statement ; gk:line ?line ; gk:document ?doc .
         ?doc gk:fileName ?name .
         FILTER(STR(?name) = ?file)
       }""",
    initNs=_NS,
)
_FACTS_FROM = prepareQuery(
    "SELECT DISTINCT ?fact WHERE { ?fact prov:wasDerivedFrom ?st ; a ?class }",
    initNs=_NS,
)
_DOCUMENTS = prepareQuery(
    "SELECT ?doc WHERE { ?doc a gk:Document ; gk:fileName ?name . FILTER(STR(?name) = ?file) }",
    initNs=_NS,
)
_DESCRIBE = prepareQuery("SELECT ?p ?o WHERE { ?node ?p ?o }")
_LABELS = prepareQuery("SELECT ?label WHERE { ?node skos:prefLabel|skos:altLabel ?label }", initNs=_NS)
_NAMED = prepareQuery(
    """SELECT DISTINCT ?e WHERE {
         VALUES ?type { gk:Company gk:Investor schema:Organization schema:Person schema:Place }
         ?e a ?type ; skos:prefLabel|skos:altLabel ?label .
         FILTER(LCASE(STR(?label)) = LCASE(STR(?name)))
       }""",
    initNs=_NS,
)

# The kinds of fact a report's expected file lists in full: any other such fact in its graph is a problem.
EXHAUSTIVE = ("round", "acquisition", "backing", "founding", "headquarters", "role", "category")

_CLASSES = {
    "round": GK.FundingRound,
    "acquisition": GK.Acquisition,
    "observation": GK.Observation,
    "figure": GK.Observation,
    "role": GK.RoleAssignment,
    "founding": GK.Founding,
    "headquarters": GK.HeadquartersLocation,
    "backing": GK.Backing,
    "category": GK.CategoryAssignment,
    "not_category": GK.CategoryAssignment,
}
_REQUIRED = {
    "round": ("line", "company", "type"),
    "acquisition": ("line", "acquirer", "target"),
    "observation": ("line", "metric"),
    "figure": ("line", "value"),
    "role": ("line", "person", "company", "role"),
    "founding": ("line", "company"),
    "headquarters": ("line", "company", "place"),
    "backing": ("line", "investor", "company"),
    "category": ("line", "company", "category"),
    "not_category": ("line", "company", "category"),
    "citation": ("line", "url"),
    "statement": ("line", "text_contains"),
    "same": ("names",),
    "distinct": ("names",),
    "warning": (),
}
# Top-level keys that are not entry lists: where the report is, and notes for other tests.
_HEADER_KEYS = {"report", "reports", "answers"}
_NUMERIC = {XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger, XSD.positiveInteger}
_PRECISION = {4: TIME.unitYear, 7: TIME.unitMonth, 10: TIME.unitDay}

Problems = list[str]


def load_expected(path: Path) -> dict[str, Any]:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def report_file_name(expected: dict[str, Any]) -> str:
    return Path(expected["report"]).name


def check(graph: Graph, expected: dict[str, Any]) -> list[str]:
    """One human-readable miss per expected entry the graph does not hold."""
    checker = _Checker(graph, report_file_name(expected) if "report" in expected else "")
    misses: list[str] = []
    if "report" in expected and not checker.has_document():
        misses.append(f"no gk:Document with gk:fileName {checker.file!r}")
    for kind, entries in expected.items():
        if kind in _HEADER_KEYS or kind in ("warning", "extra"):
            continue
        if kind not in _REQUIRED:
            misses.append(f"unknown entry kind [[{kind}]] in the expected facts")
            continue
        for entry in entries:
            miss = checker.check_entry(kind, entry)
            if miss:
                misses.append(miss)
    return misses


def unexpected(graph: Graph, expected: dict[str, Any]) -> list[str]:
    """One sentence per fact of an ``EXHAUSTIVE`` kind derived from the report that no entry of its
    kind matches and no ``[[extra]]`` entry excuses (a fact the loader made up, or one the expected
    file forgot), and one per ``[[extra]]`` entry that excuses nothing (it must go when its fact does)."""
    checker = _Checker(graph, report_file_name(expected))
    problems: list[str] = []
    excuses = expected.get("extra", [])
    for entry in excuses:
        lacking = [key for key in ("line", "kind", "note") if key not in entry]
        if lacking or entry.get("kind") not in EXHAUSTIVE:
            problems.append(f"[[extra]] entry {entry} lacks {', '.join(lacking) or 'a kind of ' + '/'.join(EXHAUSTIVE)}")
    excused = {(e["kind"], int(line)) for e in excuses if "kind" in e and "line" in e for line in _as_list(e["line"])}
    used: set[tuple[str, int]] = set()
    for kind in EXHAUSTIVE:
        matched = {fact for entry in expected.get(kind, []) for fact in checker.matching(kind, entry)}
        for fact in sorted(checker.facts_of(_CLASSES[kind]) - matched):
            lines = checker.lines_of(fact)
            hits = {(kind, line) for line in lines} & excused
            if hits:
                used |= hits
            else:
                where = lines[0] if len(lines) == 1 else lines
                problems.append(f"line {where}: {kind} {checker.sketch(fact)}: no [[{kind}]] entry describes it")
    for entry in excuses:
        if "kind" in entry and "line" in entry and not any((entry["kind"], int(n)) in used for n in _as_list(entry["line"])):
            problems.append(f"line {entry['line']}: [[extra]] {entry['kind']} excuses no {entry['kind']} of the graph: remove it")
    return problems


def check_warnings(warnings: Iterable[Any], expected: dict[str, Any]) -> list[str]:
    """One miss per ``[[warning]]`` entry that no loader warning answers.

    A warning answers an entry when its ``.path`` names the report's file, its
    ``.line`` equals the entry's ``line`` (if given) and its ``.message``
    contains ``contains`` (if given, any case).
    """
    file = report_file_name(expected)
    warnings = list(warnings)
    misses = []
    for entry in expected.get("warning", []):
        line, text = entry.get("line"), str(entry.get("contains", "")).lower()
        found = any(
            Path(str(w.path)).name == file
            and (line is None or w.line == line)
            and text in str(w.message).lower()
            for w in warnings
        )
        if not found:
            where = f"line {line}" if line is not None else file
            said = f" containing {text!r}" if text else ""
            misses.append(f"{where}: warning{said} naming {file}: not given")
    return misses


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _number(term: Node) -> Decimal | None:
    """A graph value as a Decimal; None unless it is a typed numeric literal."""
    if isinstance(term, Literal) and term.datatype in _NUMERIC:
        return _decimal(term)
    return None


def _period(text: str, last: bool) -> str:
    """First (or last) day covered by '2024', '2024-03' or '2024-03-05'."""
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if last else 1)
    if len(parts) > 2:
        day = parts[2]
    else:
        day = calendar.monthrange(year, month)[1] if last else 1
    return f"{year:04d}-{month:02d}-{day:02d}"


class _Checker:
    def __init__(self, graph: Graph, file: str) -> None:
        self.graph = graph
        self.file = file
        self._descriptions: dict[Node, dict[Node, list[Node]]] = {}
        self._labels: dict[Node, list[str]] = {}
        self._named: dict[str, set[Node]] = {}
        self._statements: dict[int, list[Node]] | None = None

    # --- graph access (all SPARQL, values bound as RDF terms) ----------------

    def has_document(self) -> bool:
        return bool(list(self.graph.query(_DOCUMENTS, initBindings={"file": Literal(self.file)})))

    def statements_at(self, line: int) -> list[Node]:
        if self._statements is None:
            # One query for the report's statements; a line counts only as an xsd:integer.
            self._statements = {}
            for st, number in self.graph.query(_STATEMENTS, initBindings={"file": Literal(self.file)}):
                if isinstance(number, Literal) and number.datatype == XSD.integer:
                    self._statements.setdefault(int(number), []).append(st)
        return sorted(self._statements.get(line, []))

    def facts_at(self, cls: URIRef, line: int) -> list[Node]:
        facts = {
            row[0]
            for st in self.statements_at(line)
            for row in self.graph.query(_FACTS_FROM, initBindings={"st": st, "class": cls})
        }
        return sorted(facts)

    def facts_of(self, cls: URIRef) -> set[Node]:
        """Every fact of class ``cls`` derived from some line of the report."""
        self.statements_at(0)  # (reads the report's statements once)
        assert self._statements is not None
        return {fact for line in self._statements for fact in self.facts_at(cls, line)}

    def lines_of(self, fact: Node) -> list[int]:
        self.statements_at(0)
        assert self._statements is not None
        derived = set(self.describe(fact).get(PROV.wasDerivedFrom, []))
        return sorted(line for line, statements in self._statements.items() if derived & set(statements))

    def matching(self, kind: str, entry: dict) -> set[Node]:
        """The facts of the entry's lines that match it in full."""
        lines = [int(n) for n in _as_list(entry.get("line", []))]
        return {fact for line in lines for fact in self.facts_at(_CLASSES[kind], line)
                if not _PROBLEMS[kind](self, self.describe(fact), entry)}

    def sketch(self, fact: Node) -> str:
        """A fact's own properties in short, for a message."""
        parts = []
        for prop, objects in sorted(self.describe(fact).items()):
            name = str(prop).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            if name in ("type", "wasDerivedFrom", "datePrecision", "periodStart", "periodEnd"):
                continue
            values = [str(o) if isinstance(o, Literal) else self.preferred(o) or self.money(o) or str(o).rsplit("/", 1)[-1]
                      for o in objects]
            parts.append(f"{name}={'|'.join(sorted(values))}")
        return ", ".join(parts)

    def preferred(self, node: Node) -> str:
        return str(next(iter(self.describe(node).get(SKOS.prefLabel, [])), ""))

    def money(self, node: Node) -> str:
        desc = self.describe(node)
        value = next(iter(desc.get(SCHEMA.value, desc.get(SCHEMA.minValue, []))), None)
        return f"{value} {next(iter(desc.get(SCHEMA.currency, [])), '')}".strip() if value is not None else ""

    def describe(self, node: Node) -> dict[Node, list[Node]]:
        if node not in self._descriptions:
            description: dict[Node, list[Node]] = {}
            for p, o in self.graph.query(_DESCRIBE, initBindings={"node": node}):
                description.setdefault(p, []).append(o)
            self._descriptions[node] = description
        return self._descriptions[node]

    def written_labels(self, node: Node) -> list[str]:
        if node not in self._labels:
            rows = self.graph.query(_LABELS, initBindings={"node": node})
            self._labels[node] = sorted({str(row[0]) for row in rows})
        return self._labels[node]

    def labels(self, node: Node) -> set[str]:
        return {label.lower() for label in self.written_labels(node)}

    def named(self, name: str) -> set[Node]:
        # asked once per name: a "distinct" entry compares every pair of its names
        if name not in self._named:
            self._named[name] = {row[0] for row in self.graph.query(_NAMED, initBindings={"name": Literal(name)})}
        return self._named[name]

    # --- comparisons ----------------------------------------------------------

    def shown(self, nodes: list[Node]) -> str:
        shown = []
        for node in nodes:
            labels = self.written_labels(node)
            shown.append(labels[0] if labels else str(node).rsplit("/", 1)[-1])
        return ", ".join(shown) or "none"

    def name_problem(self, desc: dict, prop: URIRef, name: str, what: str) -> Problems:
        objects = desc.get(prop, [])
        if any(name.lower() in self.labels(o) for o in objects):
            return []
        return [f"{what} is {self.shown(objects)}, not {name!r}"]

    def concept_matches(self, node: Node, scheme: str, wanted: Any) -> bool:
        for option in _as_list(wanted):
            if node == CONCEPT[f"{scheme}/{option}"]:
                return True
            if any(slug(label) == option for label in self.labels(node)):
                return True
        return False

    def has_concept(self, desc: dict, prop: URIRef, scheme: str, wanted: Any) -> bool:
        return any(self.concept_matches(o, scheme, wanted) for o in desc.get(prop, []))

    def concept_problem(self, desc: dict, prop: URIRef, scheme: str, wanted: Any, what: str) -> Problems:
        objects = desc.get(prop, [])
        if self.has_concept(desc, prop, scheme, wanted):
            return []
        got = ", ".join(str(o).rsplit("/", 1)[-1] for o in objects) or "none"
        return [f"{what} is {got}, not {'|'.join(map(str, _as_list(wanted)))}"]

    def qualifier_problems(self, desc: dict, entry: dict) -> Problems:
        objects = desc.get(GK.qualifier, [])
        missing = [
            q for q in entry.get("qualifiers", [])
            if not any(self.concept_matches(o, "qualifier", q) for o in objects)
        ]
        if not missing:
            return []
        got = ", ".join(str(o).rsplit("/", 1)[-1] for o in objects) or "none"
        return [f"qualifiers are {got}, missing {', '.join(missing)}"]

    @staticmethod
    def number_problem(desc: dict, prop: URIRef, wanted: Any, what: str) -> Problems:
        want = _decimal(wanted)
        objects = desc.get(prop, [])
        if want is not None and want in [_number(o) for o in objects]:
            return []
        shown = ", ".join(str(o) if _number(o) is not None else f"{str(o)!r} (not a typed number)" for o in objects)
        shown = shown or "missing"
        return [f"{what} is {shown}, not {wanted}"]

    def value_problems(self, desc: dict, entry: dict, prefix: str = "", what: str = "value") -> Problems:
        """``value`` or ``min``+``max`` (``amount``, ``amount_min``... with a prefix)."""
        single = prefix or "value"
        low, high = (f"{prefix}_min", f"{prefix}_max") if prefix else ("min", "max")
        problems: Problems = []
        if single in entry:
            problems += self.number_problem(desc, SCHEMA.value, entry[single], what)
        if low in entry:
            problems += self.number_problem(desc, SCHEMA.minValue, entry[low], f"{what} minimum")
        if high in entry:
            problems += self.number_problem(desc, SCHEMA.maxValue, entry[high], f"{what} maximum")
        return problems

    @staticmethod
    def currency_problem(desc: dict, wanted: str | None, what: str) -> Problems:
        if wanted is None:
            return []
        got = [str(o) for o in desc.get(SCHEMA.currency, [])]
        return [] if wanted in got else [f"{what} currency is {', '.join(got) or 'missing'}, not {wanted}"]

    def money_problems(self, desc: dict, prop: URIRef, entry: dict, prefix: str, currency: str | None) -> Problems:
        """The ``prop`` of a fact is a MonetaryAmount with the expected value(s) and currency."""
        nodes = desc.get(prop, [])
        if not nodes:
            return [f"no {prefix}"]
        best: Problems | None = None
        for node in nodes:
            amount = self.describe(node)
            problems = self.value_problems(amount, entry, prefix, prefix)
            problems += self.currency_problem(amount, currency, prefix)
            if not problems:
                return []
            best = problems if best is None else best
        return best or []

    @staticmethod
    def date_problems(desc: dict, entry: dict) -> Problems:
        problems: Problems = []
        if "date" in entry:
            want = str(entry["date"])
            got = [str(o) for o in desc.get(GK.date, [])]
            if want not in got:
                problems.append(f"date is {', '.join(got) or 'missing'}, not {want}")
            precision = _PRECISION.get(len(want))
            if desc.get(GK.datePrecision) and precision not in desc[GK.datePrecision]:
                problems.append(f"date precision is not {str(precision).rsplit('#', 1)[-1]}")
            start, end = _period(want, last=False), _period(want, last=True)
        elif "start" in entry and "end" in entry:
            start, end = _period(str(entry["start"]), last=False), _period(str(entry["end"]), last=True)
            if desc.get(GK.date):
                problems.append("a range has gk:date; it should have only periodStart/periodEnd")
            for prop in (GK.periodStart, GK.periodEnd):
                if not desc.get(prop):
                    problems.append(f"no gk:{prop.rsplit('#', 1)[-1]}")
        else:
            return []
        for prop, want_day in ((GK.periodStart, start), (GK.periodEnd, end)):
            got = [str(o) for o in desc.get(prop, [])]
            if got and want_day not in got:
                problems.append(f"gk:{prop.rsplit('#', 1)[-1]} is {', '.join(got)}, not {want_day}")
        return problems

    # --- one entry ------------------------------------------------------------

    def check_entry(self, kind: str, entry: dict) -> str | None:
        lacking = [key for key in _REQUIRED[kind] if key not in entry]
        where = f"line {entry['line']}" if "line" in entry else "names"
        if lacking:
            return f"{where}: [[{kind}]] entry lacks {', '.join(lacking)}"
        summary = _summary(kind, entry)
        if kind in ("same", "distinct"):
            problem = self.same_problem(entry) if kind == "same" else self.distinct_problem(entry)
            return f"{where}: {summary}: {problem}" if problem else None
        lines = [int(n) for n in _as_list(entry["line"])]
        if kind in ("citation", "statement"):
            return None if self.statement_found(kind, entry, lines) else f"{where}: {summary}: not found"
        problems_of = _PROBLEMS[kind]
        candidates = [fact for line in lines for fact in self.facts_at(_CLASSES[kind], line)]
        if kind == "not_category":
            hits = [c for c in candidates if not problems_of(self, self.describe(c), entry)]
            return f"{where}: {summary}: but the graph has it" if hits else None
        if not candidates:
            cls = _CLASSES[kind].rsplit("#", 1)[-1]
            return f"{where}: {summary}: not found (no gk:{cls} derived from that line of {self.file})"
        nearest: Problems | None = None
        for fact in candidates:
            problems = problems_of(self, self.describe(fact), entry)
            if not problems:
                return None
            if nearest is None or len(problems) < len(nearest):
                nearest = problems
        return f"{where}: {summary}: not found; nearest at that line: {'; '.join(nearest or [])}"

    def statement_found(self, kind: str, entry: dict, lines: list[int]) -> bool:
        for line in lines:
            for st in self.statements_at(line):
                desc = self.describe(st)
                if kind == "citation" and entry["url"] in {str(o) for o in desc.get(GK.citedSource, [])}:
                    return True
                if kind == "statement" and any(entry["text_contains"] in str(o) for o in desc.get(GK.text, [])):
                    return True
        return False

    def same_problem(self, entry: dict) -> str | None:
        nodes = {name: self.named(name) for name in entry["names"]}
        unknown = [name for name, found in nodes.items() if not found]
        if unknown:
            return f"no entity labelled {', '.join(map(repr, unknown))}"
        union = set().union(*nodes.values())
        if len(union) > 1:
            return f"spread over {len(union)} nodes: {', '.join(sorted(map(str, union)))}"
        return None

    def distinct_problem(self, entry: dict) -> str | None:
        names = entry["names"]
        for i, first in enumerate(names):
            for second in names[i + 1:]:
                shared = self.named(first) & self.named(second)
                if shared:
                    return f"{first!r} and {second!r} are one node: {', '.join(sorted(map(str, shared)))}"
        return None


# --- what each kind of entry must match ------------------------------------------

def _round(c: _Checker, d: dict, e: dict) -> Problems:
    problems = c.name_problem(d, GK.fundedCompany, e["company"], "funded company")
    problems += c.concept_problem(d, GK.roundType, "round-type", e["type"], "round type")
    if any(key in e for key in ("amount", "amount_min", "amount_max")):
        problems += c.money_problems(d, GK.amount, e, "amount", e.get("currency"))
    if "valuation" in e:
        valuation = {"valuation": e["valuation"]}
        problems += c.money_problems(d, GK.valuation, valuation, "valuation", e.get("valuation_currency", e.get("currency")))
    for lead in e.get("leads", []):
        problems += c.name_problem(d, GK.leadInvestor, lead, "lead investor")
        if any(lead.lower() in c.labels(o) for o in d.get(GK.participant, [])):
            problems.append(f"{lead!r} is also listed as a (non-lead) participant")
    for participant in e.get("participants", []):
        problems += c.name_problem(d, GK.participant, participant, "participant")
    investors = d.get(GK.leadInvestor, []) + d.get(GK.participant, [])
    for investor in e.get("investors", []):
        if not any(investor.lower() in c.labels(o) for o in investors):
            problems.append(f"investors are {c.shown(investors)}, not including {investor!r}")
    return problems + c.date_problems(d, e) + c.qualifier_problems(d, e)


def _acquisition(c: _Checker, d: dict, e: dict) -> Problems:
    problems = c.name_problem(d, GK.acquirer, e["acquirer"], "acquirer")
    problems += c.name_problem(d, GK.target, e["target"], "target")
    if "price" in e:
        problems += c.money_problems(d, GK.price, e, "price", e.get("currency"))
    if "status" in e:
        problems += c.concept_problem(d, GK.status, "deal-status", e["status"], "status")
    return problems + c.date_problems(d, e) + c.qualifier_problems(d, e)


def _observation(c: _Checker, d: dict, e: dict) -> Problems:
    if "subject" in e:
        problems = c.name_problem(d, GK.subject, e["subject"], "subject")
    elif d.get(GK.subject):
        problems = [f"has subject {c.shown(d[GK.subject])} but the figure is market-wide"]
    else:
        problems = []
    problems += c.concept_problem(d, GK.metric, "metric", e["metric"], "metric")
    problems += c.value_problems(d, e)
    problems += c.currency_problem(d, e.get("currency"), "value")
    if "unit" in e:
        problems += c.concept_problem(d, GK.unit, "unit", e["unit"], "unit")
    if "per_unit" in e:
        problems += c.concept_problem(d, GK.perUnit, "unit", e["per_unit"], "per-unit")
    if "segment" in e:
        segments = [str(o).lower() for o in d.get(GK.segment, [])]
        if not any(e["segment"].lower() in s for s in segments):
            problems.append(f"segment is {', '.join(segments) or 'missing'}, not {e['segment']!r}")
    if "related" in e:
        problems += c.name_problem(d, GK.relatedEntity, e["related"], "related entity")
    return problems + c.date_problems(d, e) + c.qualifier_problems(d, e)


def _figure(c: _Checker, d: dict, e: dict) -> Problems:
    numbers = {_number(o) for prop in (SCHEMA.value, SCHEMA.minValue, SCHEMA.maxValue) for o in d.get(prop, [])}
    numbers.discard(None)
    wanted = [_decimal(v) for v in _as_list(e["value"])]
    problems = [] if numbers & set(wanted) else [f"numbers are {', '.join(sorted(str(n) for n in numbers)) or 'none'}"]
    if "subject" in e:
        problems += c.name_problem(d, GK.subject, e["subject"], "subject")
    problems += c.currency_problem(d, e.get("currency"), "value")
    if "unit" in e:
        problems += c.concept_problem(d, GK.unit, "unit", e["unit"], "unit")
    return problems


def _role(c: _Checker, d: dict, e: dict) -> Problems:
    problems = c.name_problem(d, ORG.member, e["person"], "member")
    problems += c.name_problem(d, ORG.organization, e["company"], "organization")
    return problems + c.concept_problem(d, ORG.role, "role", e["role"], "role") + c.date_problems(d, e)


def _founding(c: _Checker, d: dict, e: dict) -> Problems:
    problems = c.name_problem(d, GK.organization, e["company"], "organization")
    return problems + c.date_problems(d, e) + c.qualifier_problems(d, e)


def _headquarters(c: _Checker, d: dict, e: dict) -> Problems:
    problems = c.name_problem(d, GK.organization, e["company"], "organization")
    return problems + c.name_problem(d, GK.place, e["place"], "place")


def _backing(c: _Checker, d: dict, e: dict) -> Problems:
    problems = c.name_problem(d, GK.investor, e["investor"], "investor")
    return problems + c.name_problem(d, GK.organization, e["company"], "organization")


def _category(c: _Checker, d: dict, e: dict) -> Problems:
    problems = c.name_problem(d, GK.organization, e["company"], "organization")
    problems += c.concept_problem(d, GK.category, "category", e["category"], "category")
    companies = [o for o in d.get(GK.organization, []) if e["company"].lower() in c.labels(o)]
    if companies and not any(c.has_concept(c.describe(o), GK.category, "category", e["category"]) for o in companies):
        problems.append("the company itself has no matching gk:category")
    return problems


_PROBLEMS: dict[str, Callable[[_Checker, dict, dict], Problems]] = {
    "round": _round,
    "acquisition": _acquisition,
    "observation": _observation,
    "figure": _figure,
    "role": _role,
    "founding": _founding,
    "headquarters": _headquarters,
    "backing": _backing,
    "category": _category,
    "not_category": _category,
}


def _money_text(entry: dict, prefix: str) -> str:
    if prefix in entry:
        amount = str(entry[prefix])
    elif f"{prefix}_min" in entry:
        amount = f"{entry[f'{prefix}_min']}-{entry.get(f'{prefix}_max', '?')}"
    else:
        return ""
    return f" for {amount} {entry.get('currency', '')}".rstrip()


def _summary(kind: str, e: dict) -> str:
    """The entry in words, for the miss message."""
    date = f" ({e['date']})" if "date" in e else (f" ({e['start']}..{e['end']})" if "start" in e else "")
    slugs = lambda key: "|".join(map(str, _as_list(e.get(key, "?"))))  # noqa: E731
    if kind == "round":
        text = f"round {slugs('type')} of {e['company']}{_money_text(e, 'amount')}{date}"
        if e.get("leads"):
            text += f" led by {', '.join(e['leads'])}"
        if e.get("participants") or e.get("investors"):
            text += f" with {', '.join(e.get('participants', []) + e.get('investors', []))}"
        return text + (f" at valuation {e['valuation']}" if "valuation" in e else "")
    if kind == "acquisition":
        return f"acquisition of {e['target']} by {e['acquirer']}{_money_text(e, 'price')}{date}"
    if kind in ("observation", "figure"):
        value = e.get("value", f"{e.get('min', '?')}-{e.get('max', '?')}")
        about = f" of {e['subject']}" if "subject" in e else ""
        unit = e.get("currency") or e.get("unit") or ""
        quals = f" [{', '.join(e['qualifiers'])}]" if e.get("qualifiers") else ""
        name = f"observation {slugs('metric')}" if kind == "observation" else "figure"
        return f"{name}{about} = {value} {unit}".rstrip() + date + quals
    if kind == "role":
        return f"role {slugs('role')} of {e['person']} at {e['company']}"
    if kind == "founding":
        return f"founding of {e['company']}{date}"
    if kind == "headquarters":
        return f"headquarters of {e['company']} in {e['place']}"
    if kind == "backing":
        return f"backing of {e['company']} by {e['investor']}"
    if kind == "category":
        return f"category {slugs('category')} of {e['company']}"
    if kind == "not_category":
        return f"no category {slugs('category')} for {e['company']}"
    if kind == "citation":
        return f"statement citing {e['url']}"
    if kind == "statement":
        return f"statement containing {e['text_contains']!r}"
    if kind == "same":
        return f"names {' = '.join(e['names'])} as one node"
    return f"names {' / '.join(e['names'])} as distinct nodes"
