"""Turning a parsed report into statements and facts, with names as written.

Every block becomes a statement (nothing is dropped); the facts a block
states are read from its label, its section and its wording, using the
phrase lists of ``data/lexicon.toml``. No code path knows any company.
"""
from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import date

from . import fiscal, iris, lexicon
from .aliases import abbreviated, identified, renamed, short_forms, translated
from .amounts import MODEL, malformed_amounts
from .cells import heading_scale, money_scale, scale_note
from .dates import dateline, find_dates, relative_dates, report_date
from .deals import deal_sequel
from .investors import investor_line, investor_sections
from .labels import BRACKETED, card_field, is_dateline, labelled, speaker_label, speaker_title
from .names import Gazetteer, name_key
from .people import PERSON, label_roles
from .phrases import NAME, heading_name, looks_like_name, looks_like_org, strip_parens
from .profiles import is_trend, profile_sections
from .prose import LEGAL_FORM_AFTER, bracket_facts, prose, told_of
from .records import (
    Acquisition, Backing, Block, Category, Extraction, Fact, Founding, Headquarters, Notice, Observation, Quantity, Report,
    Role, Round, Source, Statement, Trend, When,
)
from .report import strip_numbering
from .tables import price_basis, table_note, table_row
from .voice import own_voice, titled_author
from .reading import (
    BASED_OPENER, COMMON_NOUN, FIRST_PERSON, OPENING_ADVERBIAL, OTHER_BY_RELATION, REPORT_VERB, State, add, in_third_person,
    MONTH_NAMES, investor_only, kinds_of, opening_name, opening_orgs, principal_company, quoted_for, short_name, trim_name,
)


_COMPARED = re.compile(r"\b(?:vs\.?|versus|and|against|compared|or)\b", re.I)
_CONTRAST = re.compile(r"\bby contrast\b|^\s*unlike\b|\bis not\b|\bare not\b", re.I)


def _plain_card(block: Block) -> Block | None:
    """'Ondavia (Lisbon): serverless inference, ...': a list item that opens with a name and a
    bracket, then a colon or a dash, read as a bold label would be."""
    m = _PLAIN_CARD.match(block.text)
    # ... or with a name and a colon before what the company did: "Ottermere AI: $3.5M pre-seed, Khosla Ventures led"
    m = m or (n if (n := _PLAIN_DEED.match(block.text)) and told_of(n.group("label"), n.group("value")) else None)
    return replace(block, label=m.group("label"), value=m.group("value")) if m else None


_PLAIN_CARD = re.compile(rf"(?P<label>{NAME}\s*\([^()]{{1,40}}\))\s*(?::|[—–]|\s-\s)\s*(?P<value>\S.*)")
_PLAIN_DEED = re.compile(rf"(?P<label>{NAME}):\s+(?P<value>\S.*)")


def _sentence_subject(state: State, text: str) -> str | None:
    """The name a sentence opens with, or that follows an opening phrase without one ('Like
    several of its peers, Basalt Compute began ...')."""
    alone = re.fullmatch(rf"(?P<n>{NAME})\.?", text.strip())
    if alone and looks_like_name(alone.group("n")):  # "**Oberline GPU.** The Austin GPU cloud named ...": a run-in title
        return trim_name(state, alone.group("n")) or None
    comma = text.find(", ")
    opener = text[:comma] if 0 < comma < 80 else ""
    rest = text[comma + 2:] if opener and not state.names.find(opener) and not re.search(NAME, opener[1:]) else text
    named = re.match(NAME, rest)
    name = trim_name(state, named.group(0)) if named else ""
    if name and (name in state.names or looks_like_org(name)):
        return name
    return opening_name(state, rest)


def _only_company(state: State, text: str) -> str | None:
    """'The contract makes Tideline a one-customer story for now.': the one known company a sentence names, which
    is what its next sentence's "Its" means when the sentence itself opens with no name (not when it speaks in the
    first person: "We bought Kestrow in July. It's why our latency dropped" is of the speaker's company)."""
    if FIRST_PERSON.search(text):
        return None
    named = {name_key(form): form for form, _, _ in state.names.find(text)}
    return next(iter(named.values())) if len(named) == 1 else None


def _a_measure_opens(text: str) -> bool:
    """'Net loss was ...', 'Revenue backlog stood at ...': a sentence opening with what it measures."""
    hits = lexicon.find("metrics", text[:40])
    return bool(hits) and min(h[1] for h in hits) == 0


# a sentence whose subject is the company the sentence before was about; "it" after an opening
# phrase ("Earlier that year it had closed a $25 million Series A extension")
# ("Beyond raw GPU time it serves ...": what it does, too)
# (the phrase before "it" names no one: a word in capitals and lower case past its first is a month's, not "Two weeks
# later Halbrook Compute said it runs ...")
_IT_DID = re.compile(r"[A-Z][\w-]*(?:\s+(?:[a-z\d][\w-]*|[A-Z\d]{2,}[\w-]*|" + "|".join(sorted(MONTH_NAMES)) + r")){0,7}?"
                     r",?\s+it\s+(?:has\s+|had\s+|also\s+|then\s+)*(?:raised|closed|secured|landed|took|won|"
                     r"signed|acquired|bought|reported|posted|opened|added|borrowed|repaid|refinanced|drew|agreed|announced|"
                     r"completed|serves|operates|runs|charges|sells|rents|lists|bills|employs|offers|hosts)\b")
