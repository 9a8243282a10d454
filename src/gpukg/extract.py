"""Turning a parsed report into statements and facts, with names as written.

Every block becomes a statement (nothing is dropped); the facts a block
states are read from its label, its section and its wording, using the
phrase lists of ``data/lexicon.toml``. No code path knows any company.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon
from .amounts import find_quantities, malformed_amounts
from .dates import find_dates, first_date
from .names import Gazetteer, mentioned, name_key
from .phrases import (
    NAME, after, clauses, is_country, looks_like_name, looks_like_org, people, places, split_names, strip_parens,
)
from .records import (
    Acquisition, Backing, Block, Category, Extraction, Fact, Founding, Headquarters, Notice,
    Observation, Quantity, Report, Role, Round, Source, Statement, Trend, When,
)
from .report import strip_numbering

_GENERIC_TITLES = {"overview", "funding", "funding history", "financials", "financial performance", "business model",
                   "leadership", "competitive advantages", "performance", "performance metrics", "market position",
                   "strategic initiatives", "key metrics", "profile", "company overview", "background", "summary"}
_SEGMENT_METRICS = {"price", "revenue-share", "customer-concentration", "market-share", "market-size", "growth-rate", "shipments"}
_FROM_DATE = re.compile(r"\b(?:from|since|than(?: in)?|versus|vs\.?)\s*$", re.I)
_GROWTH = re.compile(r"\b(?:grew|grow|growing|growth|up|increase[ds]?|rose|jump(?:ed)?)\b", re.I)
_TOP = re.compile(r"\btop\s*$", re.I)
_FUNDING_VERB = re.compile(r"\b(?:raised|raises|raise|closed|closes|secured|secures|landed|announced|completed|received|led by|co-led by)\b", re.I)
_ACQ_ACTIVE = re.compile(
    rf"(?P<a>{NAME}|[Tt]he company|It)\s+(?:has\s+|had\s+)?(?P<verb>acquired|acquires|is acquiring|acquiring|agreed to acquire|to acquire|will acquire|bought|buys|purchased)\s+(?P<t>{NAME})")
_ACQ_PASSIVE = re.compile(rf"(?P<t>{NAME})(?:,[^,]{{1,60}},)?\s+(?:was|has been|is being|were)\s+(?P<verb>acquired|bought|purchased)\s+by\s+(?P<a>{NAME})")
_ACQ_NOUN = re.compile(rf"(?P<a>{NAME})(?:'s|’s)\s+(?:\$[\d.]+\s?[MBK]?\s+)?(?P<verb>acquisition|purchase)\s+of\s+(?P<t>{NAME})")
_INVESTS = re.compile(r"\b(?:investing in|invested in|invests in|investment in|backing|backs|backed|"
                      r"on the cap tables? of(?: both)?)\s+", re.I)
_NEGATION = re.compile(r"(?:\bnot|\bno longer|n't|\bnever|\brather than|\binstead of)(?:\s+\S+){0,3}\s*$", re.I)
_CONTRAST = re.compile(r"\bby contrast\b|^\s*unlike\b|\bis not\b|\bare not\b", re.I)
_IS_A = re.compile(r"\b(?:operates?|is|are|runs?|provides?|offers?|describes itself as|positions itself as|positioned as|acts as|"
                   r"serves as|sells|builds)\b", re.I)
_STATUS = {"acquired": "completed", "bought": "completed", "purchased": "completed", "acquisition": None, "purchase": None}


def profile_sections(report: Report) -> dict[int, str]:
    """Line of each heading that opens a company profile -> the company's name.

    A profile heading is a name whose section holds labelled bullets of profile
    kinds (founded, headquarters, rounds, metrics, ...). Of two nested ones the
    inner wins ("Major Company Profiles" holds every profile), unless only the
    outer one is named in its own text ("Acme" over its "Key Numbers").
    """
    blocks = report.blocks
    headings = [(i, b) for i, b in enumerate(blocks) if b.kind == "heading" and b.level >= 2]
    candidates: dict[int, tuple[str, int, int]] = {}  # line -> (name, level, end index)
    for pos, (i, head) in enumerate(headings):
        title = _company_title(head.text)
        if not title or title.lower() in _GENERIC_TITLES or not looks_like_name(title) or _is_trend(head):
            continue
        end = next((j for j, b in headings[pos + 1:] if b.level <= head.level), len(blocks))
        labels = [b.label for b in blocks[i + 1:end] if b.kind == "bullet" and b.label]
        profile = sum(1 for label in labels if _profile_label(label))
        strong = sum(1 for label in labels if lexicon.exact("labels", label) or lexicon.find("round_types", label))
        if profile >= 2 and (strong >= 1 or profile * 2 >= len(labels)):
            named = mentioned(title, " ".join(b.text for b in blocks[i + 1:end]))
            candidates[head.line] = (title, i, end, named)
    found = {}
    for line, (title, i, end, named) in candidates.items():
        inner = [c for other, c in candidates.items() if other != line and i < c[1] < end]
        if inner and not (named and not any(c[3] for c in inner)):
            continue
        outer = [c for other, c in candidates.items() if other != line and c[1] < i < c[2]]
        if any(c[3] and not named for c in outer):
            continue
        found[line] = title
    return found


def _company_title(text: str) -> str:
    return re.split(r"\s[–—-]\s|:", strip_parens(strip_numbering(text)))[0].strip()


def _profile_label(label: str) -> bool:
    return bool(lexicon.exact("labels", label) or lexicon.find("round_types", label) or lexicon.find("metrics", label)
                or lexicon.exact("roles", label))


@dataclass
class _State:
    report: Report
    names: Gazetteer
    company: str | None = None
    company_level: int = 0
    trend_levels: dict[int, str] = field(default_factory=dict)  # heading level -> trend label
    section_links: tuple[str, ...] = ()
    intro: str = ""  # the paragraph that introduces the list being read
    categories_by_heading: dict[int, str] = field(default_factory=dict)  # heading level -> category slug
    statements: list[Statement] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    kinds: list[tuple[str, str]] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    seen_companies: dict[str, int] = field(default_factory=dict)
    last_round: Round | None = None  # for a next sentence that adds to it


def extract(report: Report, names: Gazetteer) -> Extraction:
    """All statements and facts of one report. ``names`` are the organizations known so far."""
    state = _State(report, names)
    profiles = profile_sections(report)
    for block in report.blocks:
        source = Source(report.doc_id, block.line, block.index)
        if block.kind in ("heading", "title"):
            _heading(state, block, source, profiles)
        else:
            _content(state, block, source)
    if not report.blocks:
        state.notices.append(Notice(report.file_name, None, "the report is empty"))
    elif not profiles and not state.facts:
        state.notices.append(Notice(report.file_name, 1, "no company profile or structured fact recognised; loaded as statements only"))
    return Extraction(report, tuple(state.statements), tuple(state.facts), tuple(state.kinds), tuple(state.notices))


def _heading(state: _State, block: Block, source: Source, profiles: dict[int, str]) -> None:
    level = block.level
    state.section_links, state.intro, state.last_round = (), "", None
    if state.company and level <= state.company_level:
        state.company = None
    state.trend_levels = {k: v for k, v in state.trend_levels.items() if k < level}
    state.categories_by_heading = {k: v for k, v in state.categories_by_heading.items() if k < level}
    trends: tuple[str, ...] = ()
    if block.line in profiles:
        name = profiles[block.line]
        state.company, state.company_level = name, level
        state.kinds.append((name, "company"))
        if name in state.seen_companies:
            state.notices.append(Notice(state.report.file_name, block.line,
                                        f"company section '{name}' appears twice (first at line {state.seen_companies[name]}); both are loaded"))
        state.seen_companies.setdefault(name, block.line)
    elif level >= 2 and block.kind == "heading" and not state.company and _is_trend(block):
        label = strip_numbering(block.text)
        broader = state.trend_levels[max(state.trend_levels)] if state.trend_levels else None
        state.trend_levels[level] = label
        state.facts.append(Trend(source, label, broader))
        trends = (label,)
    category = lexicon.first("categories", block.text)
    if category and not state.company:
        state.categories_by_heading[level] = category
    state.statements.append(Statement(source, block.kind, block.text, block.section, trends=trends))


def _is_trend(block: Block) -> bool:
    words = lexicon.words("trends", "section_words")
    titles = [block.text, *block.section[1:]]
    return any(w in words for title in titles for w in re.findall(r"[a-z]+", title.lower()))


def _content(state: _State, block: Block, source: Source) -> None:
    own_links = tuple(link.url for link in block.links)
    if block.kind == "paragraph" and (own_links or block.text.rstrip().endswith(":")):
        state.intro = block.text
        if own_links:
            state.section_links = own_links
    for bad in malformed_amounts(block.text):
        state.notices.append(Notice(state.report.file_name, block.line, f"cannot read the amount '{bad}'; the line is kept as a statement"))
    before = len(state.facts)
    if block.kind == "table-row":
        _table_row(state, block, source)
    elif block.label:
        _labelled(state, block, source)
    else:
        subject = state.company if state.company and _about_company(state, block.text) else None
        _prose(state, block.text, source, subject)
    facts = state.facts[before:]
    trends = tuple(state.trend_levels.values())[-1:]
    if block.label and state.trend_levels and "insight" in " ".join(block.section).lower() and block.label not in state.names:
        label = block.label
        state.facts.append(Trend(source, label, trends[0] if trends else None))
        trends = (label,)
    found = [form for form, _, _ in state.names.find(block.text)]
    state.kinds.extend((form, "org") for form in found + _opening_orgs(state, block.label or block.text))
    mentioned = found + [n for f in facts for n in _fact_names(f)]
    state.statements.append(Statement(
        source, block.kind, block.text, block.section,
        cited=own_links or state.section_links,
        mentions=tuple(dict.fromkeys(mentioned)),
        trends=trends,
    ))
    _heading_categories(state, block, source)


def _about_company(state: _State, text: str) -> bool:
    """A sentence in a profile is about the profiled company unless it opens with another name."""
    lead = state.names.leading(text)
    return not lead or lead[0] in state.names and state.names.names.get(_key(lead[0])) == state.names.names.get(_key(state.company or ""))


def _key(name: str) -> str:
    return name_key(name)


def _fact_names(fact: Fact) -> list[str]:
    if isinstance(fact, Round):
        return [fact.company, *fact.leads, *fact.participants]
    if isinstance(fact, Acquisition):
        return [fact.acquirer, fact.target]
    if isinstance(fact, Observation):
        return [n for n in (fact.subject, fact.related) if n]
    if isinstance(fact, Backing):
        return [fact.investor, fact.company]
    if isinstance(fact, (Role, Founding, Headquarters, Category)):
        return [fact.company]
    return []


def _heading_categories(state: _State, block: Block, source: Source) -> None:
    """A section titled with a category ('Neocloud Emergence') places the companies its lines open with in it."""
    if not state.categories_by_heading:
        return
    category = state.categories_by_heading[max(state.categories_by_heading)]
    if _CONTRAST.search(block.text):
        return
    subjects = [block.label] if block.label and block.label in state.names else state.names.leading(block.text)
    for name in subjects:
        _add(state, Category(source, name, category), ("company", name))


def _add(state: _State, fact: Fact, *kinds: tuple[str, str]) -> None:
    """Record a fact and what its names were used as: ``("investor", "Benchmark")``."""
    state.facts.append(fact)
    state.kinds.extend((name, kind) for kind, name in kinds if name)


# --- labelled bullets ----------------------------------------------------------

def _labelled(state: _State, block: Block, source: Source) -> None:
    label, value = block.label or "", block.value or ""
    company = state.company
    group = lexicon.exact("labels", label)
    if company is None and _is_entity_label(state, label):
        _entity_item(state, label, value, source)
        return
    if company is None:
        _prose(state, value, source, None, label=label)
        return
    role = lexicon.exact("roles", label)
    if group == "founding":
        when = first_date(value)
        if when:
            _add(state, Founding(source, company, when), ("company", company))
    elif group == "headquarters":
        for place in places(value):
            _add(state, Headquarters(source, company, place), ("place", place))
    elif group == "leadership" or role:
        found = people(value) or [(strip_parens(value), (role,))] if role else people(value)
        for person, roles in found:
            for r in roles:
                if r:
                    _add(state, Role(source, person, company, r), ("person", person))
    elif group == "investors":
        for investor in split_names(value, frozenset(state.names.names.values())):
            _add(state, Backing(source, investor, company), ("investor", investor))
    elif group == "acquisition":
        _labelled_acquisition(state, company, value, source)
    elif group == "business_model":
        _category_from(state, company, value, source, leading=not _IS_A.search(value))
    elif group == "partners":
        for partner in split_names(value, frozenset(state.names.names.values())):
            state.kinds.append((partner, "org"))
    elif lexicon.find("round_types", label) and not lexicon.find("metrics", label) and group != "total_raised":
        _rounds(state, company, label, value, source)
    else:
        metric = "total-raised" if group == "total_raised" else None
        _figures(state, company, value, source, label=label, metric=metric)


def _is_entity_label(state: _State, label: str) -> bool:
    if label in state.names or looks_like_org(label):
        return True
    intro_words = {w for w in re.findall(r"[a-z]+", state.intro.lower())}
    return bool(intro_words & lexicon.words("names", "list_intro_entities")) and looks_like_name(label)


def _entity_item(state: _State, name: str, value: str, source: Source) -> None:
    """'NVIDIA: Investing in Lambda Labs' or 'Microsoft: 20.2%' under an introducing line."""
    state.kinds.append((name, "org"))
    category = lexicon.first("categories", state.intro) if state.intro.rstrip().endswith(":") else None
    if category:
        _add(state, Category(source, name, category), ("company", name))
    else:
        _category_from(state, name, value, source, leading=True)
    _prose(state, value, source, name)


# --- facts -------------------------------------------------------------------

def _rounds(state: _State, company: str, label: str, value: str, source: Source) -> None:
    kind = lexicon.find("round_types", label)[0][0]
    qs = [q for q in find_quantities(value) if q.currency]
    leads = _names_after(state, value, r"\b(?:co-led|led)\s+by\s+")
    participants = _names_after(state, value, r"\b(?:with participation from|participation from|joined by|alongside|from)\s+")
    valuation = next((q for q in qs if q.noun and q.noun.lower().startswith("valuation")), None)
    amounts = [q for q in qs if q is not valuation]
    if not amounts:
        amounts = [None]
    parts = clauses(value)
    for amount in amounts:
        only = len(amounts) == 1
        clause = next((c.text for c in parts if amount and c.start <= amount.start <= c.end), value)
        when = first_date(clause) or (first_date(value) if only else None)
        fact = Round(source, company, kind, amount, when, tuple(leads) if only else (),
                     tuple(p for p in participants if p not in leads) if only else (), valuation if only else None,
                     _qualifiers(value))
        _add(state, fact, ("company", company), *[("investor", n) for n in fact.leads + fact.participants])


def _names_after(state: _State, text: str, pattern: str) -> list[str]:
    part = after(text, pattern)
    return split_names(part, frozenset(state.names.names.values())) if part else []


def _labelled_acquisition(state: _State, company: str, value: str, source: Source) -> None:
    for clause in re.split(r";", value):
        target = re.split(r"\s+(?:for|at|in|\()\s*|\s*\(", clause.strip(), maxsplit=1)[0].strip(" ,.")
        if not looks_like_name(target):
            continue
        price = next((q for q in find_quantities(clause) if q.currency), None)
        _add(state, Acquisition(source, company, target, price, first_date(clause), _status(clause)),
             ("company", company), ("company", target))


def _status(text: str) -> str | None:
    lowered = text.lower()
    for word, status in (("completed", "completed"), ("closed", "completed"), ("pending", "pending"),
                         ("announced", "announced"), ("agreed", "announced"), ("terminated", "terminated")):
        if word in lowered:
            return status
    return None


def _category_from(state: _State, company: str, text: str, source: Source, *, leading: bool = False) -> None:
    """A category said of a company in the first clause: 'operates as a GPU marketplace'.

    With ``leading`` the phrase must open the text ('Peer-to-peer GPU marketplace').
    """
    first = clauses(text)[0].text if text else ""
    hits = [h for h in lexicon.find("categories", first) if not _NEGATION.search(first[:h[1]])]
    if leading:
        hits = [h for h in hits if len(first[:h[1]].split()) <= 2]
    if hits:
        _add(state, Category(source, company, hits[0][0]), ("company", company))


def _prose(state: _State, text: str, source: Source, subject: str | None, label: str | None = None) -> None:
    """Facts stated in running text: deals, rounds, investments, figures, categories."""
    company = state.company
    found_deal = _prose_acquisitions(state, text, source, subject or company)
    speaker = subject if subject and _opens_with_subject(state, text, subject) else _opening_name(state, text)
    if speaker and _IS_A.search(clauses(text)[0].text if text else ""):
        _category_from(state, speaker, text, source)
    if _prose_round(state, text, source, subject or company):
        return
    if not found_deal and _prose_backing(state, text, source, subject):
        return
    if not found_deal:
        _figures(state, subject or _opening_name(state, text), text, source, label=label, prose=True)


def _prose_backing(state: _State, text: str, source: Source, subject: str | None) -> bool:
    """'X: Investing in A, B', 'X has backed A', 'A is backed by X and Y'."""
    keep = frozenset(state.names.names.values())
    passive = after(text, r"\bbacked by\s+")
    if passive:
        investee = subject or _opening_name(state, text) or state.company
        investors = split_names(passive, keep)
        for investor in investors if investee else ():
            _add(state, Backing(source, investor, investee), ("investor", investor), ("company", investee))
        return bool(investors and investee)
    m = _INVESTS.search(text)
    opener = _opening_name(state, text) or _opening_phrase(text[:m.start()] if m else "")
    investor = subject if subject and subject != state.company else opener
    if not m or not investor:
        return False
    investees = split_names(after(text, _INVESTS.pattern) or "", keep)
    for investee in investees:
        _add(state, Backing(source, investor, investee), ("investor", investor), ("company", investee))
    return bool(investees)


def _opening_phrase(text: str) -> str | None:
    """The name a sentence opens with, known or not: 'Northwind Capital ("Northwind") has'."""
    m = re.match(rf"\s*({NAME})", text)
    return m.group(1) if m and looks_like_name(strip_parens(m.group(1))) else None


def _opens_with_subject(state: _State, text: str, subject: str) -> bool:
    lead = state.names.leading(text)
    return bool(lead) or text.lower().startswith(("the company", "it ")) or text.startswith(subject)


def _opening_name(state: _State, text: str) -> str | None:
    lead = state.names.leading(text) or _opening_orgs(state, text)
    return lead[0] if lead else None


_SUBJECT_FOLLOWS = re.compile(r"(?:'s|’s)|\s*,|\s+(?:\w+(?:ing|ed|es|ly)|has|is|was|are|runs|sells|grew|won|took|made|led|"
                              r"bought|holds|operates|offers|provides|reached|revenue|revenues|valuation|arr)\b")


def _opening_orgs(state: _State, text: str) -> list[str]:
    """Names a sentence opens with when they look like organizations and act as its subject."""
    out: list[str] = []
    pos = 0
    for m in re.finditer(rf"\s*(?:,\s*|\band\s+|&\s+)?(?P<n>{NAME})", text):
        if m.start() != pos:
            break
        name = re.split(r"(?:'s|’s)\b", m.group("n"))[0]
        # Past the first word of a sentence, a capital letter is the writer's own sign of a name.
        if not (name in state.names or looks_like_org(name) or (out and looks_like_name(name))):
            break
        out.append(name)
        pos = m.start("n") + len(name)
    return out if out and _SUBJECT_FOLLOWS.match(text[pos:]) else []


def _prose_acquisitions(state: _State, text: str, source: Source, context: str | None) -> bool:
    found = False
    for pattern in (_ACQ_ACTIVE, _ACQ_PASSIVE, _ACQ_NOUN):
        for m in pattern.finditer(text):
            acquirer, target = m.group("a"), m.group("t")
            if acquirer.lower() in ("the company", "it"):
                acquirer = context or ""
            acquirer, target = _trim_name(state, acquirer), _trim_name(state, target)
            if not acquirer or not target or acquirer == target:
                continue
            rest = text[m.end():]
            tail = re.split(r"[;]|,\s+(?=[A-Z])|\)", rest)[0]
            price = next((q for q in find_quantities(tail) if q.currency), None)
            verb = m.group("verb").lower()
            status = _STATUS.get(verb, "announced") if verb not in _STATUS else _STATUS[verb]
            _add(state, Acquisition(source, acquirer, target, price, first_date(tail), _status(tail) or status,
                                    _qualifiers(tail)),
                 ("company", acquirer), ("company", target))
            found = True
    return found


def _trim_name(state: _State, name: str) -> str:
    """'Meanwhile Acme' -> 'Acme': prefer the longest known name inside a matched phrase."""
    known = state.names.find(name)
    if known:
        return max(known, key=lambda k: k[2] - k[1])[0]
    words = name.split()
    while words and words[0].lower() in ("in", "meanwhile", "also", "and", "then", "recently", "earlier", "later", "when"):
        words.pop(0)
    return " ".join(words) if looks_like_name(" ".join(words)) else ""


_LEADS = r"\b(?:co-led|led)\s+by\s+"
_PARTICIPANTS = (r"\b(?:with participation from|participation from|joined by|alongside|investors including|provided by|"
                 r"from)\s+")
_ACTIVE_LEAD = re.compile(rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)(?:,[^,]{{1,60}},)?\s+(?:co-)?led\s+(?:a|an|the|it|its)\b")
_PARTICIPATING = re.compile(rf"\bwith\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s+(?:participating|joining|also investing)")
_ALSO_JOINED = re.compile(rf"^(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s+(?:also\s+)?(?:took part|participated|joined|invested)\b")
_ROUND_VALUATION = re.compile(r"\b(?:the round|the deal|the financing|the raise|it)\b[^.]*\bvalu(?:ed|ing|ation)\b", re.I)


def _prose_round(state: _State, text: str, source: Source, context: str | None) -> bool:
    """'In March 2025, Acme raised a $150M Series B led by X, with participation from Y.' and its kin."""
    types = lexicon.find("round_types", text)
    types = [t for t in types if t[0] != "unspecified"] or types
    money = [q for q in find_quantities(text) if q.currency]
    if not types or not money or not (_FUNDING_VERB.search(text) or _ACTIVE_LEAD.search(text)):
        return _round_sequel(state, text, source)
    keep = frozenset(state.names.names.values())
    leads = _names_after(state, text, _LEADS)
    active = _ACTIVE_LEAD.search(text)
    if active and not leads:
        leads = split_names(active.group("names"), keep)
    participants = _names_after(state, text, _PARTICIPANTS)
    participating = _PARTICIPATING.search(text)
    if participating:
        participants += split_names(participating.group("names"), keep)
    investors = set(leads) | set(participants)
    company = _funded_company(state, text, investors, context)
    if not company:
        return False
    valuation = next((q for q in money if q.noun and q.noun.lower().startswith("valuation")), None)
    amount = next((q for q in money if q is not valuation), None)
    fact = Round(source, company, types[0][0], amount, first_date(text), tuple(leads),
                 tuple(p for p in dict.fromkeys(participants) if p not in leads), valuation, _qualifiers(text))
    _add(state, fact, ("company", company), *[("investor", n) for n in fact.leads + fact.participants])
    state.last_round = fact
    return True


def _funded_company(state: _State, text: str, investors: set[str], context: str | None) -> str | None:
    """The profiled company when the sentence names it, else 'X's Series A', else the first other name."""
    if context and (mentioned(context, text) or re.search(r"\b(?:the company|its)\b", text, re.I)):
        return context
    possessive = re.search(rf"(?P<c>{NAME})(?:'s|’s)\s", text)
    if possessive and _trim_name(state, possessive.group("c")) not in investors:
        return _trim_name(state, possessive.group("c"))
    company = next((form for form, _, _ in state.names.find(text) if form not in investors
                    and not any(form in i for i in investors)), None)
    m = re.search(rf"(?P<c>{NAME})\s+(?:has\s+)?(?:raised|raises|closed|secured|landed|announced|completed)", text)
    if m and not company:
        company = _trim_name(state, m.group("c"))
    return company or context


