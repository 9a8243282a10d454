"""Facts stated in running text: investments, categories, figures, and (``rounds``) rounds,
(``deals``) acquisitions and (``background``) foundings and roles.

Active and passive voice, a sentence that adds to the round before it, and
names known only from how they are used. No pattern names a company.
"""
from __future__ import annotations

import re

from . import lexicon
from .aliases import is_firm_name
from .amounts import find_quantities
from .background import background
from .deals import acquisitions, holdings, joint_venture, labelled_deal, secondaries
from .phrases import AWARD, NAME, ROUNDS_OF, after, clause_after, clauses, is_acronym_term, looks_like_name, looks_like_org, places, split_names, strip_parens
from .records import Acquisition, Backing, Category, Headquarters, Source
from .figures import figures
from .rounds import rounds
from .reading import (
    DISCOURSE, OFFICER, OTHER_BY_RELATION, REPORT_VERB, SUBJECT_FOLLOWS, WHERE_OPENER, State, add, named_before, opening_name,
    said_name, short_name, trim_name,
)


_NEGATED = re.compile(r"\b(?:not|never|no longer)\s+(?:\w+\s+)?$|n['’]t\s+(?:\w+\s+)?$")
_INVESTS = re.compile(r"(?<!-)\b(?:investing in|invested(?: an undisclosed (?:amount|sum))? in|invests in|investment in|backing|"
                      r"backs|backed|doubled down on|"
                      rf"{ROUNDS_OF}|"
                      r"on the cap tables? of(?: both)?|portfolio (?:now |also )?(?:includes?|spans|covers)|"
                      r"portfolio companies include|bought (?:secondary )?shares (?:of|in)|"
                      r"(?:holds?|held|took|takes|exited|sold|bought|has) (?:its |a |an )?(?:equity |minority |majority )?stakes? in|"
                      r"(?:holds?|held|has|have|took|takes) (?:a |an )?positions? in)\s+",
                      re.I)

# "Lumen Growth-backed Tessaract Labs": the investor and the company in one noun phrase
_COMPOUND_BACKED = re.compile(rf"(?P<i>{NAME})-(?:backed|funded)\s+(?P<c>{NAME})")

_NEGATION = re.compile(r"(?:\bnot|\bno longer|n't|\bnever|\brather than|\binstead of)(?:\s+\S+){0,3}\s*$", re.I)

IS_A = re.compile(r"\b(?:operates?|is|are|runs?|provides?|offers?|describes itself as|positions itself as|positioned as|acts as|"
                   r"serves as|sells|builds)\b", re.I)

_STAKE = re.compile(r"\bstakes? in\b", re.I)
_CUSTOMERS_BEFORE = re.compile(r"\b(?:to|for|serving|serves)\s+(?:[\w-]+\s+){0,2}$", re.I)


