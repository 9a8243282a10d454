"""Who holds which title, told in running text: 'appointed Daniel Okafor as CFO', 'CEO Mei Chen
said', 'A succeeds B as CEO', 'stepped down as CTO', 'co-founders A and B lead the company as CEO
and CTO respectively', and a person called by their surname after the first mention.

No pattern names a company or a person.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from . import lexicon
from .dates import find_dates, opening_date
from .names import is_curated_investor, mentioned
from .phrases import LOWER, NAME, UPPER, looks_like_name, looks_like_org
from .reading import MONTH_NAMES, State, add, investor_only, month_told, opening_name, said_name, trim_name
from .records import Role, Source, When

_WORD = rf"{UPPER}{LOWER}*(?:['’-](?!s\b){UPPER}?{LOWER}+)*"  # "O'Brien", "Smith-Jones"; not "Biden's"


def _named(most: int) -> tuple[str, str]:
    """A person's name of two to ``most`` capitalised words, with the particles of family names; and a list of them."""
    person = rf"{_WORD}(?:\s+(?:(?:van|von|de|da|del|der|di|du|le|la|bin|al)\s+)*{_WORD}){{1,{most - 1}}}"
    return person, rf"{person}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){person})*"


PERSON, PEOPLE = _named(3)
# ... or four, where a title stands before them ("CEO Le Thi Thu Ha says"); allowed in every pattern, a fourth
# word made reading 1 to 13% slower in runs side by side
_, _TITLED_PEOPLE = _named(4)
_BYLINE = re.compile(r"^(?:From|By|Written by)\s+(?=[A-Z])")
_NOT_FIRST = frozenset({"The", "Its", "Their", "Our", "This", "That", "These", "Those", "A", "An", "In", "On", "By"})

_ROLE_JOIN = re.compile(r"\s*(?:,|&|/|\band\b)\s*$")
_AFTER_ROLE = re.compile(rf"\s*(?:[,:]\s*)?(?:is\s+|was\s+|are\s+|were\s+)?(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?"
                         rf"(?P<p>{_TITLED_PEOPLE})"
                         r"(?!\s*['’]s)(?![\w'’-])")  # "CEO is Dr. Martina Kälin"
# "Acme named Ingrid Holm chief executive officer", "promoted Clara Diaz to CTO": the title given
# by a verb, so the company is the verb's subject.
_GIVEN = re.compile(
    rf"(?:(?P<c>{NAME})\s+(?:has\s+|have\s+)?)?"
    r"\b(?:named|names|appointed|appoints|hired|hires|promoted|promotes|tapped|taps|elevated|elevates|poached|poaches|"
    r"recruited|recruits|lured|lures)\s+"
    # "hired former AWS executive Marcus Bell as", "tapped Priya Nair to lead engineering as"
    r"(?:(?:former|ex-|longtime|veteran)\s*(?:[\w&-]+\s+){0,3}?(?:executive|exec|engineer|leader|veteran|banker)\s+)?"
    r"(?:(?:its|their|the company['’]s)\s+[^,]{1,50},\s+)?"  # "promoted its VP of engineering, Harshita Balakumar, to CTO"
    rf"(?P<p>{PERSON})(?:,\s+(?:previously|formerly|most recently|a former|the former|who|(?:an\s+)?ex-|late of)\b"
    r"[^,]{1,80},)?\s*,?\s+"
    # "poached Cordelia Strandqvist from a hyperscaler to run its revenue team as CRO"
    r"(?:from\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?\s+(?=to\s|as\s))?"
    r"(?:to\s+(?:lead|run|head|oversee)\s+(?:[\w-]+\s+){0,3}?)?(?:(?:as|to)\s+)?"
    rf"(?:(?:its|the|their|our|the company['’]s)\s+)?(?:(?:new|interim|acting)\s+)?$")
