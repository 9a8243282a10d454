"""Finding numbers in report text: money, shares, multiples and counts.

Amounts are made absolute here ("$25M" -> 25000000) so nothing downstream
ever sees a number and a scale word apart.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from . import lexicon
from .dates import DAY_MONTH, find_dates
from .memo import per_text
from .records import Quantity

# A dollar sign with a country before it is not the US dollar ("S$8M", "A$5.5M").
_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "rs": "INR",
            "rs.": "INR", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "s$": "SGD", "hk$": "HKD",
            "r$": "BRL", "mx$": "MXN", "nt$": "TWD", "₦": "NGN", "r": "ZAR", "ksh": "KES", "rp": "IDR", "rp.": "IDR", "rm": "MYR",
            "zł": "PLN", "kč": "CZK"}  # the zloty's and the koruna's signs stand after the amount: "10.50 zł", "58 Kč"
_CODE_LIST = ("USD", "EUR", "GBP", "CHF", "JPY", "CAD", "SGD", "AUD", "NZD", "HKD", "INR", "CNY", "KRW", "SEK", "NOK", "DKK",
              "PLN", "CZK", "BRL", "MXN", "ZAR", "AED", "SAR", "ILS", "TWD", "IDR", "MYR", "THB", "NGN", "RMB", "KES", "CLP", "COP",
              "EGP", "TRY", "QAR", "KWD", "VND", "PHP", "RON", "HUF", "BGN", "UAH", "GHS", "PKR", "BDT", "ARS", "ISK",
              "XOF", "XAF", "MAD", "OMR", "BHD", "JOD", "PEN", "KZT", "LKR", "TND", "UYU", "RSD")
_CODES = {code.lower(): code for code in _CODE_LIST} | {"rmb": "CNY"}  # renminbi, as reports write it
_WORDS = {"dollars": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY",
          "rupees": "INR", "lei": "RON", "zloty": "PLN", "zlotys": "PLN", "złoty": "PLN", "koruna": "CZK", "forint": "HUF",
          "rand": "ZAR", "naira": "NGN", "lira": "TRY", "won": "KRW"}
_SCALES = {
    "k": 10**3, "thousand": 10**3,
    "m": 10**6, "mn": 10**6, "mm": 10**6, "million": 10**6, "millions": 10**6,
    "b": 10**9, "bn": 10**9, "billion": 10**9, "billions": 10**9,
    "t": 10**12, "tn": 10**12, "trillion": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7, "cr": 10**7,  # Indian reports
    "tsd.": 10**3, "mio.": 10**6, "mio": 10**6, "mrd.": 10**9, "mrd": 10**9,  # German reports: "60 Mio. EUR", "1,5 Mrd."
    "md": 10**9, "mds": 10**9,  # French reports: "1,2 Md€"
    # Brazilian and Spanish-language reports: "R$ 310 milhões", "R$ 1,9 bilhão", "MXN 450 millones" (not Spanish "billón",
    # which is a million millions)
    "milhão": 10**6, "milhões": 10**6, "bilhão": 10**9, "bilhões": 10**9, "millón": 10**6, "millones": 10**6,
}
_PER = {
    "hour": "hour", "hr": "hour", "h": "hour", "gpu-hour": "hour", "gpu hour": "hour", "gpu/hour": "hour",
    "gpu-hr": "hour", "card-hour": "hour", "card hour": "hour",
    "gpu-second": "second", "gpu second": "second", "gpu-sec": "second", "gpu sec": "second",
    "month": "month", "mo": "month", "year": "year", "second": "second", "sec": "second", "s": "second",
    "unit": "unit", "gpu": "unit", "rack": "rack", "share": "share", "sh": "share",
    "mwh": "megawatt-hour", "kwh": "kilowatt-hour",
}
_POWER = {"gw": "gigawatt", "mw": "megawatt", "kw": "kilowatt",
          **{f"{scale}watt{s}": f"{scale}watt" for scale in ("giga", "mega", "kilo") for s in ("", "s")}}
_TIME = {"ms": "millisecond", "millisecond": "millisecond", "milliseconds": "millisecond", "second": "second", "seconds": "second",
         "s": "second", "sec": "second", "secs": "second",
         "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute", "hour": "hour", "hours": "hour",
         "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year",
         "years": "year"}

CURRENCY_CODES = frozenset(_CODE_LIST)  # (no name: "Driftmoor AI Cloud's AED 2.6 billion Series C")
_CODES_RE = "|".join(_CODE_LIST)
# After a number only codes that are no other word in these reports: "500 CAD teams", "1,000 SGD steps".
_AFTER_RE = "|".join(code for code in _CODE_LIST if code not in ("CAD", "SGD"))
# "R2.1 billion", "R42.50": the rand only with a scale or cents, so that no "R1" or "R&D" is money
_CUR = (r"(?P<cur{n}>(?<![A-Za-z])(?:US|AU|CA|NZ|HK|MX|NT|A|C|S|R)\$\s?|(?:\$|€|£|¥|₹|₩|₦)\s?|(?<![A-Za-z])Rs\.?\s?|"
        r"(?<![\w$])R(?=\d[\d,]*(?:\.\d+)?\s?(?:million|billion|bn|mn|m|tn)\b|\d+\.\d\d\b|\d+(?:\.\d+)?\s?(?:/|per\s))|(?<![A-Za-z])KSh\s?|"
        r"(?<![A-Za-z])(?:Rp\.?|RM)\s?(?=\d)|(?<![A-Za-z])M(?:SEK|NOK|DKK|EUR|USD|ISK)\s?(?=\d)|(?-i:"  # "Rp 1.2 trillion", "RM 95m", "MSEK 300"
        + _CODES_RE + r")\s?)")
# "1,200", "1.5"; as European reports write them: "8 000" (a space between thousands), "2,10" (a decimal comma)
# (and India's grouping by lakh and crore: "1,52,00,000")
_NUM = r"(?P<num{n}>\d{{1,2}}(?:,\d\d)+,\d{{3}}(?![\d,])(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<!\d)\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,.])|\d+,\d{{1,2}}(?![\d,])|\d+(?:\.\d+)?)"
_SCALE = r"(?P<scale{n}>\s?(?:thousand|millions?|billions?|trillion|crores?|lakhs?|milh(?:ão|ões)|bilh(?:ão|ões)|mill(?:ón|ones)|bn|mn|mm|tn|cr|[KkMBT]|(?:Tsd|Mio|Mrd)\.?|Mds?(?=€))(?![^\W_]))?"  # not "2,048 B200 GPUs"


def _part(n: int, currency: bool) -> str:
    cur = _CUR.format(n=n) + ("" if currency else "?")
    return cur + _NUM.format(n=n) + _SCALE.format(n=n)


_DIGIT = re.compile(r"\d")
_NUMBERED = re.compile(r"\b(?:Issue|Vol\.?|Volume|No\.|Edition|Episode|Ep\.|Chapter|Part|Item|Page|Pp?\.)\s*#?$")
# What an inference price is per: "per million tokens", "/1M input tokens", "per 1K tokens"
_TOKENS = r"(?:(?:1\s?|one\s|a\s)?(?:million|thousand|M|K)\s)?(?:(?:input|output)\s)?tokens?"
# A GPU model named in a price's unit: "per H100 GPU-hour".
MODEL = r"[A-Z]{1,3}\d{2,4}[A-Z]?"
_QUANTITY = re.compile(
    r"(?P<pre>~\s?|≈\s?)?"
    + _part(1, False)
    + r"(?P<plus1>\+|-plus\b)?"  # "$300M+", "$1.2 billion-plus"
    + r"(?:\s?(?:-|–|to)\s?" + _part(2, False) + r"(?P<plus2>\+)?(?!\d)" + r")?"
    + r"(?P<post>\s?(?:%|percent\b|x\b|×|[€£](?!\s?\d)|zł|Kč|(?-i:" + _AFTER_RE + r")\b|(?:dollars|euros?|pounds|yuan|renminbi|yen|rupees|lei|zlotys?|złoty|koruna|forint|rand|naira|lira)\b|"
    # ("1.2 trillion won", not "a team of five won": the won only after a scale)
    + r"(?:(?<=million )|(?<=billion )|(?<=trillion ))won\b|"
    + r"cents on the dollar\b|"
    + r"(?-i:L\s?/\s?kWh)\b|"  # water per unit of energy: "0.4 L/kWh"
    + r"GW\b|MW\b|kW\b|(?:giga|mega|kilo)watts?\b|ms\b|milliseconds?\b|seconds?\b|minutes?\b|mins?\b|hours?\b|days?\b|weeks?\b|"
    # ("~2 s", "4–6 sec": seconds after a space, not the 1990s)
    + r"(?<=\d\s)(?-i:s|secs?)(?![\w'’])|"
    + r"months?\b|years?\b|bps?\b|basis[\s-]points?\b|times\b)"
    + r"|p(?=\s?(?:/|per\s)))?"  # "89p per GPU-hour": pence
    + r"(?P<plus3>\+)?"
    + rf"(?P<per>\s?(?:/|per\s)\s?(?:(?:{MODEL}\s)?(?:GPU[-\s]?hour|GPU/hour|GPU[-\s]?hr|GPU[-\s]?sec(?:ond)?|GPU,?\s?(?:per\s|/\s?)(?:hour|hr|month))|{MODEL}[-\s]hour|[Cc]ard[-\s]hour|hour|hr|h|month|mo|year|second|sec|s|rack|share|sh|GPU|(?:[A-Z]\w*\s)?unit|[MmKk]Wh|{_TOKENS})\b|\san\s(?:GPU[-\s]?)?hour\b"
    + r"|\sa\sshare\b)?",
    re.I,
)
# A language model named with its size: "Llama 3.1 70B", "Qwen2.5-72B", "serves Mistral 7B",
# "Mixtral 8x7B"; its numbers are no figures. Without a version only inside a sentence: not
# "Prevented 22B cubic feet", "USD 500M", "Over 500M".
_MODEL_WORD = rf"(?!(?:{_CODES_RE}|Rs|Over|About|Nearly|Around|Roughly|Almost|Some|Approximately|Under|Up|Just|Only|" \
              r"Another|Additional|Above|Below)\b)[A-Z][A-Za-z]+"
_MODEL_SIZE = re.compile(rf"(?:\b{_MODEL_WORD}[-\s]?\d+(?:\.\d+)*[-\s]|(?<=[a-z,] ){_MODEL_WORD}[-\s])"
                         r"(?:\d+x)?\d+(?:\.\d+)?[BM]\b(?![$€£%])"
                         # a model's size without its name: "a 70B model", "13B-parameter models"
                         r"|(?<![$€£¥₹\w.,])\d{1,4}(?:\.\d+)?[BM](?:[-\s]param(?:eter)?s?)?\s+(?:models?|LLMs?|parameters|params)\b"
                         # ... or its class: "70B-class open models", "70B-parameter models"
                         r"|(?<![$€£¥₹\w.,])\d{1,4}(?:\.\d+)?[BM]-(?:class|param(?:eter)?s?)\b")
# an EU authority's share range, bracketed to keep the figure confidential: "[35-40]%"
_BRACKETED_SHARE = re.compile(r"\[(\d{1,3}(?:[.,]\d+)?\s?[-–]\s?\d{1,3}(?:[.,]\d+)?)\]%")
# A language model by name: "Llama 3.3 70B", "Qwen3-32B", "DeepSeek-V3", "Mistral Small 3.1", "GPT-4o"
LANGUAGE_MODEL = re.compile(rf"(?:\b{_MODEL_WORD}[-\s]?\d+(?:\.\d+)*[-\s]|\b{_MODEL_WORD}[-\s])(?:\d+x)?\d+(?:\.\d+)?[BM]\b|"
                            r"\b[A-Z][A-Za-z]+-[A-Z]?\d+(?:\.\d+)?[a-z]?\b|"
                            r"\b[A-Z][a-z]+\s(?:Small|Medium|Large|Mini|Nano|Pro|Turbo|Flash)\s\d+(?:\.\d+)?\b")
_MODEL_VERSION = re.compile(r"\b[A-Z][a-z]+\s(?:Small|Medium|Large|Mini|Nano|Pro|Turbo|Flash)\s\d+(?:\.\d+)?\b")  # no figure
# Numbers that name or rank, not measure: "24/7 support", "Tier 3 data centers", "Figure 2", "version
# 2.0", "1 in 5 enterprises", "the next 12 months".
_NO_FIGURE = re.compile(r"\b24/7\b|\b(?:Tier|Figure|Fig\.|Table|Section|Chapter|Exhibit|Appendix|Phase|Gen|Generation|"
                        r"[Vv]ersion|v|Fund|Article|Art\.)\s?\d+(?:\.\d+)*\b(?:\(\w{1,3}\))*|"
                        r"(?<=\))\s+and\s+\d+\(\w{1,3}\)(?:\(\w{1,3}\))*|"  # "Article 6(1)(b) and 6(2)": a law's articles
                        r"(?<![\d,.])\b\d{1,2}\s+in\s+\d{1,3}\b(?![\d,.%])"
                        # a span of time, not an amount: "over the next 12 months"
                        r"|\b(?:next|past|last|coming|previous|first)\s+\d+\s+(?:months?|years?|weeks?|days?|quarters?)\b"
                        # identifiers, not amounts: a web address, a filing's "Item 2.01", a file or tax number
                        # ("001-41877", "86-3310924"), a case number ("ME/7312/25"), a paper's "No. 25-14", a DOI,
                        # a telephone number, a suite
                        r"|https?://\S+|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|ai|dev|co|gov|example)/\S+"
                        r"|\bItems?\s\d+\.\d+(?:\s*(?:,|and|&)\s*\d+\.\d+)*\b|\bAct\s+of\s+\d{4}\b|\bSchedules?\s\d+(?:\.\d+)*\b"
                        r"|\b\d{2,3}-\d{5,}\b|\b[A-Z]{1,5}/\d+(?:/\d+)+\b"
                        r"|\b(?:No\.|Paper|Number)\s\d+-\d+\b|\b10\.\d{4,}/\S+|\+?\d{0,3}\s?\(\d{3}\)\s?\d{3}-\d{4}\b"
                        r"|\b\d{3}-\d{3}-\d{4}\b|\b(?:Suite|Floor)\s\d+\b|(?<![\w.])\+\d{1,3}(?:[ .-]\(?\d{1,4}\)?){2,5}(?![\d%.,])"
                        r"|^\d{1,2}/\d{1,2}(?=[\s.):])")  # a thread's post number: "2/14 Quillfire closed ..."
_MONTH_WORD = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|" \
              r"Nov(?:ember)?|Dec(?:ember)?)\.?"
# Numbers that place, label or configure, not measure, each pattern with a word it cannot match without (so that
# a line without the word is not searched: one pattern of them all made finding the numbers of a corpus's lines 20%
# slower, 0.94 s against 0.78 s for 12,062 lines): a street address and its
# postcode ("1600 Wynkoop Street", "Denver, Colorado 80202", "Mumbai 400 076"), a day span ("17–23 November",
# "October 21–23", "between 2 and 9 January"), a time of day ("2 p.m."), an issue, note, row, week or hall ("issue
# 118", "(Note 7)", "Week 46", "Keflavík Hall 4"), a node's make-up ("8×B200 node", "an 8-GPU node"), an index's base
# ("January 2024 = 100"), a notation explained ("3.200 = three thousand two hundred"), a post's votes ("· 214 points
# ·"), a reading time, and a site's number in its name ("Red Mesa 1", "Sakai Bay 2's load")
_NOT_MEASURED = (
    (("Street", "Avenue", "Road", "Boulevard", "Drive", "Lane", "Parkway", "Plaza"),
     re.compile(r"\b\d{1,5}(?:\s+[A-Z][a-z]+){1,3}\s+(?:Street|Avenue|Road|Boulevard|Drive|Lane|Parkway|Plaza)\b")),
    ((", ",), re.compile(r"(?<=,\s)[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s\d{5}(?:-\d{4})?\b(?![\d%]|[.,]\d)")),
    ((), re.compile(r"(?<=[a-z]\s)\d{3}\s\d{3}\b(?![\d%]|[.,]\d)")),
    (re.compile(r"\d\s?[–-]\s?\d"), re.compile(rf"\b\d{{1,2}}\s?[–-]\s?\d{{1,2}}\s+{_MONTH_WORD}(?![a-z])|"
                           rf"\b{_MONTH_WORD}\s+\d{{1,2}}\s?[–-]\s?\d{{1,2}}\b(?![\d]|[.,]\d)")),
    (("between",), re.compile(rf"\bbetween\s+\d{{1,2}}\s+and\s+\d{{1,2}}\s+{_MONTH_WORD}(?![a-z])")),
    ((".m.",), re.compile(r"\b\d{1,2}(?::\d{2})?\s?[ap]\.m\.")),
    (("ssue", "Note", "Row", "Week", "Hall", "Episode"),
     re.compile(r"\b(?:[Ii]ssue|Note|Row|Week|Hall|Episode)\s\d+\b(?![\d%]|[.,]\d)")),
    (("×", "x"), re.compile(r"\b\d{1,2}\s?[×x]\s?(?=[A-Z]{1,2}\d{2,4}\b)")),
    (("-GPU",), re.compile(r"\b\d{1,2}-GPU(?=\s+(?:nodes?|servers?|boxes|machines|systems?|pods?)\b)")),
    (("=",), re.compile(r"\b\d{4}\s?=\s?100\b|\b\d[\d.,]*(?:\s\d{3})*\s?=\s?(?=[a-z])")),
    (("points",), re.compile(r"(?:^|·)\s*\d+\s+points\s*·|\b\d+\s+points,\s+\d+\s+comments\b")),
    (("min",), re.compile(r"\b\d+\s+min(?:ute)?s?\s+read\b")),
    # a chart's axis, as a PDF's text gives it: "3.00 2.50 2.00 1.50 1.00"
    (re.compile(r"\d\.\d+\s+\d"), re.compile(r"(?<![\w.,$€£¥])\d+\.\d+(?:\s+\d+\.\d+){3,}(?![\w%]|[.,]\d)")),
    # a condition's threshold, which nothing is said to measure: "if the H100 rate breaks $1.50 per hour", "once that
    # share falls below 10%", "if the stock holds 30% above the offer" (not a price term: "if you reserve ... it drops to")
    (("if ", "If ", "nless ", "nce "), re.compile(
        r"\b(?:[Ii]f|[Uu]nless|[Oo]nce)\s+(?:[\w$'’-]+\s+){1,6}?(?:(?:(?:falls?|drops?|dips?|slips?|slides?|sinks?|rises?|"
        r"climbs?|goes|go|moves?|stays?|holds?|remains?|keeps?\s+\w+|trades?)\s+(?:below|under|beneath|above|over|past)|"
        r"breaks?|exceeds?|tops?|crosses|cross)\s+(?P<n>(?:[$€£¥₹]|[A-Z]{3}\s)?\s?\d[\d.,]*%?)(?!\d)|"
        r"(?:holds?|stays?|remains?|trades?|keeps?\s+\w+)\s+(?P<m>\d[\d.,]*%?)\s+(?:below|under|above|over)\b)")),
    # (the digit first, the name before it after: a pattern opening with the name was the slowest of all)
    ((), re.compile(r"(?<=[A-Z][a-z]\s|[a-z][a-z]\s)[1-9]\b"
                    r"(?![\d%]|[.,]\d|\s*(?:%|x\b|×|[A-Za-z]*\s*(?:GPUs?|MW|GW|sites?|campuses|data)))")),
)
_SITE_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s[A-Z][a-z]+\s$")


def _not_measured(text: str) -> list[tuple[int, int]]:
    """Where ``_NOT_MEASURED`` finds numbers that measure nothing in ``text``."""
    spans = []
    for words, pattern in _NOT_MEASURED:
        if words and not (words.search(text) if isinstance(words, re.Pattern) else any(w in text for w in words)):
            continue
        site = pattern is _NOT_MEASURED[-1][1]
        spans += [_number_span(m) for m in pattern.finditer(text)
                  if not site or _SITE_NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())]
    return spans


def _number_span(m: re.Match) -> tuple[int, int]:
    """The span of the number a pattern found: its group ``n`` or ``m`` where it has one (the words around it read as
    ever), else all it matched."""
    for group in ("n", "m"):
        if group in m.re.groupindex and m.group(group) is not None:
            return m.span(group)
    return m.span()


# "$12..5M", "$TBD", "€ n/a": a currency sign that no valid number follows.
# (not a header's "($ bn)": a currency and a scale, no amount)
# (a code before a word is English: "in USD unless marked", "EUR and GBP quotes")
_MALFORMED = re.compile(r"(?=[$€£EGU])(?:(?:[$€£]|\b(?:USD|EUR|GBP)\s)\s?(?:\d[\d,]*\.\.+\d*|\d[\d,]*\.(?!\d)(?=[A-Za-z]))|"
                        # (nor a sign after its amount: "18,5 Mio. € Series A", "0,35 € per million tokens")
                        # (nor a ticker: "$NVDA", "($SNDY)")
                        r"(?=[$€£])(?<![\d.]\s)(?<![\d.])(?<!\dM)(?<!\d\sM)(?<!\dMd)(?<!\d\sMd)(?<!\d\sMds)[$€£]\s?(?!(?:bn|mn|millions?|billions?|thousands?)\b)(?!(?!TBD\b|TBA\b|TBC\b|NA\b)[A-Z]{1,5}\b)[A-Za-z?]{2,}\b)")
# "down from about RMB 12 in January": what it was, told as nearly as the report knows it
_ABOUT = r"(?:\s+(?:about|approximately|around|roughly|nearly|almost|some|c\.))?"
_NOW_AFTER = re.compile(r"\s*(?:[A-Za-z-]+\s+)?(?:today|now|currently|at present)\b")
_QUALIFIER_WORDS = [
    # "cut its rate by 12% to $4.40 per GPU-hour, from $5.00": the figure it was, not a floor
    (re.compile(rf"\bto\s+(?:(?:[$€£¥₹]|[A-Z]{{3}}\s)\s?)?\d[\d.,]*[^,;]{{0,30}}?[,(]?\s*from{_ABOUT}\s*$", re.I),
     "former"),
    # "cut Llama 3.3 70B from $0.88 to $0.54", "lowered its H100 hourly rate from $3.25": what it was before the change
    (re.compile(r"\b(?:cut|cuts|cutting|lowered|lowers|lowering|reduced|reduces|reducing|slashed|trimmed|dropped|drops|fell|falls|"
                rf"raised|raises|raising|hiked|increased|increasing|down|up|moved|went|changed)\b[^,;.]{{0,40}}?\bfrom{_ABOUT}\s*$",
                re.I),
     "former"),
    (re.compile(r"\b(?:over|more than|exceeding|exceeds|above|beyond|at least|upwards of|start(?:s|ing)? (?:at|from)|begin(?:s|ning)? at|as low as|"
                r"passed|surpassed|topped|crossed|pass|passes|surpass|surpasses|exceed|exceeded|"
                r"faster than|higher than|greater than)\s*$|(?:^|[,:;(]\s*)from\s*$", re.I), "lower-bound"),
    # (not a move: "headcount has since edged up to 183", "rose up to")
    (re.compile(r"\b(?:under|below|less than|(?<!edged )(?<!crept )(?<!ticked )(?<!moved )(?<!rose )(?<!went )(?<!climbed )up to|"
                r"at most)\s*$", re.I), "upper-bound"),
    (re.compile(r"\b(?:about|approximately|around|roughly|nearly|near|approaching|almost|circa|some)\s*$", re.I), "approximate"),
    # a data table's marks: "c. 410", ">2,000", "<5" (not an arrow's "->")
    (re.compile(r"(?<![\w.])ca?\.\s*$", re.I), "approximate"),
    (re.compile(r"(?<![-=])(?:>|≥)\s*$"), "lower-bound"),
    (re.compile(r"(?<![-<])(?:<|≤)\s*$"), "upper-bound"),
]
_FROM = re.compile(r"\bfrom\s*$", re.I)
_BOUNDS = {"lower-bound": "upper-bound", "upper-bound": "lower-bound"}
_NEGATED = re.compile(r"(?:\b(?:no|not|never)|n['’]t)\b(?:\s+[\w-]+){0,3}\s*$", re.I)
# GPUs named with a space before their number: "RTX 4090", "GTX 1080 Ti", "RX 7900 XTX"
GPU_NAME = re.compile(r"\b(?:RTX|GTX|RX|Quadro)\s?\d{3,4}(?:\s?(?:Ti|XTX|XT|SUPER))?\b")
# "H20", "A100", "MI300X", "GB200s": a model's number is no figure, nor takes the code after it ("an H20 RMB 6.5")
# (not the model a price is per: "per H100 GPU-hour", "/H100-hour")
_GLUED_MODEL = re.compile(r"(?<![\w$€£¥₹./])(?<!per )(?<!/ )(?:MI|GB|GH|[HABLVTPK])\d{2,4}[A-Z]?s?(?![\w.])")
_GPU_COMPOUND = re.compile(r"-GPUs?\b")
_TEAM_COMPOUND = re.compile(r"-(?:person|people|member|strong)\b(?=\s+(?:[\w-]+\s+){0,2}?(?:team|staff|startup|company|outfit|"
                            r"workforce|firm|crew|group|business)\b)")
# "2,400 L40S and H100 GPUs", "8,000 Acme H200 GPUs": GPUs named by model (and maker) first
_MODELS_THEN = re.compile(rf"\s+(?:[A-Z][A-Za-z]+\s+)?{MODEL}(?:\s*(?:,|and|&|/)\s*{MODEL})*\s+(?P<noun>GPUs?|accelerators|chips)\b")
_NOUN = re.compile(r"^\s*(?:of\s+)?((?:[A-Za-z][\w.\-/]*\s?){1,3})")
_TOKEN_RATE = re.compile(r"(?:output\s+)?tokens?\s?(?:/\s?s(?:ec)?|per\s+second)\b", re.I)


_NOT_AMOUNTS = (_MODEL_SIZE, _MODEL_VERSION, GPU_NAME, _NO_FIGURE, DAY_MONTH)


@per_text(maxsize=4096)  # a line is asked for its numbers by its rounds, deals, figures and labels
def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every number in ``text`` with its currency, scale, unit, range and qualifiers.

    Dates and malformed amounts are masked first, so "from $22M in 2023 to $85M"
    is two amounts and no year is read as a count.
    """
    if not _DIGIT.search(text):  # a quantity has a digit, or is a count in words ("three data centers")
        return tuple(_counted_in_words(text))
    masked = _BRACKETED_SHARE.sub(lambda m: f" {m.group(1)}% ", text) if "]%" in text else text  # (as long as it was)
    spans = [(s, e) for s, e, _ in find_dates(text)] + [m.span() for m in _MALFORMED.finditer(text)]
    spans += [m.span() for pattern in _NOT_AMOUNTS for m in pattern.finditer(text)]
    spans += _not_measured(text)
    for start, end in spans:
        masked = masked[:start] + "\x00" * (end - start) + masked[end:]
    found = []
    # (the numbers are looked for without the models' names, which the words after a number still read: "4,096 B200s")
    scan = _GLUED_MODEL.sub(lambda g: "\x00" * len(g.group(0)), masked)
    for m in _QUANTITY.finditer(scan):
        q = _quantity(masked, m)
        falling = q is None and m.group("num2") and (_number(m, 1) or 0) > (_number(m, 2) or 0)
        if falling or q is not None and q.high is not None and _CHANGE_FROM.search(masked, 0, m.start()) \
                and not _dashed(masked, m):  # ("up from $58–62 billion": a range it was)
            found += _two_figures(masked, m)  # "grew from $22M to $85M", "cut from $1.60 to $1.29": no range
        elif q is not None:
            found.append(q)
    found += _counted_in_words(text)
    return tuple(_arrowed(masked, _between(masked, sorted(found, key=lambda q: q.start))))


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a dozen": 12}


