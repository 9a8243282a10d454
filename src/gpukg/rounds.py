"""Funding rounds told in running text: who raised what, when, led by whom, at which valuation,
and the sentences that add to the round just read ("The round was led by ...").

Active and passive voice, two companies' rounds in one sentence, a total or a count told beside
a round. No pattern names a company.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import lexicon
from .aliases import abbreviations
from .amounts import find_quantities
from .dates import find_dates, first_date, relative_dates
from .names import mentioned
from .phrases import AWARD, NAME, ROUNDS_OF, UPPER, Clause, clause_after, clauses, looks_like_name, split_names
from .records import Backing, Observation, Quantity, Round, Source, When
from .figures import figures
from .grants import given_to, listed_round
from .lenders import borrower_signed, investor_subject, whole_name
from .metrics import counted
from .raisers import PRONOUN, SEEKING, VALUING_NAME, funded_company, is_round_name, valued_company
from .reading import MONTH_NAMES, TITLE_BEFORE, State, add, month_told, names_after, opening_name, qualifiers, trim_name


def rounds(state: State, text: str, source: Source, subject: str | None) -> bool:
    """The rounds ``text`` tells (and beside them the company's total and counts); True when any.
    ``subject`` is the company the sentence is about, if known."""
    if state.listing and listed_round(state, text, source, subject) or given_to(state, text, source):
        return True
    _went_public(state, text, source, subject)  # (the sentence's figures are still read: "..., which runs 9,000 GPUs, went public")
    repaid = _REPAID_WITH.search(text)
    if repaid:  # "it repaid the $400 million loan it took from X in 2024, ..., with a $1.1 billion term loan arranged by Y":
        # the new loan is the round told (the old one and its lender are no part of it)
        text = text[:repaid.start("old")] + "closed " + text[repaid.end():]
    if " led" in text:  # "$3.5M pre-seed, Khosla Ventures led.": the lead named after the round, as "led by" would
        text = _LED_AFTER.sub(lambda m: f" led by {m.group('names')}{m.group('space')}", text)
    backers = _BACKERS_OF_ALL.search(text) if "raised" in text else None
    if backers:  # "It raised $71 million in total from A, B and C; the last money in was a $45 million Series B ...":
        # they back the company, and are no part of the round told after them
        company = subject or state.company or opening_name(state, text)
        for investor in split_names(backers.group("names")) if company else ():
            add(state, Backing(source, investor, company), ("investor", investor), ("company", company))
        text = text[:backers.start("from")] + text[backers.end("from"):]
    parts = [piece for part in _ROUND_CLAUSES.split(text) for piece in _own_rounds(part)]
    found = False
    for part in parts:  # "X raised $50M ..., while Y raised $30M ...": a round each
        joined = part.startswith(_JOINED)
        if joined and not found:
            continue  # "... and a $45M Series A": only a round told before it says whose
        # "...; in 2025 it added a $600 million debt facility": "it" is the company of the round before
        context = state.last_round.company if joined else subject or state.company \
            or (state.last_round.company if found and state.last_round else None) \
            or (opening_name(state, parts[0]) if part is not parts[0] and TITLE_BEFORE.match(part) else None)  # "...; CFO X priced"
        found = _prose_round(state, part.removeprefix(_JOINED), source, context, joined=joined) or found
    if not found:
        return False
    company = subject or state.last_round.company
    _total_beside_round(state, text, source, company)
    _beside_round(state, text, source, company)
    _counts_in_round(state, text, source, company)
    _share_price(state, text, source, company)
    _figure_clauses(state, text, source, company)
    _prices_beside_round(state, text, source, company)
    return True


# "it listed on the NYSE in May 2024", "Brenna Cloud went public on Nasdaq in June 2025": a listing, its amount untold
_WENT_PUBLIC = re.compile(rf"(?:(?P<c>{NAME})|\b(?:[Ii]t|[Tt]he company))\s+(?:has\s+|had\s+)?(?:went public|listed|was listed|"
                          r"floated|debuted)\s+(?:its\s+shares\s+)?(?:on\s+(?:the\s+)?[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,3}\s+)?"
                          r"(?:in|on)\s+(?=[A-Z0-9])")


def _went_public(state: State, text: str, source: Source, subject: str | None) -> bool:
    """A company's listing told without its proceeds (a sentence that gives them is read as any round); True when read."""
    m = _WENT_PUBLIC.search(text) if "public" in text or "listed" in text or "floated" in text or "debuted" in text else None
    when = first_date(text[m.end():m.end() + 30]) if m else None
    company = (trim_name(state, m.group("c")) if m.group("c") else subject or opening_name(state, text) or state.previous) \
        if m and when else None
    if not company or any(q.currency for q in find_quantities(text)):
        return False
    add(state, Round(source, company, "ipo", None, when), ("company", company))
    return True


def _prices_beside_round(state: State, text: str, source: Source, company: str) -> None:
    """'Saltreef raised $30 million from General Catalyst in August and they're listing H100s at $1.49 an
    hour': a price the round's sentence gives as well (read with the other money blanked out)."""
    money = [q for q in find_quantities(text) if q.currency]
    if not any(q.per for q in money):
        return
    masked = text
    for q in money:
        if not q.per:
            masked = masked[:q.start] + " " * (q.end - q.start) + masked[q.end:]
    figures(state, company, masked, source, prose=True)


_MONEY_WORD = re.compile(r"\b(?:valuation|revenue|revenues|ARR|run-rate|sales)\b", re.I)


def _figure_clauses(state: State, text: str, source: Source, company: str) -> None:
    """'..., less than half of its 2024 valuation of $900 million': a clause beside the round
    that gives another figure of the company, its money no part of the round."""
    used = {q.text for f in state.facts if isinstance(f, Round) and f.source == source
            for q in (f.amount, f.valuation) if q is not None}
    for clause in clauses(text)[1:]:
        money = [q for q in find_quantities(clause.text) if q.currency]
        if any(q.text not in used for q in money) and _MONEY_WORD.search(clause.text) \
                and not lexicon.find("round_types", clause.text) and not _TOTAL_CLAUSE.search(clause.text) \
                and not _CUMULATIVE.search(clause.text):
            # the round's own sums blanked out: 'it closed at "$1.1 billion post-money." Vantorel serves "roughly
            # 4,200 paying customers"' (a quoted full stop does not end the sentence)
            masked = clause.text
            for q in money:
                if q.text in used:
                    masked = masked[:q.start] + " " * (q.end - q.start) + masked[q.end:]
            figures(state, company, masked, source, prose=True)


def _share_price(state: State, text: str, source: Source, company: str) -> None:
    """'priced its IPO at $28 per share on September 18, 2025': the price of a share, dated by its own clause."""
    for q in find_quantities(text):
        if q.currency and not q.per and _EACH_SHARE.match(text, q.end) and "shares" in text[:q.start]:
            q = replace(q, per="share")  # "sold 185 million new shares at A$1.60 each"
        if q.currency and q.per == "share":
            clause = next((c.text for c in clauses(text) if c.start <= q.start <= c.end), text)
            add(state, Observation(source, company, "share-price", q, first_date(clause), qualifiers=q.qualifiers),
                ("company", company))


_SHARES_AFTER = re.compile(r"\s+(?:new\s+|ordinary\s+|common\s+)?shares\b")
_EACH_SHARE = re.compile(r"\s+(?:each|apiece)\b")
# an amount that is a fund's size: "$3.4 billion Fund II", "a $600 million growth fund" (not "$50M from a growth fund")
_FUND_NAMED = re.compile(r"\s+(?:(?!(?:from|of|for|by|in|with|to)\b)[\w-]+\s+){0,2}?(?:[Ff]und|vehicle)\b")
_UNDISCLOSED_RAISE = re.compile(r"\b(?:raised|raises|secured|secures|received|receives|closed|closes|took|landed)\s+(?:an?\s+)?"
                                r"(?:undisclosed|unspecified|unannounced|unnamed)\s+(?:sum|amount|investment|round)\b")
_FUNDING_VERB = re.compile(r"\b(?:raised|raises|raise|raising|closed|closes|secured|secures|landed|announced|completed|received|led by|co-led by|"
                           r"drew backing|committed|invested|leading its|anchored|granted|awarded|drew down|realised|realized|"
                           r"obtained|signed|tapped|took out|priced|issued)\b", re.I)  # "priced a $1.2 billion convertible note offering"

# "Fieldstone Ventures (lead), Grayline Capital": a lead marked in brackets
# ... or named as such: "with Blackstone as lead lender, joined by Macquarie Group"
MARKED_LEAD = re.compile(rf"(?P<n>{NAME})\s*(?:\((?:[Cc]o-)?[Ll]ead(?:\s+(?:[Ii]nvestor|[Aa]rranger))?\)|"
                         r"\s+as\s+(?:the\s+)?(?:co-)?lead(?:\s+(?:investor|arranger|lender|bank))?\b)")


def split_marked(text: str, keep: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """'KDB Capital (lead), Mirae Asset, SK Square': the names marked as leads, and the others."""
    marked = {m.group("n") for m in MARKED_LEAD.finditer(text)}
    names = split_names(MARKED_LEAD.sub(lambda m: m.group("n"), text), keep)  # ("(lead)" would end the list it stands in)
    return [n for n in names if n in marked], [n for n in names if n not in marked]


# "led by X", and a bracket's "(lead: X; participants: A, B)"
# also "lead investor was X", "the lead was X", "Lead investor is X", as reports write them
_LEADS = r"\b(?:(?:co-led|led)\s+by(?!\s+(?:its\s+|their\s+|the\s+)?(?:chief|CEO|CTO|CFO|COO|founder|co-founder|president|chair|" \
         r"managing|former|veteran|serial)\b)|(?<=[(;,]\s)(?:co-)?leads?(?:\s+investors?)?:|" \
         r"(?<=[(;,]\s)(?:co-)?leads?(?=\s+(?-i:[A-Z]))|(?<=\()(?:co-)?leads?(?:\s+investors?)?:|" \
         r"(?i:the\s+)?(?i:lead)(?:\s+investors?)?\s+(?:was|is|were|are))\s+"

# ("in a round backed by A and B": the round's backers; "X, a GPU cloud backed by A, raised": the company's)
_PARTICIPANTS = (r"\b(?:with participation (?:from|of)|"
                 r"(?:(?<=round )|(?<=round, )|(?<=financing )|(?<=funding )|(?<=seed )|(?<=Series [A-Z] ))backed by|"
                 r"(?<=facility )with|(?<=loan )with|(?<=financing )with|participation (?:from|of)|joined by|alongside|investors including|provided by|"
                 r"from|participants:|(?<![\w-])investors:|other investors:|(?:further|other) investors (?:are|were|include)|arranged by|"
                 r"(?<=[,;]\s)with(?=\s+(?-i:[A-Z])(?![^,;.]*\bas\s+(?:its|their|an?|the)\b))|lent by|underwritten by|syndicated (?:to|among))\s+")

# ... a name after it ("customers on three-year commitments ... from reserved capacity" tell no round)
_NAMED_PARTICIPANTS = re.compile(_PARTICIPANTS + r"(?=(?:(?:existing|new|returning|current|its|their)\s+)?"
                                                 r"(?:(?:investors?|backers?|shareholders?|lenders?)\s+)?[A-Z])")
# "co-led Marrow Compute's $110M Series C", "Index Ventures led $55 million of new money"
_ACTIVE_LEAD = re.compile(rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)(?:\s*\([A-Z][\w&]{{1,7}}\))?(?:,[^,]{{1,60}},)?"
                          r"(?:,\s+(?:which|who))?\s+(?:(?:then|later|again|also)\s+)?"  # "Sequoia Capital, which led the ..."
                          r"(?:(?:returned|came back|stepped in|agreed|moved)\s+to\s+)?(?:co-)?le(?:d|ad|ading)\s+"
                          rf"(?:(?:a|an|the|it|its)\b|{NAME}['’]s?(?=\s)|(?=[$€£¥₹]\s?[\d.,]+\s?(?:million|billion|bn|mn|[MBK])?\s+"
                          r"(?:of|in)\s+(?:new\s+)?(?:money|capital|funding|equity)\b))")

# ... or "Sequoia Capital joined the $95 million Series B of Lumacrest Compute"
_TOOK_PART_IN = re.compile(rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s+(?:also\s+)?(?:(?:participated|took part)\s+in\s+"
                           rf"{NAME}['’]s\s|joined\s+(?:the|a|an)\s+[^.;]{{0,40}}?\b(?:Series\s+[A-H]\d?|[Ss]eed|round)\s+(?:of|in)\s+[A-Z])")

# "its last round was an $18 million seed in August 2024"
_LAST_ROUND_WAS = re.compile(r"\b(?:last|latest|most\s+recent|previous|first)\s+(?:funding\s+)?round\s+(?:was|is)\s+"
                             r"(?:an?|its)\s+")
_AWARDED_OBJECT = re.compile(rf"(?P<g>{NAME})(?:\s*\((?P<abbr>[A-Z]{{2,8}})\))?\s+(?:has\s+|also\s+)?(?:awarded|granted|gave)\s+"
                             rf"(?P<c>the\s+company|it|{NAME})\s+(?:a|an)\s+(?=[$€£¥₹₩]|[A-Z]{{1,3}}\$|[A-Z]{{3}}\s)")
_BACKERS_PUT_IN = re.compile(rf"\b(?:existing|new|current|other|returning)\s+(?:investors|backers|shareholders)\s+"
                             rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s+(?:also\s+)?"
                             r"(?:put\s+in|injected|provided|committed)\b")

# "X ..., co-leading its ...", "X has now invested in five GPU clouds, most recently leading Arden Cloud's"
_LEADING_ITS = re.compile(rf"^(?P<names>{NAME})\b[^,;]*,\s+(?:most recently\s+|also\s+|again\s+)?(?:co-)?leading\s+"
                          rf"(?:its\b|{NAME}['’]s\s)")

_CUMULATIVE = re.compile(r"\b(?:to date|in total|in all|all told|so far|a total of|overall|cumulative|since (?:its )?(?:founding|inception)|"
                         r"(?:across|over|in)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several)\s+"
                         r"(?:funding\s+)?(?:rounds|financings)|"
                         # "has raised roughly US$930 million in equity and debt since 2022"
                         # (the full stop of "$1.02 billion" is no sentence's end)
                         r"in equity and debt|(?:has|have) raised\b(?:[^.;]|\.(?=\d))*\bsince (?:19|20)\d\d)\b", re.I)

PARTICIPATING = re.compile(rf"(?:\bwith\s+(?:the\s+)?|[,;]\s+|\band\s+)(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s+"
                           r"(?:participating|joining|also investing|came (?:back )?in|joined in|also took part|participated|"
                           r"doubled down|"
                           # "... Seedcamp and LocalGlobe followed on.", "led by a16z, Nvidia in too", "NVIDIA in the round too",
                           # "led by Coatue, we doubled down with a $15M follow-on"
                           r"(?:joined|followed(?:\s+on)?)(?=\s*(?:[.;]|$))|"
                           r"in\s+(?:(?:the|this)\s+round\s+)?(?:too|as\s+well)|also\s+in)\b")

_PAST_JOB = r"(?:formerly|previously|ex-|a\s+former|most\s+recently|until\s+recently)\b"
_ALSO_JOINED = re.compile(rf"^(?:(?:[Ee]xisting|[Nn]ew|[Oo]ther|[Rr]eturning)\s+(?:investors|backers|shareholders)\s+)?"
                          rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)(?:,(?!\s*{_PAST_JOB})[^,]{{1,80}},)?\s+(?:also\s+)?"
                          # (not a hire: "Threlkeld, previously treasurer of ..., joined as chief financial officer", "Co-founder
                          # and CTO Thijs Oudekerk joined Microsoft", "Priya Ramaswamy, formerly at AMD, joined in January")
                          r"(?:took part|participated|joined(?!\s+(?:as|the\s+(?:board|company|team|firm))\b|\s+[A-Z])|invested)\b")
# "... led by Matterhorn Partners; SoftBank joined the round": a later clause's participants
_JOINED_LATER = re.compile(rf"(?:;|,\s+and|,\s+while)\s+(?:(?:[Ee]xisting|[Nn]ew|[Rr]eturning)\s+(?:investors?|backers?)\s+)?"
                           rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s+(?:also\s+)?"
                           r"(?:joined|took part in|participated in|came into|invested in)\s+(?:the|this)\s+(?:round|raise|financing)\b")
# "..., as did Falcon Ridge Ventures": more of them
_NUMBERED = rf"{NAME}(?:\s\d{{1,2}}\b)?"  # "SoftBank Vision Fund 2"
# a lender as the subject, the borrower the sentence's company: "Magnetar provided a $60 million GPU-financing line"
_LENT = re.compile(rf"(?P<i>{NAME})\s+(?:has\s+|also\s+|then\s+)?(?:provided|extended|arranged|lent|underwrote)\s+(?:a|an)\s+"
                   r"(?:[$€£¥₹₩]|[A-Z]{1,3}\$|[A-Z]{3}\s)\s?\d")
_LED_WITH = re.compile(rf"\b(?:co-)?led\s+by\s+{NAME}(?:\s*(?:,|and|&)\s*{NAME})*\s+with\s+(?P<names>{_NUMBERED}(?:\s*(?:,|and|&)\s*{_NUMBERED})*)")
_AS_DID = re.compile(rf",\s+as\s+did\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)")

# "Quasar Cloud's Series B was joined by Ember Ventures": more investors in the round just read
_JOINED_BY = re.compile(rf"\b(?:was|were|has been)\s+(?:also\s+)?joined\s+by\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)")

_ROUNDS_OF = re.compile(rf"\b{ROUNDS_OF}\s+(?P<c>{NAME})")

_ROUND_LED = re.compile(r"\s*(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:round|raise|financing|extension|investment)\s+"
                        r"(?:was|is|has been)\s+(?:co-)?led\s+by\b")

# "Existing investors Sequoia Capital and Pelham Ridge Ventures led the round.", "Greyloch Capital led; ...":
# the leads of the round just read, told in the sentence after it
# a headline's "$6.5M seed round for Quillet Labs": a round, told as a noun, and whose
_ROUND_FOR = re.compile(r"\b(?:Series\s+[A-H]\d?|(?:[Pp]re-)?[Ss]eed|round|[Ee]xtension)\s+(?:round\s+)?for\s+(?=[A-Z])")
# ... or in a relative clause: "the $135 million Series B, which Lightspeed led at a $900 million valuation"
_LED_AFTER = re.compile(rf"[,;]\s+(?P<which>which\s+)?(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s+(?:co-)?led(?P<space>\s*)"
                        rf"(?=[.;]|$|,\s+{NAME}(?:\s*(?:,|and|&)\s*{NAME})*\s+(?:joined|participated|took part|followed)\b|"
                        r"(?(which)(?:at|with)\s|(?!)))")
_LED_IT = re.compile(rf"(?:(?:[Ee]xisting|[Nn]ew|[Rr]eturning)\s+(?:investors?|backers?|shareholders?)\s+)?"
                     # ("Mandala Group, the Indonesian conglomerate, led the round")
                     rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)(?:,\s+(?:the|an?|its|our)\s+[^,;]{{1,60}},)?\s+(?:co-)?led"
                     r"(?:\s+(?:the|this|that)\s+(?:round|raise|financing|deal|investment))?\s*(?=[;,.]|$|and\s)")