# "X is run by chief executive A", "... led by CEO A and president B": X's titles
_RUN_BY_VERB = re.compile(r"\b(?:is|was|are|has been)\s+(?:now\s+)?(?:led|run|headed|managed)\s+by\b")
_RUN_BY = re.compile(_RUN_BY_VERB.pattern + r"\s+(?:its\s+)?(?:[^,.;]{1,60}?\s+and\s+(?:its\s+)?)?$")
_TAKEN_UP = re.compile(r"\b(?:became|becomes|joined|appointed|named|promoted)\b")
_OF_WHOM = r"(?:\s+of\s+the\s+(?:\w+\s+)?board)?(?:\s+(?:of|at)\s+(?:" + NAME + r"|the (?:[Cc]ompany|[Ff]irm|[Ss]tartup)))?"
_DATE_AFTER = re.compile(_OF_WHOM + r",?\s+(?:in|on|since|from|effective)\s+")
_SINCE_AFTER = re.compile(_OF_WHOM + r",?\s+since\s+")  # "CEO since 2022": a start told outright
_POSSESSOR = re.compile(rf"(?P<c>{NAME})['’]s?\s+(?:(?:new|interim|acting|former)\s+)?$")  # "Acme's CEO, Jane Roe"
_NAME_ITS = re.compile(rf"(?P<c>{NAME}),\s+(?:and\s+)?its\s+(?:new\s+|interim\s+|acting\s+)?$")
_ITS = re.compile(r"\b(?:its|the company['’]s)\s+(?:new\s+|interim\s+|acting\s+)?$")
_ITS_OPENS = re.compile(r"Its\s+(?:new\s+|interim\s+|acting\s+)?")  # a title that opens the sentence
_SINCE_BRACKET = re.compile(r"\s*\(\s*since\s+")
_WHO_JOINED = re.compile(r",?\s+who\s+(?:joined|was\s+(?:appointed|hired|named)|took\s+over)\s+(?:the\s+company\s+)?(?:in|on)\s+")
_MONTH_OPENS = re.compile(rf"(?:In|Since|From)\s+(?:early\s+|late\s+|mid-)?(?:{'|'.join(MONTH_NAMES)})\b")
_PRONOUN_OPENS = re.compile(r"(?:She|He|They)\s")  # a sentence about the person the last one named, at its company
_ORG_BEFORE = re.compile(rf"(?P<c>{NAME})\s+$")  # "Corvane Cloud co-founder and chief executive Ines Moreau"
# a signature's "— Ottilie Vantongeren, Co-founder and Chief Executive Officer, Thornvale Cloud": the company ends the line
_THEN_COMPANY = re.compile(rf",\s+(?P<c>{NAME})\.?\s*$")
_OF_COMPANY = re.compile(rf"(?:\s+of\s+the\s+(?:\w+\s+)?board)?\s+(?:of|at)\s+(?P<c>{NAME})")  # "chair of the board of X"
_BEFORE_ROLE = re.compile(
    # an aside after the name: "previously at X", or a post at a company ("Vireo Cloud's head of infrastructure")
    rf"(?<![\w'’-])(?P<p>{PERSON})(?:,\s+(?:(?:previously|formerly|most recently|a former|the former)\b|(?P<at>{NAME})['’]s?\s)[^,]{{1,80}},)?"
    # a leadership list's "Rohan Deshmukh — Managing Director & Chief Executive Officer";
    # "Ines Moreau, who co-founded Corvane Cloud and serves as its CEO", "Dario Kessenbrook co-founded the company in 2019
    # and is still its CEO", "Its CEO, Nikhil Hegde, has joined Aravalli as CTO"
    rf"(?:\s*,\s*(?:(?:currently|now)\s+)?|\s+[—–]\s+(?:[A-Z][\w-]*\s+(?:(?:&|and)\s+)?){{0,4}}|(?:\s*,\s*who|,)?(?:\s+(?:co-?)?founded\s+(?:the\s+company|(?P<w>{NAME}))(?:\s+in\s+\d{{4}})?(?:\s+and|,))?\s+(?:as|is now|is still|was still|is|was|became|becomes|serves as|served as|remains|has been|"
    r"stays on as|stayed on as|will stay on as|continues as|remained|"
    rf"(?:was|is|has been|will be)\s+(?:appointed|named)|(?:was|is|has been)\s+promoted to|promoted to|(?:joined|joins|has joined)(?:\s+(?P<j>{NAME}))?\s+as)\s+)"
    rf"(?:(?:the|its|our|their|the company['’]s|(?P<c>{NAME})['’]s?)\s+)?(?:(?:new|interim|acting|former)\s+)?$")


