"""Labelled lines: what a label says of the text after it ('**Founded:** 2019', '**Series A:**
$25M led by X', '**Kestrel GPU** (Berlin) — ...', '**SAN FRANCISCO, Nov. 24, 2025** — ...'), in a
company's profile or in a list of names.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import lexicon
from .amounts import find_quantities
from .background import about_who, background
from .dates import find_dates, first_date, relative_dates
from .deals import deal_status
from .figures import figures
from .people import PERSON, is_person, label_roles
from .phrases import LOWER, NAME, UPPER, clauses, looks_like_name, looks_like_org, split_names, strip_parens
from .prose import IS_A, LEGAL_FORM_AFTER, bracket_facts, category_from, prose, told_of
from .reading import COMMON_NOUN, SUBJECT_FOLLOWS, State, add, in_third_person, names_after, opening_orgs, qualifiers, trim_name
from .records import Acquisition, Backing, Block, Category, Headquarters, Observation, Role, Round, Source
from .report import sentences
from .rounds import AT_ITS_ROUND, PARTICIPATING, is_valuation


def _owner_titles(state: State, label: str) -> tuple[str, str] | None:
    """'Glenarm founder and CEO' -> ('Glenarm', 'founder and CEO'): a company's name, then only titles."""
    roles = lexicon.find("roles", label)
    if not roles or roles[0][1] == 0:
        return None
    owner, titles = label[:roles[0][1]].strip().removesuffix("'s").removesuffix("’s"), label[roles[0][1]:]
    rest = titles
    for _, start, end in reversed(roles):
        rest = rest[:start - roles[0][1]] + rest[end - roles[0][1]:]
    company = trim_name(state, owner) if looks_like_name(owner) else ""
    return (company, titles) if company and not re.sub(r"\b(?:and|&)\b|[,/]", "", rest).strip() else None


