"""Table cells written out with what their table leaves unsaid: the currency, scale or unit a
column's header gives ("| Revenue (EUR m) |", "| GPUs (k) |", "| Power (MW) |"), a row's own
currency column ("| Ccy |"), and the scale a note or heading sets over a financial statement
("(in thousands, except per share data)"). Values in, values out: the cell as the amounts reader
will read it.
"""
from __future__ import annotations

import re

from . import lexicon
from .amounts import CURRENCY_CODES, MODEL, find_quantities
from .metrics import MONEY_METRICS, metric_of
from .reading import ScaleNote

NOTHING = re.compile(r"(?i)n/?a|-+|—|not disclosed|undisclosed|unknown|tbd|nan|none|nat|null")  # a cell that says nothing


# "(in thousands, except per share data)", "(USD in millions)", "in € millions", "(in thousands of U.S. dollars)"
_SCALE_NOTE = re.compile(r"\(?\s*(?:(?P<cur>[$€£¥]|USD|EUR|GBP|JPY)\s+)?(?:(?:all\s+)?(?:amounts|figures)\s+(?:are\s+)?)?"
                         r"in\s+(?:(?P<cur2>[$€£¥]|USD|EUR|GBP|JPY)\s*)?(?P<scale>thousands|millions|billions)"
                         r"(?:\s+of\s+(?P<cur3>(?:U\.?S\.?\s+)?dollars|euros|pounds|yen))?"
                         r"(?:,?\s*except\s+(?P<unless>[^)]*?))?\s*\)?\.?", re.I)


def _currency(said: str | None) -> str | None:
    """The currency a sign, code or word names ('$', 'EUR', 'U.S. dollars'), as the amounts read it."""
    if not said:
        return None
    said = re.sub(r"^U\.?S\.?\s+", "", said)
    probe = find_quantities(f"{said} 1" if said[0].isupper() or not said[0].isalpha() else f"1 {said}")
    return probe[0].currency if len(probe) == 1 else None


_SNAKE_SCALES = {"k": "k", "m": "m", "mn": "m", "mm": "m", "b": "bn", "bn": "bn"}
_SNAKE_PERS = {"hr": "hr", "h": "hr", "hour": "hr", "mo": "month", "month": "month", "yr": "year", "year": "year"}


def snake_header(header: str) -> str:
    """A data file's column name as a table's header: 'amount_usd_m' -> 'amount (USD m)',
    'price_usd_hr' -> 'price (USD/hr)', 'lead_investor' -> 'lead investor'; and as a notebook titles
    them: 'Arr Usd' -> 'Arr (USD)', 'H100 Usd Per Hr' -> 'H100 (USD/hr)'."""
    if "(" in header or not ("_" in header and " " not in header or _TITLED_CODE.search(header)):
        return header
    words = [w for w in re.split(r"[_ ]", header) if w and w.lower() != "per"]
    at = next((i for i, w in enumerate(words) if i and len(w) == 3 and _currency(w.upper())), None)
    rest = words[at + 1:] if at is not None else []
    if at is None or not all(w.lower() in _SNAKE_SCALES or w.lower() in _SNAKE_PERS for w in rest):
        return " ".join(words) if "_" in header else header
    scale = next((_SNAKE_SCALES[w.lower()] for w in rest if w.lower() in _SNAKE_SCALES), "")
    per = next((_SNAKE_PERS[w.lower()] for w in rest if w.lower() in _SNAKE_PERS), "")
    return f"{' '.join(words[:at])} ({words[at].upper()}{' ' + scale if scale else ''}{'/' + per if per else ''})"


_TITLED_CODE = re.compile(r"\s(?:Usd|Eur|Gbp|Jpy|Cad|Aud|Chf|Inr|Sgd)\b")
# what a notebook's export writes for a number or a time: "2021.0", "115000000.0", "2025-03-14 00:00:00"
_WHOLE_FLOAT = re.compile(r"(?P<n>\d+)\.0+")
_MIDNIGHT = re.compile(r"(?P<d>\d{4}-\d\d-\d\d)[ T]00:00:00(?:\.0+)?")
_SNAKE_VALUE = re.compile(r"[a-z]+(?:_[a-z]+)+")


def exported_cell(cell: str) -> str:
    """A cell of a data export as a report would write it: '2021.0' -> '2021', '2025-03-14 00:00:00' ->
    '2025-03-14', 'gpu_marketplace' -> 'gpu marketplace'."""
    cell = cell.strip()
    if m := _WHOLE_FLOAT.fullmatch(cell):
        return m.group("n")
    if m := _MIDNIGHT.fullmatch(cell):
        return m.group("d")
    return cell.replace("_", " ") if _SNAKE_VALUE.fullmatch(cell) else cell