def read_titles(state: State, text: str, source: Source, subject: str | None) -> None:
    """The titles ``text`` gives, takes away or passes on; ``subject`` is the sentence's company, if known."""
    opens = _TITLED_OPENER.match(text) if subject else None
    if opens and not is_person(state, opens.group("p")):
        opens = None
    if opens:  # "Chinedu Nwachukwu (CEO, co-founder) spent seven years ..." in the company's profile
        for role, _, _ in lexicon.find("roles", opens.group("t")):
            add(state, Role(source, opens.group("p"), subject, role), ("person", opens.group("p")), ("company", subject))
    if subject and "(" in text:
        # "Co-founders Paloma Villaseñor (CEO) and Remy Corriveau (CTO) hold about 35%": a title each, in brackets
        # that hold nothing else; read without them, the list has its own title ("Co-founders")
        titled = [m for m in _TITLED.finditer(text) if label_roles(m.group("t")) and is_person(state, m.group("p"))
                  and not (_backer_only(state, subject) and not mentioned(subject, text))]  # (the founders it backs)
        for m in titled:
            for role in label_roles(m.group("t")) if not opens or m.start() >= opens.end() else ():
                add(state, Role(source, m.group("p"), subject, role), ("person", m.group("p")), ("company", subject))
        for m in reversed(titled):
            text = text[:m.end("p")] + text[m.end():]
    for m in _CHAIRED.finditer(text):  # "the board is chaired by Dorothea Wyss": the company's chair
        company = subject or opening_name(state, text)
        if company and is_person(state, m.group("p")):
            add(state, Role(source, m.group("p"), company, "chair"), ("person", m.group("p")), ("company", company))
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
        _taken_over(state, text, source, [f for f in state.facts[before:] if isinstance(f, Role) and f.former])


_TITLED = re.compile(rf"(?P<p>{PERSON})\s*\((?P<t>[^()]{{2,40}})\)")
_TITLED_OPENER = re.compile(_TITLED.pattern + r"\s+(?=[a-z])")
_CHAIRED = re.compile(rf"\b(?:is|was|has been|are)\s+(?:now\s+|also\s+)?chaired\s+by\s+(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?(?P<p>{PERSON})")
_LEFT_WORD = re.compile(r"\b(?:stepped down|stepping down|steps down|stepped aside|resigned|resigns|departed|left|retired)\b")
# "Kenji Mori stepped down as CEO of Sakura Compute in June 2025", "Sakura Compute's co-founder Kenji Mori
# resigned as CEO"; not "will step down" (not done yet)
# "Cressida Hollenbeck is stepping down as CEO of Sablemere Cloud": a title still held, about to be left
_LEFT = re.compile(rf"(?P<p>{PERSON})(?:,[^,]{{1,80}},)?\s+(?:has\s+|have\s+|had\s+)?"
                   r"(?:stepped down|stepped aside|resigned|departed|left|retired|(?P<leaving>(?:is|are)\s+stepping down|steps down))"
                   r"(?:\s+(?:from\s+)?(?:his|her|their|the)\s+"
                   r"(?:role|post|position|job))?\s+as\s+(?:(?:the\s+|its\s+)?(?P<c>" + NAME + r")['’]s?\s+)?"
                   r"(?P<t>[^,.;]{2,50}?)(?:\s+(?:of|at)\s+(?P<c2>" + NAME + r"))?(?=\s+(?:in|on|effective|after)\b|[,.;]|$)")


# "Keturah Mwangi has left Tarsel Semiconductor, where she was CFO, to become chief financial officer of Brunmark Cloud":
# a title left at one company, another taken up at the next
_MOVED = re.compile(rf"(?P<p>{PERSON})\s+(?:has\s+|had\s+)?(?:left|quit|departed)\s+(?P<c>{NAME}),\s+where\s+(?:she|he|they)\s+"
                    r"(?:was|had been|served as|has been)\s+(?:its\s+|the\s+)?(?P<t>[^,]{2,40}),\s+to\s+(?:become|join)\s+")


