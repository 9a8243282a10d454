"""Facts stated in running text: rounds, investments, categories, and (``deals``) acquisitions and
(``background``) foundings and roles.

Active and passive voice, a sentence that adds to the round before it, and
names known only from how they are used. No pattern names a company.
"""
from __future__ import annotations

import re

from . import lexicon
from .amounts import find_quantities
from .background import background
from .dates import first_date
from .deals import acquisitions, labelled_deal
from .names import mentioned
from .phrases import NAME, UPPER, after, clause_after, clauses, looks_like_name, looks_like_org, split_names, strip_parens
from .records import Backing, Category, Round, Source
from .figures import figures
from .reading import State, add, names_after, opening_name, qualifiers, said_name, short_name, trim_name


_FUNDING_VERB = re.compile(r"\b(?:raised|raises|raise|raising|closed|closes|secured|secures|landed|announced|completed|received|led by|co-led by|"
                           r"drew backing|committed|invested|leading its)\b", re.I)
# "Arcadia Investment Authority committed $500M to Helix Compute": the investor is the subject
_INVESTOR_SUBJECT = re.compile(rf"(?P<i>{NAME})\s+(?:has\s+)?(?:committed|invested|injected|put)\s+[^,;]{{0,40}}?"
                               rf"\s+(?:to|in|into)\s+(?P<c>{NAME})")
# "Fieldstone Ventures (lead), Grayline Capital": a lead marked in brackets
_MARKED_LEAD = re.compile(rf"(?P<n>{NAME})\s*\((?:[Cc]o-)?[Ll]ead(?:\s+[Ii]nvestor)?\)")


_INVESTS = re.compile(r"(?<!-)\b(?:investing in|invested in|invests in|investment in|backing|backs|backed|"
                      r"on the cap tables? of(?: both)?|portfolio (?:now |also )?(?:includes?|spans|covers)|"
                      r"portfolio companies include|"
                      r"(?:holds?|held|took|takes|exited|sold|has) (?:its |a |an )?(?:equity |minority |majority )?stakes? in)\s+",
                      re.I)
# "Lumen Growth-backed Tessaract Labs": the investor and the company in one noun phrase
_COMPOUND_BACKED = re.compile(rf"(?P<i>{NAME})-(?:backed|funded)\s+(?P<c>{NAME})")


_NEGATION = re.compile(r"(?:\bnot|\bno longer|n't|\bnever|\brather than|\binstead of)(?:\s+\S+){0,3}\s*$", re.I)


IS_A = re.compile(r"\b(?:operates?|is|are|runs?|provides?|offers?|describes itself as|positions itself as|positioned as|acts as|"
                   r"serves as|sells|builds)\b", re.I)


_LEADS = r"\b(?:co-led|led)\s+by\s+"


_PARTICIPANTS = (r"\b(?:with participation from|participation from|joined by|alongside|investors including|provided by|"
                 r"from)\s+")


_ACTIVE_LEAD = re.compile(rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)(?:,[^,]{{1,60}},)?\s+(?:co-)?le(?:d|ading)\s+"
                          rf"(?:(?:a|an|the|it|its)\b|{NAME}['’]s?(?=\s))")  # "co-led Marrow Compute's $110M Series C"
_STAKE = re.compile(r"\bstakes? in\b", re.I)
_LEADING_ITS = re.compile(rf"^(?P<names>{NAME})\b[^,;]*,\s+(?:co-)?leading\s+its\b")
_CUMULATIVE = re.compile(r"\b(?:to date|in total|so far|a total of|overall|cumulative|since (?:its )?(?:founding|inception))\b", re.I)


PARTICIPATING = re.compile(rf"\bwith\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s+(?:participating|joining|also investing)")


