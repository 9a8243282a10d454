"""Facts in table rows: comparison tables (a company per row, a figure or a profile label per
column), tables of funding rounds, of deals and of investors' portfolios; the notes around a table
(its introduction, a note under it, a report's price basis). Tables turned sideways are ``crosstabs``'s.

A column is read by its header, with the words a labelled line would use; no code path knows a
company.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import lexicon
from .amounts import MODEL, find_quantities
from .aliases import renamed
from .background import about_who
from .cells import NOTHING, TOKEN_COLUMN, exported_cell, heading_tokens, row_currency, scaled, snake_header, written
from .crosstabs import (
    CHANGE_COLUMN, CORNER_NOTE, ESTIMATED_YEAR, ROUND_HEADER, TOTAL, YEAR_HEADER, by_company, by_model, by_period, cell_round,
    is_period, market_by_year, names_company, year_column,
)
from .dates import find_dates, first_date, relative_dates, report_date
from .figures import figures
from .metrics import metric_of
from .deals import deal_status
from .prose import category_from, prose, told_of
from .phrases import NAME, looks_like_name, looks_like_org, split_names, strip_parens
from .reading import State, add, qualify, trim_name
from .records import Acquisition, Backing, Block, Observation, Role, Round, Source, When
from .rounds import split_marked
from .segments import PER_UNIT


_ENTITY_HEADERS = ("company", "provider", "name", "startup", "firm", "player", "vendor", "platform", "organization",
                   "borrower", "issuer", "winner", "awardee", "contractor", "recipient", "operator")
_PLACE_HEADERS = ("market", "markets", "region", "metro", "metro area", "country", "city", "state", "location", "geography",
                  "territory")
_MODEL_HEADERS = ("gpu", "gpu model", "gpu type", "model", "instance", "instance type", "hardware", "chip", "accelerator",
                  "node", "node type", "configuration", "config")


_ACQUIRER_HEADERS = ("acquirer", "buyer", "acquiring company", "acquired by", "purchaser")
_TARGET_HEADERS = ("target", "acquired company", "company acquired", "acquired", "acquisition", "target company", "acquiree")
_NAME_SUFFIX = re.compile(r"\s+name$")
_TARGET_PART = re.compile(r"^(?:target|acquiree|acquired company)(?:['’]s)?\s+(?=\w)", re.I)  # "Target type", "Target HQ"
_PRICE_HEADERS = ("price", "value", "deal value", "deal size", "amount", "consideration", "price paid", "order value", "order size")
_INVESTOR_HEADERS = ("investor", "investors", "firm", "fund", "backer", "vc", "investment firm")


def _is_portfolio(header: str) -> bool:
    """'Portfolio', 'Notable portfolio', 'Selected investments (GPU)': the lexicon's portfolio labels,
    with a word that says the list is a selection."""
    header = _SELECTION.sub("", strip_parens(header)).strip()
    return lexicon.exact("labels", header) == "portfolio"


_SELECTION = re.compile(r"^(?:notable|selected|select|key|major|main|recent|some|example|sample)\s+", re.I)


def _corner_company(state: State, corner: str) -> str | None:
    """The company a table's corner names before a comma or a bracket ("Lorwen AI, measured"), when the report
    knows it as one."""
    name = re.split(r"[,(]", corner, maxsplit=1)[0].strip()
    return name if name and names_company(state, name) else None


def table_row(state: State, block: Block, source: Source) -> None:
    """A row of a comparison table (figures per company), of a table of rounds, of deals, or of
    investors' portfolios."""
    exported = tuple((header, exported_cell(cell)) for header, cell in block.cells)
    tokens = heading_tokens(block.section[-1]) if block.section else None
    if tokens:  # "| Input |" under "## Token prices (per 1M tokens, USD)": "| Input ($/1M tokens) |"
        exported = tuple((f"{h} ({tokens})" if TOKEN_COLUMN.fullmatch(h.strip()) else h, c) for h, c in exported)
    currency = row_currency(exported)
    cells = [(snake_header(header.strip()), written(snake_header(header.strip()), cell, currency, state.money_scale))
             for header, cell in exported]
    if not cells:
        return
    if state.scale_note and state.scale_note.line and block.line != state.scale_note.line + 1:
        state.scale_note = None  # the next table, after the one the note was written over
    if state.scale_note:
        state.scale_note.line = block.line
        label = cells[0][1]
        cells = cells[:1] + [(header, scaled(state.scale_note, label, cell)) for header, cell in cells[1:]]
    lowered = [h.lower() for h, _ in cells]
    if metric_of(lowered[0]) == "market-size" and len(cells) > 1 and all(YEAR_HEADER.fullmatch(h) for h, _ in cells[1:]):
        market_by_year(state, cells, source)  # "| Market ($ bn) | 2024A | 2025E |" over "| Inference | 12.2 | 23.4 |"
        return
    if len(cells) > 1 and all(is_period(h) or CHANGE_COLUMN.fullmatch(h.lower()) for h, _ in cells[1:]) \
            and any(is_period(h) for h, _ in cells[1:]) \
            and (lowered[0] in _METRIC_HEADERS or CORNER_NOTE.fullmatch(lowered[0]) or names_company(state, cells[0][0])):
        # "| Metric | Q3 2025 | Q2 2025 |": the figures of the table's company; "| Corvelline Compute (USD) |
        # 2024A | 2025E |": of the company its corner names
        by_period(state, cells, source, None if lowered[0] in _METRIC_HEADERS or CORNER_NOTE.fullmatch(lowered[0])
                  else strip_parens(cells[0][0]))
        return
    if TOTAL.fullmatch(cells[0][1]) and lowered[0] not in _PLACE_HEADERS \
            and not (lowered[0] in _MODEL_HEADERS and metric_of(state.caption or block.section[-1])):
        return  # "| **Total** | | 653,500 | |": a sum of the rows above, not a company (but a fleet's by site, a market's)
    if _CLOCK.fullmatch(cells[0][1].strip()):
        # an agenda's "| 09:00 | Opening keynote | Ilse Verhoeckx, CEO, Keldermoor Compute |": no company per row,
        # its cells sentences of their own
        for _, cell in cells[1:]:
            if cell and not NOTHING.fullmatch(cell):
                prose(state, cell, source, None)
        return
    # "| Others (23 providers) | | 8% |": the rest of a market, no company; "| **Median** | | 11.0x |": the rows' median
    if _OTHERS_ROW.fullmatch(cells[0][1]) or _MEDIAN_ROW.fullmatch(cells[0][1]):
        heading = block.section[-1] if block.section else ""
        when = report_date(heading) or _bracketed_day(state, heading) if heading else None
        for header, cell in cells[1:]:
            if cell and not NOTHING.fullmatch(cell):
                named = re.search(rf"\b{MODEL}\b", header)  # "| H100 SXM |": the median price of that GPU
                figures(state, None, cell, source, label=header, row_when=when,
                        row_segment=named.group(0) if named else cells[0][1])
        return
    corner = _corner_company(state, cells[0][0])
    if corner and len(cells) > 1 and metric_of(cells[0][1]) not in (None, "unclassified"):
        # "| Lorwen AI, measured | Llama 3.1 70B | Mistral Small 3.1 |" over "| TTFT (ms, median) | 165 | 120 |": the
        # corner's company, a row per measure and a column per model or setting
        label = cells[0][1]
        for header, cell in exported[1:]:
            if cell.strip() and not NOTHING.fullmatch(cell.strip()):
                figures(state, corner, written(label, cell.strip(), currency, state.money_scale), source, label=label,
                        row_segment=strip_parens(header).strip() or None)
        return
    # ("| Turnover, FY2024 | Korvena Cloud | Isarlicht Inference |": a corner that names the measure, a row per region)
    if (lowered[0] in _METRIC_HEADERS or metric_of(lowered[0]) not in (None, "unclassified")) and len(cells) > 1 and \
            all(looks_like_name(h) and not lexicon.find("metrics", h) for h, _ in cells[1:]):
        by_company(state, block, source)
        return
    if lowered[0] in _MODEL_HEADERS and len(cells) > 1 and not any(w in h for h in lowered for w in _ENTITY_HEADERS):
        by_model(state, block, source)
        return
    if lowered[0] in _PLACE_HEADERS and len(cells) > 1 and not any(w in h for h in lowered for w in _ENTITY_HEADERS):
        # "| Market | Inventory (MW) | Vacancy |" over "| Northern Virginia | 4,930 | 1.4% |": a row per place, of the
        # market (or of the company whose section the table is in), not a company per row; its totals row, all of them
        place = None if TOTAL.match(cells[0][1]) else strip_parens(cells[0][1]).strip(" *")  # ("Total / weighted average")
        for header, cell in cells[1:]:
            if not cell or NOTHING.fullmatch(cell):
                continue
            if state.company:
                figures(state, state.company, cell, source, label=header, row_segment=place)
            else:  # the market's: what the header measures, else a figure of the place and the column
                measured = metric_of(strip_parens(header))
                segment = ", ".join(part for part in (place, None if measured else strip_parens(header)) if part)
                figures(state, None, cell, source, metric=measured, prose=True, row_segment=segment or None)
        return
    column = {h: c for h, c in zip(lowered, (c for _, c in cells))}
    # (a database export adds "name": "| Acquiree Name | Acquirer Name |")
    acquirer_col = next((h for h in lowered if _NAME_SUFFIX.sub("", h) in _ACQUIRER_HEADERS), None)
    target_col = next((h for h in lowered if _NAME_SUFFIX.sub("", h) in _TARGET_HEADERS), None)
    if acquirer_col == "acquired by" and not target_col:  # "| Company | Acquired By |": the row's company was bought
        target_col = next((h for h in lowered if any(w in h for w in _ENTITY_HEADERS)), None)
    buyer = None if acquirer_col else _buyer_of_table(state, block.section)
    if buyer:  # "## Acquisitions (1)" in a company's profile, "# List of acquisitions by X": the rows are its purchases
        target_col = target_col or next((h for h in lowered if any(w in h for w in _ENTITY_HEADERS)), None)
        acquirer_col, column = "acquirer", {**column, "acquirer": buyer}
    if acquirer_col and target_col:
        _table_deal(state, column, acquirer_col, target_col, source)
        # what and where the target is: "| Skelmorlie Labs | GPU cluster scheduling software | United States |" in a
        # buyer's list of purchases, "| Target type |" in a deal table
        target = strip_parens(column[target_col])
        for header, cell in cells:
            told = _TARGET_PART.sub("", header) if buyer or _TARGET_PART.match(header) else ""
            if lexicon.exact("labels", told) == "business_model" and not NOTHING.fullmatch(cell):
                category_from(state, target, cell, source, leading=True)
            elif header.lower() not in (target_col, "acquirer") and lexicon.exact("labels", told) == "headquarters":
                about_who(state, target, told, cell, source)
        return
    investor_col = next((h for h in lowered if h in _INVESTOR_HEADERS), None)
    portfolio_col = next((h for h in lowered if _is_portfolio(h)), None)
    if investor_col and portfolio_col:
        _table_portfolio(state, column[investor_col], column[portfolio_col], source)
        investor = strip_parens(column[investor_col])
        kind_col = next((h for h in lowered if h in _KIND_HEADERS), None)
        kind = lexicon.exact("investor_kinds", column[kind_col]) if kind_col else None
        if kind and looks_like_name(investor):  # "| Type |" over "Sovereign wealth fund": what kind of investor
            state.kinds.append((investor, f"investor-kind:{kind}"))
        for header, cell in cells:  # "| Fund size | $1.2B (Fund IV) |": the investor's own figures
            if header.lower() not in (investor_col, portfolio_col) and looks_like_name(investor) and \
                    any(q.currency for q in find_quantities(cell)):
                figures(state, investor, cell, source, label=header)
        return
    holder_col = next((h for h in lowered if _HOLDER_HEADER.search(h)), None)
    if holder_col and state.company:
        # "| Beneficial owner | Shares beneficially owned |" in a company's filing: the firms among its
        # holders back it (a founder's own shares make him no investor)
        holder = strip_parens(column[holder_col])
        if looks_like_name(holder) and (looks_like_org(holder) or holder in state.names) and not TOTAL.fullmatch(holder):
            add(state, Backing(source, holder, state.company), ("investor", holder), ("company", state.company))
        return
    person_col = next((h for h in lowered if h in _PERSON_HEADERS), None)
    role_col = next((h for h in lowered if re.search(r"\b(?:role|title|position|job)\b", h)), None)
    if person_col and role_col:
        _table_role(state, column, person_col, role_col, source)
        return
    entity_col = next((i for i, h in enumerate(lowered) if any(w in h for w in _ENTITY_HEADERS)), None)
    # "| Buyer | Vendor | GPUs | Order value |": a table of orders is about its buyers, the vendor the other party
    vendor_col = next((h for h in lowered if h in _VENDOR_HEADERS), None)
    buyer_col = next((h for h in lowered if h in ("buyer", "purchaser")), None) if vendor_col else None
    entity_col = lowered.index(buyer_col) if buyer_col else entity_col
    # a profile's own table of rounds ("| Round | Date | Amount | Lead |") has no column of names
    # ... nor has its table of sites ("| Data center | Location | Power |"): a row per site, not per company
    sites = lowered[0] in _SITE_HEADERS and not any(w in h for h in lowered for w in _ENTITY_HEADERS)
    own = state.company is not None and (rounds_without_names(lowered) or sites)
    whose = _intro_company(state) if state.company is None and rounds_without_names(lowered) else None
    # "| Rank | Creditor | Claim |": the names stand after the rank
    entity_col = -1 if own else entity_col or (1 if lowered[0] in _RANK_HEADERS and len(cells) > 1 else 0)
    # "| Apr 2021 | Seed | 6,500 | ... |" under a company's heading: a date, not the row's company
    own = own or entity_col == 0 and (is_period(cells[0][1]) or _DATE_HEADER.search(lowered[0])) \
        and not any(w in lowered[0] for w in _ENTITY_HEADERS)
    # "| Investor Name | Lead Investor | Funding Round |" in a company's profile: who took part in its rounds, and
    # so backs it
    backers = state.company is not None and entity_col is not None and entity_col >= 0 \
        and _INVESTOR_COLUMN.fullmatch(lowered[entity_col]) is not None and any(h in _ROUND_COLUMNS for h in lowered)
    if backers and looks_like_name(strip_parens(cells[entity_col][1])):
        investor = strip_parens(cells[entity_col][1])
        add(state, Backing(source, investor, state.company), ("investor", investor), ("company", state.company))
    own = own or backers or bool(whose)
    company = (state.company or whose) if own else strip_parens(cells[entity_col][1]) or state.company
    entity_col = -1 if own else entity_col  # "| Quarter |" of the company's own table is its date column
    if not company or not looks_like_name(company) or sites:
        company = state.company
    if company is None:  # "| Torvane v. Ossinger | ... | $120M damages sought |": the row's amounts, of no one company
        for header, cell in cells[1:]:
            if any(q.currency for q in find_quantities(cell)) and not _DATE_HEADER.search(header.lower()):
                figures(state, None, cell, source, label=header, prose=True, row_segment=cells[0][1])
        return
    state.kinds.append((company, "company"))
    # the column that holds the round's type ("| Type | Last round |" over "Neocloud" and "Series B, Oct 2025")
    rounds_cols = [h for h in lowered if h in _ROUND_COLUMNS]
    round_col = next((h for h in rounds_cols if lexicon.find("round_types", column[h])), rounds_cols[0] if rounds_cols else None)
    amount_col = next((h for h in lowered if "amount" in h or "proceeds" in h or h in ("raised", "size")
                       or h in ("money raised", "capital raised", "funds raised")), None)
    customer_col = vendor_col if buyer_col else next((h for h in lowered if h in _CUSTOMER_HEADERS), None)
    value_col = next((h for h in lowered if h in _PRICE_HEADERS or re.search(r"\bcontract\b", h)), None)  # not "Contracted IT load"
    contract = bool(customer_col and value_col and not round_col)
    if contract:  # the row's other columns are still its company's figures ("| Total power (MW) |")
        _table_contract(state, company, column, customer_col, value_col, source)
    # "| Company | Date filed | Amount sold | Total offering |": a raise whose type the table does not say
    # ... or a long table of who took part in which round ("| company | round type | investor | is lead |")
    investor_col = next((h for h in lowered if re.fullmatch(r"investors?|investor name|backer|participant", h)), None)
    # (a "| Raised |" column beside no round, lead or investor is what each company raised in all: its total)
    raised = amount_col and (re.search(r"\bsold\b", amount_col) or re.search(r"\braised\b", amount_col)
                             and any(re.search(r"\b(?:leads?|investors?|backers?|filed)\b", h) for h in lowered))
    if amount_col and (round_col or raised) or round_col and investor_col:
        _table_round(state, company, column, round_col, amount_col, source)
        for i, (header, cell) in enumerate(cells):  # "| Halcyra Compute | Neocloud | Series C | 620 |": what the company is, and where
            if lexicon.exact("labels", header) == "business_model" and not NOTHING.fullmatch(cell):
                category_from(state, company, cell, source, leading=True)
            elif lexicon.exact("labels", header) == "headquarters" and cell and not NOTHING.fullmatch(cell):
                about_who(state, company, header, cell, source)
            elif i != entity_col and lowered[i] not in (round_col, amount_col) and not _ROUND_PART.search(lowered[i]) \
                    and (metric_of(strip_parens(header)) and find_quantities(cell)
                         or any(q.unit in ("percent", "year", "month", "day") for q in find_quantities(cell))):
                # "| Coupon | Tenor | GPUs pledged |" beside the facility: the row's rates, terms and figures of a measure
                # the model knows (not "| Total offering |", an amount of no measure)
                figures(state, company, cell, source, label=header, row_when=_row_date(column))
        return
    # What the row says for all its figures: when ("As of", "Date") and of what (the GPU model).
    date_col = next((i for i, h in enumerate(lowered) if i != entity_col and _DATE_HEADER.search(h)), None)
    online_col = next((i for i, h in enumerate(lowered) if i != entity_col and _ONLINE_HEADER.search(h)), None)
    date_col = online_col if date_col is None else date_col
    model_col = next((i for i, h in enumerate(lowered) if i != entity_col and h in _MODEL_HEADERS), None)
    site_col = next((i for i, h in enumerate(lowered) if i != entity_col and h in _SITE_HEADERS), None)
    model_col = site_col if model_col is None else model_col  # the site a row's figures are of, as a GPU model is
    # without a date column, the one date of the table's heading ("Pricing (per GPU-hour, January 2026)");
    # a price per unit the heading names
    heading_per = PER_UNIT.search(block.section[-1]) if block.section else None
    per = heading_per.group(1) if heading_per else None
    when = first_date(cells[date_col][1]) if date_col is not None else \
        (report_date(block.section[-1]) or _bracketed_day(state, block.section[-1]) if block.section else None)
    model_cell = _NODE_OF.sub("", cells[model_col][1]) if model_col is not None else ""  # "8× H100 SXM": a node of H100s
    # ("Keflavík Hall 4" is a site's name and "Llama 4 Maverick" a model's, not numbers; "2" and "1,024 GPUs" are no models)
    model = model_cell if model_col is not None and (model_col == site_col or not find_quantities(model_cell)
                                                     or re.match(r"[A-Za-z]", model_cell)) else None
    # a date still to come when the report was written ("| Online | Q1 2026 |" in a report of H2 2025)
    planned = online_col is not None and when is not None and state.written is not None and when.start > state.written.end
    # "| Status | Under construction |": the row's capacity is still to come
    planned = planned or any(h in ("status", "stage") and _NOT_BUILT.search(c) for h, (_, c) in zip(lowered, cells))
    before = len(state.facts)
    if state.author and state.author != company and any(_HELD.search(h) for h in lowered):
        # "| Company | First investment | Ownership % |" in a fund's letter: the fund's own holdings
        add(state, Backing(source, state.author, company), ("investor", state.author), ("company", company))
    for i, (header, cell) in enumerate(cells):
        if i not in (entity_col, date_col, model_col) and cell and not NOTHING.fullmatch(cell) and \
                lowered[i] not in _RANK_HEADERS + _TICKER_HEADERS and \
                not (contract and lowered[i] in (customer_col, value_col, *_TERM_HEADERS)):
            if lexicon.exact("labels", header) == "business_model":  # "| Segment |" of "Neocloud"
                category_from(state, company, cell, source, leading=True)
            elif lowered[i] in _OUTCOME_HEADERS + _NOTE_HEADERS and (told := told_of(company, cell)):
                prose(state, told, source, company)  # "| Status |" of "Acquired by Kaldera, Aug 2025"
            elif lowered[i] in _NOTE_HEADERS:
                _note(state, company, cell, source)
            elif ROUND_HEADER.search(header) and (fact := cell_round(company, cell, source)):
                add(state, fact, ("company", company))  # "| Latest Round |" of "Series D ($1.1B, May 2025)"
            elif (year := YEAR_HEADER.fullmatch(header)) and block.section:
                year_column(state, company, block.section[-1], year, cell, source)
            elif site_col is not None and lowered[i] in ("location", "city", "country", "state", "region"):
                pass  # "| Campus | Operator | Location |": where the site is, not where its operator is based
            elif not about_who(state, company, header, cell, source):
                named = re.search(rf"\b{MODEL}\b", header)  # "| H100 $/hr |"
                unit = _UNIT_HEADER.fullmatch(header)  # "| MW |": power in that unit
                label, cell = ("power capacity", f"{cell} {unit.group('u')}") if unit and find_quantities(cell) else (header, cell)
                # "| 1-year | Spot |" under "## Reserved and spot prices, H100 SXM": prices of the heading's GPU, on
                # the column's terms
                heading = block.section[-1] if block.section else ""
                termed = _TERM_COLUMN.fullmatch(lowered[i]) and _PRICES_WORD.search(heading) and \
                    any(q.currency for q in find_quantities(cell))
                heading_model = re.search(rf"\b{MODEL}(?:\s+(?:SXM|PCIe|NVL))?\b", heading) if termed else None
                if termed:
                    label, named = "price", None
                    model = ", ".join(p for p in (model or (heading_model.group(0) if heading_model else None), header) if p)
                planned_col = _PLANNED_HEADER.fullmatch(label)
                label = (planned_col.group("m") or planned_col.group("m2")) if planned_col else label
                first = len(state.facts)
                figures(state, company, cell, source, label=label, row_when=when,
                        row_segment=model or (named.group(0) if named else None), row_per=per)
                if ESTIMATED_YEAR.search(header):  # "| Share 2025E |": an estimate
                    qualify(state, first, "estimated")
                if planned_col:
                    qualify(state, first, "projected")
    if planned:
        qualify(state, before, "projected")
    first, last = state.table_lines
    first = first if last == block.line - 1 else block.line  # the rows of one table stand on consecutive lines
    state.table_lines = (first, block.line)
    if state.intro.rstrip().endswith(":") and 0 < first - state.intro_line <= 5:  # the table right under the line
        if _PRICE_INTRO.search(state.intro):
            _priced(state, before, state.intro)
        _dated_by_intro(state, before, state.intro)


