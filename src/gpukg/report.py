"""Reading a Markdown report into blocks with line numbers (markdown-it-py).

This module knows Markdown, not the market: it yields headings, sentences,
list items and table rows, each with its section path, bold label and links.
"""
from __future__ import annotations

import csv
import hashlib
import html
import re
from dataclasses import replace
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink
from markdown_it.token import Token

from .errors import InputError
from .records import Block, Link, Report

_MD = MarkdownIt("commonmark").enable("table")
_NUMBERING = re.compile(r"^\s*(?:\d+[.)]|[IVX]+\.)\s+")
# Sentence ends: a full stop followed by a capital, not inside "Fireworks.ai" or "vs. general", nor
# after an abbreviation that goes on ("Tejas GPU Pvt. Ltd. raised", "Dr. Rao", "c. EUR 4.2bn"); a capital alone
# is no such abbreviation: "a Series B. The company ..." ends there.
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\bPvt\.)(?<!\bCo\.)(?<!\bInc\.)(?<!\bCorp\.)(?<!\bLtd\.)(?<!\bSt\.)"
                           r"(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bNo\.)(?<!\bPte\.)(?<!\bPty\.)(?<!\bSdn\.)(?<!\bBhd\.)(?<!\bc\.)(?<!\bca\.)(?<!\bapprox\.)"
                           r"(?<!\bMio\.)(?<!\bMrd\.)(?<!\bTsd\.)\s+(?=[A-Z\"“])"  # "60 Mio. EUR", "12,3 Mio. €"
                           # nor a German date's day: "on 9. Oktober 2025"
                           r"(?!(?<=\d\.\s)(?:Jan|Feb|Mär|Apr|Mai|May|Jun|Jul|Aug|Sep|Okt|Oct|Nov|Dez|Dec)[a-zä]*\s+\d{4}\b)")
# the label of a footnote reference, "[^1]", or of a numbered source, "[1]" (a reference-style link)
_FOOTNOTE = re.compile(r"\^[\w-]+|\d{1,3}")
_UNRESOLVED_NOTE = re.compile(r"\[(?:\^[\w-]+|\d{1,3})\]|\s?\[[a-z]\](?!\()")  # ... and a table's "Ostravik Compute [a]"
_BREAK = re.compile(r"<br\s*/?>")
_NOTE_MARK = re.compile(r"\d{1,3}|[*†‡§a-z]")
_SUPERSCRIPT_NOTE = re.compile(r"(?<=[\w)%])[¹²³⁴⁵⁶⁷⁸⁹⁰ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ]+")  # "Brisa Cloud¹", "ARR (EUR m)³", "1.71ᵃ"


def sentences(text: str) -> list[str]:
    """``text`` cut where its sentences end (see ``_SENTENCE_END``)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def read_text(path: Path) -> str:
    """The file as text; an ``InputError`` naming the line when it is not UTF-8."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(str(path), f"is not UTF-8 text (byte 0x{raw[exc.start]:02x})", line) from None


def strip_numbering(title: str) -> str:
    """'3. Together AI' -> 'Together AI'."""
    return _NUMBERING.sub("", title).strip()


def parse_report(text: str, file_name: str, doc_id: str | None = None) -> Report:
    """Parse Markdown text into a ``Report``; pure, so it is easy to test."""
    meta, body = _front_matter(text)
    if "[[" in body or "::" in body or "[!" in body:
        body = _vault_markup(body)
    running, body = _running_lines(body)
    blocks = meta + running + _cited(tuple(_blocks(_MD.parse(_grid_tables(body) if "+-" in body else body))), text.splitlines())
    title = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), None) or \
        next((b.value for b in meta if b.label == "title" and b.value), Path(file_name).stem)
    return Report(
        doc_id=doc_id or Path(file_name).stem,
        file_name=file_name,
        title=title,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        line_count=text.count("\n") + (0 if text.endswith("\n") or not text else 1),
        blocks=blocks,
    )


_FRONT_FIELD = re.compile(r"(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)")