# "CEO Solenne Abernathy announced ...", "CTO Tadeo Eskildsen filled in ...": a title of the company
# the sentence before was about
_TITLED_OPENS = re.compile(r"(?:CEO|CTO|CFO|COO|CPO|CRO|Chief\s+\w+\s+[Oo]fficer|Chief\s+executive|President|Chair|Co-founder|Founder)"
                           r"(?:\s+and\s+(?:CEO|CTO|CFO|COO|chief\s+\w+))?\s+" + PERSON + r"\s+(?:has\s+|also\s+|then\s+)?"
                           r"(?:[a-z]+(?:ed|s)|told|said|wrote|spoke|became|took|gave|made|put|ran|built)\b")
# "The carved-out unit": what was sold, not who sold or bought it
_A_PART = re.compile(r"(?:The|This|Its)\s+(?:[a-z][\w-]*\s+)?(?:unit|division|subsidiary)\b")
# "The facility is secured by roughly 12,000 H200 GPUs that Osprena will deploy": the borrower's, after its round
_THE_FINANCING = re.compile(r"(?:The|This)\s+(?:[a-z][\w-]*\s+){0,2}?(?:facility|loan|financing|round|raise|notes?)\b")
# ... or its "its" after a clause ("We estimate $4.7 billion for 2025; its contracted backlog stood at ...")
_THE_FIRM = re.compile(r"\bthe\s+(?:company|firm|startup|start-up)\b|(?<=[;,]\s)its\b")


def _named_before(state: State, text: str, firm: re.Match[str] | None) -> bool:
    """Whether the sentence names an organization before its "the company" (anywhere, when it has none):
    "On 2025/06/12 the company signed a €1.2bn facility, arranged by BNP Paribas" is still about the company."""
    found = state.names.find(text)
    return bool(found) and (firm is None or found[0][1] < firm.start())


# ("The carved-out unit runs 3,200 GPUs", "The Seattle neocloud also bought": one word may say what or where it is;
# "The Lisbon-based neocloud Lumeira Compute says" names its own subject)
# ("By October the fleet had grown to ...": after the month it tells of)
_IT = re.compile(rf"(?:(?:By|In|Since)\s+(?:{'|'.join(sorted(MONTH_NAMES))})(?:\s+\d{{4}})?,?\s+)?"
                 r"(?:(?:[Tt]he|[Tt]his|[Ii]ts)\s+(?:[A-Za-z][\w-]*\s+){0,2}?(?:company|firm|startup|start-up|business|provider|"
                 r"operator|neocloud|unit|marketplace|chipmaker|developer|fleet|team|"
                 r"division|subsidiary|IPO|listing|offering|facility|loan|"
                 r"stock|shares|board|management)(?!\s+[A-Z][a-z])|Shares|It|Management|"
                 rf"Its(?!\s+{OTHER_BY_RELATION})|"  # (not "Its rival Altamira Web Services plans ...": the rival's)
                 r"In\s+(?:the|its)\s+(?:last|latest|most recent|previous)\s+round|"  # "In the last round, a Series B of ..."
                 r"(?:Once|When|After|By|With|Following)\b[^,.]{1,40},\s+its|"  # "Once installed, its fleet will total ..."
                 # "Listings start at RON 11.90 per GPU-hour", "They're a neocloud out of Raleigh"
                 r"(?:Listings|Prices|Rates|List\s+prices)\s+(?:start|begin|run|range)|They(?:['’]re|\s+are)\s+(?:a|an))\b")
# "It operates about 2,400 GPUs" (not "It is the largest contract in our history"): what a company does
_IT_RUNS = re.compile(r"(?:It|The\s+company|The\s+firm)\s+(?:also\s+|now\s+|already\s+)?(?:operates|runs|rents|sells|serves|employs|"
                      r"raised|closed|signed|plans|expects|counts|has\s+(?:raised|signed|about|roughly|more|over|\d))\b")


def _measure_label(label: str) -> bool:
    """'Fleet', 'Pricing', 'Revenue', 'Founded': a label of what a company measures or is, not of who holds a post."""
    return bool(lexicon.exact("labels", label) or lexicon.find("metrics", label) or lexicon.find("round_types", label)) \
        and not label_roles(label)


def _names_others(state: State, text: str) -> bool:
    """Whether the text names an organization (not one named as the make of a product: "16,800 NVIDIA GPUs")."""
    return any(not _AS_MAKE.match(text, end) for _, _, end in state.names.find(text)) or bool(opening_orgs(state, text))


def _of_no_one(state: State, text: str) -> bool:
    """'H100 capacity is priced at 2,10 € per GPU-hour.' after a sentence about a company: a sentence that
    names no organization, no one else and nothing across the market tells of the company before it (one
    the report has told a fact of: not a filing's run-in title, "**Master Capacity Agreement.**")."""
    return bool(state.previous) and not _ACROSS.search(text) and not _SOMEONE.search(text, 1) \
        and not _names_others(state, text) and "company" in kinds_of(state, name_key(state.previous))


# what a sentence about the market, not one company, says ("The average H100 rents for $2.10", "H100 rental prices fell
# 20% in 2025"), or a sentence in a voice of its own
_ACROSS = re.compile(r"\b(?:median|average|mean|across|market|industry|sector|index|overall|combined|typical(?:ly)?|"
                     r"prices|rates|providers|neoclouds|hyperscalers|operators|vendors|peers|rivals|competitors|everyone|all|"
                     r"we|our|us|I|my|you|your|they|their|them|he|his|she|her)\b", re.I)
# a word in capitals and lower case past the sentence's first: a name ("Lanthorne", "Altamira Web Services"),
# not a GPU, a currency or a unit ("H100", "EUR", "GPU-hour")
_SOMEONE = re.compile(r"(?<=\s)[(\"“]?(?!(?:" + "|".join(sorted(MONTH_NAMES)) + r")\b)[A-Z][a-z]")


