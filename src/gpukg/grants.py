"""Money given to a company rather than raised by it: grants listed under an introduction ("KNCA
also awarded grants to three startups:"), sums handed out after a colon ("... grants: £4 million to
Inkthorn AI, and £2.5 million to Tessellite Labs") and loans lent ("BNDN lent €220 million to
Lumenvale Cloud"). Each is a round, its giver among its investors.
"""
from __future__ import annotations

import re

from . import lexicon
from .amounts import find_quantities
from .dates import first_date
from .phrases import NAME, looks_like_name
from .reading import State, add, opening_name, trim_name
from .records import Round, Source


def listed_round(state: State, text: str, source: Source, subject: str | None) -> bool:
    """'KNCA also awarded grants to three startups:' over '- Nuribit AI (Busan): KRW 2.8 billion': each
    item a round of the kind the introduction names, from the one who gives it."""
    if text == state.intro:  # "... had raised $1.54 billion across five rounds:" introduces the rounds, it is none of them
        return False
    # money given, or the kind in the plural ("grants", "debt facilities"): "Our fund doubled down in the company's
    # Series B because the numbers kept surprising us:" introduces reasons, not rounds
    kinds = [kind for kind, start, end in lexicon.find("round_types", state.intro)
             if kind != "unspecified" and (_GIVES.search(state.intro) or _PLURAL.search(state.intro, start, end))]
    money = [q for q in find_quantities(text) if q.currency and not q.per]  # (a price is no round's amount)
    opener = re.match(NAME, text)  # each item opens with its company: "Sojung Robotics: KRW 1.2 billion"
    company = subject or opening_name(state, text) or (trim_name(state, opener.group(0)) if opener else None)
    if not kinds or len(money) != 1 or not company or not looks_like_name(company):
        return False
    giver = opening_name(state, state.intro)
    givers = (giver,) if giver and giver != company and _GIVES.search(state.intro) else ()
    add(state, Round(source, company, kinds[0], money[0], first_date(text), participants=givers),
        ("company", company), *[("investor", g) for g in givers])
    return True


# "lent €220 million to Lumenvale Cloud"; "handed out its first startup grants: £4 million to Inkthorn AI, ..."
# ... "gave a $60 million grant to Commonwealth Compute Cooperative": the kind between the sum and "to"
_MONEY_TO = re.compile(r"(?P<m>(?:[$€£¥₹₩]|[A-Z]{3}\s?|[A-Z]{1,2}\$)\s?\d[\d.,]*\s?(?:million|billion|trillion|crore|bn|mn|[MBK])?)"
                       r"(?:\s+(?P<kind>grant|loan))?"
                       rf"\s+to\s+(?:(?:[\w-]+-based|[a-z][\w-]*)\s+){{0,3}}(?P<c>{NAME})")
_LENDER = re.compile(rf"(?P<g>{NAME})(?:\s*\((?P<abbr>[A-Z]{{2,8}})\))?\s+(?:has\s+|also\s+)?(?:lent|loaned)\s+$")
_GIVER = re.compile(rf"(?P<g>{NAME})(?:\s*\((?P<abbr>[A-Z]{{2,8}})\))?\s+(?:has\s+|also\s+)?(?:gave|made|awarded|provided)\s+(?:a|an)\s+$")


def given_to(state: State, text: str, source: Source) -> bool:
    """Money given to a company by the sentence's subject: a loan ('lent ... to'), or items of the
    kind named before a colon ('... grants: £4 million to X, and £2.5 million to Y')."""
    if " to " not in text:
        return False
    head, colon, _ = text.partition(": ")
    kinds = [kind for kind, _, _ in lexicon.find("round_types", head) if kind != "unspecified"] if colon else []
    found = False
    for m in _MONEY_TO.finditer(text):
        lender = _LENDER.search(text, 0, m.start()) or (_GIVER.search(text, 0, m.start()) if m.group("kind") else None)
        if m.group("kind") and not lender:
            continue  # "added an AED 40 million grant to X": a round the sentence's own reading tells with its giver
        kind = {"grant": "grant", "loan": "debt-facility"}.get(m.group("kind") or "") or \
            ("debt-facility" if lender else kinds[0] if kinds and m.start() > len(head) else None)
        amount = next(iter(find_quantities(m.group("m"))), None)
        company = trim_name(state, m.group("c"))
        if not kind or not amount or not amount.currency or not company:
            continue
        giver = (lender.group("abbr") or trim_name(state, lender.group("g"))) if lender else opening_name(state, head)
        givers = (giver,) if giver and giver != company else ()
        add(state, Round(source, company, kind, amount, first_date(text[m.start():]) or first_date(text), participants=givers),
            ("company", company), *[("investor", g) for g in givers])
        found = True
    return found


_PLURAL = re.compile(r"(?<!ab)s$", re.I)  # "grants", "loans" (not "GPU ABS")
_GIVES = re.compile(r"\b(?:awarded|granted|gave|handed out|made|committed|lent|provided)\b")
