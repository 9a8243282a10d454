"""A company's background: when and by whom it was founded, where it is based, who holds which
role and who backs it, under a label or a table header ('Founded: 2020', 'CEO') or told in
running text ('founded in 2020 by A and B', 'the Paris-based X'); the titles told in running text
are read by ``people``.

No pattern names a company or a person.
"""
from __future__ import annotations

import re

from . import lexicon
from .amounts import find_quantities
from .dates import find_dates, first_date
from .names import mentioned, name_key
from .phrases import LOWER, NAME, PLACE_OWNS, UPPER, looks_like_name, looks_like_org, people, places, split_names, strip_parens
from .people import PEOPLE, PERSON, full_names, is_person, label_roles, read_titles, split_people, title_groups
from .reading import TITLE_BEFORE, State, add, kinds_of, named_before, opening_name, owned_by_place, trim_name
from .records import Backing, Founding, Headquarters, Role, Round, Source
from .rounds import LISTING

_FOUNDED_BY = re.compile(rf"\b(?:(?P<co>[Cc]o-?)?[Ff]ounded|[Ss]tarted|[Ss]et up)\b(?:\s+(?:in\s+)?[^,.;]{{1,30}}?)?\s+by\s+(?P<people>{PEOPLE})")
# "founded by A and B in 2019": the founders may stand between the verb and the date
# ... "started in 2022 as a GPU marketplace": began as what it is
_FOUNDED_IN = re.compile(r"\b(?:(?:co-?)?(?:founded|established|incorporated|set up)|was started|"
                         r"(?<=\s)(?:she|he|they)\s+(?:started|launched)(?=\s+in\s)|"  # "..., a neocloud she started in 2021"
                         r"(?:started|began)(?=\s+in\s+(?:19|20)\d\d\s+as\s)|"
                         r"(?:was\s+)?spun\s+(?:out|off)\s+(?:of|from)\s+[^,.;]{1,60}?(?=\s+in\s)|"
                         r"since\s+(?:its|the\s+company['’]s)\s+(?:founding|inception))\b"
                         r"(?:\s+by\s+[^,.;]{1,80}?(?=\s+(?:in|on)\s))?\s+(?:in\s+|on\s+)?", re.I)
_PLACE_WORD = rf"{UPPER}[\w.'’-]*"
# "headquartered at Stockholm", "with seat in Singapore", "based out of Leeds", "a neocloud out of Raleigh" (not
# "spun out of Google"): as reports also write it
_BASED_IN = re.compile(r"\b(?:(?:headquartered|head-quartered|based|with headquarters|headquarters|with (?:its )?seat|seated)\s+(?:in|at)"
                       # "Our headquarters and registered office are in Dublin"
                       r"|(?:headquarters|head office|HQ)(?:\s+and\s+(?:registered|main|principal)\s+offices?)?\s+(?:are|is)\s+(?:in|at)"
                       r"|based out of|(?:(?<=neocloud\s)|(?<=startup\s)|(?<=start-up\s)|(?<=company\s)|(?<=provider\s)|"
                       r"(?<=platform\s)|(?<=marketplace\s)|(?<=chipmaker\s)|(?<=firm\s)|(?<=shop\s)|(?<=outfit\s))out of)"
                       r"\s+(?P<place>"
                       rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}(?:,\s+{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})?)")
# What may stand before "based in" when it is said of the sentence's company: nothing ("Based in
# Oslo, Acme ..."), a verb of being, a comma or "and", or an appositive ("Acme, a GPU cloud based in").
# ("at the Company's headquarters in Pittsburgh": its own)
_BASED_LEAD = re.compile(r"(?i:(?:^|,|\band|\b(?:is|was|has been|remains))\s*$|(?:,|\bis|\bwas)\s+an?\s+[^,]*$|"
                         r"\b(?:its|the\s+company['’]s)\s*$)|(?P<owner>\b[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})['’]s\s*$")