def labelled(state: State, block: Block, source: Source) -> None:
    """What a labelled line says: '**Founded:** 2019', '**Series A:** $25M led by X', '**Acme** — ...'."""
    label, value = block.label or "", block.value or ""
    company = state.company
    group = lexicon.exact("labels", label)
    if label.strip().lower() in ("q", "question"):  # "**Q: Who led X's Series B?**": a question states nothing
        state.question = value
        return
    if label.strip().lower() in ("a", "answer"):  # the answer, read as prose (not as figures labelled "A")
        opener = re.match(NAME, value)  # "Brightforge operates ..." after "How big is Brightforge's fleet?"
        asked = trim_name(state, opener.group(0)) if opener and opener.group(0) in state.question else None
        # "How much has Halvane raised?" ... "It raised $500 million": the company the question names
        asked = asked or (_asked_company(state, state.question) if not opening_orgs(state, value) else None)
        # ... or, when it names none, the company the answer before was about ("What does it charge?")
        asked = asked or (state.answered if not opening_orgs(state, value) else None)
        if (company or asked or "") in state.names:  # (not "What do the terms in this FAQ mean?")
            state.answered = company or asked
        first, *rest = re.split(r"(?<=[.!?])\s+(?=[A-Z])", _answered(state, value))
        _answer(state, first, source, company or asked)
        for sentence in rest:
            prose(state, sentence, source, company or asked)
        return
    dateline = _DATELINE.fullmatch(label) if is_dateline(label) else None
    if dateline and (company is None or dateline.group("p").isupper()):
        # "**SAN FRANCISCO, Nov. 24, 2025** — Acme today announced ...": where and when, not a name; a place in
        # capitals is a press release's dateline in a company's own report too, not a field of the company
        # (the date opens the sentence: "Tiderow AI on Nov. 4, 2025 announced" hid the subject of a name not yet known)
        told = f"On {dateline.group('d')}, {_TODAY.sub('', value, count=1).replace('  ', ' ')}" if _TODAY.search(value) else value
        prose(state, told, source, None)
        return
    about = _ABOUT.fullmatch(label.strip(" *:")) if value else None
    written = about.group("c") if about else ""
    if written.endswith(".") and written.split()[-1].lower() not in lexicon.words("names", "corporate_suffixes"):
        written = written[:-1]  # the run-in's full stop ("About Acme."), not a legal form's ("About Acme Inc."), as trim_name tells them
    if written and looks_like_name(written):
        # a release's boilerplate, "**About Ostravel Cloud, Inc.** Founded in 2019 ...": what follows is about that company
        named = trim_name(state, LEGAL_FORM_AFTER.sub("", written)) or written
        state.kinds.append((written, "company"))
        for sentence in sentences(value):
            prose(state, sentence, source, named)
        return
    number = find_quantities(label)
    if len(number) == 1 and number[0].start == 0 and number[0].end >= len(label.strip(" *:—–-")) and value:
        # "**16,000** — B200s Keldholme switched on", "**$1.2 billion** — Saltcote's post-money valuation": the
        # number and what it is of, read as one sentence (a count before its noun, an amount after its words)
        told = f"{label.strip(' *:')} {value}" if number[0].unit == "count" and not number[0].currency \
            else f"{value.rstrip(' .')}: {label.strip(' *:')}."
        prose(state, told, source, company)
        return
    speaker = _SPEAKER.fullmatch(label) if company is None else None
    if speaker:  # an interview's answer: "**Rosa Delgado, CEO of Halcyon Compute:** We expect ..."
        background(state, label, source, None)
        company = trim_name(state, speaker.group("c"))
        state.speaker = (source.line, speaker.group("p"), company) if company else None
        prose(state, in_third_person(value, speaker.group("p"), company) if company else value, source, company)
        return
    if _HOST.fullmatch(label.strip()):  # "**Operator:** Next, Beatrix Olufemi ...": a call's host states nothing
        return
    voice = _voice(state, label) if company is None or _TITLED_TURN.fullmatch(label.strip(" *:")) else None
    if voice:  # an interview's turn under its speaker's initials or name: "**KL:** We closed our Series B in March"
        person, employer = voice
        state.speaker = (source.line, person, employer) if employer else None  # and the turn's next sentences
        if not employer:  # the interviewer's, or a speaker of no known company: what the words say, no one's voice
            state.question = value if "?" in value else state.question
        prose(state, in_third_person(value, person, employer) if employer else value, source, employer)
        return
    if company is None and _is_date(label):  # "2025-01-08 — Nimbrel Cloud (neocloud, Denver): Ser. B $120M, ..."
        start = len(state.facts)
        prose(state, value if find_dates(value) else _dated(value, label), source, None)
        _dated_figures(state, start, label)
        return
    owned = _owner_titles(state, label) if company is None else None
    if owned:  # "- **Glenarm founder and CEO:** Rhiannon Osgood": the titles are held at the company the label opens with
        state.kinds.append((owned[0], "company"))
        about_who(state, owned[0], owned[1], value, source)
        return
    if company is None and (_is_entity_label(state, label) or _named_item(block, label)):
        _entity_item(state, label, value, source)
        return
    if company is None:
        _category_members(state, label, value, source)
        told = told_of(label, value) if looks_like_name(label) else None  # "**Harbor Growth:** Led X's Series C"
        prose(state, told or value, source, None, label=None if told else label)
        return
    if _ASKER.fullmatch(label.strip()) and "?" in value:  # "**Colm Ashdown (Halvergate Securities):** How concentrated ...?"
        state.question = value
        return
    said = _TURN.fullmatch(label.strip())
    if said and state.surnames.get(said.group("p").split()[-1]) == said.group("p"):
        # "**Tarun Aluwihare:** ... our fleet financing": a turn of the company's own people, in its voice
        _answer(state, in_third_person(value, said.group("p"), company), source, company)
        state.question = ""
        return
    if about_who(state, company, label, value, source):
        return
    if _STAKEHOLDERS.search(state.intro) and looks_like_name(label) and not group and _STAKE.fullmatch(value.strip()):
        # "Pre-IPO shareholders (stakes before the offering):" over "- Sequoia Capital: 14.2%": a backer
        investor = strip_parens(label)
        add(state, Backing(source, investor, company), ("investor", investor), ("company", company))
        return
    if not group and looks_like_name(label) and (_BACKED.match(value) or _AN_INVESTOR.search(value)) \
            and not label_roles(label) and not COMMON_NOUN.fullmatch(strip_parens(label)):  # (not "**Governance:**")
        # "- **Pinegarth Growth** — led our Series B in 2025", "- **NVIDIA** — a strategic investor since our
        # Series A" in a company's list of its investors
        investor = strip_parens(label)
        add(state, Backing(source, investor, company), ("investor", investor), ("company", company))
        prose(state, f"{investor}, {value}", source, None)  # (an aside: "X, our first institutional investor; led ...")
        return
    if group == "acquisition":
        _labelled_acquisition(state, company, value, source)
    elif group == "business_model":
        category_from(state, company, value, source, leading=not IS_A.search(value))
    elif group == "partners":
        for partner in split_names(value, state.names.spelled_in(value)):
            state.kinds.append((partner, "org"))
    elif lexicon.find("round_types", label) and _OURS.match(label):
        # "**Our commitment:** $50 million from Growth Fund II": the author's cheque in a round, no round of its own
        if state.author:
            add(state, Backing(source, state.author, company), ("investor", state.author), ("company", company))
    elif lexicon.find("round_types", label) and not lexicon.find("metrics", label) and group != "total_raised":
        _rounds(state, company, label, value, source)
    elif not group and _DESCRIBED.match(value) and lexicon.find("categories", value[:80]):
        # "**What it was:** a Seattle inference platform ..., founded in 2022": what the company is
        prose(state, f"{company} is {value}", source, company)
    elif _is_date(label) or told_of(company, value):
        # a timeline's line: "**2019** — Founded by A and B", "**March 2023:** Seed round of C$8M led by X"
        text = told_of(company, value) or value
        if _is_date(label) and not find_dates(value):
            text = _dated(text, label)
        prose(state, text, source, company)
    elif group == "total_raised" and (one := _one_round(value)):
        # "**Funding:** a $310 million Series C led by Sequoia Capital ...": one round, not all the company raised
        _rounds(state, company, one, value, source)
    else:
        metric = "total-raised" if group == "total_raised" else None
        figures(state, company, value, source, label=label, metric=metric)