_ALSO_JOINED = re.compile(rf"^(?:(?:[Ee]xisting|[Nn]ew|[Oo]ther|[Rr]eturning)\s+(?:investors|backers|shareholders)\s+)?"
                          rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s+(?:also\s+)?(?:took part|participated|joined|invested)\b")


# "Quasar Cloud's Series B was joined by Ember Ventures": more investors in the round just read
_JOINED_BY = re.compile(rf"\b(?:was|were|has been)\s+(?:also\s+)?joined\s+by\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)")
_ROUND_LED = re.compile(r"\s*(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:round|raise|financing|extension|investment)\s+"
                        r"(?:was|is|has been)\s+(?:co-)?led\s+by\b")
# "The extension drew Elaia Partners and Kima Growth": more investors in the round just read
_DREW = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:round|extension|raise|financing)\s+(?:also\s+)?(?:drew|attracted)\s+"
                   rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)")
_VALUATION_NOUN = re.compile(r"(?:(?:pre|post)[- ]money\s+)?valuation\b", re.I)  # "$900M post-money valuation"
# "valuing the company at $14B", "valued Fjellhav at €900M", "post-money valuation of $4.2B": the
# number after is the valuation
_VALUED_BEFORE = re.compile(r"\b[Vv]alu(?:ing|ed|ation)\s+(?:(?:of|at)\s+)?(?:(?:the company|the firm|it|"
                            rf"{UPPER}[\w.'’-]*(?:\s+{UPPER}[\w.'’-]*){{0,3}})\s+)?(?:at\s+)?(?:~|about\s+)?$")
_VALUING_NAME = re.compile(rf"\bvalu(?:ing|ed)\s+(?P<c>{NAME})\s+at\b")
_ROUND_VALUATION = re.compile(r"\b(?:the round|the deal|the financing|the raise|it)\b[^.]*\bvalu(?:ed|es|ing|ation)\b", re.I)


def prose(state: State, text: str, source: Source, subject: str | None, label: str | None = None) -> None:
    """Facts stated in running text: deals, rounds, investments, figures, categories."""
    company = state.company
    background(state, text, source, subject)
    found_deal = acquisitions(state, text, source, subject or company)
    main = _main_clause(state, text)
    speaker = subject if subject and _opens_with_subject(state, main, subject) else opening_name(state, main)
    aside = _ASIDE.match(main, len(speaker)) if speaker and main.startswith(speaker) else None
    if aside:  # what the company is comes after the aside
        main = f"{speaker} {main[aside.end():]}"
    appositive = _APPOSITIVE.match(main)
    if speaker and appositive:
        category_from(state, speaker, appositive.group("what").split(" of ")[0], source)
    elif speaker and IS_A.search(clauses(main)[0].text if main else ""):
        category_from(state, speaker, main, source)
    _compound_backings(state, text, source)
    if label and not found_deal:
        found_deal = labelled_deal(state, label, text, source)
    rounds = _ROUND_CLAUSES.split(text)  # "X raised $50M ..., while Y raised $30M ...": a round each
    if any([_prose_round(state, part, source, subject or company) for part in rounds]):
        _total_beside_round(state, text, source, subject or state.last_round.company)
        _beside_round(state, text, source, subject or state.last_round.company)
        return
    # an investor's stake is told beside the deal that ended it ("exited its stake in X when Y acquired the company")
    if (not found_deal or _STAKE.search(text)) and _prose_backing(state, text, source, subject):
        return
    if not found_deal:
        for part, who in _subjects(state, text, subject):
            figures(state, who, part, source, label=label, prose=True)


_RAISING = re.compile(r"\b(?:is|are)\s+(?:now\s+|reportedly\s+)?raising\s+(?:about\s+|up to\s+|some\s+)?[$€£¥₹₩]")
# "Dunmore AI raised £55m in September 2025": a dated raise is a round, its type untold
_RAISED_AMOUNT = re.compile(r"\b(?:raised|raises|secured|secures|closed|landed)\s+(?:about\s+|roughly\s+|some\s+|nearly\s+)?"
                            r"(?:[$€£¥₹₩]|[A-Z]{3}\s?\d)")
