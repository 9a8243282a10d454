"""Whose round a sentence tells: the company it names as raising ("Acme raised", "Kestrel's Series A",
"valued Talvera at"), else the one the text is about. No pattern names a company."""
from __future__ import annotations

import re

from . import lexicon
from .names import mentioned
from .phrases import NAME, looks_like_org
from .reading import TITLE_BEFORE, State, owned_by_place, owned_name, trim_name
from .records import Round

# "valuing Dunmore AI at roughly £400m": the company a valuation is of
VALUING_NAME = re.compile(rf"\bvalu(?:ing|ed)\s+(?P<c>{NAME})\s+at\b")

# "is said to be in talks to raise", "had sought to raise", "is looking to raise": a round still sought
SEEKING = (r"(?:(?:is|are|was|were|had|has)\s+(?:said\s+to\s+be\s+|reportedly\s+|now\s+)?)?(?:in\s+talks|looking|seeking|"
            r"aiming|planning|hoping|trying|sought|set)\s+to\s+raise\b")

# "led a $60 million Series B in Lumen Cloud", "We joined the $95 million Series B of Lumacrest Compute": the round's company
_ROUND_IN = re.compile(r"\b(?:Series\s+[A-H]\d?|[Ss]eed|round|financing)\s+(?:in|into|of|for)\s+(?![A-Z]{3}\s?\d|[A-Z]{1,3}\$)"
                       r"(?!(?:Q[1-4]|H[12]|FY|Jan|Feb|Mar|"
                       rf"Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|early|mid|late|the)\w*\b)(?P<c>{NAME})")
# "Acme raised", "Acme had closed": the company a sentence's round is of, when nothing else says
# (an appositive may come between: "Sundral Infrastructure, a Denver-based data-centre developer founded in 2022, closed",
# "Keldholme Compute, a neocloud out of Raleigh, North Carolina, closed")
_RAISER = re.compile(rf"(?<![\w$€£¥₹.])(?P<c>{NAME})(?:\s*\([^()]{{1,60}}\)|,\s+(?:(?:a|an|the)\s+[^,;$€£¥]{{1,80}}(?:,\s+[A-Z][^,;$€£¥]{{1,30}})?|"
                     r"(?:founded|based|headquartered|established)\s[^,;$€£¥]{1,60}),)?\s+"
                     r"(?:has\s+|had\s+|each\s+|both\s+|is\s+)?"
                     r"(?:last\s+|also\s+|then\s+|later\s+|previously\s+|recently\s+|just\s+)?"
                     r"(?:raised|raises|raising|closed|secured|landed|announced|completed|drew|went public|priced|took|received|won|"
                     r"signed|obtained|" + SEEKING + ")")
_BASED_PREFIX = re.compile(r"^[\w.]+(?:\s[A-Z][\w.]+)?-(?:based|headquartered)\s+")  # "Hangzhou-based Moyun Intelligence"
# "It", "The company": the company the text is about, named before
PRONOUN = re.compile(r"\s*(?:It|The (?:company|firm|startup|business))\b")
_NAME_THEN_ROUND = re.compile(rf"(?P<c>{NAME})\s+(?:(?:Ser\.|Series)\s+[A-H]\d?|[Ss]eed|IPO|[Bb]ridge)\b")
_WHICH_RAISED = re.compile(rf"(?P<c>{NAME}),\s+(?:which|who)\s+(?:had\s+|has\s+|previously\s+|earlier\s+|itself\s+)*"
                           r"(?:raised|closed|secured|landed)\b")



_OWNED_AMOUNT = re.compile(rf"(?P<c>{NAME})['’]s\s+(?:[$€£¥₹₩]|[A-Z]{{1,3}}\$|[A-Z]{{3}}\s)\s?\d"
                           # "a €120 million sale-and-leaseback of Kiverra Compute's Madrid cluster": Kiverra Compute's
                           rf"|\b(?:sale-and-leaseback|leaseback|refinancing)\s+(?:of|on|for)\s+(?P<o>{NAME})['’]s\s")


def _raiser(state: State, text: str, investors: set[str]) -> str:
    """The name 'X raised ...' opens with (an aside about X between), unless an investor's, a round's or a pronoun."""
    raiser = _RAISER.search(text)
    named = trim_name(state, _BASED_PREFIX.sub("", raiser.group("c"))) if raiser else ""
    return named if named and named not in investors and looks_like_org(named) and not is_round_name(named) \
        and not PRONOUN.fullmatch(named) and not TITLE_BEFORE.match(named) else ""