_THEN_JOINED = re.compile(r"\s*(?:[;,]\s*)?(?:and\s+|with\s+)?(?P<names>[^\W\d_][^;.]*?)\s+(?:also\s+)?(?:participated|"
                         r"participating|joined|took part|followed|invested|came back in|came back|returned|re-upped)\b")
_EXISTING = re.compile(rf"\b[Ee]xisting\s+(?:investors?|backers?|shareholders?)\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)")

# "The extension drew Elaia Partners and Kima Growth": more investors in the round just read
_DREW = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:round|extension|raise|financing)\s+(?:also\s+)?(?:drew|attracted)\s+"
                   rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)")

# "$900M post-money valuation", "At $2.6 billion pre-money"
_VALUATION_NOUN = re.compile(r"(?:(?:pre|post)[- ]money\b|valuation\b)", re.I)

# "valuing the company at $14B", "valued Fjellhav at €900M", "post-money valuation of $4.2B": the
# number after is the valuation
_VALUED_BEFORE = re.compile(r"\b[Vv]alu(?:ing|ed|ation)\s+(?:(?:of|at)\s+)?(?:(?:the company|the firm|it|"
                            r"the\s+(?:[\w-]+\s+){0,2}?(?:startup|company|firm|chipmaker|provider|neocloud|business)|"
                            rf"{UPPER}[\w.'’-]*(?:\s+{UPPER}[\w.'’-]*){{0,3}})\s+)?(?:at\s+)?"
                            r"(?:~|about\s+|roughly\s+|around\s+|nearly\s+|as much as\s+|up to\s+|over\s+|more than\s+)?$")