_AS_MAKE = re.compile(rf"\s+(?:GPUs?|chips?|accelerators?|servers?|hardware|{MODEL}s?)\b")


# "Saltreef raised $30 million ...", a name not known yet, in a speaker's answer: what another company did
_NAME_DID = re.compile(rf"(?P<n>{NAME})\s+(?:has\s+|had\s+|also\s+|just\s+)?(?:raised|closed|signed|bought|acquired|"
                       r"charges|lists|rents|sells|runs|operates|announced|secured|landed|won|cut|launched)\b")
# "- Providers provisioning across 10+ clouds" under "Per Fireworks.ai's approach:": others, in general
_GENERIC_OPEN = re.compile(r"(?:Providers|Operators|Vendors|Companies|Customers|Buyers|Users|Startups|Players|Neoclouds|"
                          r"Hyperscalers|Platforms|Clouds|Most|Many|Several|Some|Others|Rivals|Competitors|Peers)\b")
_OPENS_WITH_NAME = re.compile(rf"{NAME}\s*(?:[:,(—–]|\s-\s)")  # "- Sojung Robotics: KRW 1.2 billion"


def extract(report: Report, names: Gazetteer) -> Extraction:
    """All statements and facts of one report. ``names`` are the organizations known so far."""
    text = "\n".join(block.text for block in report.blocks)
    names, shorts = names.with_short_forms(text)
    state = State(report, names)
    state.day_first = _slash_dates_order(text)
    state.followed = frozenset((b.line, b.index - 1) for b in report.blocks if b.kind == "bullet" and b.index)
    state.short_names.extend(shorts.items())
    titled = report_date(report.title)
    fields = {b.label: b.value for b in report.blocks if b.kind == "meta"}
    posted = next((d for d in (report_date(fields[f] or "") for f in _DATE_FIELDS if f in fields) if d), None)
    # (a title's quarter is the period the report covers, "Q3 2025 Earnings Call": its dateline says when it was written)
    told = titled if titled and titled.precision != "year" and titled.iso else \
        dateline([b.text for b in report.blocks if b.kind not in ("heading", "meta", "table-row")]) or titled
    state.written = state.report_written = posted or told
    author = titled_author(report)
    state.author = author or own_voice(report)
    profiles = profile_sections(report)
    title = next((b for b in report.blocks if b.kind in ("heading", "title") and b.level == 1), None)
    if state.author and not author and not profiles and title:
        profiles = {title.line: state.author}  # a company's own post, in its voice throughout: its profile
    elif state.author and not author and not profiles:  # ... or its own email, which has no title
        state.company, state.company_level = state.author, 0
    investors = investor_sections(report, profiles)
    for block in report.blocks:
        source = Source(report.doc_id, block.line, block.index)
        state.section = block.section
        if block.kind in ("heading", "title"):
            state.listing = False
            _heading(state, block, source, profiles, investors)
        else:
            if state.company and state.company_heading and state.company_heading not in block.section:
                state.company = None  # past the list a bold item titled ("- **Halden Cloud**" over its own list)
            _run_in(state, block)
            before = len(state.facts)
            _content(state, block, source)
            if state.heading_when:
                state.facts[before:] = [_dated(fact, state.heading_when) for fact in state.facts[before:]]
    # the word stands where a report says how to read it: in its opening lines
    if _YEN_IS_YUAN.search("\n".join(block.text for block in report.blocks[:12])):
        state.facts = [_yuan(fact) for fact in state.facts]
    if not report.blocks:
        state.notices.append(Notice(report.file_name, None, "the report is empty"))
    elif not profiles and not state.facts:
        state.notices.append(Notice(report.file_name, 1, "no company profile or structured fact recognised; loaded as statements only"))
    short_names = state.short_names + short_forms(state.kinds)
    return Extraction(report, tuple(state.statements), tuple(state.facts), tuple(state.kinds), tuple(state.notices),
                      tuple(dict.fromkeys(short_names)))


# "¥ figures are renminbi (CNY)", "¥ = RMB", "all ¥ amounts in Chinese yuan": the report's own word
# that its yen sign is the yuan's (the sign is both; alone it is read as the yen)
_YEN_IS_YUAN = re.compile(r"¥[^.\n]{0,40}?\b(?:renminbi|RMB|CNY|yuan)\b", re.I)


def _yuan(fact: Fact) -> Fact:
    changed = {f.name: replace(value, currency="CNY") for f in fields(fact)
               if isinstance(value := getattr(fact, f.name), Quantity) and value.currency == "JPY" and "¥" in value.text}
    return replace(fact, **changed) if changed else fact


