"""Fiscal years: what a report says of a company's (or of all its companies') year, and the months an "FY2024"
stands for by it.

A figure "for FY2024" is read as the calendar year 2024 unless the report says otherwise: "its fiscal year ends
March 31 (FY2024 is the year ended March 31, 2025)", or a label across two years ("FY2024-25", which makes every
"FY25" of the report April 2024 to March 2025).
"""
from __future__ import annotations

import calendar
import re
from datetime import date

from .phrases import NAME
from .reading import State, opening_name, trim_name
from .records import When

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH = "|".join(name for name in calendar.month_name if name)
# "its fiscal year ends March 31", "Arkwright's fiscal year ends in June", "our financial year ended 31 March 2025"
# ("Arkwright Micro, whose fiscal year ends in June, ...")
_YEAR_ENDS = re.compile(rf"(?:(?P<c>{NAME})(?:['’]s?|,\s+whose)\s+|\b(?:its|our|the\s+[Cc]ompany['’]s)\s+)"
                        rf"(?:fiscal|financial)\s+year\s+(?:ends|ended|runs\s+to|closes)\s+(?:on\s+|in\s+)?(?:\d{{1,2}}\s+)?"
                        rf"(?P<m>{_MONTH})\b")
# "(FY2024 is the year ended March 31, 2025)": the fiscal year is named for the calendar year it starts in
_NAMED_FOR = re.compile(rf"\bFY\s?(?P<fy>\d{{4}})\s+(?:is|was|means)\s+the\s+(?:fiscal\s+)?year\s+(?:ended|ending|to)\s+"
                        rf"(?:(?:{_MONTH})\s+\d{{1,2}},?\s+|\d{{1,2}}\s+(?:{_MONTH})\s+)?(?P<y>\d{{4}})")
_ACROSS_TWO = re.compile(r"\bFY\s?(?:\d{4}|\d{2})\s?[-–/]\s?\d{2}\b")
_FY_LABEL = re.compile(r"FY\s?['’]?(?:\d{4}|\d{2})|(?:fiscal|financial)\s+(?:year\s+)?\d{4}", re.I)


def learn(state: State, text: str) -> None:
    """Remember what ``text`` says of a fiscal year (in ``state.fiscal``: company, or None for the report, to the
    month the year ends in and how many years after its name it ends)."""
    if "FY" in text and None not in state.fiscal and _ACROSS_TWO.search(text):
        state.fiscal[None] = (3, 0)
    m = _YEAR_ENDS.search(text) if "year" in text else None
    if not m:
        return
    company = trim_name(state, m.group("c")) if m.group("c") else opening_name(state, text)
    named = _NAMED_FOR.search(text, m.end())
    state.fiscal[company] = (_MONTHS[m.group("m").lower()], int(named.group("y")) - int(named.group("fy")) if named else 0)


def fiscal_when(state: State, company: str | None, when: When | None) -> When | None:
    """``when`` as the months of ``company``'s fiscal year, when it is a bare "FY2024" the report has said how to read."""
    if when is None or when.precision != "year" or not _FY_LABEL.fullmatch(when.text.strip()):
        return when
    # ("Shiokaze" of its own sentence is the Shiokaze Compute of a table's row)
    told = next((t for c, t in state.fiscal.items() if c and company and (c == company or company.startswith(f"{c} "))),
                state.fiscal.get(None))
    if told is None or told[0] == 12:
        return when
    month, offset = told
    end_year = when.start.year + offset
    first = date(end_year - 1, month + 1, 1)
    return When(when.text, None, "month", first, date(end_year, month, calendar.monthrange(end_year, month)[1]),
                when.approximate)
