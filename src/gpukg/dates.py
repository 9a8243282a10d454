"""Finding dates and periods in report text, at the precision they are stated."""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from .memo import per_text
from .records import When

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
# German month names, which reports translated from German keep ("9. Oktober 2025", "im März 2024")
_MONTHS.update({"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10,
                "dezember": 12})
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_DIGIT = re.compile(r"\d")

_PATTERNS = [
    # "the year to March 2025", "the fiscal year ended 31 March 2025", "the 12 months to September
    # 2025": the twelve months that end with that month
    ("yearto", re.compile(rf"\b(?:(?:fiscal|financial)\s+)?(?P<span>year|twelve months|12 months|six months|6 months|"
                          r"half[- ]year|three months|3 months|nine months|9 months|quarter)\s+(?:ended|ending|to|through)\s+"
                          rf"(?:[0-3]?\d(?:st|nd|rd|th)?\s+)?{_MONTH}(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?,?\s+(?P<y>{_YEAR})\b", re.I)),
    # "Apr-Sep 2024", "Oct 2024-Mar 2025", "January to September 2025": the months from the first to the last
    ("months", re.compile(rf"\b{_MONTH}(?:\s+(?P<y1>{_YEAR}))?\s?(?:-|–|to|through)\s?{_MONTH.replace('<month>', '<month2>')}"
                          rf"\s+(?P<y>{_YEAR})\b", re.I)),
    # "FY2024-25", "FY 2024/25", "FY24-25": a fiscal year across two calendar years, April to March
    ("fiscal", re.compile(rf"\bFY\s?(?:(?P<y1>{_YEAR})|(?P<yy1>[0-4]\d))\s?[-–/]\s?(?P<yy>[0-4]\d)\b(?![-–/]\d)")),
    # "FY3/2025", "FY 03/2026": the fiscal year that ends with that month, as Japanese reports write it
    ("fyend", re.compile(rf"\bFY\s?(?P<m>0?[1-9]|1[0-2])/(?P<y>{_YEAR})\b")),
    ("day", re.compile(rf"(?<![\d$€£])(?P<y>{_YEAR})([-/])(?P<m>0[1-9]|1[0-2])\2(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")),
    ("ym", re.compile(rf"(?<![\d$€£])(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])(?![\d-])")),  # "2025-09", as tables write it
    ("mdy", re.compile(rf"\b{_MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})\b", re.I)),
    ("dmy", re.compile(rf"(?<![\d$€£.,])\b(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.)?\s+{_MONTH}\s+(?P<y>{_YEAR})\b", re.I)),
    # "3/14/2025", "14/03/2025": the order told by a number above 12, else only the year is sure
    ("day", re.compile(rf"(?<![\d.$€£])(?P<d>[0-3]?\d)\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>{_YEAR})(?![\d.]\d)")),  # "14.03.2025"
    ("numeric", re.compile(rf"(?<![\d/.$€£])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>{_YEAR})(?![\d/])")),
    ("month", re.compile(rf"\b{_MONTH}(?:,?\s+|-)(?P<y>{_YEAR})\b", re.I)),  # "March 2025", "March, 2025", "Mar-2025"
    ("month", re.compile(rf"\b{_MONTH}\s*['’](?P<yy>[0-4]\d)\b", re.I)),  # "Sep '25"
    # "Sep-25", as spreadsheets write a month (a day would be "25-Sep" or "Sep 25")
    ("month", re.compile(r"\b(?P<month>" + "|".join(calendar.month_abbr[1:]) + r")-(?P<yy>[0-4]\d)(?![\d-])")),
    # "Q3 2025", "Q3-2025", "the third quarter of 2025"; "3Q25", "Q3 '25"; "H1 2025", "1H 2025", "the first half of 2025"
    # "Q3 FY2025", "Q4 FY25": a fiscal quarter, taken as the calendar's when the report says no more
    ("quarter", re.compile(rf"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|(?P<qw>first|second|third|fourth)\s+quarter\s+of)[\s-]+"
                           rf"(?:FY\s?)?(?P<y>{_YEAR})\b", re.I)),
    ("quarter", re.compile(r"\b(?:Q(?P<q>[1-4])\s?['’]|(?P<q2>[1-4])Q\s?|Q(?P<q3>[1-4])\s+FY\s?)(?P<yy>[0-4]\d)\b")),
    ("ym", re.compile(rf"(?<![\d.,$€£])(?P<m>0[1-9]|1[0-2])\.(?P<y>{_YEAR})(?![\d.]\d)")),  # "07.2025"
    ("year", re.compile(r"\bFY\s?['’]?(?P<yy>[0-4]\d)\b")),  # "FY25"
    ("year", re.compile(rf"\bFY\s?(?P<y>{_YEAR})\b")),  # "FY2025", all of it: a table's column is that year
    ("year", re.compile(rf"\b(?:fiscal|financial)\s+(?:year\s+)?(?P<y>{_YEAR})\b", re.I)),  # "fiscal 2026": the same
    ("half", re.compile(rf"\b(?:H(?P<h>[12])|(?P<h2>[12])H|(?P<hw>first|second)\s+half\s+of)\s+(?P<y>{_YEAR})\b", re.I)),
    ("half", re.compile(r"\b(?:H(?P<h>[12])\s?['’]|(?P<h2>[12])H\s?)(?P<yy>[0-4]\d)\b")),  # "2H25", "H2 '25"; not "H100"
    # "mid-2023": the hyphen that keeps "2023-2024" and "H100-2024" from being read as a year here
    ("year", re.compile(rf"\b(?:early|mid|late|end)-(?P<y>{_YEAR})\b", re.I)),
    ("years", re.compile(rf"(?<![\d$€£.,])(?P<approx>~\s?)?(?P<y>{_YEAR})\s?(?:-|–|/|to)\s?(?P<y2>{_YEAR})(?![\d%])")),
    ("year", re.compile(rf"(?<![\d$€£.,/-])(?P<approx>~\s?)?(?P<y>{_YEAR})(?![\d%,.]\d|\d|\s?(?:%|x\b))")),
]


