"""A company's background: when and by whom it was founded, where it is based, who holds which
role and who backs it, under a label or a table header ('Founded: 2020', 'CEO') or told in
running text ('appointed Daniel Okafor as CFO', 'CEO Mei Chen said').

No pattern names a company or a person.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .dates import find_dates, first_date, opening_date
from .phrases import LOWER, NAME, PLACE_OWNS, UPPER, looks_like_name, looks_like_org, people, places, split_names, strip_parens
from .reading import State, add, named_before, opening_name, owned_by_place, said_name, trim_name
from .records import Backing, Founding, Headquarters, Role, Source, When

# A person's name: two or three capitalised words, with the particles of family names.
_WORD = rf"{UPPER}{LOWER}*(?:['’-](?!s\b){UPPER}?{LOWER}+)*"  # "O'Brien", "Smith-Jones"; not "Biden's"
PERSON = rf"{_WORD}(?:\s+(?:(?:van|von|de|da|del|der|di|du|le|la|bin|al)\s+)*{_WORD}){{1,2}}"
_PEOPLE = rf"{PERSON}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){PERSON})*"
_NOT_FIRST = frozenset({"The", "Its", "Their", "Our", "This", "That", "These", "Those", "A", "An", "In", "On", "By"})

_FOUNDED_BY = re.compile(rf"\b(?:(?P<co>co-?)?founded|started|set up)\b(?:\s+(?:in\s+)?[^,.;]{{1,30}}?)?\s+by\s+(?P<people>{_PEOPLE})")
# "founded by A and B in 2019": the founders may stand between the verb and the date
_FOUNDED_IN = re.compile(r"\b(?:(?:co-?)?(?:founded|established|incorporated|set up)|was started|"
                         r"(?:was\s+)?spun\s+(?:out|off)\s+(?:of|from)\s+[^,.;]{1,60}?(?=\s+in\s)|"
                         r"since\s+(?:its|the\s+company['’]s)\s+(?:founding|inception))\b"
                         r"(?:\s+by\s+[^,.;]{1,80}?(?=\s+(?:in|on)\s))?\s+(?:in\s+|on\s+)?", re.I)
_PLACE_WORD = rf"{UPPER}[\w.'’-]*"
# "headquartered at Stockholm", "with seat in Singapore", "based out of Leeds": as reports also write it
_BASED_IN = re.compile(r"\b(?:(?:headquartered|head-quartered|based|with headquarters|headquarters|with (?:its )?seat|seated)\s+(?:in|at)"
                       r"|based out of)\s+(?P<place>"
                       rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}(?:,\s+{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})?)")
# What may stand before "based in" when it is said of the sentence's company: nothing ("Based in
# Oslo, Acme ..."), a verb of being, a comma or "and", or an appositive ("Acme, a GPU cloud based in").
_BASED_LEAD = re.compile(r"(?:^|,|\band|\b(?:is|was|has been|remains))\s*$|(?:,|\bis|\bwas)\s+an?\s+[^,]*$", re.I)
_ROLE_JOIN = re.compile(r"\s*(?:,|&|/|\band\b)\s*$")
_AFTER_ROLE = re.compile(rf"\s*(?:[,:]\s*)?(?:is\s+|was\s+|are\s+|were\s+)?(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?(?P<p>{_PEOPLE})"
                         r"(?!\s*['’]s)(?![\w'’-])")  # "CEO is Dr. Martina Kälin"
# "Acme named Ingrid Holm chief executive officer", "promoted Clara Diaz to CTO": the title given
# by a verb, so the company is the verb's subject.
_GIVEN = re.compile(
    rf"(?:(?P<c>{NAME})\s+(?:has\s+|have\s+)?)?"
    r"\b(?:named|names|appointed|appoints|hired|hires|promoted|promotes|tapped|taps|elevated|elevates)\s+"
    # "hired former AWS executive Marcus Bell as", "tapped Priya Nair to lead engineering as"
    r"(?:(?:former|ex-|longtime|veteran)\s*(?:[\w&-]+\s+){0,3}?(?:executive|exec|engineer|leader|veteran|banker)\s+)?"
    rf"(?P<p>{PERSON})(?:,\s+(?:previously|formerly|most recently|a former|the former)\b[^,]{{1,80}},)?\s*,?\s+"
    r"(?:to\s+(?:lead|run|head|oversee)\s+(?:[\w-]+\s+){0,3}?)?(?:(?:as|to)\s+)?"
    rf"(?:(?:its|the|their|our|the company['’]s)\s+)?(?:(?:new|interim|acting)\s+)?$")
# "X is run by chief executive A", "... led by CEO A and president B": X's titles
_RUN_BY = re.compile(r"\b(?:is|was|are|has been)\s+(?:now\s+)?(?:led|run|headed|managed)\s+by\s+(?:its\s+)?"
                     r"(?:[^,.;]{1,60}?\s+and\s+(?:its\s+)?)?$")
_TAKEN_UP = re.compile(r"\b(?:became|becomes|joined|appointed|named|promoted)\b")
_OF_WHOM = r"(?:\s+of\s+the\s+(?:\w+\s+)?board)?(?:\s+(?:of|at)\s+(?:" + NAME + r"|the (?:company|firm|startup)))?"
_DATE_AFTER = re.compile(_OF_WHOM + r",?\s+(?:in|on|since|from|effective)\s+")
_SINCE_AFTER = re.compile(_OF_WHOM + r",?\s+since\s+")  # "CEO since 2022": a start told outright
_POSSESSOR = re.compile(rf"(?P<c>{NAME})['’]s?\s+(?:(?:new|interim|acting|former)\s+)?$")  # "Acme's CEO, Jane Roe"
_ITS = re.compile(r"\b(?:its|the company['’]s)\s+(?:new\s+|interim\s+|acting\s+)?$")
_SINCE_BRACKET = re.compile(r"\s*\(\s*since\s+")
_SINCE = re.compile(r"\b(?:since|joined(?:\s+[^,;()]*?)?\s+in)\s+(?=[^),;]*\d)", re.I)  # "(joined from a utility in March 2025)"
_ORG_BEFORE = re.compile(rf"(?P<c>{NAME})\s+$")  # "Corvane Cloud co-founder and chief executive Ines Moreau"
_OF_COMPANY = re.compile(rf"(?:\s+of\s+the\s+(?:\w+\s+)?board)?\s+(?:of|at)\s+(?P<c>{NAME})")  # "chair of the board of X"
_BEFORE_ROLE = re.compile(
    # an aside after the name: "previously at X", or a post at a company ("Vireo Cloud's head of infrastructure")
    rf"(?P<p>{PERSON})(?:,\s+(?:(?:previously|formerly|most recently|a former|the former)\b|(?P<at>{NAME})['’]s?\s)[^,]{{1,80}},)?"
    # "Ines Moreau, who co-founded Corvane Cloud and serves as its CEO"
    rf"(?:\s*,\s*(?:(?:currently|now)\s+)?|(?:\s*,\s*who(?:\s+(?:co-?)?founded\s+(?P<w>{NAME})(?:\s+in\s+\d{{4}})?(?:\s+and|,))?)?\s+(?:as|is|was|became|becomes|serves as|served as|remains|has been|"
    r"stays on as|stayed on as|will stay on as|continues as|remained|"
    rf"was appointed|was named|was promoted to|promoted to|(?:joined|joins|has joined)(?:\s+(?P<j>{NAME}))?\s+as)\s+)"
    rf"(?:(?:the|its|our|their|the company['’]s|(?P<c>{NAME})['’]s?)\s+)?(?:(?:new|interim|acting|former)\s+)?$")


def background(state: State, text: str, source: Source, subject: str | None) -> None:
    """Founding, headquarters and roles stated in ``text``; ``subject`` is the company the
    sentence is about (the profiled one), if any."""
    if state.surnames:
        text = _full_names(state, text)
    company = subject or opening_name(state, text)
    if company:
        _founding(state, text, source, company, subject)
        _headquarters(state, text, source, company)
    if "-based " in text or "-headquartered " in text:
        _based_compound(state, text, source, subject)
    if "'s " in text or "’s " in text:
        _place_possessive(state, text, source)
    _founders(state, text, source, company, subject)
    if "respectively" in text:
        _respectively(state, text, source, subject or opening_name(state, text) or at_company(state, text))
    succession = _SUCCESSION_WORD.search(text)
    if succession:
        the_company = state.previous if _THE_COMPANY.search(text) else None  # "the company said X succeeds Y"
        text = _successions(state, text, source, subject or at_company(state, text) or the_company)
    before = len(state.facts)
    if _LEFT_WORD.search(text):
        _departures(state, text, source, subject)
    else:
        _titles(state, _REPLACING.sub(lambda m: " " * len(m.group(0)), text) if succession else text, source, subject)
    if succession:
        _replaced(state, text, source, [f for f in state.facts[before:] if isinstance(f, Role) and not f.former])


_LEFT_WORD = re.compile(r"\b(?:stepped down|stepping down|steps down|stepped aside|resigned|resigns|departed|left|retired)\b")
# "Kenji Mori stepped down as CEO of Sakura Compute in June 2025", "Sakura Compute's co-founder Kenji Mori
# resigned as CEO"; not "will step down" (not done yet)
_LEFT = re.compile(rf"(?P<p>{PERSON})(?:,[^,]{{1,80}},)?\s+(?:has\s+|have\s+|had\s+)?"
                   r"(?:stepped down|stepped aside|resigned|departed|left|retired)(?:\s+(?:from\s+)?(?:his|her|their|the)\s+"
                   r"(?:role|post|position|job))?\s+as\s+(?:(?:the\s+|its\s+)?(?P<c>" + NAME + r")['’]s?\s+)?"
                   r"(?P<t>[^,.;]{2,50}?)(?:\s+(?:of|at)\s+(?P<c2>" + NAME + r"))?(?=\s+(?:in|on|effective|after)\b|[,.;]|$)")


def _departures(state: State, text: str, source: Source, subject: str | None) -> None:
    """A role the sentence says was left: a former role, dated when the leaving is. What else the
    sentence says of people ("COO Aiko Tanaka takes over") is read as titles, after the clause."""
    m = _LEFT.search(text)
    roles = [role for role, _, _ in lexicon.find("roles", m.group("t"))] if m else []
    person = m.group("p") if m else ""
    if not roles or not _is_person(state, person):
        _titles(state, text, source, subject)
        return
    named = m.group("c") or m.group("c2")  # else the sentence's company: "Sakura Compute's co-founder Kenji Mori resigned"
    company = trim_name(state, named) if named else subject or opening_name(state, text)
    ended = _date_after(text, m.end())  # "... in June 2025", "..., effective June 30"
    for role in dict.fromkeys(roles) if company and company != person else ():
        add(state, Role(source, person, company, role, None, ended, former=True), ("person", person), ("company", company))
    _titles(state, text[:m.end("p")] + " " * (m.end() - m.end("p")) + text[m.end():], source, subject)


_THE_COMPANY = re.compile(r"\b[Tt]he (?:company|firm|startup)\b")
_TITLE_BEFORE = re.compile(r"\b(?:CEO|CTO|CFO|COO|CPO|CRO|chief\s+\w+\s+officer|president|chair)\s+(?=[A-Z][a-z])")
_SUCCESSION_WORD = re.compile(r"\b(?:succeed|succeeds|succeeded|succeeding|replace|replaces|replaced|replacing|took over from|"
                              r"takes over from|taking over from|has taken over from)\b")
_TITLE_TAIL = (r"\s+as\s+(?:(?:the\s+|its\s+)?(?P<c>" + NAME + r")['’]s?\s+)?(?:(?:new|interim|acting)\s+)?"
               r"(?P<t>[^,.;]{2,50}?)(?:\s+(?:of|at)\s+(?P<c2>" + NAME + r"))?(?=\s+(?:in|on|effective|after|from|when)\b|[,.;]|$)")
# "Mara Lind succeeds Tomas Berg as CEO of Veyra Cloud", "Tomas Berg will be replaced by Mara Lind as CEO"
_SUCCEEDS = re.compile(rf"(?P<new>{PERSON})(?:,[^,]{{1,80}},)?\s+(?:has\s+|will\s+|is\s+)?(?:succeed(?:s|ed|ing)?|replac(?:es|ed|e|ing)|"
                       rf"(?:took|takes|taking|taken)\s+over\s+from)\s+(?P<old>{PERSON})(?P<aside>,[^,]{{1,80}},)?" + _TITLE_TAIL)
_SUCCEEDED_BY = re.compile(rf"(?P<old>{PERSON})(?:,[^,]{{1,80}},)?\s+(?:will be|was|has been|is being|is to be)\s+"
                           rf"(?:replaced|succeeded)\s+by\s+(?P<new>{PERSON})(?P<aside>,[^,]{{1,80}},)?" + _TITLE_TAIL)
# "hired Dana Cole as its new COO, replacing Sam Reid": the title just given was Sam Reid's
_REPLACING = re.compile(rf",?\s+(?:replacing|succeeding|who (?:replaces|replaced|succeeds|succeeded))\s+(?P<old>{PERSON})(?![\w'’-])")


def _full_names(state: State, text: str) -> str:
    """'Wrenfield, who co-founded Stellmark, stays on as chair' after 'Tobias Wrenfield' in the
    report: a person called by the last word of their name, written out whole for the patterns
    that read people (which want two words)."""
    def whole(m: re.Match[str]) -> str:
        person = state.surnames.get(m.group(0))
        alone = not _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())  # not "Tobias Wrenfield" itself
        return person if person and alone and m.group(0) not in state.names else m.group(0)
    return _SURNAME.sub(whole, text)


# a capitalised word not before another ("Wrenfield Capital") nor after one (``_WORD_BEFORE``)
_SURNAME = re.compile(r"(?<![\w'’-])[A-Z][\w-]{3,}(?![\w-])(?!\s+[A-Z])")
_WORD_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s+$")


def _successions(state: State, text: str, source: Source, company: str | None) -> str:
    """A title passed from one person to another: the new holder has it from the date of the move,
    the old one held it until then (unless the move is still to come). Returns ``text`` with the
    succession blanked, so that the titles of the rest are read as before."""
    for m in (*_SUCCEEDS.finditer(text), *_SUCCEEDED_BY.finditer(text)):
        roles = [role for role, _, _ in lexicon.find("roles", m.group("t"))]
        named = m.group("c") or m.group("c2")
        where = trim_name(state, named) if named else company
        new, old = m.group("new"), m.group("old")
        if not roles or not where or not (_is_person(state, new) and _is_person(state, old)):
            continue
        when = _date_after(text, m.end("t")) or opening_date(text)
        done = not re.search(r"\b(?:will|is to be|is being)\b", m.group(0))
        for role in dict.fromkeys(roles):
            add(state, Role(source, new, where, role, when), ("person", new), ("company", where))
            add(state, Role(source, old, where, role, None, when if done else None, former=done),
                ("person", old), ("company", where))
        # what the aside says stays to be read: "Raghav Subramanian, currently Pyxara's chief operating officer,"
        kept = f"{new}{m.group('aside')}" if m.group("aside") else ""
        text = text[:m.start()] + kept.ljust(m.end() - m.start()) + text[m.end():]
    return text


def _replaced(state: State, text: str, source: Source, given: list[Role]) -> None:
    """'hired Dana Cole as its new COO, replacing Sam Reid': the title just ``given`` was Sam Reid's until then."""
    m = _REPLACING.search(text)
    if m and given and _is_person(state, m.group("old")):
        role = given[-1]
        add(state, Role(source, m.group("old"), role.company, role.role, None, role.when, former=True),
            ("person", m.group("old")))