# "On-demand list prices in USD per GPU-hour, as of 17 October 2025:" over a table of bare numbers
_PRICE_INTRO = re.compile(r"\b(?:prices|rates)\b[^:]*\b(?:in\s+(?:USD|EUR|GBP|US\s?dollars|euros)|per\s+(?:GPU[-\s]?)?(?:hour|hr))\b|"
                          r"\b(?:USD|EUR|GBP)\s+per\s+(?:GPU[-\s]?)?(?:hour|hr)\b", re.I)  # "(USD per GPU-hour, on-demand)"


def _priced(state: State, start: int, intro: str) -> None:
    """A row's bare numbers under a line that says they are prices, in a currency, per an hour, as of a date."""
    per, when = _note_terms(intro)
    code = re.search(r"\b(USD|EUR|GBP)\b", intro)
    currency = code.group(1) if code else None
    for i in range(start, len(state.facts)):
        fact = state.facts[i]
        q = fact.quantity if isinstance(fact, Observation) else None
        if q is not None and q.unit == "count" and not q.currency and fact.metric not in lexicon.lexicon()["metrics"]:
            q = replace(q, unit=None, currency=currency or q.currency, per=q.per or per)
            state.facts[i] = replace(fact, metric="price", quantity=q, when=fact.when or when)
        elif q is not None and q.currency and not q.per and per and fact.metric == "price":  # "| Price |" over "$1.99"
            state.facts[i] = replace(fact, quantity=replace(q, per=per), when=fact.when or when)


