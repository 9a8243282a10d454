"""Observations from the numbers in a line: what each measures, when, and with what qualifiers.

The label of a bullet says what its numbers measure unless the words right
after a number say otherwise ("$863M loss" under "2024 Revenue").
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from . import lexicon
from .amounts import GPU_NAME, LANGUAGE_MODEL, MODEL, TOKEN_UNITS, find_quantities
from .dates import find_dates, first_date, opening_date, relative_dates, year_before
from .fiscal import fiscal_when
from .metrics import (
    BASELINE, FALL_BEFORE, MONEY_METRICS, continued, counted, grown, label_rest, label_slug, metric_for, metric_of, per_carried,
    names_a_measure, small_totals,
)
from .phrases import AWARD, NAME, clauses, looks_like_name, looks_like_org, strip_parens
from .records import Observation, Quantity, Source, When
from .reading import State, add, principal_company, qualifiers, trim_name
from .segments import MODEL_BEFORE, ON_OPENING, ON_PROVIDER, PER_UNIT, PER_WORDS, PRICE_ON, segment_of


# a date a figure is counted from or compared with is not its date ("since its founding in 2022")
_FROM_DATE = re.compile(r"\b(?:from|since|than(?: in)?|versus|vs\.?|since (?:its|the company['’]s) (?:founding|inception|launch) in)\s*$",
                        re.I)


# "| Prior valuation |", "| Previous round |": what a figure was before, in a column of its own
_EARLIER_LABEL = re.compile(r"\b(?:prior|previous|old|earlier)\b", re.I)
# "Convertible Senior Notes due 2031", "mature on November 3, 2030": when a debt falls due, not when its figures hold
_MATURITY = re.compile(r"\b(?:due|matur(?:e|es|ing)(?:\s+(?:on|in))?)\s*$", re.I)
# "under the 2021 Stock Plan": a year that names a plan
_PLAN_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+\s+){0,2}Plan\b")


_TOP = re.compile(r"\btop\s*$", re.I)


_SEGMENT_FROM_TEXT = {"revenue-share", "customer-concentration", "market-share", "price", "unclassified"}


_RELATED_METRICS = {"revenue-share", "customer-concentration", "market-share"}


_PRICES_INTRO = re.compile(r"\b(?:prices?|rates?|pricing)\b[^.]*:\s*$", re.I)
def _as_of(text: str) -> When | None:
    """The date an 'As of <date>,' or 'At <date>,' opening gives the whole sentence."""
    m = _AS_OF.match(text)
    return opening_date(text[m.start("d"):]) if m else None


_AS_OF = re.compile(r"\s*(?:[Aa]s of|[Aa]s at|[Aa]t the end of|[Aa]t)\s+(?P<d>)")
_SHARES = re.compile(r"\b(?:shares|ADSs|ADRs|stock)\b")
_EACH = re.compile(r"\s*(?:each|apiece|a share|per ADS|an ADS|per ADR)\b")
_HOURLY = re.compile(r"\bhourly\s+(?:rate|price|list price)s?\b[^.;$€£]{0,25}(?:[$€£][\d.,]+[^.;$€£]{0,10})?$", re.I)


_POWER_UNITS = frozenset({"kilowatt", "megawatt", "gigawatt"})
_MODEL_COUNTED = re.compile(rf"\s+(?:NVIDIA\s+|AMD\s+)?({MODEL})(?:s\b|\s+GPUs?\b)")


_OF_WHICH = re.compile(r"[^,;.]{0,20},\s*of which\s*(?:around\s+|about\s+|some\s+|roughly\s+)?", re.I)
_BRACKETED = re.compile(r"\(([^()]{2,30})\)")


_UNIT_ONLY = re.compile(r"(?i)(?:[a-z]{3}|[$€£¥₹])?\s*(?:/|per\s+)?\s*(?:gpu[-\s]?)?(?:hour|hr|h|month|mo|year|yr)?")


# "| Staff cut |", "| GPUs added |": how much a measure moved, not where it stands (the label names it)
_CHANGE_LABEL = re.compile(r"\b(?:cut|cuts|laid off|layoffs?|reduction|added|change|net new)\b", re.I)
_VERSUS_LABEL = re.compile(r"\b(?:vs\.?|versus|relative to|premium to|discount to)(?=\s)", re.I)


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
    label_metric = metric or (metric_of(label_text) if label and not _CHANGE_LABEL.search(label_text) else None)
    if label and not metric and _VERSUS_LABEL.search(label_text):
        label_metric = "growth-rate"  # "| Secondary price vs. last round |" over "+158%": how far it moved, not a price
    unit_said = _BRACKETED.search(label) if label and not label_metric else None
    if unit_said and not find_quantities(unit_said.group(1)):  # "| Fleet (GPUs) |": the bracket names what is counted
        label_metric = metric_of(unit_said.group(1))
    fallback = (label_slug(label_text) if names_a_measure(label_text) else "unclassified") \
        if label and subject and not prose and not label_metric else None
    # "As of September 30, 2025, the Company operated approximately 64,000 GPUs": the date the sentence opens with
    # "| Prior valuation |" beside the row's "| Oct 2025 |": what it was before, not of the row's date
    earlier = bool(label and not prose and _EARLIER_LABEL.search(label_text))
    label_when = (first_date(label) if label else None) or (None if earlier else row_when) or (_as_of(text) if prose else None)
    # ... or "In September 2025, after two contracts were deferred, Talvera cut its team from 248 to 179" (up to a
    # semicolon: "; headcount has since edged up to 183" is of a later time)
    opened = opening_date(text) if prose and not label_when else None
    opened_until = text.find(";") if ";" in text else len(text)
    label_qualifiers = (qualifiers(label) if label else ()) + (("former",) if earlier else ())
    label_per = PER_UNIT.search(label) if label else None
    quantities = [q for q in find_quantities(text) if not (q.unit == "count" and _TOP.search(text[:q.start]))]
    per = PER_WORDS.get((label_per.group(1) if label_per else row_per or "").lower())
    if per:
        quantities = [replace(q, per=per) if q.currency and not q.per else q for q in quantities]
    # "24 million ADSs, marketed at $14 to $16 each": prices of a share
    if _SHARES.search(text):
        quantities = [replace(q, per="share") if q.currency and not q.per and _EACH.match(text, q.end) else q
                      for q in quantities]
    # "On-demand list prices per GPU-hour, as published on 28/11/2025:" over "- **Jabuti Compute:** H100 at R$13.90":
    # a GPU's price under an introduction that says what prices are per
    intro_per = PER_UNIT.search(state.intro) if not per and _PRICES_INTRO.search(state.intro) else None
    if intro_per:
        quantities = [replace(q, per=PER_WORDS[intro_per.group(1).lower()])
                      if q.currency and not q.per and re.search(rf"\b{MODEL}\b|{GPU_NAME.pattern}", text[:q.start]) else q
                      for q in quantities]
    # "lowered its H100 hourly rate from $3.25 to $2.66": prices per hour
    quantities = [replace(q, per="hour") if q.currency and not q.per and _HOURLY.search(text, max(0, q.start - 60), q.start)
                  else q for q in quantities]
    if not quantities:
        return
    # ("| H100 SXM |", "| A100 80GB |": a model's form factor or memory beside it)
    model = re.fullmatch(rf"{MODEL}(?:\s+(?:SXM\d?|PCIe|NVL\d*|HGX|\d+\s?GB))*(?:\s+GPUs?)?", label_text.strip()) \
        if label and not label_metric else None
    if model and all(q.currency for q in quantities):  # "| H100 |" over "$2.49": the price of that GPU
        label_metric, fallback, row_segment = "price", None, row_segment or model.group(0).split()[0]
    dates = [d for d in find_dates(text) if not _FROM_DATE.search(text[:d[0]]) and not _MATURITY.search(text[:d[0]])
             and not _PLAN_AFTER.match(text, d[1])]
    dates = sorted(dates + [d for d in relative_dates(text, state.written)
                            if not any(s < d[1] and d[0] < e for s, e, _ in dates)], key=lambda d: d[0])
    parts = clauses(text)
    # A number whose measure cannot be told is still kept, as an unclassified figure.
    fallback = fallback or ("unclassified" if prose else None)
    metrics = [metric_for(q, text, label_metric, state.intro if prose else "") or fallback for q in quantities]
    # "| EV/2025E revenue |" over "13.1x": a multiple no measure of ours holds, kept unclassified, the header saying of what
    # ... and so is a table's count under a header that names a ratio ("| Shares issued |" over "3,000,000" is no market share)
    metrics = [m or ("unclassified" if label and (q.unit == "multiple" or not prose and label_metric) else None)
               for q, m in zip(quantities, metrics)]
    # After the first number, a counted noun beats the label: "GPUs: 3,200 across 2 sites".
    metrics = [(counted(q) or m) if i and q.unit == "count" else m for i, (q, m) in enumerate(zip(quantities, metrics))]
    metrics = continued(quantities, metrics, text, fallback)
    # ... and a fall is a growth rate below zero ("revenue fell 20%": -20)
    quantities = [replace(q, value=-q.value) if m == "growth-rate" and q.value and q.value > 0
                  and FALL_BEFORE.search(text, max(0, q.start - 40), q.start) else q for q, m in zip(quantities, metrics)]
    # "Power under contract: 340 MW": power, whatever else the words name
    metrics = ["power-capacity" if q.unit in _POWER_UNITS and not q.currency and m not in (None, "growth-rate") else m
               for q, m in zip(quantities, metrics)]
    # "Market cap at $21 of $5.4 billion": the first amount is the share price the second is counted at
    metrics = ["share-price" if q.currency and m in ("market-cap", "valuation") and _AT_PRICE.search(text, 0, q.start)
               and _OF_AMOUNT.match(text, q.end) else m for q, m in zip(quantities, metrics)]
    # "Priced at $27, top of the $24-27 range", "opened at $34.50": a listing's share prices
    if _SHARE_WORDS.search(text):
        metrics = ["share-price" if m == "unclassified" and q.currency and not q.per and (q.high or q.value or 0) < 10_000
                   and (_PRICED_AT.search(text, 0, q.start) or _RANGE_AFTER.match(text, q.end)) else m
                   for q, m in zip(quantities, metrics)]
    metrics = small_totals(quantities, metrics, text)
    # a PUE is a ratio of two energies, not a count of anything
    quantities = [replace(q, unit="ratio") if m == "power-usage-effectiveness" and q.unit == "count" else q
                  for q, m in zip(quantities, metrics)]
    quantities = per_carried(quantities, metrics)
    whens = [_date_for(i, quantities, dates, parts, text) for i in range(len(quantities))]
    whens = _years_before(quantities, whens, text)
    # "turnover ... in 2024 was £412 million, of which £158 million was generated in the UK": a part, of the same time
    whens = [w or (whens[i - 1] if i and _OF_WHICH.fullmatch(text[quantities[i - 1].end:q.start]) else None)
             for i, (q, w) in enumerate(zip(quantities, whens))]
    # "Llama 3.1 8B is $0.10 in and out, and Qwen2.5 72B is $0.70 input / $0.90 output": token prices, per the unit
    # this sentence or the report's last token price gives
    tokens = next((q.per for q in quantities if q.per in TOKEN_UNITS), None) or state.token_per
    if tokens and ("put" in text or " in and out" in text or "/" in text):
        pairs = bool(LANGUAGE_MODEL.search(text))  # ("$2.10/$2.50" of GPUs is no pair of token prices)
        sides = [_side(text, q, pairs) if q.currency and not q.per else None for q in quantities]
        quantities = [replace(q, per=tokens, noun=side) if side else q for q, side in zip(quantities, sides)]
        metrics = ["price" if side else m for m, side in zip(metrics, sides)]
    state.token_per = next((q.per for q in quantities if q.per in TOKEN_UNITS), state.token_per)
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
        if name == "price" and q.currency and not q.per and state.price_per:
            q = replace(q, per=state.price_per)  # "Prices are per GPU-hour ..." said once for the report
        clause = next(c for c in parts if c.start <= q.start <= c.end)
        before = text[clause.start:q.start]
        baseline = bool(BASELINE.search(before))
        opening = opened if q.start < opened_until and "former" not in q.qualifiers else None
        when = whens[i] or (None if baseline else label_when or opening)
        segment = None
        if name == "growth-rate":
            if main is not None:
                when = whens[main] or label_when
            if _COMPOUND.search(text) and main is not None:  # a CAGR spans the first to the last date of what it grows
                when = _span([w for m, w in zip(metrics, whens) if w and m == metrics[main]]) or when
            when = _own_span(text, q) or when
            segment = grown(text, q, metrics[main] if main is not None else label_metric)
            if not prose and label and _VERSUS_LABEL.search(label_text):
                segment = label_text.strip()  # what moved, against what
        elif name in _SEGMENT_FROM_TEXT or name == fallback:
            segment = segment_of(text, q, before)
        elif name == "market-size":
            found = re.search(r"((?:[\w-]+\s){0,3}market)\b", before, re.I)
            segment = re.sub(r"^(?:the|a|an|this|its)\s+", "", found.group(1), flags=re.I) if found else None
        elif label_metric:
            segment = label_rest(label_text)
        if prose and label and name != "growth-rate" and (segment is None or lexicon.exact("metrics", segment)):
            segment = label_text
        if baseline and i and metrics[i - 1] == name and \
                (quantities[i - 1].currency, quantities[i - 1].unit) == (q.currency, q.unit):
            segment = segments.get(i - 1)  # "up from 35% in 2024": of the same thing as the number before
        segment = segment or row_segment
        if name == "unclassified" and label and not prose:
            segment = segment or label_text.strip()  # "| Tranche A |" over "$500M", "| % of workforce |": what the column is of
        counted_model = _MODEL_COUNTED.match(text, q.end) if name == "gpus" and not segment else None
        if counted_model:  # "brought 16,000 B200s online": GPUs of that model
            segment = counted_model.group(1)
        named_models = list(LANGUAGE_MODEL.finditer(text, clause.start, q.start)) \
            if q.per in TOKEN_UNITS and not (segment and LANGUAGE_MODEL.fullmatch(segment)) else []
        if named_models:  # "cut Llama 3.3 70B from $0.88 to $0.54 per million tokens": that model's price
            segment = named_models[-1].group(0)
        if q.per in TOKEN_UNITS and q.noun in ("input tokens", "output tokens", "input and output tokens"):
            segment = ", ".join(p for p in (segment, q.noun) if p)
        if fallback not in (None, "unclassified") and name == "price" and segment == row_segment and label_text.strip() \
                and not _UNIT_ONLY.fullmatch(label_text.strip()):  # ("| JPY/month |" names no kind of price)
            # "| On-demand ($/GPU-hr) |" over "2.35": a price, and the header says of which kind (and of which
            # GPU, when it names the row's: "| H100 on-demand ($/hr) |")
            kind = label_text.strip()
            segment = kind if row_segment and re.search(rf"\b{re.escape(row_segment)}\b", kind) else \
                ", ".join(p for p in (row_segment, kind) if p)
        provider = (PRICE_ON.match(text, q.end) or ON_PROVIDER.search(text, clause.start, q.start)
                    or ON_OPENING.match(text)) if name == "price" and q.currency and q.per else None
        provider_name = trim_name(state, provider.group("c")) if provider else ""
        if re.fullmatch(rf"{MODEL}(?:\s+GPUs?)?", provider_name):  # "$0.00042/sec on L40S": the GPU, no provider
            segment, provider_name = segment or provider_name, ""
        if provider_name:  # "A100 instances start at $1.29/hr on Tallis Cloud": that provider's price of that GPU
            models = re.findall(rf"\b{MODEL}\b", text[:q.start])
            segment = models[-1] if models else None
            providers[i] = provider_name
        elif name == "price" and q.currency and q.per and providers:  # "..., versus $5.50 on demand": the same provider's
            provider_name = providers[max(providers)]
        listed_model = MODEL_BEFORE.search(text, max(0, q.start - 24), q.start) if name == "price" else None
        if listed_model:  # "H100s cost $2.10/hr, A100s $1.40/hr and L40S $0.90/hr": each GPU its price
            segment = listed_model.group("m")
        in_unit = re.search(rf"\b{MODEL}(?=[-\s]hours?\b)", q.text) if name == "price" and not segment else None
        if in_unit:  # "$2.49 per H100-hour"
            segment = in_unit.group(0)
        segments[i] = segment
        present = [m.end() for m in _PRESENT.finditer(before)]  # "plans ... and already operates 10,000": not planned
        stated = q.qualifiers + qualifiers(before[present[-1]:] if present else before) + \
            qualifiers(_parenthesis_after(text, q)) + (("projected",) if _PLANNED_AFTER.match(text, q.end) else ())
        if not baseline:
            stated += label_qualifiers
        if when and re.search(rf"\bby\s+{re.escape(when.text)}", text) and not _before_report(state, when) \
                and not _REACHED.search(before):  # "reached EUR 85 million by June 2026" was, whatever the report's date
            stated += ("projected",)
        marked = re.search(rf"{re.escape(when.text)}\s?([EF])\b", text) if when and when.precision == "year" else None
        if marked:  # "in 2025E", "by 2030F": the writer's estimate, or forecast
            stated += ("estimated",) if marked.group(1) == "E" else ("projected",)
        if name == "growth-rate" and when and when.iso is None and state.written and when.end > state.written.end:
            stated += ("projected",)  # "a compound annual growth rate of 27% from 2025 to 2030" in a report of 2025
        elif when and _not_begun(state, when) and "projected" not in stated:
            stated += ("projected",)  # "24,000 GB200s in Q2 2026" in a report of 2025: a period not yet begun is a plan
        related, whose = None, trim_name(state, valued.group("c")) if valued else provider_name or subject
        if name == "fund-size" and not whose:  # "Fund II ($210M)" on a firm's own page: the firm's fund
            whose = state.author
        other = _OTHERS_NUMBER.search(text, max(0, q.start - 60), q.start)
        # (a bracket only around money: "OpenAI (35%)" is a customer's share of the company's revenue)
        named = trim_name(state, other.group("c")) if other and ("'" in other.group(0) or "’" in other.group(0)
                                                                 or q.currency) else ""
        if named and (named in state.names or looks_like_org(named)):  # "twice Vantorra AI's 15,000", "Emberline ($2.80)"
            whose = named
        if not whose and name in MONEY_METRICS:
            # "Shiokaze's FY2024 revenue is about $299 million", "brings Lumarra's total funding to $1.6 billion": the
            # company whose measure the clause names, when the sentence gave the figure no company
            owned = _OWN_MEASURE.search(before)
            owner_name = trim_name(state, owned.group("c")) if owned and metric_of(owned.group("m")) == name else ""
            whose = owner_name if owner_name and owner_name in state.names else whose
        owner = _SHARE_OF_REVENUE.match(text, q.end) if name == "revenue-share" and subject else None
        if owner and trim_name(state, owner.group("c")) not in ("", subject):
            # "Microsoft accounted for 62% of Brightwell's revenue": Brightwell's customer concentration
            name, whose, related, segment = "customer-concentration", trim_name(state, owner.group("c")), subject, None
        elif name in _RELATED_METRICS and segment:
            related = next((form for form, _, _ in state.names.find(segment)), None)
        elif name == "contract-value":  # "a $14.2 billion contract with Meta": the other party
            party = _WITH_PARTY.match(text[q.end:].split(";")[0])
            award = AWARD.search(text) if not party else None  # "BSK awarded a €1.2 billion contract to X": the awarder
            related = trim_name(state, party.group("c")) if party else \
                award and (award.group("abbr") or trim_name(state, award.group("a"))) or None
        elif name == "ownership-stake":
            # (a table's "Ownership %" beside a row's company: that company's equity, its holder the writer)
            whose, related = (None, whose) if label and not prose else _stake_parties(state, text, q)
        payer = _ACCOUNTED_BY.search(text, 0, q.start) if name in ("revenue-share", "customer-concentration") else None
        paid = trim_name(state, payer.group("c")) if payer else ""
        if paid and looks_like_name(paid) and (paid != whose or not owner):
            # "Skelmora accounted for 38% of Tessivar's 2024 revenue": the customer who did; "the AI lab Mistwell Labs
            # accounted for 41% of 2024 revenue" in a company's article: its customer, whoever the sentence opened with;
            # "Glasswing AI accounted for approximately 47% of our revenue" in a filing: the filer's, never the customer's
            name, related = "customer-concentration", paid
            whose = whose if owner else next((c for c in (state.company, principal_company(state)) if c not in (None, paid)),
                                             None if whose == paid else whose)
        customer = _NAMED_SHARE.search(text, 0, q.start) if q.unit == "percent" and _CUSTOMERS.search(text) else None
        if customer and trim_name(state, customer.group("c")):
            # "Key customers include OpenAI (35% of revenue) and Microsoft (20%)": a customer's share
            name, related, segment = "customer-concentration", trim_name(state, customer.group("c")), None
        top = _TOP_CUSTOMERS.search(text, 0, q.start) if q.unit == "percent" else None
        if top:  # "The top five customers account for 78% of revenue"; "the largest customer, Nimbleleaf Health, accounted for"
            name, segment = "customer-concentration", top.group("who")
            named = trim_name(state, top.group("named")) if top.group("named") else ""
            related = named if named and looks_like_name(named) else related
            if _OUR.search(text, 0, top.start()):  # "and our five largest customers together accounted for 79%": the writer's
                whose = next((c for c in (state.company, principal_company(state)) if c), whose)
        # whose revenue, valuation or fleet a report gives is a company, whatever else it is
        if name == "share-price" and not q.per:  # "Shares closed at $58.10": a price per share
            q = replace(q, per="share")
        when = fiscal_when(state, whose, when)
        add(state, Observation(source, whose, name, q, when, segment, related, tuple(dict.fromkeys(stated))),
             ("company" if name in _COMPANY_METRICS else "org", whose), ("org", related))


# "another 150 MW under development", "the first 4,000 of those GPUs go live in Q1 2026": still to come
_PLANNED_AFTER = re.compile(r"(?:\s+(?:of\s+)?[\w-]+){0,3}?\s+(?:(?:is|are)\s+)?(?:under development|under construction|in development|"
                            r"due (?:in|by|online)|scheduled to|slated to|to come online|coming online|(?:will\s+)?go live|"
                            r"(?:should|will|would)\s+(?:be\s+)?(?:live|online|operational|deployed|installed|delivered|in service))\b")
_CUSTOMERS = re.compile(r"\b(?:customers?|clients?)\b", re.I)
_NAMED_SHARE = re.compile(rf"(?P<c>{NAME})\s*\(\s*(?:about\s+|~)?$")
# ("the largest customer, Nimbleleaf Health, accounted for", "41 customers; the largest, a frontier AI lab, accounts for")
_TOP_CUSTOMERS = re.compile(r"\b(?P<who>(?:top|largest|biggest)\s+(?:\w+\s+)?(?:customers|clients)|(?:largest|biggest|top)\s+customer|"
                            r"(?<=customers; the )(?:largest|biggest)|(?<=customers, the )(?:largest|biggest))"
                            r"(?:,\s*(?P<named>[^,;]{1,60}),)?(?:\s+(?:together|combined|collectively))?"
                            r"\s+(?:(?:accounts?|accounted|made up|makes up|make up|represents?|represented|generated|generates?|contributed|"
                            r"contributes?|brought in|bring in|were|was|are|is)\s+(?:for\s+)?|for\s+)"  # "... and its top five for 83%"
                            r"(?:about\s+|roughly\s+|nearly\s+|over\s+)?$", re.I)
_OUR = re.compile(r"\bour\s+(?:\w+\s+)?$", re.I)  # (not "its": the company of the sentence, which may be any)
_WITH_PARTY = re.compile(rf"[^.]{{0,60}}?\bwith\s+(?P<c>{NAME})")
# "a 4.8% equity stake in Thornfield", "owns 40% of Red Mesa Power Partners": the company whose equity it is
_STAKE_IN = re.compile(rf"[\w\s-]{{0,30}}?\b(?:in|of)\s+(?P<c>{NAME})")
_HELD_BY = re.compile(rf"[\w\s-]{{0,30}}?\bheld\s+by\s+(?P<c>{NAME})")  # "a 40% equity stake held by Magnetar"
_NAMED = re.compile(rf"\s*(?P<c>{NAME})")
_ITS_HOLDERS = re.compile(r"['’]s?\s+(?:share|stock)?holders|['’]s?\s+(?:owners|investors|founders|backers)\b")


def _stake_parties(state: State, text: str, q: Quantity) -> tuple[str | None, str | None]:
    """Who holds a stake and in what. The holder is the organization its clause opens with ("Microsoft also holds a 4.8%
    stake"; none for "the co-founders together hold 24%", nor for "Stourcastle's holders keep 40%"), or the one it is held
    by; the company is the one named after the stake, else the section's (not the sentence's subject: in "SoftBank owned 31%
    ...; its founder holds 12%" the founder's 12% is not of SoftBank)."""
    by = _HELD_BY.match(text, q.end)
    clause = re.split(r"[.;:]\s", text[:q.start])[-1]
    first = next(iter(state.names.find(clause)), None)
    opens = _NAMED.match(clause) if first is None else None
    if opens and looks_like_org(opens.group("c")):  # a name not learned yet (a first reading knows none)
        first = (opens.group("c"), opens.start("c"), opens.end("c"))
    holder = trim_name(state, by.group("c")) if by else \
        trim_name(state, first[0]) if first and not _ITS_HOLDERS.match(clause, first[2]) else ""
    held = _STAKE_IN.match(text, q.end)
    company = trim_name(state, held.group("c")) if held else ""
    if not (company and (company in state.names or looks_like_org(company))):
        company = state.company if state.company != holder else ""
    return holder or None, company or None


# a company's measure named before the number: "Shiokaze's FY2024 revenue is about", "Lumarra's total funding to"
_OWN_MEASURE = re.compile(rf"(?P<c>{NAME})['’]s?\s+(?P<m>(?:[\w-]+\s+){{0,2}}?[a-z][\w-]*)\s+(?:is|was|were|of|to|at|"
                          r"reached|rose\s+to|fell\s+to|stood\s+at|came\s+to|totals?|totalled|totaled)\s+"
                          r"(?:about\s+|roughly\s+|around\s+|nearly\s+|some\s+|over\s+|~)?$")
# a number right after another company's possessive or that company's name and a bracket
_OTHERS_NUMBER = re.compile(rf"(?P<c>{NAME})(?:['’]s\s+|\s+\(\s*)(?:~|about\s+)?$")
_VALUED_NAME = re.compile(rf"\bvalu(?:ing|ed|es)\s+(?P<c>{NAME})\s+at\s+(?:[a-z]+\s+)?$")
_AT_PRICE = re.compile(r"\bat\s+$")
_IN_OUT = re.compile(r"\s+(input|output|in and out)\b")
_PAIR_NEXT = re.compile(r"\s?/\s?(?=[$€£]\s?\d)")  # "$0.05/$0.08": input, then output
_PAIR_BEFORE = re.compile(r"[$€£]\s?[\d.]+\s?/\s?$")


def _side(text: str, q: Quantity, pairs: bool) -> str | None:
    """Which tokens a price told beside another is for: '$0.70 input', '$0.10 in and out', '$0.05/$0.08'."""
    said = _IN_OUT.match(text, q.end)
    if said:
        return {"input": "input tokens", "output": "output tokens"}.get(said.group(1), "input and output tokens")
    if not pairs:
        return None
    if _PAIR_NEXT.match(text, q.end):
        return "input tokens"
    return "output tokens" if _PAIR_BEFORE.search(text, max(0, q.start - 12), q.start) else None


_PRICED_AT = re.compile(r"\b(?:[Pp]riced|[Oo]pened|[Cc]losed|[Ss]old)\s+(?:its\s+(?:IPO|shares|offering)\s+|shares\s+)?at\s+(?:about\s+|~)?$")
_RANGE_AFTER = re.compile(r"\s+(?:price\s+)?range\b")
_SHARE_WORDS = re.compile(r"\b(?:IPO|shares?|range|offering|listing|debut|per share|float|greenshoe)\b", re.I)
_OF_AMOUNT = re.compile(r"\s+of\s+(?:about\s+|roughly\s+|some\s+|~)?(?:[A-Z]{1,2}\$|[$€£¥₹₩]|[A-Z]{3}\s?\d)")
_ACCOUNTED_BY = re.compile(rf"(?P<c>{NAME})\s+(?:alone\s+)?(?:accounted|accounts|represented|represents|made\s+up|makes\s+up|"
                           r"generated|contributed|brought\s+in)\s+(?:for\s+)?(?:about\s+|roughly\s+|around\s+|nearly\s+|"
                           r"almost\s+|some\s+|over\s+|more\s+than\s+|approximately\s+|an\s+estimated\s+|"
                           r"just\s+(?:over|under)\s+)?$")
_SHARE_OF_REVENUE = re.compile(rf"\s*of\s+(?P<c>{NAME})['’]s?\s+(?:[\w-]+\s+){{0,2}}?revenues?\b")
_COMPANY_METRICS = frozenset({"revenue", "arr", "valuation", "gpus", "data-centers", "customers", "total-raised", "loss"})


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


_REACHED = re.compile(r"\b(?:reached|hit|topped|crossed|passed|surpassed|exceeded|(?:grew|rose|climbed|jumped)\s+to|"
                      r"had\s+(?:reached|hit|grown\s+to|risen\s+to|climbed\s+to|topped|crossed|passed))\s+(?:\w+\s+){0,2}$")
_PRESENT = re.compile(r"\b(?:already|now|currently|today|at present)\b", re.I)
_CLOSING_DATE = re.compile(r"\b(?:in|at the end of|end of|as of|during|at year-end)\s*$", re.I)
_OTHER_TIME = re.compile(r"\b(?:now|today|currently|current|planned|plans?|will|expected|targets?|by|to|from|"
                         r"until|since|before|after|then|previously|earlier|later)\b", re.I)


_COMPOUND = re.compile(r"\bcagr\b|\bcompound annual", re.I)


# "a CAGR of 38% over 2024–2028", "27% from 2025 to 2030", "fell 35% between Q1 2024 and Q1 2025": the period a
# rate of growth names for itself, right after it
_OVER = re.compile(r"[^.;]{0,40}?\b(?:over|from|between|during|across)\s+(?:the\s+(?:period\s+)?)?$")
_TO = re.compile(r"\s*(?:to|and|through|until|-|–)\s*$")


def _own_span(text: str, q: Quantity) -> When | None:
    dates = find_dates(text)  # (with those after "from", which the figures' own dates leave out)
    after = [d for d in dates if d[0] >= q.end and _OVER.fullmatch(text, q.end, d[0])][:1]
    if not after:
        return None
    start, end, first = after[0]
    if first.start.year != first.end.year:  # "2024–2028": a span already
        return first
    then = next((d for d in dates if d[0] >= end and _TO.fullmatch(text, end, d[0])), None)
    return _span([first, then[2]]) if then else None


def _span(whens: list[When]) -> When | None:
    first, last = min(whens, key=lambda w: w.start, default=None), max(whens, key=lambda w: w.end, default=None)
    if first is None or last is None or first.end >= last.start:
        return None
    return When(f"{first.text} to {last.text}", None, "year" if "year" in (first.precision, last.precision) else "month",
                first.start, last.end)


def _parenthesis_after(text: str, q: Quantity) -> str:
    m = re.match(r"\s*\(([^)]*)\)", text[q.end:])
    return m.group(1) if m else ""


def _before_report(state: State, when: When) -> bool:
    """Whether ``when`` ended before the date of the report ('by mid-2025' in a report of Q1 2026
    is a fact, not a projection); False when the report gives itself no date."""
    return state.written is not None and when.end < state.written.start


def _not_begun(state: State, when: When) -> bool:
    """Whether ``when`` starts more than a month after the report's own date (a day or a month: a year, often the
    year a report covers, is too rough to tell; and a note of the next days, an editor's, is no plan)."""
    written = state.report_written
    return bool(written and written.precision in ("day", "month") and when.start > written.end + timedelta(days=31))
