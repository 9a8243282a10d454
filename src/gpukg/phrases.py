"""Reading the small phrases of a report: lists of names, people with roles,
places, clauses, and the names a report knows about.

Pure functions of text; ``extract`` decides what the pieces mean.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import lexicon
from .dates import find_dates
from .report import strip_numbering

# Capital and small letters of the Latin script, accented ones too ("Tomasz Wójcik", "Øresund
# Compute", "Émilie Roux"): ``re`` has no \\p{Lu}, and ASCII classes cut such names short
_LATIN = [chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))]
UPPER = "[A-Z" + "".join(c for c in _LATIN if c.isupper()) + "]"
LOWER = "[a-z" + "".join(c for c in _LATIN if c.islower()) + "]"
_NAME_WORD = rf"{UPPER}[\w.&'’+-]*(?:/S\b)?"  # (Danish "A/S")
NAME = rf"{_NAME_WORD}(?:\s(?:of\s|de\s|&\s)?{_NAME_WORD}){{0,4}}"
# A contract awarded: "BSK awarded a five-year, €1.2 billion contract for 18,000 GPUs to Kestrelhaus Cloud",
# "CSCA awarded Laurentide GPU Cloud, a Montreal-based neocloud, a seven-year C$850 million contract",
# "KNCA picked Seoul-based neocloud Hanul Compute in May 2025 for a four-year ₩520 billion contract":
# the winner holds the contract, the awarder is its other party
AWARD = re.compile(rf"(?P<a>{NAME})(?:\s*\((?P<abbr>[A-Z]{{2,8}})\))?\s+(?:has\s+)?(?:awarded|granted|picked|selected|chose)\s+"
                   r"(?=(?:[^.;]|\.\d)*\b(?:contract|tender|lot)\b)"
                   rf"(?:(?:its|a|an|the)\b(?:[^.;]|\.\d){{0,100}}?\bto\s+(?P<w>{NAME})|"
                   rf"(?:(?:[\w-]+-based|[a-z][\w-]*)\s+){{0,3}}(?P<w2>{NAME}))")
# (not the comma of a number: "... and runs roughly 18,000 GPUs" makes no name "000 GPUs")
_SPLIT_NAMES = re.compile(r"\s*(?:,(?!\d{3}\b)|;|\band\b|&|\bplus\b|/|\||·)\s*")
_FILLER = re.compile(r"^(?:and|the|with|from|by|plus|including|as well as|others?|among others|etc\.?|various|other|"
                     # "existing investors Lattice Ventures": who they are, then the name
                     # "Thornvale Cloud's seed investor Drummore Ventures" (a letter's "our seed investor")
                     r"(?:(?:our|its|their|[\w.&'’ -]{1,40}['’]s)\s+)?(?:existing|new|returning|earlier|previous|seed|early|first|longtime|long-time)\s+"
                     r"(?:institutional\s+)?(?:investors?|backers?|shareholders?))\s+", re.I)
_TRAILING_FILLER = re.compile(r"\s+(?:among others|and others|et al\.?|etc\.?)$", re.I)
_PARENS = re.compile(r"\s*\([^)]*\)")
# a public body whose field is two things: "Ministry of Science and ICT", "Department of Trade and Industry"
OFFICE_OF = re.compile(r"\b(?:(?:Federal|National|State|Royal)\s+)?(?:Ministry|Department|Office|Bureau|Council|Commission|Agency)\s+(?:of|for)\s+(?:the\s+)?"
                        r"[A-Z][\w-]*(?:,\s+[A-Z][\w-]*)*(?:\s+[A-Z][\w-]*)?\s+(?:and|&)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?")
# a bracket, or where two clauses meet
_BRACKET_OR_BOUNDARY = re.compile(r"[()]|,\s+|;\s+|\s+and\s+(?=[~$€£]|\d)|\s+but\s+")
_DAY_BEFORE = re.compile(r"\b[A-Z][a-z]{2,8}\.?\s+[0-3]?\d(?:st|nd|rd|th)?$")
_YEAR_AFTER = re.compile(r",\s*(?:19|20)\d\d\b")


def strip_parens(text: str) -> str:
    return _PARENS.sub("", text).strip()


def looks_like_name(text: str) -> bool:
    """A proper name: capitalised words, not a sentence."""
    words = text.split()
    if len(words) == 1 and words[0].lower() in _PRONOUNS:  # "We led the round": the writer, never a name
        return False
    # a public body's name runs long: "Federal Ministry for Economic Affairs and Climate Action"
    if not words or len(words) > (8 if OFFICE_OF.match(text) else 6) or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if lexicon.exact("labels", text) or lexicon.exact("metrics", text):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in ("of", "de", "&", "and", "the", "for") for w in words[:1] + words[1:-1]) \
        and (words[-1][0].isupper() or words[-1][0].isdigit() or len(words) == 1
             or words[-1].lower() in lexicon.words("names", "corporate_suffixes"))  # "Vltava Compute s.r.o."


_PRONOUNS = frozenset({"i", "we", "us", "you", "he", "she", "it", "they", "them", "our", "their", "its"})
# "Singapore's Lumora Cloud", "Abu Dhabi's MGX": a place's company
PLACE_OWNS = re.compile(rf"(?<![\w'’-])(?P<place>{UPPER}[\w.]*(?:\s+{UPPER}[\w.]*){{0,3}})['’]s\s+(?P<c>{NAME})")


def split_names(text: str, keep: frozenset[str] = frozenset()) -> list[str]:
    """'NVIDIA, AMD and Kleiner Perkins' -> ['NVIDIA', 'AMD', 'Kleiner Perkins'].

    Names in ``keep`` (known names containing '&' or 'and') are protected from splitting.
    """
    text = strip_parens(text).strip(" ")
    text = text if _AMPERSAND_CO.search(text) else text.strip(".")
    protected = {}
    keep = keep | frozenset(m.group(0) for m in OFFICE_OF.finditer(text))  # "Ministry of Science and ICT"
    keep = keep | frozenset(m.group(0) for m in _AMPERSAND_CO.finditer(text))  # "Mitsui & Co."
    # "Duncairn & Vell Ventures": two surnames that name one firm, not an unknown word and another firm
    keep = keep | frozenset(m.group(0) for m in _SURNAMES_FIRM.finditer(text)
                            if not any(m.group("a") == k or k.startswith(m.group("a") + " ") for k in keep))
    for i, name in enumerate(sorted((k for k in keep if k in text), key=len, reverse=True)):
        token = f"\x00{i}\x00"
        protected[token] = name
        text = text.replace(name, token)
    names = []
    for part in _SPLIT_NAMES.split(text):
        part = _TRAILING_FILLER.sub("", _FILLER.sub("", part.strip(" .")))
        for token, name in protected.items():
            part = part.replace(token, name)
        part = _FILLER.sub("", part)  # "Thornvale Cloud's seed investor X", its owner a known name
        if part in keep:  # a known name as it is written, though it does not look like one ("a16z")
            names.append(part)
            continue
        if _UNNAMED_FUND.search(part):  # "a Hefei government guidance fund", "Hefei guidance fund": no name given
            continue
        owner = PLACE_OWNS.match(part)
        if owner and owner.group("place").lower() in lexicon.regions():  # "led by Abu Dhabi's MGX"
            part = part[owner.start("c"):]
        part = _name_prefix(_BACKED_LEAD.sub("", part))
        if part and not _NUMBER.fullmatch(part):  # "capacity from 340 providers": a count, not a name
            names.append(part)
    return names


_NUMBER = re.compile(r"[\d.,]+")
# a fund or office described by its place or owner, not named
_UNNAMED_FUND = re.compile(r"\s(?:government|state|municipal|provincial|city|guidance|family)(?:\s+[a-z-]+){0,2}\s+"
                           r"(?:fund|office|vehicle)s?$")
# "Mitsui & Co.", "Fidelity Management & Research": one name, its "&" no list's (nor is it at a sentence's
# end, where "led by Goldman Sachs & Co." has lost its full stop)
_AMPERSAND_CO = re.compile(r"\b[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}\s?&\s?(?:Co\.?|Company|Sons|Partners|Research|Development|"
                           r"Associates|Investments|Holdings|Engineering)(?!\w)")


_SURNAMES_FIRM = re.compile(r"(?<![\w&] )(?<![,&])\b(?P<a>[A-Z][a-z]+)\s&\s[A-Z][a-z]+\s(?:Ventures|Capital|Partners|Growth|Investments|"
                            r"Holdings|Associates)\b")


# "the EU-backed Romanian Startup Fund": who backs it is not part of its name
_BACKED_LEAD = re.compile(r"^[\w.]+-(?:backed|funded|owned|based|listed)\s+(?=[A-Z])")


def _name_prefix(text: str) -> str:
    """The name a phrase opens with: 'Rivage Cloud since its seed round' -> 'Rivage Cloud'."""
    words = text.split()
    while words and not looks_like_name(" ".join(words)):
        words.pop()
    return " ".join(words)


_DISTINCT_WORD = re.compile(r"[a-z][A-Z]|^[A-Z]{2,}$|\.(?:ai|io|com|cloud)$|[A-Za-z]{2,}\d+$")
_PRODUCT = re.compile(r"^[A-Z]{1,3}\d{2,4}[A-Z]?$|^[A-Z]+-\d+$")


def looks_like_org(text: str) -> bool:
    """A name no common word could be: 'CoreWeave', 'Vast.ai', 'AMD', 'Prosperity7', 'Acme Labs'.

    Used where a report gives no other sign that a phrase names an organization.
    """
    text = strip_parens(text).removesuffix("'s").removesuffix("’s").strip()
    if not looks_like_name(text) or lexicon.exact("labels", text) or lexicon.exact("roles", text):
        return False
    words = text.split()
    if words[0] in _FUNCTION_WORDS or any(_PRODUCT.match(w) for w in words):
        return False
    if len(words) > 1 and words[-1].lower().replace(".", "") in _name_endings():
        return True
    return any(_DISTINCT_WORD.search(w) and w.upper().rstrip("S") not in _NOT_ORGS and w.upper() not in _NOT_ORGS
               for w in words)


@cache
def _name_endings() -> frozenset[str]:
    """Last words that make a phrase an organization's name, without their dots ("inc", "kk").
    "AI" ends too many common phrases ("Generative AI") to mark a name by itself."""
    words = (lexicon.words("names", "corporate_suffixes") | lexicon.words("names", "investor_suffixes")
             | lexicon.words("names", "org_words")) - {"ai"}
    return frozenset(w.replace(".", "") for w in words)


_FUNCTION_WORDS = {"The", "A", "An", "Per", "According", "As", "In", "On", "At", "By", "For", "From", "With", "This",
                   "That", "These", "Those", "Its", "Our", "Their", "While", "Many", "Most", "Some", "All", "Other",
                   "Major", "Key", "New", "Both", "Each", "Every", "Several", "Despite", "After", "Before", "Since"}


# Capitalised words of the trade that are not organizations.
_NOT_ORGS = {"AI", "GPU", "GPUS", "CPU", "TPU", "LLM", "LLMS", "API", "APIS", "ML", "P2P", "ARR", "TTM", "HQ", "CEO", "CTO",
             "CFO", "COO", "USD", "EUR", "GBP", "SaaS".upper(), "MLOPS", "HPC", "AR", "VR", "IPO", "M&A", "YOY", "B2B", "SLA",
             # units, time zones and a document's own words in capitals ("9:00 a.m. ET", "MW is IT load", "RESOLVED, that")
             "MW", "GW", "KW", "MWH", "PUE", "ET", "PT", "CT", "UTC", "GMT", "CET", "KPI", "SOFR", "EBITDA", "NDA", "TBD",
             "FAQ", "RESOLVED", "FURTHER", "WHEREAS", "NOTE", "UPDATE", "BREAKING", "EXCLUSIVE", "CONFIDENTIAL", "DRAFT",
             # a power report's ("a 10-year PPA", "WUE of 0.4")
             "PPA", "WUE", "CUE", "REC", "KWH"}


def is_acronym_term(name: str) -> bool:
    """'API', 'GPU', 'LLM': a term of the trade in capitals, never a name by itself."""
    return name.upper().rstrip("S") in _NOT_ORGS or name.upper() in _NOT_ORGS


@dataclass(frozen=True)
class Clause:
    text: str
    start: int
    end: int


def clauses(text: str) -> list[Clause]:
    """Split at commas, semicolons and ' and <amount>', but never inside parentheses."""
    out: list[Clause] = []
    depth = 0
    start = pos = 0
    # a search from one bracket or boundary to the next, not a Python step per character (2% of a reading)
    while m := _BRACKET_OR_BOUNDARY.search(text, pos):
        i, pos = m.start(), m.start() + 1
        if m.group() == "(":
            depth += 1
        elif m.group() == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and not (text[i] == "," and _DAY_BEFORE.search(text, max(0, i - 16), i) and _YEAR_AFTER.match(text, i)):
            # (a comma of "September 30, 2025" is a date's, not a boundary of two clauses)
            out.append(Clause(text[start:i], start, i))
            start = pos = m.end()
    out.append(Clause(text[start:], start, len(text)))
    return [c for c in out if c.text.strip()]


_PERSON_ROLE = re.compile(r"(?P<name>[^,;()]+?)\s*\((?P<roles>[^)]*)\)")
_NAME_COMMA_ROLE = re.compile(r"(?P<name>[^,;]+?),\s*(?P<roles>[^;]+)")  # "Haruto Kisaragi, co-founder, director and CEO"


_INTERIM = re.compile(r"^\s*(?:interim|acting)\s+", re.I)
_FULL_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")
_WHEN_AFTER = re.compile(r"\s+(?:since|from|until|till|through|effective)\b", re.I)
_WHEN_WORDS = re.compile(r"\s*(?:since|from|until|till|through|former|formerly|ex-|effective)\b", re.I)


def people(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """'Lin Qiao (CEO), Dmytro Dzhulgakov (CTO)' -> [('Lin Qiao', ('ceo',)), ...].

    Also 'Jane Doe, CEO; John Roe, CTO'. Roles not in the lexicon are kept by their slug.
    """
    found = []
    # "Vesna Dragomir, Chair (independent director); Marcus Iwuchukwu, co-founder and Chief Executive Officer": a
    # full name, then its titles, person by person (a bracket there says more of the title, it names no one)
    listed = [m for part in text.split(";") for m in [_NAME_COMMA_ROLE.fullmatch(strip_parens(part).strip())]
              if m and _FULL_NAME.fullmatch(m.group("name").strip()) and lexicon.find("roles", m.group("roles"))] \
        if ";" in text else []
    matches = listed or list(_PERSON_ROLE.finditer(text))
    if not matches:
        matches = [m for part in text.split(";") for m in [_NAME_COMMA_ROLE.fullmatch(part.strip())] if m]
    for m in matches:
        name = m.group("name").strip(" ,;·|").removeprefix("and ").strip()  # "... · Diego Lanzarote (CTO)"
        # (a title of two capitalised words is still a title: "Sven Aurelius (Chief Scientist)")
        if not looks_like_name(name) or any(_FULL_NAME.fullmatch(p.strip()) and not lexicon.find("roles", p)
                                            for p in m.group("roles").split(",")):
            continue  # "Odalys Fairweather, Kasimir Drozdov, ...": names, no titles
        parts = re.split(r"\s*(?:&|/|,|\band\b)\s*", m.group("roles"))
        # "(since 2023)", "(2019-2023)", "(former)" say when, not which title
        # "CFO since April 2024": the CFO
        parts = [head if lexicon.exact("roles", head := _WHEN_AFTER.split(p)[0]) else p for p in parts]
        parts = [_INTERIM.sub("", p) for p in parts]  # "interim Chief Financial Officer": the CFO, for now
        roles = tuple(dict.fromkeys(lexicon.exact("roles", p) or p.strip().lower() for p in parts
                                    if p.strip() and not _WHEN_WORDS.match(p) and not find_dates(p)
                                    and (not listed or lexicon.exact("roles", p))))
        found.append((name, roles))
    return found


def places(text: str) -> list[str]:
    """'New York, Stockholm' -> two places; 'Denver, Colorado' -> one."""
    regions = lexicon.regions()
    parts = [p.strip(" .") for p in re.split(r";|,|\band\b|/", strip_parens(text)) if p.strip(" .")]
    if len(parts) == 3 and "," in text and ";" not in text and parts[2].lower() in regions and parts[1].lower() not in regions:
        # a database's "City, Region, Country" ("Stockholm, Stockholm County, Sweden"): one place, told as
        # "City, Region", or "City, Country" when the region is the city's own name ("Berlin, Berlin, Germany")
        return [f"{parts[0]}, {parts[2] if parts[1].startswith(parts[0]) else parts[1]}"]
    out: list[str] = []
    for part in parts:
        if out and (part.lower() in regions or f"{part.lower()}." in regions):  # "U.S." lost its last dot above
            # "Austin, Texas, US": a city and its state say where; the country after them is dropped, so
            # that the place is the one "Austin, Texas" names
            out[-1] = out[-1] if "," in out[-1] else f"{out[-1]}, {part}"
        else:
            out.append(part)
    return [p for p in out if p[:1].isupper()]


def is_country(name: str) -> bool:
    return name.lower() in lexicon.words("places", "countries")


_COMPASS = re.compile(r"^(?:the\s+)?(?:(?:central|eastern|western|northern|southern|north|south|east|west)(?:[\s-]+|$))*", re.I)
_PARTS = re.compile(r"\s*(?:,|&|/|\band\b)\s*")


def is_region(title: str) -> bool:
    """'Central & Eastern Europe', 'Poland and the Baltics', 'Africa': places only, no company's name."""
    parts = [_COMPASS.sub("", part).strip().lower() for part in _PARTS.split(title)]
    return all(part in lexicon.regions() or part in lexicon.words("places", "world") for part in parts if part) \
        and any(parts)