_NOT_BUILT = re.compile(r"(?i)\b(?:planned|under construction|proposed|in development|permitting|pre-construction)\b")
_HELD = re.compile(r"\b(?:ownership|our stake|stake held|first investment|initial investment|cost basis)\b")
_OUTCOME_HEADERS = ("status", "outcome", "exit", "current status")
# the columns a round is read from: its investors, valuation and date
_ROUND_PART = re.compile(r"lead|investor|participant|backer|lender|arranger|^others?$|^other\s|co-invest|valuation|"
                         r"\b(?:post|pre)[- ]money\b|\bvalued\b|\bdate\b|\bclosed\b|\bannounced\b|^when$|^year$|currency|^ccy$")
# a cell of words about the row's company: read as a sentence about it, never as a figure named after the column
_NOTE_HEADERS = ("notes", "note", "fate", "remarks", "comments", "comment", "details", "history", "events")
_FORMERLY = re.compile(r"^(?:formerly|previously)\s+(?:known\s+as\s+|called\s+)?", re.I)
# a row's place in the table, or the numbers that label it ("| Day |" of a summit, a filing's "| Items |"): not figures
_RANK_HEADERS = ("#", "rank", "no.", "no", "ranking", "day", "item", "items")
_TERM_HEADERS = ("term", "tenor", "duration", "length")  # how long a contract runs, which the model does not hold
_TICKER_HEADERS = ("ticker", "symbol", "ticker symbol", "exchange", "listing", "isin")  # where it trades: "4798 (Tokyo)" is no count
# "| Date |", "| As of |", "| Fiscal year |", "| Period |": the column that dates a row's figures
_DATE_HEADER = re.compile(r"\bdate\b|\bas of\b|^when$|^(?:fiscal\s+|financial\s+)?(?:year|period|quarter)(?:\s+ended)?$|^fy$")