def prose(state: State, text: str, source: Source, subject: str | None, label: str | None = None,
          metric: str | None = None) -> None:
    """Facts stated in running text: deals, rounds, investments, figures, categories. ``metric`` is
    what its bare numbers measure when their words do not say (an answer's, from its question)."""
    text = _SUFFIX_COMMA.sub(" ", text)  # "CoreWeave, Inc. raised": one name, as "CoreWeave Inc." is
    if "w/" in text:  # a note's shorthand: "co-founded Tarnwick in 2019 w/ Hanne Ostvik"
        text = _WITH.sub("with ", text)
    text = REPORT_VERB.sub("", text)  # "Covers Halvane Compute, an Austin-based neocloud, and ...": the report's own verb
    text = _TICKER.sub("", text)  # "Thornfield Cloud (NASDAQ: THFD), the Dallas-based neocloud": the listing names no company
    named = _NAMED_CLAUSE.split(text)
    if len(named) > 1:  # "Bramcote Systems is a hardware vendor ...; Lowmarsh GPU is a Lisbon-based GPU marketplace"
        for i, part in enumerate(named):
            prose(state, part, source, None if i else subject, label, metric)
        return
    turn = _PRONOUN_CLAUSE.search(text)
    if turn:  # two sentences about one subject
        first, before = text[:turn.start()], len(state.facts)
        prose(state, first, source, subject, label, metric)
        # "its" is the company the first clause told of
        told = [n for f in state.facts[before:] for n in (getattr(f, "company", None), getattr(f, "subject", None)) if n]
        prose(state, text[turn.end():], source, subject or next(iter(told), None) or opening_name(state, first)
              or state.company, label, metric)
        return
    opened = _NAME_BRACKET.match(text, len(text) - len(WHERE_OPENER.sub("", text)))  # "Vayu GPU Cloud (GPU marketplace; HQ Pune, India) was ..."
    if opened and (bracket_facts(state, trim_name(state, opened.group("n")) or opened.group("n"), opened.group("b"), source)
                   or is_firm_name(opened.group("b")) or _DEFINED_TERM.fullmatch(opened.group("b"))):
        # ("Baiyu Yun (Whitefeather Cloud), a serverless GPU platform", 'Aravalli GPU Cloud Limited ("the Company"), a ...')
        text = text[:opened.start()] + opened.group("n") + text[opened.end():]
    elif "(" in text:
        text = _bracketed_later(state, text, source)
    company = state.company
    award = AWARD.search(text) if subject is None else None
    if award:  # the contract, and what it covers, are the winner's
        subject = trim_name(state, award.group("w") or award.group("w2")) or None
    main = _main_clause(state, text)
    if subject is None and main is not text:  # "Founded in 2020 in Tbilisi, Kartvel Cloud operates ...": after the comma
        subject = opening_name(state, main)
    background(state, text, source, subject)
    found_deal = acquisitions(state, text, source, subject or company)
    joint_venture(state, text, source)
    secondaries(state, text, source, subject or company)
    holdings(state, text, source, subject or company)
    speaker = subject if subject and _opens_with_subject(state, main, subject) else opening_name(state, main)
    aside = _ASIDE.match(main, len(speaker)) if speaker and main.startswith(speaker) else None
    if aside:  # what the company is comes after the aside
        main = f"{speaker} {main[aside.end():]}"
    appositive = _APPOSITIVE.match(main)
    if speaker and appositive:
        category_from(state, speaker, appositive.group("what").split(" of ")[0], source)
    elif speaker and IS_A.search(clauses(main)[0].text if main else ""):
        category_from(state, speaker, main, source)
    if subject and _CLASSED.search(text):
        _classed(state, text, source, subject)
    _compound_backings(state, text, source)
    _category_before_name(state, text, source)
    _category_examples(state, text, source)
    if ", a" in text or ", the " in text:
        _apposed_categories(state, text, source)
    if ":" in text:
        _categories_listed(state, text, source)
    if "the " in text.lower():
        _described_again(state, text, source, subject or (label if label and looks_like_name(label) else None))
    if label and not found_deal:
        found_deal = labelled_deal(state, label, text, source)
    if " backed by " in text:
        _backed_aside(state, text, source)
    if rounds(state, text, source, subject):
        return
    # an investor's stake is told beside the deal that ended it ("exited its stake in X when Y acquired the company")
    if (not found_deal or _STAKE.search(text)) and _prose_backing(state, text, source, subject):
        return
    # a deal's own price is the deal's; what else the sentence counts is read as any sentence's
    # ("..., which Hexfield bought for $85 million, had about 9,000 developers")
    told = _without_prices(state, text, source) if found_deal else text
    told = _apposed_figures(state, told, source, subject)
    for part, who in _subjects(state, told, subject):
        figures(state, who, part, source, label=label, metric=metric, prose=True)


def _apposed_figures(state: State, text: str, source: Source, subject: str | None) -> str:
    """'... by buying Cairnbeck Compute, an Osaka neocloud with roughly 4,000 H100 GPUs; ...': the figures of an
    aside about a name are that name's, whoever the sentence is about. Returns the text without them."""
    if not _APPOSED_WORD.search(text):  # (the pattern opens with a name: costly on every sentence)
        return text
    for m in _APPOSED_WITH.finditer(text):
        name = trim_name(state, m.group("n"))
        if name and name != subject and (name in state.names or looks_like_org(name)) and find_quantities(m.group("what")):
            figures(state, name, m.group("what"), source, prose=True)
            text = text[:m.start("what")] + " " * len(m.group("what")) + text[m.end("what"):]
    return text


# "..., a Hamburg-based GPU marketplace listing 2,300 providers, ...", "..., an operator that runs 4 sites"
_APPOSED_VERB = r"\b(?:with|listing|running|operating|serving|employing|that\s+(?:runs|operates|has|serves|lists|employs))\s+"
_APPOSED_WORD = re.compile(_APPOSED_VERB)
_APPOSED_WITH = re.compile(rf"(?P<n>{NAME}),\s+(?P<what>(?:an?|the)\s+[^,;()]{{0,80}}?{_APPOSED_VERB}[^;]*?)"
                           r"(?=;|\.\s|\.$|,\s+(?:for|in|and|but|which|while|the)\b|$)")


_TICKER = re.compile(r"\s*\((?:NASDAQ|Nasdaq|NYSE|LSE|TSX|ASX|TSE|TYO|HKEX|SGX|KRX|KOSDAQ|Euronext|SIX|NSE|BSE|OTC)"
                     r"(?:\s+\w+)?\s*:\s*[A-Z0-9.]{1,8}\)")