def _departures(state: State, text: str, source: Source, subject: str | None) -> None:
    """A role the sentence says was left: a former role, dated when the leaving is. What else the
    sentence says of people ("COO Aiko Tanaka takes over") is read as titles, after the clause."""
    moved = _MOVED.search(text)
    if moved and is_person(state, moved.group("p")) and (company := trim_name(state, moved.group("c"))):
        for role, _, _ in lexicon.find("roles", moved.group("t")):
            add(state, Role(source, moved.group("p"), company, role, former=True), ("person", moved.group("p")),
                ("company", company))
        # the rest is the title taken up: "Keturah Mwangi became chief financial officer of Brunmark Cloud"
        _titles(state, f"{moved.group('p')} became {text[moved.end():]}", source, None)
        return
    m = _LEFT.search(text)
    roles = [role for role, _, _ in lexicon.find("roles", m.group("t"))] if m else []
    person = m.group("p") if m else ""
    if not roles or not is_person(state, person):
        _titles(state, text, source, subject)
        return
    named = m.group("c") or m.group("c2")  # else the sentence's company: "Sakura Compute's co-founder Kenji Mori resigned"
    company = trim_name(state, named) if named else subject or opening_name(state, text)
    ended = _date_after(text, m.end())  # "... in June 2025", "..., effective June 30"
    leaving = bool(m.group("leaving"))
    for role in dict.fromkeys(roles) if company and company != person else ():
        add(state, Role(source, person, company, role, None, None if leaving else ended, former=not leaving),
            ("person", person), ("company", company))
    successor = _TAKES_OVER.search(text, m.end())  # "...; Tiberiu Mocanescu, the company's president, takes over on 1 March"
    if successor and company and is_person(state, successor.group("new")):
        for role in dict.fromkeys(roles):
            add(state, Role(source, successor.group("new"), company, role, _date_after(text, successor.end())),
                ("person", successor.group("new")), ("company", company))
    _titles(state, text[:m.end("p")] + " " * (m.end() - m.end("p")) + text[m.end():], source, subject)


_TAKES_OVER = re.compile(rf"[;.]\s+(?P<new>{PERSON})(?:,[^,]{{1,80}},)?\s+(?:takes|took|will take|is taking|is to take)\s+over"
                         r"(?!\s+(?:from|as)\b)")


_THE_COMPANY = re.compile(r"\b[Tt]he (?:company|firm|startup)\b")
_SUCCESSION_WORD = re.compile(r"\b(?:succeed|succeeds|succeeded|succeeding|replace|replaces|replaced|replacing|took over from|"
                              r"takes over from|taking over from|has taken over from|hand(?:s|ed)?|pass(?:es|ed)?|turn(?:s|ed)? over)\b")
_TITLE_TAIL = (r"\s+as\s+(?:(?:the\s+|its\s+)?(?P<c>" + NAME + r")['’]s?\s+)?(?:(?:new|interim|acting)\s+)?"
               r"(?P<t>[^,.;]{2,50}?)(?:\s+(?:of|at)\s+(?P<c2>" + NAME + r"))?(?=\s+(?:in|on|effective|after|from|when)\b|[,.;]|$)")
# "Mara Lind succeeds Tomas Berg as CEO of Veyra Cloud", "Tomas Berg will be replaced by Mara Lind as CEO"
_SUCCEEDS = re.compile(rf"(?P<new>{PERSON})(?:,[^,]{{1,80}},)?\s+(?:has\s+|will\s+|is\s+)?(?:succeed(?:s|ed|ing)?|replac(?:es|ed|e|ing)|"
                       rf"(?:took|takes|taking|taken)\s+over\s+from)\s+(?P<old>{PERSON}|her|him|them)(?P<aside>,[^,]{{1,80}},)?" + _TITLE_TAIL)
_SUCCEEDED_BY = re.compile(rf"(?P<old>{PERSON})(?:,[^,]{{1,80}},)?\s+(?:will be|was|has been|is being|is to be)\s+"
                           rf"(?:replaced|succeeded)\s+by\s+(?P<new>{PERSON})(?P<aside>,[^,]{{1,80}},)?" + _TITLE_TAIL)