# "Series A at $250M", "a seed round at a $40M post-money valuation": a round told by its valuation
_ROUND_AT = re.compile(r"(?:Series\s+[A-H]\d?|[Ss]eed|round)\s+at\s+(?:an?\s+)?$")

_POST = re.compile(r"(?:^|[;,(]\s*)(?:post|pre)(?:-money)?\s*:?\s*$", re.I)  # "...; post $900M": a changelog's valuation

_ROUND_VALUATION = re.compile(r"\b(?:the round|the deal|the financing|the raise|it)\b[^.]*\bvalu(?:ed|es|ing|ation)\b", re.I)
# "... closed a $275 million Series C. The post-money valuation was $2.1 billion": the round's, in the same paragraph
# "It also disclosed ... a three-year agreement valued at $310 million": what a contract is worth, not the round's valuation
_CONTRACT_VALUED = re.compile(r"\b(?:agreement|contract|lease|order|partnership|commitment|offtake|design win)\s+"
                              r"(?:\w+\s+){0,2}?(?:valued|worth)\b", re.I)
_THE_VALUATION = re.compile(r"(?:(?:The|Its)\s+(?:post-money\s+|pre-money\s+)?valuation\s+(?:was|is|came in at|stood at)\b|"
                            # a digest's "Post-money: $1.1B.", a thread's "Post ~$310M."
                            r"(?:Post|Pre)(?:-money)?(?:\s+valuation)?\s*(?::|(?=~?\$\s?\d)))")

_SIGN = r"(?:[A-Z]{1,2}\$|[$€£¥₹₩])"  # a currency sign, or a dollar named by its country ("US$600 million", "C$30 million")
_RAISING = re.compile(r"\b(?:(?:is|are)\s+(?:now\s+|reportedly\s+)?raising|" + SEEKING
                      + r")\s+(?:about\s+|up to\s+|some\s+|roughly\s+|around\s+|as much as\s+)?" + _SIGN)