_SITE_HEADERS = ("site", "facility", "campus", "data center", "data centre", "site name", "location name")
_ONLINE_HEADER = re.compile(r"\b(?:online|go-live|live|operational|energi[sz]ed|energi[sz]ation|commissioning|completion|opening|"
                            r"delivery|deliveries)\b")
# ("| MW (IT load) |": what the power counts, in brackets after the unit)
_UNIT_HEADER = re.compile(r"(?:(?:power|capacity|it load|critical it load)\s*)?\(?(?P<u>mw|gw|kw|megawatts?|gigawatts?)\)?"
                          r"(?:\s*\([^)]*\))?", re.I)
# "| GPUs planned |", "| Target GPUs |": a figure still to come, of what the rest of the header names
_PLANNED_HEADER = re.compile(r"(?P<m>.+?)\s+(?:planned|expected|targeted|target)|(?:planned|expected|target(?:ed)?)\s+(?P<m2>.+)", re.I)


_ROUND_COLUMNS = ("round", "type", "round type", "stage", "series", "funding round", "deal", "deal type", "structure",
                  "instrument", "financing", "financing type", "transaction", "last round", "latest round", "most recent round",
                  "funding type", "investment type", "round name", "transaction name", "class", "share class")
# (and "| Particulars |", as Indian accounts head the column of line items)
_METRIC_HEADERS = ("metric", "metrics", "measure", "kpi", "item", "indicator", "feature", "features", "capability", "particulars", "")