_NAME_BRACKET = re.compile(rf"(?P<n>{NAME})\s*\((?P<b>[^()]+)\)")
_LATER_BRACKET = re.compile(rf"(?<=\s)(?P<n>{NAME})\s*\((?P<b>[^()]+)\)")


def _bracketed_later(state: State, text: str, source: Source) -> str:
    """'$42M Series A for Tarnwell (GPU cloud, Austin) led by ...': what a bracket after a name later in the
    sentence says the company is, and the sentence without it. Only a bracket that names a category: a bare
    '(Denver)' there may be anything's."""
    for m in reversed(list(_LATER_BRACKET.finditer(text))):
        name = trim_name(state, m.group("n"))
        if name and lexicon.find("categories", m.group("b")) and bracket_facts(state, name, m.group("b"), source):
            text = text[:m.start()] + m.group("n") + text[m.end():]
    return text


def _without_prices(state: State, text: str, source: Source) -> str:
    """``text`` with the prices of the deals read from it blanked."""
    for fact in state.facts:
        if isinstance(fact, Acquisition) and fact.source == source and fact.price is not None:
            text = text.replace(fact.price.text, " " * len(fact.price.text))
    return text


_FORMS = r"Inc|LLC|Ltd|Corp|GmbH|plc|L\.P|S\.A|AG|K\.K"  # a company's legal form, after its name
_COMPANY_FORM = re.compile(rf"(?:{_FORMS})\.?")
_DEFINED_TERM = re.compile(r"\s*[\"“'‘][^\"“”'‘’]{1,40}[\"”'’]\s*")  # ("the Company"), ("Marlowgate"): a filing's defined term
_SUFFIX_COMMA = re.compile(rf",\s+(?=(?:{_FORMS})\b)")
LEGAL_FORM_AFTER = re.compile(rf",\s+(?:{_FORMS})\b\.?")  # ", Inc." after a name: the legal name as written

# "; its backers include A and B" (a figure after "; it reached" keeps the first clause's measure: not split)
# a clause after a semicolon that says what another company is: a sentence of its own
# ("...; Lowmarsh GPU is a Lisbon-based GPU marketplace", "... for $200 million. Gravenor, which rents out ...":
# a clause or sentence about another name)
_NAMED_CLAUSE = re.compile(rf";\s+(?={NAME}\s+(?:is|was)\s+(?:an?|the)\s)|(?<=[a-z0-9%)\]])\.\s+(?={NAME},\s+(?:which|whose)\s)")
_WITH = re.compile(r"(?<![\w/])w/\s*(?=[A-Z])")
_PRONOUN_CLAUSE = re.compile(r";\s+(?=(?:its|the company['’]s)\s+(?:other\s+|existing\s+)?(?:backers|investors|shareholders|funders)\b)")

# What an investor or a company did, told without the subject a label, heading or profile gives
_DEED = re.compile(r"(?:Led|Co-led|Committed|Invested|Backed|Participated|Joined|Took|Holds|Exited|"
                   r"Raised|Closed|Secured|Landed|Completed|Received|Acquired|Acqui-hired|Acquihired|Bought|Purchased|Agreed|Signed|"
                   r"Appointed|Hired|Named|Promoted|Tapped|Founded|Co-founded|Established|Incorporated|Launched|"
                   r"Opened|Reached|Crossed|Surpassed|Deployed|Added|Expanded|Rebranded|Renamed|Merged|Sold|"
                   r"Filed|Listed|Spun|Partnered|Valued|Became|(?P<being>Being)\s+(?:acquired|bought))\b(?P<passive>\s+(?:by|at)\b)?")

# "Founded in 2019, Acme is ...": the opening phrase's subject comes after it
_OWN_SUBJECT = re.compile(rf",\s+(?:it|the company|the firm|{NAME})\s+(?:is|was|has|had|now|operates|runs|provides|offers|"
                          r"sells|builds|raised|closed|secured|grew|became|counts)\b")


_MONEY_FIRST = re.compile(r"(?:about\s+|~)?(?:[A-Z]{1,3}\$|[$€£¥₹₩]|[A-Z]{3}\s?)\s?\d[\d.,]*\s?(?:million|billion|bn|mn|[MBK])?\s+")


def told_of(name: str, value: str) -> str | None:
    """'Led X's $120M Series B' under the label or heading ``name``, 'Acquired by Y' in a
    profile: the sentence with its subject ('Harbor Growth led X's ...', 'Acme was acquired by
    Y'); None when ``value`` does not open with such a verb."""
    deed = _DEED.match(value[:1].upper() + value[1:])  # "— acquired by Lumen Cloud for $80M"
    if not deed and (money := _MONEY_FIRST.match(value)) and \
            any(start == money.end() for _, start, _ in lexicon.find("round_types", value[:money.end() + 30])):
        return f"{name} raised {value}"  # a digest's "- Ottermere AI: $3.5M pre-seed, Khosla Ventures led"
    if not deed or _OWN_SUBJECT.search(value):
        return None
    # "Being acquired by Sableworks": a deal under way
    return f"{name} {'is ' if deed.group('being') else 'was ' if deed.group('passive') else ''}{value[0].lower()}{value[1:]}"


