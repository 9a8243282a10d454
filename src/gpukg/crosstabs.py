"""Tables turned sideways: a row per measure and a column per period ("| Revenue | $318M | $251M |" under
"| Metric | Q3 2025 | Q2 2025 |"), per company ("| Metric | Acme | Borel |") or per year of a market, and
tables with a row per GPU model. ``tables`` tells them apart and hands their rows here.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import lexicon
from .amounts import CURRENCY_CODES, MODEL, find_quantities
from .background import about_who
from .cells import CURRENCY_SCALE, NOTHING, scaled, written
from .dates import find_dates, first_date
from .figures import figures
from .metrics import MONEY_METRICS, metric_of
from .names import name_key
from .phrases import NAME, looks_like_name, looks_like_org, split_names, strip_parens
from .reading import State, add, kinds_of, month_told, opening_name, qualify
from .records import Backing, Block, Round, Source, When
from .rounds import is_valuation


# "| Share 2025E |", "| 2026F |": a column of estimates
ESTIMATED_YEAR = re.compile(r"\b(?:19|20)\d\d\s?[EF]\b")


# "| 2023 | 2024 | 2025E |": a column per year (E, F or est.: an estimate), what is measured in the heading
# "2025E", "2026F": an estimate; "2024A": actual
YEAR_HEADER = re.compile(r"(?P<d>(?:FY\s?)?(?:19|20)\d\d|[QH][1-4]\s+(?:19|20)\d\d)\s*(?:(?P<est>[EF]|est\.?|\(est\.?\)|\(e\))|A)?", re.I)


def year_column(state: State, company: str, heading: str, year: re.Match, cell: str, source: Source) -> None:
    """'42' under '| 2024 |' in a table headed 'Revenue by year ($M)': the heading's measure, in its
    currency and scale, for that year."""
    before = len(state.facts)
    label = re.sub(r"\s+(?:by|per)\s+(?:year|quarter|half|period)\b|\s+over time\b", "", heading, flags=re.I)  # no segment
    figures(state, company, written(heading, cell), source, label=label, row_when=first_date(year.group("d")))
    if year.group("est"):
        qualify(state, before, "estimated")


def market_by_year(state: State, cells: list[tuple[str, str]], source: Source) -> None:
    """A market's table by year: each row a segment of the market (in the first header's currency
    and scale), or a measure of its own ("| YoY growth (%) |")."""
    (first, label), *years = cells
    # a ratio of its own ("| YoY growth (%) |"); "| Neocloud providers |" is a segment of the market
    measure = metric_of(label) if "%" in label or metric_of(label) in ("growth-rate", "market-share") else None
    for header, cell in years:
        year = YEAR_HEADER.fullmatch(header)
        if not cell or NOTHING.fullmatch(cell) or re.fullmatch(r"(?i)n/?m|nm", cell):
            continue
        before = len(state.facts)
        figures(state, None, written(label if measure else first, cell), source, label=label if measure else first,
                row_when=first_date(year.group("d")), row_segment=None if measure else label)
        if year.group("est"):
            qualify(state, before, "estimated")


def is_period(text: str) -> bool:
    """A header or cell that is a date and nothing else: 'Q3 2025', 'Apr 2021', 'Three Months Ended September 30, 2025';
    or a month alone ('| Sep | Oct |' in a monthly update), of the year the report was written in."""
    text = _told_in_bracket(text.strip(" *"))
    if _MONTH_ONLY.fullmatch(text):
        return True
    dates = find_dates(text)
    return len(dates) == 1 and dates[0][0] == 0 and dates[0][1] >= len(text.rstrip(" .EAF"))  # "2025E", "2024A"


_MONTH_ONLY = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?", re.I)


def _period(state: State, header: str) -> When | None:
    header = _told_in_bracket(header.strip(" *"))
    return month_told(state, f"in {header.strip(' *.')}") if _MONTH_ONLY.fullmatch(header) else first_date(header)


_BRACKET_AT_END = re.compile(r"^(?P<label>.*?)\s*\((?P<inside>[^()]+)\)$")


def _told_in_bracket(header: str) -> str:
    """'1H FY2025 (Apr-Sep 2024)': the months a fiscal label stands for, where the header spells them out."""
    m = _BRACKET_AT_END.match(header)
    dates = find_dates(m.group("inside")) if m and find_dates(m.group("label")) else ()
    return m.group("inside") if len(dates) == 1 and dates[0][1] - dates[0][0] == len(m.group("inside").strip()) else header


def by_period(state: State, cells: list[tuple[str, str]], source: Source, company: str | None = None) -> None:
    """'| Revenue | $318M | $251M |' under '| Metric | Q3 2025 | Q2 2025 |': a measure per column, each
    column's period its date, of the company the table stands in (or the report is about); a column
    of estimates ("2025E") gives estimates."""
    company = company or state.company
    if company is None:
        return
    label = cells[0][1]
    corner = cells[0][0]
    excepted = _EXCEPT.search(corner)  # "($ millions, except GPUs)": the GPUs' row is a count
    if excepted and any(w in label.lower() for w in re.findall(r"[a-z]{3,}", excepted.group(1).lower())):
        corner = ""
    periods = [_period(state, h) for h, _ in cells[1:] if is_period(h)]
    signed = _OR_LOSS.fullmatch(label.strip())
    # "| JPY million |" (no brackets) over its amounts, and "All amounts in ₹ crore" said once for the report: of the rows
    # that measure money only ("| GPUs in service |" counts)
    money_corner = f"({corner.strip()})" if CURRENCY_SCALE.fullmatch(corner.strip()) else None
    for header, cell in cells[1:]:
        row = label
        if signed:  # "| Net income (loss) |": a bracketed cell is a loss, any other the income
            lost = _BRACKETED_NUMBER.fullmatch(cell.strip())
            row, cell = ("loss", lost.group(1)) if lost else (signed.group("income"), cell)
        elif metric_of(strip_parens(label)) == "loss":
            # a loss in an accountant's brackets ("| Net loss | (38) |"): the loss is 38 (no other figure is read below zero)
            cell = _BRACKETED_NUMBER.sub(r"\1", cell)
        measure = metric_of(strip_parens(row))
        money = bool(signed) or measure in MONEY_METRICS
        # the row's own unit first ("| Contracted backlog ($B) |"), then the corner's ("(USD)": every cell's currency),
        # but not a row that counts ("| GPUs deployed (year-end) |" under "| Corvelline Compute (USD) |")
        cell = written(label, cell, None, state.money_scale if money and not money_corner else None)
        if money or measure in (None, "unclassified"):
            cell = written(money_corner or corner, cell)
        if cell and not NOTHING.fullmatch(cell):
            first = len(state.facts)
            if CHANGE_COLUMN.fullmatch(header.lower()):  # "| Change |" over "+88%": the row's growth over the periods
                figures(state, company, cell, source, label=f"{strip_parens(label)} growth",
                        row_when=periods[0] if periods else None)
                continue
            when = _period(state, header)
            if when and _AT_PERIOD_END.search(label):  # "| GPUs in service (period end) |": on the period's last day
                when = When(when.text, when.end.isoformat(), "day", when.end, when.end)
            figures(state, company, cell, source, label=row, row_when=when)
            if ESTIMATED_YEAR.search(header):
                qualify(state, first, "estimated")


_BRACKETED_NUMBER = re.compile(r"^\(\s*([\d.,]+)\s*\)$")
_AT_PERIOD_END = re.compile(r"\bperiod[- ]end\b|\bend of (?:the )?period\b|\bas (?:at|of)\b|\b(?:year|quarter)[- ]end\b", re.I)
_OR_LOSS = re.compile(r"(?P<income>(?:[\w-]+\s+){0,2}(?:income|profit|earnings))\s*\((?:loss|losses)\)", re.I)


CHANGE_COLUMN = re.compile(r"change|chg\.?|% change|y/y|yoy|growth|q/q|qoq|m/m|mom|delta|δ")


# a table's corner that says how to read its numbers: "($ millions, except GPUs)", "USD m", "in thousands"
CORNER_NOTE = re.compile(rf"\(.*\)|(?:in\s+)?{CURRENCY_SCALE.pattern}|in\s+(?:millions|thousands|billions)", re.I)


_EXCEPT = re.compile(r"\bexcept\s+([^)]+)", re.I)


def names_company(state: State, header: str) -> bool:
    """Whether a table's corner is the name of the company the report or its section is about."""
    name = strip_parens(header).strip()
    return bool(name) and (name == state.company or name in state.names and "company" in kinds_of(state, name_key(name)))