def _front_matter(text: str) -> tuple[tuple[Block, ...], str]:
    """A blog post's YAML front matter ("---", "title: ...", "date: 2025-09-14", "---") as "meta"
    blocks, one per field, and the text with those lines blank (every other line keeps its number).
    Markdown would read the block as a heading underlined by its closing "---"."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return (), text
    end = next((i for i, line in enumerate(lines[1:60], 1) if line.strip() in ("---", "...")), None)
    if end is None or not any(_FRONT_FIELD.match(line) for line in lines[1:end]):
        return (), text
    blocks = []
    for n, line in enumerate(lines[1:end], 2):
        field = _FRONT_FIELD.match(line)
        if field:  # a field's value, unquoted; a list's items stay as written ("[neocloud, funding]")
            value = field.group("value").strip().strip("\"'")
            blocks.append(Block("meta", f"{field.group('key')}: {value}".rstrip(": "), n, (),
                                label=field.group("key").lower(), value=value))
        elif line.strip() and blocks:  # an item of a list given one per line ("  - neocloud")
            blocks.append(Block("meta", line.strip(), n, (), label=blocks[-1].label, value=line.strip().lstrip("- ")))
    return tuple(blocks), "\n" * (end + 1) + "\n".join(lines[end + 1:])


_PAGE_MARK = re.compile(r"(?:^|[|·•—–-]\s*)page\s+\d+(?:\s*(?:of|/)\s*\d+)?\s*$", re.I)
_MARKUP_START = re.compile(r"\s*(?:[#>|*+-]|\d+[.)]\s|```|\[)")


def _running_lines(text: str) -> tuple[tuple[Block, ...], str]:
    """A converted PDF's running headers and footers ("GPU Cloud Outlook 2026 | Page 3 of 14", "Confidential —
    Hallmere Research" at every page) as "running" blocks, kept but not read (they say nothing where they
    stand), and the text with those lines blank."""
    lines = text.split("\n")
    plain = [not _MARKUP_START.match(line) and 0 < len(line.strip()) <= 100 and "](" not in line and "://" not in line
             for line in lines]
    shape = [re.sub(r"\d+", "#", line.strip()) for line in lines]
    count: dict[str, int] = {}
    for ok, form in zip(plain, shape):
        if ok:
            count[form] = count.get(form, 0) + 1
    running = {i for i, (ok, form, line) in enumerate(zip(plain, shape, lines))
               if ok and (_PAGE_MARK.search(line.strip()) or count[form] >= 3 and not _LINE_ENDS.search(line.strip()))}
    if not running:
        return (), text
    blocks = tuple(Block("running", lines[i].strip(), i + 1, ()) for i in sorted(running))
    return blocks, "\n".join("" if i in running else line for i, line in enumerate(lines))


# A note-taking vault's markup (Obsidian, Logseq): "[[Target|shown]]" links, "key:: value" fields
# (Dataview), "> [!note] Title" callouts, "- [ ] task" boxes; each line keeps its number.
_WIKILINK = re.compile(r"!?\[\[(?P<target>[^\]|#]+)(?:#[^\]|]*)?(?:\|(?P<shown>[^\]]+))?\]\]")
_INLINE_FIELD = re.compile(r"(?:(?<=^)|(?<=[\s\[(·|,;]))(?P<key>[A-Za-z][\w -]{0,30}?)::\s*", re.M)
_CALLOUT = re.compile(r"^(?P<quote>\s*>\s*)\[![\w-]+\][+-]?\s*", re.M)
_TASK_BOX = re.compile(r"^(?P<item>\s*[-*+]\s+)\[[ xX]\]\s+", re.M)


def _vault_markup(text: str) -> str:
    text = _WIKILINK.sub(lambda m: (m.group("shown") or m.group("target")).strip(), text)
    text = _INLINE_FIELD.sub(lambda m: m.group("key").replace("_", " ").strip().capitalize() + ": ", text)
    text = _CALLOUT.sub(lambda m: m.group("quote"), text)
    return _TASK_BOX.sub(lambda m: m.group("item"), text)


_CAPTION = re.compile(r"(?:Table|Exhibit)\s+\d+[A-Za-z]?[.:]$")
_GRID_BORDER = re.compile(r"^\s*\+(?:[-=]+\+)+\s*$")
_GRID_ROW = re.compile(r"^\s*\|.*\|\s*$")


def _grid_tables(text: str) -> str:
    """A plain-text table drawn with + - | ("+------+-----+" around "| Provider | GPU |") as the
    Markdown table it is: the border under its first row becomes the delimiter row, the other
    borders blank lines, so that every line keeps its number."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not _GRID_BORDER.match(line):
            continue
        header = i >= 1 and _GRID_ROW.match(lines[i - 1]) and not (i >= 2 and _GRID_ROW.match(lines[i - 2]))
        lines[i] = "|" + "|".join("---" for _ in range(line.strip().count("+") - 1)) + "|" if header else ""
    return "\n".join(lines)