def background(state: State, text: str, source: Source, subject: str | None) -> None:
    """Founding, headquarters and roles stated in ``text``; ``subject`` is the company the
    sentence is about (the profiled one), if any."""
    if state.surnames:
        text = full_names(state, text)
    if _HONORIFIC.search(text):  # "Dr. Katharina Wendt", "Dame Philippa Strathearn": the person is her name
        text = _HONORIFIC.sub("", text)
    company = subject or opening_name(state, text)
    opened = _FOUNDED_OPENS.match(text) if not company else None
    company = company or (trim_name(state, opened.group("c")) if opened else None)  # "Founded in 2020 by A and B, Bolt is"
    if company:
        _founding(state, text, source, company, subject)
        _headquarters(state, text, source, company)
    else:  # of the name an appositive describes: "In May Quarne bought Brisa Labs, a platform founded in 2020"
        _founding(state, text, source, "", subject)
    if "-based " in text or "-headquartered " in text:
        _based_compound(state, text, source, subject)
    if "'s " in text or "’s " in text:
        _place_possessive(state, text, source)
    if (", a" in text or " is a" in text) and _PLACE_HINT.search(text):  # the pattern opens with a name: costly on every sentence
        _place_apposed(state, text, source)
    _founders(state, text, source, company, subject)
    read_titles(state, text, source, subject)


def _founding(state: State, text: str, source: Source, company: str, subject: str | None) -> None:
    for m in _FOUNDED_IN.finditer(text):
        at = m.end()
        place_first = _PLACE_THEN_YEAR.match(text, at) if not m.group(0).lower().startswith("incorporated") else None
        if place_first and _is_place_word(state, place_first.group("place")):  # "founded in Berlin in 2022"
            at = place_first.end()
        dates = find_dates(text[at:at + 40])
        if not dates or dates[0][0] != 0:  # "founded in 2020", not "incorporated in Delaware in 2020"
            continue
        # "Redwood Ventures, founded in 2005, led the round": said of the name just before; "snapped up
        # Fernmoss Labs, a Tallinn-based serverless GPU platform founded in 2023": of the name the appositive is of
        company = _apposed(state, text[:m.start()], subject) or company
        if not company:
            return
        add(state, Founding(source, company, dates[0][2]), ("company", company))
        partner = _STARTED_WITH.match(text, at + dates[0][1]) if _BY_ONE_OF_THEM.match(m.group(0)) else None
        if partner and is_person(state, partner.group("p")):  # "... she started in 2021 with Mikko Rautanen"
            add(state, Role(source, partner.group("p"), company, "co-founder"), ("person", partner.group("p")),
                ("company", company))
        if at != m.end() and not _BASED_IN.search(text):
            place = place_first.group("place")
            add(state, Headquarters(source, company, place), ("company", company), ("place", place))
        _founded_where(state, text, at + dates[0][1], company, source)
        return


_BY_ONE_OF_THEM = re.compile(r"\b(?:she|he|they)\s+(?:co-?founded|founded|started|launched|set\s+up)\s+in\s", re.I)
_STARTED_WITH = re.compile(rf"\s+with\s+(?:(?:her|his|their)\s+[\w-]+\s+)?(?P<p>{PERSON})")
_APPOSED_FOUNDED = re.compile(rf"(?P<n>{NAME}),\s*(?:(?:an?|the)\s+[^,;()]{{1,80}}?\s*)?$")


def _apposed(state: State, before: str, subject: str | None) -> str:
    """The name a founding told after ``before`` is said of when an appositive ends there ("Fernmoss Labs, a
    Tallinn-based platform founded in ..."), unless it is the sentence's subject by another name."""
    apposed = _APPOSED_FOUNDED.search(before)
    named = trim_name(state, apposed.group("n")) if apposed else ""
    return "" if not named or subject and named.split()[0] == subject.split()[0] else named