# "co-founders Lena Voss and Arun Mehta lead the company as CEO and CTO respectively"
_RESPECTIVELY = re.compile(r"\bas\s+(?P<titles>[^.;]+?)\s*,?\s+respectively\b")


def _respectively(state: State, text: str, source: Source, company: str | None) -> None:
    """Titles handed out in order to the people named last before them."""
    m = _RESPECTIVELY.search(text)
    if not m or not company:
        return
    roles = [role for role, _, _ in lexicon.find("roles", m.group("titles"))]
    groups = [[p for p in _split_people(g.group(0)) if _is_person(state, p)]
              for g in re.finditer(_PEOPLE, text[:m.start()])]
    people = next((g for g in reversed(groups) if len(g) > 1), [])
    if len(people) == len(roles):
        for person, role in zip(people, roles):
            add(state, Role(source, person, company, role), ("person", person), ("company", company))


def at_company(state: State, text: str) -> str | None:
    """'At Halden AI, Priya Rao was promoted to CTO': the company a sentence opens with 'At'."""
    m = _AT_OPENING.match(text)
    return trim_name(state, m.group("c")) if m else None


_AT_OPENING = re.compile(rf"(?:Over\s+)?[Aa]t\s+(?P<c>{NAME}),")


def _founding(state: State, text: str, source: Source, company: str, subject: str | None) -> None:
    for m in _FOUNDED_IN.finditer(text):
        dates = find_dates(text[m.end():m.end() + 40])
        if not dates or dates[0][0] != 0:  # "founded in 2020", not "incorporated in Delaware in 2020"
            continue
        # "Redwood Ventures, founded in 2005, led the round": said of the name just before
        apposed = re.search(rf"(?P<n>{NAME}),\s*$", text[:m.start()])
        named = trim_name(state, apposed.group("n")) if apposed else ""
        if named and not (subject and named.split()[0] == subject.split()[0]):
            company = named
        add(state, Founding(source, company, dates[0][2]), ("company", company))
        _founded_where(state, text, m.end() + dates[0][1], company, source)
        return


