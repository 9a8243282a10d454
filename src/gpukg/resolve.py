"""One node per real-world entity, one fact per stated fact, across all reports.

Names become entity keys (``names.name_key`` plus the investor rule and the
curated aliases); facts stated twice become one fact with two sources, and
facts that disagree stay apart so the conflict is visible.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, fields, replace

from .names import curated, investor_key, name_key, without_legal_form
from .phrases import is_country
from .records import (
    Acquisition, Backing, Category, Entity, Extraction, Fact, Founding, Headquarters, Notice,
    Observation, Report, Role, Round, Source, Statement, Trend, When,
)


@dataclass(frozen=True)
class Resolved:
    """The merged content of all reports, names replaced by entity keys."""

    reports: tuple[Report, ...]
    entities: tuple[Entity, ...]
    statements: tuple[Statement, ...]
    facts: tuple[tuple[Fact, tuple[Source, ...]], ...]  # each fact with every source stating it
    notices: tuple[Notice, ...]


class _Groups:
    """Union-find over spellings."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(extractions: list[Extraction]) -> Resolved:
    uses: dict[str, Counter] = defaultdict(Counter)  # spelling -> kinds it was used as
    for ex in extractions:
        for name, kind in ex.kinds:
            if name:
                uses[name][kind] += 1
    entities, key_of = _entities(uses, [pair for ex in extractions for pair in ex.short_names],
                                 _lending_only([f for ex in extractions for f in ex.facts]))
    statements = tuple(
        replace(s, mentions=tuple(dict.fromkeys(key_of[m] for m in s.mentions if m in key_of)))
        for ex in extractions for s in ex.statements
    )
    # A name that is a place in one report and an organization in another ("Saudi Arabia" invests, and
    # is where a company is based): a place node as well, for the facts that need a place.
    places = {e.key for e in entities if e.kind == "place"}
    place_of = {n: f"place:{name_key(n)}" for n, k in uses.items() if k["place"] and f"place:{name_key(n)}" in places}
    facts = [_rename(f, key_of, place_of) for ex in extractions for f in ex.facts]
    return Resolved(
        reports=tuple(ex.report for ex in extractions),
        entities=entities,
        statements=statements,
        facts=_merge([f for f in facts if f is not None]),
        notices=tuple(n for ex in extractions for n in ex.notices),
    )


# Round types in which an investor lends rather than buys a stake.
_LENDING = frozenset({"debt-facility", "credit-facility", "gpu-financing"})


def _lending_only(facts: list[Fact]) -> set[str]:
    """Spellings of investors named only in debt rounds (and never as backers): lenders, whatever
    their names say, rather than the venture capital an investor is taken for by default."""
    lending: set[str] = set()
    owning: set[str] = set()
    for fact in facts:
        if isinstance(fact, Round):
            (lending if fact.kind in _LENDING else owning).update(fact.leads + fact.participants)
        elif isinstance(fact, Backing):
            owning.add(fact.investor)
    return lending - owning


def _entities(uses: dict[str, Counter], short_names: list[tuple[str, str]],
              lenders: set[str] = frozenset()) -> tuple[tuple[Entity, ...], dict[str, str]]:
    known = {c.name: c for c in curated()}
    for c in curated():
        for alias in c.aliases:
            known.setdefault(alias, c)
    people = {n for n, k in uses.items() if k["person"] and not (k["company"] or k["investor"] or k["org"])}
    place_names = {n for n, k in uses.items() if k["place"] and not (k["company"] or k["investor"] or k["org"])}
    orgs = sorted(set(uses) - people - place_names)

    groups = _Groups()
    by_key: dict[str, str] = {}
    for name in orgs:
        c = known.get(name)
        key = name_key(c.name) if c else name_key(name)
        if key in by_key:
            groups.union(by_key[key], name)
        by_key.setdefault(key, name)
    # A profile that calls its company by a short name ("Bisiva provides ..." for Bisiva Cloud)
    # says the two are one, wherever else the short name is used.
    in_orgs = set(orgs)
    for short, full in short_names:
        if short in in_orgs and full in in_orgs and not _kept_apart(short, full, known):
            groups.union(short, full)
    # "Sequoia" and "Sequoia Capital" are one investor when both spellings invest; but beside a
    # company "Zentra" that also invests, "Zentra Ventures" is its venture arm: another investor,
    # whose parent is the company.
    investing = [n for n in orgs if uses[n]["investor"] or (known.get(n) and known[n].kind == "investor")]
    by_investor_key: dict[str, str] = {}
    arms: dict[str, str] = {}  # a venture arm's spelling -> its company's
    for name in investing:
        key = investor_key(name)
        other = by_investor_key.get(key)
        if other and not _kept_apart(name, other, known):
            company = _arm_parent(name, other, uses)
            if company:
                arms[other if company == name else name] = company
            else:
                groups.union(other, name)
        by_investor_key.setdefault(key, name)

    members: dict[str, list[str]] = defaultdict(list)
    for name in orgs:
        members[groups.find(name)].append(name)
    entities: list[Entity] = []
    key_of: dict[str, str] = {}
    profiled = {full for _, full in short_names}
    for spellings in members.values():
        entity = _org(spellings, uses, known, profiled, lenders)
        company = next((arms[s] for s in spellings if s in arms), None)
        if company and entity.parent is None and "company" not in entity.types:
            entity = replace(entity, investor_kind="corporate-venture", parent=company)
        entities.append(entity)
        key_of.update({s: entity.key for s in spellings})
    taken = {e.key for e in entities}
    place_names |= {n for n, k in uses.items() if k["place"] and n not in people}
    for kind, names in (("person", people), ("place", place_names)):
        for name in sorted(names):
            key = f"{kind}:{name_key(name)}"
            key_of.setdefault(name, key)  # (an organization's name stays its own)
            if key not in taken:
                taken.add(key)
                entities.append(Entity(key, kind, name))
    _parents(entities, known, key_of)
    return tuple(sorted(entities, key=lambda e: e.key)), key_of