def _founded_where(state: State, text: str, at: int, company: str, source: Source) -> None:
    """'founded in 2021 in Lisbon': where, right after when (``at``), unless the sentence says where it is based."""
    where = _FOUNDED_WHERE.match(text, at)
    place = _place(where.group("place").rstrip(".")) if where else ""
    if place and _is_place_word(state, place.split(",")[0]) and not _BASED_IN.search(text):
        add(state, Headquarters(source, company, place), ("company", company), ("place", place))


_PLACE_THEN_YEAR = re.compile(r"(?P<place>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?)\s+in\s+(?=(?:19|20)\d\d\b)")
_FOUNDED_WHERE = re.compile(rf"\s+in\s+(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}(?:,\s+{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})?)"
                            r"(?=\s*(?:[,.;)]|$|\s(?:and|by|with|as)\b))")


def _headquarters(state: State, text: str, source: Source, company: str) -> None:
    m = _BASED_IN.search(text)
    lead = _BASED_LEAD.search(text[max(0, m.start() - 60):m.start()]) if m else None
    if lead and lead.group("owner"):  # "Lisnagh Compute's headquarters are in Dublin": the owner's, whoever else the sentence is of
        company = trim_name(state, lead.group("owner")) or company
    if lead:
        # "... with Periwick Labs, an AI lab based in San Francisco": the place of the name the appositive is of
        other = _APPOSITIVE_BEFORE.search(text, 0, m.start())
        named = trim_name(state, other.group("n")) if other else ""
        if named and named != company and not mentioned(company, named) and other.start() > 0:
            company = named
        for place in places(_place(m.group("place"))):
            add(state, Headquarters(source, company, place), ("place", place))
        return
    # "Kumotori Systems (Osaka, Japan; founded 2019)": a place and its country or region in brackets after the name
    m = _BRACKETED_PLACE.match(text, len(company)) if text.startswith(company) else None
    if m and _place(m.group("place")) == m.group("place") and _CAPITALISED.fullmatch(m.group("place").split(",")[0].strip()):
        add(state, Headquarters(source, company, m.group("place").strip()), ("place", m.group("place").strip()))


_APPOSITIVE_BEFORE = re.compile(rf"(?P<n>{NAME}),\s+an?\s+[^,]*$")
_CAPITALISED = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")  # a city, not "P2P GPU marketplace"
_BRACKETED_PLACE = re.compile(r"\s+\((?P<place>[^;,()]+,\s*[^;,()]+)[;)]")  # after the name, compiled once


def _based_compound(state: State, text: str, source: Source, subject: str | None) -> None:
    """'the Paris-based Veridane Compute', 'Veridane, a Paris-based neocloud': the place of the
    name after the compound, or of the sentence's company when a company noun follows."""
    for m in _BASED_COMPOUND.finditer(text):
        place, after = re.sub(r"^(?:The|A|An|Its|Their|This|That)\s+", "", m.group("place")), m.group("after")
        place = re.split(r"['’]s\s+", place)[-1]  # "Cobbleford Ventures's Lagos-based" (a letter's "our"): Lagos
        if not _is_place_word(state, place):
            continue
        start = m.start()
        city = _CITY_BEFORE.search(text, 0, start) if place.lower() in lexicon.regions() else None
        if city and not state.names.find(city.group("c")):  # "the Austin, Texas-based neocloud": the city as well
            place, start = f"{city.group('c')}, {place}", city.start()
        described = _DESCRIPTOR.match(after).end()
        # "London-based GPU marketplace Tamsin Labs"; not "Ondrea Compute, a Lisbon-based GPU marketplace"
        named = None if not described and _COMPANY_NOUN.match(after) else re.match(NAME, after[described:])
        company = trim_name(state, named.group(0)) if named else None
        apposed = _APPOSED.search(text, 0, start)
        if apposed and _COMPANY_NOUN.match(after):  # "Harbourline Data, a Manchester-based operator of ..."
            # (and "Loftmere Inference, the Toronto-based inference platform Wrenhollow seeded": not Wrenhollow)
            company = trim_name(state, apposed.group("n")) or company
        if not company and _COMPANY_NOUN.match(after):
            # "a month after the Toronto-headquartered serverless GPU platform raised": the company named last
            the = re.search(r"\b[Tt]he\s+$", text[:start])
            company = subject or (named_before(state, text, start) if the else None) or opening_name(state, text)
        if company and company != place:
            add(state, Headquarters(source, company, place), ("company", company), ("place", place))


