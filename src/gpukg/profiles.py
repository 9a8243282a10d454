"""Which sections of a report are company profiles: a heading that is a name over labelled
lines of profile kinds, a name's section told in sentences, or a whole report its title says
is about one company ("Talvera Compute: Company Profile", "Diligence Memo: Corvane Cloud").
"""
from __future__ import annotations

import re

from . import lexicon
from .names import mentioned, without_legal_form
from .people import label_roles
from .phrases import heading_name, is_region, looks_like_name, looks_like_org, strip_parens
from .prose import OPENING_PARTICIPLE
from .records import Block, Report
from .report import strip_numbering
from .tables import rounds_without_names


_GENERIC_TITLES = {"overview", "funding", "funding history", "financials", "financial performance", "business model",
                   "leadership", "competitive advantages", "performance", "performance metrics", "market position",
                   "strategic initiatives", "key metrics", "profile", "company overview", "background", "summary",
                   # a report's own sections, whatever they hold
                   "deals", "news", "notes", "highlights", "results", "people", "contracts", "pricing", "outlook",
                   "key facts", "facts", "details", "history", "timeline", "milestones", "operations", "customers",
                   "investors", "team", "products", "appendix", "sources", "methodology", "scale", "footprint",
                   "capacity", "infrastructure", "revenue", "valuation", "risks", "strategy", "technology", "growth",
                   "market", "competition", "references", "rounds", "capital", "fleet", "economics", "verdict",
                   # a deal document's own words
                   "company", "the company", "the business", "the issuer", "the borrower", "the target", "deal", "the deal",
                   "transaction", "the transaction", "the offering", "terms", "key terms",
                   # a cap table's
                   "holders", "shareholders", "share classes", "ownership", "cap table", "capitalization", "option pool"}



def profile_sections(report: Report) -> dict[int, str]:
    """Line of each heading that opens a company profile -> the company's name.

    A profile heading is a name whose section holds labelled bullets of profile
    kinds (founded, headquarters, rounds, metrics, ...). Of two nested ones the
    inner wins ("Major Company Profiles" holds every profile), unless only the
    outer one is named in its own text ("Acme" over its "Key Numbers").
    """
    blocks = report.blocks
    headings = [(i, b) for i, b in enumerate(blocks) if b.kind == "heading" and b.level >= 2]
    candidates: dict[int, tuple[str, int, int]] = {}  # line -> (name, level, end index)
    for pos, (i, head) in enumerate(headings):
        title = heading_name(head.text)
        if not title or title.lower() in _GENERIC_TITLES or not looks_like_name(title) or is_trend(head) \
                or is_region(title):  # "## Saudi Arabia", "## Central & Eastern Europe" over their companies
            continue
        end = next((j for j, b in headings[pos + 1:] if b.level <= head.level), len(blocks))
        labels = [b.label for b in blocks[i + 1:end] if b.kind == "bullet" and b.label]
        if any(lexicon.exact("labels", label) == "portfolio" for label in labels):
            continue  # an investor's profile (``investors``)
        profile = sum(1 for label in labels if _profile_label(label))
        strong = sum(1 for label in labels if lexicon.exact("labels", label) or lexicon.find("round_types", label))
        if strong >= 1 and (profile >= 2 or len(labels) == 1) or profile >= 2 and profile * 2 >= len(labels) \
                or _told_in_prose(title, blocks[i + 1:end]) or _own_rounds_table(blocks[i + 1:end]):
            named = mentioned(title, " ".join(b.text for b in blocks[i + 1:end]))
            candidates[head.line] = (title, i, end, named)
    top = next(((i, b) for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 1), None)
    about = (_TITLE_ABOUT.match(strip_numbering(top[1].text)) or _TITLE_OF.match(top[1].text)) if top else None
    name = strip_parens(about.group("n")).strip() if about else ""
    if top and not about:  # "# Orrindale Compute" over "**Orrindale Compute, Inc.** is an American neocloud ...": an article
        first = next((b.text for b in blocks[top[0] + 1:] if b.kind not in ("heading", "title")), "")
        title = top[1].text.strip()
        # ... or over "Founded: 2021", "HQ: Austin, Texas", "CEO: ...": a note's fields about it
        end = next((j for j, b in headings if j > top[0]), len(blocks))
        fields = sum(1 for b in blocks[top[0] + 1:end] if b.label and _profile_label(b.label))
        name = title if len(title) > 2 and (re.match(re.escape(title) + r"\b", first) or fields >= 2) else ""
    fielded = bool(top and not about and name and fields >= 2)
    # (a name that holds a category's words may still be a firm's: "Shinonome GPU Cloud", not "GPU Clouds")
    named_firm = not lexicon.find("categories", name) or looks_like_org(name) and not lexicon.exact("categories", name)
    if name and looks_like_name(name) and named_firm and (not candidates or fielded):
        # "# Diligence Memo: Corvane Cloud": the whole report is that company's profile; a note whose
        # fields describe its title's company is that company's even with its peers' sections in it
        candidates[top[1].line] = (name, top[0], len(blocks), True)
    found = {top[1].line: name} if fielded and looks_like_name(name) else {}
    for line, (title, i, end, named) in candidates.items():
        if line in found:
            continue
        inner = [c for other, c in candidates.items() if other != line and i < c[1] < end]
        if inner and not (named and not any(c[3] for c in inner)):
            continue
        outer = [c for other, c in candidates.items() if other != line and c[1] < i < c[2] and other not in found]
        if any(c[3] and not named for c in outer):
            continue
        found[line] = title
    return {**found, **_numbered_peers(headings, found)}