def _kept_apart(a: str, b: str, known: dict) -> bool:
    ca, cb = known.get(a), known.get(b)
    return bool((ca and b in ca.distinct) or (cb and a in cb.distinct) or (ca and cb and ca is not cb))


def _arm_parent(a: str, b: str, uses: dict[str, Counter]) -> str | None:
    """The company, when one spelling is the other with an investor word added ("Zentra
    Ventures", "Zentra") and the other is used as a company, or named as one ("Burkiva
    Semiconductor Ventures", "Burkiva Semiconductor"): then the first is its venture arm."""
    for arm, company in ((a, b), (b, a)):
        if investor_key(arm) != name_key(arm) and investor_key(company) == name_key(company) \
                and (uses[company]["company"] or name_key(company).split()[-1] in _OPERATING_WORDS):
            return company
    return None


# Last words of an operating company's name: no investment firm is called "X Semiconductor
# Ventures" and spelled "X Semiconductor", while "Sequoia" is how "Sequoia Capital" is spelled.
_OPERATING_WORDS = frozenset({"cloud", "compute", "computing", "networks", "systems", "data", "semiconductor",
                              "semiconductors", "robotics", "analytics", "software", "electronics", "motors"})


def _org(spellings: list[str], uses: dict[str, Counter], known: dict, profiled: set[str],
         lenders: set[str] = frozenset()) -> Entity:
    curated_entry = next((known[s] for s in spellings if s in known), None)
    count = Counter({s: sum(uses[s].values()) for s in spellings})
    # the name a profile is headed with, over a short name that may be used more often; a legal name
    # ("Kestrevo, Inc.") labelled without its form, which name_key drops too, and kept as a spelling
    label = curated_entry.name if curated_entry else \
        without_legal_form(sorted(spellings, key=lambda s: (s not in profiled, -count[s], -len(s), s))[0])
    kinds = Counter()
    for s in spellings:
        kinds.update(uses[s])
    types = set()
    if kinds["company"] or (curated_entry and curated_entry.kind == "company"):
        types.add("company")
    if kinds["investor"]:
        types.add("investor")
    investor_kind = None
    # what the reports say it is ("| Type |" over "Sovereign wealth fund"), the most often said, ties by name
    stated = sorted((-n, k.removeprefix("investor-kind:")) for k, n in kinds.items() if k.startswith("investor-kind:"))
    if "investor" in types:
        if curated_entry and curated_entry.investor_kind:
            investor_kind = curated_entry.investor_kind
        elif stated:
            investor_kind = stated[0][1]
        elif is_country(label):
            investor_kind = "sovereign"
        elif "company" in types:
            investor_kind = "corporation"
        elif all(s in lenders for s in spellings if uses[s]["investor"]):
            investor_kind = "lender"
        else:
            investor_kind = "venture-capital"
    alt = tuple(sorted({s for s in spellings if s != label} | set(curated_entry.aliases if curated_entry else ())))
    return Entity(f"org:{name_key(label)}", "org", label, alt, frozenset(types), investor_kind,
                  curated_entry.parent if curated_entry else None)


def _parents(entities: list[Entity], known: dict, key_of: dict[str, str]) -> None:
    """Point a corporate venture arm at its parent, when the parent is in the graph."""
    keys = {e.key for e in entities}
    for i, entity in enumerate(entities):
        if entity.parent:
            key = key_of.get(entity.parent) or f"org:{name_key(entity.parent)}"
            entities[i] = replace(entity, parent=key if key in keys else None)


def _rename(fact: Fact, key_of: dict[str, str], place_of: dict[str, str]) -> Fact | None:
    """The fact with its names replaced by entity keys (a place's by its place's)."""
    changes = {}
    for f in fields(fact):
        value = getattr(fact, f.name)
        if f.name == "place" and value in place_of:
            changes[f.name] = place_of[value]
        elif f.name in ("company", "acquirer", "target", "investor", "person", "place", "subject", "related"):
            if value is not None:
                if value not in key_of:
                    return None
                changes[f.name] = key_of[value]
        elif f.name in ("leads", "participants"):
            changes[f.name] = tuple(dict.fromkeys(key_of[v] for v in value if v in key_of))
    return replace(fact, **changes)