@lru_cache(maxsize=1)
def _word_count_pattern() -> re.Pattern:
    nouns = "|".join(re.escape(n) for n in sorted(lexicon.words("count_nouns", "data-centers") | lexicon.words("count_nouns", "sites")
                                                  | lexicon.words("count_nouns", "regions") | lexicon.words("count_nouns", "employees")
                                                  | {"gpus", "availability zones", "offices"}, key=len, reverse=True))
    # "its three data centers", not "the three data centers" (those named before) nor "one of"
    return re.compile(rf"(?<![\w-])(?<!the )(?<!The )(?<!these )(?<!those )(?<!both )(?P<w>{'|'.join(_NUMBER_WORDS)})\s+"
                      rf"(?=(?:[a-z][\w-]*\s+)?(?:{nouns})\b)", re.I)


def _counted_in_words(text: str) -> list[Quantity]:
    """'runs three data centers', 'operates two sites': a small count written in words, before what it counts."""
    out = []
    for m in _word_count_pattern().finditer(text):
        noun = _NOUN.match(text[m.end("w"):])
        out.append(Quantity(value=Decimal(_NUMBER_WORDS[m.group("w").lower()]), low=None, high=None, currency=None,
                            unit="count", per=None, qualifiers=(), noun=noun.group(1).strip() if noun else None,
                            text=m.group("w"), start=m.start("w"), end=m.end("w")))
    return out