_ROUND_VERBS = r"(?:has\s+|have\s+)?(?:raised|closed|secured|landed|received|announced)\b"
# where a sentence turns to another company's round: ", while Solace Compute raised ..."
_ROUND_CLAUSES = re.compile(rf"(?:,\s+(?:while|whereas|and|but)|;)\s+(?={NAME}\s+{_ROUND_VERBS})"
                            # "raised $300M of debt ..., on top of a $150M Series C in January 2025 led by X"
                            r"|,?\s+(?:on top of|in addition to|following|after)\s+(?=(?:a|an|its)\s+[$€£¥₹][\d.,]+\s?"
                            r"(?:million|billion|bn|mn|[MBK])?\s+(?:[\w-]+\s+){0,2}?(?:Series|[Ss]eed|round|debt|financing)\b)")
_EACH = re.compile(rf"(?P<names>{NAME}(?:\s*(?:,|\band\b|&)\s*{NAME})+)\s+(?:each|both)\s+{_ROUND_VERBS}")
# What an investor or a company did, told without the subject a label, heading or profile gives
_DEED = re.compile(r"(?:Led|Co-led|Committed|Invested|Backed|Participated|Joined|Took|Holds|Exited|"
                   r"Raised|Closed|Secured|Landed|Completed|Received|Acquired|Bought|Purchased|Agreed|Signed|"
                   r"Appointed|Hired|Named|Promoted|Tapped|Founded|Co-founded|Established|Incorporated|Launched|"
                   r"Opened|Reached|Crossed|Surpassed|Deployed|Added|Expanded|Rebranded|Renamed|Merged|Sold|"
                   r"Filed|Listed|Spun|Partnered|Valued|Became)\b(?P<passive>\s+(?:by|at)\b)?")


# "Founded in 2019, Acme is ...": the opening phrase's subject comes after it
_OWN_SUBJECT = re.compile(rf",\s+(?:it|the company|the firm|{NAME})\s+(?:is|was|has|had|now|operates|runs|provides|offers|"
                          r"sells|builds|raised|closed|secured|grew|became|counts)\b")


def told_of(name: str, value: str) -> str | None:
    """'Led X's $120M Series B' under the label or heading ``name``, 'Acquired by Y' in a
    profile: the sentence with its subject ('Harbor Growth led X's ...', 'Acme was acquired by
    Y'); None when ``value`` does not open with such a verb."""
    deed = _DEED.match(value[:1].upper() + value[1:])  # "— acquired by Lumen Cloud for $80M"
    if not deed or _OWN_SUBJECT.search(value):
        return None
    return f"{name} {'was ' if deed.group('passive') else ''}{value[0].lower()}{value[1:]}"


# where a sentence may turn to another subject: "...; Ostara Compute signed", ", and Marisol AI charges"
_CLAUSE_TURN = re.compile(rf";\s+|,\s+(?:and|while|whereas|but)\s+(?={NAME})")


def _subjects(state: State, text: str, subject: str | None) -> list[tuple[str, str | None]]:
    """The sentence with its subject; or, when a clause after a semicolon or a comma and a
    conjunction opens with a name of its own ('Operators compete for power; Ostara Compute signed a
    300 MW agreement', '..., and Marisol AI charges $0.60'), each clause with its own (its figures
    are that name's)."""
    who = subject or opening_name(state, text) or said_name(state, text)
    parts = _CLAUSE_TURN.split(text)
    if subject or len(parts) == 1:
        return [(text, who)]
    own = [opening_name(state, part) for part in parts]
    if not any(name and name != who for name in own[1:]):
        return [(text, who)]
    return [(part, name or who) for part, name in zip(parts, own)]