def _founded_where(state: State, text: str, at: int, company: str, source: Source) -> None:
    """'founded in 2021 in Lisbon': where, right after when (``at``), unless the sentence says where it is based."""
    where = _FOUNDED_WHERE.match(text, at)
    place = _place(where.group("place").rstrip(".")) if where else ""
    if place and _is_place_word(state, place.split(",")[0]) and not _BASED_IN.search(text):
        add(state, Headquarters(source, company, place), ("company", company), ("place", place))


_FOUNDED_WHERE = re.compile(rf"\s+in\s+(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}(?:,\s+{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})?)"
                            r"(?=\s*(?:[,.;)]|$|\s(?:and|by|with|as)\b))")


def _headquarters(state: State, text: str, source: Source, company: str) -> None:
    m = _BASED_IN.search(text)
    if m and _BASED_LEAD.search(text[max(0, m.start() - 60):m.start()]):
        for place in places(_place(m.group("place"))):
            add(state, Headquarters(source, company, place), ("place", place))
        return
    # "Kumotori Systems (Osaka, Japan; founded 2019)": a place and its country or region in brackets after the name
    m = _BRACKETED_PLACE.match(text, len(company)) if text.startswith(company) else None
    if m and _place(m.group("place")) == m.group("place"):
        add(state, Headquarters(source, company, m.group("place").strip()), ("place", m.group("place").strip()))