def table_note(state: State, text: str) -> None:
    """'Prices are per GPU-hour, on demand, as of December 1, 2025.' right under a table: what the
    table's prices are per and when its figures hold, where its cells did not say."""
    if not _NOTE.match(text) or state.table_facts is None:
        return
    per, when = _note_terms(text)
    start, end = state.table_facts
    for i in range(start, end):
        fact = state.facts[i]
        if isinstance(fact, Observation):
            quantity = replace(fact.quantity, per=per) if per and fact.metric == "price" and not fact.quantity.per else \
                fact.quantity
            state.facts[i] = replace(fact, quantity=quantity, when=fact.when or when)


_BRACKETED_DATE = re.compile(r"\((?:(?:snapshot|prices|data|figures)\s+)?(?:(?:of|as\s+of|as\s+at|at)\s+)?(?P<d>[^()]+)\)\s*$")


def _bracketed_day(state: State, heading: str) -> When | None:
    """'## On-demand prices (snapshot of 24 November)': the day the table holds as of, in the report's year."""
    m = _BRACKETED_DATE.search(heading)
    told = m.group("d").strip() if m else ""
    found = relative_dates(f"on {told}", state.written) if told and not find_dates(told) else []
    return found[0][2] if len(found) == 1 and found[0][1] == len(told) + 3 else None