# ("listed on Nasdaq on 6 February 2025, selling 20 million shares at $31 apiece to raise $620 million")
_OFFERED = re.compile(r"\b(?:sold|issued|offered|placed|selling|issuing|offering|placing)\s+(?:about\s+)?[\d.,]+\s*"
                      r"(?:million|billion|m|bn)?\s+(?:new\s+|ordinary\s+|[A-Z]\s+|class\s+\w+\s+)?shares\b(?:[^.;]|\.\d)*?"
                      r"\b(?:raising|to\s+raise)\s+")
LISTING = re.compile(r"\b(?:IPO|listed|listing|lists|floated|flotation|debut|went public)\b")
# "Dunmore AI raised £55m in September 2025": a dated raise is a round, its type untold
_RAISED_AMOUNT = re.compile(r"\b(?:raised|raises|secured|secures|closed|landed)\s+(?:about\s+|roughly\s+|some\s+|nearly\s+)?"
                            rf"(?:{_SIGN}|[A-Z]{{3}}\s?\d)")

# "raised $40M from Kettlebrook Ventures and Lanyard Partners": money from named investors is a round
_RAISED_FROM = re.compile(r"\b(?:raised|raises|secured|secures|closed|landed)\s+[^.;]{1,30}?\bfrom\s+(?=[A-Z])")
# "a Form D disclosing $212 million raised of a $300 million offering": the amount, then its verb
_AMOUNT_RAISED = re.compile(rf"(?:{_SIGN}|[A-Z]{{3}}\s?)\d[\d.,]*\s?(?:million|billion|bn|mn|[MBK])?\s+(?:raised|sold)\b")

_ROUND_VERBS = r"(?:(?:has\s+|have\s+)?(?:raised|closed|secured|landed|received|announced|priced|issued)\b|" \
    r"(?:was|is|came)\s+back\s+with\b|returned\s+with\b|" + SEEKING + ")"  # "... and Saltcote was back with a $135M Series B"

# where a sentence turns to another company's round: ", while Solace Compute raised ..."
_ROUND_CLAUSES = re.compile(r",\s+(?:and\s+)?then\s+(?=(?:stacked|added|took|raised|closed|secured|signed|drew|landed)\s+(?:a|an|another)\s)|"
                            # "..., then stacked a £45 million GPU-backed debt facility from Penmarric Credit": a round of its own
                            rf"(?:,\s+(?:while|whereas|and|but)|;|\s+and)\s+(?={NAME}(?:,[^,;]{{1,60}},|,\s+(?:an?|the)\s[^;]{{1,80}}?,)?\s+{_ROUND_VERBS})"
                            # "..., and Brimwick Compute, the Denver neocloud, added B200 ... after closing a Series B": a
                            # clause with its own subject, told apart by an appositive
                            rf"|,\s+(?:and|while|but)\s+(?={NAME},\s+(?:an?|the)\s[^,;]{{1,60}},\s+[a-z]+)"
                            # "raised $300M of debt ..., on top of a $150M Series C in January 2025 led by X"
                            r"|,?\s+(?:on top of|in addition to|following|after)\s+(?=(?:a|an|its)\s+[$€£¥₹][\d.,]+\s?"
                            r"(?:million|billion|bn|mn|[MBK])?\s+(?:[\w-]+\s+){0,2}?(?:Series|[Ss]eed|round|debt|financing)\b)")

def _own_rounds(text: str) -> list[str]:
    """'a $160M Series B led by Accel; in 2025 it added a $600 million debt facility from Blackstone':
    the parts between semicolons when each tells a round of its own (a named type and an amount; not
    "...; the round was led by X and valued Y at €900 million", which adds to the round before).
    'raised a €12M seed in 2022 and a €45M Series A in 2023 led by X': a round joined to the one
    before as a noun phrase, which the part starts with ``_JOINED`` to say (its verb and company
    are the first round's)."""
    pieces = text.split("; ")
    if len(pieces) > 1 and all(_tells_round(p) for p in pieces):
        return pieces
    pieces = _AND_ROUND.split(text)
    # ... or, the type untold, each part an amount and a date: "raised $20M in 2024 and another $30M in 2025"
    if len(pieces) > 1 and (all(_tells_round(p) for p in pieces)
                            or _FUNDING_VERB.search(pieces[0]) and all(_dated_amount(p) for p in pieces)):
        return [pieces[0], *(_JOINED + p for p in pieces[1:])]
    return [text]


def _dated_amount(text: str) -> bool:
    """An amount and a date, and no other measure the amount could be ("and $30M in revenue in 2025")."""
    return any(q.currency for q in find_quantities(text)) and first_date(text) is not None and not _MONEY_WORD.search(text)


def _tells_round(text: str) -> bool:
    return any(kind != "unspecified" for kind, _, _ in lexicon.find("round_types", text)) \
        and any(q.currency for q in find_quantities(text))


_JOINED = "\0"
# ", and a €45M Series A", ", followed by a $75M Series B", " then an A$20 million extension"
# ... or an investor's next round of the same company: "led its $40M Series A and doubled down in the $135M Series B"
_AND_ROUND = re.compile(r",?\s+(?:and(?:\s+then)?|then|followed\s+by|and\s+later)\s+"
                        r"(?:(?:also\s+)?(?:doubled\s+down|joined|participated|invested|followed\s+on|came\s+back|returned|re-upped)"
                        r"\s+(?:(?:in|into|for)\s+)?(?=the\s))?"
                        r"(?=(?:(?:a|an|another|a\s+further|the)\s+)?(?:[$€£¥₹₩]|[A-Z]{1,3}\$|[A-Z]{3}\s)\s?\d)")


_EACH = re.compile(rf"(?P<names>{NAME}(?:\s*(?:,|\band\b|&)\s*{NAME})+)\s+(?:each|both)\s+{_ROUND_VERBS}")


def _beside_round(state: State, text: str, source: Source, company: str) -> None:
    """'~22k H100s; $1.1B raised to date; last valued at $4B (Series C, Mar 2025)': what a clause of
    its own tells beside a round, its counts and the company's total (other money is the round's)."""
    for part in _PARTS.split(text) if _PARTS.search(text) else ():
        if lexicon.find("round_types", part):
            continue
        if _CUMULATIVE.search(part) or not _FUNDING_VERB.search(part) and \
                any(q.unit and not q.currency for q in find_quantities(part)):
            figures(state, company, part, source, prose=True)
    for m in _OF_WHICH.finditer(text):  # "Gross proceeds $1.08 billion, of which $931.5 million to the company": a part
        figures(state, company, text[m.end():], source, prose=True)


# "; ", and ", including": "has raised $1.1 billion in total, including a $600 million debt facility"
_PARTS = re.compile(r";\s|,\s+including\s+")
_OF_WHICH = re.compile(r",\s+of\s+which\s+(?=(?:about\s+|~)?(?:[A-Z]{1,2}\$|[$€£¥₹₩]|[A-Z]{3}\s?\d))")


def _counts_in_round(state: State, text: str, source: Source, company: str) -> None:
    """'it borrowed $180 million from Stonecrop Capital against 4,200 A100 and H100 GPUs': what the
    round's own clause counts of the company (its money is the round's)."""
    if _PARTS.search(text):  # parts of their own are read by ``_beside_round``
        return
    read: set[int] = set()
    for q in find_quantities(text):
        if not q.currency and q.unit == "count" and _SHARES_AFTER.match(text, q.end):
            # the shares an offering sold ("selling 20 million shares at $31 apiece to raise $620 million"): kept,
            # though no measure counts shares
            add(state, Observation(source, company, "unclassified", q, segment="shares"), ("company", company))
            continue
        if q.currency or q.unit != "count" or not counted(q):
            continue
        clause = next(c for c in clauses(text) if c.start <= q.start <= c.end)
        # "It arranged Cindral Cloud's $1.1 billion loan ..., secured on about 24,000 H200 GPUs": the GPUs a loan is
        # secured on are the borrower's, though the sentence is about the lender
        pledged = state.last_round and state.last_round.source == source \
            and _SECURED_ON.search(text, max(0, q.start - 40), q.start)
        if clause.start not in read:
            read.add(clause.start)
            masked = clause.text
            for money in find_quantities(clause.text):
                if money.currency or money.unit == "percent":
                    masked = masked[:money.start] + " " * (money.end - money.start) + masked[money.end:]
            figures(state, state.last_round.company if pledged else company, masked, source, prose=True)