_ONE = re.compile(r"(?:an?|its|one)\s+", re.I)
_IN_ALL = re.compile(r"\b(?:in total|in all|to date|total|across|so far|cumulative)\b", re.I)


def _one_round(value: str) -> str | None:
    """The type of the one round a funding field tells ('a $310 million Series C led by X', 'a €95 million GPU-backed
    debt facility'): an amount then its round's type, as the field writes it."""
    one = _ONE.match(value)
    amount = next((q for q in find_quantities(value) if q.currency), None) if one else None
    if amount is None or amount.start != one.end() or _IN_ALL.search(value):
        return None
    kind = next((k for k in lexicon.find("round_types", value[:120]) if k[0] != "unspecified"), None)
    return value[kind[1]:kind[2]] if kind and kind[1] <= amount.end + 30 else None


_DESCRIBED = re.compile(r"(?:an?|the)\s+(?!\d)", re.I)
_BACKED = re.compile(r"(?:co-)?led\b|joined\b|participated\b|invested\b|backs\b|backed\b|anchored\b|provides?\b[^.]*\b(?:facility|loan|financing)\b",
                     re.I)
_AN_INVESTOR = re.compile(r"^(?:an?|the|its|[\w ]+['’]s)\s+(?:[\w-]+\s+){0,3}?(?:investor|backer|shareholder|lender)\b", re.I)
_HOST = re.compile(r"(?:Operator|Moderator|Host|Interviewer)", re.I)
_ASKER = re.compile(rf"{PERSON}\s*\([^()]+\)")
_TURN = re.compile(rf"(?:(?:CEO|CFO|CTO|COO|President|Chair)\s+)?(?P<p>{PERSON})")
_STAKEHOLDERS = re.compile(r"\b(?:shareholders|stakeholders|holders|investors|backers|owners|cap table|stakes)\b[^.]*:\s*$", re.I)
_STAKE = re.compile(r"(?:about\s+|~)?\d+(?:\.\d+)?\s?%(?:\s*\([^)]*\))?")


# "Who led Vela Compute's Series B?" ... "Ardent Capital led the $80M round": the round the question names
_ASKED_ROUND = re.compile(rf"(?P<c>{NAME})['’]s\s+(?P<t>Series\s+[A-H]\d?|[Ss]eed(?:\s+round)?|IPO)\b")
_THE_ROUND = re.compile(r"\bthe\s+(?P<amount>[$€£¥₹][\d.,]+\s?(?:million|billion|[MBK]|m|bn)?\s+)?(?:round|raise|financing)\b")


