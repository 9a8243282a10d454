"""The one place where gpukg IRIs are minted.

Entity IRIs come from canonical keys (see ``resolve``), never from the order
in which things were read, so the same inputs always give the same IRIs.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Namespace as _RdflibNamespace
from rdflib import URIRef


class Namespace(_RdflibNamespace):
    """rdflib's Namespace, keeping the terms it makes: rdflib checks and builds a new URIRef on
    every ``GK.Company``, which was a tenth of the time of building a large graph."""

    @lru_cache(maxsize=4096)
    def term(self, name: str) -> URIRef:
        return super().term(name)

    def __getattr__(self, name: str) -> URIRef:
        # Kept as an attribute, so the next ``GK.Company`` is a plain lookup that never reaches here:
        # even through the cache above, a million calls cost a second of a million-triple build.
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


@lru_cache(maxsize=1 << 12)
def is_absolute(url: str) -> bool:
    """Whether ``url`` can stand as an IRI in the graph (a relative link like ``notes.md`` cannot).

    Oxigraph's own IRI parser decides, the one that loads the graph: a pattern let through
    ``https://x.com/%zz`` (a bad percent escape), which then failed the whole build."""
    try:
        ox.NamedNode(url)
    except ValueError:
        return False
    return True


BASE = "https://w3id.org/gpukg/"
GK = Namespace(BASE + "ontology#")
# Nodes of the data are mostly minted once each: remembering them would only cost.
ID = _RdflibNamespace(BASE + "id/")
CONCEPT = _RdflibNamespace(BASE + "concept/")
GRAPH = URIRef(BASE + "graph/gpu-market")

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
TIME = Namespace("http://www.w3.org/2006/time#")
VOID = Namespace("http://rdfs.org/ns/void#")
VANN = Namespace("http://purl.org/vocab/vann/")

PREFIXES = {
    "gk": GK,
    "gkid": ID,
    "concept": CONCEPT,
    "schema": SCHEMA,
    "org": ORG,
    "prov": PROV,
    "time": TIME,
    "void": VOID,
    "vann": VANN,
}


@lru_cache(maxsize=1 << 16)  # document ids and entity keys are slugged again for every triple
def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated; '' for text with no letters or digits."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def digest(*parts: object) -> str:
    """Short, stable hash of the parts: distinguishes facts that share a readable prefix."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode()).hexdigest()[:10]


@lru_cache(maxsize=1 << 16)  # the same organizations and concepts recur in every report
def entity(kind: str, key: str) -> URIRef:
    """An organization, person or place: ``id/org/coreweave``."""
    return ID[f"{kind}/{slug(key)}"]


@lru_cache(maxsize=1 << 14)
def concept(scheme: str, label: str) -> URIRef:
    """A SKOS concept in one of gpukg's schemes: ``concept/metric/revenue``."""
    return CONCEPT[f"{scheme}/{slug(label)}"]


def scheme(name: str) -> URIRef:
    return CONCEPT[name]


def document(doc_id: str) -> URIRef:
    return ID[f"doc/{slug(doc_id)}"]


def statement(doc_id: str, line: int, index: int = 0) -> URIRef:
    suffix = f"-{index}" if index else ""
    return ID[f"statement/{slug(doc_id)}/L{line}{suffix}"]


def fact(kind: str, readable: str, *identity: object) -> URIRef:
    """A fact node; ``identity`` decides when two statements state the same fact."""
    return ID[f"{kind}/{slug(readable)}-{digest(*identity)}"]


def part(node: URIRef, name: str) -> URIRef:
    """A node that belongs to another, such as a round's amount: ``...#amount``."""
    return URIRef(f"{node}#{name}")