def _round_sequel(state: _State, text: str, source: Source) -> bool:
    """A sentence that adds to the round just read: its valuation, or who else took part."""
    last = state.last_round
    if last is None:
        return False
    money = [q for q in find_quantities(text) if q.currency]
    if money and _ROUND_VALUATION.search(text):
        fact = Round(source, last.company, last.kind, valuation=money[0])
    else:
        joined = _ALSO_JOINED.search(text)
        if not joined:
            return False
        names = split_names(joined.group("names"), frozenset(state.names.names.values()))
        fact = Round(source, last.company, last.kind, participants=tuple(names))
    _add(state, fact, ("company", last.company), *[("investor", n) for n in fact.participants])
    return True


# --- figures -----------------------------------------------------------------

_BASELINE = re.compile(r"\b(?:up from|down from|from|compared (?:to|with)|versus|vs\.?|than)\s*$", re.I)
_SEGMENT_FROM_TEXT = {"revenue-share", "customer-concentration", "market-share", "price", "unclassified"}
_RELATED_METRICS = {"revenue-share", "customer-concentration", "market-share"}


def _figures(state: _State, subject: str | None, text: str, source: Source, *, label: str | None = None,
             metric: str | None = None, prose: bool = False) -> None:
    """Observations from the numbers in ``text``.

    What a number measures comes from the words around it, then the label;
    its date from its own clause, then the label. Growth figures take the
    date of the figure they describe ('$276M (82% growth)').
    """
    label_text = strip_parens(label) if label else ""
    label_metric = metric or (_metric_of(label_text) if label else None)
    fallback = _label_slug(label_text) if label and subject and not prose and not label_metric else None
    label_when = first_date(label) if label else None
    label_qualifiers = _qualifiers(label) if label else ()
    quantities = [q for q in find_quantities(text) if not (q.unit == "count" and _TOP.search(text[:q.start]))]
    if not quantities:
        return
    dates = [d for d in find_dates(text) if not _FROM_DATE.search(text[:d[0]])]
    parts = clauses(text)
    # A number whose measure cannot be told is still kept, as an unclassified figure.
    fallback = fallback or ("unclassified" if prose else None)
    metrics = [_metric_for(q, text, label_metric, state.intro if prose else "") or fallback for q in quantities]
    # After the first number, a counted noun beats the label: "GPUs: 3,200 across 2 sites".
    metrics = [(_counted(q) or m) if i and q.unit == "count" else m for i, (q, m) in enumerate(zip(quantities, metrics))]
    whens = [_date_for(i, quantities, dates, parts) for i in range(len(quantities))]
    main = next((i for i, m in enumerate(metrics) if m and m != "growth-rate"), None)
    for i, q in enumerate(quantities):
        name = metrics[i]
        if name is None:
            continue
        clause = next(c for c in parts if c.start <= q.start <= c.end)
        before = text[clause.start:q.start]
        baseline = bool(_BASELINE.search(before))
        when = whens[i] or (None if baseline else label_when)
        segment = None
        if name == "growth-rate":
            if main is not None:
                when = whens[main] or label_when
            segment = _grown(text, q, metrics[main] if main is not None else label_metric)
        elif name in _SEGMENT_FROM_TEXT or name == fallback:
            segment = _segment(text, q, before)
        elif name == "market-size":
            found = re.search(r"((?:[\w-]+\s){0,3}market)\b", before, re.I)
            segment = found.group(1) if found else None
        elif label_metric:
            segment = _label_rest(label_text)
        if prose and label and name != "growth-rate" and (segment is None or lexicon.exact("metrics", segment)):
            segment = label_text
        qualifiers = q.qualifiers + _qualifiers(before) + _qualifiers(_parenthesis_after(text, q))
        if not baseline:
            qualifiers += label_qualifiers
        if when and re.search(rf"\bby\s+{re.escape(when.text)}", text):
            qualifiers += ("projected",)
        related = None
        if name in _RELATED_METRICS and segment:
            related = next((form for form, _, _ in state.names.find(segment)), None)
        _add(state, Observation(source, subject, name, q, when, segment, related, tuple(dict.fromkeys(qualifiers))),
             ("org", subject), ("org", related))