def by_company(state: State, block: Block, source: Source) -> None:
    """'| Metric | Fernhill AI | Stratos Compute |' over '| GPUs deployed | 6,200 | 18,000 |': a
    table with a column per company and a row per measure; a row of rounds ('Series B, $60M (Mar
    2025)'), and a row of their leads under it."""
    label = block.cells[0][1].strip()
    model = re.search(rf"\b{MODEL}\b", label)  # "| H100 price/hr (Oct 2025) |"
    corner = block.cells[0][0].strip()
    measured = metric_of(corner) if not metric_of(label) else None
    for header, cell in block.cells[1:]:
        company, cell = strip_parens(header.strip()), written(label, cell.strip())
        if not cell or NOTHING.fullmatch(cell):
            continue
        if state.scale_note:  # "## Operating metrics (FY2024; USD m unless stated)" over the table
            cell = scaled(state.scale_note, label, cell)
        state.kinds.append((company, "company"))
        if measured:  # "| Turnover, FY2024 | A | B |" over "| Germany | €410 million | €96 million |": a part of the measure
            figures(state, company, cell, source, metric=measured, row_segment=label, row_when=first_date(corner))
            continue
        if ROUND_HEADER.search(label) and (fact := cell_round(company, cell, source)):
            add(state, fact, ("company", company))
        elif _LEAD_ROW.fullmatch(label):
            _led(state, company, split_names(cell, state.names.spelled_in(cell)), source)
        elif not about_who(state, company, label, cell, source):
            figures(state, company, cell, source, label=label, row_segment=model.group(0) if model else None)