def _cited(blocks: tuple[Block, ...], lines: list[str]) -> tuple[Block, ...]:
    """Sources a line cites without a Markdown link: a bare URL in it ('..., https://x.org/a'), or
    a footnote whose note below tells its source in words and a URL ('[^1]: Acme press release,
    12 August 2025, https://...'; a note that is a URL alone is a link already)."""
    # Written out as markdown-it writes a link's target ("{" as %7B, a bad "%zz" as %25zz), so a bare
    # URL and the same URL in a Markdown link are one source
    notes = {m.group("label"): normalizeLink(url.group(0)) for line in lines if (m := _NOTE_LINE.match(line))
             and (url := _URL.search(m.group("body")))}
    # "- [1] [Title](https://...)": a numbered list of sources, cited as "[1]" in the text
    numbered = {m.group("label"): normalizeLink(url.group(0)) for line in lines if (m := _NUMBERED_SOURCE.match(line))
                and (url := _URL.search(m.group("body")))}
    out = []
    for block in blocks:
        raw = lines[block.line - 1] if block.line <= len(lines) else ""
        if "://" not in raw and "[^" not in raw and not (numbered and "[" in raw):
            out.append(block)
            continue
        known = {link.url for link in block.links}
        found = [Link(block.text[:m.start()].strip()[-40:], normalizeLink(m.group(0))) for m in _URL.finditer(block.text)]
        found += [Link(block.text[-40:], notes[ref]) for ref in _NOTE_REF.findall(raw) if ref in notes]
        if not _NUMBERED_SOURCE.match(raw):
            found += [Link(block.text[-40:], numbered[ref]) for ref in _NUMBER_REF.findall(raw) if ref in numbered]
        added = []
        for link in found:
            if link.url not in known:
                known.add(link.url)
                added.append(link)
        out.append(replace(block, links=block.links + tuple(added)) if added else block)
    return tuple(out)


_NOTE_LINE = re.compile(r"\[\^(?P<label>[\w-]+)\]:\s+(?P<body>.*)")
_NOTE_REF = re.compile(r"\[\^([\w-]+)\](?!:)")
_NUMBERED_SOURCE = re.compile(r"\s*[-*]\s+\[(?P<label>\d{1,3})\]\s+(?P<body>.*)")
_NUMBER_REF = re.compile(r"\[(\d{1,3})\](?![:(\[])")
_URL = re.compile(r"https?://[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?]")