@per_text(maxsize=4096)  # a line is asked for its dates by the amounts, the figures and the deals in it
def find_dates(text: str) -> tuple[tuple[int, int, When], ...]:
    """Every date in ``text`` as (start, end, When), left to right, without overlaps."""
    if not _DIGIT.search(text):  # every date has a year
        return ()
    found: list[tuple[int, int, When]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            when = _when(kind, m)
            if when:
                found.append((m.start(), m.end(), when))
                taken.append((m.start(), m.end()))
    return tuple(sorted(found, key=lambda f: f[0]))


def first_date(text: str) -> When | None:
    dates = find_dates(text)
    return dates[0][2] if dates else None


@lru_cache(maxsize=256)  # asked for each "by <date>" figure of a report
def report_date(title: str) -> When | None:
    """The one date a report's title gives it ('... (Q1 2026)', '..., 2025 Edition'); None for
    none, several, or a span of years ('Outlook 2025-2030': the period covered, not a date)."""
    dates = find_dates(title)
    if len(dates) != 1 or dates[0][2].start.year != dates[0][2].end.year:
        return None
    return dates[0][2]


# Years told relative to the report's date: "by the end of the year", "by year-end", "later this
# year"; "last year", "a year ago"; "next year". ("A year earlier" is relative to the sentence's
# own date, so it is not here.)
_RELATIVE_YEARS = (
    (re.compile(r"\b(?:(?:the\s+)?end\s+of\s+(?:the|this)\s+year|(?:the\s+)?year[- ]end|this\s+year)\b(?!\s+\d)", re.I), 0),
    (re.compile(r"\b(?:last\s+year|a\s+year\s+ago)\b", re.I), -1),
    (re.compile(r"\bnext\s+year\b", re.I), 1),
)


def year_before(when: When, text: str) -> When:
    """The same period a year earlier ('$151 million a year earlier' beside '$96 million in 2025')."""
    def back(d: date) -> date:
        last = calendar.monthrange(d.year - 1, d.month)[1]
        return date(d.year - 1, d.month, min(d.day, last))
    iso = f"{int(when.iso[:4]) - 1}{when.iso[4:]}" if when.iso else None
    return When(text, iso, when.precision, back(when.start), back(when.end), when.approximate)


# "third-quarter revenue", "in Q3": a quarter of the report's year
_QUARTER_ALONE = re.compile(r"\b(?:(?P<qw>first|second|third|fourth)[- ]quarter\b(?!\s+of\s)|Q(?P<q>[1-4])\b(?![\s-]*['’]?\d))", re.I)


_RELATIVE_QUARTER = re.compile(r"\b(last|this)\s+quarter\b", re.I)
# "in June", "since September": a month of the last twelve before the report's date
_MONTH_ALONE = re.compile(rf"\b(?:in|since|from|by|until|during|through|early|mid|late|ended|ending|end\s+of|as\s+of)[-\s]+{_MONTH}(?![a-z])(?![\s,.'’-]*\d)", re.I)


# "on 2 September", "from November 1": a day of the last twelve months before the report's date
DAY_MONTH = re.compile(rf"\b(?:(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH}(?![a-z])|{_MONTH.replace('<month>', '<month2>')}\s+"
                       r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b)"
                       r"(?![\s,.'’-]*\d)", re.I)