_BRACKETED_PLACE = re.compile(r"\s+\((?P<place>[^;,()]+,\s*[^;,()]+)[;)]")  # after the name, compiled once


def _based_compound(state: State, text: str, source: Source, subject: str | None) -> None:
    """'the Paris-based Veridane Compute', 'Veridane, a Paris-based neocloud': the place of the
    name after the compound, or of the sentence's company when a company noun follows."""
    for m in _BASED_COMPOUND.finditer(text):
        place, after = re.sub(r"^(?:The|A|An|Its|Their|This|That)\s+", "", m.group("place")), m.group("after")
        if not _is_place_word(state, place):
            continue
        described = _DESCRIPTOR.match(after).end()
        # "London-based GPU marketplace Tamsin Labs"; not "Ondrea Compute, a Lisbon-based GPU marketplace"
        named = None if not described and _COMPANY_NOUN.match(after) else re.match(NAME, after[described:])
        company = trim_name(state, named.group(0)) if named else None
        apposed = _APPOSED.search(text, 0, m.start()) if not company else None
        if apposed and _COMPANY_NOUN.match(after):  # "Harbourline Data, a Manchester-based operator of ..."
            company = trim_name(state, apposed.group("n"))
        if not company and _COMPANY_NOUN.match(after):
            # "a month after the Toronto-headquartered serverless GPU platform raised": the company named last
            the = re.search(r"\b[Tt]he\s+$", text[:m.start()])
            company = subject or (named_before(state, text, m.start()) if the else None) or opening_name(state, text)
        if company and company != place:
            add(state, Headquarters(source, company, place), ("company", company), ("place", place))