def _blocks(tokens: list[Token]):
    path: list[tuple[int, str]] = []  # (level, title) of the enclosing headings
    heading_level = 0  # of the last Markdown heading: bold-only titles sit one below it
    in_item = 0
    item_titles: list[int] = []  # the list depths at which a bold-only item titles the list below it
    key_value_lists: list[bool] = []  # for each open list, whether every item of it is "Label: value"
    table: list[str] = []  # header cells of the table being read
    row: list[str] = []
    row_links: list[Link] = []
    row_line = 0
    in_head = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open" and not tokens[i + 1].content.strip(" #"):
            i += 3  # "###" alone: a press release's end mark, no heading
            continue
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            title = tokens[i + 1].content.strip()
            path = [p for p in path if p[0] < level] + [(level, title)]
            heading_level = level
            yield Block("heading", title, tok.map[0] + 1, tuple(t for _, t in path[:-1]), level=level)
            i += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            key_value_lists.append(_key_value_list(tokens, i))
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            key_value_lists.pop()
        elif tok.type == "list_item_open":
            in_item += 1
        elif tok.type == "list_item_close":
            in_item -= 1
            if item_titles and item_titles[-1] > in_item:  # the titled item's own list is over
                level = max(heading_level, 1) + item_titles.pop()
                path = [p for p in path if p[0] < level]
        elif tok.type == "thead_open":
            in_head, table = True, []
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row, row_line, row_links = [], tok.map[0] + 1, []
        elif tok.type in ("th_open", "td_open"):
            cell, _, cell_links = _plain(tokens[i + 1].children or [])
            (table if in_head else row).append(cell.strip())
            row_links += cell_links  # "| Source |" cells: "[CEO memo](https://...)" cites the row
        elif tok.type == "tr_close" and not in_head and _key_value_table(table) and len(row) == 2 and row[0]:
            # "| Founded | 2022 |" under "| Field | Detail |": a labelled line of the section
            yield Block("bullet", f"{row[0]}: {row[1]}", row_line, tuple(t for _, t in path), label=row[0], value=row[1],
                        links=tuple(row_links))
        elif tok.type == "tr_close" and not in_head:
            cells = tuple(zip(table, row))
            # The header travels with each row, so a row statement reads on its own.
            text = "; ".join(f"{h}: {c}" for h, c in cells if c)
            yield Block("table-row", text, row_line, tuple(t for _, t in path), cells=cells, links=tuple(row_links))
        elif tok.type == "html_block":
            yield from _html_blocks(tok, tuple(t for _, t in path))
        elif tok.type == "fence" and tok.info.strip().lower() in ("csv", "tsv"):
            # a data appendix: each record a table row under the block's first (header) record
            yield from _csv_rows(tok, tuple(t for _, t in path))
        elif tok.type in ("fence", "code_block"):
            # kept as statements, not read: a code block quotes, it does not state
            first = tok.map[0] + (2 if tok.type == "fence" else 1)
            for n, line in enumerate(tok.content.splitlines()):
                if line.strip():
                    yield Block("code", line.strip(), first + n, tuple(t for _, t in path))
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open" and in_item and _titles_its_list(tokens, i):
            # "- **Halden Cloud**" over "  - Founded: 2019": the item names what its list is about, as a heading would
            level = max(heading_level, 1) + in_item  # below the report's title even before any heading
            title = tok.content.strip().strip("*_").strip()
            yield Block("heading", title, tok.map[0] + 1, tuple(t for _, t in path), level=level)
            path = [p for p in path if p[0] < level] + [(level, title)]
            item_titles.append(in_item)
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open":
            kind = "bullet" if in_item else "paragraph"
            for block in _paragraph(tok, kind, path, heading_level + 1, bool(key_value_lists and key_value_lists[-1])):
                if block.kind == "title":
                    # A bold-only line ("**Funding History**") titles the lines below it.
                    path = [p for p in path if p[0] < block.level] + [(block.level, block.text)]
                yield block
        i += 1


def _csv_rows(tok: Token, section: tuple[str, ...]):
    """A fenced CSV (or TSV) block's records, each on its own line, as rows under its first record."""
    delimiter = "\t" if tok.info.strip().lower() == "tsv" else ","
    records = [(n, [cell.strip() for cell in record])
               for n, record in enumerate(csv.reader(tok.content.splitlines(), delimiter=delimiter))
               if any(cell.strip() for cell in record)]
    if not records:
        return
    header = records[0][1]
    for n, record in records[1:]:
        cells = tuple(zip(header, record))
        yield Block("table-row", "; ".join(f"{h}: {c}" for h, c in cells if c), tok.map[0] + 2 + n, section, cells=cells)


def _html_blocks(tok: Token, section: tuple[str, ...]):
    """An HTML block: a ``<table>``'s rows as table rows (its ``<th>`` row the header), any other
    element's text as paragraph lines; a comment says nothing to readers and is left out."""
    content = _HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), tok.content)
    start = tok.map[0] + 1
    if _HTML_ROW.search(content):
        header: list[str] = []
        for row in _HTML_ROW.finditer(content):
            cells = [(kind.lower(), _html_text(cell)) for kind, cell in _HTML_CELL.findall(row.group(0))]
            line = start + content[:row.start()].count("\n")
            if cells and all(kind == "th" for kind, _ in cells):
                header = [cell for _, cell in cells]
            elif cells:
                pairs = tuple(zip(header or [f"column {n + 1}" for n in range(len(cells))], (c for _, c in cells)))
                yield Block("table-row", "; ".join(f"{h}: {c}" for h, c in pairs if c), line, section, cells=pairs)
        return
    for n, raw in enumerate(content.splitlines()):
        text = _html_text(raw)
        if text:
            yield Block("paragraph", text, start + n, section)


_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_ROW = re.compile(r"<tr\b[^>]*>.*?</tr\s*>", re.S | re.I)
_HTML_CELL = re.compile(r"<(t[hd])\b[^>]*>(.*?)</t[hd]\s*>", re.S | re.I)