def scale_note(text: str) -> ScaleNote | None:
    """The scale a line standing above a table gives its bare numbers, if it is such a line."""
    m = _SCALE_NOTE.fullmatch(text.strip().strip("*_"))
    if not m:
        return None
    unless = re.sub(r"\s+(?:data|amounts|figures|information|numbers)$", "", m.group("unless") or "", flags=re.I)
    return ScaleNote(m.group("scale").lower().rstrip("s"), _currency(m.group("cur") or m.group("cur2") or m.group("cur3")),
                     unless.lower() or None)


# "Source: filings; amounts in millions unless stated.", "All figures are in USD millions": said once, of every
# bare amount in the report's tables
_MONEY_SCALE = re.compile(r"\b(?:amounts|figures|values|sums|money|deal values)\s+(?:are\s+)?"
                          r"(?:(?:shown|given|stated|quoted)\s+)?in\s+(?:(?P<cur>[$€£¥₹]|USD|EUR|GBP|JPY|INR|CNY)\s*)?"
                          r"(?P<scale>thousands|millions|billions|crores?|lakhs?)\b", re.I)


def money_scale(text: str) -> ScaleNote | None:
    """The scale (and currency) a sentence gives every bare amount of the report, if it says one."""
    m = _MONEY_SCALE.search(text)
    return ScaleNote(m.group("scale").lower().rstrip("s"), _currency(m.group("cur"))) if m else None


def heading_scale(text: str) -> ScaleNote | None:
    """'## Selected financial data (fiscal years ended December 31, in millions)': the scale a
    heading's brackets give the table right under it."""
    bracket = re.search(r"\(([^()]*)\)\s*$", text)
    # ... or a currency and its scale: "## Operating metrics (FY2024; USD m unless stated)"
    found = (_SCALE_IN.search(bracket.group(1)) or CURRENCY_SCALE.search(bracket.group(1))) if bracket else None
    scale = found.group("scale").lower() if found else ""
    return ScaleNote(_SCALE_WORDS.get(scale, scale.rstrip("s")), _currency(found.group("cur"))) if found else None


def heading_tokens(text: str) -> str | None:
    """'## Token prices (per 1M tokens, USD)': the unit a heading's brackets give the bare prices of the table
    under it, as a column's header writes it ('$/1M tokens')."""
    bracket = re.search(r"\(([^()]*)\)\s*$", text)
    per = re.search(r"\bper\s+(1\s?[MK]|million|thousand)\s+tokens?\b", bracket.group(1), re.I) if bracket else None
    code = re.search(r"US\$|[$€£]|\b(?:USD|EUR|GBP)\b", bracket.group(1)) if per else None
    return f"{_SIGNS.get(code.group(0), code.group(0))}/{per.group(1)} tokens" if code else None


_SIGNS = {"USD": "$", "US$": "$", "EUR": "€", "GBP": "£"}
# the columns of a token price table: "| Input |", "| Output price |", "| Blended |"
TOKEN_COLUMN = re.compile(r"(?i)(?:input|output|prompt|completion|blended)(?:\s+(?:price|tokens))?")
_SCALE_IN = re.compile(r"\bin\s+(?:(?P<cur>[$€£¥]|USD|EUR|GBP|JPY)\s*)?(?P<scale>thousands|millions|billions)\b", re.I)
# a currency and the scale of its amounts: "USD m", "JPY million", "₹ crore", "$ millions" (a heading's bracket, a
# table's corner)
CURRENCY_SCALE = re.compile(rf"(?:(?<=\s)|^)(?P<cur>{'|'.join(sorted(CURRENCY_CODES))}|[$€£¥₹])\s?"
                            r"(?P<scale>thousands?|millions?|billions?|crores?|lakhs?|k|m|mn|bn)\b", re.I)
_SCALE_WORDS = {"m": "million", "mn": "million", "bn": "billion", "k": "thousand"}
# a statement's bare number: "$ 287,412", "171,038", "$ (61,907)" (in parentheses: a loss, or a negative)
_STATEMENT_NUMBER = re.compile(r"(?P<cur>[$€£¥])?\s*(?P<open>\()?\s*(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*\)?")


