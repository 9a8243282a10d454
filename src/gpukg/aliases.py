"""Two names of one company, as a report tells them: its short form after the first mention
('Vireo' for 'Vireo Cloud'), a rename ('Brisa Cloud (formerly Brisa Labs)') and a code name
given away ('Kestrel is Vantrell Compute, founded in 2021'), a name in another language with its English one in
brackets ('Hanhai Suanli (Hanhai Compute)'). Each pair goes to
resolution (``Extraction.short_names``), which makes the two one entity.
"""
from __future__ import annotations

import re

from . import lexicon
from .names import investor_key, is_curated, name_key
from .phrases import NAME, OFFICE_OF, looks_like_org
from .reading import State, trim_name


def short_forms(kinds: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'Vireo' in a report that names 'Vireo Cloud' and no other 'Vireo ...': the report's short
    form of that name, as news writing uses it after the first mention. 'Greium' beside 'Greium
    Ventures' is left to resolution, which tells an investor's short name from a company's arm."""
    orgs = {name for name, kind in kinds if kind in ("company", "investor", "org")}
    longer: dict[str, list[str]] = {}
    for name in sorted(orgs):
        if " " in name:
            longer.setdefault(name.split()[0], []).append(name)
    return [(name, longer[name][0]) for name in sorted(orgs)
            if len(longer.get(name, ())) == 1 and len(name) >= 4 and not is_curated(name)
            and investor_key(longer[name][0]) != name_key(name)]


def abbreviated(state: State, text: str) -> None:
    """'the National Investment and Infrastructure Fund (NIIF)', 'Ministry of Science and ICT (MSIT)':
    a name and the abbreviation in brackets right after it, which the report then uses for it."""
    for abbr, full in abbreviations(text):
        if full in state.names or looks_like_org(full) or OFFICE_OF.match(full):
            state.kinds.extend(((full, "org"), (abbr, "org")))
        state.short_names.append((abbr, full))


def abbreviations(text: str) -> list[tuple[str, str]]:
    """The abbreviations ``text`` defines in brackets, each with the name it stands for."""
    found = []
    for m in _ABBREVIATION.finditer(text):
        abbr = m.group("abbr")
        words: list[str] = []
        for word in reversed(text[:m.start()].split()[-12:]):  # the capitalised words that end at the bracket
            if not (word[:1].isupper() or word in _CONNECTORS) or word.endswith(("'s", "’s")):
                break
            words.insert(0, word)
        while words and (words[0] in _CONNECTORS or words[0] == "The"):
            words.pop(0)
        full = " ".join(words)
        # its first letter, and every letter of the abbreviation in order: "MeitY" in "Ministry of
        # Electronics and Information Technology"
        letters = iter(full.lower())
        if len(words) >= 2 and full[0] == abbr[0] and all(ch in letters for ch in abbr.lower()):
            found.append((abbr, full))
    return found


_ABBREVIATION = re.compile(r"(?<=\w)\s+\((?P<abbr>[A-Z][A-Za-z]{1,7})\)")


def translated(state: State, text: str) -> None:
    """'Hanhai Suanli (Hanhai Compute)', 'Xuanjing Weidian (Profound Micro)': a name, and in brackets right after it
    another that looks like a firm's (the English one), the same company."""
    for m in _OTHER_NAME.finditer(text):
        name, other = trim_name(state, m.group("n")), m.group("o")
        if name and other != name and len(name.split()) > 1 and is_firm_name(other):
            state.kinds.extend(((name, "org"), (other, "org")))
            state.short_names.append((other, name))


def is_firm_name(text: str) -> bool:
    """'Hanhai Compute', 'Kilostream AI': words that name a firm (a firm's word or a corporate one ends them), not a
    place nor what a company is ('GPU cloud')."""
    words = text.split()
    return len(words) > 1 and all(w[:1].isupper() for w in words) and not lexicon.find("categories", text) \
        and (looks_like_org(text) or words[-1].lower() in lexicon.words("names", "corporate_suffixes"))


_OTHER_NAME = re.compile(rf"(?P<n>{NAME})\s+\((?P<o>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){{1,3}})\)")
_CONNECTORS = frozenset({"of", "and", "for", "the", "de", "du", "&"})


def renamed(state: State, text: str) -> None:
    """'Brisa Cloud (formerly Brisa Labs)', 'Halcyon rebranded as Corvane': two names of one
    company, the new one its label."""
    if not _RENAME_WORD.search(text):  # the patterns open with a name: costly on every line
        return
    for pattern in _RENAMES:
        for m in pattern.finditer(text):
            if lexicon.find("roles", m.group("old")):  # "Sigrun Hallvardsen, formerly CFO of Corriemoor,": a person's past post
                continue
            old, new = trim_name(state, m.group("old")), trim_name(state, m.group("new"))
            if old and new and old != new:
                state.kinds.extend(((old, "org"), (new, "org")))
                state.short_names.append((old, new))


_RENAME_WORD = re.compile(r"formerly|previously|f\.?k\.?a|renamed|rebranded|changed its name|\(now ")
_RENAMES = (
    re.compile(rf"(?P<new>{NAME})\s*\((?:formerly|previously|f\.?k\.?a\.?)\s+(?:known\s+as\s+|called\s+)?(?P<old>{NAME})\)"),
    re.compile(rf"(?P<new>{NAME}),\s+(?:formerly|previously)\s+(?:known\s+as\s+|called\s+)?(?P<old>{NAME}),"),
    # (an appositive may come between: "Brantmoor Data, the Columbus-based operator ..., has changed its name to")
    re.compile(rf"(?P<old>{NAME})(?:,[^,]{{1,100}},)?\s+(?:has\s+)?(?:rebranded|renamed itself|changed its name)\s+(?:as|to)\s+(?P<new>{NAME})"),
    re.compile(rf"(?P<old>{NAME})\s*\(now\s+(?:called\s+|known\s+as\s+)?(?P<new>{NAME})\)"),  # "Together Computer (now Together AI)"
)


def identified(state: State, text: str) -> None:
    """'Kestrel is Vantrell Compute, founded in 2021 ...': a sentence that opens by saying one name
    is another (a deal's code name, a brand) names one company twice; the second name is its label."""
    m = _IS_NAMED.match(text)
    if not m or lexicon.find("roles", m.group("name")):  # "Kwame Ofori-Mensah is CTO of Drifthollow": a post, not a name
        return
    alias, name = trim_name(state, m.group("alias")), trim_name(state, m.group("name"))
    if alias and name and alias != name and (name in state.names or looks_like_org(name)):
        state.kinds.extend(((alias, "org"), (name, "org")))
        state.short_names.append((alias, name))


# (the second name must end the clause: "Kestrel is NVIDIA Inception member" says what, not who)
_IS_NAMED = re.compile(rf"(?:Project\s+)?(?P<alias>{NAME})\s+is\s+(?P<name>{NAME})(?=[,.;]|\s+\(|$)")