def _html_text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def _titles_its_list(tokens: list[Token], i: int) -> bool:
    """Whether the list item whose text is ``tokens[i]`` is a bold name alone with a list of its own below."""
    children = [c for c in tokens[i].children or [] if c.type != "text" or c.content.strip()]
    bold = len(children) == 3 and children[0].type == "strong_open" and children[2].type == "strong_close"
    text = tokens[i].content.strip().strip("*_").strip()
    return bold and not text.endswith(":") and i + 2 < len(tokens) and \
        tokens[i + 2].type in ("bullet_list_open", "ordered_list_open")


def _key_value_list(tokens: list[Token], i: int) -> bool:
    """Whether every item of the list opening at ``tokens[i]`` is a plain 'Label: value' line
    ('- Founded: 2019', '- HQ: Oslo'), so each is a labelled line as a bold label would make it."""
    depth, items = 0, []
    for j in range(i, len(tokens)):
        kind = tokens[j].type
        depth += kind.endswith("_list_open") - kind.endswith("_list_close")
        if depth == 0:
            break
        if depth == 1 and kind == "inline" and tokens[j - 1].type == "paragraph_open":
            items.append(tokens[j].content.strip())
    return len(items) > 1 and all(_KEY_VALUE_LINE.match(text) and not text.startswith("*") for text in items)


def _paragraph(tok: Token, kind: str, path: list[tuple[int, str]], title_level: int, key_values: bool = False):
    """Split a paragraph at its soft line breaks, then into sentences."""
    lines: list[list[Token]] = [[]]
    for child in tok.children or []:
        if child.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(child)
    section = tuple(t for _, t in path)
    # "Founded: 2019" on each line of a paragraph: labelled lines, as if each were a bullet
    plains = [_plain(children) for children in lines]
    if len(plains) > 1 and sum(bool(_SPACED_FIELD.fullmatch(text.strip())) for text, _, _ in plains) > 1:
        # a database page pasted as text, "Founded Date  Mar 1, 2019" / "Founders<TAB>A, B": a label and its value
        # apart by a tab or spaces, as "Founded Date: Mar 1, 2019" would be (only where two lines or more are so)
        plains = [(_SPACED_FIELD.sub(r"\1: \2", text.strip()), bold, links) for text, bold, links in plains]
    plains = [(_dashed_fields(text), bold, links) for text, bold, links in plains]
    labelled = [bool(_KEY_VALUE_LINE.match(text.strip())) for text, _, _ in plains]
    plain_labels = (len(lines) > 1 or key_values) and all(labelled)
    # a card's "Founded: 2021 | HQ: ..." lines around a line of prose: the labelled lines still labelled
    card = not plain_labels and len(lines) > 2 and sum(labelled) >= 2
    wraps = [[(0, offset)] for offset in range(len(plains))]
    if not plain_labels and not card and len(plains) > 1:
        plains, wraps = _unwrapped(plains)
    for (text, bold, links), wrap in zip(plains, wraps):
        line = tok.map[0] + 1 + wrap[0][1]
        text = text.strip()
        if not text:
            continue
        if plain_labels or card and labelled[wrap[0][1]]:
            yield from _fields(text, line, section, links)
            continue
        if _all_fields(_FIELD_SPLIT.split(text)):
            # "**Rating: Buy | Price target: $46.00 | Market cap: $9.8 billion**": fields, though all in bold
            yield from _fields(text, line, section, links)
            continue
        if kind == "paragraph" and (bold.strip() == text or _CAPTION.match(bold.strip()) and len(wraps) == 1) and not links:
            # (a table's caption, "**Table 2.** Shares ... by provider, Q2 2025", titles the table under it)
            title = text.rstrip(":")
            yield Block("title", title, line, section, level=title_level)
            section = tuple(t for level, t in path if level < title_level) + (title,)
            continue
        label, value = _label(bold, text)
        if not label and kind == "bullet" and links and links[0].text and text.startswith(links[0].text) \
                and _DASH.match(text[len(links[0].text):]):
            label, value = _label(links[0].text, text)  # "- [Gantrybid](https://...) — GPU rental marketplace ..."
        qa = (_QA_LINE.match(text) or _DATED_LINE.match(text)) if not label else None
        if qa:  # "Q. Who backs the company?" / "A. It is ...": a question and its answer, as bold labels make them;
            label, value = qa.group("k"), qa.group("v")  # "2025-01-08 — Acme ...": a changelog's dated line
        press = _PRESS_DATELINE.match(text) if not label else None
        if press:
            label, value = f"{press.group('p')}, {press.group('d')}", press.group("v")
        fields = _FIELD_SPLIT.split(text) if kind == "bullet" else []
        # "- Founded: 2020 · HQ: Oslo, Norway · CEO: ...": fields, with or without a bold first label
        if len(fields) > 1 and _KEY_VALUE_LINE.match(text) and (label or _all_fields(fields)):
            yield from _fields(text, line, section, links)
            continue
        if kind == "bullet" and label or label and not value:
            yield Block(kind, text, line, section, label=label, value=value, links=links)
            continue
        if label:
            # "**LONDON, 25 November 2025** — Acme agreed ... The deal is expected ...": the label
            # goes with the first sentence, the others follow as sentences of their own
            first, *rest = _SENTENCE_END.split(value)
            yield Block(kind, text[:len(text) - len(value)] + first, line, section, label=label, value=first.strip(),
                        links=_links_in(first, links) if rest else links)
            for index, sentence in enumerate(rest, 1):
                yield Block(kind, sentence.strip(), line, section, links=_links_in(sentence, links), index=index)
            continue
        at = 0
        for index, sentence in enumerate(_SENTENCE_END.split(text)):
            at = text.find(sentence, at)
            # a sentence of a hard-wrapped paragraph is stated on the line it starts on
            here = tok.map[0] + 1 + max(o for start, o in wrap if start <= at) if len(wrap) > 1 else line
            yield Block(kind, sentence.strip(), here, section, links=_links_in(sentence, links), index=index)