def _place_possessive(state: State, text: str, source: Source) -> None:
    """'Singapore's Lumora Cloud has raised ...': a country's or region's company is based there."""
    for m in PLACE_OWNS.finditer(text):
        place, company = m.group("place"), trim_name(state, m.group("c"))
        regional = place.lower() in lexicon.regions() or owned_by_place(state, place, company) and _is_place_word(state, place)
        if regional and company and (company in state.names or looks_like_org(company)):
            add(state, Headquarters(source, company, place), ("company", company), ("place", place))


# "the Paris-based X", "The London-headquartered firm"
_BASED_COMPOUND = re.compile(rf"(?<![\w-])(?P<place>{UPPER}[\w.'’]*(?:\s+{UPPER}[\w.'’]*){{0,2}})-(?:based|headquartered)\s+"
                             r"(?=(?P<after>.{1,60}))")
_APPOSED = re.compile(rf"(?P<n>{NAME}),\s+(?:an?|the)\s+$")
# what the compound may say a company is: nouns of an organization only ("a Kubernetes-based
# platform" places nothing; "a Lisbon-based GPU marketplace", "an Austin-based inference platform" do)
_ORG_NOUN = (r"(?:(?![\w-]*(?i:invest|fund|capital|venture|bank|backer))[\w-]+\s+){0,3}?"
             r"(?:company|startup|start-up|firm|provider|operator|neocloud|chipmaker|business|marketplace|lessor|"
             r"miner|exchange|host|lab|(?:GPU|AI|inference|serverless|compute)\s+(?:[\w-]+\s+)?(?:cloud|platform))s?")