def _beside_round(state: State, text: str, source: Source, company: str) -> None:
    """'~22k H100s; $1.1B raised to date; last valued at $4B (Series C, Mar 2025)': what a clause of
    its own tells beside a round, its counts and the company's total (other money is the round's)."""
    for part in text.split("; ") if "; " in text else ():
        if lexicon.find("round_types", part):
            continue
        if _CUMULATIVE.search(part) or not _FUNDING_VERB.search(part) and \
                any(q.unit and not q.currency for q in find_quantities(part)):
            figures(state, company, part, source, prose=True)


def _part_at(text: str, at: int) -> str:
    """The clause between semicolons that holds position ``at``."""
    end = text.find(";", at)
    return text[text.rfind(";", 0, at) + 1:end if end >= 0 else len(text)]


def _total_beside_round(state: State, text: str, source: Source, company: str) -> None:
    """'..., bringing its total funding to $210 million': a company's total told in a clause of its
    own beside a round (the round's other numbers are its amount and valuation)."""
    for clause in clauses(text):
        if _TOTAL_CLAUSE.search(clause.text) and any(q.currency for q in find_quantities(clause.text)):
            figures(state, company, clause.text, source, metric="total-raised")


_TOTAL_CLAUSE = re.compile(r"\b(?:bringing|taking|lifting|pushing)\b[^.]*\btotal\b", re.I)


# "Founded in 2018 and based in Toronto, Canada, Acme runs ...": the sentence's subject comes after.
OPENING_PARTICIPLE = re.compile(r"(?:Founded|Established|Incorporated|Based|Headquartered|Launched|Started)\b")
_APPOSITIVE = re.compile(rf"{NAME},\s+(?:a|an)\s+(?P<what>[^,]+)")  # "Acme, a serverless GPU platform based in ..."


# "Marisol AI, headquartered in Toronto, sells ...", "Stratos Compute, by contrast, is ...": an
# aside after the name, before what it does
_ASIDE = re.compile(r",\s+[^,;]{1,100}?,\s+(?=(?:is|are|was|operates|runs|provides|offers|sells|builds|rents|remains)\b)")


def _main_clause(state: State, text: str) -> str:
    """``text`` from the first known name after an opening participle phrase, else all of it."""
    if not OPENING_PARTICIPLE.match(text):
        return text
    after_comma = [start for _, start, _ in state.names.find(text) if text[:start].rstrip().endswith(",")]
    return text[after_comma[0]:] if after_comma else text


def category_from(state: State, company: str, text: str, source: Source, *, leading: bool = False) -> None:
    """A category said of a company in the first clause: 'operates as a GPU marketplace'.

    With ``leading`` the phrase must open the text ('Peer-to-peer GPU marketplace').
    """
    first = clauses(text)[0].text if text else ""
    hits = [h for h in lexicon.find("categories", first) if not _NEGATION.search(first[:h[1]])]
    if leading:
        hits = [h for h in hits if len(first[:h[1]].split()) <= 2]
    if hits:
        add(state, Category(source, company, hits[0][0]), ("company", company))


def _compound_backings(state: State, text: str, source: Source) -> None:
    """'Lumen Growth-backed Tessaract Labs', whatever else the sentence says (a deal, a round)."""
    for m in _COMPOUND_BACKED.finditer(text):
        investor, investee = trim_name(state, m.group("i")), trim_name(state, m.group("c"))
        if investor and investee and investor != investee:
            add(state, Backing(source, investor, investee), ("investor", investor), ("company", investee))