def _numbered_peers(headings: list[tuple[int, Block]], found: dict[int, str]) -> dict[int, str]:
    """'### 3. Mirecourt — best for serverless inference' among numbered headings of the same level most of
    which are profiles: a profile too, though its own lines are fewer or told otherwise (a ranked list of providers)."""
    peers: dict[int, dict[int, str]] = {}
    for _, head in headings:
        title = heading_name(head.text)
        if _NUMBERED.match(head.text) and title and looks_like_name(title) and title.lower() not in _GENERIC_TITLES \
                and not is_region(title):
            peers.setdefault(head.level, {})[head.line] = title
    return {line: title for level in peers.values() if (known := sum(line in found for line in level)) >= 3
            and known * 2 >= len(level) for line, title in level.items() if line not in found}


_NUMBERED = re.compile(r"\s*(?:#\s*)?\d{1,2}[.)]\s")


# "Sarnhollow Cloud (NASDAQ: SRNH): Q3 2025 Earnings Call", "Stratalume Cloud, Inc. — 10-Q Excerpts": a company's own document
# ("Quillmere Compute S-1: Annotated Excerpts": a filing's name may follow the company's with nothing between)
# ("Thornvale Cloud: 2025 Letter to Shareholders": a company writes to its shareholders, a fund to its partners)
# ("Corvelline Compute (NASDAQ: CRVL): Initiating at Buy", "Orrinvale Compute in Chapter 11: Case Summary": about it;
# "Caravela Compute — About us": its own pages, in which "we" is the company; "Glenmorrow Compute, Inc.: Minutes of a
# Regular Meeting of the Board of Directors": its board's; "Orbiton Compute: Company Profile": an analyst's of it;
# "Skerryvale Compute, Inc. — Cap Table & Financing History": its own records)
_TITLE_OF = re.compile(r"(?P<n>[A-Z][^:—–(]{1,60}?)\s*(?:\([^)]*\))?\s*(?:[:—–]\s*(?:(?:Q[1-4]|FY|H[12])?\s*\d{2,4}\s+)?"
                       r"(?:earnings call|(?:form\s+)?10-[QK]|(?:form\s+)?[SF]-1|quarterly report|annual report|"
                       r"shareholder letter|letter to (?:share|stock)holders|investor (?:day|presentation)|prospectus|fact sheet|"
                       r"initiat(?:ing|ion|es)|case summary|credit (?:memo|note|profile)|about(?:\s+us)?|our story|"
                       r"(?:company|corporate)\s+(?:profile|overview|snapshot|fact\s?sheet|factsheet)|"
                       r"profile|backgrounder|tear sheet|one-pager|"
                       r"cap(?:italization)?\s+table|(?:financing|funding)\s+history|"
                       r"minutes\s+of\b|(?:board\s+)?minutes|board meeting)|"
                       r"\s(?:form\s+)?(?:10-[QK]|[SF]-1)|\s+in\s+chapter\s+(?:7|11|15)|"
                       # a company's own results release: "Shinonome GPU Cloud Reports 1H FY2026 Results, ..."
                       r"\s+(?-i:Reports|Posts)\s+(?=[^:]*\b(?-i:Results)\b))\b", re.I)