def _date_for(i: int, quantities: list[Quantity], dates: list[tuple[int, int, When]], parts: list) -> When | None:
    """A date between this number and the next one, else between the previous one and this, in its clause."""
    q = quantities[i]
    clause = next(c for c in parts if c.start <= q.start <= c.end)
    nxt = quantities[i + 1].start if i + 1 < len(quantities) else clause.end
    prev = quantities[i - 1].end if i > 0 else clause.start
    after_q = [w for s, _, w in dates if q.end <= s < min(nxt, clause.end)]
    if after_q:
        return after_q[0]
    before_q = [w for s, e, w in dates if max(prev, clause.start) <= s and e <= q.start]
    return before_q[-1] if before_q else None


def _grown(text: str, q: Quantity, metric: str | None) -> str | None:
    """What a growth figure is the growth of: the figure it qualifies, or the words around it."""
    if metric and metric != "growth-rate":
        return metric
    after_q = lexicon.find("metrics", text[q.end:q.end + 30])
    named = [key for key, _, _ in after_q if key != "growth-rate"]
    if named:
        return named[0]
    before = re.search(r"((?:[\w-]+\s){0,2}[\w-]+)\s+(?:grew|growing|grow|rose)\b", text[:q.start])
    return before.group(1) if before else None


def _metric_of(label: str) -> str | None:
    hits = lexicon.find("metrics", label)
    if not hits:
        return None
    # The last metric word names the measure: "Revenue Growth" is growth, "Projected ARR" is ARR.
    return max(hits, key=lambda h: h[1])[0]


