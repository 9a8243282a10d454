"""Who a report speaks for: the organization whose "we" and "our" it is written in.

A fund's letter or a company's call says so in its title; a company's own blog post, email or
answers to a questionnaire say it in their first lines, their closing line or their signature.
Its first-person sentences are then read as told of that organization.
"""
from __future__ import annotations

import re

from . import lexicon
from .people import PERSON, label_roles
from .phrases import NAME, looks_like_name, looks_like_org
from .records import Report


# "Kestrelmoor Ventures: 2025 Annual Letter to Our Limited Partners": a report its title says an organization wrote
_AUTHOR_TITLE = re.compile(rf"(?P<n>{NAME})\s*[:—–|-]\s+.*\b(?i:letter|update|memo|note|review|about(?:\s+us)?|our story|newsroom)\b")
# a company's own call or letter: "Quillmarsh Cloud, Inc. (NYSE: QMSH) — Q3 2025 Earnings Call Transcript"
_OWN_CALL = re.compile(rf"(?P<n>{NAME}?)(?:,?\s+Inc\.?)?(?:\s*\([^()]*\))?\s*[:—–|-]\s+.*\b(?i:earnings\s+call|results\s+call|"
                       rf"conference\s+call|call\s+transcript|shareholder\s+letter|investor\s+day)\b")
# a page of the firm's own site, its name after the page's: "Portfolio — AI Infrastructure | Cinderholt Ventures"
_SITE_PAGE = re.compile(rf"(?i:our\s+)?(?i:portfolio|investments|companies|about(?:\s+us)?|team|news|newsroom|press)\b.*"
                        rf"\s[|—–-]\s+(?P<n>{NAME})\s*$")


# "Tobias Kerrowan and I founded Cinderpath in Rotterdam", "we started Quenchbyte in 2021"
_WE_FOUNDED = re.compile(rf"\b(?:I|[Ww]e)\s+(?:co-?)?(?:founded|started)\s+(?P<n>{NAME})")
# the closing line a company's own post ends with: "*Cinderpath is a serverless GPU platform for ...*"
_ABOUT_US = re.compile(rf"(?:About\s+(?P<a>{NAME})\s*[:.—–-]\s*)?(?P<n>{NAME})\s+is\s+(?:an?|the)\s+")
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
_SIGNATURE = re.compile(rf"{PERSON},\s+(?P<t>[^,]{{2,50}}),\s+(?P<n>{NAME})")
# "Vendor Due-Diligence Questionnaire: Response of Lisnagh Compute Ltd": the answers are the company's
_RESPONDENT = re.compile(rf"\b(?i:responses?|answers|submission|reply)\s+(?i:of|from|by)\s+(?P<n>{NAME})")


def titled_author(report: Report) -> str | None:
    """The organization a report's title says wrote it: its letter, its call, a page of its site."""
    m = _AUTHOR_TITLE.match(report.title) or _SITE_PAGE.match(report.title) or _OWN_CALL.match(report.title)
    return m.group("n") if m and looks_like_org(m.group("n")) else None


def own_voice(report: Report) -> str | None:
    """The company a report speaks for in the first person when its title does not say: the
    company whose answers it is ("Response of X"), the one its email's subject line or signature
    names, the company its writer founded ("Tobias Kerrowan and I founded Cinderpath"), or the one
    its closing line describes as a company of the market ("*Cinderpath is a serverless GPU
    platform ...*"). Only a report that says "we" and "our" often, outside quoted turns, has one."""
    # (a speaker's turn is a labelled block; its later sentences stand on the same line)
    turns = {b.line for b in report.blocks if b.label}
    told = [b for b in report.blocks if b.kind in ("paragraph", "bullet") and b.line not in turns]
    if sum(len(_WE.findall(b.text)) for b in told) < 4:
        return None
    if (m := _RESPONDENT.search(report.title)) and looks_like_name(m.group("n")):
        return m.group("n")
    # an email's "**Subject:** Pennacook Compute — October 2025 investor update", or its signature
    # "Lucasta Quistorp, Co-founder & CEO, Pennacook Compute"
    subject = next((b.value for b in report.blocks[:4] if b.label and b.label.lower() in ("subject", "re", "title")), "")
    signed = [m for b in report.blocks[-3:] if b.kind == "paragraph" and (m := _SIGNATURE.fullmatch(b.text.strip()))
              and label_roles(m.group("t"))]
    for m in filter(None, [_AUTHOR_TITLE.match(subject or ""), *signed]):
        if looks_like_name(m.group("n")):
            return m.group("n")
    for block in told:
        if (m := _WE_FOUNDED.search(block.text)) and looks_like_name(m.group("n")):
            return m.group("n")
    last = told[-1] if told else None
    m = _ABOUT_US.match(last.text) if last and last.line > report.blocks[-1].line - 3 else None
    if m and looks_like_name(m.group("n")) and lexicon.find("categories", last.text[m.end():m.end() + 80]):
        return m.group("n")
    return None