# where a sentence may turn to another subject: "...; Ostara Compute signed", ", and Marisol AI charges"
# (after a colon, a clause of a name and its verb: "B200 capacity still commands a premium: Brannoch Cloud lists it at $5.40")
_CLAUSE_TURN = re.compile(rf";\s+|:\s+(?={NAME}['’]s\s)|:\s+(?={NAME}\s+(?:lists|charges|offers|prices|quotes|sells|rents|runs|"
                          rf"operates|raised|reported|posted|signed)\b)|,\s+(?:and|while|whereas|but)\s+(?={NAME})|"
                          rf"(?<=[a-z0-9%)\]\s])\.\s+(?={NAME})")  # (a space: a deal's price blanked)


def _subjects(state: State, text: str, subject: str | None) -> list[tuple[str, str | None]]:
    """The sentence with its subject; or, when a clause after a semicolon or a comma and a
    conjunction opens with a name of its own ('Operators compete for power; Ostara Compute signed a
    300 MW agreement', '..., and Marisol AI charges $0.60'), each clause with its own (its figures
    are that name's)."""
    related = _RELATED_OPENS.match(text)  # "Its rival Altamira Web Services plans ..."
    who = subject or opening_name(state, text) or said_name(state, text) \
        or (trim_name(state, related.group("n")) if related else None)
    parts = _CLAUSE_TURN.split(text)
    if subject or len(parts) == 1:
        return [(text, who)]
    own = [opening_name(state, part) or (_clause_subject(state, part) if i else None) for i, part in enumerate(parts)]
    # "...; several booths were quoting below $2": others than the subject, no one named
    own = [name or ("" if i and _OTHERS_OPEN.match(part) else None) for i, (part, name) in enumerate(zip(parts, own))]
    if not any(name is not None and name != who for name in own[1:]):
        return [(text, who)]
    return [(part, (name or None) if name is not None else who) for part, name in zip(parts, own)]


_RELATED_OPENS = re.compile(rf"(?:Its|Their)\s+{OTHER_BY_RELATION}(?P<n>{NAME})")
_OTHERS_OPEN = re.compile(r"(?:several|many|most|some|other|others|few|rivals|competitors|peers)\s+(?!of\s+(?:its|their|the)\b)", re.I)


def _clause_subject(state: State, clause: str) -> str | None:
    """'...; meanwhile Andreessen Horowitz raised a $7.2 billion fund': a name of two words or more
    and a verb open a clause of its own, though the name does not look like an organization's."""
    clause = DISCOURSE.sub("", clause)
    named = re.match(NAME, clause)
    name = trim_name(state, named.group(0)) if named else ""
    return name if len(name.split()) > 1 and SUBJECT_FOLLOWS.match(clause, named.end()) and not OFFICER.match(name) else None


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
    # a name not known yet, when it looks like an organization's ("Founded in 2020 in Tbilisi, Kartvel Cloud operates")
    after_comma += [m.start("n") for m in re.finditer(rf",\s+(?P<n>{NAME})", text) if looks_like_org(m.group("n"))][:1]
    return text[min(after_comma):] if after_comma else text


def category_from(state: State, company: str, text: str, source: Source, *, leading: bool = False) -> None:
    """A category said of a company in the first clause: 'operates as a GPU marketplace'.

    With ``leading`` the phrase must open the text ('Peer-to-peer GPU marketplace').
    """
    first = clauses(text)[0].text if text else ""
    # (not whom it sells to: "sells reserved clusters to AI labs")
    # (nor another company's: "the venture arm of chipmaker Quorvane Semiconductor", "an acquisition by a GPU cloud")
    hits = [h for h in lexicon.find("categories", first) if not _NEGATION.search(first[:h[1]])
            and not _CUSTOMERS_BEFORE.search(first[:h[1]]) and not _BY_ONE.search(first[:h[1]])
            and not (first[h[2] - 1:h[2]] != "s" and _names_another(first, h[2]))]
    if leading:
        hits = [h for h in hits if len(first[:h[1]].split()) <= 2]
    if hits:
        add(state, Category(source, company, hits[0][0]), ("company", company))


# "... but is a neocloud by our definition", "so we classify it as a neocloud": a category the writer gives
_CLASSED = re.compile(r"\b(?:(?:but|yet|and|so)\s+(?:it\s+)?(?:is|remains)|(?:classify|class|count|treat|consider|regard)\s+"
                      r"(?:it|them|the company)\s+as)\s+(?:an?\s+|the\s+)?(?=[a-zA-Z])")