def _heading(state: State, block: Block, source: Source, profiles: dict[int, str], investors: dict[int, str]) -> None:
    level = block.level
    state.section_links, state.section_sources, state.intro, state.last_round = (), False, "", None
    state.answered = None
    state.list_subject, state.run_in, state.caption = None, None, ""
    if state.year_level and level <= state.year_level:
        state.written, state.year_level = state.report_written, 0
    year = _YEAR_HEADING.fullmatch(strip_numbering(block.text).strip())
    if year and block.kind == "heading":
        # "### 2023" over "- **March** — ...": the months and quarters below it are of that year
        y = int(year.group(1))
        state.written, state.year_level = When(year.group(1), f"{y}-12-31", "day", date(y, 12, 31), date(y, 12, 31)), level
    state.scale_note = heading_scale(block.text)
    if state.heading_when and level <= state.heading_when_level:
        state.heading_when = None
    when = _heading_when(state, strip_numbering(block.text)) if block.kind == "heading" else None
    if when:
        state.heading_when, state.heading_when_level = when, level
    if state.company and level <= state.company_level:
        state.company = None
    if state.investor and level <= state.investor_level:
        state.investor = None
    if block.line in investors:
        state.investor, state.investor_level = investors[block.line], level
    state.trend_levels = {k: v for k, v in state.trend_levels.items() if k < level}
    state.categories_by_heading = {k: v for k, v in state.categories_by_heading.items() if k < level}
    trends: tuple[str, ...] = ()
    if block.line in profiles:
        name = profiles[block.line]
        state.company, state.company_level, state.company_heading = name, level, block.text
        state.kinds.append((name, "company"))
        if name in state.seen_companies:
            state.notices.append(Notice(state.report.file_name, block.line,
                                        f"company section '{name}' appears twice (first at line {state.seen_companies[name]}); both are loaded"))
        state.seen_companies.setdefault(name, block.line)
        bracket = BRACKETED.search(block.text)  # "### Corvus Labs (Inference platform)", "### Rheinlicht Cloud GmbH (Düsseldorf)"
        if bracket:
            bracket_facts(state, name, bracket.group(1), source)
    elif level >= 2 and block.kind == "heading" and _named_company(state, block.text):
        # "### Quorrel AI" over notes about a company the report has named as one before: its section
        state.company, state.company_level, state.company_heading = heading_name(block.text), level, block.text
    elif level >= 2 and (sheet := _NAMED_SHEET.fullmatch(strip_numbering(block.text).strip(" *:"))) \
            and (named := trim_name(state, sheet.group("n"))) and (named in state.names or looks_like_org(named)):
        # "**Sunrim Compute: key numbers**" over a list of figures: that company's
        state.company, state.company_level, state.company_heading = named, level, block.text
        state.kinds.append((named, "company"))
    elif level >= 2 and block.kind == "heading" and not state.company \
            and _FACT_SHEET.fullmatch(strip_numbering(block.text).strip(" *:")) and (principal := principal_company(state)):
        # "## Company facts" closing an interview with one company's CEO: that company's, though it names none
        state.company, state.company_level, state.company_heading = principal, level, block.text
    elif level >= 2 and block.kind == "heading" and not state.company and is_trend(block):
        label = _TREND_NUMBER.sub("", strip_numbering(block.text))
        broader = state.trend_levels[max(state.trend_levels)] if state.trend_levels else None
        state.trend_levels[level] = label
        state.facts.append(Trend(source, label, broader))
        trends = (label,)
    category = _section_category(block.text)
    # A report's own title speaks of the market, not of each company in it.
    if category and not state.company and level >= 2:
        state.categories_by_heading[level] = category
    state.statements.append(Statement(source, block.kind, block.text, block.section, trends=trends))


_NAMED_SHEET = re.compile(rf"(?P<n>{NAME})\s*(?::|[—–-]|\s)\s*(?i:key\s+(?:numbers|facts|figures|metrics)|at\s+a\s+glance|in\s+numbers|"
                          r"by\s+the\s+numbers|fact\s*sheet|snapshot)")
_FACT_SHEET = re.compile(r"(?i)(?:company\s+)?(?:facts|fact\s*sheet|snapshot|at\s+a\s+glance|key\s+facts|in\s+brief)"
                         r"|company\s+(?:overview|profile|data)")


def _heading_when(state: State, text: str) -> When | None:
    """'### March' (of the report's year, or of the year heading above), '## Q3 2025', '### June 2025': a
    heading that is a date shorter than a year and nothing else (a year's heading dates its section apart)."""
    text = text.strip(" *:")
    dates = find_dates(text)
    if len(dates) == 1 and dates[0][0] == 0 and dates[0][1] >= len(text) and dates[0][2].precision != "year":
        return dates[0][2]
    alone = relative_dates(f"in {text}", state.written) if not dates and len(text) <= 12 else []
    return alone[0][2] if len(alone) == 1 and alone[0][1] == len(text) + 3 else None


def _dated(fact: Fact, when: When) -> Fact:
    """A round, deal or figure that tells no date of its own, dated by the heading it stands under."""
    return replace(fact, when=when) if isinstance(fact, (Round, Acquisition, Observation)) and fact.when is None else fact


def _run_in(state: State, block: Block) -> None:
    """'**Quillane Compute.** The Columbus, Ohio neocloud ...': a run-in heading; the rest of its paragraph (the
    lines right after it) is about that company, as a section is about the company its heading names."""
    if state.run_in and (block.kind != "paragraph" or block.line > state.run_in[1] + 1):
        state.company, state.company_level, state.company_heading = state.run_in[2]
        state.run_in = None
    if state.run_in:
        state.run_in = (state.run_in[0], block.line, state.run_in[2])
    named = _RUN_IN.fullmatch(block.text) if block.kind == "paragraph" and not block.index and block.section else None
    name = named.group(1) if named else ""
    # (a name, not "Verdict." or "Bottom line.": one that looks like a firm's, or that the report has named as one)
    if name and looks_like_name(name) and not COMMON_NOUN.fullmatch(name) and (looks_like_org(name) or name in state.names
                                           or kinds_of(state, name_key(name)) & {"company", "org"}):
        before = state.run_in[2] if state.run_in else (state.company, state.company_level, state.company_heading)
        state.run_in = (name, block.line, before)
        state.company, state.company_level, state.company_heading = name, 99, block.section[-1]
        state.kinds.append((name, "company"))