def _unwrapped(plains: list[tuple[str, str, tuple[Link, ...]]]) -> tuple[list, list[list[tuple[int, int]]]]:
    """The lines of a paragraph, a sentence that runs on to the next line joined with it (a plain-text
    report wraps its lines at a width): each joined text with where each of its lines starts in it."""
    out: list[tuple[str, str, tuple[Link, ...]]] = []
    wraps: list[list[tuple[int, int]]] = []
    title = False
    for offset, (text, bold, links) in enumerate(plains):
        text = text.strip()
        if out and not title and _runs_on(out[-1][0], text):
            before, first_bold, first_links = out[-1]
            # "Osterfell Com-" over "pute ...": a word a converted PDF broke at the line's end, made whole
            broken = _BROKEN_WORD.search(before) and text[:1].islower()
            joined = f"{before[:-1]}{text}" if broken else f"{before} {text}"
            wraps[-1].append((len(before) - 1 if broken else len(before) + 1, offset))
            out[-1] = (joined, first_bold, first_links + links)
        else:
            out.append((text, bold, links))
            wraps.append([(0, offset)])
        title = bold.strip() == text  # "**Brightlode raises $210 million**" over its story: a headline of its own
    return out, wraps


_BROKEN_WORD = re.compile(r"(?<![A-Z0-9-])[A-Za-z]*[a-z]-$")  # not "GPU-" nor "H100-", whose hyphen is the word's own
_LINE_ENDS = re.compile(r"[.!?:;]['\"”’)\]]*$|\[\d{1,3}\]$|>$|https?://\S+$")
_NOTE_START = re.compile(r"\[\^?\w{1,8}\]")  # "[^2]: ...", "[1] https://...": a note of its own


def _runs_on(line: str, after: str) -> bool:
    """Whether ``line`` breaks off a sentence that ``after`` goes on with: no full stop at its end, and
    the next line opens in lower case, or the line is as long as a wrapped line is."""
    if not line or not after or _LINE_ENDS.search(line) or _KEY_VALUE_LINE.match(after) or _NOTE_START.match(after):
        return False
    return after[0].islower() or after[0].isdigit() or after[0] in "$€£(" or len(line) >= 60


def _fields(text: str, line: int, section: tuple[str, ...], links: tuple[Link, ...]):
    """'Founded: 2022 · HQ: Toronto, Canada | Employees: ~85': each field a labelled line of its own."""
    fields = _FIELD_SPLIT.split(text)
    for index, field in enumerate(fields):
        m = (_KEY_VALUE_LINE if not index else _LATER_FIELD).match(field)
        if m:
            yield Block("bullet", field, line, section, label=m.group("k").strip(), value=m.group("v").strip(),
                        links=links if len(fields) == 1 else _links_in(field, links), index=index)