def price_basis(state: State, text: str) -> None:
    """'Prices are per GPU-hour on an 8-GPU node, unless a note says otherwise.' in a report's method: what its
    prices are per where they do not say (``state.price_per``, read by ``figures``)."""
    if _NOTE.match(text) and (per := _note_terms(text)[0]):
        state.price_per = per


def _dated_by_intro(state: State, start: int, intro: str) -> None:
    """'On-demand rates per GPU-hour as posted ... in mid-December 2025:' over a table: the date it says the
    figures hold as of, or its one date, for the row's figures that tell none."""
    dates = find_dates(intro) or relative_dates(intro, state.written)
    when = _note_terms(intro)[1] or (dates[0][2] if len(dates) == 1 else None)
    if when:
        state.facts[start:] = [replace(f, when=when) if isinstance(f, Observation) and f.when is None else f
                               for f in state.facts[start:]]


def _note_terms(text: str) -> tuple[str | None, When | None]:
    """What a note on a table's prices says they are per, and the date they hold "as of"."""
    per = PER_UNIT.search(text)
    as_of = re.search(r"\bas of\s+", text)
    return ({"hr": "hour"}.get(per.group(1).lower(), per.group(1).lower()) if per else None,
            first_date(text[as_of.end():]) if as_of else None)


_NOTE = re.compile(r"(?:Note:\s*)?(?:All\s+)?(?:prices|rates|figures|amounts|numbers)\s+(?:are|as of|in)\b", re.I)


_INTRO_OWNER = re.compile(rf"^(?:(?:The|Its)\s+)?(?P<c>{NAME})['’]s?\s+(?:[\w-]+\s+){{0,3}}?(?:funding|financing|rounds?|fundraising|capital)\b")


def _intro_company(state: State) -> str | None:
    """'Talvio's financing to date, as confirmed by the company:' over a table of rounds with no names: whose rounds."""
    m = _INTRO_OWNER.match(state.intro) if state.intro.rstrip().endswith(":") else None
    return trim_name(state, m.group("c")) or None if m else None


def rounds_without_names(headers: list[str]) -> bool:
    """'| Date | Round | Amount ($K) | Lead(s) |': a company's own table of rounds, with no column of names."""
    lowered = [h.strip().lower() for h in headers]
    return any(h in _ROUND_COLUMNS for h in lowered) and not any(w in h for h in lowered for w in _ENTITY_HEADERS)