_BARE_ANSWER = re.compile(r"(?:about|around|roughly|nearly|some|over|under|just over|just under|~)?\s*[$€£¥₹]?\d", re.I)
_QUESTION_WORDS = {"How", "What", "Who", "Where", "When", "Which", "Why", "Does", "Do", "Did", "Is", "Are", "Has", "Have", "Can",
                   "Will", "Would", "Should", "Could", "Was", "Were", "Shall", "May", "Might"}


def _asked_company(state: State, question: str) -> str | None:
    """The organization a question names: 'How much has Halvane raised?' -> Halvane."""
    known = [form for form, _, _ in state.names.find(question)]
    if known:
        return known[0]
    for m in re.finditer(NAME, question):
        name = trim_name(state, re.split(r"['’]s\b", m.group(0))[0])
        if name and name.split()[0] not in _QUESTION_WORDS:
            return name
    return None


def _answer(state: State, text: str, source: Source, company: str | None) -> None:
    """An answer to ``state.question``. 'What was the post-money valuation?' ... '$4.2 billion, up from
    $1.4 billion': a bare answer tells figures of what the question asks, not a round or a deal."""
    asks = lexicon.find("metrics", state.question)
    if asks and _BARE_ANSWER.match(text):
        figures(state, company, text, source, metric=asks[-1][0], prose=True)
    else:
        prose(state, text, source, company)


def _answered(state: State, answer: str) -> str:
    """The answer, with 'the round' it refers to named as the question names it."""
    asked = _ASKED_ROUND.search(state.question)
    if not asked:
        return answer
    return _THE_ROUND.sub(lambda m: f"the {m.group('amount') or ''}{asked.group('t')} in {asked.group('c')}", answer, count=1)


def _dated_figures(state: State, start: int, label: str) -> None:
    """The figures read since ``start`` from a timeline line that tell no date of their own are of the line's date:
    "- **March** — Kelvane launched B200 instances at $5.25 per GPU-hour on demand and $3.90 on a one-year commitment"
    (the date told after the first sentence reached only its last clause), "- **September** — Wendgate Market,
    founded in 2021, said more than 60 providers now list capacity" (a line with a date of its own was told without it).
    Not a date after the report's own: what a line of the future says is projected, which only the words can tell."""
    label = label.strip(" :.-—–*")
    found = find_dates(label) or (relative_dates(f"in {label}.", state.written) if state.written else [])
    when = found[0][2] if found else None
    written = state.report_written or state.written
    if when is None or when.start is None or written and written.end and when.start > written.end:
        return
    # (not what a figure was before the line's event: "cut its H100 price from $2.49")
    state.facts[start:] = [replace(f, when=when) if isinstance(f, Observation) and f.when is None
                           and "former" not in f.qualifiers + f.quantity.qualifiers else f for f in state.facts[start:]]


def _dated(value: str, label: str) -> str:
    """A timeline line's first sentence told with the line's date ('Calderstone agreed to acquire Quarrymoor
    for €600 million in May. The deal is pending ...')."""
    end = next((m for m in _NEXT_SENTENCE.finditer(value)
                if value[:m.start()].split()[-1].rstrip(".!?").lower() not in _ABBREVIATIONS), None)
    first, rest = (value[:end.start()], [value[end.end():]]) if end else (value, [])
    label = label.strip(' :*')
    # "on" a day: "... as a strategic investment in 8 January 2026" would invest in "8 January"
    dates = find_dates(label)
    on = "on" if dates and dates[0][2].precision == "day" else "in"
    return " ".join([f"{first.rstrip(' .')} {on} {label}.", *rest])


_NEXT_SENTENCE = re.compile(r"(?<=[a-z\d)][.!?])\s+(?=[A-Z][a-z])")
# words a full stop shortens, which end no sentence: "Nimbrel Cloud acq. Oakvale Labs", "Ser. B"
_ABBREVIATIONS = frozenset({"acq", "ser", "inc", "ltd", "corp", "co", "vs", "est", "approx", "no", "dr", "mr", "ms", "st",
                            "pvt", "pte", "sr", "jr", "ca", "c", "e.g", "i.e"})