_RUN_IN = re.compile(r"([A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,4})\.")
# "### 2023", "## 2024: the price war": a year's heading
_YEAR_HEADING = re.compile(r"((?:19|20)\d\d)(?:\s*[:—–-]\s*.{0,60})?")
# Front-matter fields that date a post (the first there)
_DATE_FIELDS = ("date", "published", "publishdate", "pubdate", "created", "updated", "lastmod")
_REFERENCES = re.compile(r"\W*(?:\d+[.)]?\s+)?(?:references|sources|bibliography|citations|works cited|further reading|"
                         r"notes and references|sources and notes|source links|links)\W*", re.I)
_SOURCES_LINE = re.compile(r"\s*(?:sources?|references?|via|read more|further reading)\s*:", re.I)


def _named_company(state: State, title: str) -> bool:
    name = heading_name(title)
    return bool(name and name == title.strip() and name in state.names and "company" in kinds_of(state, name_key(name)))


# "## Key Trends" over "1. **Inference overtakes training:** ...": each labelled line is a trend
_LISTS_TRENDS = re.compile(r"\b(?:trends|drivers|themes|shifts)\b", re.I)
# "### Trend 4: Consolidation among neoclouds", "### Trend: Sovereign AI": the trend is what follows
_TREND_NUMBER = re.compile(r"^(?:trend|theme|driver)\s*(?:#?\d+\s*)?[:.–—-]\s*", re.I)