def _classed(state: State, text: str, source: Source, subject: str) -> None:
    for m in _CLASSED.finditer(text):
        hits = lexicon.find("categories", text[m.end():m.end() + 60])
        if hits and hits[0][1] == 0:
            add(state, Category(source, subject, hits[0][0]), ("company", subject))


# "other neoclouds such as CoreWeave, Nebius and Lambda", "hyperscalers like Microsoft Azure and Google Cloud"
# ... "the three hyperscalers (AWS, Microsoft Azure, Google Cloud)"
_EXAMPLES = re.compile(rf"\s+(?:such as|like|including)\s+(?P<names>{NAME}(?:\s*(?:,|\band\b|&)\s*{NAME})*)|"
                       rf"\s*\((?P<listed>{NAME}(?:\s*(?:,|\band\b|&)\s*{NAME})*)\)")


def _category_examples(state: State, text: str, source: Source) -> None:
    """The names a plural category word gives as its examples: each is of that category."""
    for slug, start, end in lexicon.find("categories", text):
        examples = _EXAMPLES.match(text, end) if text[end - 1:end] == "s" else None
        names = examples and (examples.group("names") or examples.group("listed"))
        for company in split_names(names, state.names.spelled_in(text)) if names else ():
            if company and (company in state.names or looks_like_org(company) or looks_like_name(company)):
                add(state, Category(source, company, slug), ("company", company))


_TITLE_CASED = re.compile(r"[A-Z][a-z]")
# a verb whose object is the company described, left out: "a serverless GPU platform we seeded in 2023"
_DID_TO_IT = re.compile(r"\s+(?:first\s+|also\s+|later\s+|originally\s+)?(?:seeded|backed|funded|led|acquired|bought|incubated|"
                        r"invested in)(?=\s*(?:[,.;)]|$|\s+(?:in|at|for|"
                        r"back|last|this|early|late|years?)\b))")

_BY_ONE = re.compile(r"\bby\s+(?:an?|the)\s+(?:[\w-]+\s+)?$")
_NAME_AFTER = re.compile(rf"\s+(?:{NAME})")


def _names_another(text: str, end: int) -> bool:
    """Whether a name follows the category word ending at ``end`` and is what it describes ("of chipmaker Quorvane
    Semiconductor"), not the subject of a clause about it ("a platform Wrenhollow seeded")."""
    named = _NAME_AFTER.match(text, end)
    return bool(named) and not is_acronym_term(named.group(0).strip()) and not _DID_TO_IT.match(text, named.end())


def _category_before_name(state: State, text: str, source: Source) -> None:
    """'Indian neocloud Yotta Shakti closed ...', 'acquired inference platform Fireworks': a
    category noun right before a name (a singular one: 'neoclouds A and B' may be a list of
    examples of something else)."""
    for slug, start, end in lexicon.find("categories", text):
        if text[end - 1:end] == "s" and not text[start:end].lower().endswith("-as-a-service"):
            continue
        if start and _TITLE_CASED.match(text, start):  # "our sector primer, The Neocloud Balance Sheet": a title's words
            continue
        named = re.match(rf"\s+(?P<n>{NAME})", text[end:])
        if named and _DID_TO_IT.match(text, end + named.end()):  # "the inference platform Wrenhollow seeded in 2023": its backer
            continue
        company = trim_name(state, named.group("n")) if named else ""
        if _COMPANY_FORM.fullmatch(company) or company.lower() in lexicon.words("names", "corporate_suffixes"):
            continue  # "Shinonome GPU Cloud, Inc.", "Aravalli GPU Cloud Limited": the category's words are the name's
        # a capitalised name, not a term of the trade ("neocloud Series B")
        if company and not is_acronym_term(company) and (company in state.names or looks_like_org(company) or looks_like_name(company)
                        and not any(lexicon.find(group, company) for group in ("round_types", "categories", "metrics"))):
            add(state, Category(source, company, slug), ("company", company))