# "from X to Y" tells a change (two figures), unless the words before say a range: "prices range from $2 to $3"
_CHANGE_FROM = re.compile(r"(?<!\brange )(?<!\branges )(?<!\branged )(?<!\branging )\bfrom\s*$", re.I)
_TO = re.compile(r"\s?(?:-|–|to)\s?")


def _dashed(text: str, m: re.Match) -> bool:
    """A range written with a dash and one currency sign ('$58–62 billion'), which no change is."""
    sep = _TO.match(text, m.end("scale1") if m.group("scale1") else m.end("num1"))
    return bool(sep) and "to" not in sep.group(0) and not re.match(r"\s*[$€£¥₹]", text[sep.end():])


def _two_figures(text: str, m: re.Match) -> list[Quantity]:
    """The two ends of what the pattern read as a range, each a figure of its own; the first takes
    the unit the second is per ('from $1.60 to $1.29 per GPU-hour')."""
    sep = _TO.match(text, m.end("scale1") if m.group("scale1") else m.end("num1"))
    first, second = (_QUANTITY.match(text, m.start(), sep.start()) if sep else None), \
        (_QUANTITY.match(text, sep.end(), m.end()) if sep else None)
    if first is None or second is None:
        return []
    found = [q for q in (_quantity(text, first), _quantity(text, second)) if q is not None]
    if len(found) == 2 and found[0].per is None and found[1].per and (found[0].currency or found[1].currency):
        found[0] = replace(found[0], per=found[1].per, currency=found[0].currency or found[1].currency)
    scale = (second.group("scale1") or "").strip().lower()
    if len(found) == 2 and scale and not first.group("scale1") and found[0].value is not None and found[1].value is not None \
            and found[0].value * _SCALES[scale] <= found[1].value * 10:
        # "from $1.45 to $1.50 billion": the scale said once is both ends'
        found[0] = replace(found[0], value=clean(found[0].value * _SCALES[scale]))
    return found