def _content(state: State, block: Block, source: Source) -> None:
    own_links = tuple(link.url for link in block.links if iris.is_absolute(link.url))
    for link in block.links:
        # (a link to a part of the report itself, as a table of contents has, points at no source to miss)
        if not iris.is_absolute(link.url) and not link.url.startswith("#"):
            state.notices.append(Notice(state.report.file_name, block.line, f"the link '{link.url}' is not a valid absolute "
                                        "URL; it stays in the statement's text but is not recorded as a cited source"))
    if block.kind != "bullet":
        state.listing = block.kind == "paragraph" and block.text.rstrip().endswith(":")
    if block.kind == "paragraph" and (own_links or block.text.rstrip().endswith(":")):
        state.intro, state.intro_line = block.text, block.line
    if block.kind != "table-row":
        state.caption = block.text if block.kind == "paragraph" and not block.index and len(block.text) < 160 else ""
    if block.kind == "paragraph" and not state.section_sources:
        # A paragraph's links cite it and the list or table it introduces, not the paragraphs
        # after it; a line of sources ("Sources: [A](...), [B](...)") cites its whole section.
        if not block.index:
            state.section_links = ()
        if own_links:
            state.section_links = own_links
            state.section_sources = bool(_SOURCES_LINE.match(block.text))
    for bad in malformed_amounts(block.text):
        state.notices.append(Notice(state.report.file_name, block.line, f"cannot read the amount '{bad}'; the line is kept as a statement"))
    before = len(state.facts)
    stated, block = block, _for_reading(state, block)  # the statement keeps the report's own words
    # (a sentence of the same paragraph, or the next line of it, which the parser numbers anew)
    next_line = block.kind == "paragraph" and state.last_line == block.line - 1
    if block.kind != "table-row":
        state.scale_note = scale_note(block.text) if block.kind == "paragraph" else None
        # "amounts in millions unless stated": said once, for the rest of the report (in a byline's parts too)
        if block.kind in ("paragraph", "bullet"):
            state.money_scale = money_scale(block.text) or state.money_scale
    fiscal.learn(state, block.text)  # "its fiscal year ends March 31", a table's "| FY2024-25 |": what an "FY2024" means
    if block.kind == "paragraph" and state.table_facts and state.table_facts[1] == before:
        table_note(state, block.text)  # "Prices are per GPU-hour, as of December 1, 2025." right under a table
    elif block.kind == "paragraph":
        price_basis(state, block.text)  # "... Prices are per GPU-hour unless a note says otherwise": the report's prices
    if block.kind in ("meta", "running"):  # front matter (the report's date and title), page headers: kept, not read
        pass
    elif block.links and block.section and _REFERENCES.fullmatch(block.section[-1]):
        pass  # a list of sources cites them: the titles of the articles are theirs to tell, not the report's
    elif block.kind == "code":  # a code block's lines are kept as they are, not read
        if not state.statements or state.statements[-1].kind != "code":
            state.notices.append(Notice(state.report.file_name, block.line, "a code block is kept as statements; "
                                        "its lines are not read for facts"))
    elif block.kind == "table-row":
        table_row(state, block, source)
        start = state.table_facts[0] if state.table_facts and state.table_facts[1] == before else before
        state.table_facts = (start, len(state.facts))
    elif not block.label and block.kind == "bullet" and not state.company and (card := _plain_card(block)):
        labelled(state, card, source)  # "- Nodewell (Berlin): inference API, 2,000 developers"
    elif block.label and state.investor and not state.company:
        investor_line(state, block, source)
    elif block.label and not state.company and block.kind == "bullet" and state.list_subject \
            and (_measure_label(block.label) or not looks_like_name(strip_parens(block.label))) \
            and not _names_others(state, block.value or ""):  # (a label that is a name is another's: "Pyxtra AI (neocloud)")
        # "**Bursztyn Cloud** is ... It closed ..." over "- Fleet: about 1,400 GPUs": the list goes on about
        # the company of the paragraph it follows
        state.company = state.list_subject
        labelled(state, block, source)
        state.company = None
    elif block.label:
        labelled(state, block, source)
    elif card_field(state, block, source):
        pass
    else:
        told = told_of(state.company, block.text) if state.company else None  # "Acquired by Y in 2025."
        subject = state.company if state.company and (told or _about_company(state, block.text)) else None
        if subject and not told and (block.index or next_line) and state.previous not in (None, subject) \
                and (_IT_RUNS.match(block.text) or _TITLED_OPENS.match(block.text)):
            # "Osprena Cloud ... reported revenue of €96 million. Chief executive Mira Ilves told us ...": in another
            # company's section, the company of the sentence before
            subject = state.previous
        if not subject and block.kind == "bullet" and not block.index and state.list_subject \
                and not _names_others(state, block.text) and not _OPENS_WITH_NAME.match(block.text) \
                and not _GENERIC_OPEN.match(block.text):
            subject = state.list_subject  # "- roughly 9,500 GPUs today" under a paragraph about one company
        firm = _THE_FIRM.search(block.text)
        if not subject and (block.index or next_line) and (_IT.match(block.text) or _IT_DID.match(block.text)
                                                            or _TITLED_OPENS.match(block.text)
                                                            or (firm or _a_measure_opens(block.text))
                                                            and not _named_before(state, block.text, firm)
                                                            and not opening_orgs(state, block.text)
                                                            or _of_no_one(state, block.text)):
            # "X raised ¥8 billion ... The company operates 3,000 GPUs", "CEO Y said the firm will ...",
            # "X reported revenue of $1.4B. Net loss was $110M for the quarter."
            subject = state.sold if state.sold and _A_PART.match(block.text) else state.previous
        elif not subject and firm and firm.group(0).startswith("the") and not opening_orgs(state, block.text) \
                and not _named_before(state, block.text, firm):
            # "In the 12 months to September 2025 the company booked revenue of ..." opening a paragraph of a company's
            # press release: the company the report is about
            subject = principal_company(state)
        if state.last_round and state.last_round.source.line >= block.line - 1 and _THE_FINANCING.match(block.text):
            subject = state.last_round.company  # (in a lender's own words too: the facility's GPUs are the borrower's)
        short = short_name(block.text, subject) if subject else None
        if short:  # the report's own word that the two names are one company
            state.short_names.append((short, subject))
        speaker = state.speaker if state.speaker and state.speaker[0] == block.line else None
        if speaker:  # the rest of an interview answer: "... That was in September, and it put us at ..."
            told = in_third_person(told or block.text, speaker[1], speaker[2])
            # (unless the sentence is about another company: "Saltreef raised $30 million from ...")
            did = _NAME_DID.match(told)
            other = None if subject else opening_name(state, told) or (trim_name(state, did.group("n")) if did else None)
            subject = subject or (speaker[2] if not other or other == speaker[2] else other if did else None)
        elif state.quoted and state.quoted[0] == block.line and block.text.lstrip()[:1] in ('"', "“") \
                and FIRST_PERSON.search(block.text):
            # '"..." said X, CEO of Skelbrook. "We ended September with 46,500 GPUs online"': the speaker's company
            told = in_third_person(told or block.text, "", state.quoted[1])
            subject = subject or state.quoted[1]
        elif state.author:  # a firm's own letter: "We led Varnhem Compute's $40M Series A"
            told = in_third_person(told or block.text, "", state.author)
        prose(state, told or block.text, source, subject)
        if block.kind == "paragraph" and (speaks_for := quoted_for(state, block.text)):
            state.quoted = (block.line, speaks_for)
    state.last_line = block.line if block.kind == "paragraph" else 0
    renamed(state, block.text)
    if " is " in block.text[:80]:
        identified(state, block.text)
    if "(" in block.text and not (block.label and speaker_label(block.label)):  # (a speaker's firm: no second name)
        abbreviated(state, block.text)
        translated(state, block.text)
    if block.kind in ("paragraph", "bullet"):
        deal_sequel(state, block.text, block.line)
    facts = state.facts[before:]
    about = [getattr(f, "company", None) or getattr(f, "acquirer", None) or getattr(f, "subject", None) for f in facts]
    # "The company" after a sentence about an investor ("PIF has said it will keep funding ...")
    # is still the company before it
    state.sold = next((f.target for f in facts if isinstance(f, Acquisition)), None)  # for the next sentence only
    if facts:
        # the sentence's own subject when facts are told of it, though another name's came first ("Zephyrine
        # Serverless ... was acqui-hired by AI lab Fernhollow Research. Its 18-person team ...")
        said = _sentence_subject(state, block.text) if block.kind != "table-row" and len(set(about) - {None}) > 1 else None
        state.previous = said if said and said in about and not investor_only(state, said) else \
            next((n for n in about if n and not investor_only(state, n)), state.previous if block.index else None)
    elif (block.kind == "paragraph" or block.kind == "bullet" and (block.line, block.index) in state.followed) \
            and not block.label:
        # a sentence that tells no figure still says whom "It" next means ("Like its peers, Basalt
        # Compute began life as a miner. It pivoted ..."), in a list item too when another sentence follows it
        # (a list of one-line items, as a profile's strengths are, has none: not worth asking of each)
        said = _sentence_subject(state, block.text) or _only_company(state, block.text)
        state.previous = said if said and not investor_only(state, said) else state.previous if block.index else None
    else:
        state.previous = state.previous if block.index else None
    if block.kind == "paragraph":
        # the first company the paragraph is about, though its last sentence may turn to its investors ("Tencent
        # ... came in as cornerstone investors"); a short line that opens the list, "Some context on the fleet:",
        # keeps the company before it
        intro = not state.previous and block.text.rstrip().endswith(":") and len(block.text) < 80
        state.list_subject = (state.list_subject or state.previous) if block.index or next_line else \
            state.previous or (state.list_subject if intro else None)
    elif block.kind != "bullet":
        state.list_subject = None
    trends = tuple(state.trend_levels.values())[-1:]
    if block.label and state.trend_levels and block.label not in state.names and (
            "insight" in " ".join(block.section).lower() or _LISTS_TRENDS.search(block.section[-1])):
        label = block.label
        state.facts.append(Trend(source, label, trends[0] if trends else None))
        trends = (label,)
    spans = state.names.find(block.text)
    found = [form for form, _, _ in spans]
    # The sentence is read with "Shinonome GPU Cloud, Inc." as one name without its comma; the legal name
    # as the report writes it is kept too, as a spelling a reader may look the company up by
    found += [block.text[start:m.end()] for _, start, end in spans if (m := LEGAL_FORM_AFTER.match(block.text, end))]
    if block.kind not in ("code", "meta", "running"):  # a name in quoted code or a tag makes nothing an organization
        # (no org "LONDON" of a dateline, nor "Dmitri Fennimore" of a call's "Dmitri Fennimore (Castlebrook Securities):")
        opening = (block.value or "") if block.label and (is_dateline(block.label) or speaker_label(block.label)) \
            else block.label or block.text
        state.kinds.extend((form, "org") for form in found + opening_orgs(state, REPORT_VERB.sub("", opening)))
    mentioned = found + [n for f in facts for n in _fact_names(f)]
    state.statements.append(Statement(
        source, block.kind, stated.text, block.section,
        cited=own_links or state.section_links,
        mentions=tuple(dict.fromkeys(mentioned)),
        trends=trends,
    ))
    _heading_categories(state, block, source)