def is_dateline(label: str) -> bool:
    """'SAN FRANCISCO, Nov. 24, 2025': a place and a date, where and when a release was written (no organization)."""
    dateline = _DATELINE.fullmatch(label)
    return bool(dateline) and _is_date(dateline.group("d"))


def _is_date(label: str) -> bool:
    """A label that is a date and nothing else ('2019', 'March 2023', 'Q3 2024'), or a month or a quarter
    of the year the report or its section is about ('March', 'Q4')."""
    label = label.strip(" :.-—–*")
    dates = find_dates(label)
    return len(dates) == 1 and dates[0][0] == 0 and dates[0][1] == len(label) or bool(_MONTH_OR_QUARTER.fullmatch(label))


_MONTH_OR_QUARTER = re.compile(r"January|February|March|April|May|June|July|August|September|October|November|December|"
                               r"Q[1-4]|H[12]")


_ABOUT = re.compile(r"About\s+(?P<c>[A-Z].{1,60})")
_DATELINE = re.compile(r"(?P<p>[A-Z][A-Za-z .'’-]+?),\s*(?P<d>.+)")
_TODAY = re.compile(r"\btoday\b")
_SPEAKER = re.compile(rf"(?P<p>{PERSON}),\s+(?:[\w&-]+\s+){{0,4}}?(?:of|at)\s+(?P<c>{NAME})")
_INITIALS = re.compile(r"[A-Z]{2,3}")
_TITLED_TURN = re.compile(rf"(?P<p>{PERSON})\s*(?:\((?P<t>[^()]+)\)|[—–-]\s+(?P<t2>[^()]+))")


def speaker_label(label: str) -> bool:
    """'Rafferty Nkemelu (CFO)', 'Dmitri Fennimore (Castlebrook Securities)': a person speaking, named no organization."""
    titled = _TITLED_TURN.fullmatch(label.strip(" *:"))
    return bool(titled) and speaker_title(titled.group("t") or titled.group("t2"))


def speaker_title(said: str) -> bool:
    """What a transcript's speaker is called by beside the name: a title ('CFO') or a firm ('Castlebrook
    Securities'); not a place ('Austin, TX') or a date ('April 2023'), which bracket a company's name."""
    return bool(label_roles(said) or looks_like_org(said) and "," not in said and not find_dates(said))


def _voice(state: State, label: str) -> tuple[str, str | None] | None:
    """The person a transcript's turn is labelled with ('KL' for Kaisa Lehtovaara, or her name), and the company
    she holds a title at, as the report has told it so far; None when the label names no speaker. Initials
    that are no one's ('JM', an interviewer the report names only in passing) are a speaker's still."""
    label = label.strip(" *:")
    titled = _TITLED_TURN.fullmatch(label)  # "Rafferty Nkemelu (CFO)", "Imogen Verhaegen — Chief Executive Officer"
    if _INITIALS.fullmatch(label) and label not in state.names:
        people = {p for p in state.surnames.values() if p and "".join(w[0] for w in p.split()) == label}
        person = people.pop() if len(people) == 1 else ""
    elif re.fullmatch(PERSON, label) and state.surnames.get(label.split()[-1]) == label:
        person = label
    elif titled and is_person(state, titled.group("p")) and speaker_title(said := titled.group("t") or titled.group("t2")):
        person = titled.group("p")
        if not label_roles(said):  # "Dmitri Fennimore (Castlebrook Securities)": an analyst of a bank, no company's voice
            return person, None
    else:
        return None
    employer = next((f.company for f in reversed(state.facts) if isinstance(f, Role) and f.person == person
                     and not f.former), None) if person else None
    # (a title of no company the report has named: the company whose call it is)
    return person, employer or (state.author or state.company if titled else None)


