"""Observations from the numbers in a line: what each measures, when, and with what qualifiers.

The label of a bullet says what its numbers measure unless the words right
after a number say otherwise ("$863M loss" under "2024 Revenue").
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import lexicon
from .amounts import GPU_NAME, MODEL, TOKEN_UNITS, find_quantities
from .dates import find_dates, first_date, relative_dates, year_before
from .phrases import NAME, clauses, looks_like_org, strip_parens
from .records import Observation, Quantity, Source, When
from .reading import State, add, qualifiers, trim_name


# a date a figure is counted from or compared with is not its date ("since its founding in 2022")
_FROM_DATE = re.compile(r"\b(?:from|since|than(?: in)?|versus|vs\.?|since (?:its|the company['’]s) (?:founding|inception|launch) in)\s*$",
                        re.I)


_TOP = re.compile(r"\btop\s*$", re.I)


# "up from $48M", "roughly double last year's $48mn": the number after is a baseline
_BASELINE = re.compile(r"\b(?:up from|down from|from|compared (?:to|with)|versus|vs\.?|than)\s*$|"
                       r"\b(?:double|triple|twice|half|(?:two|three|four) times)\b[^$€£¥₹\d,;]{0,30}$", re.I)


_SEGMENT_FROM_TEXT = {"revenue-share", "customer-concentration", "market-share", "price", "unclassified"}


_RELATED_METRICS = {"revenue-share", "customer-concentration", "market-share"}


_POWER_UNITS = frozenset({"kilowatt", "megawatt", "gigawatt"})


def figures(state: State, subject: str | None, text: str, source: Source, *, label: str | None = None,
             metric: str | None = None, prose: bool = False, row_when: When | None = None,
             row_segment: str | None = None, row_per: str | None = None) -> None:
    """Observations from the numbers in ``text``.

    What a number measures comes from the words around it, then the label;
    its date from its own clause, then the label, then ``row_when`` (a table row's date); a price
    per hour may say so in its label ("Price per hour"). Growth figures take the date of the
    figure they describe ('$276M (82% growth)'). ``row_segment`` is what a figure is of when its own
    words do not say (a table row's GPU), ``row_per`` the word a price is per ("hour" in a table heading's "per GPU-hour").
    """
    label_text = strip_parens(label) if label else ""
    label_metric = metric or (_metric_of(label_text) if label else None)
    fallback = _label_slug(label_text) if label and subject and not prose and not label_metric else None
    label_when = (first_date(label) if label else None) or row_when
    label_qualifiers = qualifiers(label) if label else ()
    label_per = PER_UNIT.search(label) if label else None
    quantities = [q for q in find_quantities(text) if not (q.unit == "count" and _TOP.search(text[:q.start]))]
    per = _PER_WORDS.get((label_per.group(1) if label_per else row_per or "").lower())
    if per:
        quantities = [replace(q, per=per) if q.currency and not q.per else q for q in quantities]
    if not quantities:
        return
    model = re.fullmatch(rf"{MODEL}(?:\s+GPUs?)?", label_text.strip()) if label and not label_metric else None
    if model and all(q.currency for q in quantities):  # "| H100 |" over "$2.49": the price of that GPU
        label_metric, fallback, row_segment = "price", None, row_segment or model.group(0).split()[0]
    dates = [d for d in find_dates(text) if not _FROM_DATE.search(text[:d[0]])]
    dates = sorted(dates + [d for d in relative_dates(text, state.written)
                            if not any(s < d[1] and d[0] < e for s, e, _ in dates)], key=lambda d: d[0])
    parts = clauses(text)
    # A number whose measure cannot be told is still kept, as an unclassified figure.
    fallback = fallback or ("unclassified" if prose else None)
    metrics = [_metric_for(q, text, label_metric, state.intro if prose else "") or fallback for q in quantities]
    # After the first number, a counted noun beats the label: "GPUs: 3,200 across 2 sites".
    metrics = [(_counted(q) or m) if i and q.unit == "count" else m for i, (q, m) in enumerate(zip(quantities, metrics))]
    metrics = _continued(quantities, metrics, text, fallback)
    # "Power under contract: 340 MW": power, whatever else the words name
    metrics = ["power-capacity" if q.unit in _POWER_UNITS and not q.currency and m not in (None, "growth-rate") else m
               for q, m in zip(quantities, metrics)]
    quantities = _per_carried(quantities, metrics)
    whens = [_date_for(i, quantities, dates, parts, text) for i in range(len(quantities))]
    whens = _years_before(quantities, whens, text)
    main = next((i for i, m in enumerate(metrics) if m and m != "growth-rate"), None)
    segments: dict[int, str | None] = {}
    providers: dict[int, str] = {}  # the provider a price names, for the prices after it in the sentence
    for i, q in enumerate(quantities):
        name = metrics[i]
        valued = _VALUED_NAME.search(text, max(0, q.start - 80), q.start) if q.currency else None
        if valued:  # "valuing Dunmore AI at roughly £400m": that company's valuation, whoever the sentence is about
            name = "valuation"
        if name is None:
            continue
        clause = next(c for c in parts if c.start <= q.start <= c.end)
        before = text[clause.start:q.start]
        baseline = bool(_BASELINE.search(before))
        when = whens[i] or (None if baseline else label_when)
        segment = None
        if name == "growth-rate":
            if main is not None:
                when = whens[main] or label_when
            if _COMPOUND.search(text) and main is not None:  # a CAGR spans the first to the last date of what it grows
                when = _span([w for m, w in zip(metrics, whens) if w and m == metrics[main]]) or when
            segment = _grown(text, q, metrics[main] if main is not None else label_metric)
        elif name in _SEGMENT_FROM_TEXT or name == fallback:
            segment = _segment(text, q, before)
        elif name == "market-size":
            found = re.search(r"((?:[\w-]+\s){0,3}market)\b", before, re.I)
            segment = re.sub(r"^(?:the|a|an|this|its)\s+", "", found.group(1), flags=re.I) if found else None
        elif label_metric:
            segment = _label_rest(label_text)
        if prose and label and name != "growth-rate" and (segment is None or lexicon.exact("metrics", segment)):
            segment = label_text
        if baseline and i and metrics[i - 1] == name and \
                (quantities[i - 1].currency, quantities[i - 1].unit) == (q.currency, q.unit):
            segment = segments.get(i - 1)  # "up from 35% in 2024": of the same thing as the number before
        segment = segment or row_segment
        if q.per in TOKEN_UNITS and q.noun in ("input tokens", "output tokens"):
            segment = ", ".join(p for p in (segment, q.noun) if p)
        if fallback not in (None, "unclassified") and name == "price" and segment == row_segment and label_text.strip():
            # "| On-demand ($/GPU-hr) |" over "2.35": a price, and the header says of which kind
            segment = ", ".join(p for p in (row_segment, label_text.strip()) if p)
        provider = (_PRICE_ON.match(text, q.end) or _ON_PROVIDER.search(text, clause.start, q.start)
                    or _ON_OPENING.match(text)) if name == "price" and q.currency and q.per else None
        provider_name = trim_name(state, provider.group("c")) if provider else ""
        if provider_name:  # "A100 instances start at $1.29/hr on Tallis Cloud": that provider's price of that GPU
            models = re.findall(rf"\b{MODEL}\b", text[:q.start])
            segment = models[-1] if models else None
            providers[i] = provider_name
        elif name == "price" and q.currency and q.per and providers:  # "..., versus $5.50 on demand": the same provider's
            provider_name = providers[max(providers)]
        listed_model = _MODEL_BEFORE.search(text, max(0, q.start - 24), q.start) if name == "price" else None
        if listed_model:  # "H100s cost $2.10/hr, A100s $1.40/hr and L40S $0.90/hr": each GPU its price
            segment = listed_model.group("m")
        in_unit = re.search(rf"\b{MODEL}(?=[-\s]hours?\b)", q.text) if name == "price" and not segment else None
        if in_unit:  # "$2.49 per H100-hour"
            segment = in_unit.group(0)
        segments[i] = segment
        present = [m.end() for m in _PRESENT.finditer(before)]  # "plans ... and already operates 10,000": not planned
        stated = q.qualifiers + qualifiers(before[present[-1]:] if present else before) + \
            qualifiers(_parenthesis_after(text, q))
        if not baseline:
            stated += label_qualifiers
        if when and re.search(rf"\bby\s+{re.escape(when.text)}", text) and not _before_report(state, when):
            stated += ("projected",)
        related, whose = None, trim_name(state, valued.group("c")) if valued else provider_name or subject
        other = _OTHERS_NUMBER.search(text, max(0, q.start - 60), q.start)
        # (a bracket only around money: "OpenAI (35%)" is a customer's share of the company's revenue)
        named = trim_name(state, other.group("c")) if other and ("'" in other.group(0) or "’" in other.group(0)
                                                                 or q.currency) else ""
        if named and (named in state.names or looks_like_org(named)):  # "twice Vantorra AI's 15,000", "Emberline ($2.80)"
            whose = named
        owner = _SHARE_OF_REVENUE.match(text, q.end) if name == "revenue-share" and subject else None
        if owner and trim_name(state, owner.group("c")) not in ("", subject):
            # "Microsoft accounted for 62% of Brightwell's revenue": Brightwell's customer concentration
            name, whose, related, segment = "customer-concentration", trim_name(state, owner.group("c")), subject, None
        elif name in _RELATED_METRICS and segment:
            related = next((form for form, _, _ in state.names.find(segment)), None)
        elif name == "contract-value":  # "a $14.2 billion contract with Meta": the other party
            party = _WITH_PARTY.match(text[q.end:].split(";")[0])
            related = trim_name(state, party.group("c")) if party else None
        customer = _NAMED_SHARE.search(text, 0, q.start) if q.unit == "percent" and _CUSTOMERS.search(text) else None
        if customer and trim_name(state, customer.group("c")):
            # "Key customers include OpenAI (35% of revenue) and Microsoft (20%)": a customer's share
            name, related, segment = "customer-concentration", trim_name(state, customer.group("c")), None
        top = _TOP_CUSTOMERS.search(text, 0, q.start) if q.unit == "percent" else None
        if top:  # "The top five customers account for 78% of revenue"
            name, segment = "customer-concentration", top.group("who")
        # whose revenue, valuation or fleet a report gives is a company, whatever else it is
        if name == "share-price" and not q.per:  # "Shares closed at $58.10": a price per share
            q = replace(q, per="share")
        add(state, Observation(source, whose, name, q, when, segment, related, tuple(dict.fromkeys(stated))),
             ("company" if name in _COMPANY_METRICS else "org", whose), ("org", related))


_CUSTOMERS = re.compile(r"\b(?:customers?|clients?)\b", re.I)
_NAMED_SHARE = re.compile(rf"(?P<c>{NAME})\s*\(\s*(?:about\s+|~)?$")
_TOP_CUSTOMERS = re.compile(r"\b(?P<who>(?:top|largest|biggest)\s+(?:\w+\s+)?(?:customers|clients)|(?:largest|biggest|top)\s+customer)"
                            r"\s+(?:accounts?|accounted|made up|makes up|represents?|represented|were|was|are|is)\s+"
                            r"(?:for\s+)?(?:about\s+|roughly\s+|nearly\s+|over\s+)?$", re.I)
_WITH_PARTY = re.compile(rf"[^.]{{0,60}}?\bwith\s+(?P<c>{NAME})")
_PRICE_ON = re.compile(rf"\s+(?:on|at)\s+(?P<c>{NAME})(?=\s*(?:[,.;)]|$|\s(?:versus|vs\.?|and|while|but|is|was|are|remains|has|now)\b))")
# a number right after another company's possessive or that company's name and a bracket
_OTHERS_NUMBER = re.compile(rf"(?P<c>{NAME})(?:['’]s\s+|\s+\(\s*)(?:~|about\s+)?$")
_VALUED_NAME = re.compile(rf"\bvalu(?:ing|ed|es)\s+(?P<c>{NAME})\s+at\s+(?:[a-z]+\s+)?$")
_SHARE_OF_REVENUE = re.compile(rf"\s*of\s+(?P<c>{NAME})['’]s?\s+(?:[\w-]+\s+){{0,2}}?revenues?\b")
_COMPANY_METRICS = frozenset({"revenue", "arr", "valuation", "gpus", "data-centers", "customers", "total-raised", "loss"})
PER_UNIT = re.compile(r"(?:\bper\s+|/\s*)(?:gpu[-\s]?)?(hour|hr|month)\b", re.I)  # "per GPU-hour", "/hr": what a price is per
_PER_WORDS = {"hour": "hour", "hr": "hour", "month": "month"}


_A_YEAR_EARLIER = re.compile(r"\s*(?:a|one)\s+year\s+(?:earlier|before|prior)|\s*(?:in\s+)?the\s+(?:previous|prior|preceding)\s+year",
                             re.I)


def _years_before(quantities: list[Quantity], whens: list[When | None], text: str) -> list[When | None]:
    """'$96 million in 2025 from $151 million a year earlier': the second is of 2024, a year before
    the number of its kind before it (and undated if that one is)."""
    out = list(whens)
    for i, q in enumerate(quantities):
        m = _A_YEAR_EARLIER.match(text, q.end)
        if not m:
            continue
        kin = next((j for j in range(i - 1, -1, -1) if (quantities[j].currency, quantities[j].unit) == (q.currency, q.unit)),
                   None)
        out[i] = year_before(out[kin], m.group(0).strip()) if kin is not None and out[kin] else None
    return out


def _date_for(i: int, quantities: list[Quantity], dates: list[tuple[int, int, When]], parts: list,
              text: str) -> When | None:
    """A date between this number and the next one, else between the previous one and this, in its clause."""
    q = quantities[i]
    clause = next(c for c in parts if c.start <= q.start <= c.end)
    # a range "between $4 billion and $5 billion" spans the clause break before "and $5 billion"
    clause = next((replace(clause, end=c.end) for c in parts if c.start <= q.end <= c.end and c.end > clause.end), clause)
    nxt = quantities[i + 1].start if i + 1 < len(quantities) else clause.end
    # "revenue for the six months ended September 30, 2025 rose 48% to ¥6.3 billion": a change
    # told before the number does not stand between it and its date
    before = i - 2 if i > 0 and quantities[i - 1].unit == "percent" and q.unit != "percent" else i - 1
    prev = quantities[before].end if before >= 0 else clause.start
    # "€410 million (FY2024: €190 million)": a date that labels the next number is not this one's
    after_q = [w for s, e, w in dates if q.end <= s < min(nxt, clause.end) and not text.startswith(":", e)]
    if after_q:
        return after_q[0]
    # "... by 2026 and already operates more than 10,000 GPUs": a word of the present stands between
    before_q = [w for s, e, w in dates if max(prev, clause.start) <= s and e <= q.start
                and not _PRESENT.search(text, e, q.start)]
    if before_q:
        return before_q[-1]
    # "32 data centers with more than 250,000 GPUs at the end of 2024": a date closing the clause
    # dates its earlier numbers too, unless a word between says they are of another time ("5,000
    # GPUs now and 10,000 by 2026")
    later = [(s, w) for s, _, w in dates if q.end <= s < clause.end]
    if later and _CLOSING_DATE.search(text[:later[-1][0]]) and not _OTHER_TIME.search(text[q.end:later[-1][0]]):
        return later[-1][1]
    return None


_PRESENT = re.compile(r"\b(?:already|now|currently|today|at present)\b", re.I)
_CLOSING_DATE = re.compile(r"\b(?:in|at the end of|end of|as of|during|at year-end)\s*$", re.I)
_OTHER_TIME = re.compile(r"\b(?:now|today|currently|current|planned|plans?|will|expected|targets?|by|to|from|"
                         r"until|since|before|after|then|previously|earlier|later)\b", re.I)


def _grown(text: str, q: Quantity, metric: str | None) -> str | None:
    """What a growth figure is the growth of: the figure it qualifies, or the words around it."""
    if metric and metric != "growth-rate":
        return metric
    after_q = lexicon.find("metrics", text[q.end:q.end + 30])
    named = [key for key, _, _ in after_q if key != "growth-rate"]
    if named:
        return named[0]
    before = re.search(r"((?:[\w-]+\s){0,2}[\w-]+)\s+(?:grew|growing|grow|rose)\b", text[:q.start])
    return before.group(1) if before else None


def _metric_of(label: str) -> str | None:
    hits = lexicon.find("metrics", label)
    if not hits:
        return None
    # The last metric word names the measure: "Revenue Growth" is growth, "Projected ARR" is ARR.
    return max(hits, key=lambda h: h[1])[0]


def _label_slug(label: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", label) if not lexicon.exact("qualifiers", w)]
    return " ".join(words).lower() or label.lower()


def _label_rest(label: str) -> str | None:
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


# "grew 40%", "up 40%", "a CAGR of 35%"; not "made up 40%" nor "up from 35%" (a baseline)
_GROWTH_BEFORE = re.compile(r"\b(?:grew|grow|growing|growth|cagr|increase[ds]?|rose|"
                            r"(?<!made )(?<!makes )(?<!make )up(?!\s+(?:to|from)\b))\b[^,;]{0,20}$", re.I)
_IN = re.compile(r"^\s*(?:in\s+)?")
_ONE_WORD = re.compile(r"^\s*(?:in\s+)?[a-z][\w-]*\s+(?=revenues?\b|sales\b|arr\b|ebitda\b|capex\b|backlog\b)")
# "$40M in annual revenue", "€1.1 billion, four-year capacity agreement": a word for the period
_PERIOD_WORD = re.compile(r"^,?\s*(?:in\s+)?(?:annual|yearly|full-year|(?:[a-z]+|\d+)-year|multi-?year)\s+")


_COMPOUND = re.compile(r"\bcagr\b|\bcompound annual", re.I)


def _span(whens: list[When]) -> When | None:
    first, last = min(whens, key=lambda w: w.start, default=None), max(whens, key=lambda w: w.end, default=None)
    if first is None or last is None or first.end >= last.start:
        return None
    return When(f"{first.text} to {last.text}", None, "year" if "year" in (first.precision, last.precision) else "month",
                first.start, last.end)


_REACH = re.compile(r"\b(?:reach|reaches|reached|hit|hits|exceed|exceeds|grow to|grows to|climb to|rise to)\s*"
                    r"(?:about\s+|roughly\s+|nearly\s+)?$", re.I)


# "fell from about $8 per hour in early 2024 to under $2.50 by late 2025": the second number is the first's kin
_FROM = re.compile(r"\bfrom\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|over\s+|under\s+)?$", re.I)
_TO = re.compile(r"\bto\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|under\s+|below\s+|over\s+|above\s+|"
                 r"just\s+(?:under|over)\s+|less\s+than\s+|more\s+than\s+)?$", re.I)


def _per_carried(quantities: list[Quantity], metrics: list[str | None]) -> list[Quantity]:
    """A price that continues the one before it is per the same unit ('$8 per hour ... to $2.50')."""
    out = list(quantities)
    for i in range(1, len(out)):
        q, prev = out[i], out[i - 1]
        if metrics[i] == metrics[i - 1] == "price" and not q.per and prev.per and q.currency == prev.currency:
            out[i] = replace(q, per=prev.per)
    return out


def _continued(quantities: list[Quantity], metrics: list[str | None], text: str,
               fallback: str | None) -> list[str | None]:
    """'was valued at $8.2B in 2024 and is expected to reach $49.8B by 2030', '60% of spending by
    2027, up from 35% in 2024': an amount a verb of reaching brings, or a baseline, with no
    measure of its own, measures what the number of its kind before it does."""
    out = list(metrics)
    for i, q in enumerate(quantities):
        kin = next((j for j in range(i - 1, -1, -1)
                    if (quantities[j].currency, quantities[j].unit) == (q.currency, q.unit)), None)
        before = out[kin] if kin is not None else None
        reached = bool(q.currency and (_REACH.search(text[:q.start]) or kin is not None and _TO.search(text[:q.start])
                                       and _FROM.search(text[:quantities[kin].start])))
        baseline = kin is not None and bool(_BASELINE.search(text[quantities[kin].end:q.start]))
        unmeasured = out[i] == fallback or (baseline and out[i] == "growth-rate")
        # "70% of its revenue from on-demand instances and 30% from reserved contracts": a share listed after a share
        between = text[quantities[kin].end:q.start] if kin is not None else ""
        listed = before in ("revenue-share", "market-share") and q.unit == "percent" and bool(_LISTED.search(between))
        # "$2.35 per H100 hour on demand and $1.85 with a one-year reservation": another price of the same unit
        listed = listed or before == "price" and bool(q.currency) and not q.per and bool(quantities[kin].per) and \
            bool(_LISTED.search(between) or _VERSUS.search(between))
        if unmeasured and before and (reached or baseline or listed):
            out[i] = before
    return out


_REVENUE_BY = re.compile(r"\brevenues?\s+(?:mix\s+)?by\s+[\w -]{1,30}:[^:.;]*$", re.I)
_LISTED = re.compile(r"(?:,|;|\band)\s*$")
_VERSUS = re.compile(r"\b(?:versus|vs\.?|or|against)\s*$", re.I)
_INLINE_LABEL = re.compile(r"(?:^|[.;]\s+)(?P<l>[A-Z][\w -]{0,30}?):\s*(?:about\s+|over\s+|~)?$")
_RATIO_METRICS = frozenset({"gross-margin", "utilization", "operating-margin"})
_MONEY_METRICS = frozenset({"revenue", "arr", "valuation", "market-cap", "loss", "total-raised", "market-size", "backlog",
                            "capex", "ebitda", "net-income", "contract-value", "fund-size"})


_SHARES_MOVED = re.compile(r"\b(?:[Ss]hares|[Tt]he stock|[Ii]ts stock)\s+(?:[\w%.,-]+\s+){0,6}?(?:to|at)\s+$")


def _metric_for(q: Quantity, text: str, label_metric: str | None, intro: str) -> str | None:
    """What a number measures: the words right after it, the label, then the words before it."""
    noun = (q.noun or "").lower()
    before = text[max(0, q.start - 40):q.start]
    after_q = text[q.end:q.end + 60].lower()
    if q.unit in ("percent", "multiple") and (
            re.match(r"\s*(?:growth|yoy|y/y|year[- ](?:over|on)[- ]year|cagr|compound annual)", after_q)
            or _GROWTH_BEFORE.search(before)):
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
        if _SHARES_MOVED.search(before):  # "Shares rose 14% to $87.20", "The stock closed at $58.10"
            return "share-price"
    if label_metric:
        return label_metric
    if q.unit == "count" and _counted(q):
        return _counted(q)
    inline = _INLINE_LABEL.search(text, 0, q.start)
    hit = lexicon.find("metrics", inline.group("l")) if inline and q.unit == "count" else None
    if hit and hit[0][1] == 0 and hit[0][2] == len(inline.group("l")):  # "Customers: 140 enterprises."
        return hit[0][0]
    if q.unit in ("gigawatt", "megawatt", "kilowatt"):
        return "power-capacity"
    if q.currency:
        # the clause's own words first, then, when they say nothing, its opening ("Its revenue for the
        # 2024 financial year came to £4.1m")
        clause = re.split(r"[,;:]", text[max(0, q.start - 80):q.start])[-1]
        hits = [h for words in (before, clause) for h in lexicon.find("metrics", words) if h[0] in _MONEY_METRICS]
        if hits and hits[-1][0] == "valuation" and any(h[0] == "market-size" for h in hits):
            return "market-size"  # "the GPU cloud market was valued at $8.2B"
        if hits:
            return hits[-1][0]
        if re.match(r"\s*(?:in\s+)?(?:funding|raised)", after_q):
            return "total-raised"
        # "Its revenue more than tripled in 2024, and management guided to $200 million for 2025":
        # the one measure of money the sentence names before
        earlier = {h[0] for h in lexicon.find("metrics", text[:q.start]) if h[0] in _MONEY_METRICS}
        if len(earlier) == 1:
            return earlier.pop()
    if q.unit == "percent":
        if _REVENUE_BY.search(text, 0, q.start):  # "2025 revenue by region: North America 62%, Europe 27%"
            return "revenue-share"
        # "gross margin of 62%", "GPU utilization above 90%": a ratio named just before
        ratio = [h[0] for h in lexicon.find("metrics", before) if h[0] in _RATIO_METRICS]
        if ratio:
            return ratio[-1]
        if re.match(r"\s*of\b[^,;.]{0,40}\brevenue", after_q):
            return "revenue-share"
        if "share" in noun or re.search(r"\bshare\b", intro + " " + before, re.I):
            return "market-share"
    return None


def _counted(q: Quantity) -> str | None:
    """The metric of what a count counts: '250,000 GPUs' -> 'gpus'."""
    noun = (q.noun or "").lower()
    hit = lexicon.find("count_nouns", noun)
    # The counted noun may follow one adjective: "2,400+ independent hosts".
    return hit[0][0] if hit and len(noun[:hit[0][1]].split()) <= 1 else None


def _parenthesis_after(text: str, q: Quantity) -> str:
    m = re.match(r"\s*\(([^)]*)\)", text[q.end:])
    return m.group(1) if m else ""


def _before_report(state: State, when: When) -> bool:
    """Whether ``when`` ended before the date of the report ('by mid-2025' in a report of Q1 2026
    is a fact, not a projection); False when the report gives itself no date."""
    return state.written is not None and when.end < state.written.start


_PRICE_VERB = re.compile(r"\b(?:charges?|costs?|rents?|lists?|sells?|bills?|(?:is |are )?priced)\s*(?:from|at|for|between)?\s*"
                         r"(?:about|around|roughly|just|under|over|as little as|as low as)?\s*$", re.I)
# "H100 capacity on Orin Cloud rents for $2–3/hr": the provider before the price
_ON_PROVIDER = re.compile(rf"\b(?:on|at)\s+(?P<c>{NAME})\s+(?:now\s+)?(?:rents|costs|sells|lists|goes|is priced|is offered|starts|"
                          rf"begins|is|are|cleared|traded|averaged|sold|fetched|ran)\b[^,;]*$")
_ON_OPENING = re.compile(rf"(?:On|At)\s+(?P<c>{NAME}),\s")  # "On Vireo Cloud, H100s cost $2.10/hr"
_MODEL_BEFORE = re.compile(rf"\b(?P<m>{MODEL})s?\s*(?:costs?|at|for|is|are|:)?\s*$")
_PRICE_CHANGE = re.compile(r"^(?:cut|cuts|lowered|lowers|raised|raises|slashed|hiked|reduced|trimmed|dropped)\s+"
                           r"(?:its\s+|their\s+|the\s+)?", re.I)


_PRICED_OBJECT = re.compile(r"\b(?:prices|lists|offers|sells|rents|serves)\s+(?P<o>[^,;]{1,40}?)\s+(?:at|from)\s*$")


def _segment(text: str, q: Quantity, before: str) -> str | None:
    """What part a figure is about: '70% usage-based compute' -> 'usage-based compute'."""
    price_subject = re.search(r"([\w-]+(?:\s[\w-]+){0,2})\s+(?:pricing|prices?|costs?|rates?)\b", before, re.I)
    model = re.search(rf"\b{MODEL}\b", q.text) if q.currency and q.per == "hour" else None
    if model:  # "£1.85 per H100 GPU-hour"
        return model.group(0)
    priced = _PRICED_OBJECT.search(before) if q.currency and q.per else None  # "prices X at": a verb
    if q.currency and q.per and price_subject and not priced:
        return _PRICE_CHANGE.sub("", price_subject.group(1)) or None  # "cut on-demand H100 prices": on-demand H100
    rest = text[q.end:]
    rest = re.split(r"[,;]|\(|\)|\s(?:in|by|during|to|and)\s(?=\$|€|£|\d|[A-Z][a-z]+ \d)", rest)[0]
    candidate = rest.strip(" .")
    candidate = re.sub(r"^(?:of|from|for|in|on(?!\s+demand)|vs\.?|versus)\s+", "", candidate, flags=re.I)
    # "70% of its revenue from on-demand instances": what the share is of is the revenue, its part the rest
    candidate = re.sub(r"^(?:its|their|the company['’]s)\s+revenues?\s+(?:from|in|on)\s+", "", candidate, flags=re.I)
    if not candidate and priced:  # "prices DeepSeek-V3 at $0.27 per million input tokens"
        return priced.group("o")
    if not candidate and _PRICE_VERB.search(before):  # "Acme charges $2/hour": the words before are its subject,
        models = [m.group(0) for m in re.finditer(rf"\b{MODEL}(?=s?\b)|{GPU_NAME.pattern}", before)]  # unless they name a GPU ("H100s")
        return models[-1] if models and q.currency and q.per == "hour" else None  # ("H100 capacity is priced at")
    if not candidate:
        candidate = re.sub(r"\s*(?:starting at|starting from|from|at|of|to|is|was)\s*$", "", before.strip(" ,;("), flags=re.I)
        candidate = candidate.rsplit(": ", 1)[-1]  # "revenue by region: North America 62%": the part after the label
    for start, end, _ in reversed(find_dates(candidate)):
        candidate = candidate[:start] + candidate[end:]
    candidate = re.sub(r"\s+", " ", candidate).strip(" ,.;:")
    if _ONLY_QUALIFIER.fullmatch(candidate):  # "about $2.74 per hour": "about" is no segment
        return None
    return candidate[:80] or None


_ONLY_QUALIFIER = re.compile(r"(?:(?:or|and)\s+)?(?:about|approximately|around|roughly|nearly|almost|some|over|under|up to|at least|"
                             r"more than|less than)?", re.I)
