"""The values that flow between the loader's stages: frozen, hashable, no I/O.

``extract`` fills them with names as the reports write them; ``resolve`` turns
those names into canonical entity keys; ``rdf`` turns the result into triples.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Block:
    """One unit of a report: a heading, a paragraph sentence, a list item or a table row."""

    kind: str  # "heading" | "title" (a bold-only line) | "paragraph" | "bullet" | "table-row" | "code" | "meta" (front matter) | "running" (a page header)
    text: str  # plain text, Markdown markup removed, link texts kept
    line: int  # 1-based
    section: tuple[str, ...]  # titles of the enclosing headings, outermost first
    level: int = 0  # heading level (bold-only paragraphs count as one below their heading)
    label: str | None = None  # "Series A" in "**Series A:** $25M ..."
    value: str | None = None  # the text after the label
    links: tuple[Link, ...] = ()
    cells: tuple[tuple[str, str], ...] = ()  # (column header, cell text) for table rows
    index: int = 0  # position of a sentence within its paragraph line


@dataclass(frozen=True)
class Report:
    """A parsed report: what ``report.parse_report`` returns."""

    doc_id: str
    file_name: str
    title: str
    sha256: str
    line_count: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Notice:
    """Something a user should fix in an input: a file, a line and what is wrong."""

    path: str
    line: int | None
    message: str
    severity: str = "warning"  # "warning" | "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class When:
    """A stated date or period, kept at the precision the report gives."""

    text: str
    iso: str | None  # "2024-03", "2024" or "2024-03-05"; None for a range of years
    precision: str  # "day" | "month" | "year"
    start: date
    end: date
    approximate: bool = False


@dataclass(frozen=True)
class Quantity:
    """A number with what it counts: money, a share, a multiple or a count."""

    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    currency: str | None = None  # ISO 4217
    unit: str | None = None  # unit concept slug: "percent", "count", "multiple", ...
    per: str | None = None  # "hour" in "$1.89/hour"
    qualifiers: tuple[str, ...] = ()
    noun: str | None = None  # the words the number counts: "data centers", "ARR", "valuation"
    text: str = ""
    start: int = 0
    end: int = 0

    @property
    def key(self) -> tuple:
        return (self.value, self.low, self.high, self.currency, self.unit, self.per)


@dataclass(frozen=True)
class Source:
    """Where a fact was read: the statement's document and line (and its place in the line)."""

    doc_id: str
    line: int
    index: int = 0


@dataclass(frozen=True)
class Statement:
    """A block of a report as a statement: its text, provenance and what it mentions."""

    source: Source
    kind: str
    text: str
    section: tuple[str, ...]
    cited: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()  # entity names (before resolution) or keys (after)
    trends: tuple[str, ...] = ()  # trend concept labels


@dataclass(frozen=True)
class Fact:
    source: Source


@dataclass(frozen=True)
class Round(Fact):
    company: str
    kind: str  # round-type slug
    amount: Quantity | None = None
    when: When | None = None
    leads: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    valuation: Quantity | None = None
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Acquisition(Fact):
    acquirer: str
    target: str
    price: Quantity | None = None
    when: When | None = None
    status: str | None = None
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Observation(Fact):
    subject: str | None
    metric: str  # metric label; minted as a concept by its slug
    quantity: Quantity
    when: When | None = None
    segment: str | None = None
    related: str | None = None
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Backing(Fact):
    investor: str
    company: str


@dataclass(frozen=True)
class Role(Fact):
    person: str
    company: str
    role: str
    when: When | None = None  # when it was taken up, where the report says so ("appointed ... in March 2024")
    ended: When | None = None  # when it was left ("stepped down as CEO in June 2025")
    former: bool = False  # the report says the role is no longer held


@dataclass(frozen=True)
class Founding(Fact):
    company: str
    when: When


@dataclass(frozen=True)
class Headquarters(Fact):
    company: str
    place: str


@dataclass(frozen=True)
class Category(Fact):
    company: str
    category: str  # category concept slug


@dataclass(frozen=True)
class Trend(Fact):
    label: str
    broader: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything read from one report, before names are resolved across reports."""

    report: Report
    statements: tuple[Statement, ...] = ()
    facts: tuple[Fact, ...] = ()
    kinds: tuple[tuple[str, str], ...] = ()  # (name, "company" | "investor" | "person" | "place" | "org")
    notices: tuple[Notice, ...] = ()
    short_names: tuple[tuple[str, str], ...] = ()  # (a short name, the profiled company it stands for)


@dataclass(frozen=True)
class Entity:
    """A resolved real-world entity: one per organization, person or place."""

    key: str  # canonical key; the IRI is minted from it
    kind: str  # "org" | "person" | "place"
    label: str
    alt_labels: tuple[str, ...] = ()
    types: frozenset[str] = field(default_factory=frozenset)  # "company", "investor"
    investor_kind: str | None = None
    parent: str | None = None  # key of the parent organization


__all__ = [
    "Acquisition", "Backing", "Block", "Category", "Entity", "Extraction", "Fact", "Founding",
    "Headquarters", "Link", "Notice", "Observation", "Quantity", "Report", "Role", "Round",
    "Source", "Statement", "Trend", "When", "replace",
]