# "Lena Ortiz handed the CEO job to Marco Vial", "passed her chief executive role to": the title goes over (no
# aside: one after the old holder would be read as the new one's; the groups that never match are there because
# ``_successions`` asks every pattern for its company and aside)
_HANDED = re.compile(rf"(?P<old>{PERSON})\s+(?:has\s+|will\s+)?(?:hand(?:s|ed)?|pass(?:es|ed)?|turn(?:s|ed)?)\s+(?:over\s+)?"
                     rf"(?:the|her|his|their)\s+(?P<t>[\w -]{{2,40}}?)\s+(?:job|role|post|position|title|reins|seat|duties)\s+"
                     rf"(?:over\s+)?to\s+(?P<new>{PERSON})(?P<c>(?!))?(?P<c2>(?!))?(?P<aside>(?!))?")
_WHERE_BEFORE = re.compile(rf"(?:at|from|of|in)\s+(?P<c>{NAME}),\s+where\s+(?:[\w-]+\s+){{0,3}}$")
# "Lena Ortiz stepped down as CEO in March and was replaced by Marco Vial": the titles just left go to the new holder
_WAS_REPLACED = re.compile(rf"\b(?:was|has been|will be|is to be)\s+(?:replaced|succeeded)\s+by\s+(?P<new>{PERSON})(?![\w'’-])")
# "hired Dana Cole as its new COO, replacing Sam Reid": the title just given was Sam Reid's
_REPLACING = re.compile(rf",?\s+(?:replacing|succeeding|who (?:replaces|replaced|succeeds|succeeded))\s+(?P<old>{PERSON})(?![\w'’-])")


def full_names(state: State, text: str) -> str:
    """'Wrenfield, who co-founded Stellmark, stays on as chair' after 'Tobias Wrenfield' in the
    report: a person called by the last word of their name, written out whole for the patterns
    that read people (which want two words)."""
    surnames = state.surnames
    said = Counter(m.group(0) for m in re.finditer(r"(?<![\w'’-])[A-Z][\w-]{3,}(?![\w-])", text))
    if any(n > 1 for n in said.values()):  # "She replaces Casimir Lindqvell as CTO; Lindqvell becomes chief scientist"
        here = {p.split()[-1]: p for p in re.findall(PERSON, text) if said[p.split()[-1]] > 1}
        surnames = {**surnames, **here} if here else surnames

    def whole(m: re.Match[str]) -> str:
        person = surnames.get(m.group(0))
        alone = not _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())  # not "Tobias Wrenfield" itself
        return person if person and alone and m.group(0) not in state.names else m.group(0)
    if not surnames.keys() & set(_SURNAME.findall(text)):  # most lines name no one by surname
        return text
    return _SURNAME.sub(whole, text)


# a capitalised word not before another ("Wrenfield Capital") nor after one (``_WORD_BEFORE``)
_SURNAME = re.compile(r"(?<![\w'’-])[A-Z][\w-]{3,}(?![\w-])(?!\s+[A-Z])")
_WORD_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s+$")