_OTHERS_ROW = re.compile(r"\**\s*(?:others?|all others|the rest|rest of (?:the )?market|everyone else)\s*\**"
                         r"(?:\s*\([^)]*\))?\s*", re.I)
# "09:00", "9h30", "9.30 am", "09:00–09:40" (not "4.60", a price)
_CLOCK = re.compile(r"(?:\d{1,2}[:h]\d{2}|\d{1,2}\.\d{2}(?=\s*[ap]\.?m))(?:\s*[ap]\.?m\.?)?"
                    r"(?:\s*[-–]\s*\d{1,2}[:h.]\d{2}(?:\s*[ap]\.?m\.?)?)?", re.I)
_MEDIAN_ROW = re.compile(r"\**\s*(?:median|mean|average|avg\.?)(?:\s*\([^()]*\))?\s*\**:?", re.I)  # "**Median (USD quotes)**"


def _note(state: State, company: str, cell: str, source: Source) -> None:
    """'Formerly Nordvik Datahall (renamed 2022)': another name of the row's company; any other note
    is read as a sentence about the company."""
    if _FORMERLY.match(cell):
        renamed(state, f"{company} (formerly {strip_parens(_FORMERLY.sub('', cell))})")
    else:
        prose(state, cell, source, company)


def _table_round(state: State, company: str, column: dict[str, str], round_col: str | None, amount_col: str | None,
                 source: Source) -> None:
    """'| Tamarack Compute | Term loan | RBC Capital Markets (lead arranger), CIBC | C$850M | March 2025 |'
    under Borrower, Structure, Lenders, Amount, Signed; a row whose deal is an acquisition is one,
    its buyer in a buyer's column ('| Lead investor / buyer |')."""
    kinds = lexicon.find("round_types", column[round_col]) if round_col else []
    kind = kinds[0][0] if kinds else "unspecified"
    amount = next((q for q in find_quantities(column[amount_col]) if q.currency), None) if amount_col else None
    when = _row_date(column) or (first_date(column[round_col]) if round_col else None)  # "| Series B, Oct 2025 |"
    buyer = next((strip_parens(cell) for header, cell in column.items() if re.search(r"\b(?:buyer|acquirer)\b", header)), "")
    if round_col and _ACQUIRED.search(column[round_col]) and looks_like_name(buyer) and buyer != company:
        add(state, Acquisition(source, buyer, company, amount, when), ("company", buyer), ("company", company))
        return
    leads: list[str] = []
    participants: list[str] = []
    valuation = None
    # "| is lead |" over "True": whether the row's investor led
    flag_col = next((header for header, cell in column.items()
                     if _LEAD_FLAG.fullmatch(header) and _YES_NO.fullmatch(cell.strip())), None)
    flag = column[flag_col].strip().lower() if flag_col else None
    for header, cell in column.items():
        if header == flag_col:
            continue
        if "lead" in header:
            leads += split_names(cell, state.names.spelled_in(cell))
        elif re.search(r"investor|participant|backer|lender|arranger|^others?$|^other\s|co-invest", header):
            marked, others = split_marked(cell, state.names.spelled_in(cell))  # "RBC Capital Markets (lead arranger), CIBC"
            led = flag in ("true", "yes", "y", "1", "✓", "✔", "x")
            leads += marked + (others if led else [])
            participants += [] if led else others
        elif "valuation" in header or re.search(r"\b(?:post|pre)[- ]money\b|\bvalued\b", header):  # "| Post-money |"
            valuation = next((q for q in find_quantities(cell) if q.currency), None)
    if not kinds and amount is None and not leads and not participants and valuation is None:
        return  # "| Common | 2021-03-15 | 8,000,000 | $0.0001 | — | — (founder stock) |": shares issued, no round
    if state.author and state.author != company and _WE_LED.search(" ".join(state.section)):
        leads.append(state.author)  # "## Recent rounds we led" on a fund's own page: each row's lead is the fund
    fact = Round(source, company, kind, amount, when, tuple(leads), tuple(p for p in participants if p not in leads), valuation)
    add(state, fact, ("company", company), *[("investor", n) for n in fact.leads + fact.participants])


_TERM_COLUMN = re.compile(r"(?:\d+|one|three)[-\s](?:year|yr|month|mo)(?:\s+(?:reserved|commit(?:ted|ment)?|term))?|spot|on[-\s]demand|"
                          r"reserved|committed|interruptible|preemptible")
_PRICES_WORD = re.compile(r"\b(?:prices|pricing|rates)\b", re.I)
_WE_LED = re.compile(r"\b(?:we|we've|we have)\s+(?:co-)?led\b|\brounds\s+led\b|\bour\s+leads?\b", re.I)
_NODE_OF = re.compile(r"^\d+\s?[×x]\s?(?=[A-Z])")
_LEAD_FLAG = re.compile(r"(?:is[ _])?lead\??|led\??|lead investor\??", re.I)
_YES_NO = re.compile(r"(?i)true|false|yes|no|y|n|[01]|[✓✔✗✘x]|")
_ACQUIRED = re.compile(r"\b(?:acquisition|acquired|acqui-hired|buyout|takeover|merger)\b", re.I)


_VENDOR_HEADERS = ("vendor", "supplier", "seller", "oem", "odm", "manufacturer", "server maker")
_CUSTOMER_HEADERS = ("customer", "client", "counterparty", "offtaker", "buyer of capacity", "tenant", "anchor tenant",
                     "lessee", "agency", "awarding body", "buyer")