_LEAD_ROW = re.compile(r"(?:lead|leading)\s+(?:investors?|backers?)|leads?|led by", re.I)


def _led(state: State, company: str, leads: list[str], source: Source) -> None:
    """The leads a row names (backers of the column's company), and of the round a row just above gave it."""
    for lead in leads:
        add(state, Backing(source, lead, company), ("investor", lead), ("company", company))
    for i in range(len(state.facts) - 1, -1, -1):
        fact = state.facts[i]
        if fact.source.line < source.line - 3:
            break
        if isinstance(fact, Round) and fact.company == company and not fact.leads:
            state.facts[i] = replace(fact, leads=tuple(leads))
            return


def by_model(state: State, block: Block, source: Source) -> None:
    """'| Model | Ferrule AI | Orison AI |' over '| Llama 3.3 70B | $0.54 | €0.52 |': a price per
    provider and model; '| GPU | Per second | Per hour |' the prices of the company the table stands
    in, or that the sentence before it introduces ("Gannet Compute ... lists:"). What the prices are per
    comes from the header or the heading ("Per-million-token prices")."""
    model = strip_parens(block.cells[0][1].strip())
    heading = block.section[-1] if block.section else ""
    # "| On-demand ($/GPU-hour) |" is no provider's name
    providers = all(looks_like_name(h.strip()) and not lexicon.find("metrics", h) and not _PER_PHRASE.search(h)
                    and not _HEADER_PRICE.search(h) for h, _ in block.cells[1:])
    introduced = opening_name(state, state.intro) if state.intro.rstrip().endswith(":") else None
    # "**Installed GPUs by model and region, as of 28 February 2026.**" over "| GPU model | Dublin (IE-1) | ... |
    # Total |": what the cells count, and when, the caption says; a column is a part of the fleet, not a provider
    caption = state.caption or heading
    counted = metric_of(caption) if not any(q.currency for _, c in block.cells[1:] for q in find_quantities(c)) else None
    # (not "| GPU | Median, USD per GPU-hour | Week on week |" under a line about "the 22 providers we poll": its
    # columns are measures, not parts of a fleet)
    measures = any(metric_of(h) or _PER_PHRASE.search(h) or _HEADER_PRICE.search(h) or _CODE.search(h)
                   or CHANGE_COLUMN.fullmatch(h.strip().lower()) or re.search(r"\b(?:week|month|year|median|average|mean)\b", h, re.I)
                   for h, _ in block.cells[1:])
    counted = counted if counted != "price" and not measures else None
    providers = providers and not counted
    for header, cell in block.cells[1:]:
        header, cell = header.strip(), written(header.strip(), cell.strip())
        if not cell or NOTHING.fullmatch(cell):
            continue
        # ... or the one the heading opens with: "## Kelvrin Cloud exchange: closing GPU-hour prices"
        opener = re.match(NAME, heading)
        company = strip_parens(header) if providers else state.company or introduced or \
            (opener.group(0) if opener and looks_like_org(opener.group(0)) else None)
        per = _PER_PHRASE.search(header) or _PER_PHRASE.search(heading)
        coded = _CODE.search(header) if per and _BARE_NUMBER.fullmatch(cell) else None
        if coded:  # "| Median, USD per GPU-hour |" over "2.02": dollars, as "$/GPU-hr" would say
            cell = f"{cell} {coded.group(0)}"
        money = [q for q in find_quantities(cell) if q.currency]
        if per and money and not any(q.per for q in money):
            cell = f"{cell} per " + re.sub(r"[-\s]+", " ", per.group(1))
        if company:
            state.kinds.append((company, "company"))
        before = len(state.facts)
        if counted and not metric_of(header):
            parts = [part for part in (model, header) if not TOTAL.fullmatch(part)]  # the rows' and columns' sums
            figures(state, company, cell, source, metric=counted, row_when=first_date(caption),
                    row_segment=", ".join(parts) or None)
            continue
        # (a market's table, of no company: its other cells are still figures, "| Week on week |" over "-1.5%")
        figures(state, company, cell, source, label=None if money else header, metric="price" if money else None,
                row_segment=model, prose=company is None and not money)
        if _EARLIER.search(header):  # "| Week ago |": what the price was
            qualify(state, before, "former")