def _label_slug(label: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", label) if not lexicon.exact("qualifiers", w)]
    return " ".join(words).lower() or label.lower()


def _label_rest(label: str) -> str | None:
    """What a label says beyond its metric and qualifiers: 'Projected H100 shipments' -> 'H100'."""
    rest = label
    for group in ("metrics", "qualifiers"):
        for _, start, end in reversed(lexicon.find(group, rest)):
            rest = rest[:start] + rest[end:]
    for start, end, _ in reversed(find_dates(rest)):
        rest = rest[:start] + rest[end:]
    rest = re.sub(r"\s+", " ", rest).strip(" -:,")
    return rest if rest and not lexicon.exact("labels", rest) and rest.lower() not in ("mix", "base", "total") else None


def _metric_for(q: Quantity, text: str, label_metric: str | None, intro: str) -> str | None:
    """What a number measures: the words right after it, the label, then the words before it."""
    noun = (q.noun or "").lower()
    before = text[max(0, q.start - 40):q.start]
    after_q = text[q.end:q.end + 60].lower()
    if q.unit in ("percent", "multiple") and (re.match(r"\s*(?:growth|yoy|year-over-year)", after_q)
                                             or re.search(r"\b(?:grew|grow|growing|growth|increase[ds]?|rose)\b[^,;]{0,20}$", before, re.I)):
        return "growth-rate"
    if q.currency:
        hit = lexicon.find("amount_nouns", noun.removeprefix("in "))
        if hit and hit[0][1] == 0:
            return hit[0][0]
        if q.per:
            return "price"
    if label_metric:
        return label_metric
    if q.unit == "count" and _counted(q):
        return _counted(q)
    if q.unit in ("gigawatt", "megawatt", "kilowatt"):
        return "power-capacity"
    if q.currency:
        hits = [h for h in lexicon.find("metrics", before)
                if h[0] in ("revenue", "arr", "valuation", "market-cap", "loss", "total-raised", "market-size")]
        if hits:
            return hits[-1][0]
        if re.match(r"\s*(?:in\s+)?(?:funding|raised)", after_q):
            return "total-raised"
    if q.unit == "percent":
        if re.match(r"\s*of\b[^,;.]{0,40}\brevenue", after_q):
            return "revenue-share"
        if "share" in noun or re.search(r"\bshare\b", intro + " " + before, re.I):
            return "market-share"
    return None


def _counted(q: Quantity) -> str | None:
    """The metric of what a count counts: '250,000 GPUs' -> 'gpus'."""
    noun = (q.noun or "").lower()
    hit = lexicon.find("count_nouns", noun)
    # The counted noun may follow one adjective: "2,400+ independent hosts".
    return hit[0][0] if hit and len(noun[:hit[0][1]].split()) <= 1 else None


def _parenthesis_after(text: str, q: Quantity) -> str:
    m = re.match(r"\s*\(([^)]*)\)", text[q.end:])
    return m.group(1) if m else ""


def _qualifiers(text: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for k, _, _ in lexicon.find("qualifiers", text))) if text else ()


