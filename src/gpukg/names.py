"""Names of organizations: their comparison keys, and finding known names in text.

Two spellings are the same name when they differ only in case, punctuation,
a web suffix ("Fireworks.ai") or a corporate-form word ("Crusoe Energy",
"Lambda Labs", "Acme Inc."). Investor words ("Capital", "Ventures") are
only dropped by ``resolve``, where it can see that both spellings invest.
"""
from __future__ import annotations

import copy
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from . import lexicon
from .phrases import looks_like_org

_TLD = re.compile(r"\.(?:ai|io|com|net|co|cloud|dev|org)$", re.I)
_WORD = re.compile(r"\w+")
_NAME_GOES_ON = re.compile(r"[\w-]|\.\w")  # a name ends where a word does not go on
# "Vayu Networks" is not Vayu GPU Cloud's short form; "Fjellkraft CEO Aslaug Ebbesen" is Fjellkraft Compute's
_CAPITAL_AFTER = re.compile(r"\s+(?!(?:CEO|CFO|CTO|COO|CPO|CRO)\b)[A-Z]")
# a capitalised word by itself: before a possessive, or not before another capitalised word
# (or before an officer's title: "Kattegat CEO Søren Kjærgaard")
_BASED_IN = re.compile(r"\b([A-Z][\w]+)-(?:based|headquartered)\b|\b(?:based|headquartered)\s+in\s+([A-Z][\w]+)\b(?!\s+[A-Z])")
# "in Selkirk, Manitoba": the province or state after a town (not the Manitoba Growth Fund's short name)
_TOWN_IN = re.compile(r"\b(?:in|near|outside|from|at)\s+(?P<town>[A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?),\s+"
                      r"(?P<region>[A-Z][a-z]+)\b(?!\s+[A-Z])")
_ALONE = re.compile(r"(?<![\w.-])([A-Z]\w{3,})(?:['’]s\b|(?![\w-])(?!\s+(?!(?:CEO|CFO|CTO|COO|CPO|CRO)\b)[A-Z]))")
_SMALL_FORM = re.compile(r"(?<![\w.-])([A-Z]\w{3,})\s+(?:plc|llc|gmbh|ltd|inc)\b")


@cache
def _common_words() -> frozenset[str]:
    """Words that open names and sentences alike ('Together', 'Northern', 'Global'): never a short form."""
    return frozenset(lexicon.words("names", "common_first_words"))


def _words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = _TLD.sub("", folded.strip()).replace("’", "'")
    folded = re.sub(r"'s\b", "", folded)
    folded = _INITIALS.sub(lambda m: m.group(0).replace(".", ""), folded)  # "K.K." is one word, "kk"
    folded = folded.replace("a/s", "as")  # the Danish "A/S", one word
    return re.findall(r"[a-z0-9]+", folded.replace("&", " and "))


_INITIALS = re.compile(r"\b(?:[a-z]\.){2,}")


@cache
def _suffixes() -> frozenset[str]:
    """The corporate-form words, without their dots ("inc", "kk", "spa")."""
    return frozenset(s.replace(".", "") for s in lexicon.words("names", "corporate_suffixes"))


@lru_cache(maxsize=1 << 18)  # called for every candidate name of every line; names repeat
def name_key(name: str) -> str:
    """'Lambda Labs' -> 'lambda'; 'Fireworks.ai' -> 'fireworks'; 'Acme Cloud Inc.' -> 'acme cloud'."""
    words = _words(name)
    suffixes = _suffixes()
    while len(words) > 1 and (words[-1] in suffixes or words[-1] == "and" and len(words) < len(_words(name))):
        words.pop()  # "Kanemaru & Co." -> "kanemaru": the "&" of a legal form goes with it
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


@cache
def _legal_forms() -> frozenset[str]:
    return lexicon.words("names", "corporate_suffixes") - lexicon.words("names", "called_suffixes")


def without_legal_form(name: str) -> str:
    """'Kestrevo, Inc.' -> 'Kestrevo'; 'Acme Pte. Ltd.' -> 'Acme'; 'Lambda Labs' and 'Mitsui & Co.' stay."""
    forms = _legal_forms()
    words = name.split()
    while len(words) > 1 and words[-1].lower() in forms:
        words.pop()
    return " ".join(words).rstrip(",")