def funded_company(state: State, text: str, investors: set[str], context: str | None) -> str | None:
    """The profiled company when the sentence names it, else 'X's Series A', else the first other name."""
    last = state.last_round
    if last and not investors and _opens_with_backer(state, text, last):  # "JIC then added a ¥6 billion extension"
        return last.company
    told = _WHICH_RAISED.search(text)  # "Nebius acquired Skarvik AI, which had raised a $40M Series B ..."
    if told and trim_name(state, told.group("c")) not in investors:
        return trim_name(state, told.group("c"))
    owned = _OWNED_AMOUNT.search(text)  # "It arranged Cindral Cloud's $1.1 billion term loan": Cindral Cloud's
    owner = owned.group("c") or owned.group("o") if owned else ""
    if owner and trim_name(state, owner) not in investors | {context} and looks_like_org(owner):
        return trim_name(state, owner)
    named = _raiser(state, text, investors) if context and not mentioned(context, text) else ""
    if named:
        return named  # "..., while Ebberly Labs raised a $22M Series A ... on the strength of its kernels": not the profiled company
    if context and (mentioned(context, text) or re.search(r"\b(?:the company|its)\b", text, re.I) or PRONOUN.match(text)
                    or re.search(r"\bit\s+(?:has\s+|had\s+|then\s+|later\s+|also\s+)?(?:raised|closed|secured|landed|took|added|signed|drew|obtained)\b", text)
                    or _OPENS_WITH_ROUND.match(text)):  # "Series B at $1.6B, led by X" in its company's profile
        return context
    valued = VALUING_NAME.search(text)  # "..., was led by X with Y and valued Talvera at CHF 1.6 billion"
    named = trim_name(state, valued.group("c")) if valued else ""
    if named and context and (mentioned(context, named) or (named, context) in state.short_names):
        return context
    if named and named not in investors and looks_like_org(named):
        return named
    held = _ROUND_IN.search(text)  # "led a $60 million Series B in Lumen Cloud", "in Jeddah's Rimal Labs"
    if held and trim_name(state, held.group("c")) not in investors:
        return owned_name(state, trim_name(state, held.group("c")))
    possessive = re.search(rf"(?P<c>{NAME})(?:'s|’s)\s+(?P<owned>{NAME})?", text)
    owned = trim_name(state, possessive.group("owned")) if possessive and possessive.group("owned") else ""
    if owned and (looks_like_org(owned) or owned_by_place(state, possessive.group("c"), owned)) and owned not in investors:
        return owned  # "Bengaluru's Tejas GPU Pvt. Ltd. raised", "Nairobi's Savanna Inference closed": the place's company
    # "Ambrel Compute, a chipmaker, raised ...; NVIDIA's venture arm NVentures also joined" (not "the Series C X closed")
    named = _raiser(state, text, investors)
    if named and "'" not in named and "’" not in named and not lexicon.find("round_types", named):
        return named
    if possessive and trim_name(state, possessive.group("c")) not in investors \
            and possessive.group("c").lower() not in lexicon.regions():  # "India's National Investment ... Fund committed"
        return trim_name(state, possessive.group("c"))
    company = next((form for form, _, _ in state.names.find(text) if form not in investors
                    and not any(form in i for i in investors) and not is_round_name(form) and not TITLE_BEFORE.match(form)), None)
    if not company:
        # (not "CFO Anneliese Korvath priced ...": who signs for the company is not it)
        company = next((trim_name(state, _BASED_PREFIX.sub("", m.group("c"))) for m in _RAISER.finditer(text)
                        if not is_round_name(m.group("c")) and not PRONOUN.fullmatch(m.group("c"))
                        and not TITLE_BEFORE.match(m.group("c"))), None)
    telegraphic = _NAME_THEN_ROUND.match(text) if not company else None  # "Quorra Inference Ser. A $38M, co-leads X"
    if telegraphic and trim_name(state, telegraphic.group("c")) not in investors:
        company = trim_name(state, telegraphic.group("c"))
    return company or context


def valued_company(state: State, told: re.Match, context: str | None) -> str | None:
    """Whose round set the valuation: 'valued Morrow at' (the round just read, when its company's
    short name), else 'Kestrel's Series A valued it', else the section's ('Its seed round')."""
    valued = VALUING_NAME.search(told.string)
    name = trim_name(state, (valued or told).group("c") or "") if valued or told.group("c") else ""
    last = state.last_round
    if name and last and (mentioned(last.company, name) or (name, last.company) in state.short_names):
        return last.company
    return name or (context if told.group("own") else None)


def _opens_with_backer(state: State, text: str, last: Round) -> bool:
    """The sentence opens with an investor of the round just read and names no other organization."""
    backers = last.leads + last.participants
    backers += tuple(short for short, full in state.short_names if full in backers)
    found = [form for form, _, _ in state.names.find(text)]
    return bool(found) and text.startswith(found[0]) and any(mentioned(b, found[0]) for b in backers) \
        and all(any(mentioned(b, f) for b in backers) for f in found)


# "June 2025: Series B at", "The seed was tiny, €4 million from Koivu" (in the company's own words)
_OPENS_WITH_ROUND = re.compile(r"(?:[^:]{1,20}:\s*)?(?:(?:The|Our|Its)\s+)?(?:Series\s+[A-H]\d?|[Ss]eed|Pre-seed|IPO)\b")


def is_round_name(name: str) -> bool:
    """'Series A' in "a $35 million Series A announced on ...", "The IPO raised ...": a round, never the company."""
    name = re.sub(r"^(?:The|This|That|Its)\s+", "", name)
    found = lexicon.find("round_types", name)
    return bool(found) and found[0][1] == 0 and found[-1][2] >= len(name.rstrip(". "))