_SECURED_ON = re.compile(r"\b(?:secured|collateralized|collateralised|backed)\s+(?:on|by|with)\b|\bagainst\b|\bpledg", re.I)


def _part_at(text: str, at: int) -> str:
    """The part of ``text`` (see ``_PARTS``) that holds position ``at``."""
    starts = [0] + [m.end() for m in _PARTS.finditer(text)]
    start = max(s for s in starts if s <= at)
    end = next((m.start() for m in _PARTS.finditer(text) if m.start() >= at), len(text))
    return text[start:end]


def _total_beside_round(state: State, text: str, source: Source, company: str) -> None:
    """'..., bringing its total funding to $210 million': a company's total told in a clause of its
    own beside a round (the round's other numbers are its amount and valuation); 'has raised about
    $1.1 billion of equity, most recently a $350 million Series D': the total before its latest round."""
    for clause in clauses(text):
        if _TOTAL_CLAUSE.search(clause.text) and any(q.currency for q in find_quantities(clause.text)):
            figures(state, company, clause.text, source, metric="total-raised")
    for q in find_quantities(text):
        if q.currency and _THEN_LATEST.match(text, q.end):
            figures(state, company, text[:q.end], source, metric="total-raised")
            break


_THEN_LATEST = re.compile(r"[^.;,$€£]{0,40}[,;]\s+(?:most recently|the latest|the last(?:\s+money\s+in\s+was)?|including|ending with|"
                          r"most of it|of which)\s+(?:a|an|its|the)\b")
_BACKERS_OF_ALL = re.compile(r"\braised\s+(?:about\s+|roughly\s+|some\s+|nearly\s+|more than\s+)?(?:[A-Z]{1,2}\$|[$€£¥₹₩]|[A-Z]{3}\s?)"
                             r"\s?[\d.,]+\s?(?:million|billion|bn|mn|[MBK])?(?:\s+(?:in total|to date|in all|of equity|in equity|so far))?"
                             rf"(?P<from>\s+from\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*))"
                             r"\s*[,;]\s+(?:most recently|the latest|the last|including|ending with|most of it|of which)\b")
_TOTAL_CLAUSE = re.compile(r"\b(?:bringing|taking|lifting|pushing)\b[^.]*\btotal\b", re.I)


# "And Sorvanne Compute, three days after its Series B, signed a $250 million GPU-backed debt facility": a round told
# only to date another
# "Gross proceeds $1.08 billion, of which $931.5 million to the company": an offering's sum, first in its line
_PROCEEDS = re.compile(r"(?:[Gg]ross|IPO|[Oo]ffering|[Tt]otal)\s+proceeds\s*(?:of|were|was|:|totall?ed|came to|reached)?\s*(?:about\s+|~)?"
                       r"(?=(?:[A-Z]{1,2}\$|[$€£¥₹₩]|[A-Z]{3}\s?\d))")
_TICKER = re.compile(r"\((?:Nasdaq|NASDAQ|NYSE|LSE|TSX|ASX|HKEX|TSE|SGX|Euronext)\s*:\s*[A-Z.]{1,6}\)")
_REPAID_WITH = re.compile(r"\b(?P<old>repaid|refinanced|paid\s+off|retired)\s+(?:the|its|an?)\s+[^;]*?\bwith\s+(?=(?:a|an|the)\s+"
                          r"(?:new\s+)?(?:[$€£¥₹₩]|[A-Z]{1,3}\$|[A-Z]{3}\s)\s?\d)")
_COMPUTE_BOUGHT = re.compile(r"\b(?:GPU-hours?|per\s+GPU|draw\s+(?:up\s+to|down)|take-or-pay|reserved\s+capacity)\b", re.I)
_KINDS_JOINED = re.compile(r"\s+(?:(?:plus|as\s+well\s+as)\s+(?:(?:the|its|a|an)\s+)?|and\s+(?:the|its)\s+)")
_DEAL_PRICE = re.compile(r"\b(?:acquir(?:e|es|ed|ing)|acquisition|purchased?|bought|buy(?:s|ing)?|takeover|sale)\b[^.;]{0,160}?"
                         r"\bfor\s+(?:(?:about|roughly|around|nearly|some|approximately|an?\s+undisclosed)\s+)?$", re.I)
_FAILED_TO = re.compile(r"\b(?:fail(?:ed|s|ing)?|unable|could\s+not|couldn['’]t)\s+to\s+(?:raise|close|secure|land|complete)\s+"
                        r"(?:(?:a|an|its|the|their)\s+)?(?:[\w$€£.-]+\s+){0,2}$")
_SINCE_ROUND = re.compile(r"\b(?:after|before|since|following)\s+(?:its|their|the)\s+$")
_ROUND_PRICE = re.compile(r"\s+(?:price|priced|range|pop|lock-up|lockup|share price)\b", re.I)
# "a down round at a $300 million valuation, down from $1.1 billion at the company's Series B": a round named for its
# valuation then, not one told
AT_ITS_ROUND = re.compile(r"\b(?:down|up)\s+from\s+[$€£¥₹]?\s?[\d.,]+\s?(?:million|billion|bn|mn|[MBK])?\s+(?:at|in)\s+"
                          r"(?:its|the\s+company['’]s|[A-Z][\w-]*['’]s)\s+$")