def _successions(state: State, text: str, source: Source, company: str | None) -> str:
    """A title passed from one person to another: the new holder has it from the date of the move,
    the old one held it until then (unless the move is still to come). Returns ``text`` with the
    succession blanked, so that the titles of the rest are read as before."""
    for m in (*_SUCCEEDS.finditer(text), *_SUCCEEDED_BY.finditer(text), *_HANDED.finditer(text)):
        roles = [role for role, _, _ in lexicon.find("roles", m.group("t"))]
        place = _WHERE_BEFORE.search(text, 0, m.start())  # "came from Wyndhurst Cloud, where co-founder X handed ..."
        named = m.group("c") or m.group("c2") or (place.group("c") if place else None)
        where = trim_name(state, named) if named else company
        new, old = m.group("new"), m.group("old")
        told = old not in ("her", "him", "them")  # "Kwabena Osterley ... succeeds her as CTO": the one before, unnamed here
        if not roles or not where or not (is_person(state, new) and (not told or is_person(state, old))):
            continue
        # (a move is an event: under a heading that is a date, "### August", it happened then)
        when = _date_after(text, m.end("t")) or _date_after(text, m.end("new")) or opening_date(text) or state.heading_when
        done = not re.search(r"\b(?:will|is to be|is being)\b", m.group(0))
        for role in dict.fromkeys(roles):
            add(state, Role(source, new, where, role, when), ("person", new), ("company", where))
            if told:
                add(state, Role(source, old, where, role, None, when if done else None, former=done),
                    ("person", old), ("company", where))
        # what the aside says stays to be read: "Raghav Subramanian, currently Pyxara's chief operating officer,";
        # and the titles before a name that hands its own over ("founder Lena Ortiz handed the CEO job to ...")
        kept = f"{new}{m.group('aside')}" if m.group("aside") else old if m.re is _HANDED else ""
        text = text[:m.start()] + kept.ljust(m.end() - m.start()) + text[m.end():]
    return text


def _replaced(state: State, text: str, source: Source, given: list[Role]) -> None:
    """'hired Dana Cole as its new COO, replacing Sam Reid': the title just ``given`` was Sam Reid's until then."""
    m = _REPLACING.search(text)
    if m and given and is_person(state, m.group("old")):
        role = given[-1]
        add(state, Role(source, m.group("old"), role.company, role.role, None, role.when, former=True),
            ("person", m.group("old")))


def _taken_over(state: State, text: str, source: Source, left: list[Role]) -> None:
    """'Lena Ortiz stepped down as CEO in March and was replaced by Marco Vial': the titles ``left`` are
    the new holder's from when they were left."""
    m = _WAS_REPLACED.search(text)
    if m and left and is_person(state, m.group("new")):
        for role in left:
            add(state, Role(source, m.group("new"), role.company, role.role, role.ended), ("person", m.group("new")))


# "co-founders Lena Voss and Arun Mehta lead the company as CEO and CTO respectively"
# ... or "co-founders Tom Ellery and Sana Qureshi remain CEO and CTO respectively": the titles after the last such verb
_TITLES_VERB = r"\b(?:as|remain|remains|remained|are|were|became|become|stay|stayed)\b"
_RESPECTIVELY = re.compile(rf"{_TITLES_VERB}\s+(?P<titles>(?:(?!{_TITLES_VERB})[^.;])+?)\s*,?\s+respectively\b")


def _respectively(state: State, text: str, source: Source, company: str | None) -> None:
    """Titles handed out in order to the people named last before them."""
    m = _RESPECTIVELY.search(text)
    if not m or not company:
        return
    roles = [role for role, _, _ in lexicon.find("roles", m.group("titles"))]
    groups = [[p for p in split_people(g.group(0)) if is_person(state, p)]
              for g in re.finditer(PEOPLE, text[:m.start()])]
    people = next((g for g in reversed(groups) if len(g) > 1), [])
    if len(people) == len(roles):
        for person, role in zip(people, roles):
            add(state, Role(source, person, company, role), ("person", person), ("company", company))


def at_company(state: State, text: str) -> str | None:
    """'At Halden AI, Priya Rao was promoted to CTO': the company a sentence opens with 'At'."""
    m = _AT_OPENING.match(text)
    return trim_name(state, m.group("c")) if m else None


_AT_OPENING = re.compile(rf"(?:Over\s+)?[Aa]t\s+(?P<c>{NAME}),")