def investor_key(name: str) -> str:
    """``name_key`` without a trailing investor word: 'Sequoia Capital' -> 'sequoia'."""
    words = name_key(name).split()
    if len(words) > 1 and words[-1] in lexicon.words("names", "investor_suffixes"):
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class Curated:
    """One entry of ``data/entities.toml``: aliases and kinds we know without reading a report."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "org"  # "company" | "investor" | "org" | "person" | "place"
    investor_kind: str | None = None
    parent: str | None = None
    distinct: tuple[str, ...] = ()  # names that must never merge with this one


@cache
def curated() -> tuple[Curated, ...]:
    data = tomllib.loads(resources.files("gpukg").joinpath("data/entities.toml").read_text("utf-8"))
    return tuple(
        Curated(
            name=e["name"],
            aliases=tuple(e.get("aliases", ())),
            kind=e.get("kind", "org"),
            investor_kind=e.get("investor_kind"),
            parent=e.get("parent"),
            distinct=tuple(e.get("distinct", ())),
        )
        for e in data.get("entity", [])
    )


@cache
def _curated_keys() -> frozenset[str]:
    return frozenset(name_key(form) for c in curated() for form in (c.name, *c.aliases))


def is_curated(name: str) -> bool:
    """Whether ``name`` spells an entity of ``data/entities.toml`` ('Google', 'Intel Capital')."""
    return name_key(name) in _curated_keys()


def is_curated_investor(name: str) -> bool:
    """Whether ``name`` spells an entity ``data/entities.toml`` knows as an investor ('Sequoia')."""
    return name_key(name) in _curated_investor_keys()


@cache
def _curated_investor_keys() -> frozenset[str]:
    return frozenset(name_key(form) for c in curated() if c.kind == "investor" for form in (c.name, *c.aliases))


def _variants(name: str) -> set[str]:
    """Surface forms under which a name may appear in running text."""
    out = {name}
    bare = _TLD.sub("", name)
    if bare != name and len(bare) >= 4:
        out.add(bare)
    words = bare.split()
    suffixes = _suffixes() - {"ai", "group", "technologies", "holdings"}
    while len(words) > 1 and words[-1].lower().replace(".", "") in suffixes:
        words = words[:-1]
        if len(" ".join(words)) >= 4:
            out.add(" ".join(words))
    return out


def mentioned(name: str, text: str) -> bool:
    """Whether ``text`` names ``name`` under any of its spellings, as a whole word."""
    return _mention(name).search(text) is not None


@lru_cache(maxsize=8192)  # re's own cache holds 512 patterns: far fewer than a market's names
def _mention(name: str) -> re.Pattern[str]:
    forms = "|".join(re.escape(f) for f in sorted(_variants(name), key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{forms})(?![\w-]|\.\w)")


class Gazetteer:
    """The organization names known while reading, found in text by whole words."""

    def __init__(self, names: set[str] | frozenset[str] = frozenset()) -> None:
        self.names: dict[str, str] = {}  # name key -> a spelling
        forms: dict[str, str] = {}
        entries = [(c.name, c.aliases) for c in curated() if c.kind not in ("person", "place")]
        entries += [(n, ()) for n in sorted(names)]
        for name, aliases in entries:
            key = name_key(name)
            if not key:
                continue
            self.names.setdefault(key, name)
            for form in {name, *aliases}:
                for variant in _variants(form):
                    forms.setdefault(variant, name)
                self.names.setdefault(name_key(form), name)
        self._forms = forms
        self._needs: dict[str, list[tuple[str, tuple[str, ...]]]] = {}  # a key's first word -> (name, its words)
        for name, aliases in entries:
            keys = {name_key(v) for form in (name, *aliases) for v in (form, *_variants(form))}
            for key in keys:
                words = key.split()
                self._needs.setdefault(words[0] if words else "", []).append((name, tuple(words)))
        # One regex alternation of every name costs time in proportion to the number of names at
        # each position of the text (re has no trie), so a large corpus made reading quadratic.
        # Forms are looked up by their first word instead, longest first, as the alternation would.
        self._by_word: dict[str, list[str]] = {}
        longest_first = sorted(forms, key=len, reverse=True)
        for form in longest_first:
            first = _WORD.match(form)
            self._by_word.setdefault(first.group() if first else "", []).append(form)
        self._pattern = None
        self._short: frozenset[str] = frozenset()  # short forms of ``with_short_forms``
        if "" in self._by_word:  # a form opening with punctuation: only the alternation finds it
            alternatives = "|".join(re.escape(f) for f in longest_first)
            self._pattern = re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w-]|\.\w)")

    def with_short_forms(self, text: str) -> tuple[Gazetteer, dict[str, str]]:
        """This gazetteer, plus the first words by which ``text`` calls the names it spells out
        ('Vayu lists ...', 'Sablewood operates ...' in a report that names Vayu GPU Cloud and
        Sablewood Data), as news writing does after a first mention; and those short forms with
        their names. A first word is taken only when no other name found in ``text`` opens with
        it, it is no common word, and ``text`` uses it alone (not before another capitalised word)."""
        firsts: dict[str, set[str]] = {}
        for form, _, _ in self.find(text):
            name = self._forms.get(form, form)
            first = name.split()[0]
            firsts.setdefault(first, set()).add(name_key(name))
        shorts = {}
        # words the text uses by themselves; not one that is also a company of its own ("Aurivon plc"
        # beside "Aurivon Compute": "Aurivon's carve-out" may be either's)
        alone = {m.group(1) for m in _ALONE.finditer(text)} - {m.group(1) for m in _SMALL_FORM.finditer(text)}
        # nor a place the text names as one: "Hangzhou-based Moyun" beside the Hangzhou West Lake Industry Fund,
        # "headquartered in Shenzhen" beside the Shenzhen Nanshan Science Guidance Fund
        if "based" in text or "headquartered" in text:
            alone -= {place for pair in _BASED_IN.findall(text) for place in pair}
        # (not after a company: "formerly at Alibaba Cloud, Hanhai rents ...")
        alone -= {m.group("region") for m in _TOWN_IN.finditer(text)
                  if m.group("town") not in self and not looks_like_org(m.group("town"))}
        for first, keys in firsts.items():
            # the short form itself, known from another reading; unless it is the name's own key ("Sorvik AI")
            keys = keys - {name_key(first)} or {k for k in keys if " " in self.names.get(k, "")}
            if len(keys) > 1:
                keys = self._one_of(keys, text)
            if len(keys) != 1 or len(first) < 4 or not first[0].isupper() or not first.isalpha() \
                    or first.lower() in _common_words() | lexicon.regions() or is_curated(first) \
                    or first not in alone:
                continue
            key = next(iter(keys))
            # "Mubadala" beside "Mubadala Capital": an investor and its arm, or one; resolution tells
            full = self.names[key]
            if len(full.split()) > 1 and (investor_key(full) != name_key(first) or key == name_key(first)):
                shorts[first] = full
        pairs = dict(shorts)
        shorts = {w: n for w, n in shorts.items() if w not in self._forms}  # a known form is found already
        if not shorts:
            return self, pairs
        extended = copy.copy(self)
        extended.names = {**self.names, **{name_key(w): n for w, n in shorts.items() if name_key(w) not in self.names}}
        extended._forms = {**self._forms, **shorts}
        extended._by_word = {**self._by_word, **{w: [*self._by_word.get(w, ()), w] for w in shorts}}
        extended._short = frozenset(shorts)
        if self._pattern is not None:
            alternatives = "|".join(re.escape(f) for f in sorted(extended._forms, key=len, reverse=True))
            extended._pattern = re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w-]|\.\w)")
        return extended, pairs

    def _one_of(self, keys: set[str], text: str) -> set[str]:
        """Of names that share a first word, the one ``text`` gives the others of in brackets after it
        ("Hanhai Suanli (Hanhai Compute)": one company, so "Hanhai" is no longer ambiguous); else all."""
        names = [self.names[k] for k in keys]
        for name in names:
            if all(f"{name} ({other})" in text for other in names if other != name):
                return {name_key(name)}
        return keys

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self.names

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """Known names in ``text``: (the form as written, start, end), left to right."""
        if self._pattern is not None:
            return [(m.group(0), m.start(), m.end()) for m in self._pattern.finditer(text)]
        found = []
        pos = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < pos or (start and text[start - 1] in ".-"):
                continue
            for form in self._by_word.get(word.group(), ()):
                end = start + len(form)
                if text.startswith(form, start) and not _NAME_GOES_ON.match(text, end) \
                        and not (form in self._short and _CAPITAL_AFTER.match(text, end)):
                    found.append((form, start, end))
                    pos = end
                    break
        return found

    def spelled_in(self, text: str) -> frozenset[str]:
        """The known spellings of the names found in ``text``, and the forms it writes them in ("a16z"):
        what a list split must keep whole."""
        return frozenset(spelling for form, _, _ in self.find(text) for spelling in (self.names[name_key(self._forms[form])], form))

    def relevant(self, text: str) -> list[str]:
        """The known names that could change how ``text`` reads: a name is found in a text, or a
        text's name has its key, only if the words of one of its keys stand together in the text.

        Cached extractions of a report stay valid while these are the same (``cache``). Words
        merely present anywhere were not enough: an investor's arm ("Raiax Technologies
        Ventures") then reached every report that said "Technologies" and "Ventures" somewhere."""
        words = _words(text)
        found = {name for name, _ in self._needs.get("", ())}
        for i, word in enumerate(words):
            for name, key in self._needs.get(word, ()):
                if len(key) == 1 or tuple(words[i:i + len(key)]) == key:
                    found.add(name)
        return sorted(found)

    def leading(self, text: str) -> list[str]:
        """Names a sentence opens with: 'Lambda Labs, Together AI experiencing ...' -> both."""
        out = []
        pos = 0
        for form, start, end in self.find(text):
            gap = text[pos:start]
            if gap.strip(" ,") not in ("", "and", "&") or (pos == 0 and start != 0):
                break
            out.append(form)
            pos = end
        return out