def scaled(note: ScaleNote, label: str, cell: str) -> str:
    """A cell of a table under a scale note, written with its scale and currency: '$ 287,412' ->
    '$287,412 thousand'. A number in parentheses is a negative, told as a loss only in a row of losses."""
    m = _STATEMENT_NUMBER.fullmatch(cell)
    if not m:
        return cell
    if m.group("cur"):
        note.currency = note.currency or _currency(m.group("cur"))
    if m.group("open") and not any(slug == "loss" for slug, _, _ in lexicon.find("metrics", label)):
        return cell
    if metric_of(label) not in (None, "unclassified", *MONEY_METRICS) or re.search(r"\((?:count|number|#)\)", label, re.I):
        return cell  # "| Employees (count) | 390 |" under "(USD m unless stated)": a count
    scale = "" if note.unless and note.unless in label.lower() else note.scale
    return f"{note.currency or ''} {m.group('num')} {scale}".strip()



# "| Amount (USD) |", "| Raised ($M) |", "| On-demand ($/GPU-hr) |": a currency, and maybe a scale,
# that the header gives the bare numbers of its column
# (also with a date after a comma: "| Revenue ($M, 2024) |")
_HEADER_MONEY = re.compile(r"\((?P<cur>[^()\d/,]+?)\s*(?P<scale>k|m|mn|bn|b|millions?|billions?)?\s*(?:/[^(),]*)?"
                           r"(?:,\s*[^()]*)?\)\s*$", re.I)
# (an estimate's or a bound's mark may open it: "~3.5", "c. 0.6", ">10")
_BARE_NUMBER = re.compile(r"(?:~|ca?\.\s?|[><≥≤]\s?|from\s+)?\d[\d,]*(?:\.\d+)?(?:\s?[–-]\s?\d[\d,]*(?:\.\d+)?)?"
                          r"(?P<scale>\s?(?:[kKmMbB]|mn|bn|million|billion))?")
_HEADER_PER = re.compile(r"(?<![\w])(?P<cur>(?:US|A|C|S|HK|NZ)?[$€£¥₹]|(?-i:[A-Z]{3}))\s?/\s?(?P<per>(?:GPU[-\s]?)?(?:hr|hour|h|month|mo)\b)", re.I)
_NOTE_MARK = re.compile(r"(?<=\d)[*†‡]+$")
# ("$/M tok": a million, shortly)
_HEADER_TOKENS = re.compile(r"(?<![\w])(?P<cur>(?:US)?[$€£])\s?/\s?(?P<n>1?\s?[MK]|million|thousand)\s*(?:tokens?|tok)\b",
                            re.I)
_SIDE = re.compile(r"\s*(input|output)\b", re.I)
# "| Llama 3.1 70B in/out ($/M tok) |" over "0.60 / 0.80" or "€0.55 / €0.72": an input and an output price in one cell
_IN_OUT = re.compile(r"\b(?:in\s?/\s?out|input\s?/\s?output)\b", re.I)
_PAIR = re.compile(r"(?P<a>(?:[$€£]\s?)?\d[\d,]*(?:\.\d+)?)\s?/\s?(?P<b>(?:[$€£]\s?)?\d[\d,]*(?:\.\d+)?)")
# "| GPUs (k) |", "| Amount (m) |", "| Utilisation (%) |", "| Power (MW) |": what the column's bare numbers are in
_HEADER_SCALE = re.compile(r"\((?P<scale>k|'000|000s|m|mn|bn|b|thousands?|millions?|billions?)(?:\s+units)?\)\s*$", re.I)
# "(%)", "(MW)", "TTFT (ms)", "Cold start (s)", "Runway (months)", "TTFT (ms, median)"; without brackets at the end:
# "Ownership %", "Planned MW"
_HEADER_UNIT = re.compile(r"\((?P<unit>%|mw|gw|kw|ms|s|secs?|seconds|mins?|minutes|hours|days|weeks|months|years)"
                          r"(?:,\s*[^()]*)?\)\s*$|"
                          r"(?<=\s)(?P<bare>%|MW|GW)\s*$", re.I)
_HEADER_TOKEN_RATE = re.compile(r"\btokens?\s?(?:/\s?s(?:ec)?|per\s+second)\s*$|\(tokens?\s?/\s?s(?:ec)?\)\s*$", re.I)
_UNIT_WORDS = {"s": "seconds", "sec": "seconds", "secs": "seconds", "min": "minutes", "mins": "minutes"}
# a cell written with its currency, which the header's scale is of: "EUR 310" under "Amount (m)"
_CODED_NUMBER = re.compile(r"(?:[A-Z]{3}|[$€£¥₹]|[A-Z]{1,2}\$)\s?(?P<n>\d[\d,]*(?:\.\d+)?)")
_CURRENCY_HEADERS = ("ccy", "currency", "cur", "curr", "currency code")


def row_currency(cells: list[tuple[str, str]]) -> str | None:
    """The currency a row's own column names ('| Ccy | EUR |'), for the bare amounts beside it."""
    # (a database export names it after its amount: "| Money Raised | Money Raised Currency |")
    return next((c.strip() for h, c in cells if (h.strip().lower() in _CURRENCY_HEADERS or h.strip().lower().endswith(" currency"))
                 and _currency(c.strip())), None)