_COMPANY_NOUN = re.compile(rf"{_ORG_NOUN}\b")  # in lower case: "Corvid Labs" is a name
# ... and then names it: "London-based GPU marketplace Tamsin Labs"
_DESCRIPTOR = re.compile(rf"{_ORG_NOUN}\s+(?=[A-Z])|")


def _is_place_word(state: State, word: str) -> bool:
    """A city, region or country, as far as words can tell: not a known organization, product
    code or acronym ('GPU-based', 'H100-based', 'NVIDIA-based'), nor a lexicon term."""
    if word.lower() in lexicon.regions():
        return True
    return not (word in state.names or any(ch.isdigit() for ch in word) or word.isupper()
                or lexicon.find("metrics", word) or lexicon.exact("labels", word))


def _place(found: str) -> str:
    """'Toronto, Canada' stays whole; 'Toronto, Brightwater AI' is Toronto: the part after the
    comma must be a region or country."""
    city, _, region = found.partition(",")
    regions = lexicon.regions()
    return found if region.strip(" .").lower() in regions else city


def _founders(state: State, text: str, source: Source, company: str | None, subject: str | None) -> None:
    # "founded in 2021 by Erik Sand (CEO) and Maja Holm (CTO)", "co-founded by CEO A and CTO B" (titles read by ``_titles``)
    m = _FOUNDED_BY.search(_TITLE_BEFORE.sub("", strip_parens(text)))
    if m and company:
        role = "co-founder" if m.group("co") else "founder"
        for person in _split_people(m.group("people")):
            if _is_person(state, person):
                titles = re.search(rf"{re.escape(person)}\s*\((?P<t>[^)]*)\)", text)
                held = [r for r, _, _ in lexicon.find("roles", titles.group("t"))] if titles else []
                for r in dict.fromkeys([role, *held]):
                    add(state, Role(source, person, company, r), ("person", person), ("company", company))
        return
    _founded_by_subject(state, text, source, subject)


# "Talia Brenner (CEO) and Oskar Lindqvist (CTO) founded Pyxeon AI in 2022": the people are the
# subject, the company the object, and a title in brackets after a founder is held there. In a
# profile the object may be the company itself, and a partner may follow: "Chief executive Imogen
# Hartley co-founded the business with chief technology officer Tomasz Wójcik" (the titles are
# read by ``_titles``).
_FOUNDING_VERB = re.compile(r"\b(?:founded|started|set up)\b")  # not "launched": people launch products
_FOUNDERS_FIRST = re.compile(
    rf"(?P<people>{_PEOPLE})(?:,\s+who)?\s+(?:(?P<co>co-?)?founded|started|set up)\s+(?:(?P<it>the\s+(?:company|business|firm|startup|start-up))|"
    rf"(?P<c>{NAME}))(?:\s+with\s+(?:(?:{LOWER}[\w-]*|[A-Z]{{2,4}})\s+){{0,4}}(?P<with>{_PEOPLE}))?")  # "with CTO Dmitri Varga"