def _prose_backing(state: State, text: str, source: Source, subject: str | None) -> bool:
    """'X: Investing in A, B', 'X has backed A, while Y holds stakes in B', 'A is backed by X and Y'."""
    keep = state.names.spelled_in(text)
    led = _LED_ROUNDS.search(text)
    investor = (subject or opening_name(state, text) or _opening_phrase(text[:led.start()])) if led else None
    if led and investor and trim_name(state, led.group("c")) not in ("", investor):
        # "**Harbor Growth:** Led Strata Compute's Series C and D": rounds without amounts, a backing still
        company = trim_name(state, led.group("c"))
        add(state, Backing(source, investor, company), ("investor", investor), ("company", company))
        return True
    among = (_AMONG_BACKERS.match(text) or _BACKERS_INCLUDE.search(text) or _COUNTS_AMONG.search(text)) \
        if _BACKERS_WORD.search(text) else None
    if among:
        investee = trim_name(state, among.group("c") or among.groupdict().get("c2") or "")
        investors = split_names(among.group("i"), keep) if investee else []
        for investor in investors:
            add(state, Backing(source, investor, investee), ("investor", investor), ("company", investee))
        return bool(investors)
    passive = after(text, r"\bbacked by\s+")
    if passive:
        investee = subject or opening_name(state, text) or _backed_subject(text) or state.company
        investors = split_names(passive, keep)
        for investor in investors if investee else ():
            add(state, Backing(source, investor, investee), ("investor", investor), ("company", investee))
        return bool(investors and investee)
    found = False
    for i, m in enumerate(_INVESTS.finditer(text)):
        if i == 0:
            opener = opening_name(state, text) or _opening_phrase(text[:m.start()])
            investor = subject if subject and subject != state.company else opener
        else:  # a later clause names its own investor just before its verb
            before = _INVESTOR_BEFORE.search(text, 0, m.start())
            investor = trim_name(state, before.group("n")) if before else None
        if not investor:
            continue
        for investee in split_names(clause_after(text, m.end()), keep):
            add(state, Backing(source, investor, investee), ("investor", investor), ("company", investee))
            found = True
    return found


_LED_ROUNDS = re.compile(rf"\b(?:[Cc]o-)?[Ll]ed\s+(?P<c>{NAME})['’]s?\s+(?:[\w$€£.,-]+\s+){{0,2}}?"
                         r"(?:Series|[Ss]eed|rounds?|financing|raise)\b")
# "A and B are among Vireo's backers", "Vireo's investors include A and B"
_BACKERS = r"(?:backers|investors|shareholders|funders)"
_BACKERS_CAP = r"(?:[Bb]ackers|[Ii]nvestors|[Ss]hareholders|[Ff]unders)"  # "Backers of Veltra GPU include ..."
_BACKERS_WORD = re.compile(_BACKERS_CAP)  # both patterns open with a name: looked for only where the word stands
_AMONG_BACKERS = re.compile(rf"(?P<i>[^.;]+?)\s+(?:are|is)\s+(?:also\s+)?(?:among|one of)\s+(?P<c>{NAME})['’]s?\s+{_BACKERS}\b")
# "Fernhill AI, which counts Index Ventures and Lightspeed among its investors, ..."
_COUNTS_AMONG = re.compile(rf"(?P<c>{NAME}),?\s+(?:which\s+|that\s+)?(?:counts|lists|numbers)\s+(?P<i>[^,.;]+?)\s+"
                           rf"among\s+its\s+{_BACKERS}")
_BACKERS_INCLUDE = re.compile(rf"(?:(?P<c>{NAME})['’]s?\s+(?:other\s+|existing\s+)?{_BACKERS}|"
                              rf"{_BACKERS_CAP}\s+(?:in|of)\s+(?P<c2>{NAME}))\s+(?:include|includes|are)\s+(?P<i>[^.;]+)")
_INVESTOR_BEFORE = re.compile(rf"(?P<n>{NAME})\s+(?:(?:has|have|had|also|now|already|still|reportedly)\s+)*$")


_BACKED_SUBJECT = re.compile(rf"\s*(?P<n>{NAME})\s+(?:is|are|was|were|has been|have been)\s+(?:also\s+)?backed by\b")


def _backed_subject(text: str) -> str | None:
    """The name that is the subject of 'X is backed by ...', known or not (not 'It is backed by')."""
    m = _BACKED_SUBJECT.match(text)
    name = m.group("n") if m else ""
    return name if name and name.split()[0] not in ("It", "This", "That", "The", "Its") and looks_like_name(name) else None