def after(text: str, pattern: str) -> str | None:
    """The text after the first match of ``pattern`` up to the next clause end."""
    m = re.search(pattern, text, re.I)
    return clause_after(text, m.end()) if m else None


def clause_after(text: str, start: int) -> str:
    """The text from ``start`` up to the next clause end."""
    rest = text[start:]
    # ... and where a purpose or a security follows: "from X to buy 8,192 H200 GPUs", "from X against 4,200 GPUs";
    # the full stop of "Goldman Sachs & Co." or "Acme Inc." ends no clause
    stop = re.search(r"\s*(?:(?<!\bCo)(?<!\bInc)(?<!\bLtd)(?<!\bCorp)\.|[;)(]|,\s*(?!and\b|&)(?=[a-z])|\bagainst\b|\bto\s+(?:buy|fund|finance|build|expand|acquire|"
                     r"purchase|deploy|pay|refinance)\b|\bwith\b|\bjoined by\b|\balongside\b|\bprovided by\b|\bat\s+a\b|\bat\s+[$€£]|\bfor\s+[$€£]|"
                     r"\b(?:in|on|during|since)\s+(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d|\b(?:19|20)\d\d\b|"
                     r"\bas\s+(?=(?:the\s+|an?\s+)?[a-z]))",  # "with DNB as sole lender"
                     _ABBREVIATION_BRACKET.sub(lambda m: " " * len(m.group(0)), rest) if "(" in rest else rest)
    return rest[: stop.start()] if stop else rest


