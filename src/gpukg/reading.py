"""The state of reading one report, shared by the readers of its parts.

``State`` holds what the walk through a report knows at a given line (the
profiled company, the section, the list intro); ``add`` records a fact and
what its names were used as.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from . import lexicon
from .amounts import CURRENCY_CODES
from .dates import relative_dates
from .names import Gazetteer, is_curated, name_key
from .phrases import NAME, PLACE_OWNS, after, looks_like_name, looks_like_org, split_names
from .records import Fact, Notice, Observation, Report, Round, Statement, When


@dataclass
class ScaleNote:
    """What a line above a table of financial statements says of its bare numbers: their scale
    ("thousand"), their currency (from the line, or the first cell that shows one: statements
    write "$" on the first row only), and the rows it leaves out ("per share")."""

    scale: str
    currency: str | None = None
    unless: str | None = None
    line: int = 0  # the last row it was applied to: a row not right under it begins another table


@dataclass
class State:
    report: Report
    names: Gazetteer
    company: str | None = None
    company_level: int = 0
    company_heading: str = ""  # the heading text of the profile being read, in each of its lines' sections
    investor: str | None = None  # the investor whose profile is being read, and its heading's level
    investor_level: int = 0
    trend_levels: dict[int, str] = field(default_factory=dict)  # heading level -> trend label
    section_links: tuple[str, ...] = ()
    section_sources: bool = False  # the section's links came from a line of sources: they cite all of it
    intro: str = ""  # the paragraph that introduces the list being read
    intro_line: int = 0  # its line
    caption: str = ""  # the short paragraph just read, which may name what the table under it counts
    table_lines: tuple[int, int] = (0, 0)  # (first, last) line of the table rows being read
    categories_by_heading: dict[int, str] = field(default_factory=dict)  # heading level -> category slug
    statements: list[Statement] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    kinds: list[tuple[str, str]] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    short_names: list[tuple[str, str]] = field(default_factory=list)
    seen_companies: dict[str, int] = field(default_factory=dict)
    last_round: Round | None = None  # for a next sentence that adds to it
    question: str = ""  # a Q&A's last question, which its answer may refer to ("the round")
    answered: str | None = None  # the company the section's last answer was about, for a question that names none
    followed: frozenset[tuple[int, int]] = frozenset()  # (line, index) of the list items' sentences another one follows
    previous: str | None = None  # the company the last sentence of the paragraph was about ("The company ...")
    sold: str | None = None  # the company the last sentence sold or bought ("The carved-out unit runs ...")
    section: tuple[str, ...] = ()  # the headings over the block being read
    listing: bool = False  # in the list an introduction ending with a colon opens ("... awarded grants to three startups:")
    table_facts: tuple[int, int] | None = None  # where the facts of the table just read are in ``facts``
    scale_note: ScaleNote | None = None  # "(in thousands, except per share data)" over the table being read
    money_scale: ScaleNote | None = None  # "amounts in millions unless stated": the scale of the report's bare amounts
    surnames: dict[str, str | None] = field(default_factory=dict)  # a person's last word -> the person (None: two people)
    speaker: tuple[int, str, str] | None = None  # (line, person, company) of an interview answer being read
    quoted: tuple[int, str] | None = None  # (line, company) of a speaker quoted in a paragraph: "We" of its next quotes
    last_line: int = 0  # the line of the paragraph sentence read last (0 after anything else)
    price_per: str | None = None  # what the report says its prices are per ("Prices are per GPU-hour")
    token_per: str | None = None  # what the report's last token price was per ("$0.60 per million input tokens")
    card: tuple[int, str] | None = None  # a labelled item's line and name: its later sentences may be its fields
    list_subject: str | None = None  # the company the paragraph before a list was about: its labelled items' subject
    written: When | None = None  # the report's own date, from its title or a dateline: what "in June" is told against
    report_written: When | None = None  # ... which a year's heading ("### 2023") stands in for over its section
    year_level: int = 0  # the level of that heading
    heading_when: When | None = None  # a heading's date ("### March", "## Q3 2025"): what its section's events are of
    heading_when_level: int = 0
    # a run-in heading's company, the last line of its paragraph so far, and the company, level and heading before it
    run_in: tuple[str, int, tuple[str | None, int, str]] | None = None
    author: str | None = None  # the organization a report is written by, its "we" ("Kestrelmoor Ventures: 2025 Annual Letter")
    kinds_by_key: dict[str, set[str]] = field(default_factory=dict)  # ``kinds`` by name key, up to ``kinds_indexed``
    kinds_indexed: int = 0
    defined: dict[str, str] = field(default_factory=dict)  # a filing's defined term -> its company ("Company" -> "Acme, Inc.")
    day_first: bool | None = None  # how the report writes 09/05/2025: day first, month first, or no telling
    fiscal: dict[str | None, tuple[int, int]] = field(default_factory=dict)  # company (None: all) -> (end month, years after)


def in_third_person(text: str, person: str, company: str) -> str:
    """'we just closed $50 million', 'I founded Lumenpath in 2020', 'our CTO' in an answer of
    Raj Menon, CEO of Lumenpath: the same told of him and his company, as the readers take it."""
    def told(m: re.Match[str]) -> str:
        word = m.group(0)
        lower = word.lower().replace("’", "'")
        said = _THIRD_PERSON.get(lower)
        if said is None or "{p}" in said and not person:
            return word
        said = said.format(p=person, c=company)
        return said[0].upper() + said[1:] if word[0].isupper() and said[0].islower() else said
    return FIRST_PERSON.sub(told, text)


_THIRD_PERSON = {"i": "{p}", "i'm": "{p} is", "i've": "{p} has", "my": "{p}'s", "we": "{c}", "we're": "{c} is",
                 "we've": "{c} has", "we'll": "{c} will", "our": "{c}'s", "us": "{c}"}
# contractions first: "We're" is not "We" then "'re"
# (not "We estimate the market at ...": the writer's view, which ``DISCOURSE`` takes off, of no company's figure)
FIRST_PERSON = re.compile(r"\b(?:I['’]m|I['’]ve|I|[Mm]y|[Ww]e['’]re|[Ww]e['’]ve|[Ww]e['’]ll|"
                          r"[Ww]e(?!\s+(?:estimate|expect|believe|think|model|forecast|calculate|understand|hear)\b)|[Oo]ur|us)\b")


def month_told(state: State, text: str) -> When | None:
    """'we acquired Tinderbox Labs in June': the month of the year the report was written in."""
    found = relative_dates(text, state.written) if state.written else []
    return next((when for _, _, when in found if when.iso), None)


def kinds_of(state: State, key: str) -> set[str]:
    """What the names with this key have been used as so far in the report (indexed as it grows)."""
    for spelled, kind in state.kinds[state.kinds_indexed:]:
        state.kinds_by_key.setdefault(name_key(spelled), set()).add(kind)
    state.kinds_indexed = len(state.kinds)
    return state.kinds_by_key.get(key, set())


def principal_company(state: State) -> str | None:
    """The company the report is about, when one is: the subject of at least half its facts so far (and of five)."""
    told = Counter(name for fact in state.facts for name in (getattr(fact, "company", None), getattr(fact, "subject", None))
                   if name)
    top = told.most_common(1)
    return top[0][0] if top and top[0][1] >= 5 and top[0][1] * 2 >= sum(told.values()) else None


def investor_only(state: State, name: str) -> bool:
    """The report has used ``name`` (or the name it abbreviates) as an investor and never as a company."""
    kinds = kinds_of(state, name_key(name))
    if "company" in kinds:
        return False
    if " " not in name:  # "PIF": the name it abbreviates counts too
        kinds = kinds.union(*(kinds_of(state, name_key(full)) for short, full in state.short_names if short == name))
    return "investor" in kinds


def add(state: State, fact: Fact, *kinds: tuple[str, str]) -> None:
    """Record a fact and what its names were used as: ``("investor", "Benchmark")``. A fact that two
    readers of one line both find is kept once."""
    person = getattr(fact, "person", None)
    untitled = person
    while untitled and (titled := TITLE_BEFORE.match(untitled)):
        untitled = untitled[titled.end():]
    if untitled != person and len(untitled.split()) >= 2:  # "Co-founder Luca Castellaz is CTO": the title is no part of the name
        fact = replace(fact, person=untitled)
        kinds = tuple((kind, fact.person if name == person else name) for kind, name in kinds)
    if not any(type(f) is type(fact) and f.source == fact.source and f == fact for f in state.facts[-6:]):
        state.facts.append(fact)
    state.kinds.extend((name, kind) for kind, name in kinds if name)
    person = getattr(fact, "person", None)
    if person and " " in person:
        surname = person.rsplit(" ", 1)[1]
        state.surnames[surname] = person if state.surnames.get(surname, person) == person else None


def qualify(state: State, start: int, qualifier: str) -> None:
    """Add ``qualifier`` to the figures read since ``start`` (a column's estimates, a row still to be built)."""
    state.facts[start:] = [replace(f, qualifiers=tuple(dict.fromkeys(f.qualifiers + (qualifier,))))
                           if isinstance(f, Observation) else f for f in state.facts[start:]]


# a title before a name: "CEO Jane Roe", "Co-founders Paloma Villaseñor (CEO) and ..."
TITLE_BEFORE = re.compile(r"\b(?:CEO|CTO|CFO|COO|CPO|CRO|chief\s+\w+\s+officer|[Pp]resident|[Cc]hair(?:man|woman)?|"
                          r"[Cc]o-?[Ff]ounders?|[Ff]ounders?)\s+(?=[A-Z][a-z])")


def names_after(state: State, text: str, pattern: str) -> list[str]:
    part = after(text, pattern)
    return split_names(part, state.names.spelled_in(part)) if part else []


def qualifiers(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(dict.fromkeys(k for k, start, end in lexicon.find("qualifiers", text)
                               if not _in_name(text, start, end) and not _FUND_AFTER.match(text, end)))


_FUND_AFTER = re.compile(r"\s+funds?\b", re.I)  # "a Hefei government guidance fund": an investor, no forecast


def _in_name(text: str, start: int, end: int) -> bool:
    """A capitalised word between capitalised words is part of a name: "Industry Guidance Fund"
    (not "TTM revenue", nor the "Projected Revenue" of a label)."""
    word = text[start:end]
    if start == 0 or not word[0].isupper() or word.isupper():
        return False
    before, after = text[:start].split()[-1:], text[end:].split()[:1]
    return bool(before and after) and before[0][0].isupper() and after[0][0].isupper()


def short_name(text: str, company: str) -> str | None:
    """The first word of ``company`` when ``text`` opens with it alone, then a word in lower case
    ('Bisiva provides ...', 'In May Bisiva raised ...' in the profile of 'Bisiva Cloud'; not
    'Bisiva Networks', another name),
    unless that word is a curated company of its own ('Microsoft' in a profile of 'Microsoft Azure')."""
    words = company.split()
    if len(words) < 2 or len(words[0]) < 4 or is_curated(words[0]):
        return None
    # a pattern made of the word would be compiled for each company: the word is looked for instead
    start = text.find(words[0], 0, 48)
    if start >= 0 and OPENING_ADVERBIAL.fullmatch(text, 0, start) and _SHORT_NAME_GOES_ON.match(text, start + len(words[0])):
        return words[0]
    return None


# "In April 2025 Corriedale closed ...", "Earlier this year, Corriedale ...": what may stand before a
# sentence's subject
OPENING_ADVERBIAL = re.compile(r"(?:(?:In|On|During|By|Since|Earlier|Later|Last|This|Then)\b[^,]{0,30}?,?\s+)?")
_SHORT_NAME_GOES_ON = re.compile(r"(?:'s|’s)?\s+(?!(?:plc|llc|gmbh|ltd|inc)\b)[a-z]")  # "Aurivon plc": a name of its own


def opening_name(state: State, text: str) -> str | None:
    text = DISCOURSE.sub("", text)  # "meanwhile Andreessen Horowitz raised ..."
    text = REPORT_VERB.sub("", text)  # "Covers Halvane Compute, an Austin-based neocloud, and ..."
    text = WHERE_OPENER.sub("", text)  # "In the UK, Wrenfield GPU Ltd prices ..."
    text = BASED_OPENER.sub("", text)  # "Zürich-based neocloud Almhalle Compute AG was founded ..."
    text = PHRASE_OPENER.sub("", text)  # "In connection with the Agreement, the Company updated ..."
    owner = PLACE_OWNS.match(text)
    if owner and (owner.group("place").lower() in lexicon.regions()  # "Singapore's Lumora Cloud has raised ..."
                  or owned_by_place(state, owner.group("place"), owner.group("c"))):  # "Jakarta's Sunda Cloud, led by ..."
        text = text[owner.start("c"):]
    lead = state.names.leading(text)
    if lead and text.startswith(lead[0] + " ") and text[len(lead[0]) + 1:len(lead[0]) + 2].isupper():
        # "Basalt Compute began", "Basalt" known
        longer = opening_orgs(state, text)
        if longer and longer[0].startswith(lead[0] + " "):
            return longer[0]
    lead = lead or opening_orgs(state, text)
    # "CFO Anneliese Korvath priced ...": an officer of the company, not one
    return lead[0] if lead and not OFFICER.match(lead[0]) else None


OFFICER = re.compile(r"(?:CEO|CTO|CFO|COO|CPO|CRO|Chief\s+\w+\s+[Oo]fficer|President|Chair(?:man|woman)?)\s+[A-Z][a-z]")


# where a sentence is set, before its subject: "In the UK, ", "Across Europe, "
WHERE_OPENER = re.compile(r"^(?:(?:In|Across|Outside|Within|Over in|Back in)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,\s+|"
                          r"The\s+(?:company|firm|startup|start-up)\s+)(?=[A-Z])")  # "The company Kaltwasser Compute GmbH realised"

# a phrase that sets the scene before the subject: "In connection with the Agreement, ", "On October 6, 2025, "
PHRASE_OPENER = re.compile(r"^(?:In connection with|As part of|Pursuant to|Following|After|Under|During|On)\s[^,;]{1,60},"
                           r"(?:\s\d{4},)?\s+(?=[A-Z])")

# a place the subject is based in, and what it is, before its name
BASED_OPENER = re.compile(r"^(?:The\s+)?[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*)?-(?:based|headquartered)\s+(?:[a-z][\w-]*\s+){0,3}(?=[A-Z])")

# a report's own verb opening a sentence that lists what it covers
REPORT_VERB = re.compile(r"^(?:Covers|Includes|Profiles|Compares|Tracks|Reviews|Features|Ranks|Examines|Spotlights)\s+(?=[A-Z])")

# a word that links a sentence to the one before it, not part of its subject
# "Its rival Altamira Web Services plans ...": after "Its", another company named by how it stands to the one before
OTHER_BY_RELATION = r"(?:(?:main|biggest|largest|closest|nearest|chief|key|smaller|larger)\s+)?(?:rival|competitor|peer|" \
    r"partner|customer|parent|investor|backer|supplier|acquirer)s?\s+(?=[A-Z])"
DISCOURSE = re.compile(r"^(?:meanwhile|separately|elsewhere|similarly|likewise|in turn|also|later|subsequently|additionally|"
                       r"moreover|furthermore|in addition|finally|notably|overall|today|now|yes|honestly|frankly|and|but|yet|"
                       # a purchase as the subject: "Buying Pellworm GPU, a serverless GPU platform, gives it ..."
                       r"buying|acquiring|heard|"
                       # when, after the sentence before: "The same month Kelvane Cloud passed 4,000 GPUs", "Two weeks later"
                       r"(?:in\s+)?(?:the\s+same|that|the\s+following|the\s+next)\s+(?:day|week|month|quarter|year)|"
                       r"(?:a|one|two|three|four|five|six|several|a\s+few)\s+(?:days?|weeks?|months?|years?)\s+later|"
                       # the report's own view, then what it is of: "We estimate NVIDIA shipped about 1.45 million ..."
                       r"we (?:estimate|expect|believe|think|model|forecast|calculate|understand|hear)(?: that)?),?\s+", re.I)

# a verb after the name (not any word in -s: "Strategic investments in ..."), its possessive or a comma
SUBJECT_FOLLOWS = re.compile(r"(?:'s|’s)|['’](?=\s)|\s*,|\s+(?:\w+(?:ing|ed|es|ly)|has|is|was|are|runs|sells|grew|won|took|made|led|"
                             r"bought|holds|operates|offers|provides|reached|revenue|revenues|valuation|arr|bills|charges|"
                             r"rents|costs|lists|leases|hosts|builds|ships|serves|counts|claims|says|said|expects|plans|aims|"
                             r"owns|employs|signs|targets|reports|raised|secured|closed|landed|lost|now|earns|generates|derives|gets|cut|cuts|also|"
                             r"invests|manages|backs|funds|lends|"
                             # past tenses not in -ed: "Sarnavo Compute broke ground", "Marrowfield Cloud laid off 120"
                             r"broke|laid|sold|paid|built|began|brought|drew|fell|rose|kept|spent|struck|swung|wrote|went|"
                             r"gave|got|held|became|came|chose|sent|shut|split|stood|withdrew|"
                             r"adds|buys|pays|brings|keeps|spends|opens|wins|becomes)\b")


# "Quanta Run's ARR reached ...": what only a company has makes its owner one
_OWNS_A_MEASURE = re.compile(r"(?:['’]s|(?<=s)['’])\s+(?:annual\s+)?(?:ARR|revenues?|valuation|GPU fleet|fleet|customers|CEO|CTO|CFO|"
                             r"COO|founders?|co-founders?|chief executive|headcount)\b")


def opening_orgs(state: State, text: str) -> list[str]:
    """Names a sentence opens with when they look like organizations and act as its subject."""
    out: list[str] = []
    pos = 0
    text = DISCOURSE.sub("", text)  # "Later Orrin Cloud raised ...": no company "Later Orrin Cloud"
    # a known name with "and" in it is one name: "The National Investment and Infrastructure Fund"
    head = text[:120]
    joined = [(form, start, end) for form, start, end in state.names.find(head) if " and " in form or "&" in form] \
        if " and " in head or "&" in head else []
    for m in re.finditer(rf"\s*(?:,\s*|\band\s+|&\s+)?(?P<n>{NAME})", text):
        if m.start() != pos:
            break
        whole = next(((form, end) for form, start, end in joined if m.start("n") <= start < m.end("n") < end), None)
        if whole:
            out.append(whole[0])
            pos = whole[1]
            continue
        spelled = re.split(r"(?:'s|’s)\b|(?<=s)['’]$", m.group("n"))[0]  # "Kepler Racks' annual revenue"
        name = _without_kind(_COMPOUND_LEAD.sub("", spelled))  # "Tokyo-based Hoshizora Compute K.K. raised ..."
        if out and name.lower() in lexicon.words("names", "corporate_suffixes"):  # "CoreWeave, Inc. raised": no name
            pos = m.start("n") + len(spelled)
            continue
        # Past the first word of a sentence, a capital letter is the writer's own sign of a name.
        owns = _OWNS_A_MEASURE.match(text, m.start("n") + len(spelled))
        if not name or COMMON_NOUN.fullmatch(name.rstrip(".")) \
                or not (name in state.names or looks_like_org(name) or (out and looks_like_name(name))
                        or owns and looks_like_name(name) and len(name.split()) > 1
                        or _is_category_after(text, m.start("n") + len(spelled)) and looks_like_name(name)
                        and name.lower() not in lexicon.regions()):
            break
        out.append(name)
        pos = m.start("n") + len(spelled)
    # "Stratos Cloud (NASDAQ: STRC) reported ...": a bracket after the name stands aside
    return out if out and SUBJECT_FOLLOWS.match(re.sub(r"^\s*\([^()]*\)", "", text[pos:])) else []


# "Ferrule AI is an inference platform": what only a company is makes the name one
_IS_A = re.compile(r"\s+(?:is|was|remains)\s+(?:now\s+)?(?:a|an)\s+")


def _is_category_after(text: str, at: int) -> bool:
    m = _IS_A.match(text, at)
    if not m:
        return False
    found = lexicon.find("categories", text[m.end():m.end() + 60])
    # the category heads what the name is: not "Europe is a market for GPU clouds"
    return bool(found) and not re.search(r"[,;.]|\b(?:for|of|in|with|to|that|which|where|like)\b",
                                         text[m.end():m.end() + found[0][1]])


# "The Paris-based Veridane", "Lumen Growth-backed Tessaract Labs": what the compound says of the name is no part of it
_ROUND_OF = re.compile(r"^(?:[A-Z]\s+)?(?:Series\s+[A-H]\d?|Seed|Pre-[Ss]eed)\s+(?:[Rr]ound\s+)?(?:of|for|in)\s+(?=[A-Z])")
_COMPOUND_LEAD = re.compile(r"^.*\b[\w.]+-(?:based|backed|funded|owned|headquartered|listed|traded)\s+(?=\S)")  # "Nasdaq-listed X"


def named_before(state: State, text: str, end: int) -> str | None:
    """The last organization ``text`` names before ``end``: whom 'the Toronto-headquartered platform' means."""
    known = [(start, form) for form, start, _ in state.names.find(text[:end])]
    # or shaped like an organization, or a name after "of", "at", "in" ("chair of the board of Ardentis")
    shaped = [(m.start("n"), m.group("n")) for m in _NAME_AFTER_WORD.finditer(text, 0, end)
              if looks_like_org(m.group("n")) or m.group("of") and looks_like_name(m.group("n"))
              and not _MONTH_WORD.match(m.group("n")) and m.group("n").lower() not in lexicon.regions()]
    found = sorted(known + [(start, trim_name(state, n)) for start, n in shaped])
    # not an investor: "$62M Series A led by Index Ventures; the marketplace lists ..."
    return next((n for start, n in reversed(found) if n and not _BACKER_BEFORE.search(text, max(0, start - 30), start)
                 and not ({"investor"} >= kinds_of(state, name_key(n)) > set())), None)


_NAME_AFTER_WORD = re.compile(rf"(?:\b(?P<of>of|at|in|for|from|by)\s+)?(?<![\w'’])(?P<n>{NAME})")
_BACKER_BEFORE = re.compile(r"\b(?:led by|co-led by|backed by|from|with|alongside|including)\s+$")
_MONTH_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")


def said_name(state: State, text: str) -> str | None:
    """'CEO Ines Moreau said Corvane Cloud would double its fleet': the company a reported
    statement is about."""
    m = _SAID.search(text) or _WE_SAID.match(text)
    if m:
        return trim_name(state, m.group("c"))
    after = _SAID_AFTER.search(text) if "said" in text or "says" in text else None
    name = trim_name(state, after.group("c")) if after else ""
    return name if name and (name in state.names or looks_like_org(name)) else None


# ("The release adds that Skelbrook has 410 MW": a document's words too)
_SAID = re.compile(rf"\b(?:said|says|told|added|adds|noted|notes|stated|states|shows|showed|confirmed|confirms)\s+(?:that\s+)?"
                   rf"(?P<c>{NAME})\s+(?:would|will|has|had|is|was|plans|expects|now|aims|intends|operates|runs|owns|holds|"
                   r"employs)\b")

# "The first 48 MW is slated to come online by late 2026, Sarnavo said.": the company that said it (not a person)
_SAID_AFTER = re.compile(rf",\s+(?P<c>{NAME})\s+(?:said|says)\s*[.;]?\s*$")


def quoted_for(state: State, text: str) -> str | None:
    """'"This financing gives us the capital," said Vashti Fenchurch, co-founder and CEO of Skelbrook.': the company
    the quoted speaker speaks for, which the paragraph's next quotes in the first person are about."""
    m = _ATTRIBUTED.search(text) if "said" in text or "says" in text or "added" in text or "noted" in text else None
    return trim_name(state, m.group("c")) or None if m else None


# '"...," said Vashti Fenchurch, co-founder and Chief Executive Officer of Skelbrook': a quote's speaker and company
_ATTRIBUTED = re.compile(rf"[\"”]\s*,?\s*(?:said|says|added|noted)\s+[^,\"“”]{{1,60}},\s+"
                         rf"(?:the\s+)?(?:[\w-]+\s+){{0,6}}?(?:of|at)\s+(?P<c>{NAME})")
# '"We raised $120 million ...," said Mira Santos, CEO of Lyra Compute.': "we" is the speaker's company
_WE_SAID = re.compile(rf"[\"“]\s*(?:We|Our)\b[^\"”]*{_ATTRIBUTED.pattern}")


def owned_name(state: State, name: str) -> str:
    """'Helsinki's Norrsken Compute' -> 'Norrsken Compute': the company after a place's (or any
    owner's) possessive, when it reads as a name of its own ('Moody's Analytics' stays whole)."""
    m = _OWNED.match(name)
    owned = m.group("owned") if m and name not in state.names else ""
    return owned if owned and (owned in state.names or looks_like_org(owned)) else name


_OWNED = re.compile(rf"[^'’\s]+['’]s\s+(?P<owned>{NAME})$")


# "Here's Pennacook Compute's October update": words a sentence opens a possessive with, no place
_NOT_PLACES = frozenset({"here", "there", "that", "what", "it", "who", "where", "today", "tomorrow", "yesterday", "this",
                         "everyone", "nobody", "somebody", "let", "he", "she"})


def owned_by_place(state: State, owner: str, owned: str) -> bool:
    """'Jeddah's Rimal Labs', 'Ho Chi Minh City's Sen Vang Cloud': an organization (a name of two
    words or more) after the possessive of a word that names no organization or person the report
    knows (a city, as far as words can tell)."""
    if owner.lower() in lexicon.words("places", "cities") and owner not in state.names and looks_like_name(owned):
        return True  # "Austin's Tollgarth": a city the lexicon knows, whatever the name after it
    return (" " not in owner or owner.endswith(" City")) and owner not in state.names and owner not in state.surnames \
        and owner.lower() not in _NOT_PLACES \
        and not looks_like_org(owner) and (owned in state.names or looks_like_org(owned) or " " in owned and looks_like_name(owned))


def _without_kind(name: str) -> str:
    """'Chipmaker Orrelin Systems' -> 'Orrelin Systems': what the company is, then its name; and
    'CEO of Quarrystone' -> 'Quarrystone': a title held there."""
    name = _TITLE_OF.sub("", name)
    kind = lexicon.find("categories", name) if " " in name else ()
    if kind and kind[0][1] == 0 and kind[0][2] < len(name) and name[kind[0][2]] == " " \
            and looks_like_name(name[kind[0][2] + 1:]):
        return name[kind[0][2] + 1:]
    return name


_TITLE_OF = re.compile(r"^(?:CEO|CTO|CFO|COO|CPO|CRO|President|Chair|Chairman|Founder|Co-founder|"
                       # "(Chief) Financial Officer of Ardwyck Data Centers"
                       r"(?:Chief\s+)?(?:Executive|Financial|Technology|Technical|Operating|Product|Revenue|Commercial)\s+Officer)"
                       r"\s+(?:and\s+\w+\s+)?of\s+(?=[A-Z])")


def trim_name(state: State, name: str) -> str:
    """'Meanwhile Acme' -> 'Acme': prefer the longest known name inside a matched phrase."""
    name = _COMPOUND_LEAD.sub("", name).rstrip("'’")  # "Fieldstone Ventures' portfolio"
    name = _ROUND_OF.sub("", name)  # "(the $95 million) Series B of Lumacrest Compute", "($28)M Series A of Orbisane AI"
    name = _without_kind(name)
    measured = re.match(r"(?P<c>.+?)['’]s\s+(?P<m>.+)$", name)
    if measured and _is_measure(measured.group("m")):  # "Sundara's ARR reached $31 million": Sundara's
        name = measured.group("c")
    owner = PLACE_OWNS.match(name)
    if owner and (owner.group("place").lower() in lexicon.regions()  # "Abu Dhabi's MGX"
                  or owned_by_place(state, owner.group("place"), owner.group("c"))):  # "Jeddah's Rimal Labs"
        name = name[owner.start("c"):]
    known = state.names.find(name)
    if known:
        return max(known, key=lambda k: k[2] - k[1])[0]
    words = name.split()
    while words and (words[0].lower() in ("in", "at", "meanwhile", "also", "and", "but", "yet", "so", "plus", "then", "recently",
                                          "earlier", "later", "when", "today", "yesterday", "now",  # "Today Pallasite announced"
                                          "heard", "hearing", "rumor", "rumour",  # a forum's "Heard Plinthwork just closed"
                                          "acquired", "acquires", "acquiring", "bought", "buys", "buying",
                                          "purchased", "after", "with",
                                          "subsequently", "separately", "additionally", "afterwards", "finally")
                     or len(words) > 1 and words[0] in MONTH_NAMES):  # "In May Thornvale Cloud completed"
        words.pop(0)
    if words and _FULL_STOP.search(words[-1]) and words[-1].lower() not in lexicon.words("names", "corporate_suffixes"):
        words[-1] = words[-1][:-1]  # the sentence's full stop, not an abbreviation's ("Acme Inc.", "Sakura K.K.")
    name = " ".join(words)
    # "agreed in July to acquire": no "July"; "The Company is raising", "Neoclouds raised ~$9.4B": no one's name
    # ("Dallas-based, founded 2022": where a company is, not its name)
    return name if looks_like_name(name) and name not in MONTH_NAMES and name not in CURRENCY_CODES \
        and not COMMON_NOUN.fullmatch(name) and not name.endswith(("-based", "-headquartered")) \
        and not _category_plural(name) else ""


def _is_measure(words: str) -> bool:
    hits = lexicon.find("metrics", words) + lexicon.find("amount_nouns", words) + lexicon.find("count_nouns", words)
    return any(start == 0 and end >= len(words.rstrip(". ")) for _, start, end in hits)


# (and a firm's fund by its number alone: "Fund IV", "Growth Fund III")
COMMON_NOUN = re.compile(r"(?:[Tt]he\s+)?(?:Company|Firm|Issuer|Registrant|Borrower|Group|Business|Startup|Target|Buyer|Seller|"
                         r"Board|Directors|Committee|Management|Shareholders|Members|Median|Average|Mean|"
                         r"Governance|Outlook|Risks|Terms|Timeline|Overview|Summary|Background|Highlights|Strategy)"
                         r"|(?:[Tt]he\s+)?(?:Growth\s+|Opportunity\s+|Credit\s+)?Fund\s+(?:[IVX]+|\d+)"
                         r"|(?:FY|H[12]\s?FY|Q[1-4]\s?FY)\s?\d{2,4}(?:[-/]\d{2,4})?\.?")  # "The Board", a fiscal year: no one's name


def _category_plural(name: str) -> bool:
    """'Neoclouds', 'Hyperscalers', 'Inference platforms': a kind of company, named in the plural."""
    hits = lexicon.find("categories", name) if name.endswith("s") else []
    return bool(hits) and hits[0][1] == 0 and hits[0][2] >= len(name) - 1


MONTH_NAMES = frozenset(("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                         "November", "December"))
_FULL_STOP = re.compile(r"[^\W\d_]{2,}\.$")  # "Labs.", "Gannet.ai.": a word of two letters or more, then "."