def _titles(state: State, text: str, source: Source, subject: str | None) -> None:
    """'CEO Mei Chen', 'founder and CEO is Ana Ferreira', 'appointed Daniel Okafor as CFO',
    'Ana Ferreira, Corvid Labs' chief executive': a title beside a person's name."""
    last: tuple[int, str] | None = None  # where the last titled person's name ended, and their company
    for start, end, roles in title_groups(text):
        window = text[max(0, start - 120):start]
        if _FORMER.search(window):  # "Former Google Cloud president Diane Park joined ...": a title no longer held
            continue
        unnamed = _UNNAMED_ORG.search(window)
        if unnamed and unnamed.group("name") in (None, "The"):  # "Foundation president X", "the Office's chair Y"
            continue  # whose the title is, is not said (but "European Commission president X" says it)
        after = _AFTER_ROLE.match(text, end)
        if after and not is_person(state, split_people(after.group("p"))[0]):
            after = None  # "Jane Roe, CEO, Acme Cloud": the company after the title, the person before it
        given = None if after else _GIVEN.search(window)
        before = None if after or given else _BEFORE_ROLE.search(window)
        found = (after or given or before).group("p") if after or given or before else ""
        # several people only after a plural title: "co-founders Ada Lund and Per Holm"
        people = [_BYLINE.sub("", p) for p in split_people(found)]  # "From Ottilie Vantongeren, co-founder and CEO"
        people = people if after and text[start:end].endswith("s") else people[:1]
        people = [p for p in people if p and is_person(state, p)]
        of = _OF_COMPANY.match(text, end) or _THEN_COMPANY.match(text, end)
        if of and of.re is _THEN_COMPANY and not (of.group("c") in state.names or looks_like_org(of.group("c"))):
            of = None
        possessor = _POSSESSOR.search(text[max(0, start - 80):start]) or _ORG_BEFORE.search(text[max(0, start - 80):start])
        if possessor and possessor.re is _ORG_BEFORE and not (possessor.group("c") in state.names
                                                              or looks_like_org(possessor.group("c"))):
            possessor = None  # "Corvane Cloud co-founder Ines Moreau", not "Veteran CEO ..."
        its_name = _NAME_ITS.search(window)  # "... defends Pellhaven, its CEO Gideon Fairlop": the name before "its"
        if its_name and is_person(state, its_name.group("c")):  # "by Arjun Raghavan, its CEO": the holder, not the company
            its_name = None
        named = next((n for n in (of and of.group("c"), its_name and its_name.group("c"),
                                  before and before.group("c"), before and before.group("j"),
                                  before and before.group("at"), before and before.group("w"),
                                  possessor and possessor.group("c"),
                                  # ("In October Ardent Cloud appointed ...": the company after the time)
                                  given and given.group("c") and trim_name(state, given.group("c")))
                      if n and n.split()[0] not in _NOT_FIRST), None)  # not "The Board named ..."
        run_by = _RUN_BY.search(window)  # "Vireo Cloud is run by chief executive Jane Roe"
        # "X is run by A; Vantorra AI by former AWS executive B, chief executive since 2024": the verb left out
        gapped = _GAPPED_BY.search(window) if _RUN_BY_VERB.search(text, 0, start) else None
        named = trim_name(state, gapped.group("c")) if gapped and not named else named
        its = _ITS.search(window)  # "Fernhill AI's chief executive, ...; its CTO is Luis Ortega"
        ran = run_by and _RUN_NAMED.search(window, 0, run_by.start())  # "...; Tavira, founded 2022, is run by CEO X"
        joined = last and _LISTED_ON.fullmatch(text, last[0], start)  # "its CEO Gideon Fairlop and CFO Solveig Nettleford"
        # "Its co-founder and CEO, X, has joined Aravalli as CTO" after a sentence about Tensorkul: Tensorkul's, though the
        # report is Aravalli's
        other = _ITS_OPENS.fullmatch(window) and state.previous != subject and state.previous
        company = trim_name(state, named) if named else trim_name(state, ran.group("c")) if ran else joined and last[1] \
            or (given or run_by or its) and opening_name(state, text) or other or subject \
            or said_name(state, text) or at_company(state, text) \
            or (after or before) and opening_name(state, text) \
            or _PRONOUN_OPENS.match(text) and state.previous
        if not (named or ran or joined) and company and _backer_only(state, company):
            continue  # "We first met the founders, X (CEO) and Y (CTO)" in an investor's post: of a company it backs
        # (a name said after the title: "CEO Ines Moreau said Corvane Cloud would ...", "Halcyra's ..., and CEO X told
        # us"; a sentence about the person the last one named: "She replaces ... as CTO; Lindqvell becomes ...")
        # a title taken up has the date of the move, a title held "since" a date that date; a
        # title beside a name dates nothing ("CEO Mei Chen said revenue reached $40M in 2024")
        moved = given or before and _TAKEN_UP.search(before.group(0))
        # ("In June Talvio Compute hired Sofie Brandt as CFO": a month of the year the report was written in)
        when = _date_after(text, end) or opening_date(text) or given and _MONTH_OPENS.match(text) and month_told(state, text) \
            if moved else _date_after(text, end, _SINCE_AFTER) \
            or after and _date_after(text, after.end(), _SINCE_BRACKET) \
            or after and _date_after(text, after.end(), _WHO_JOINED)  # "CFO Matthias Zemp, who joined in May 2023"
        for person in people if company else ():
            for role in roles if company != person else ():
                add(state, Role(source, person, company, role, when), ("person", person), ("company", company))
        if people and company and after:
            last = after.end(), company