_OPENING_WORDS = frozenset({"In", "On", "At", "By", "For", "With", "As", "After", "Before", "During", "Meanwhile", "Since"})


def _opening_phrase(text: str) -> str | None:
    """The name a sentence opens with, known or not: 'Northwind Capital ("Northwind") has'."""
    m = re.match(rf"\s*({NAME})", text)
    name = re.split(r"(?:'s|’s)\b|['’]$", m.group(1))[0] if m else ""  # "Northwind's GPU portfolio" -> Northwind
    if name.split(" ")[0] in _OPENING_WORDS:  # "In a $35 million Series A ...": no name
        return None
    return name if name and looks_like_name(strip_parens(name)) else None


def _opens_with_subject(state: State, text: str, subject: str) -> bool:
    lead = state.names.leading(text)
    return bool(lead) or text.lower().startswith(("the company", "it ")) or text.startswith(subject) \
        or short_name(text, subject) is not None


def _prose_round(state: State, text: str, source: Source, context: str | None) -> bool:
    """'In March 2025, Acme raised a $150M Series B led by X, with participation from Y.' and its kin."""
    types = lexicon.find("round_types", text)
    types = [t for t in types if t[0] != "unspecified"] or types
    money = [q for q in find_quantities(text) if q.currency]
    if not types and money and not _CUMULATIVE.search(text) and (
            _FUNDING_VERB.search(text) and re.search(_LEADS, text) or _RAISING.search(text)
            or _RAISED_AMOUNT.search(text) and first_date(text)):
        # "raised $50 million at a $1 billion valuation, led by X", "is raising $300M at a $3B
        # valuation": a round, type untold (the second sought)
        types = [("unspecified", 0, 0)]
    named_type = any(t[0] != "unspecified" for t in types)  # "$520M debt financing (November 2025) from X"
    # "Solace Compute closed a Series C led by Granite Peak Ventures": a round whose amount is not told
    untold = named_type and not money and _FUNDING_VERB.search(text) and re.search(_LEADS, text)
    if not types or not (money or untold) or not (_FUNDING_VERB.search(text) or _ACTIVE_LEAD.search(text)
                                                   or named_type and re.search(_PARTICIPANTS, text)):
        return _round_sequel(state, text, source)
    keep = state.names.spelled_in(text)
    marked = [trim_name(state, m.group("n")) for m in _MARKED_LEAD.finditer(text)]
    listed = _MARKED_LEAD.sub(lambda m: m.group("n"), text)  # "(lead)" would end the list it stands in
    leads = names_after(state, listed, _LEADS)
    active = _ACTIVE_LEAD.search(listed) or _LEADING_ITS.search(listed)
    if active and not leads:
        leads = split_names(active.group("names"), keep)
    leads += [n for n in marked if n not in leads]
    participants = [n for n in names_after(state, listed, _PARTICIPANTS) if n not in leads]
    participating = PARTICIPATING.search(listed)
    if participating:
        participants += split_names(participating.group("names"), keep)
    subject_investor = _INVESTOR_SUBJECT.search(text)
    if subject_investor:
        participants.append(trim_name(state, subject_investor.group("i")))
    leads, participants = [n for n in leads if n], [n for n in participants if n]
    investors = set(leads) | set(participants)
    company = trim_name(state, subject_investor.group("c")) if subject_investor else None
    company = company or _funded_company(state, text, investors, context)
    if not company:
        return False
    valuation = next((q for q in money if q.noun and _VALUATION_NOUN.match(q.noun)
                      or _VALUED_BEFORE.search(text[max(0, q.start - 40):q.start])), None)
    # "$1.1B raised to date; last valued at $4B (Series C, Mar 2025)": a total is no round's amount
    amount = next((q for q in money if q is not valuation and not _CUMULATIVE.search(_part_at(text, q.start))), None)
    each = _EACH.search(text)  # "Vireo Cloud and Solace Compute each closed $20M seed rounds"
    for company in split_names(each.group("names"), state.names.spelled_in(text)) if each else [company]:
        fact = Round(source, company, types[0][0], amount, first_date(text), tuple(leads),
                     tuple(p for p in dict.fromkeys(participants) if p not in leads), valuation, qualifiers(text))
        add(state, fact, ("company", company), *[("investor", n) for n in fact.leads + fact.participants])
        state.last_round = fact
    return True