_CITY_BEFORE = re.compile(rf"(?<![\w-])(?P<c>{UPPER}[\w.'’]*(?:\s+{UPPER}[\w.'’]*)?),\s+$")


def _place_apposed(state: State, text: str, source: Source) -> None:
    """'Spreehalle Rechenzentren GmbH, a Berlin colocation operator,', 'Hallowmere GPU, a Reno, Nevada
    neocloud', 'Halder Cloud is a Munich neocloud': a place written as an adjective of what the company is."""
    for m in _PLACE_APPOSED.finditer(text):
        place, company = m.group("place"), trim_name(state, m.group("n"))
        # a region, "City, Region", or a place the report has named as one ("a Kubernetes platform company" is
        # none), or any place word before one of the market's categories ("a Munich neocloud")
        categorized = bool(lexicon.find("categories", text[m.end():m.end() + 40])) and \
            lexicon.find("categories", text[m.end():m.end() + 40])[0][1] == 0
        known = place.split(", ")[-1].lower() in lexicon.regions() or "place" in kinds_of(state, name_key(place)) \
            or categorized and place.lower() not in lexicon.words("places", "demonyms")
        if company and known and all(_is_place_word(state, part) for part in place.split(", ")):
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
_APPOSED = re.compile(rf"(?P<n>{NAME}),\s+(?:an?|the)\s+(?:(?:small|large|young|fast-growing|rival|fellow)\s+)?$")
_PLACE_HINT = re.compile(r"(?:,|\sis)\s+an?\s+[A-Z][a-zà-ÿ]+(?:,?\s[A-Z][a-zà-ÿ]+)?\s+[a-z]")
# what the compound may say a company is: nouns of an organization only ("a Kubernetes-based
# platform" places nothing; "a Lisbon-based GPU marketplace", "an Austin-based inference platform" do)
_ORG_NOUN = (r"(?:(?![\w-]*(?i:invest|fund|capital|venture|bank|backer))[\w-]+\s+){0,3}?"
             r"(?:company|startup|start-up|firm|provider|operator|neocloud|chipmaker|business|marketplace|lessor|developer|"
             r"vendor|supplier|manufacturer|maker|designer|builder|integrator|reseller|OEM|ODM|"
             r"miner|exchange|host|lab|(?:GPU|AI|inference|serverless|compute)\s+(?:[\w-]+\s+)?(?:cloud|platform))s?")
_COMPANY_NOUN = re.compile(rf"{_ORG_NOUN}\b")  # in lower case: "Corvid Labs" is a name
# "X, a Berlin colocation operator": a place, then what the company is (not "Acme, a GPU cloud", "Bolt, a
# US$ 40M company": a place's words are capitalised words and nothing else)
_PLACE_APPOSED = re.compile(rf"(?P<n>{NAME})(?:,|\s+is)\s+an?\s+(?P<place>{UPPER}[a-zà-ÿ]+(?:\s{UPPER}[a-zà-ÿ]+){{0,2}}"
                            rf"(?:,\s{UPPER}[a-zà-ÿ]+(?:\s{UPPER}[a-zà-ÿ]+)?)?)\s+(?=[a-z])(?={_ORG_NOUN}\b)")
# ... and then names it: "London-based GPU marketplace Tamsin Labs"
_DESCRIPTOR = re.compile(rf"{_ORG_NOUN}\s+(?=[A-Z])|")