def _dashed_fields(text: str) -> str:
    """'Founded — 2020 | HQ — Denver, Colorado | CEO — Dana Whitcombe': fields whose labels a dash sets off,
    written with colons, as 'Founded: 2020 | HQ: ...' (two fields or more, each a short label and a dash)."""
    parts = _FIELD_BAR.split(text.strip())
    if len(parts) < 3 or not all(_DASHED_FIELD.match(part) for part in parts[::2]):
        return text
    return "".join(_DASHED_FIELD.sub(r"\g<k>: ", part, count=1) if i % 2 == 0 else part for i, part in enumerate(parts))


_FIELD_BAR = re.compile(r"(\s+[·|]\s+)")
_DASHED_FIELD = re.compile(r"(?P<k>[A-Z][\w&/ -]{0,24}?)\s+[—–]\s+(?=\S)")


def _all_fields(fields: list[str]) -> bool:
    return len(fields) > 1 and bool(_KEY_VALUE_LINE.match(fields[0])) and all(map(_LATER_FIELD.match, fields[1:]))


# a separator between two "Key: value" fields of one line
_FIELD_SPLIT = re.compile(r"\s+[·|;]\s+(?=[A-Z0-9][^:.!?·|;]{0,38}?:\s)|;\s+(?=[A-Z][^:.!?·|;]{0,38}?:\s)")


def _plain(children: list[Token]) -> tuple[str, str, tuple[Link, ...]]:
    """Plain text of inline tokens, the text of its leading bold run, and its links."""
    out: list[str] = []
    bold: list[str] = []
    links: list[Link] = []
    depth = 0
    leading = True
    href: str | None = None
    link_text: list[str] = []
    sup = False  # inside <sup>...</sup>, where a number is a note's, not a figure
    for child in children:
        if child.type == "html_inline":
            # a tag is no text: "<br>" parts words, "<sup>1</sup>" marks a note
            tag = child.content.lower()
            if _BREAK.match(tag):
                out.append(" ")
            sup = tag.startswith("<sup") or sup and not tag.startswith("</sup")
            continue
        if child.type == "strong_open":
            depth += 1
        elif child.type == "strong_close":
            depth -= 1
        elif child.type == "link_open":
            href, link_text = str(child.attrs.get("href", "")), []
        elif child.type == "link_close" and href is not None:
            text = "".join(link_text).strip()
            if _FOOTNOTE.fullmatch(text):
                # "Research.[^1]" with "[^1]: https://..." below: the note's number is no part of the
                # sentence (it was read as a figure); the link goes with the words it follows
                text = _SENTENCE_END.split("".join(out).rstrip())[-1][-40:].strip()
            links.append(Link(text, href))
            href = None
        elif child.type in ("text", "code_inline"):
            content = _SUPERSCRIPT_NOTE.sub("", child.content)  # "Brisa Cloud¹"
            if sup and _NOTE_MARK.fullmatch(content.strip()):
                continue
            if href is not None:
                link_text.append(content)
                if _FOOTNOTE.fullmatch(content.strip()):
                    continue
            out.append(content)
            if depth and leading:
                bold.append(content)
            elif content.strip():
                leading = False
    # a footnote reference with no note below stays "[^1]" in the text: as much no part of it
    return _UNRESOLVED_NOTE.sub("", "".join(out)), "".join(bold), tuple(links)


_QA_LINE = re.compile(r"(?P<k>Q|A)[.:]\s+(?P<v>\S.*)")
# "2025-01-08 — Acme ...", and under a year's heading "June: Acme ...", "Q4 — Acme ...": a line that opens with its date
_DATED_LINE = re.compile(r"(?P<k>(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?|(?:January|February|March|April|May|June|July|August|"
                         r"September|October|November|December|Q[1-4]|H[12])(?=\s*(?:[—–:]|\s-)))\s*(?:[—–:]|\s-)\s+(?P<v>\S.*)")
