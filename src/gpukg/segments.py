"""What part of a measure a figure is of: a GPU model, a price's kind, a revenue segment.

A price also names its provider ("$1.29/hr on Tallis Cloud"); the patterns for that live
here too, and ``figures`` applies them.
"""
from __future__ import annotations

import re

from .amounts import GPU_NAME, MODEL
from .dates import find_dates
from .phrases import NAME
from .records import Quantity

PER_UNIT = re.compile(r"(?:\bper\s+|/\s*)(?:gpu[-\s]?)?(hour|hr|month|card|chip|unit)\b", re.I)  # "per GPU-hour", "/hr": what a price is per
PER_WORDS = {"hour": "hour", "hr": "hour", "month": "month", "card": "unit", "chip": "unit", "unit": "unit"}
PRICE_ON = re.compile(rf"\s+(?:on|at)\s+(?P<c>{NAME})(?=\s*(?:[,.;)]|$|\s(?:versus|vs\.?|and|while|but|is|was|are|remains|has|now)\b))")

_PRICE_VERB = re.compile(r"\b(?:charges?|costs?|rents?|lists?|sells?|bills?|(?:is |are )?priced)\s*(?:from|at|for|between)?\s*"
                         r"(?:about|around|roughly|just|under|over|as little as|as low as)?\s*$", re.I)
# "H100 capacity on Orin Cloud rents for $2–3/hr": the provider before the price
ON_PROVIDER = re.compile(rf"\b(?:on|at)\s+(?P<c>{NAME})\s+(?:now\s+)?(?:rents|costs|sells|lists|goes|is priced|is offered|starts|"
                          rf"begins|is|are|cleared|traded|averaged|sold|fetched|ran|for)\b[^,;]*$")  # "H100s on X for $1.89/hr"
ON_OPENING = re.compile(rf"(?:On|At)\s+(?P<c>{NAME}),\s")  # "On Vireo Cloud, H100s cost $2.10/hr"
MODEL_BEFORE = re.compile(rf"\b(?P<m>{MODEL})s?\s*(?:costs?|at|for|is|are|:|@)?\s*$")  # "H100s @ $1.85/hr"
_PRICE_CHANGE = re.compile(r"^(?:cut|cuts|lowered|lowers|raised|raises|slashed|hiked|reduced|trimmed|dropped)\s+"
                           r"(?:its\s+|their\s+|the\s+)?", re.I)


_PRICED_OBJECT = re.compile(r"\b(?:prices|lists|offers|sells|rents|serves)\s+(?P<o>[^,;]{1,40}?)\s+(?:at|from)\s*$")


def segment_of(text: str, q: Quantity, before: str) -> str | None:
    """What part a figure is about: '70% usage-based compute' -> 'usage-based compute'."""
    # (not from inside a possessive: "Brisk Cloud's H100 rate" is of H100s, not of "s H100")
    price_subject = re.search(r"(?<![\w'’])([\w-]+(?:\s[\w-]+){0,2})\s+(?:pricing|prices?|costs?|rates?)\b", before, re.I)
    model = re.search(rf"\b{MODEL}\b", q.text) if q.currency and q.per == "hour" else None
    if model:  # "£1.85 per H100 GPU-hour"
        return model.group(0)
    priced = _PRICED_OBJECT.search(before) if q.currency and q.per else None  # "prices X at": a verb
    if q.currency and q.per and price_subject and not priced:
        # "cut on-demand H100 prices": on-demand H100; "Scarrow Compute cut its price": nothing after "its"
        told = re.split(r"\b(?:its|their|our)(?:\s+|$)", price_subject.group(1))[-1]
        return _PRICE_CHANGE.sub("", told) or None
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
    if _ONLY_QUALIFIER.fullmatch(candidate) or _MONTH.fullmatch(candidate):  # "about $2.74 per hour", "to €1.95/hr in August":
        return None  # "about" and "August" are no segments
    return candidate[:80] or None


_MONTH = re.compile(r"(?:early|mid|late|mid-)?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?", re.I)
_ONLY_QUALIFIER = re.compile(r"(?:(?:or|and)\s+)?(?:about|approximately|around|roughly|nearly|almost|some|over|under|up to|at least|"
                             r"more than|less than)?", re.I)