def written(header: str, cell: str, currency: str | None = None, amounts: ScaleNote | None = None) -> str:
    """A bare number under a header that gives its currency, scale or unit, written with them: '120M'
    under 'Amount (USD)' is 'USD 120M', '120' under 'Raised ($M)' is '$ 120M', '18.5' under 'GPUs (k)'
    is '18.5k', '82' under 'Utilisation (%)' is '82%'; a row's own currency ('| Ccy | EUR |') goes
    to the amounts and the GPU models' prices beside it. ``amounts``: the scale (and currency) the
    report gives its bare amounts ("amounts in millions"), for an amount whose header says none."""
    cell = _NOTE_MARK.sub("", cell)  # "0.24*": a footnote's mark, not part of the number
    m = _HEADER_MONEY.search(header)
    if m and not _currency(m.group("cur").strip()):
        m = None  # "| Profit after tax (PAT) |": an abbreviation in the brackets, no currency
    number = _BARE_NUMBER.fullmatch(cell)
    per = _HEADER_PER.search(header)  # "| H100 $/GPU-hr |", "| On-demand ($/GPU-hour) |" over "2.19"
    if per and number and _currency(per.group("cur")):  # (and "| Median (USD/hr) |"; "~6.90", "from 1.49" under them)
        mark = _MARK.match(cell).group(0)
        return f"{mark}{per.group('cur')} {cell[len(mark):]}/{per.group('per')}"
    tokens = _HEADER_TOKENS.search(header)  # "| Input ($/1M tokens) |" over "0.59": a price of a million input tokens
    n = tokens.group("n").strip() if tokens else ""
    n = f"1{n}" if n.upper() in ("M", "K") else n
    pair = _PAIR.fullmatch(cell.strip()) if tokens and _IN_OUT.search(header) else None
    if pair:
        return ", ".join(f"{'' if price[0] in '$€£' else tokens.group('cur')}{price}/{n} {side} tokens"
                         for price, side in ((pair.group("a"), "input"), (pair.group("b"), "output")))
    if tokens and number:
        side = _SIDE.match(header)
        return f"{tokens.group('cur')}{cell}/{n} {side.group(1).lower() + ' ' if side else ''}tokens"
    if number and _HEADER_TOKEN_RATE.search(header):  # "| Output tokens/s |" over "118"
        return f"{cell} tokens/s"
    unit = _HEADER_UNIT.search(header)
    if unit and number:
        word = unit.group("unit") or unit.group("bare")
        return f"{cell}%" if word == "%" else f"{cell} {_UNIT_WORDS.get(word.lower(), word)}"
    scale = _HEADER_SCALE.search(header)
    if scale and (number or _CODED_NUMBER.fullmatch(cell)) and not (number and number.group("scale")):
        word = scale.group("scale").lower()
        word = "k" if word in ("'000", "000s") or word.startswith("thousand") else word
        money = currency and number and (word != "k" and metric_of(header) in MONEY_METRICS or re.search(r"\bamount\b", header, re.I))
        return _with(currency if money else None, cell, word)
    # the report's scale, for an amount (not a GPU's price) whose number and header give none
    report_scale = amounts.scale if amounts and number and not number.group("scale") else ""  # "140" -> "USD 140million"
    money_header = metric_of(header) in MONEY_METRICS or _AMOUNT_HEADER.fullmatch(header.strip())
    currency = currency or (amounts.currency if report_scale and money_header else None)
    if currency and number and not m and (re.search(rf"\b{MODEL}\b", header) or money_header):
        # "| Ccy | H100 SXM |" over "EUR" and "2.05"; "| Revenue | Ccy |"; "| Size | Currency |" over "140" and "USD"
        return _with(currency, cell, report_scale if money_header else "")
    if not m or not number:
        return cell
    currency = m.group("cur").strip()
    return _with(currency, cell, "" if number.group("scale") else m.group("scale") or report_scale)


def _with(currency: str | None, cell: str, scale: str = "") -> str:
    """The cell's number with its currency and scale, an estimate's mark first: 'c. $ 0.6bn'."""
    mark = _MARK.match(cell).group(0)
    return f"{mark}{currency + ' ' if currency else ''}{cell[len(mark):]}{' ' + scale if scale and not currency else scale}"


_AMOUNT_HEADER = re.compile(r"(?i)(?:round\s+|deal\s+)?(?:amount(?:\s+raised)?|size|raised)")
_MARK = re.compile(r"(?:~|ca?\.\s?|[><≥≤]\s?|from\s+)?")