def _arrowed(text: str, found: list[Quantity]) -> list[Quantity]:
    """'$2.49→$2.19/hr': the figure before the arrow is what it was, per what the one after it is per."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if _ARROW.fullmatch(text, first.end, second.start):
            out[i] = replace(first, qualifiers=tuple(dict.fromkeys(first.qualifiers + ("former",))),
                             per=first.per or (second.per if first.currency and second.currency else None))
    return out


_ARROW = re.compile(r"\s*(?:→|->|⟶|⇒)\s*")
_BETWEEN = re.compile(r"\bbetween\s*$", re.I)
_AND = re.compile(r"\s*and\s*")


def _between(text: str, found: list[Quantity]) -> list[Quantity]:
    """'between $4 billion and $5 billion' is one range, as '$4-5 billion' is."""
    out: list[Quantity] = []
    for q in found:
        first = out[-1] if out else None
        if first is not None and first.value is not None and q.value is not None and first.value < q.value \
                and (first.currency, first.unit) == (q.currency, q.unit) and _AND.fullmatch(text[first.end:q.start]) \
                and _BETWEEN.search(text[:first.start]):
            qualifiers = tuple(dict.fromkeys(first.qualifiers + q.qualifiers + ("range",)))
            out[-1] = replace(first, value=None, low=first.value, high=q.value, per=first.per or q.per,
                              qualifiers=qualifiers, noun=q.noun, text=text[first.start:q.end], end=q.end)
        else:
            out.append(q)
    return out


def clean(value: Decimal) -> Decimal:
    """2300000000.0 -> 2300000000 and 0.170 -> 0.17, so equal amounts print alike."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def malformed_amounts(text: str) -> list[str]:
    """Amount-like strings that cannot be read as numbers: ``["$12..5M"]``."""
    return [m.group(0).strip() for m in _MALFORMED.finditer(text)]