def _is_place_word(state: State, word: str) -> bool:
    """A city, region or country, as far as words can tell: not a known organization, product
    code or acronym ('GPU-based', 'H100-based', 'NVIDIA-based'), nor a lexicon term."""
    if word.lower() in lexicon.regions():
        return True
    # (nor a word for what a company is said to be from: "a Belgian neocloud")
    return not (word in state.names or word.lower() in lexicon.words("places", "demonyms")
                or any(ch.isdigit() for ch in word) or word.isupper()
                or lexicon.find("metrics", word) or lexicon.exact("labels", word))


def _place(found: str) -> str:
    """'Toronto, Canada' stays whole; 'Toronto, Brightwater AI' is Toronto: the part after the
    comma must be a region or country."""
    city, _, region = found.partition(",")
    regions = lexicon.regions()
    return found if region.strip(" .").lower() in regions else city


def _founders(state: State, text: str, source: Source, company: str | None, subject: str | None) -> None:
    # "founded in 2021 by Erik Sand (CEO) and Maja Holm (CTO)", "co-founded by CEO A and CTO B" (titles read by ``_titles``)
    plain = TITLE_BEFORE.sub("", strip_parens(text))
    m = _FOUNDED_BY.search(plain)
    # ("completed its acquisition of Tayvallich AI, an Edinburgh platform founded in 2019 by A and B": Tayvallich's)
    company = m and _apposed(state, plain[:m.start()], subject) or company
    if m and company:
        role = "co-founder" if m.group("co") else "founder"
        people = [person for person in split_people(m.group("people")) if is_person(state, person)]
        # "by Wietske Vos and Ruben Kastelein (now CEO and CTO respectively)": the titles after the last, one each in order
        shared = re.search(rf"{re.escape(people[-1])}\s*\((?P<t>[^)]*\brespectively\b[^)]*)\)", text) if people else None
        in_order = [r for r, _, _ in lexicon.find("roles", shared.group("t"))] if shared else []
        for i, person in enumerate(people):
            titles = None if shared else re.search(rf"{re.escape(person)}\s*\((?P<t>[^)]*)\)", text)
            held = [r for r, _, _ in lexicon.find("roles", titles.group("t"))] if titles else \
                in_order[i:i + 1] if len(in_order) == len(people) else []
            for r in dict.fromkeys([role, *held]):
                add(state, Role(source, person, company, r), ("person", person), ("company", company))
        return
    _founded_by_subject(state, text, source, subject)


# "Talia Brenner (CEO) and Oskar Lindqvist (CTO) founded Pyxeon AI in 2022": the people are the
# subject, the company the object, and a title in brackets after a founder is held there. In a
# profile the object may be the company itself, and a partner may follow: "Chief executive Imogen
# Hartley co-founded the business with chief technology officer Tomasz Wójcik" (the titles are
# read by ``_titles``); the year may come between: "co-founded Tarnwick Cloud in 2019 with Hanne Ostvik".
_FOUNDING_VERB = re.compile(r"\b(?:founded|started|set up)\b")  # not "launched": people launch products
_FOUNDERS_FIRST = re.compile(
    rf"(?P<people>{PEOPLE})(?:,\s+who)?\s+(?:(?P<co>co-?)?founded|started|set up)\s+(?:(?P<it>the\s+(?:company|business|firm|startup|start-up))|"
    rf"(?P<c>{NAME}))(?:\s+in\s+\d{{4}})?(?:\s+with\s+(?:(?:{LOWER}[\w-]*|[A-Z]{{2,4}})\s+){{0,4}}(?P<with>{PEOPLE}))?")  # "with CTO Dmitri Varga"


def _founded_by_subject(state: State, text: str, source: Source, subject: str | None) -> None:
    if not _FOUNDING_VERB.search(text):
        return
    plain = strip_parens(text)
    titled = title_groups(plain)[:1]
    start = len(plain) - len(plain[titled[0][1]:].lstrip()) if titled and titled[0][0] == 0 else 0
    m = _FOUNDERS_FIRST.match(plain, start)
    if not m:
        return
    people_found = [p for group in ("people", "with") for p in split_people(m.group(group) or "")
                    if is_person(state, p)]
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