# "TOKYO, November 13, 2025 -- Acme ...", "SAN JOSE, Calif., Oct. 7, 2025 /PRNewswire/ -- ...", "AUSTIN, Texas--(BUSINESS
# WIRE)--Nov. 4, 2025-- ...", "LONDON, 12 November 2025 -- ...": a press release's dateline, read as "**SAN FRANCISCO,
# Nov. 24, 2025** — ..." with bold is (its city and date; the state and the wire's name are no part of it)
_PRESS_DATELINE = re.compile(r"(?P<p>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*)(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?"
                             r"(?:\s*--\s*\([A-Z][A-Z ]{2,30}\)\s*--\s*|,\s*)"
                             r"(?P<d>[A-Z][a-z]{2,8}\.? \d{1,2},? (?:19|20)\d\d|\d{1,2} [A-Z][a-z]{2,8}\.? (?:19|20)\d\d)"
                             r"(?:\s*(?:/[A-Za-z ]{2,30}/|\([A-Z][A-Z ]{2,30}\)))?\s*(?:--|[—–]|\s-)\s*(?P<v>\S.*)")
_SPACED_FIELD = re.compile(r"([A-Z][A-Za-z ]{0,38}?[A-Za-z])(?:\t+| {2,})(\S.*)")
_KEY_VALUE_LINE = re.compile(r"(?P<k>[A-Z][^:.!?]{0,38}?):\s+(?P<v>\S.*)")
_LATER_FIELD = re.compile(r"(?P<k>[A-Z0-9][^:.!?]{0,38}?):\s+(?P<v>\S.*)")  # "... | 12-month price target: $46.00"
_KEY_HEADERS = {"", "field", "attribute", "item", "key", "property", "fact", "category", "metric"}
_VALUE_HEADERS = {"", "value", "detail", "details", "data", "information", "info"}


def _key_value_table(header: list[str]) -> bool:
    """'| Field | Detail |': a table of labels and their values, a profile's lines in cells; so is an
    encyclopedia's infobox, headed by its subject's name over an empty cell ('| Halvecrest Cloud Inc. | |')."""
    return len(header) == 2 and (header[0].lower() in _KEY_HEADERS and header[1].lower() in _VALUE_HEADERS
                                 or not header[1] and len(header[0]) < 60)


_DASH = re.compile(r"\s*[—–]\s*|\s+-\s+|\s+[·•]\s+")  # "**Flintlock Run** · serverless GPU · ..." too
_BRACKET_DASH = re.compile(r"\s*\((?P<b>[^()]{1,40})\)\s*(?:[—–:]|\s-\s)\s*")


def _label(bold: str, text: str) -> tuple[str | None, str | None]:
    """'**Series A:** $25M' -> ('Series A', '$25M'); also '**Label**: v' and '**Label: v**'
    (``bold``: the text of the line's leading bold run)."""
    bold = bold.strip()
    if not bold or not text.startswith(bold):
        return None, None
    rest = text[len(bold):]
    if bold.endswith(":"):
        return bold[:-1].strip(), rest.strip()
    if rest.lstrip().startswith(":"):
        return bold, rest.lstrip()[1:].strip()
    if bold.startswith("About ") and rest[:1] == " " and rest.lstrip()[:1].isupper():
        return bold, rest.strip()  # a release's "**About Ostravel Cloud, Inc.** Founded in 2019 ..."
    dash = _DASH.match(rest)  # "**2019** — Founded by ...", "**Acme** - GPU cloud"
    if dash and rest[dash.end():].strip():
        return bold, rest[dash.end():].strip()
    bracket = _BRACKET_DASH.match(rest)  # "**Kestrel GPU** (Berlin) — ~22k H100s; ..."
    if bracket and rest[bracket.end():].strip():
        return f"{bold} ({bracket.group('b').strip()})", rest[bracket.end():].strip()
    colon = _top_level_colon(bold)  # not the one in "**Stratos Cloud (NASDAQ: STRC)** reported ..."
    if colon >= 0:
        return bold[:colon].strip(), (bold[colon + 2:] + rest).strip()
    return None, None


def _top_level_colon(text: str) -> int:
    """Where ': ' first stands outside brackets in ``text``, or -1."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch in "([") - (ch in ")]")
        if ch == ":" and depth <= 0 and text[i + 1:i + 2] == " ":
            return i
    return -1


def _links_in(sentence: str, links: tuple[Link, ...]) -> tuple[Link, ...]:
    return tuple(link for link in links if link.text and link.text in sentence)