def _own_rounds_table(blocks: list[Block]) -> bool:
    """'## Sorrelwick Compute — funding history' over its table of rounds, which has no column of names."""
    first = next((b for b in blocks if b.cells), None)
    headers = [h.lower() for h, _ in first.cells] if first else []
    return rounds_without_names(headers) and not any("investor" in h for h in headers)  # not an investor's rounds


# ("Investment Committee Memo: Stonechat AI (Series B)", "IC memo - X": a few words may say whose memo)
_TITLE_ABOUT = re.compile(r"(?:[\w-]+\s+){0,3}?(?:memo|profile|teardown|tear sheet|one-pager|"
                          r"dossier|deep dive|spotlight|case study)\s*[:—–-]\s*(?P<n>.+)", re.I)


def _told_in_prose(title: str, section: list[Block]) -> bool:
    """A profile written as sentences: its first line has the name as its subject ('Halcyon
    Compute was founded ...', 'Founded in 2011, Jeamelle Labs is ...'), or a later line does and
    another names it again."""
    lines = [b.text for b in section if b.kind in ("paragraph", "bullet") and not b.label]
    # a legal name is told by its short one: "### Stratavolt Cloud Inc. (Nasdaq: SVLT)" over "Stratavolt is a Columbus,
    # Ohio-based neocloud ..."
    short = without_legal_form(title)
    names = [title] + ([short, short.split()[0]] if short != title else [])
    # ("Kumotori Systems (Osaka, Japan) builds")
    subject = rf"(?:{'|'.join(re.escape(n) for n in names)})(?:['’]s?)?(?:,|\s+[a-z]|\s+\()"
    opening = [bool(re.match(subject, text) or OPENING_PARTICIPLE.match(text) and re.search(rf",\s+{subject}", text))
               for text in lines]
    if not opening:
        return False
    return opening[0] or _ANAPHOR.match(lines[0]) is not None or \
        (any(opening) and sum(1 for text in lines if any(mentioned(n, text) for n in names)) >= 2)



# "The London-headquartered firm was set up in 2020": under a heading that is a name, a first line
# whose subject can only be the heading's company
_ANAPHOR = re.compile(r"(?:(?:The|This)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|startup|start-up|business|provider|"
                      r"operator|neocloud)|It)\s+(?:is|was|has|had|began|started|rents|runs|operates|offers|sells|"
                      r"builds|provides)\b")



def _profile_label(label: str) -> bool:
    label = re.sub(r"\s+since\s+.+$", "", label, flags=re.I)  # "CFO since 2024"
    return bool(lexicon.exact("labels", label) or lexicon.find("round_types", label) or lexicon.find("metrics", label)
                or label_roles(label))



def is_trend(block: Block) -> bool:
    """A heading under (or of) a section about market trends."""
    words = lexicon.words("trends", "section_words")
    titles = [block.text, *block.section[1:]]
    return any(w in words for title in titles for w in re.findall(r"[a-z]+", title.lower()))