def _identity(fact: Fact) -> tuple:
    if isinstance(fact, Round):
        return ("round", fact.company, fact.kind)
    if isinstance(fact, Acquisition):
        return ("acquisition", fact.acquirer, fact.target)
    if isinstance(fact, Observation):
        when = (fact.when.start, fact.when.end) if fact.when else None
        return ("observation", fact.subject, fact.metric, fact.segment, fact.related, fact.quantity.key, when,
                tuple(sorted(fact.qualifiers + fact.quantity.qualifiers)))
    if isinstance(fact, Backing):
        return ("backing", fact.investor, fact.company)
    if isinstance(fact, Role):
        return ("role", fact.person, fact.company, fact.role)
    if isinstance(fact, Founding):
        return ("founding", fact.company, fact.when.start, fact.when.end)
    if isinstance(fact, Headquarters):
        return ("hq", fact.company, fact.place)
    if isinstance(fact, Category):
        return ("category", fact.company, fact.category)
    if isinstance(fact, Trend):
        return ("trend", fact.label.lower())
    raise TypeError(fact)


def _merge(facts: list[Fact]) -> tuple[tuple[Fact, tuple[Source, ...]], ...]:
    """Facts with the same identity and no disagreement become one, with all their sources."""
    groups: dict[tuple, list[tuple[Fact, list[Source]]]] = defaultdict(list)
    for fact in facts:
        bucket = groups[_identity(fact)]
        for i, (kept, sources) in enumerate(bucket):
            merged = _combine(kept, fact)
            if merged is not None:
                bucket[i] = (merged, sources + [fact.source])
                break
        else:
            bucket.append((fact, [fact.source]))
    _type_rounds(groups)
    out = []
    for bucket in groups.values():
        for fact, sources in bucket:
            ordered = tuple(sorted(set(sources), key=lambda s: (s.doc_id, s.line, s.index)))
            out.append((replace(fact, source=ordered[0]), ordered))
    return tuple(out)


def _type_rounds(groups: dict[tuple, list[tuple[Fact, list[Source]]]]) -> None:
    """A round whose type is not told, with the amount of exactly one typed round of its company at
    a date that can be the same, is that round: "raised AED 400m in April 2026" in a profile and
    "Series A | AED 400m | 2026-04" in a table. Without an amount on both, nothing says which round it is."""
    typed: dict[str, list[tuple]] = defaultdict(list)
    for identity in groups:
        if identity[0] == "round" and identity[2] != "unspecified":
            typed[identity[1]].append(identity)
    for identity in [i for i in groups if i[0] == "round" and i[2] == "unspecified" and typed[i[1]]]:
        kept_apart = []
        for fact, sources in groups[identity]:
            fits = [(other, i, merged) for other in typed[identity[1]] for i, (round_, _) in enumerate(groups[other])
                    if fact.amount and round_.amount and (merged := _combine(round_, fact)) is not None]
            if len(fits) != 1:
                kept_apart.append((fact, sources))
                continue
            other, i, merged = fits[0]
            groups[other][i] = (merged, groups[other][i][1] + sources)
        groups[identity] = kept_apart


def _combine(a: Fact, b: Fact) -> Fact | None:
    """``a`` and ``b`` as one fact, or None when they disagree on something both state."""
    if isinstance(a, (Round, Acquisition)):
        amount_field = "amount" if isinstance(a, Round) else "price"
        qa, qb = getattr(a, amount_field), getattr(b, amount_field)
        if qa and qb and qa.key != qb.key:
            return None
        when = _compatible_when(a.when, b.when)
        if when is False:
            return None
        changes = {amount_field: qa or qb, "when": when}
        if isinstance(a, Round):
            if a.valuation and b.valuation and a.valuation.key != b.valuation.key:
                return None
            changes.update(
                leads=tuple(dict.fromkeys(a.leads + b.leads)),
                participants=tuple(p for p in dict.fromkeys(a.participants + b.participants) if p not in a.leads + b.leads),
                valuation=a.valuation or b.valuation,
                qualifiers=tuple(dict.fromkeys(a.qualifiers + b.qualifiers)),
            )
        else:
            # the furthest a deal got: "announced" in one line, "pending" in a later table
            changes["status"] = max((a.status, b.status), key=lambda s: _PROGRESS.get(s, -1))
            changes["qualifiers"] = tuple(dict.fromkeys(a.qualifiers + b.qualifiers))
        return replace(a, **changes)
    if isinstance(a, Trend):
        return replace(a, broader=a.broader or b.broader)
    if isinstance(a, Role):
        when, ended = _compatible_when(a.when, b.when), _compatible_when(a.ended, b.ended)
        if when is False or ended is False:
            return None
        return replace(a, when=when, ended=ended, former=a.former or b.former)
    return a


_PROGRESS = {"announced": 0, "in-progress": 1, "pending": 1, "completed": 2, "terminated": 2}


def _compatible_when(a: When | None, b: When | None) -> When | None | bool:
    """The more precise of two dates that agree; False when they cannot be the same date."""
    if a is None or b is None:
        return a or b
    if a.start <= b.start and b.end <= a.end:
        return b
    if b.start <= a.start and a.end <= b.end:
        return a
    return False