_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_DOTTED_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")


def _number(m: re.Match, n: int) -> Decimal | None:
    raw = m.group(f"num{n}")
    if raw is None:
        return None
    raw = re.sub(r"[ \u00a0\u202f]", "", raw)
    try:
        value = Decimal(raw.replace(",", ".") if _DECIMAL_COMMA.fullmatch(raw) else raw.replace(",", ""))
    except InvalidOperation:
        return None
    scale = (m.group(f"scale{n}") or "").strip().lower()
    return clean(value * _SCALES[scale] if scale else value)


TOKEN_UNITS = ("token", "thousand-tokens", "million-tokens")


def _tokens(per: str) -> str | None:
    """'million input tokens' -> 'million-tokens', '1k tokens' -> 'thousand-tokens'."""
    if not per.endswith(("token", "tokens")):
        return None
    scale = re.sub(r"^(?:1|one\s|a\s)\s*", "", per).split()[0]
    return {"million": "million-tokens", "m": "million-tokens", "thousand": "thousand-tokens",
            "k": "thousand-tokens"}.get(scale, "token")


def _quantity(text: str, m: re.Match) -> Quantity | None:
    start, end = m.span()
    # a minus sign right before the number, itself after a space or a bracket: "-20%", "(−35%)", "| –12% |"
    minus = start > 0 and text[start - 1] in "-−–" and (start == 1 or text[start - 2] in " \t(|[/")
    # A number glued to letters is part of a name ("H100", "FlashAttention-3", "Prosperity7").
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_") and not m.group("cur1") and not minus:
        return None
    if text[end:end + 1] == ":" and text[end + 1:end + 2].isdigit() or start > 1 and text[start - 1] == ":" \
            and text[start - 2].isdigit():  # "[12:40]": a time on a clock
        return None
    if not m.group("cur1") and (text[end:end + 1] == "/" and text[end + 1:end + 2].isdigit()
                                or start > 1 and text[start - 1] == "/" and text[start - 2].isdigit()):
        return None  # "a 51/49 joint venture", "24/7": a split or a ratio, no amount
    if not m.group("cur1") and _NUMBERED.search(text, max(0, start - 12), start):
        return None  # "Issue 31", "Vol. 4", "No. 12": the number of an issue or an item
    gpus = _GPU_COMPOUND.match(text, end)  # "a 4,096-GPU H200 cluster": a count of GPUs, not a name
    team = _TEAM_COMPOUND.match(text, end)  # "its 22-person team": a headcount
    if end < len(text) and text[end - 1].isdigit() and not gpus and not team and (text[end:end + 1].isalpha() or re.match(r"-[A-Za-z]", text[end:end + 2])) and text[end:end + 2].lower() not in ("x ", "x", "x)", "x,"):
        return None
    cur_raw = (m.group("cur1") or m.group("cur2") or "").strip().lower()
    post = (m.group("post") or "").strip().lower()
    currency = _SYMBOLS.get(cur_raw) or _CODES.get(cur_raw) or _CODES.get(post) or _WORDS.get(post) or \
        (_SYMBOLS[post] if post in ("€", "£", "zł", "kč") else None)
    low, high = _number(m, 1), _number(m, 2)
    if low is None:
        return None
    if not currency and not post and not m.group("scale1") and _DOTTED_THOUSANDS.fullmatch(m.group("num1")):
        # "3.200 GPUs", "about 2.500 developers": a count has no thousandths; a European report groups
        # thousands with a dot
        low = Decimal(m.group("num1").replace(".", ""))
    if cur_raw[:1] == "m" and cur_raw[1:] in _CODES:  # "MSEK 300", as Nordic reports write millions
        currency = _CODES[cur_raw[1:]]
        low, high = clean(low * 10**6), clean(high * 10**6) if high is not None else None
    if post == "p" and not cur_raw:  # pence: hundredths of a pound
        currency, low, high = "GBP", clean(low / 100), clean(high / 100) if high is not None else None
    if high is not None and not m.group("scale1") and m.group("scale2"):
        # "$10-15M" and "1.5-2 million": the scale written once applies to both ends.
        scale = m.group("scale2").strip().lower()
        low = clean(Decimal(m.group("num1").replace(",", "")) * _SCALES[scale])
    unit = None
    if post in ("%", "percent", "cents on the dollar"):  # ("63 cents on the dollar": of a price, or a claim, at par)
        unit = "percent"
    elif post in ("x", "×", "times"):  # "covered more than 20 times"
        unit = "multiple"
    elif post in _POWER:
        unit = _POWER[post]
    elif post in _TIME:
        unit = _TIME[post]
    elif post.replace(" ", "") == "l/kwh":
        unit = "litre-per-kilowatt-hour"
    elif post in ("bp", "bps") or post.startswith("basis"):  # "SOFR + 550 bps", "550 basis points": a spread, not a count
        unit = "basis-point"
    elif currency is None:
        unit = "count"
    if minus:
        # a percentage below zero is a fall ("-20%" growth, "−8%" margin); money and counts are never below zero
        # in the model, so a signed amount is not read rather than read as its opposite
        if unit != "percent" or high is not None:
            return None
        low = -low
    per_raw = (m.group("per") or "").strip().lower().lstrip("/").removeprefix("per").removeprefix("an ").removeprefix("a ").strip()
    per_raw = re.sub(rf"^{MODEL.lower()}[-\s]", "", per_raw)  # "per H100-hour"
    per_gpu = re.fullmatch(r"gpu,?\s?(?:per\s|/\s?)(?P<p>hour|hr|month)", per_raw)  # "per GPU per month"
    per = _PER.get(per_raw) or (_PER[per_gpu.group("p")] if per_gpu else "unit" if per_raw.endswith("unit") else
                                _tokens(per_raw))
    qualifiers = []
    if m.group("pre"):
        qualifiers.append("approximate")
    if m.group("plus1") or m.group("plus2") or m.group("plus3"):
        qualifiers.append("lower-bound")
    before = text[:start]
    for pattern, qualifier in _QUALIFIER_WORDS:
        said = pattern.search(before)
        if said and not (qualifier == "lower-bound" and "former" in qualifiers) \
                and not (qualifier == "former" and _NOW_AFTER.match(text, end)):  # "up from some 28,000 today": now
            if qualifier in _BOUNDS and _NEGATED.search(before, max(0, said.start() - 40), said.start()):
                qualifier = _BOUNDS[qualifier]  # "no other customer exceeded 5%", "hasn't dropped below 90%": the other bound
            qualifiers.append(qualifier)
    if per and high is None and _FROM.search(before) and not {"former", "lower-bound"} & set(qualifiers):
        qualifiers.append("lower-bound")  # "rents H100s from $1.49/hr": a rate's floor, not a change from it
    if high is not None:
        if high < low:
            return None
        qualifiers.append("range")
    noun_match = _NOUN.match(text[end:])
    noun = noun_match.group(1).strip() if noun_match and unit in ("count", None, "percent", "multiple") else None
    models = _MODELS_THEN.match(text, end) if noun and unit == "count" else None
    if models:  # "2,400 L40S and H100 GPUs": the GPUs, named by model first
        noun = models.group("noun")
    if gpus and unit == "count":
        noun = "GPUs"
    if team and unit == "count":
        noun = "employees"
    if per == "unit" and per_raw:
        noun = per_raw
    if unit == "count" and noun and _TOKEN_RATE.match(noun):  # "96 tokens per second", "118 tokens/s": a rate of tokens
        unit, per = "token", "second"
    side = re.search(r"\b(?:input|output)\b", per_raw) if per in TOKEN_UNITS else None
    if side:  # an input token's price is not an output token's
        noun = f"{side.group(0)} tokens"
    return Quantity(
        value=None if high is not None else low,
        low=low if high is not None else None,
        high=high,
        currency=currency,
        unit=None if currency else unit,
        per=per,
        qualifiers=tuple(dict.fromkeys(qualifiers)),
        noun=noun,
        text=m.group(0).strip(),
        start=start,
        end=end,
    )