def _prose_round(state: State, text: str, source: Source, context: str | None, *, joined: bool = False) -> bool:
    """'In March 2025, Acme raised a $150M Series B led by X, with participation from Y.' and its kin;
    ``joined``: a round told as a noun phrase after the one before, of the same company (``_own_rounds``)."""
    if AWARD.search(text):  # "CSCA awarded Laurentide GPU Cloud a C$850 million contract": a contract won, no round
        return False
    # ("still 37% below the IPO price", "at its Series C price": a price a round set, no round told)
    types = [t for t in lexicon.find("round_types", text) if not _ROUND_PRICE.match(text, t[2])
             and not AT_ITS_ROUND.search(text, max(0, t[1] - 60), t[1]) and not _SINCE_ROUND.search(text, max(0, t[1] - 30), t[1])]
    if _COMPUTE_BOUGHT.search(text):  # "a $17.5 million flexible commitment ... lets us draw up to 1,024 H100s": a purchase
        types = [t for t in types if t[0] != "strategic-commitment"]
    if any(_FAILED_TO.search(text, max(0, t[1] - 40), t[1]) for t in types):
        return False  # "shut down in July 2025 after failing to raise a Series A": a round that did not happen
    if any(a[0] != b[0] and _KINDS_JOINED.fullmatch(text, a[2], b[1]) for a, b in zip(types, types[1:])) \
            and len([q for q in find_quantities(text) if q.currency]) == 1:
        return False  # "the Series B plus the GPU-backed facility from X, $415 million raised in 2025": the sum of two
    types = [t for t in types if t[0] != "unspecified"] or types
    # (not "priced its IPO at $21": a share's price, no round's amount, is the only sum so small)
    money = [q for q in find_quantities(text) if q.currency and not q.per and (q.high or q.value or 0) >= 10_000
             and not _FUND_NAMED.match(text, q.end)  # (not "closed its $3.4 billion Fund II": a fund's size)
             # (nor "its acquisition of X ... for $340 million")
             and not _DEAL_PRICE.search(text, max(0, q.start - 200), q.start)]
    if not types and money and not _CUMULATIVE.search(text) and (
            _FUNDING_VERB.search(text) and re.search(_LEADS, text) or _RAISING.search(text)
            or (_RAISED_AMOUNT.search(text) or _AMOUNT_RAISED.search(text)) and (first_date(text) or _RAISED_FROM.search(text))
            or investor_subject(text)):
        # "raised $50 million at a $1 billion valuation, led by X", "is raising $300M at a $3B
        # valuation": a round, type untold (the second sought)
        # "granted €60 million to X": a grant, by its verb
        types = [("grant" if _GRANTED.search(text) else "unspecified", 0, 0)]
    elif not types and money and joined and first_date(text):  # "... and another $30M in 2025"
        types = [("unspecified", 0, 0)]
    offered = (_OFFERED.search(text) or _PROCEEDS.match(text)) if not types and money else None
    if offered:  # "It sold 185 million new shares at A$1.60 each, raising A$296 million": under a listing, its IPO
        # (and "Gross proceeds $1.08 billion, of which ..." under "## Veymouth Cloud (Nasdaq: VYMC)")
        types = [("ipo" if LISTING.search(" ".join((text, *state.section))) or _TICKER.search(" ".join(state.section))
                  else "unspecified", 0, 0)]
    undisclosed = _UNDISCLOSED_RAISE.search(text) if not money else None
    if undisclosed and not types:  # "raised an undisclosed sum from Intel Capital in June 2024"
        types = [("unspecified", 0, 0)]
    named_type = any(t[0] != "unspecified" for t in types)  # "$520M debt financing (November 2025) from X"
    # "Solace Compute closed a Series C led by Granite Peak Ventures": a round whose amount is not told, known by its
    # type, its date ("closed a funding round led by X in June 2024") or its amount said to be untold
    # (not "invested in Halden Cloud's Series C alongside Crestline Ventures": what they back, their round's amount untold)
    untold = not money and _FUNDING_VERB.search(text) and (
        undisclosed or named_type and re.search(_LEADS, text)
        or types and first_date(text) and (re.search(_LEADS, text) or _NAMED_PARTICIPANTS.search(text)))
    valued_by = named_type and not _FUNDING_VERB.search(text) and _ROUND_VALUED.match(text)
    if valued_by and state.last_round and not (valued_by.group("own") or valued_by.group("c")):
        valued_by = None  # "The Series B valued Orrinvale at ...": of the round just read, as its sequel reads it
    lent = _LENT.match(text) if named_type and money else None  # "Magnetar provided a $60 million GPU-financing line"
    bracket = _TYPE_THEN_BRACKET.match(text) if named_type else None
    told = joined or offered or _FUNDING_VERB.search(text) or valued_by or lent or _ACTIVE_LEAD.search(text) \
        or _AND_LED.search(text) \
        or investor_subject(text) or _TOOK_PART_IN.search(text) \
        or named_type and (_NAMED_PARTICIPANTS.search(text) or _ROUND_AT.search(text[:money[0].start] if money else "")
                           or _TOLD_AFTER_COLON.search(text) or re.search(_LEADS, text)
                           or _VALUED_IN_ROUND.search(text) or _SEEKS_ROUND.search(text) or _ROUND_FOR.search(text)
                           or bracket or _LAST_ROUND_WAS.search(text) or _BACKERS_PUT_IN.search(text))
    # "The round valued Thornvale at $3.6 billion and brings the equity we have raised to ...": the round just read
    # ... and "Temasek led the round, with EDBI participating, at a post-money valuation of S$1.05 billion"
    sequel = state.last_round and not named_type and (_THE_ROUND_OPENS.match(text) or _LED_IT.match(text)
                                                      and source.line - state.last_round.source.line <= 1)
    if not types or not (money or untold) or not told or sequel:
        return _round_sequel(state, text, source)
    keep = state.names.spelled_in(text)
    marked = [trim_name(state, m.group("n")) for m in MARKED_LEAD.finditer(text)]
    listed = MARKED_LEAD.sub(lambda m: m.group("n"), text)  # "(lead)" would end the list it stands in
    leads = names_after(state, listed, _LEADS)
    active = _ACTIVE_LEAD.search(listed) or _LEADING_ITS.search(listed)
    if active and not leads:
        leads = split_names(active.group("names"), keep)
    if not leads and _AND_LED.search(listed):  # "X participated in ..., and led a $60M Series B in Y"
        leads = [n for n in (opening_name(state, text),) if n]
    leads += [n for n in marked if n not in leads]
    # every list of them: "with Blackstone as lead lender, joined by Macquarie Group and Ardenholt Capital"
    participants = list(dict.fromkeys(n for m in re.finditer(_PARTICIPANTS, listed, re.I)
                                      for n in split_names(clause_after(listed, m.end()), keep) if n not in leads))
    took_part = _TOOK_PART_IN.search(listed)  # "Wrenhollow Ventures participated in Kiverra Compute's Series A"
    if took_part:
        participants += split_names(took_part.group("names"), keep)
    put_in = _BACKERS_PUT_IN.search(listed)  # "existing investors X and Y put in a £30 million bridge round"
    if put_in:  # (in the company the paragraph is about)
        participants += [n for n in split_names(put_in.group("names"), keep) if n not in leads]
        context = context or state.previous
    for later in _JOINED_LATER.finditer(listed):
        participants += [n for n in split_names(later.group("names"), keep) if n not in leads]
    led_with = _LED_WITH.search(listed)
    if led_with:  # "led by Moesa Growth Equity with SoftBank Vision Fund 2"
        participants += [n for n in split_names(led_with.group("names"), keep) if n not in leads]
    participating = PARTICIPATING.search(listed)
    if participating:  # "led by X, NVIDIA participating": NVIDIA is no lead
        participants += split_names(participating.group("names"), keep)
        leads = [n for n in leads if n not in participants]
    if bracket:  # "Seed ($4M, 2020, Hustle Fund)": the names among the bracket's parts took part, whether they led is not said
        parts = [part.strip() for part in re.split(r"[,;]", bracket.group("inside"))]
        participants += [n for part in parts if ":" not in part and not find_quantities(part) and not first_date(part)
                         and not lexicon.find("round_types", part) for n in split_names(part, keep) if looks_like_name(n)
                         and n not in leads]
    if lent and not investor_subject(text):
        participants.append(trim_name(state, lent.group("i")))
    subject_investor = investor_subject(text)
    if subject_investor and borrower_signed(state, subject_investor, context):
        participants.append(trim_name(state, subject_investor.group("c")))
        borrower = subject_investor.group("i")
        context = context if PRONOUN.fullmatch(borrower) else trim_name(state, borrower)
        subject_investor = None
    elif subject_investor:
        participants.append(whole_name(state, text, subject_investor))
    # "Series B, Kleiner led it": the round's name is no lead; "a platform led by CEO Wanjiru Kamau": nor its chief
    leads = [n for n in leads if n and not is_round_name(n) and not TITLE_BEFORE.match(n)]
    # (nor is a state or region an investor: "rents out 6,500 H100s from sites in Texas and Georgia")
    # (nor a month: "a one-year commitment from May 2025")
    participants = [n for n in participants if n and n.lower() not in lexicon.words("places", "regions") and n not in MONTH_NAMES
                    and not is_round_name(n)]  # (nor "Series A" of "..., and the Series A it closed in November was ...")
    awarded = _AWARDED_OBJECT.search(text)
    if awarded:  # "the Ministry ... (MCIT) awarded the company a SAR 750 million grant": the ministry gives, the company gets
        abbr = awarded.group("abbr")  # ("the Ministry of Digital Economy (MDE)": the name it stands for)
        giver = abbr and dict(abbreviations(text)).get(abbr) or trim_name(state, awarded.group("g")) or abbr
        if giver and not any(mentioned(giver, named) for named in participants):  # (not "ICT" of the Ministry of Science and ICT)
            participants.append(giver)
        context = (context or state.previous) if PRONOUN.fullmatch(awarded.group("c")) or awarded.group("c") == "the company" \
            else trim_name(state, awarded.group("c"))
    investors = set(leads) | set(participants)
    # "approved a ¥5.2 billion subsidy for Fujimi's Hokkaido data center": for Fujimi
    company = trim_name(state, re.split(r"['’]s\b", subject_investor.group("c"))[0]) if subject_investor else None
    company = company or (context if joined else valued_company(state, valued_by, context) if valued_by
                          else funded_company(state, text, investors, context))
    if not company and investors and state.list_subject and state.list_subject not in investors:
        # "Its current investors include:" over "**Sequoia Capital**, which led the $260 million Series B ...": its round
        company = state.list_subject
    if not company:
        return False
    # "The EIB signed a facility with Atlantica GPU": the company the facility is with is no lender of its own
    participants = [n for n in participants if n != company]
    leads = [n for n in leads if n != company]  # "In a round led by Foo Capital, Acme raised ...": Acme leads no round of its own
    valuation = next((q for q in money if is_valuation(text, q)), None)
    pieces = clauses(text)
    if valuation and _of_other_round(pieces, valuation, types[0][0]):
        # "Vauderon, whose Series A priced Talvera at CHF 140 million post-money, also put money into the Series B"
        valuation = None
    # "$1.1B raised to date; last valued at $4B (Series C, Mar 2025)": a total is no round's amount
    # and a price per share is no round's amount: "priced at $28 per share, raising $1.1 billion"
    amount = next((q for q in money if q is not valuation and not q.per and (not offered or q.start >= offered.end())
                   and not _CUMULATIVE.search(_part_at(text, q.start)) and not _THEN_LATEST.match(text, q.end)
                   and not _DEBT_STOCK.match(text, q.end) and not _of_other_round(pieces, q, types[0][0])), None)
    # "added B200 at $5.25 on 12 November after closing a $95 million Series B": the amount the round is named with
    named_with = next((q for q in money if q is not valuation and not q.per and _AMOUNT_THEN_TYPE.fullmatch(text, q.end, types[0][1])),
                      None) if named_type else None
    amount = named_with or amount
    if amount is None and money and not investors and valuation is None and not untold:
        return False  # "has raised SGD 25 million in seed and Series A funding since its founding": a total, no round
    at = types[0][1] if named_type else amount.start if amount else None  # where the round is told
    each = _EACH.search(text)  # "Vireo Cloud and Solace Compute each closed $20M seed rounds"
    for company in split_names(each.group("names"), state.names.spelled_in(text)) if each else [company]:
        fact = Round(source, company, types[0][0], amount, _round_date(state, text, pieces, at, types[0][0]), tuple(leads),
                     tuple(p for p in dict.fromkeys(participants) if p not in leads), valuation, qualifiers(text))
        add(state, fact, ("company", company), *[("investor", n) for n in fact.leads + fact.participants])
        state.last_round = fact
    return True