def bracket_facts(state: State, company: str, bracket: str, source: Source) -> bool:
    """'Tessavane (GPU marketplace, Montreal)', 'Vayu GPU Cloud (GPU marketplace; HQ Pune, India)':
    what a bracket after a name says the company is and where it is; False when it says neither."""
    said = False
    parts = bracket.split(";")
    for part in parts:
        part = part.strip()
        kind = lexicon.find("categories", part)
        before = part[:kind[0][1]].strip() if kind else ""
        # what comes before it: a city ("Denver neocloud") or one word of the trade ("P2P GPU marketplace")
        place_first = bool(before) and _PLACE_NAME.fullmatch(before) is not None and not _is_term(state, before) \
            and "," not in before
        if kind and (not before or place_first or len(before.split()) == 1 and not before[:1].isupper()
                     or before.isupper() or any(ch.isdigit() for ch in before)):
            add(state, Category(source, company, kind[0][0]), ("company", company))
            if place_first:
                add(state, Headquarters(source, company, before), ("company", company), ("place", before))
            part, said = part[kind[0][2]:].lstrip(" ,"), True  # what follows: "Montreal"
        hq = _HQ_WORD.match(part)
        # (a firm's name alone is the company's other name, "Xuanjing Weidian (Profound Micro)", not its city)
        alone = not said and len(parts) == 1 and _PLACE_NAME.fullmatch(part) and not _is_term(state, part) \
            and not _NO_PLACE.fullmatch(part) \
            and not (len(part.split()) > 1 and is_firm_name(part))
        if part and (hq and hq.end() or said and _PLACE.fullmatch(part) or alone):  # "(Frankfurt am Main)"
            for place in places(part[hq.end():] if hq else part):
                add(state, Headquarters(source, company, place), ("company", company), ("place", place))
                said = True
    return said


# a bracket that is no place: what a title's says of the document ("Annual Report 2024-25 (Excerpts)"), a rank's
# "(Retd.)" ("Lt. Gen. (Retd.) Harbhajan Virk")
_NO_PLACE = re.compile(r"(?:Excerpts?|Extracts?|Summary|Abridged|Draft|Preview|Update[ds]?|Translation|(?:Un)?[Aa]udited|Redacted|"
                       r"[Rr]etd\.?|Retired)")
# a city written alone: capitalised words and the particles of place names
_PLACE_NAME = re.compile(r"[A-Z][a-zà-ÿ'’.-]+(?:\s+(?:am|an der|upon|on|de|del|la|le|[A-Z][a-zà-ÿ'’.-]+))*(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?")


def _is_term(state: State, text: str) -> bool:
    """A name or a word of the trade, not a place: 'Series B', 'NASDAQ', 'Acme'."""
    return text in state.names or any(lexicon.find(group, text) for group in ("round_types", "metrics", "categories", "labels",
                                                                              "roles", "qualifiers"))


_PLACE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?")
_HQ_WORD = re.compile(r"^(?:HQ|headquartered in|based in|headquarters)\s*:?\s*", re.I)


def _categories_listed(state: State, text: str, source: Source) -> None:
    """'This brief compares three North American neoclouds: Thornquist Cloud, Vantorra AI and
    Emberline Compute.': a category, then a colon and the names that end the sentence."""
    for slug, start, end in lexicon.find("categories", text):
        listed = _LISTED_AFTER.match(text, end)
        if not listed:
            continue
        names = split_names(listed.group("names"), state.names.spelled_in(text))
        if names and all(n in state.names or looks_like_name(n) and not is_acronym_term(n) for n in names):
            for name in names:
                add(state, Category(source, name, slug), ("company", name))


_LISTED_AFTER = re.compile(rf"\s*:\s+(?P<names>{NAME}(?:\s*(?:,|,?\s+and|&)\s*{NAME})*)\s*[.;]?\s*$")


def _described_again(state: State, text: str, source: Source, subject: str | None) -> None:
    """'The Austin GPU cloud named ...', 'left the inference startup in October': a company named
    before (or the sentence's) called by what it is, and where, with the definite article."""
    for slug, start, end in lexicon.find("categories", text):
        lead = _THE_DESCRIBED.search(text, max(0, start - 40), start)
        if not lead or text[end - 1:end] == "s" or not _DESCRIPTION_ENDS.match(text, end):
            continue
        # the name the description stands in apposition to ("an agreement with Ravelstone, the Toronto-based AI lab"),
        # else the last one before it; at the sentence's start, the company the sentence before was about
        # ("Oberline GPU. The Austin GPU cloud named ...")
        apposed = _APPOSED_TO.search(text, max(0, lead.start() - 80), lead.start())
        # ... or, opening the sentence, the name it introduces: "The only chipmaker here, Toronto's Vaskeld Semiconductor, ..."
        introduced = _INTRODUCES.match(text, end) if lead.start() == 0 else None
        # ... or, said of the sentence's subject, that: "Fernhill AI, which counts Index Ventures and Lightspeed among
        # its investors, is the fastest-growing inference platform"
        said = _IS_BEFORE.search(text, 0, lead.start()) and not apposed and opening_name(state, text)
        company = (trim_name(state, introduced.group("n")) if introduced else None) or said \
            or (trim_name(state, apposed.group("n")) if apposed and looks_like_org(apposed.group("n")) or
                apposed and apposed.group("n") in state.names else None) \
            or named_before(state, text, lead.start()) or subject or (state.previous if lead.start() == 0 else None)
        if not company:
            continue
        add(state, Category(source, company, slug), ("company", company))
        _placed(state, company, lead.group("place"), source)