def _category_members(state: State, label: str, value: str, source: Source) -> None:
    """'**Neoclouds:** Brightwell Cloud and Ostara Compute rent ...': a label that is a category
    alone places the names its line opens with in it."""
    found = lexicon.find("categories", label)
    if not found or found[0][1] != 0 or found[0][2] < len(label.rstrip(":. ")):
        return
    listed = _LISTED_NAMES.match(value)
    names = [trim_name(state, n) for n in split_names(listed.group("names"), state.names.spelled_in(value))] if listed else []
    # (not a description, "GPU clouds" or "smaller neoclouds"; but "Skyline Serverless" is a name with a category's word in it)
    names = [n for n in names if n and n.split()[0] not in _NOT_NAMES
             and not any(start == 0 or n[start:end].islower() for _, start, end in lexicon.find("categories", n))]
    # names, not the words of a description ("**Cloud Providers:** Strategic investments in ..."):
    # known or shaped like organizations, or the subject of what follows, or all the line says
    rest = value[listed.end("names"):] if listed else ""
    if names and (all(n in state.names or looks_like_org(n) for n in names) or SUBJECT_FOLLOWS.match(rest)
                  or not rest.strip(" .")):
        for name in names:
            add(state, Category(source, name, found[0][0]), ("company", name))


_LISTED_NAMES = re.compile(rf"\s*(?P<names>{NAME}(?:\s*(?:,|\band\b|&)\s*{NAME})*)")
_NOT_NAMES = frozenset({"The", "This", "These", "Those", "Its", "Their", "Most", "Many", "Some", "All", "Both"})


def _is_entity_label(state: State, label: str) -> bool:
    if label in state.names or looks_like_org(label):
        return True
    intro_words = {w for w in re.findall(r"[a-z]+", state.intro.lower())}
    return bool(intro_words & lexicon.words("names", "list_intro_entities")) and looks_like_name(label)


def _named_item(block: Block, label: str) -> bool:
    """'**Kestrel GPU** (Berlin) — ~22k H100s; ...': a list of names, each with a dash and what is
    said of it (not a label of the lexicon's, such as '**Funding** — $50M')."""
    # "**Tessavane** (GPU marketplace, Montreal): $62M Series A ...", "Ondavia (Lisbon): serverless
    # inference, ...": a name, what and where it is
    bracket = BRACKETED.search(label)
    # ... or a hyphen, as a list of providers in plain text writes it: "Quorra Run - Scale-to-zero containers"
    told = re.match(rf"{re.escape(label)}\s*[—–·•]|{re.escape(label)}\s+-\s", block.text) or bracket and (
        lexicon.find("categories", bracket.group(1)) or _PLACE_ONLY.fullmatch(bracket.group(1)))
    return bool(told) and looks_like_name(strip_parens(label)) and not lexicon.exact("labels", strip_parens(label)) \
        and not _is_date(label) and not any(lexicon.find(group, strip_parens(label)) for group in ("round_types", "metrics", "categories"))


_PLACE_ONLY = re.compile(r"[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][a-z][\w.'’-]*)*(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?")


def _entity_item(state: State, label: str, value: str, source: Source) -> None:
    """'NVIDIA: Investing in Lambda Labs' or 'Microsoft: 20.2%' under an introducing line; with a
    place in brackets, where it is ('**Kestrel GPU** (Berlin) — ...')."""
    name = strip_parens(label)
    state.kinds.append((name, "org"))
    place = BRACKETED.search(label)
    if place and bracket_facts(state, name, place.group(1), source):
        place = None
    if place and re.fullmatch(rf"{UPPER}{LOWER}+(?:[ -]{UPPER}{LOWER}+)*(?:,\s*{UPPER}{LOWER}+(?: {UPPER}{LOWER}+)*)?",
                              place.group(1)) and not lexicon.find("categories", place.group(1)):
        add(state, Headquarters(source, name, place.group(1)), ("company", name), ("place", place.group(1)))
    if _portfolio(state, name, value, source):
        return
    fields = _CARD_FIELDS.split(value)
    if len(fields) >= 2:  # a card: "Founded 2019 · HQ Austin, Texas · CEO Jane Roe · 1,200 GPUs · Backers: A, B"
        for field in fields:
            _card_field(state, name, field, source)
        return
    category = lexicon.first("categories", state.intro) if state.intro.rstrip().endswith(":") else None
    if category:
        add(state, Category(source, name, category), ("company", name))
    else:  # ("an Austin, Texas neocloud focused on ...": where it is may come first)
        category_from(state, name, _PLACE_LEAD.sub("", value), source, leading=True)
        based = _BASED_ALONE.match(value)
        if based:  # "Oslo-headquartered; markets itself as ..."
            add(state, Headquarters(source, name, based.group("place")), ("company", name), ("place", based.group("place")))
    # "**Caskbridge Compute**: Denver-based neocloud run by CEO Ilse Varnholt. It bought ...": each sentence
    # of its own, all of them about the name ("Raised a €140M Series B in May 2025": its subject left out)
    value, *rest = sentences(value) or [value]
    kind = lexicon.find("categories", value)
    if not told_of(name, value) and value[:1].isalpha() and not _ELSEWHERE.match(value) \
            and (kind and len(value[:kind[0][1]].split()) <= 3 or _WHAT_IT_IS.match(value)):
        # "- [Brantwell Cloud](...) — Rotterdam neocloud running H100 clusters": what it is, told as a sentence
        article = "" if re.match(r"(?i)(?:an?|the)\s", value) else "an " if value[0].lower() in "aeiou" else "a "
        value = f"{name} is {article}{value}"
    state.card = (source.line, name)  # "... Founders: A (CEO), B (CTO). Co-investors: NVIDIA.": the next sentences' fields
    for sentence in (value, *rest):
        prose(state, told_of(name, sentence) or sentence, source, name)