_DAY_ALONE = re.compile(rf"\b(?:on|from|by|since|until|through)\s+(?:{DAY_MONTH.pattern})", re.I)


def dateline(texts: list[str]) -> When | None:
    """The date a report gives itself near its top ('*Infrastructure desk, 14 November 2025.*',
    'Recorded October 14, 2025'): the one date, to the month or day, of a short opening line."""
    for text in texts[:3]:
        dates = find_dates(text) if len(text) <= 160 else ()
        if len(dates) == 1 and dates[0][2].precision in ("month", "day") and dates[0][2].iso \
                and not _EVENT_BEFORE.search(text, 0, dates[0][0]):
            return dates[0][2]
        # ... or, in a longer one, the date it says the report was published on ("..., pp. 34–36, published 14. Oktober 2025")
        published = [when for start, _, when in (find_dates(text) if len(text) > 160 else ())
                     if when.iso and when.precision in ("month", "day") and _PUBLISHED_BEFORE.search(text, 0, start)]
        if published:
            return published[0]
    return None


_PUBLISHED_BEFORE = re.compile(r"\b(?:published|posted|dated)\s+(?:on\s+)?$", re.I)


# "Founded in May 2013, Trolila.ai is based in Zurich": the date of what the line tells, not the report's
_EVENT_BEFORE = re.compile(r"\b(?:founded|established|incorporated|launched|started|since)\b[^.;]{0,20}$", re.I)


def relative_dates(text: str, report: When | None) -> list[tuple[int, int, When]]:
    """The dates ``text`` gives relative to its report's date ``report``, as (start, end, When)."""
    if report is None:
        return []
    found = []
    for pattern, offset in _RELATIVE_YEARS:
        year = report.start.year + offset
        found += [(m.start(), m.end(), When(m.group(0), str(year), "year", date(year, 1, 1), date(year, 12, 31)))
                  for m in pattern.finditer(text)]
    if report.precision != "year":
        for m in _MONTH_ALONE.finditer(text):
            month = _MONTHS[m.group("month").lower()]
            year = report.end.year if month <= report.end.month else report.end.year - 1
            found.append((m.start("month"), m.end(), When(m.group(0), f"{year}-{month:02d}", "month", date(year, month, 1),
                                                        date(year, month, calendar.monthrange(year, month)[1]))))
        for m in _DAY_ALONE.finditer(text):
            # a day is the nearest of its name to the report's date: "on 2 September" in a note of 22
            # September, "from November 1" in a recap of October (a price to come)
            month = _MONTHS[(m.group("month") or m.group("month2")).lower()]
            day = int(m.group("d") or m.group("d2"))
            years = [y for y in (report.end.year - 1, report.end.year, report.end.year + 1)
                     if day <= calendar.monthrange(y, month)[1]]
            year = min(years, key=lambda y: abs((date(y, month, day) - report.end).days), default=None)
            if year is not None:
                start = m.start("d") if m.group("d") else m.start("month2")
                found.append((start, m.end(), When(m.group(0)[start - m.start():], f"{year}-{month:02d}-{day:02d}", "day",
                                                   date(year, month, day), date(year, month, day))))
    if report.precision != "year":
        for m in _RELATIVE_QUARTER.finditer(text):  # "last quarter" in a note of November: July to September
            index = (report.end.month - 1) // 3 - (m.group(1).lower() == "last")
            year = report.end.year - (index < 0)
            first = 3 * (index % 4) + 1
            found.append((m.start(), m.end(), When(m.group(0), None, "month", date(year, first, 1),
                                                  date(year, first + 2, calendar.monthrange(year, first + 2)[1]))))
    year = report.start.year
    for m in _QUARTER_ALONE.finditer(text):
        last = 3 * int(m.group("q") or _ORDINALS[m.group("qw").lower()])
        found.append((m.start(), m.end(), When(m.group(0), None, "month", date(year, last - 2, 1),
                                              date(year, last, calendar.monthrange(year, last)[1]))))
    return sorted(found, key=lambda d: d[0])