def _for_reading(state: State, block: Block) -> Block:
    """The block as it is read: a filing's defined term as the name it stands for ('The Company expects ...'
    as 'Corvellan Cloud, Inc. expects ...'), and without a post's number, pictures and a ticker ("2/14 Culvane
    Cloud (Denver neocloud 🏔️) raised ...", "Sunderly Cloud ($SNDY), the Dallas neocloud")."""
    _define(state, block.text)
    if state.defined and _DEFINED_USE.search(block.text):
        block = replace(block, text=_with_defined(state, block.text),
                        value=_with_defined(state, block.value) if block.value else block.value)
    if state.day_first is not None and _AMBIGUOUS_DATE.search(block.text):  # "09/05/2025" in a report that writes 15/08/2025
        block = replace(block, text=_AMBIGUOUS_DATE.sub(lambda m: _spelled_date(m, state.day_first), block.text),
                        value=_AMBIGUOUS_DATE.sub(lambda m: _spelled_date(m, state.day_first), block.value)
                        if block.value else block.value)
    if state.author and block.kind == "bullet" and FIRST_PERSON.search(block.text):
        # "- **Pinegarth Growth** — led our Series B" on the company's own page: its Series B
        block = replace(block, text=in_third_person(block.text, "", state.author),
                        value=in_third_person(block.value, "", state.author) if block.value else block.value)
    if _EMOJI.search(block.text) or _POST_NUMBER.match(block.text) or "($" in block.text \
            or _SECTION_NUMBER.match(block.text) or _SUBSECTION.search(block.text) and _CROSS_REFERENCE.search(block.text) \
            or "$" in block.text and (_SERIES_LETTER.search(block.text) or _TYPE_FIRST.match(block.text)):
        block = replace(block, text=_tidy(_POST_NUMBER.sub("", _SECTION_NUMBER.sub("", block.text))),
                        value=_tidy(block.value) if block.value else block.value)
    spoken = _SPOKEN.match(block.text) if block.kind == "paragraph" and not block.label and not block.index else None
    if spoken and (not spoken.group("t") or speaker_title(spoken.group("t"))):
        # a transcript's plain "Rafferty Nkemelu (CFO): Thank you." read as the labelled turn it is
        block = replace(block, label=spoken.group("l"), value=block.text[spoken.end():])
    return block


_SPOKEN = re.compile(rf"(?P<l>{PERSON}\s*\((?P<t>[^()]{{1,60}})\)|Operator|Moderator|Host|Interviewer):\s+(?=\S)")


_DAY_FIRST = re.compile(r"\b(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)\d\d\b")
_MONTH_FIRST = re.compile(r"\b(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])/(?:19|20)\d\d\b")
_AMBIGUOUS_DATE = re.compile(r"\b(0?[1-9]|1[0-2])/(0?[1-9]|1[0-2])/((?:19|20)\d\d)\b")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _slash_dates_order(text: str) -> bool | None:
    """Whether the report writes its slashed dates day first (15/08/2025), month first (08/15/2025), or cannot tell."""
    day, month = bool(_DAY_FIRST.search(text)), bool(_MONTH_FIRST.search(text))
    return day if day != month else None


def _spelled_date(m: re.Match[str], day_first: bool) -> str:
    day, month = (m.group(1), m.group(2)) if day_first else (m.group(2), m.group(1))
    return f"{int(day)} {_MONTHS[int(month) - 1]} {m.group(3)}"


_TICKER = re.compile(r"\s\(\$[A-Z]{1,5}\)")
_POST_NUMBER = re.compile(r"^\d{1,2}/(?:\d{1,2})?\s+(?=\S)")  # a thread's "2/14 " or "2/ "
# a questionnaire's "**1.3 Legal entity and ownership.**", and its "the facility described in 2.4": no figures
_SUBSECTION = re.compile(r"\d\.\d")  # (what a cross-reference holds: the costly pattern runs only on such lines)
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-Z])")
_CROSS_REFERENCE = re.compile(r"\b(?:(?:described|set\s+out|detailed|explained|shown)\s+(?:in|under|at)|see|per|"
                              r"(?:[Ss]ection|[Qq]uestion|[Ii]tem|[Cc]lause|§))\s*(?P<n>\d{1,2}(?:\.\d{1,2})+)\b(?![.,]?\d|\s*(?:%|x\b))")