def _backer_only(state: State, name: str) -> bool:
    """Whether ``name`` is an investor's: the report uses it as one and never as a company, it is
    curated as one, or its last word is an investor's ('Hedgerow Ventures')."""
    return investor_only(state, name) or is_curated_investor(name) \
        or name.split()[-1].lower() in lexicon.words("names", "investor_suffixes")


# a generic organization word, capitalised as a name, right before the title, and the name it may end
_UNNAMED_ORG = re.compile(r"(?:(?P<name>[A-Z][\w'’.-]*)\s+)?(?<![\w'’-])"
                          r"(?:Foundation|Office|Agency|Ministry|Authority|Commission|Council|Institute|Trust)(?:['’]s)?\s+$")
_RUN_NAMED = re.compile(rf"(?P<c>{NAME})(?:,[^,;]{{1,40}},)?\s*$")
# a later clause's company, its verb left out: "X is run by A; Y by B"
_GAPPED_BY = re.compile(rf";\s+(?P<c>{NAME})\s+by\s+(?![^;]*;)")
_LISTED_ON = re.compile(r"\s*(?:,\s*)?(?:and\s+)?(?:(?:its|their)\s+)?")


# "former"/"ex-" right before the title, or before the organization that precedes it
_FORMER = re.compile(rf"\b(?:[Ff]ormer|[Ee]x-|[Oo]netime|[Pp]revious)\s*(?:{NAME}\s+)?$")


def _date_after(text: str, end: int, lead: re.Pattern[str] = _DATE_AFTER) -> When | None:
    """'... chief operating officer in 2023': a date right after the title."""
    m = lead.match(text, end)
    dates = find_dates(text[m.end():m.end() + 40]) if m else []
    return dates[0][2] if dates and dates[0][0] == 0 else None


_VICE = re.compile(r"\b(?:[Vv]ice|VP)[\s-]+$")  # "(Senior) Vice President": no president


def title_groups(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Titles in ``text``, those joined by 'and', '&', '/' or a comma as one group: 'founder and CEO'."""
    groups: list[tuple[int, int, tuple[str, ...]]] = []
    for role, start, end in lexicon.find("roles", text):
        if _VICE.search(text, max(0, start - 16), start):  # "Vice President, Investor Relations": no president
            continue
        if groups and _ROLE_JOIN.fullmatch(text[groups[-1][1]:start]):
            first, _, roles = groups[-1]
            groups[-1] = (first, end, (*roles, role))
        else:
            groups.append((start, end, (role,)))
    return groups


def split_people(text: str) -> list[str]:
    return re.split(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", text)


def is_person(state: State, name: str) -> bool:
    return looks_like_name(name) and name.split()[0] not in _NOT_FIRST and not looks_like_org(name) \
        and name not in state.names and not label_roles(name)  # "Chief Executive Officer (co-founder)": a title


@lru_cache(maxsize=1024)  # asked of every label of every profile
def label_roles(label: str) -> tuple[str, ...]:
    """The titles a label is made of: 'CEO' -> ('ceo',), 'Founder & CEO' -> ('founder', 'ceo'); () for other labels."""
    titles = [lexicon.exact("roles", part) for part in re.split(r"\s*(?:&|/|,|\band\b)\s*", label.strip())]
    return tuple(titles) if titles and all(titles) else ()