def _founded_by_subject(state: State, text: str, source: Source, subject: str | None) -> None:
    if not _FOUNDING_VERB.search(text):
        return
    plain = strip_parens(text)
    titled = _title_groups(plain)[:1]
    start = len(plain) - len(plain[titled[0][1]:].lstrip()) if titled and titled[0][0] == 0 else 0
    m = _FOUNDERS_FIRST.match(plain, start)
    if not m:
        return
    people_found = [p for group in ("people", "with") for p in _split_people(m.group(group) or "")
                    if _is_person(state, p)]
    company = (subject if m.group("it") else trim_name(state, m.group("c"))) if people_found else ""
    if not company:
        return
    for person in people_found:
        titles = re.search(rf"{re.escape(person)}\s*\((?P<t>[^)]*)\)", text)
        co = m.group("co") or m.group("with") or start and "co-founder" in titled[0][2]  # "Co-founders A and B started X"
        roles = ["co-founder" if co else "founder"]
        roles += [role for role, _, _ in lexicon.find("roles", titles.group("t"))] if titles else []
        for role in dict.fromkeys(roles):
            add(state, Role(source, person, company, role), ("person", person), ("company", company))
    rest = plain[m.end("it") if m.group("it") else m.end("c"):][:40]
    dates = find_dates(rest)
    if dates and re.fullmatch(r"\s*(?:in|on)\s+", rest[:dates[0][0]]):  # "founded Pyxeon AI in 2022"
        add(state, Founding(source, company, dates[0][2]), ("company", company))
        _founded_where(state, plain, len(plain) - len(rest) + dates[0][1], company, source)


def _titles(state: State, text: str, source: Source, subject: str | None) -> None:
    """'CEO Mei Chen', 'founder and CEO is Ana Ferreira', 'appointed Daniel Okafor as CFO',
    'Ana Ferreira, Corvid Labs' chief executive': a title beside a person's name."""
    for start, end, roles in _title_groups(text):
        window = text[max(0, start - 120):start]
        if _FORMER.search(window):  # "Former Google Cloud president Diane Park joined ...": a title no longer held
            continue
        after = _AFTER_ROLE.match(text, end)
        given = None if after else _GIVEN.search(window)
        before = None if after or given else _BEFORE_ROLE.search(window)
        found = (after or given or before).group("p") if after or given or before else ""
        # several people only after a plural title: "co-founders Ada Lund and Per Holm"
        people = _split_people(found)
        people = people if after and text[start:end].endswith("s") else people[:1]
        people = [p for p in people if p and _is_person(state, p)]
        of = _OF_COMPANY.match(text, end)
        possessor = _POSSESSOR.search(text[max(0, start - 80):start]) or _ORG_BEFORE.search(text[max(0, start - 80):start])
        if possessor and possessor.re is _ORG_BEFORE and not (possessor.group("c") in state.names
                                                              or looks_like_org(possessor.group("c"))):
            possessor = None  # "Corvane Cloud co-founder Ines Moreau", not "Veteran CEO ..."
        named = next((n for n in (of and of.group("c"), before and before.group("c"), before and before.group("j"),
                                  before and before.group("at"), before and before.group("w"),
                                  possessor and possessor.group("c"), given and given.group("c"))
                      if n and n.split()[0] not in _NOT_FIRST), None)  # not "The Board named ..."
        run_by = _RUN_BY.search(window)  # "Vireo Cloud is run by chief executive Jane Roe"
        its = _ITS.search(window)  # "Fernhill AI's chief executive, ...; its CTO is Luis Ortega"
        company = trim_name(state, named) if named else (given or run_by or its) and opening_name(state, text) or subject \
            or said_name(state, text) or at_company(state, text) \
            or (after or before) and opening_name(state, text)  # "CEO Ines Moreau said Corvane Cloud would ...", "Halcyra's ..., and CEO X told us"
        # a title taken up has the date of the move, a title held "since" a date that date; a
        # title beside a name dates nothing ("CEO Mei Chen said revenue reached $40M in 2024")
        moved = given or before and _TAKEN_UP.search(before.group(0))
        when = _date_after(text, end) or opening_date(text) if moved else _date_after(text, end, _SINCE_AFTER) \
            or after and _date_after(text, after.end(), _SINCE_BRACKET)  # "CTO: Anouk Jansen (since 2023)"
        for person in people if company else ():
            for role in roles if company != person else ():
                add(state, Role(source, person, company, role, when), ("person", person), ("company", company))