# a thread's "$42M A for Tarnwell", "closed a $180M B led by ...": a series by its letter
# ... and its "Seed: $6.5M for Quillet Labs": the round, as "$6.5M Seed for Quillet Labs" tells it
_TYPE_FIRST = re.compile(r"^(?P<t>(?:[Pp]re-)?[Ss]eed|Series\s+[A-H]\d?)\s*:\s+(?P<a>~?(?:[A-Z]{1,2}\$|[$€£¥₹₩])\s?\d[\d.,]*\s?"
                         r"(?:[MBK]|mn|bn|million|billion)?)\s+(?=for\s)")
_SERIES_LETTER = re.compile(r"(?P<a>\$\s?\d[\d.,]*\s?(?:[MBK]|mn|bn|million|billion))\s+(?P<l>[A-F])\b"
                            r"(?=\s+(?:for|led|round|from|extension)\b)")


def _tidy(text: str) -> str:
    text = _TICKER.sub("", _EMOJI.sub("", text)).strip()
    text = _CROSS_REFERENCE.sub(lambda m: m.group(0)[:m.start("n") - m.start()] + "above", text)
    if "$" in text:
        text = _TYPE_FIRST.sub(r"\g<a> \g<t> ", _SERIES_LETTER.sub(r"\g<a> Series \g<l>", text))
    return text


_EMOJI = re.compile(r"\s?[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+(?=\s|\)|$)|"
                    r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+\s?")

# 'Corvellan Cloud, Inc. (the "Company")': a filing's name for its registrant, used from then on
_DEFINES = re.compile(rf"(?P<n>{NAME}(?:,\s+(?:Inc|Corp|Ltd|LLC|Co|plc|N\.V|S\.A|AG|SE)\.?)?)\s*\(\s*(?:the\s+)?[\"“](?P<t>Company|Registrant|Issuer|Borrower|Parent)[\"”]\s*\)")
_DEFINED_HINT = re.compile(r"\(\s*(?:the\s+)?[\"“]")
_DEFINED_USE = re.compile(r"\b(?:the|The)\s+(?P<t>Company|Registrant|Issuer|Borrower|Parent)\b(?!\s*[\"”])")


def _define(state: State, text: str) -> None:
    if _DEFINED_HINT.search(text):  # the pattern opens with a name: costly on every line
        for m in _DEFINES.finditer(text):
            state.defined[m.group("t")] = trim_name(state, m.group("n"))


def _with_defined(state: State, text: str) -> str:
    return _DEFINED_USE.sub(lambda m: state.defined.get(m.group("t"), m.group(0)), text)


def _about_company(state: State, text: str) -> bool:
    """A sentence in a profile is about the profiled company unless it opens with another name;
    the company's short name ('Traivuma' in the profile of 'Traivuma Cloud') is not another, nor is
    what the other is said to be ('The Lisbon-based neocloud Lumeira Compute says')."""
    opening = BASED_OPENER.sub("", text)
    opening = opening[OPENING_ADVERBIAL.match(opening).end():]  # "In October Ardent Cloud appointed ..."
    lead = state.names.leading(opening) or (opening_orgs(state, opening) if opening != text else [])
    company = state.company or ""
    return not lead or short_name(text, company) is not None or \
        lead[0] in state.names and state.names.names.get(name_key(lead[0])) == state.names.names.get(name_key(company))


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


# "X to Acquire Y, Adding a Serverless GPU Platform": the category of what the heading's subject buys, which its
# section's other companies need not be in (not "buys from three neoclouds": those it buys from are its companies)
_CATEGORY_OBJECT = re.compile(r"\b(?:buys?|bought|buying|adds?|adding|acquires?|acquiring)\s+(?!from\b)(?:[\w-]+\s+){0,3}$", re.I)


def _section_category(heading: str) -> str | None:
    """The one category a heading files its section's companies under ('Neocloud Emergence'); none when it names
    two ('Hyperscalers versus neoclouds', 'From crypto miners to AI clouds') or the category is what is dealt with."""
    found = lexicon.find("categories", heading)
    if len({key for key, _, _ in found}) != 1 or any(_CATEGORY_OBJECT.search(heading, 0, start) for _, start, _ in found):
        return None
    return found[0][0]


def _heading_categories(state: State, block: Block, source: Source) -> None:
    """A section titled with a category ('Neocloud Emergence') places the companies its lines open with in it."""
    if not state.categories_by_heading:
        return
    category = state.categories_by_heading[max(state.categories_by_heading)]
    if _CONTRAST.search(block.text):
        return
    if block.kind == "table-row":  # "## League table: independent neoclouds" over its rows: the company of each row,
        own = [f for f in state.facts[-12:] if f.source == source]  # unless the row says what it is, or the heading
        if any(isinstance(f, Category) for f in own) or block.section and _COMPARED.search(block.section[-1]):
            return  # sets the kind against others ("Neoclouds vs hyperscalers")
        subjects = [n for f in own for n in [getattr(f, "company", None) or getattr(f, "subject", None)] if n][:1]
    else:
        subjects = [block.label] if block.label and block.label in state.names else state.names.leading(block.text)
    for name in subjects:
        add(state, Category(source, name, category), ("company", name))