# "In January 2025, X acquired Y": a date that opens the sentence, before a comma.
_OPENING = re.compile(r"^\s*(?:(?:in|on|by|during)\s+)?(?:(?:early|mid|late)[-\s]+)?$", re.I)
# "On 8 September 2025 the company said", "In September 2025 it acquired"
_AFTER_OPENING = re.compile(r"\s*,|\s+(?:[A-Z]|the (?:company|firm|startup|group)\b|it\b|we\b)")


def opening_date(text: str) -> When | None:
    """The date a sentence opens with, before a comma or the subject's name: 'In January 2025, ...',
    'In July 2025 Fjellhav Cloud agreed ...'."""
    dates = find_dates(text)
    if dates and _OPENING.match(text[:dates[0][0]]) and _AFTER_OPENING.match(text, dates[0][1]):
        return dates[0][2]
    return None


def _when(kind: str, m: re.Match) -> When | None:
    text = m.group(0).strip()
    y = int(m.group("y")) if m.groupdict().get("y") else 2000 + int(m.group("yy"))
    approximate = bool(m.groupdict().get("approx"))
    if kind == "numeric":
        a, b = int(m.group("a")), int(m.group("b"))
        if (a > 12) == (b > 12):  # "03/04/2025": March 4 or April 3
            return When(text, str(y), "year", date(y, 1, 1), date(y, 12, 31))
        month, day = (b, a) if a > 12 else (a, b)
        try:
            d = date(y, month, day)
        except ValueError:
            return None
        return When(text, d.isoformat(), "day", d, d)
    if kind in ("day", "mdy", "dmy"):
        month = int(m.group("m")) if kind == "day" else _MONTHS[m.group("month").lower()]
        try:
            d = date(y, month, int(m.group("d")))
        except ValueError:
            return None
        return When(text, d.isoformat(), "day", d, d)
    if kind in ("yearto", "fyend"):
        month = int(m.group("m")) if kind == "fyend" else _MONTHS[m.group("month").lower()]
        span = "year" if kind == "fyend" else m.group("span").lower()
        months = 6 if span.startswith(("six", "6", "half")) else 3 if span.startswith(("three", "3", "quarter")) else \
            9 if span.startswith(("nine", "9")) else 12
        if months == 12 and month == 12:  # "the year to December 2025" is the calendar year
            return When(text, str(y), "year", date(y, 1, 1), date(y, 12, 31))
        first = (y * 12 + month - months)  # months since year 0 of the month before the period
        return When(text, None, "month", date(first // 12, first % 12 + 1, 1),
                    date(y, month, calendar.monthrange(y, month)[1]))
    if kind == "months":
        first, last = _MONTHS[m.group("month").lower()], _MONTHS[m.group("month2").lower()]
        y1 = int(m.group("y1")) if m.group("y1") else y if first <= last else y - 1
        if (y1, first) >= (y, last):
            return None
        return When(text, None, "month", date(y1, first, 1), date(y, last, calendar.monthrange(y, last)[1]))
    if kind == "fiscal":
        y1 = int(m.group("y1")) if m.group("y1") else 2000 + int(m.group("yy1"))
        # (the year of the reports that write it so: India's, Japan's, Britain's; an Australian report's July to June is
        # not told apart. All of both calendar years instead was judged wrong by the audit: a year's figure is of 12 months)
        return When(text, None, "month", date(y1, 4, 1), date(y, 3, 31)) if y == y1 + 1 else None
    if kind in ("month", "ym"):
        month = int(m.group("m")) if kind == "ym" else _MONTHS[m.group("month").lower()]
        last = calendar.monthrange(y, month)[1]
        return When(text, f"{y}-{month:02d}", "month", date(y, month, 1), date(y, month, last))
    if kind == "quarter":
        groups = m.groupdict()
        q = int(groups.get("q") or groups.get("q2") or groups.get("q3") or _ORDINALS[groups["qw"].lower()])
        first, last = 3 * q - 2, 3 * q
        end = date(y, last, calendar.monthrange(y, last)[1])
        return When(text, None, "month", date(y, first, 1), end)
    if kind == "half":
        first = 1 if (m.group("h") or m.group("h2") or str(_ORDINALS[m.group("hw").lower()])) == "1" else 7
        return When(text, None, "month", date(y, first, 1), date(y, first + 5, 31 if first == 7 else 30))
    if kind == "years":
        y2 = int(m.group("y2"))
        if y2 <= y:
            return None
        return When(text, None, "year", date(y, 1, 1), date(y2, 12, 31), approximate)
    return When(text, str(y), "year", date(y, 1, 1), date(y, 12, 31), approximate)
