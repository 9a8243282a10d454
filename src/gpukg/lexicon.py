"""The phrase lists of ``data/lexicon.toml``, and matching text against them."""
from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from .memo import per_text


@cache
def lexicon() -> dict:
    return tomllib.loads(resources.files("gpukg").joinpath("data/lexicon.toml").read_text("utf-8"))


@cache
def _pattern(group: str) -> tuple[re.Pattern, dict[str, str]]:
    table = lexicon()[group]
    owner = {phrase.lower(): key for key, phrases in table.items() for phrase in phrases}
    alternatives = "|".join(re.escape(p) for p in sorted(owner, key=len, reverse=True))
    # An optional plural ending: "GPU Marketplaces" names the gpu-marketplace category too.
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:e?s)?(?![\w-])", re.I), owner


def find(group: str, text: str) -> list[tuple[str, int, int]]:
    """Every phrase of ``group`` in ``text`` as (key, start, end), longest phrases first."""
    return list(_found(group, text))


@per_text(maxsize=8192)  # a sentence is asked about one group by several readers
def _found(group: str, text: str) -> tuple[tuple[str, int, int], ...]:
    pattern, owner = _pattern(group)
    return tuple((_owner(owner, m.group(0)), m.start(), m.end()) for m in pattern.finditer(text))


def _owner(owner: dict[str, str], phrase: str) -> str:
    phrase = phrase.lower()
    if phrase in owner:
        return owner[phrase]
    for ending in ("es", "s"):
        if phrase.endswith(ending) and phrase[: -len(ending)] in owner:
            return owner[phrase[: -len(ending)]]
    raise KeyError(phrase)


def first(group: str, text: str) -> str | None:
    hits = find(group, text)
    return hits[0][0] if hits else None


def exact(group: str, text: str) -> str | None:
    """The key whose phrase is the whole of ``text`` (ignoring case and edge punctuation)."""
    _, owner = _pattern(group)
    return owner.get(text.strip(" .:*").lower())


@cache
def words(section: str, name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()[section][name])


@cache
def regions() -> frozenset[str]:
    """Regions and countries, in lower case: the second part of 'Toronto, Canada', the place of 'Singapore's X'."""
    return words("places", "regions") | words("places", "countries")