_BY = re.compile(r"\bby\s+[A-Z]")
_FOUNDED_OPENS = re.compile(rf"(?:Co-)?[Ff]ounded\b[^.;]{{0,120}}?,\s+(?P<c>{NAME})\s+(?:is|was|has|had|now|operates|runs|"
                            r"provides|offers|builds|raised|became)\b")
_HONORIFIC = re.compile(r"\b(?:Dr|Prof|Mrs|Mr|Ms)\.\s+(?=[A-Z])|\b(?:Sir|Dame|Professor)\s+(?=[A-Z][a-z]+\s+[A-Z])"
                        # a rank: "Lt. Gen. (Retd.) Harbhajan Virk", "Adm. (retd) Jane Roe", "Col. Sam Reid"
                        r"|\b(?:(?:Lt|Maj|Brig|Col|Capt|Cdr|Adm|Gen|Air\s+Marshal|Vice\s+Adm)\.?\s+)+(?:\([Rr]etd\.?\)\s+)?(?=[A-Z][a-z]+\s+[A-Z])")
_SINCE = re.compile(r"\b(?:since|joined(?:\s+[^,;()]*?)?\s+in)\s+(?=[^),;]*\d)", re.I)  # "(joined from a utility in March 2025)"
_LABEL_SINCE = re.compile(r"\s+since\s+(.+)$", re.I)


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
            where = _DATE_THEN_PLACE.match(value)  # "Founded: 2021, Helsinki, Finland": where, as "founded in 2021 in X" says
            for place in places(where.group("p")) if where and not _BY.search(value) else ():
                add(state, Headquarters(source, company, place), ("place", place))
        if _BY.search(value):  # "Founded: 2021 by Dr. Katharina Wendt (CEO) and Tobias Haverkamp (CTO)"
            _founders(state, f"founded {_HONORIFIC.sub('', value)}", source, company, company)
    elif group == "headquarters":
        for place in places(value):
            add(state, Headquarters(source, company, place), ("place", place))
    elif group == "leadership" or role:
        # "Lin Qiao (CEO), Dmytro Dzhulgakov (CTO)"; under a title, its names: "Founders: A and B"
        found = people(value)
        if not found:  # "co-founder and CEO Marguerite Osei-Brandt; CFO Declan Ashworth": titles before names, each
            before = len(state.facts)  # its own, whatever the label's ("**Founders and CEO:** ...; co-founder and CTO B")
            read_titles(state, value, source, company)
            if len(state.facts) > before or not role:
                return True
        if role:  # the label's titles, unless the line gives each name its own ("Founders: A (CEO), B (CTO)": both)
            founders = set(role) <= {"founder", "co-founder"}
            found = [(person, tuple(dict.fromkeys((*role, *own))) if own and founders else own or role)
                     for person, own in found] or \
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
        # "Co-investors: NVIDIA ($20 million) and ...": what each put in is read on, as the line's figures
        return not any(q.currency for q in find_quantities(value))
    elif group == "invested":  # "Invested: Seed (2021), Series A (2023)" on a fund's own page: rounds it took part in
        by = (state.author,) if state.author and state.author != company else ()
        for investor in by:
            add(state, Backing(source, investor, company), ("investor", investor), ("company", company))
        for part in value.split(","):
            for kind, _, _ in lexicon.find("round_types", part)[:1]:
                add(state, Round(source, company, kind, None, first_date(part), (), by), ("company", company),
                    *[("investor", i) for i in by])
    elif group == "status" and re.match(LISTING.pattern, value, re.I):  # "Status: IPO (NASDAQ: OXLD), May 2025"
        add(state, Round(source, company, "ipo", None, first_date(value)), ("company", company))
    else:
        return False
    return True


_DATE_THEN_PLACE = re.compile(rf"\s*(?:in\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{{1,2}},?\s+)?(?:19|20)\d\d(?:\s*[,;–—-]\s*(?:in\s+)?|\s+in\s+)(?P<p>{UPPER}.*)$")