def _placed(state: State, company: str, place: str | None, source: Source) -> None:
    """The place a description of a company opens with ("the Austin GPU cloud"), as its headquarters."""
    if place and place.lower() not in lexicon.regions() | lexicon.words("places", "demonyms") | {"big", "largest", "smaller"} \
            and place not in state.names and not place.isupper():  # (not "Arctic Racks, a Finnish colocation provider")
        add(state, Headquarters(source, company, place), ("company", company), ("place", place))


_APPOSED_TO = re.compile(rf"(?<![\w'’])(?P<n>{NAME}),\s*$")
_IS_BEFORE = re.compile(r"\b(?:is|was|remains|became)\s+$")
_INTRODUCES = re.compile(rf"(?:\s+(?:here|among them|on the list|in the group))?,\s+(?:[A-Z][\w.'’-]*['’]s\s+)?(?P<n>{NAME})")
# "the Austin GPU cloud", "the Toronto-headquartered serverless GPU platform", "the inference startup"
_THE_DESCRIBED = re.compile(r"\b[Tt]he\s+(?:(?P<place>[A-Z][a-z][\w.'’]*(?:\s+[A-Z][a-z][\w.'’]*){0,2})(?:-(?:based|headquartered))?\s+)?"
                            r"(?:[\w-]+\s+)?$")
# ... then a verb, a preposition or the clause's end; not "the neocloud market", not "the GPU cloud Acme"
_DESCRIPTION_ENDS = re.compile(r"\s*[,.;)]|\s*$|\s+(?!market|segment|sector|space|industry|players|business|model|category|"
                               # ("against €2.60 in the hyperscaler bids": what the word describes, not a company)
                               r"rental|pricing|landscape|boom|era|wave|bids|prices|rates|contracts|deals|offers|quotes|tenders|"
                               r"capacity|capex|spend|spending|margins|revenues?|customers|peers|rivals)[a-z]+\b")


def _apposed_categories(state: State, text: str, source: Source) -> None:
    """'took a stake in Ondrea Compute, a Lisbon-based GPU marketplace, in February': what a name
    anywhere in the sentence is, told right after it."""
    for m in _APPOSED.finditer(text):
        company = trim_name(state, m.group("n"))
        if company and (company in state.names or looks_like_name(company)) and company.lower() not in lexicon.regions() \
                and not is_acronym_term(company):
            category_from(state, company, m.group("what"), source, leading=True)
            place = _PLACE_OPENS.match(m.group("what"))  # "Cindervale Inference, a Seattle inference platform"
            if place and lexicon.find("categories", m.group("what")[place.end():]):
                _placed(state, company, place.group("place"), source)


_APPOSED = re.compile(rf"(?P<n>{NAME}),\s+(?:a|an|the)\s+(?P<what>[^,;()]{{1,60}}?)(?=[,;.]|$|\s+(?:that|which|based|"
                      r"headquartered|founded|with|for|in|and)\b)")


_PLACE_OPENS = re.compile(r"(?P<place>[A-Z][a-z][\w.'’]*(?:\s+[A-Z][a-z][\w.'’]*){0,2})\s+(?=[a-z]|GPU\b|AI\b)")


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
    if led and _WHOSE_FIRM.search(text, 0, led.start()):
        led = None  # "Hartigan, whose firm led Brantwell's €38 million Series A": the person's firm, not the person, backs it
    investor = (subject or opening_name(state, text) or _opening_phrase(text[:led.start()])) if led else None
    if led and investor and trim_name(state, led.group("c")) not in ("", investor):
        # "**Harbor Growth:** Led Strata Compute's Series C and D": rounds without amounts, a backing still
        company = trim_name(state, led.group("c"))
        add(state, Backing(source, investor, company), ("investor", investor), ("company", company))
        return True
    among = (_AMONG_BACKERS.search(text) or _BACKERS_INCLUDE.search(text) or _COUNTS_AMONG.search(text)) \
        if _BACKERS_WORD.search(text) else None
    if among:
        investee = trim_name(state, among.group("c") or among.groupdict().get("c2") or "") \
            or (subject or state.company or opening_name(state, text) or "" if among.groupdict().get("its") else "")
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
        if _NEGATED.search(text, max(0, m.start() - 30), m.start()):
            continue  # "Microsoft is not investing in Corvessa": said so that no one reads a backing
        if i == 0:
            opener = opening_name(state, text) or _opening_phrase(text[:m.start()])
            investor = subject if subject and subject != state.company else opener
        else:  # a later clause names its own investor just before its verb
            before = _INVESTOR_BEFORE.search(text, 0, m.start())
            investor = trim_name(state, before.group("n")) if before else None
        if not investor:
            continue
        # "backed three neoclouds: A, B and C"; "positions in A (seed, 2024) and B (Series B, 2025)": the asides left out
        listed = _COUNTED_LIST.sub("", clause_after(_ASIDES.sub("", text[m.end():]), 0))
        for investee in split_names(listed, keep):
            investee = re.split(r"['’]s\s", investee)[0]  # "invested in Halden Cloud's Series C"
            add(state, Backing(source, investor, investee), ("investor", investor), ("company", investee))
            found = True
            for other in split_names(after(text, r"\balongside\s+") or "", keep):  # "... alongside Crestline Ventures"
                add(state, Backing(source, other, investee), ("investor", other), ("company", investee))
    return found