BRACKETED = re.compile(r"\(([^()]+)\)\s*$")
_PLACE_LEAD = re.compile(r"^(?:(?:an?|the)\s+)?[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}\s+(?=[a-z])")
_BASED_ALONE = re.compile(rf"^(?P<place>{UPPER}[\w.'’]*(?:\s{UPPER}[\w.'’]*){{0,2}})-(?:based|headquartered)(?=\s*[;,.]|$)")
# what a name is, told after a dash ("Rotterdam neocloud running ...", "inference compiler startup, acquired by ..."),
# not where it went ("From crypto-mining to AI hyperscaler")
_ELSEWHERE = re.compile(r"(?i)(?:from|to|with|for|by|in|on|at|into|via|after|before|since|now|once|formerly)\b")
_WHAT_IT_IS = re.compile(r"(?:(?:an?|the)\s+)?(?:[\w&-]+\s+){0,4}?(?:startup|company|firm|lab|fund|shop|provider|operator|"
                         r"developer|platform|marketplace|neocloud|hyperscaler|chipmaker|miner|vendor|maker|lender)\b", re.I)
_CARD_FIELDS = re.compile(r"\s+[·•|]\s+")
_FIELD = re.compile(r"(?P<l>[A-Z][\w-]*(?:\s[\w-]+){0,2}):\s+(?P<v>\S.*?)\.?$")  # "Co-investors: NVIDIA", "Invested: Seed (2021)"


def card_field(state: State, block: Block, source: Source) -> bool:
    """A later sentence of a labelled item that is a field of it ("Co-investors: NVIDIA, Index Ventures."): read
    as the item's; False when the sentence is no field of the item before it."""
    field = _FIELD.match(block.text) if state.card and state.card[0] == block.line and block.index else None
    if not field:
        return False
    name, label, value = state.card[1], field.group("l"), field.group("v")
    told = told_of(name, value)  # "Status: Acquired by Sandlin Data Centers (2025)"
    if told:
        prose(state, told, source, name)
    elif not about_who(state, name, label, value, source):
        prose(state, value, source, name, label=label)
    return True


def _card_field(state: State, name: str, field: str, source: Source) -> None:
    """'HQ Austin, Texas', 'Key investors: A, B', '1,200 GPUs': a field of a card, its label
    before a colon or in its first words."""
    before, colon, after = field.partition(":")
    words = field.split()
    tried = [(before, after)] if colon else [(" ".join(words[:k]), " ".join(words[k:])) for k in (1, 2, 3)]
    if any(v.strip() and about_who(state, name, label.strip(), v.strip(), source) for label, v in tried):
        return
    kind = lexicon.find("categories", field)
    if kind and len(field[:kind[0][1]].split()) <= 2:  # "serverless GPU", "Denver-based neocloud"
        add(state, Category(source, name, kind[0][0]), ("company", name))
    if lexicon.find("round_types", field) and any(q.currency for q in find_quantities(field)):
        _rounds(state, name, field, field, source)  # "$11M seed (2024)", "Series A $38M (Jul 2025, led by X)"
    elif _PLACE_ONLY.fullmatch(field.strip(" .")) and not find_quantities(field) and not state.names.find(field) \
            and not any(lexicon.find(group, field) for group in ("metrics", "round_types", "roles", "labels", "categories")):
        add(state, Headquarters(source, name, field.strip(" .")), ("company", name), ("place", field.strip(" .")))  # "Santa Clara"
    else:
        prose(state, field, source, name)