# "Against roughly $512 million of secured debt, that price implies ...": what is owed, no financing
_DEBT_STOCK = re.compile(r"\s+of\s+(?:(?:secured|unsecured|outstanding|existing|total|senior|net|funded)\s+){1,2}(?:debt|borrowings|liabilities|claims)\b")
# "$95 million Series B", "$40M equity round" (not "SGD 25 million in seed and Series A funding", a total)
_AMOUNT_THEN_TYPE = re.compile(r"\s+(?:(?!(?:in|of|for|from|and|to)\s)[\w-]+\s+)?")


# "Vintry Labs ... took the same medicine: a US$45 million Series B in August 2025": a round told as a
# noun phrase after a colon, with its amount and date
_TOLD_AFTER_COLON = re.compile(r":\s+(?:an?|its)\s+(?:[$€£¥₹₩]|[A-Z]{2,3}\$?\s?)\s?[\d.,]+\s?(?:million|billion|bn|mn|[MBK])?\s+"
                               r"(?:[\w-]+\s+){0,2}?(?:Series\s+[A-H]\d?|[Ss]eed|round|[Ee]xtension|[Bb]ridge)\b"
                               r"[^.;]{0,20}?\b(?:in|on)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d")


# "Its 2023 seed round valued the company at €50M", "Orbiton's Series B, in 2024, valued it at $1.2B": a round
# told by the valuation it set
_ROUND_VALUED = re.compile(rf"(?:(?P<own>[Ii]ts|[Tt]heir)\s+|(?:[Tt]he|[Tt]hat|[Tt]his)\s+|(?P<c>{NAME})['’]s\s+)(?:[\w-]+\s+){{0,3}}?"
                           r"(?:round|Series\s+[A-H]\d?|seed|extension|IPO)\b[^.;$€£¥₹]{0,40}?\bvalu(?:ed|ing)\b")


# "the company is seeking a €150 million Series C": a round sought (the qualifier says so)
_SEEKS_ROUND = re.compile(r"\b(?:is|are|was|were)\s+(?:now\s+|reportedly\s+|also\s+)?(?:seeking|raising|looking\s+for|shopping)\s+"
                          r"(?:a|an)\s+(?:[$€£¥₹₩]|[A-Z]{1,3}\$|[A-Z]{3}\s)\s?\d")
# "Gravenor ... was valued at $150 million in its 2024 Series A"
_VALUED_IN_ROUND = re.compile(r"\bvalued\s+at\s+[^.;]{1,40}?\s+in\s+(?:its|the|a|an)\s+(?:\d{4}\s+)?(?:[\w-]+\s+){0,2}?"
                              r"(?:round|Series\s+[A-H]\d?|seed)\b")


def is_valuation(text: str, q: Quantity) -> bool:
    """Whether the amount ``q`` of a round's ``text`` is its valuation: '$1.9 billion post-money
    valuation', 'valuing the company at $14B', 'Series A at $250M', '...; post $900M'."""
    return bool(q.noun and _VALUATION_NOUN.match(q.noun) or _VALUED_BEFORE.search(text[max(0, q.start - 40):q.start])
                or _POST.search(text, 0, q.start) or _ROUND_AT.search(text[max(0, q.start - 30):q.start]))


def _of_other_round(parts: list[Clause], q: Quantity, kind: str) -> bool:
    """Whether the clause (of the sentence's ``parts``) of the sum ``q`` names a round of another kind than ``kind``;
    a relative clause, the round named last before it ('Series A ... and the Series B, which X led at $900M')."""
    at = next((i for i, c in enumerate(parts) if c.start <= q.start <= c.end), None)
    if at is None:
        return False
    named = [other for other, _, _ in lexicon.find("round_types", parts[at].text)]
    if not named and at and _RELATIVE_OPENS.match(parts[at].text):
        named = [other for other, _, _ in sorted(lexicon.find("round_types", parts[at - 1].text), key=lambda f: f[1])][-1:]
    return any(_other_stage(kind, other) for other in named)


_RELATIVE_OPENS = re.compile(r"\s*(?:which|that)\b")


def _other_stage(kind: str, other: str) -> bool:
    """Two staged rounds of one company that cannot be one ('Series A', 'Series B'); not a loan's several names
    ('a GPU-backed loan: a $360 million delayed-draw term loan')."""
    return kind != other and all(_STAGED.match(k) for k in (kind, other))


_STAGED = re.compile(r"(?:pre-)?(?:seed|series-|ipo)")