_COUNTED_LIST = re.compile(r"^(?:[a-z0-9][\w-]*\s+){1,3}?[\w-]+:\s+")


_WHOSE_FIRM = re.compile(r"\bwhose\s+(?:firm|fund|company|employer|team)\s+(?:co-)?$", re.I)
_LED_ROUNDS = re.compile(rf"\b(?:[Cc]o-)?[Ll]ed\s+(?P<c>{NAME})['’]s?\s+(?:[\w$€£.,-]+\s+){{0,2}}?"
                         r"(?:Series|[Ss]eed|rounds?|financing|raise)\b")

# "A and B are among Vireo's backers", "Vireo's investors include A and B", "its backers, including A and B, ..."
_BACKERS = r"(?:backers|investors|shareholders|funders)"

_BACKERS_CAP = r"(?:[Bb]ackers|[Ii]nvestors|[Ss]hareholders|[Ff]unders)"  # "Backers of Veltra GPU include ..."

_BACKERS_WORD = re.compile(_BACKERS_CAP)  # both patterns open with a name: looked for only where the word stands

# "A and B are among Vireo's backers"; "... : Accel and Greylock are its only institutional backers"
_AMONG_BACKERS = re.compile(rf"(?:^|:\s+)(?P<i>[^.;:]+?)\s+(?:are|is)\s+(?:also\s+)?(?:(?:among|one of)\s+(?P<c>{NAME})['’]s?|"
                            rf"(?P<its>its|their))\s+(?:only\s+|main\s+|two\s+|three\s+)?(?:[\w-]+\s+)?{_BACKERS}\b")

# "Fernhill AI, which counts Index Ventures and Lightspeed among its investors, ..."
_COUNTS_AMONG = re.compile(rf"(?P<c>{NAME})(?:,[^,]{{1,60}},)?,?\s+(?:which\s+|that\s+)?(?:counts|lists|numbers)\s+(?P<i>[^,.;]+?)\s+"
                           rf"among\s+its\s+{_BACKERS}")

_BACKERS_INCLUDE = re.compile(rf"(?:(?:(?P<c>{NAME})['’]s?|(?P<its>\b[Ii]ts))\s+(?:other\s+|existing\s+)?{_BACKERS}|"
                              rf"{_BACKERS_CAP}\s+(?:in|of)\s+(?P<c2>{NAME}))(?:\s+(?:include|includes|are)|,\s+(?:including|among them|such as))\s+"
                              r"(?P<i>[^.;]+?)(?=,\s+[a-z]|[.;]|$)")  # "Its backers, including A and B, had put in ..."

# "Falaj Cloud, an Abu Dhabi GPU cloud backed by Mubadala, signed ...": who backs the name, in an aside about it
_BACKED_ASIDE = re.compile(rf"(?P<n>{NAME}),\s+(?:an?|the)\s+[^,;()]{{0,60}}?\bbacked\s+by\s+(?P<i>[^,;()]+),")


def _backed_aside(state: State, text: str, source: Source) -> None:
    for m in _BACKED_ASIDE.finditer(text):
        company = trim_name(state, m.group("n"))
        for investor in split_names(m.group("i"), state.names.spelled_in(text)) if company else ():
            if investor != company:
                add(state, Backing(source, investor, company), ("investor", investor), ("company", company))


_ASIDES = re.compile(r"\s*\((?![A-Z]{2,6}\))[^()]*\)")  # "(seed, 2024)", not an abbreviation's "(QIA)"
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
    m = re.match(rf"\s*({NAME})", DISCOURSE.sub("", text.lstrip()))  # "Later, PIF also backed ..."
    name = re.split(r"(?:'s|’s)\b|['’]$", m.group(1))[0] if m else ""  # "Northwind's GPU portfolio" -> Northwind
    if name.split(" ")[0] in _OPENING_WORDS:  # "In a $35 million Series A ...": no name
        return None
    return name if name and looks_like_name(strip_parens(name)) else None


def _opens_with_subject(state: State, text: str, subject: str) -> bool:
    lead = state.names.leading(text)
    return bool(lead) or text.lower().startswith(("the company", "it ")) or text.startswith(subject) \
        or short_name(text, subject) is not None