_LABEL_SINCE = re.compile(r"\s+since\s+(.+)$", re.I)
# "former"/"ex-" right before the title, or before the organization that precedes it
_FORMER = re.compile(rf"\b(?:[Ff]ormer|[Ee]x-|[Oo]netime|[Pp]revious)\s*(?:{NAME}\s+)?$")


def _date_after(text: str, end: int, lead: re.Pattern[str] = _DATE_AFTER) -> When | None:
    """'... chief operating officer in 2023': a date right after the title."""
    m = lead.match(text, end)
    dates = find_dates(text[m.end():m.end() + 40]) if m else []
    return dates[0][2] if dates and dates[0][0] == 0 else None


def _title_groups(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Titles in ``text``, those joined by 'and', '&', '/' or a comma as one group: 'founder and CEO'."""
    groups: list[tuple[int, int, tuple[str, ...]]] = []
    for role, start, end in lexicon.find("roles", text):
        if groups and _ROLE_JOIN.fullmatch(text[groups[-1][1]:start]):
            first, _, roles = groups[-1]
            groups[-1] = (first, end, (*roles, role))
        else:
            groups.append((start, end, (role,)))
    return groups


def _split_people(text: str) -> list[str]:
    return re.split(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", text)


def _is_person(state: State, name: str) -> bool:
    return looks_like_name(name) and name.split()[0] not in _NOT_FIRST and not looks_like_org(name) \
        and name not in state.names


@lru_cache(maxsize=1024)  # asked of every label of every profile
def label_roles(label: str) -> tuple[str, ...]:
    """The titles a label is made of: 'CEO' -> ('ceo',), 'Founder & CEO' -> ('founder', 'ceo'); () for other labels."""
    titles = [lexicon.exact("roles", part) for part in re.split(r"\s*(?:&|/|,|\band\b)\s*", label.strip())]
    return tuple(titles) if titles and all(titles) else ()


def about_who(state: State, company: str, label: str, value: str, source: Source) -> bool:
    """A founding date, headquarters, people or investors under a label or a table header
    ('Founded', 'HQ', 'CEO', 'Key Investors'); False for any other label."""
    held = _LABEL_SINCE.search(label)  # "**CFO since 2024:** Laura Chen": the title held from then
    if held:
        label = label[:held.start()]
    group, role = lexicon.exact("labels", label), label_roles(label)
    if group == "founding":
        when = first_date(value)
        if when:
            add(state, Founding(source, company, when), ("company", company))
    elif group == "headquarters":
        for place in places(value):
            add(state, Headquarters(source, company, place), ("place", place))
    elif group == "leadership" or role:
        # "Lin Qiao (CEO), Dmytro Dzhulgakov (CTO)"; under a title, its names: "Founders: A and B"
        found = people(value)
        if role:  # the label's titles, unless the line gives each name its own
            found = [(person, own or role) for person, own in found] or \
                [(person, role) for person in split_names(value) if looks_like_name(person)]
        since = _SINCE.search(value)  # "CTO: Anouk Jansen (since 2023)": the title held from then
        when = first_date(value[since.end():]) if since and len(found) == 1 else \
            (first_date(held.group(1)) if held and len(found) == 1 else None)
        for person, roles in found:
            for r in roles:
                if r:
                    add(state, Role(source, person, company, r, when), ("person", person))
    elif group == "investors":
        for investor in split_names(value, state.names.spelled_in(value)):
            add(state, Backing(source, investor, company), ("investor", investor))
    else:
        return False
    return True