def _round_date(state: State, text: str, parts: list[Clause], at: int | None, kind: str) -> When | None:
    """The date of the round told at ``at``: of the sentence's dates that are not another event's ('Halvard Cloud,
    founded in 2020, raised a $30M Series A') nor another thing's ('its 2024 Series A', '2024 revenue'), the one
    nearest the round in its own clause ('slipped from March to September, and the Series A it closed in
    November'), else the first; else a month of the report's year ('in June')."""
    dates = [(start, when) for start, end, when in find_dates(text)
             if not _OTHER_EVENT.search(text, max(0, start - 30), start) and not _dates_another(text, start, end, kind)]
    own = next((c for c in parts if c.start <= at <= c.end), None) if at is not None else None
    if own:  # the date nearest the round in its clause: "added B200 on 12 November after closing a Series B ... in October"
        near = [(start, when) for start, when in dates if own.start <= start < own.end]
        near += [(own.start + start, when) for start, _, when in relative_dates(own.text, state.written) if when.iso]
        if near:
            return min(near, key=lambda found: abs(found[0] - at))[1]
    return dates[0][1] if dates else month_told(state, text)


def _dates_another(text: str, start: int, end: int, kind: str) -> bool:
    """Whether the date at ``start:end`` is an attribute of another figure, round or thing: 'on 2024 revenue of
    $340 million', 'down from the valuation of its 2024 Series A' (in a sentence about its Series B), 'the "2025
    Credit Agreement"' (after a determiner)."""
    if _FIGURE_AFTER.match(text, end) or _DEFINED.search(text, max(0, start - 2), start):
        return True
    after = text[end:end + 30]
    hits = lexicon.find("round_types", after) if after[:1].isspace() else []
    if hits and not after[:hits[0][1]].strip():
        return _other_stage(kind, hits[0][0])
    return bool(_DETERMINER.search(text, max(0, start - 12), start) and _WORD_AFTER.match(after))


_FIGURE_AFTER = re.compile(r"\s+(?:revenues?|sales|ARR|valuation|results|earnings|guidance|budget|figures)\b", re.I)
_DETERMINER = re.compile(r"(?:\b(?:the|its|their|this|that|whose)|['’]s)\s+[\"“]?$", re.I)
_WORD_AFTER = re.compile(r"\s+[A-Za-z]")
_DEFINED = re.compile(r"[\"“]$")  # a year that opens a defined term: (the "2025 Credit Agreement")


# (a place may come between: "founded in Pittsburgh in 2020")
_OTHER_EVENT = re.compile(r"\b(?:founded|established|incorporated|formed|started|launched|spun out|since)\s+"
                          r"(?:in\s+[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?\s+)?(?:in\s+|on\s+)?$", re.I)
_GRANTED = re.compile(r"\b(?:granted|awarded)\b(?![^.;]*\b(?:contract|tender|lot)\b)")  # not "awarded X a contract"
_AND_LED = re.compile(r",?\s+and\s+(?:co-)?led\s+(?:a|an)\s+[$€£¥₹]")
# "Investors: KDB Capital (lead), Mirae Asset Venture Investment, SK Square.": who put money in the round just read
_INVESTORS_LISTED = re.compile(r"\s*(?:(?:The\s+)?(?:[Ii]nvestors|[Bb]ackers|[Pp]articipants)(?:\s+in\s+the\s+round)?|"
                               r"[Ii]nvestors\s+included)\s*:\s*(?=[A-Z])")
# "Seed ($4M, 2020, Hustle Fund)", "Series A ($28M, 2022; lead: X)": a line that opens with the round and its amount in brackets
_TYPE_THEN_BRACKET = re.compile(r"\s*(?:[\w+-]+\s+){0,2}?\((?P<inside>\s*(?:[$€£¥₹₩]|[A-Z]{1,3}\$|[A-Z]{3}\s)\s?\d[^()]*)\)")
_THE_ROUND_OPENS = re.compile(r"(?:The|This|That)\s+(?:round|raise|financing|investment)\b")


def _round_sequel(state: State, text: str, source: Source) -> bool:
    """A sentence that adds to the round just read: its valuation, or who else took part."""
    last = state.last_round
    if last is None:
        return False
    other = VALUING_NAME.search(text)
    drew = _DREW.search(text)
    named = trim_name(state, other.group("c")) if other else ""
    if other and named != last.company and not mentioned(last.company, other.group("c")) \
            and named != last.company.split()[0] \
            and (named, last.company) not in state.short_names:  # "The round valued Orrelin at": Orrelin Systems's round
        # "The round drew X and Y, valuing Dunmore AI at £400m": another company's round, which they back
        company = trim_name(state, other.group("c"))
        for investor in split_names(drew.group("names"), state.names.spelled_in(text)) if drew else []:
            add(state, Backing(source, investor, company), ("investor", investor), ("company", company))
        return False
    money = [q for q in find_quantities(text) if q.currency]
    led = _LED_IT.match(text) if source.line - last.source.line <= 1 else None
    listed = _INVESTORS_LISTED.match(text) if source.line - last.source.line <= 1 and not led else None
    valued = money[0] if money and (_ROUND_VALUATION.search(text) and not _CONTRACT_VALUED.search(text)
                                    or _THE_VALUATION.match(text) and source.line == last.source.line) else None
    if led:  # "Greyloch Capital led; NVIDIA and existing backer Halyard Peak Partners participated"
        keep = state.names.spelled_in(text)
        leads = split_names(led.group("names"), keep)
        joined = _THEN_JOINED.match(text, led.end())
        participants = split_names(joined.group("names"), keep) if joined else names_after(state, text, _PARTICIPANTS)
        # "..., at a post-money valuation of S$1.05 billion": the round's valuation as well
        fact = Round(source, last.company, last.kind, leads=tuple(leads),
                     participants=tuple(n for n in participants if n not in leads), valuation=valued)
        # "existing backer Halyard Peak Partners": a backer before this round, too
        for m in _EXISTING.finditer(text):
            for investor in split_names(m.group("names"), keep):
                add(state, Backing(source, investor, last.company), ("investor", investor), ("company", last.company))
    elif listed:
        leads, others = split_marked(text[listed.end():], state.names.spelled_in(text))
        fact = Round(source, last.company, last.kind, leads=tuple(leads), participants=tuple(others))
    elif valued:
        fact = Round(source, last.company, last.kind, valuation=valued)
    elif _ROUND_LED.match(text):  # "The round was led by Fore Ventures, with participation from Seedcamp."
        participating = PARTICIPATING.search(text)  # "...; Seedcamp and LocalGlobe followed on."
        others = split_names(participating.group("names"), state.names.spelled_in(text)) if participating else []
        leads = [n for n in names_after(state, text, _LEADS) if n not in others]
        fact = Round(source, last.company, last.kind, leads=tuple(leads),
                     participants=tuple(n for n in dict.fromkeys(names_after(state, text, _PARTICIPANTS) + others)
                                        if n not in leads))
    else:
        joined = _ALSO_JOINED.search(text) or _JOINED_BY.search(text) or drew
        # "NIIF was joined by SBI Ventures": joined in the round by one of its investors, or the company named
        investors = last.leads + last.participants
        investors += tuple(short for short, full in state.short_names if full in investors)  # "NIIF" for its full name
        backer = joined and joined.re is _JOINED_BY and any(mentioned(n, text[:joined.start()]) for n in investors)
        if not joined or (joined.re is _JOINED_BY and not (mentioned(last.company, text) or backer
                                                          or re.search(r"\bthe round\b", text, re.I))):
            return False
        invested = investor_subject(text) or _ROUNDS_OF.search(text)
        if invested and trim_name(state, invested.group("c")) not in ("", last.company):
            # "Google invested an undisclosed amount in Fluxstack", "X participated in rounds for A and B":
            # other companies, not this round
            return False
        names = split_names(joined.group("names"), frozenset(state.names.names.values()))
        more = _AS_DID.search(text, joined.end())
        names += split_names(more.group("names"), frozenset(state.names.names.values())) if more else []
        fact = Round(source, last.company, last.kind, participants=tuple(names))
    add(state, fact, ("company", last.company), *[("investor", n) for n in fact.leads + fact.participants])
    return True