# a bracket ends a clause, but not an abbreviation's: "the Public Investment Fund (PIF) and Mubadala"
_ABBREVIATION_BRACKET = re.compile(r"\([A-Z][A-Z0-9&]{1,7}\)")


def heading_name(text: str) -> str:
    """The name a heading gives: 'Acme Cloud: Profile' and 'Acme Cloud - the GPU lessor' give
    the part before; 'Company: Acme Cloud' and 'Profile - Acme Cloud' the part after a word that
    says what follows."""
    parts = [p.strip() for p in re.split(r"\s[–—·|-]\s|:", strip_parens(strip_numbering(text)))]
    if len(parts) > 1 and (parts[0].lower() in _INTRODUCING or _LOCATOR.fullmatch(parts[0])):
        return parts[1]
    return parts[0]


# where a directory places a company, before its name: "Booth A-107 · Quennmark Cloud", "Stand 12 | Sabledrift"
_LOCATOR = re.compile(r"(?:Booth|Stand|Stall|Table|Hall|Pavilion|Kiosk|Pod|Suite|Room|Listing|Entry|No\.|#)"
                      r"\s*[A-Z]?[-\s]?\d+[\w-]*", re.I)


_INTRODUCING = {"company", "profile", "company profile", "provider", "startup", "vendor", "spotlight", "dossier",
                "case study", "deep dive", "focus"}

# "participated in rounds for A and B", "took part in the seed rounds of A": the companies follow
ROUNDS_OF = r"(?:participated|took part) in\s+(?:(?:the|their)\s+)?(?:[\w-]+\s+)?(?:funding\s+)?rounds?\s+(?:for|of|by)"
