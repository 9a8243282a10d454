"""An investor's profile: a heading naming an investor over labelled lines of its portfolio
('**Portfolio:** A, B') and the deals it did ('**Notable deal:** Led X's $120M Series B'). Where an
investor is based stays a statement: the data model places companies only.

No code path knows an investor; a section is an investor's by the labels under it.
"""
from __future__ import annotations

import re

from . import lexicon
from .phrases import heading_name, looks_like_name, split_names
from .prose import prose, told_of
from .reading import State, add
from .records import Backing, Block, Report, Source


def investor_sections(report: Report, company_profiles: dict[int, str]) -> dict[int, str]:
    """Line of each heading that opens an investor's profile -> the investor's name: a heading
    that is a name, whose section (up to the next heading as high) has a portfolio label."""
    blocks = report.blocks
    found: dict[int, str] = {}
    for i, head in enumerate(blocks):
        if head.kind != "heading" or head.level < 2 or head.line in company_profiles:
            continue
        name = heading_name(head.text)
        if not name or not looks_like_name(name):
            continue
        end = next((j for j in range(i + 1, len(blocks)) if blocks[j].kind == "heading" and blocks[j].level <= head.level),
                   len(blocks))
        inner = [b for b in blocks[i + 1:end] if b.kind == "heading"]
        if not inner and any(b.label and lexicon.exact("labels", b.label) == "portfolio" for b in blocks[i + 1:end]):
            found[head.line] = name
    return found


def investor_line(state: State, block: Block, source: Source) -> None:
    """A labelled line of the profile of ``state.investor``."""
    investor, label, value = state.investor or "", block.label or "", block.value or ""
    group = lexicon.exact("labels", label)
    state.kinds.append((investor, "investor"))
    if group == "portfolio":
        for company in split_names(value, state.names.spelled_in(value)):
            if looks_like_name(company):
                add(state, Backing(source, investor, company), ("investor", investor), ("company", company))
    elif deed_label := _DEED_LABEL.fullmatch(label.strip()):
        # "**Led:** Cindral Cloud's $160M Series B", "**Joined:** Kiverra Compute's €45 million Series A": its deed
        verb = deed_label.group(0).lower()
        deed, *more = value.split("; ")  # "...; Kiverra is a Madrid-based neocloud": a sentence of its own
        prose(state, f"{investor} {_DEED_VERBS.get(verb, verb)} {deed}", source, None)
        for sentence in more:
            prose(state, sentence, source, None)
    else:
        # "Led Arcturus Compute's $120M Series B": the profiled investor is the subject
        told = told_of(investor, value)
        prose(state, told or value, source, None, label=None if told else label)


_DEED_LABEL = re.compile(r"(?i:led|co-led|joined|participated(?: in)?|backed|anchored|seeded|invested in)")
_DEED_VERBS = {"joined": "participated in", "participated": "participated in"}