_PRONOUN = re.compile(r"\s*(?:It|The (?:company|firm|startup))\b")


def _funded_company(state: State, text: str, investors: set[str], context: str | None) -> str | None:
    """The profiled company when the sentence names it, else 'X's Series A', else the first other name."""
    if context and (mentioned(context, text) or re.search(r"\b(?:the company|its)\b", text, re.I) or _PRONOUN.match(text)):
        return context
    possessive = re.search(rf"(?P<c>{NAME})(?:'s|’s)\s+(?P<owned>{NAME})?", text)
    owned = trim_name(state, possessive.group("owned")) if possessive and possessive.group("owned") else ""
    if owned and looks_like_org(owned) and owned not in investors:
        return owned  # "Bengaluru's Tejas GPU Pvt. Ltd. raised": the place's company
    if possessive and trim_name(state, possessive.group("c")) not in investors:
        return trim_name(state, possessive.group("c"))
    company = next((form for form, _, _ in state.names.find(text) if form not in investors
                    and not any(form in i for i in investors) and not _is_round_name(form)), None)
    if not company:
        company = next((trim_name(state, m.group("c")) for m in re.finditer(
            rf"(?<![\w$€£¥₹.])(?P<c>{NAME})\s+(?:has\s+|each\s+|both\s+|is\s+)?(?:raised|raises|raising|closed|secured|landed|announced|completed|drew|"
            r"went public)", text)
            if not _is_round_name(m.group("c")) and not _PRONOUN.fullmatch(m.group("c"))), None)
    return company or context


def _is_round_name(name: str) -> bool:
    """'Series A' in "a $35 million Series A announced on ...": a round, never the company."""
    found = lexicon.find("round_types", name)
    return bool(found) and found[0][1] == 0 and found[-1][2] >= len(name.rstrip(". "))


def _round_sequel(state: State, text: str, source: Source) -> bool:
    """A sentence that adds to the round just read: its valuation, or who else took part."""
    last = state.last_round
    if last is None:
        return False
    other = _VALUING_NAME.search(text)
    drew = _DREW.search(text)
    if other and trim_name(state, other.group("c")) != last.company and not mentioned(last.company, other.group("c")):
        # "The round drew X and Y, valuing Dunmore AI at £400m": another company's round, which they back
        company = trim_name(state, other.group("c"))
        for investor in split_names(drew.group("names"), state.names.spelled_in(text)) if drew else []:
            add(state, Backing(source, investor, company), ("investor", investor), ("company", company))
        return False
    money = [q for q in find_quantities(text) if q.currency]
    if money and _ROUND_VALUATION.search(text):
        fact = Round(source, last.company, last.kind, valuation=money[0])
    elif _ROUND_LED.match(text):  # "The round was led by Fore Ventures, with participation from Seedcamp."
        leads = names_after(state, text, _LEADS)
        fact = Round(source, last.company, last.kind, leads=tuple(leads),
                     participants=tuple(n for n in names_after(state, text, _PARTICIPANTS) if n not in leads))
    else:
        joined = _ALSO_JOINED.search(text) or _JOINED_BY.search(text) or drew
        if not joined or (joined.re is _JOINED_BY and not (mentioned(last.company, text)
                                                          or re.search(r"\bthe round\b", text, re.I))):
            return False
        names = split_names(joined.group("names"), frozenset(state.names.names.values()))
        fact = Round(source, last.company, last.kind, participants=tuple(names))
    add(state, fact, ("company", last.company), *[("investor", n) for n in fact.leads + fact.participants])
    return True