def _segment(text: str, q: Quantity, before: str) -> str | None:
    """What part a figure is about: '70% usage-based compute' -> 'usage-based compute'."""
    price_subject = re.search(r"([\w-]+(?:\s[\w-]+){0,2})\s+(?:pricing|prices?|costs?|rates?)\b", before, re.I)
    if q.currency and q.per and price_subject:
        return price_subject.group(1)
    rest = text[q.end:]
    rest = re.split(r"[,;]|\(|\)|\s(?:in|by|during|to|and)\s(?=\$|€|£|\d|[A-Z][a-z]+ \d)", rest)[0]
    candidate = rest.strip(" .")
    candidate = re.sub(r"^(?:of|from|for|in|on|vs\.?|versus)\s+", "", candidate, flags=re.I)
    if not candidate:
        candidate = re.sub(r"\s*(?:starting at|starting from|from|at|of|to|is|was)\s*$", "", before.strip(" ,;("), flags=re.I)
    for start, end, _ in reversed(find_dates(candidate)):
        candidate = candidate[:start] + candidate[end:]
    candidate = re.sub(r"\s+", " ", candidate).strip(" ,.;:")
    return candidate[:80] or None


# --- tables --------------------------------------------------------------------

_ENTITY_HEADERS = ("company", "provider", "name", "startup", "firm", "player", "vendor", "platform", "organization")