def _portfolio(state: State, investor: str, value: str, source: Source) -> bool:
    """'**Greylock Partners:** Kestrel GPU, Arbor Compute': an investor's label over the names of
    the companies it backs, and nothing else."""
    if investor.split()[-1].lower() not in lexicon.words("names", "investor_suffixes") or find_quantities(value):
        return False
    names = [strip_parens(n) for n in split_names(value, state.names.spelled_in(value))]
    rest = value
    for name in names:
        rest = rest.replace(name, "", 1)
    if not names or not all(looks_like_name(n) for n in names) or re.sub(r"\([^)]*\)|[,.&\s]|\band\b", "", rest):
        return False
    for company in names:
        add(state, Backing(source, investor, company), ("investor", investor), ("company", company))
    return True


def _rounds(state: State, company: str, label: str, value: str, source: Source) -> None:
    kind = lexicon.find("round_types", label)[0][0]
    # (not "down from $1.1 billion at the company's Series B": that round's valuation, then)
    named = [k for k, start, _ in lexicon.find("round_types", value) if k != "unspecified"
             and not AT_ITS_ROUND.search(value, max(0, start - 60), start)]
    if kind == "unspecified" and named:  # "Latest round: €120M Series B (March 2025)"
        kind = named[0]
    qs = [q for q in find_quantities(value) if q.currency]
    leads = names_after(state, value, r"\b(?:co-led|led)\s+by\s+")
    active = _LED_MONEY.search(value) if not leads else None  # "existing investor Index Ventures led $55 million of new money"
    leads = [trim_name(state, active.group("n"))] if active and trim_name(state, active.group("n")) else leads
    participants = names_after(state, value, r"\b(?:with participation from|participation from|joined by|alongside|from)\s+")
    participating = PARTICIPATING.search(value)  # "led by X with Y participating"
    participants += split_names(participating.group("names"), state.names.spelled_in(value)) if participating else []
    valuation = next((q for q in qs if is_valuation(value, q)), None)
    amounts = [q for q in qs if q is not valuation and not _WAS_WORTH.search(value, max(0, q.start - 12), q.start)]
    if not amounts and not (named or leads or participants or valuation or first_date(value)):
        return  # "IPO Status  Private": a field that tells no round
    if not amounts:
        amounts = [None]
    parts = clauses(value)
    for amount in amounts:
        only = len(amounts) == 1
        clause = next((c.text for c in parts if amount and c.start <= amount.start <= c.end), value)
        # (the amount's own sentence: not "... It was a down round, down from $1.1 billion at the Series B in March 2024")
        told = next((s for s in sentences(value) if amount and amount.text in s), value)
        when = first_date(clause) or (first_date(told) or first_date(label) if only else None)  # "Seed (2020): €4M"
        fact = Round(source, company, kind, amount, when, tuple(leads) if only else (),
                     tuple(p for p in participants if p not in leads) if only else (), valuation if only else None,
                     qualifiers(value))
        add(state, fact, ("company", company), *[("investor", n) for n in fact.leads + fact.participants])


_OURS = re.compile(r"\W*(?:our|my)\b", re.I)
_LED_MONEY = re.compile(rf"(?P<n>{NAME})\s+(?:co-)?led\s+(?=[$€£¥₹])")
_WAS_WORTH = re.compile(r"\b(?:down|up)\s+from\s+$")  # "down from $1.1 billion": a valuation before, no amount raised


def _labelled_acquisition(state: State, company: str, value: str, source: Source) -> None:
    for clause in re.split(r";", value):
        clause = re.sub(r"^\s*(?:acquired|bought|purchased|(?:agreed|plans) to acquire|acquiring)\s+", "", clause, flags=re.I)
        target = re.split(r"\s+(?:for|at|in|\()\s*|\s*\(", clause.strip(), maxsplit=1)[0].strip(" ,.")
        if not looks_like_name(target):
            continue
        price = next((q for q in find_quantities(clause) if q.currency), None)
        add(state, Acquisition(source, company, target, price, first_date(clause), deal_status(clause)),
             ("company", company), ("company", target))