_CODE = re.compile(rf"\b(?:{'|'.join(sorted(CURRENCY_CODES))})\b")  # the reader's own currency codes
_BARE_NUMBER = re.compile(r"[~≈]?\s?\d[\d,]*(?:\.\d+)?")
# "| **Total** |", "| Grand total |", "| Overall |": a sum of the rows or columns beside it, no company, model or site
TOTAL = re.compile(r"\**\s*(?:total|totals|subtotal|grand total|sum|overall|fleet total|all)\b\s*\**:?", re.I)
_HEADER_PRICE = re.compile(r"[$€£¥₹]\s?/|\bper\b", re.I)


_EARLIER = re.compile(r"\b(?:(?:a\s+)?(?:week|month|quarter|year)\s+(?:ago|earlier|before)|prior|previous|last\s+(?:week|month|year))\b",
                      re.I)


# "per second", "Per-million-token prices", "per GPU-hour": what a table's prices are per
_PER_PHRASE = re.compile(r"\bper[-\s]+((?:gpu[-\s])?(?:second|hour|month)|(?:1\s?m|million|1\s?k|thousand)[-\s]+"
                         r"(?:input\s+|output\s+)?tokens?)\b", re.I)


# "| Latest Round |", "| Last raise |", "| Most recent funding |": one round per cell; not "| Total raised |"
# "| Follow-on |" of "Series B, $135M (Jul 2025)" in a fund's table of holdings: the later round it took part in
ROUND_HEADER = re.compile(r"\bround\b|\bfollow-?on\b|^(?:last|latest|most recent|recent)\s+(?:raise|funding|financing)\b", re.I)


def cell_round(company: str, cell: str, source: Source) -> Round | None:
    """The round one cell tells whole, with its type and its amount or date ('Series D ($1.1B, May 2025)',
    'Series C, 2025')."""
    kinds = lexicon.find("round_types", cell)
    # "Series C at $420M (prior $1.1B)": a valuation, and before it an earlier one (neither raised)
    money = [q for q in find_quantities(cell) if q.currency and not _EARLIER.search(cell, max(0, q.start - 10), q.start)]
    valuation = next((q for q in money if is_valuation(cell, q)), None)
    amount = next((q for q in money if q is not valuation), None)
    when = first_date(cell)
    return Round(source, company, kinds[0][0], amount, when, valuation=valuation) \
        if kinds and (amount or when or valuation) else None
