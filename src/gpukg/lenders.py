"""Funding told from the funder's side: who gives money to whom when the investor is the subject
("Magnetar provided a $2.3B facility to Stratos Cloud", "MSIT awarded Garam Compute a grant"), and
which side of a signed facility borrows ("Acme Cloud signed a $300M facility with Blackstone").

``rounds`` asks this module; no pattern names a company.
"""
from __future__ import annotations

import re

from . import lexicon
from .names import mentioned, name_key
from .phrases import NAME, OFFICE_OF
from .raisers import PRONOUN
from .reading import COMMON_NOUN, State, kinds_of, owned_name, trim_name


# a date after "in", not the company money went into: "added a ¥6 billion extension in November 2025"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|Q[1-4]\b|H[12]\b"
# "Arcadia Investment Authority committed $500M to Helix Compute": the investor is the subject
# "Magnetar provided a $2.3B debt facility to Stratos Cloud", "SoftBank Vision Fund 2 put $200 million into X"
# "The EIB signed a €180 million venture debt facility with Atlantica GPU", "METI approved a ¥5.2 billion
# subsidy for Fujimi's data center", "granted €60 million to", "added an AED 40 million grant to"
_INVESTOR_SUBJECT = re.compile(rf"(?P<i>{NAME}(?:\s+(?:\d|I{{1,3}}|IV|V)\b)?)(?:\s*\([A-Z][\w&]{{1,7}}\))?\s+(?:has\s+|later\s+|then\s+|also\s+)?(?:(?:committed|invested|injected|put|"
                               rf"provided|extended|arranged|anchored|granted|added|approved|pledged)\s+(?:[^,;]|,(?=\d)){{0,40}}?\s+(?:to|in|into|for)|"
                               rf"doubled\s+down\s+on|(?:signed|agreed)\s+(?=[^,;]{{0,40}}?(?:facility|loan|grant|financing))[^,;]{{0,40}}?\s+with)"
                               rf"\s+(?!{_MONTH})(?P<c>{NAME})")
# "MSIT awarded Garam Compute a ₩45 billion grant": the funded company right after the verb
_INVESTOR_GAVE = re.compile(rf"(?P<i>{NAME})(?:\s*\([A-Z][\w&]{{1,7}}\))?\s+(?:has\s+|later\s+|then\s+|also\s+)?(?:awarded|granted|gave|handed|lent|loaned)\s+"
                            rf"(?P<c>{NAME})\s+(?:an?\s+|about\s+)?[$€£¥₹₩A-Z]")


def investor_subject(text: str) -> re.Match[str] | None:
    m = _INVESTOR_SUBJECT.search(text)
    if m and (COMMON_NOUN.fullmatch(m.group("i")) or COMMON_NOUN.fullmatch(m.group("c"))):
        m = None  # "The Board has approved a capex plan of ₹4,500 crore for FY2025-26": no one invested
    return m or _INVESTOR_GAVE.search(text)


# last words of a lender's name: "Harrowgate Credit", "Nordbank", "Pioneer Capital"
_LENDER = re.compile(r"(?:\b(?:Capital|Partners|Credit|Lending|Finance|Financial|Bank|Investments|Ventures|Fund|Management)"
                     r"|[a-z]bank)$")


_SIGNED = re.compile(r"(?:\s*\([^()]*\))?\s+(?:has\s+|later\s+|then\s+|also\s+)?(?:signed|agreed)\b")


def borrower_signed(state: State, m: re.Match[str], context: str | None) -> bool:
    """'Acme Cloud signed a $300 million debt facility with Blackstone': the subject borrowed, unlike in
    'The EIB signed a ... facility with Atlantica GPU'. The subject is the company when it is the one
    the text is about or a company of the report, or when the other side is named as lenders are."""
    if not _SIGNED.match(m.string, m.end("i")):
        return False
    subject, other = trim_name(state, m.group("i")), trim_name(state, m.group("c"))
    if subject and context and mentioned(context, subject) or PRONOUN.fullmatch(m.group("i")):
        return True  # ("It signed a SEK 4 billion credit facility with SEB": the company the text is about)
    kinds = kinds_of(state, name_key(subject)) if subject else set()
    if "investor" in kinds or _LENDER.search(subject) or OFFICE_OF.search(m.group(0)):
        return False
    return "company" in kinds or bool(_LENDER.search(other)) or "investor" in kinds_of(state, name_key(other)) \
        or _company_words(subject)


def _company_words(name: str) -> bool:
    """A name whose last word is a company's, never a lender's: "Acme Cloud", "Tessera Labs", "Ondo GPU"."""
    words = name.split()
    return len(words) > 1 and words[-1].lower().rstrip(".") in _COMPANY_ENDINGS


_COMPANY_ENDINGS = (lexicon.words("names", "org_words") | lexicon.words("names", "corporate_suffixes") | {"gpu"}) \
    - lexicon.words("names", "investor_suffixes") - {"group", "holdings", "management"}


def whole_name(state: State, text: str, m: re.Match[str]) -> str:
    """The investor of ``m``, whole: a name with 'and' in it ends where the match's name does
    ('the Ministry of Industry and Advanced Technology added ...'), and a country's is its own."""
    end = m.end("i")
    spans = [(start, stop) for _, start, stop in state.names.find(text[:end])]
    spans += [o.span() for o in OFFICE_OF.finditer(text, 0, end)]
    whole = min((start for start, stop in spans if stop == end and start < m.start("i")), default=m.start("i"))
    return owned_name(state, trim_name(state, text[whole:end]))