def _table_contract(state: State, company: str, column: dict[str, str], customer_col: str, value_col: str,
                    source: Source) -> None:
    """'| Thornfield Cloud | Microsoft | $5.2B | 4 years | Jun 2024 |' under Provider, Customer, Value,
    Term, Signed: the value of the provider's contract with that customer, dated when it was signed."""
    customer = strip_parens(column[customer_col]).strip()
    value = next((q for q in find_quantities(column[value_col]) if q.currency), None)
    if value is None or not looks_like_name(customer):
        return
    add(state, Observation(source, company, "contract-value", value, _row_date(column), related=customer,
                           qualifiers=value.qualifiers), ("company", company), ("org", customer))


# not a bare "Owner", which in a company's table of sites is the landlord
_HOLDER_HEADER = re.compile(r"\b(?:beneficial owners?|(?:share|stock|equity)holders?|(?:major |principal )?holders?)\b")
_PERSON_HEADERS = ("person", "executive", "name", "hire", "appointee", "leader", "who", "signature")
# "/s/ Ngozi Pellerin": a filing's signature, the signer's name after it
_SIGNED = re.compile(r"^/s/\s*")


def _table_role(state: State, column: dict[str, str], person_col: str, role_col: str, source: Source) -> None:
    """'| Amara Osei | Tessel Cloud | Chief Executive Officer | ... | October 2025 |' under Person,
    Company, New role, ..., Effective: the role taken up at the company of the row (or of the
    profile the table stands in), from the date its column gives."""
    person = _SIGNED.sub("", column[person_col].strip())
    company_col = next((h for h in column if h != person_col and any(w in h for w in _ENTITY_HEADERS)), None)
    company = strip_parens(column[company_col]).strip() if company_col else state.company
    when_col = next((h for h in column if re.search(r"\b(?:effective|date|since|start|joined|when)\b", h)), None)
    # a signature's date is when the filing was signed, not when the role was taken up
    when = first_date(column[when_col]) if when_col and person_col != "signature" else None
    roles = [role for role, _, _ in lexicon.find("roles", column[role_col])]
    if not (person and company and looks_like_name(person) and looks_like_name(company)):
        return
    for role in dict.fromkeys(roles):
        add(state, Role(source, person, company, role, when), ("person", person), ("company", company))


def _buyer_of_table(state: State, section: tuple[str, ...]) -> str | None:
    """Whose purchases a table lists: the company a heading names ('List of acquisitions by Harrowdene Cloud'),
    or the profiled company, under a heading of its acquisitions ('Acquisitions (1)')."""
    for title in reversed(section):
        named = _ACQUISITIONS_BY.search(title)
        if named and looks_like_name(strip_parens(named.group("n"))):
            return strip_parens(named.group("n"))
    return state.company if section and _ACQUISITIONS.match(section[-1]) else None


_INVESTOR_COLUMN = re.compile(r"investors?(?:\s+name)?|backer|participant")
_ACQUISITIONS_BY = re.compile(r"\bacquisitions\s+(?:made\s+)?by\s+(?P<n>[A-Z].*?)\s*$", re.I)
_ACQUISITIONS = re.compile(r"(?:\d+\.\s*)?acquisitions\s*(?:\(\d+\))?\s*$", re.I)


def _table_deal(state: State, column: dict[str, str], acquirer_col: str, target_col: str, source: Source) -> None:
    """'| Meridian Cloud | Oriel Compute | $410M | March 2024 | Completed |' under Acquirer, Target ..."""
    acquirer, target = strip_parens(column[acquirer_col]), strip_parens(column[target_col])
    if not looks_like_name(acquirer) or not looks_like_name(target) or acquirer == target:
        return
    price_col = next((h for h in column if strip_parens(h).strip() in _PRICE_HEADERS), None)  # "| Value (USD) |"
    price = next((q for q in find_quantities(column[price_col]) if q.currency), None) if price_col else None
    # a deal's state in its own column, or told in the row's notes ("Pending regulatory approval")
    status_col = next((h for h in column if "status" in h or h == "stage"), None) or \
        next((h for h in column if h in ("notes", "note", "comments", "comment", "details", "remarks")), None)
    add(state, Acquisition(source, acquirer, target, price, _row_date(column),
                           deal_status(column[status_col]) if status_col else None),
        ("company", acquirer), ("company", target))


_KIND_HEADERS = ("type", "investor type", "kind", "investor kind", "investor category")


def _table_portfolio(state: State, investor: str, portfolio: str, source: Source) -> None:
    """'| Northzone | Kestrel Cloud, Halvard Compute |' under Investor, Portfolio Companies."""
    investor = strip_parens(investor)
    if not looks_like_name(investor) or NOTHING.fullmatch(portfolio):
        return
    for company in split_names(portfolio, state.names.spelled_in(portfolio)):
        if looks_like_name(company):
            add(state, Backing(source, investor, company), ("investor", investor), ("company", company))


def _row_date(column: dict[str, str]) -> When | None:
    """The date of a row of rounds or deals, from its Date (Closed, Announced, Year) column."""
    header = next((h for h in column if "date" in h or h in ("when", "closed", "announced", "year", "signed", "signed on",
                                                                "awarded")), None)
    return first_date(column[header]) if header else None
