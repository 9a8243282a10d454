"""What a number in a line measures: the words around it, a label, a counted noun.

``figures`` asks this module which metric each number is of; what part of it (a segment)
and when come from ``segments`` and ``figures`` itself.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import lexicon
from .amounts import MODEL
from .dates import find_dates
from .records import Quantity


# "up from $48M", "roughly double last year's $48mn": the number after is a baseline
BASELINE = re.compile(r"\b(?:up from|down from|from|compared (?:to|with)|versus|vs\.?|than)\s*$|"
                       r"\b(?:double|triple|twice|half|(?:two|three|four) times)\b[^$€£¥₹\d,;]{0,30}$", re.I)


# "grew 40%", "up 40%", "a CAGR of 35%"; not "made up 40%" nor "up from 35%" (a baseline)
_GROWTH_BEFORE = re.compile(r"\b(?:grew|grow|growing|growth|cagr|increase[ds]?|rose|"
                            r"(?<!made )(?<!makes )(?<!make )up(?!\s+(?:to|from)\b))\b[^,;]{0,20}$", re.I)
# "revenue fell 20%", "utilization was down 12%", "prices dropped by 15%": a fall, a growth rate below zero
FALL_BEFORE = re.compile(r"\b(?:fell|falls|fall|dropped|drops|declined|declines|decreased|decreases|shrank|shrinks|slid|slipped|"
                         r"contracted|down)\s+(?:by\s+)?(?:about\s+|roughly\s+|nearly\s+|some\s+|almost\s+|over\s+|~)?$", re.I)
_IN = re.compile(r"^\s*(?:in\s+|of\s+)?")  # "$2.2 billion of capex"
# ... or the year it is of: "$310M of 2024 revenue", "€40M in FY2025 sales"
_ONE_WORD = re.compile(r"^\s*(?:in\s+|of\s+)?(?:annual\s+)?(?:[a-z][\w-]*|(?:fy\s?)?(?:19|20)\d\d)\s+"
                       r"(?=revenues?\b|sales\b|arr\b|ebitda\b|capex\b|backlog\b)")
# "$40M in annual revenue", "€1.1 billion, four-year capacity agreement": a word for the period
_PERIOD_WORD = re.compile(r"^,?\s*(?:in\s+)?(?:annual|yearly|full-year|(?:[a-z]+|\d+)-year|multi-?year)\s+")


_REVENUE_BY = re.compile(r"\brevenues?\s+(?:mix\s+)?by\s+[\w -]{1,30}:[^:.;]*$", re.I)
_LISTED = re.compile(r"(?:,|;|\band)\s*$")
_MORE_OF_IT = re.compile(r"(?:,|;|\band|\bwith|\bplus)\s+(?:another|a further|an additional|(?:some\s+)?(?:\d+\s+)?more)\s*$",
                         re.I)
_VERSUS = re.compile(r"\b(?:versus|vs\.?|or|against)\s*$", re.I)
_INLINE_LABEL = re.compile(r"(?:^|[.;]\s+)(?P<l>[A-Z][\w -]{0,30}?):\s*(?:about\s+|over\s+|~)?$")
_COUNT_STATE = re.compile(r"\s+(?:deployed|installed|in service|online|live|operated|under management|in operation|"
                          r"(?:in\s+)?total|today|now|owned|leased)", re.I)
_RATIO_METRICS = frozenset({"gross-margin", "utilization", "operating-margin", "renewable-share"})
_LATENCIES = frozenset({"time-to-first-token", "cold-start-time"})
MONEY_METRICS = frozenset({"revenue", "arr", "valuation", "market-cap", "loss", "total-raised", "market-size", "backlog",
                            "capex", "ebitda", "net-income", "contract-value", "fund-size"})


_FUND_BEFORE = re.compile(r"\bFund\s+(?:[IVX]+|\d+)\s*[,(:]\s*$")  # "Fund III, $450M", "Fund II ($210M, 2021 vintage)"
_FUND_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:fund|pool|vehicle)\b(?!\s+(?:its|the|a)\b)")
_MANAGES = re.compile(r"\b(?:manages|managed|oversees)\s+(?:about\s+|roughly\s+|some\s+|over\s+|nearly\s+|more than\s+)?$|"
                      # "closed its second fund at $220 million", "... its third fund, Lowland Infrastructure III, at €320 million"
                      r"\bclosed\s+(?:its|their|a)\s+(?:[\w-]+\s+){0,2}?fund(?:,\s+[^,]{1,60},)?\s+at\s+"
                      r"(?:about\s+|roughly\s+|over\s+|nearly\s+)?$")
_SOLD_ITSELF = re.compile(r"\s*(?:million\s+|billion\s+)?(?:(?:[\w-]+\s+){0,3}?(?:shares|stock|ADSs)\b|"
                          r"(?:[\w-]+\s+){0,3}?(?:GPUs?|cards|accelerators|servers)?\s*to\s+(?:rival\s+|its\s+)?[A-Z])")
_ADDED = re.compile(r"(?:^|[\s(])\+$")
_SHIPPED = re.compile(r"\b(?:shipped|ships|delivered|sold)\s+(?:about\s+|roughly\s+|nearly\s+|some\s+|more than\s+|over\s+)?$")
_SHARES_MOVED = re.compile(r"\b(?:[Ss]hares|[Tt]he stock|[Ii]ts stock)\s+(?:[\w%.,-]+\s+){0,6}?(?:to|at)\s+$")


_RATES = frozenset({"growth-rate", "gross-margin", "operating-margin", "utilization", "market-share", "revenue-share",
                    "customer-concentration", "renewable-share", "power-usage-effectiveness"})


def metric_for(q: Quantity, text: str, label_metric: str | None, intro: str) -> str | None:
    """What a number measures: the words right after it, the label, then the words before it."""
    noun = (q.noun or "").lower()
    before = text[max(0, q.start - 40):q.start]
    after_q = text[q.end:q.end + 60].lower()
    if q.unit == "percent" and is_stake(text, q):
        return "ownership-stake"
    if q.unit in ("percent", "multiple") and (
            re.match(r"\s*(?:growth|yoy|y/y|year[- ](?:over|on)[- ]year|cagr|compound annual|increase|rise|jump|gain)\b", after_q)
            or _GROWTH_BEFORE.search(before) or q.unit == "percent" and FALL_BEFORE.search(before)):
        return "growth-rate"
    if q.currency:
        # "$40M in annual revenue": a word for the period between the number and its noun
        # ... or one word that says of what ("KRW 1.2 trillion in cloud revenue")
        for words in (noun.removeprefix("in "), _IN.sub("", after_q, count=1), _PERIOD_WORD.sub("", after_q, count=1),
                      _ONE_WORD.sub("", after_q, count=1)):
            hit = lexicon.find("amount_nouns", words)
            if hit and hit[0][1] == 0:
                return hit[0][0]
        if q.per:
            return "share-price" if q.per == "share" else "price"
        # "invests from its $2.5 billion Growth Fund III", "a $600 million evergreen pool", "manages roughly $180 billion"
        # (a fund's name may stand between: the words before looked at further back)
        if _FUND_AFTER.match(after_q) or _MANAGES.search(text[max(0, q.start - 100):q.start]) or _FUND_BEFORE.search(before):
            return "fund-size"
        if _SHARES_MOVED.search(before):  # "Shares rose 14% to $87.20", "The stock closed at $58.10"
            return "share-price"
    # (a rate's label says nothing of the money beside the rate: "**Growth:** revenue of $905 million ...";
    # nor an amount's of a multiple: "| EV/2025E revenue |" over "13.1x" is no revenue)
    if label_metric and not (q.currency and label_metric in _RATES) \
            and not (q.unit == "multiple" and label_metric in MONEY_METRICS) \
            and not (q.unit == "percent" and label_metric in lexicon.lexicon()["count_nouns"]) \
            and not (q.unit == "count" and not q.currency and label_metric in _RATES):
        return label_metric
    if q.unit == "count" and _ADDED.search(before):  # "Sablecrest +4k H100s (now 22k)": what was added, not the fleet
        return None
    # "shipped roughly 38,000 accelerator cards in 2025"; but "sold 180 million H shares", or a fleet sold to a buyer ("sold
    # 3,072 H100 GPUs to rival Oskarvale Cloud"), is a sale no metric of ours holds (no shipments, nor a fleet it still has)
    if q.unit == "count" and _SHIPPED.search(before):
        return "unclassified" if _SOLD_ITSELF.match(text, q.end) else "shipments"
    if q.unit == "count" and _CHANGED.search(before) and (counted(q) == "employees" or noun in _PEOPLE):
        return None  # "laid off 72 employees": how many went, not how many there are
    if q.unit == "count" and counted(q):
        return counted(q)
    if q.unit == "count" and _MAKER_MODEL_GPUS.match(text, q.end):  # "8,192 AMD Instinct MI355X GPUs"
        return "gpus"
    if q.unit == "count" and (noun in _PEOPLE or _HEADCOUNT.search(_clause_before(text, q.start))):
        return "employees"  # "cut headcount from 380 to 240", "now employs 95 people"
    inline = _INLINE_LABEL.search(text, 0, q.start)
    hit = lexicon.find("metrics", inline.group("l")) if inline and q.unit == "count" else None
    # "Customers: 140 enterprises.", "GPUs deployed: 14,500": a label of a measure, read as a bold one would be
    if hit and hit[0][1] == 0 and (hit[0][2] == len(inline.group("l")) or _COUNT_STATE.fullmatch(inline.group("l")[hit[0][2]:])):
        return hit[0][0]
    if q.unit in ("gigawatt", "megawatt", "kilowatt"):
        return "power-capacity"
    if q.unit == "token" and q.per == "second":  # "96 tokens per second"
        return "throughput"
    if q.unit == "litre-per-kilowatt-hour":  # "water use near 0.02 L/kWh"
        return "water-usage-effectiveness"
    if q.unit == "count" and (q.high or q.value or 0) < 5 and any(
            h[0] == "power-usage-effectiveness" for h in lexicon.find("metrics", _clause_before(text, q.start))):
        return "power-usage-effectiveness"  # "Their load-weighted PUE improved to 1.22 from 1.29": a ratio, named before
    if q.unit in ("millisecond", "second"):
        # "340 ms to first token", "cold starts under 2 seconds", "TTFT of 210 ms": how fast a service answers
        after = [h[0] for h in lexicon.find("metrics", after_q[:40]) if h[0] in _LATENCIES and h[1] <= 10]
        named = after or [h[0] for h in lexicon.find("metrics", _clause_before(text, q.start)) if h[0] in _LATENCIES][-1:]
        if named:
            return named[0]
    if q.currency:
        # the clause's own words first, then, when they say nothing, its opening ("Its revenue for the
        # 2024 financial year came to £4.1m")
        clause = re.split(r"[,;:]", text[max(0, q.start - 80):q.start])[-1]
        hits = [h for words in (_outside_asides(before), _outside_asides(clause)) for h in lexicon.find("metrics", words)
                if h[0] in MONEY_METRICS
                and not (h[0] == "total-raised" and _RAISED_PRICE.search(words))]  # "raised its H200 rate to €2.95"
        if hits and hits[-1][0] == "valuation" and any(h[0] == "market-size" for h in hits):
            return "market-size"  # "the GPU cloud market was valued at $8.2B"
        if hits and hits[-1][0] == "valuation" and _THING_VALUED.search(before):
            return "contract-value"  # "an order valued at about $230 million": what a deal is worth
        if hits:
            return hits[-1][0]
        if _MODEL_PRICED.search(clause) or _MODEL_PRICED.search(before):
            return "price"
        if re.match(r"\s*(?:in\s+)?(?:funding|raised)", after_q):
            return "total-raised"
        # "Its revenue more than tripled in 2024, and management guided to $200 million for 2025":
        # the one measure of money the sentence names before
        earlier = {h[0] for h in lexicon.find("metrics", text[:q.start]) if h[0] in MONEY_METRICS
                   and not (h[0] == "total-raised" and _RAISED_PRICE.search(text[:q.start]))}
        if len(earlier) == 1:
            return earlier.pop()
    if q.unit == "percent":
        if _REVENUE_BY.search(text, 0, q.start):  # "2025 revenue by region: North America 62%, Europe 27%"
            return "revenue-share"
        # "gross margin of 62%", "GPU utilization above 90%": a ratio named just before
        # ... or in its clause: "Average fleet utilization among sub-10,000-GPU neoclouds slid to 61%"
        ratio = [h[0] for h in lexicon.find("metrics", before + " " + _clause_before(text, q.start)) if h[0] in _RATIO_METRICS]
        if ratio:
            return ratio[-1]
        # "at about 78% utilization", "a 62% gross margin": the ratio named right after
        ratio = [h[0] for h in lexicon.find("metrics", noun) if h[0] in _RATIO_METRICS and h[1] == 0]
        if ratio:
            return ratio[0]
        if re.match(r"\s*of\b[^,;.]{0,40}\brevenue", after_q):
            # "took 25% of provider revenue", "31% of global GPU cloud revenue": a share of a market's revenue
            return "market-share" if _OF_MARKET.match(after_q) else "revenue-share"
        if ("share" in noun or re.search(r"\bshare\b", intro + " " + before, re.I)) \
                and not _NOT_MARKET_AFTER.match(after_q) and not _NOT_MARKET_BEFORE.search(before):
            return "market-share"
    return None


# "82% of the shares outstanding", "15% below the Series B price", "9.5% of fully diluted shares", "a 15% stake": a part of
# a company's stock or a price's discount; "a final dividend of 25%", "renewable share: 100%": no share of a market
_NOT_MARKET_AFTER = re.compile(r"\s*(?:of\s+(?:the\s+|its\s+|our\s+)?(?:[\w-]+\s+){0,2}?"
                               r"(?:shares|stock|share\s+capital|equity)\b|"
                               r"(?:below|above|discount|premium|stake|ownership|owned|holding)\b|"
                               r"(?:[\w-]+\s+){0,2}(?:stake|discount|premium|ownership)\b)")
_NOT_MARKET_BEFORE = re.compile(r"\b(?:dividend|renewable|stake|ownership|discount|premium)\b[^.;]*$", re.I)


# "a 30% stake", "a 4.8% equity stake", "its 19% shareholding"; "Vauderon Partners owns 18%", "SoftBank owned 31% before the
# offering", "owns 40% of Red Mesa Power Partners", "together hold 24%": a holder's part of a company's equity. Not a part of
# something else ("holds an estimated 18% share of the market", "held 61% of revenue", "holds 40% of the commitments"), nor a
# holding told from the held side ("is owned 51% by Cendana"), whose holder the sentence does not open with.
_STAKE_AFTER = re.compile(r"\s*(?:(?:equity|economic|voting|minority|majority|controlling|ownership|direct|indirect)\s+)?"
                          r"(?:stake|shareholding)\b|\s*(?:equity|economic|voting|ownership)\s+interest\b")
# ("raised its stake from 7.2% to 9.8%", "cut its stake to 4.4%": the stake named before its figures)
_STAKE_BEFORE = re.compile(r"\bstake\s+(?:in\s+[\w\s.&-]{1,40}?\s+)?(?:from|to|at)\s+(?:about\s+|roughly\s+|~)?"
                           r"(?:[\d.,]+\s?%\s+to\s+(?:about\s+|roughly\s+|~)?)?$")
_HELD_BEFORE = re.compile(r"\b(?:holds?|held|owns?|owned|keeps?|kept|retains?|retained)\s+(?:(?:a|an|its|their|about|roughly|"
                          r"around|approximately|nearly|almost|just|under|over|some|estimated|an\s+estimated|together|"
                          r"collectively|directly|indirectly|between\s+them)\s+){0,3}$", re.I)
# what a stake is a part of: "of the shares", "of its share capital", "of the class", "of the votes"
_OF_EQUITY = r"of\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:shares|stock|share\s+capital|capital|class|equity|votes|voting)\b"
_HELD_AFTER = re.compile(rf"\s*(?:$|[,;.)]|and\b|after\b|before\b|between\b|in\s+(?:total|[A-Z])|{_OF_EQUITY}|"
                         r"of\s+(?:the\s+|its\s+)?(?:company\b|[A-Z]))")


# a filing's words, only before a part of shares or of a named company: "a Schedule 13G showing 5.1% of Stratavolt."
# (not "reported 12%." alone, nor "reported 40% of North American revenue")
_SHOWN_BEFORE = re.compile(r"\b(?:reported|reports|showing|shows|disclosed|discloses)\s+(?:(?:a|an|its|about|roughly)\s+){0,2}$",
                           re.I)
_OF_EQUITY_AFTER = re.compile(rf"\s*(?:{_OF_EQUITY}|of\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s*(?:[,;)]|\.(?!\w)|$))")


def is_stake(text: str, q: Quantity) -> bool:
    """Whether a percentage is a holder's stake in a company's equity (``_STAKE_AFTER``, ``_STAKE_BEFORE``, ``_SHOWN_BEFORE``,
    ``_HELD_BEFORE``)."""
    if _STAKE_AFTER.match(text, q.end) or _STAKE_BEFORE.search(text, max(0, q.start - 80), q.start):
        return True
    if _SHOWN_BEFORE.search(text, max(0, q.start - 40), q.start):
        return bool(_OF_EQUITY_AFTER.match(text, q.end))
    return bool(_HELD_BEFORE.search(text, max(0, q.start - 60), q.start)) and bool(_HELD_AFTER.match(text, q.end))


def _outside_asides(words: str) -> str:
    """The words before a number without the asides in brackets, whole or cut by the window ("Global spending on GPU
    capacity (...; hardware sales and colocation excluded) reached": no revenue, whatever the aside names)."""
    words = _ASIDE.sub(" ", words)
    return words[words.rindex(")") + 1:] if ")" in words else words


_ASIDE = re.compile(r"\([^()]*\)")


_TRADED_AGAIN = re.compile(r"(?:\band\b|,)[^$€£¥]*\b(?:closed|opened|ended|finished|traded|rose|fell|jumped|dropped|slid)\b"
                           r"[^$€£¥]*\b(?:at|to)\s+$")


_RAISED_PRICE = re.compile(rf"\braised\s+(?:its|their|the)?\s*(?:(?:[\w-]+\s+){{0,3}}?(?:rates?|prices?|pricing|fees?)\b|{MODEL}\b)", re.I)
# "cut its H200 price from $3.40 to $2.95", "raised H200 to €2.75", "held H100 at €2.10": a GPU's price moved or kept
_MODEL_PRICED = re.compile(rf"\b(?:cut|cuts|raised|raises|lowered|lowers|took|takes|held|holds|kept|keeps|dropped|drops|"
                           rf"trimmed|trims|increased|increases|listed|lists)\s+(?:its\s+|the\s+)?{MODEL}\b")
_MAKER_MODEL_GPUS = re.compile(r"(?:\s+[A-Z][\w-]*){1,3}\s+(?:GPUs|accelerators)\b")
_CHANGED = re.compile(r"\b(?:laid off|lays off|laying off|cut|cuts|cutting|shed|sheds|eliminated|let go(?: of)?|hired|"
                      r"hires|added|adds|axed|furloughed)\s+(?:about\s+|roughly\s+|nearly\s+|some\s+|another\s+|over\s+)?$", re.I)
_THING_VALUED = re.compile(r"\b(?:order|purchase|contract|deal|agreement|lease|award|commitment)s?\b[^.;$€£¥]{0,30}?"
                           r"\bvalued\s+at\s+(?:about\s+|roughly\s+|around\s+|some\s+|nearly\s+|up to\s+|over\s+|more than\s+)?$", re.I)
_PEOPLE = frozenset({"people", "persons", "staff", "workers", "staffers", "full-time employees"})
# ... "cut its team from 248 to 179", "reducing our team from 410 to 290"
_HEADCOUNT = re.compile(r"\b(?:headcount|head count|workforce|staff(?:ing)?|employs|employed|employing|(?:its|their|our|the)\s+team)\b", re.I)


def _clause_before(text: str, at: int) -> str:
    """The words of ``at``'s clause before it (back to a comma, semicolon or the sentence's start)."""
    return re.split(r"[,;:]\s", text[:at])[-1]


def metric_of(label: str) -> str | None:
    # "Cost of revenue" is a cost, not revenue; "Net loss per share" an amount per share, not a
    # loss or a market share: measures the lexicon has no word for
    hits = [h for h in lexicon.find("metrics", label) if not _COST_OF.search(label[:h[1]])]
    if not hits or _PER_SHARE.search(label) and not any(h[0] == "share-price" for h in hits):
        return None
    # "Share of UK GPU training capacity (2024)": a share of what follows
    if _SHARE_OF.match(label) and any(h[0] == "market-share" for h in hits):
        return "market-share"
    # The last metric word names the measure: "Revenue Growth" is growth, "Projected ARR" is ARR.
    named = max(hits, key=lambda h: h[1])[0]
    # ... but "Revenue share by provider" is each provider's share of the market's revenue
    return "market-share" if named == "revenue-share" and _BY_PROVIDER.search(label) else named


_OF_MARKET = re.compile(r"\s*of\s+(?:the\s+)?(?:global|worldwide|market|industry|sector|provider|providers['’]?|all)\b")
_BY_PROVIDER = re.compile(r"\bby\s+(?:provider|company|vendor|player|operator|cloud|firm)s?\b", re.I)
_SHARE_OF = re.compile(r"\s*(?:market\s+)?share\s+of\b", re.I)
_COST_OF = re.compile(r"\bcosts?\s+of\s+$", re.I)
_PER_SHARE = re.compile(r"\bper\s+(?:common\s+|ordinary\s+)?share\b", re.I)


# "| Tranche A |", "| Fund II |", "| Class B |": a column of one item's figures, no measure
_ITEM_NAME = re.compile(r"[A-Za-z]+\s+(?:[A-Z]|[IVX]+|\d+)")


def names_a_measure(label: str) -> bool:
    """Whether a label no metric word is in may still name a measure of its own ('| Racks |', '| TTFT (ms) |'); not a
    generic header ('| My entry |'), an item's name ('| Tranche A |') or a period ('| Q4 FY2025 |')."""
    rest = label
    for start, end, _ in reversed(find_dates(rest)):
        rest = rest[:start] + rest[end:]
    rest = re.sub(r"\s+", " ", rest).strip(" -:,()")
    return bool(re.search(r"[A-Za-z]", rest)) and not lexicon.exact("unmeasured", rest) \
        and not lexicon.exact("labels", rest) and not _ITEM_NAME.fullmatch(rest)


def label_slug(label: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", label) if not lexicon.exact("qualifiers", w)]
    return " ".join(words).lower() or label.lower()


def label_rest(label: str) -> str | None:
    """What a label says beyond its metric and qualifiers: 'Projected H100 shipments' -> 'H100'."""
    rest = label
    for group in ("metrics", "qualifiers"):
        for _, start, end in reversed(lexicon.find(group, rest)):
            rest = rest[:start] + rest[end:]
    for start, end, _ in reversed(find_dates(rest)):
        rest = rest[:start] + rest[end:]
    rest = re.sub(r"\s+", " ", rest).strip(" -:,")
    return rest if rest and not lexicon.exact("labels", rest) and rest.lower() not in _NO_SEGMENT else None


# words a label may add that say nothing of what the figure is of: "Latest Valuation"
_NO_SEGMENT = frozenset({"mix", "base", "total", "latest", "current", "last", "recent", "most recent", "annual", "yearly",
                         "full-year", "quarterly", "monthly"})


def counted(q: Quantity) -> str | None:
    """The metric of what a count counts: '250,000 GPUs' -> 'gpus'."""
    noun = (q.noun or "").lower()
    if _MODELS.match(q.noun or ""):  # "its 16,000 H200s", "9,800 B200 GPUs": GPUs of a model
        return "gpus"
    hit = lexicon.find("count_nouns", noun)
    firm = next((m for m in _FIRMS.finditer(noun)), None)
    if hit and firm and hit[0][2] <= firm.start():
        return None  # "14 GPU startups": startups, which GPUs only describe
    # The counted noun may follow one adjective: "2,400+ independent hosts".
    return hit[0][0] if hit and len(noun[:hit[0][1]].split()) <= 1 else None


_FIRMS = re.compile(r"\b(?:startups|start-ups|companies|firms|businesses|players|vendors|makers|deals|rounds|funds|investors|"
                    r"founders)\b")


_MODELS = re.compile(rf"{MODEL}s\b")


def grown(text: str, q: Quantity, metric: str | None) -> str | None:
    """What a growth figure is the growth of: the figure it qualifies, or the words around it."""
    if metric and metric not in ("growth-rate", "unclassified"):
        return metric
    after_q = lexicon.find("metrics", text[q.end:q.end + 30])
    named = [key for key, _, _ in after_q if key != "growth-rate"]
    if named:
        return named[0]
    # ("H100 prices dropped by 15%", "utilization was down 12%")
    before = re.search(r"((?:[\w-]+\s){0,2}[\w-]+)\s+(?:(?:was|were|is|are)\s+)?(?:grew|growing|grow|rose|fell|dropped|declined|"
                       r"decreased|shrank|slid|slipped|contracted|down)\b", text[:q.start])
    if before:
        return re.sub(r"\s+(?:was|were|is|are)$", "", before.group(1))
    return before.group(1) if before else None


_REACH = re.compile(r"\b(?:reach|reaches|reached|hit|hits|exceed|exceeds|grow to|grows to|climb to|rise to)\s*"
                    r"(?:about\s+|roughly\s+|nearly\s+)?$", re.I)


# "fell from about $8 per hour in early 2024 to under $2.50 by late 2025": the second number is the first's kin
_FROM = re.compile(r"\bfrom\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|over\s+|under\s+)?$", re.I)
_TO = re.compile(r"\bto\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|under\s+|below\s+|over\s+|above\s+|"
                 r"just\s+(?:under|over)\s+|less\s+than\s+|more\s+than\s+)?$", re.I)


def small_totals(quantities: list[Quantity], metrics: list[str | None], text: str) -> list[str | None]:
    """'on-demand it is EUR 2,95', 'against roughly €85/MWh', 'the stock fell ... to $17': a few units of money are no
    company's, contract's or market's total. Beside a price per a unit they are prices of it too, as an amount no
    measure was found for is when it goes on from that price ('$2.45 per GPU-hour in Q3 2025, down from $4.10') or
    moves to it ('$3.10 → $2.85/hr'); else unclassified."""
    priced = [p for p, m in zip(quantities, metrics) if m == "price" and p.per and p.value]
    out = []
    for q, m in zip(quantities, metrics):
        few = bool(q.currency and not q.per and q.value is not None and (q.high or q.value) < 1000)
        if few and m in MONEY_METRICS:
            m = "price" if any(p.currency == q.currency for p in priced) else "unclassified"
        elif few and m == "unclassified" and any(
                p.currency == q.currency and p.value / 10 <= q.value <= p.value * 10
                and (p.end <= q.start <= p.end + 60 or q.end <= p.start and _MOVES_TO.fullmatch(text[q.end:p.start]))
                for p in priced):
            m = "price"
        out.append(m)
    return out


_MOVES_TO = re.compile(r"\s*(?:→|->|to)\s*")


def per_carried(quantities: list[Quantity], metrics: list[str | None]) -> list[Quantity]:
    """A price that continues the one before it is per the same unit ('$8 per hour ... to $2.50')."""
    out = list(quantities)
    for i in range(1, len(out)):
        q, prev = out[i], out[i - 1]
        if metrics[i] == metrics[i - 1] == "price" and not q.per and prev.per and q.currency == prev.currency:
            out[i] = replace(q, per=prev.per)
    return out


def continued(quantities: list[Quantity], metrics: list[str | None], text: str,
               fallback: str | None) -> list[str | None]:
    """'was valued at $8.2B in 2024 and is expected to reach $49.8B by 2030', '60% of spending by
    2027, up from 35% in 2024': an amount a verb of reaching brings, or a baseline, with no
    measure of its own, measures what the number of its kind before it does."""
    out = list(metrics)
    for i, q in enumerate(quantities):
        kin = next((j for j in range(i - 1, -1, -1)
                    if (quantities[j].currency, quantities[j].unit) == (q.currency, q.unit)), None)
        before = out[kin] if kin is not None else None
        # ("cut its workforce from 410 employees to 265": a count, too)
        reached = bool((q.currency or q.unit == "count") and (
            q.currency and _REACH.search(text[:q.start]) or kin is not None and _TO.search(text[:q.start])
            and _FROM.search(text[:quantities[kin].start])))
        baseline = kin is not None and bool(BASELINE.search(text[quantities[kin].end:q.start]))
        unmeasured = out[i] == fallback or (baseline and out[i] == "growth-rate")
        # "70% of its revenue from on-demand instances and 30% from reserved contracts": a share listed after a share
        between = text[quantities[kin].end:q.start] if kin is not None else ""
        listed = before in ("revenue-share", "market-share") and q.unit == "percent" and bool(_LISTED.search(between))
        # "$2.35 per H100 hour on demand and $1.85 with a one-year reservation": another price of the same unit
        listed = listed or before == "price" and bool(q.currency) and not q.per and bool(quantities[kin].per) and \
            bool(_LISTED.search(between) or _VERSUS.search(between))
        # "The stock opened at $35.10 ... and closed its first trading day at $38.30": another price of a share
        listed = listed or before == "share-price" and bool(q.currency) and not q.per and \
            bool(_TRADED_AGAIN.search(between))
        # "6,500 GPUs live, another 10,000 due online by mid-2027": more of the same, its noun left out
        listed = listed or bool(_MORE_OF_IT.search(between))
        if unmeasured and before and (reached or baseline or listed):
            out[i] = before
    return out