def _table_row(state: _State, block: Block, source: Source) -> None:
    """A row of a comparison table (figures per company) or of a table of rounds."""
    cells = [(header.strip(), cell.strip()) for header, cell in block.cells]
    if not cells:
        return
    lowered = [h.lower() for h, _ in cells]
    entity_col = next((i for i, h in enumerate(lowered) if any(w in h for w in _ENTITY_HEADERS)), 0)
    company = strip_parens(cells[entity_col][1]) or state.company
    if not company or not looks_like_name(company):
        company = state.company
    if company is None:
        return
    state.kinds.append((company, "company"))
    column = {h: c for h, c in zip(lowered, (c for _, c in cells))}
    round_col = next((h for h in lowered if h in ("round", "type", "round type", "stage", "series", "funding round")), None)
    amount_col = next((h for h in lowered if "amount" in h or h in ("raised", "size")), None)
    if round_col and amount_col:
        _table_round(state, company, column, round_col, amount_col, source)
        return
    for i, (header, cell) in enumerate(cells):
        if i != entity_col and cell and not re.fullmatch(r"(?i)n/?a|-+|—|not disclosed|undisclosed|unknown|tbd", cell):
            _figures(state, company, cell, source, label=header)


def _table_round(state: _State, company: str, column: dict[str, str], round_col: str, amount_col: str, source: Source) -> None:
    kinds = lexicon.find("round_types", column[round_col])
    kind = kinds[0][0] if kinds else "unspecified"
    amount = next((q for q in find_quantities(column[amount_col]) if q.currency), None)
    date_col = next((h for h in column if "date" in h or h in ("when", "closed", "announced", "year")), None)
    when = first_date(column[date_col]) if date_col else None
    keep = frozenset(state.names.names.values())
    leads: list[str] = []
    participants: list[str] = []
    valuation = None
    for header, cell in column.items():
        if "lead" in header:
            leads += split_names(cell, keep)
        elif "investor" in header or "participant" in header or "backer" in header:
            participants += split_names(cell, keep)
        elif "valuation" in header:
            valuation = next((q for q in find_quantities(cell) if q.currency), None)
    fact = Round(source, company, kind, amount, when, tuple(leads), tuple(p for p in participants if p not in leads), valuation)
    _add(state, fact, ("company", company), *[("investor", n) for n in fact.leads + fact.participants])
