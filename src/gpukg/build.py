"""The loader pipeline: report files -> parsed reports -> records -> RDF graph.

``build`` reads files (the I/O edge, in ``corpus``) and returns a ``BuildResult``;
nothing here writes but ``build_and_write`` (its dump, staged beside ``out`` while it validates) and
``write_dump``. ``dump`` serialises deterministically, ``dump_files`` makes the files a build writes.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import RDF, Graph

from . import iris, oxstore
from .cache import ReadingCache
from .corpus import read_all, read_files
from .errors import InputError
from .iris import GK
from .memory import collector_paused
from .rdf import load_ntriples, to_graph, to_ntriples
from .records import Notice
from .resolve import Resolved, resolve
from .store import DEFAULT_CORPUS, staged, write_atomic

ENGINES = ("oxigraph", "rdflib")
# From this many records on, the N-Triples are made in two processes (``rdf.to_ntriples``): at 1,000
# companies (38,059 records) two gained nothing (0.87 to 1.03 s either way), at 4,000 they take 4.1 s against 5.5.
FORK_RECORDS = 50_000
_COUNTS = {"companies": GK.Company, "investors": GK.Investor, "people": iris.SCHEMA.Person,
           "places": iris.SCHEMA.Place, "other organizations": iris.SCHEMA.Organization,
           "funding rounds": GK.FundingRound, "acquisitions": GK.Acquisition, "observations": GK.Observation,
           "backings": GK.Backing, "roles": GK.RoleAssignment, "category assignments": GK.CategoryAssignment,
           "statements": GK.Statement}


@dataclass(frozen=True)
class BuildResult:
    """A built graph. ``engine`` says where it lives: an embedded Oxigraph ``store`` (the fast
    path) or rdflib's memory ``graph`` (the plain pipeline); either is made on first use from
    the same triples (``rdf.emit``), so both always hold the same graph."""

    resolved: Resolved
    notices: tuple[Notice, ...]
    engine: str = "oxigraph"

    @cached_property
    def ntriples(self) -> bytes:
        """The fast path's graph as sorted N-Triples (``rdf.to_ntriples``): what its store loads and its dump is made of."""
        resolved = self.resolved
        records = len(resolved.statements) + len(resolved.facts) + len(resolved.entities)
        with collector_paused():
            return to_ntriples(resolved, processes=2 if records >= FORK_RECORDS else 1)

    @cached_property
    def store(self) -> ox.Store:
        return load_ntriples(self.ntriples)

    @cached_property
    def graph(self) -> Graph:
        with collector_paused():
            return to_graph(self.resolved)

    @property
    def data(self) -> ox.Store | Graph:
        """The graph on this result's engine: what validation, queries and dumps use."""
        return self.store if self.engine == "oxigraph" else self.graph

    @property
    def warnings(self) -> tuple[Notice, ...]:
        return self.notices

    @property
    def failed(self) -> tuple[Notice, ...]:
        """Inputs that could not be read at all."""
        return tuple(n for n in self.notices if n.severity == "error")

    def class_counts(self) -> Counter:
        """How many nodes each class has, counted on this result's engine."""
        if self.engine == "oxigraph":
            rows = self.store.query("SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
            return Counter({oxstore.from_ox(row["c"]): int(row["n"].value) for row in rows})
        return Counter(o for _, o in self.graph.subject_objects(RDF.type))

    def summary(self) -> dict[str, object]:
        count = self.class_counts()
        return {
            "documents": len(self.resolved.reports),
            **{name: count[cls] for name, cls in _COUNTS.items()},
            "triples": len(self.data),
            "loader warnings": len(self.notices) - len(self.failed),
            "unreadable inputs": len(self.failed),
        }


def build(paths: list[Path] | None = None, *, engine: str = "oxigraph", cache: ReadingCache | None = None,
          jobs: int | None = None, on_progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Build the graph from report files or folders (the bundled corpus when none is given).

    ``engine`` picks where the graph lives ("oxigraph", the fast path, or "rdflib");
    ``cache`` keeps each report's readings so a rebuild re-reads only what changed."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    docs, notices = read_files(list(paths) if paths else [DEFAULT_CORPUS])
    if not docs:
        reason = "; ".join(str(n) for n in notices) or "no report files (.md, .txt) found"
        raise InputError(", ".join(map(str, paths or [DEFAULT_CORPUS])), f"nothing could be read: {reason}")
    extractions = read_all(docs, cache, jobs, on_progress)
    with collector_paused():
        resolved = resolve(extractions)
    return BuildResult(resolved, tuple(notices) + resolved.notices, engine)


def dump(data: Graph | ox.Store, fmt: str = "turtle") -> bytes:
    """Serialise so that the same graph always gives the same bytes (on either engine)."""
    if isinstance(data, ox.Store):
        return oxstore.serialize_sorted(data, fmt)
    if fmt == "nt":
        lines = data.serialize(format="nt").splitlines()
        return ("\n".join(sorted(set(line for line in lines if line.strip()))) + "\n").encode()
    rdflib_format = {"turtle": "turtle", "jsonld": "json-ld", "trig": "trig"}[fmt]
    if fmt == "jsonld":
        return data.serialize(format=rdflib_format, sort_keys=True, indent=1).encode()
    return data.serialize(format=rdflib_format).encode()


@dataclass(frozen=True)
class BuildRun:
    """What ``gpukg build`` did: the build, its validation (None when skipped), the headline."""

    result: BuildResult
    validation: object | None  # validate.Report
    headline: str
    written: Path | None


def build_and_write(paths: list[Path] | None, out: Path | None, fmt: str = "turtle", *,
                    check: bool = True, force: bool = False, engine: str = "oxigraph",
                    cache: ReadingCache | None = None, jobs: int | None = None,
                    on_progress: Callable[[int, int], None] | None = None) -> BuildRun:
    """Build, validate (a violation keeps the old dump unless ``force``), write, and answer the headline question."""
    from .validate import check_built, prepare

    validator = "sparql" if engine == "oxigraph" else "pyshacl"
    result = build(paths, engine=engine, cache=cache, jobs=jobs, on_progress=on_progress)
    data = result.data  # made here, once, before two threads read it
    # The plain pipeline validates with pySHACL, the reference; the fast path with the shapes run as SPARQL.
    validate = (lambda: check_built(data, force=force, engine=validator)) if check else (lambda: None)
    if out is None:
        return BuildRun(result, validate(), headline(data), None)
    if engine == "oxigraph":
        # Validating leaves a core idle part of the time, and serialising the dump happens mostly in Oxigraph
        # outside Python's lock: the dump is made meanwhile, from what was read of the store before validation
        # adds its ontology to it (1M triples: 9.3 to 9.7 s for both, against 10.2 to 11.2 s one after the
        # other). It goes straight into a temporary file beside ``out``, never held whole (180 MB less at
        # the peak at 10,000 companies), which replaces ``out`` only if validation passes. Before that, the
        # shapes are compiled (0.1 s of Python) while Oxigraph counts the graph for its VoID description
        # (2.2 s at 2.6M triples).
        with ThreadPoolExecutor(1) as pool:
            prepared = pool.submit(prepare_dump, result, out, fmt)
            if check:
                prepare(validator)
            files, write = prepared.result()
            with staged(out) as handle:
                made = pool.submit(write, handle)
                validation = validate()
                made.result()
    else:  # rdflib's serializer and pySHACL both hold the lock: nothing to gain
        validation = validate()
        files = dump_files(result, out, fmt)
    write_dump(files)
    return BuildRun(result, validation, headline(data), out)


def headline(data: Graph | ox.Store, shown: int = 5) -> str:
    """The question users ask first: which investors back several neoclouds (the ``shown`` who back most)."""
    from .queries import load_query, run_query

    answer = run_query(load_query("investors-backing-multiple-neoclouds"), data)
    backed: dict[str, set[str]] = {}
    for row in answer.rows:
        values = dict(zip(answer.vars, row))
        backed.setdefault(str(values["investor"]), set()).add(str(values["neocloud"]))
    if not backed:
        return "no investor backs two or more neoclouds in these reports"
    ranked = sorted(backed.items(), key=lambda item: (-len(item[1]), item[0]))
    text = "; ".join(f"{investor} ({_listed(companies, shown)})" for investor, companies in ranked[:shown])
    if len(ranked) > shown:
        text += f"; and {len(ranked) - shown} more (gpukg query investors-backing-multiple-neoclouds)"
    return "investors backing two or more neoclouds: " + text


def _listed(names: set[str], shown: int) -> str:
    ordered = sorted(names)
    return ", ".join(ordered[:shown]) + (f" and {len(ordered) - shown} more" if len(ordered) > shown else "")


def dump_files(result: BuildResult, out: Path, fmt: str = "turtle") -> dict[Path, bytes]:
    """The dump to write at ``out``, and beside it its VoID description: each path with its bytes."""
    described, write = prepare_dump(result, out, fmt)
    made = BytesIO()
    write(made)
    return {out: made.getvalue(), **described}


def prepare_dump(result: BuildResult, out: Path, fmt: str = "turtle") -> tuple[dict[Path, bytes], Callable[[BinaryIO], None]]:
    """Read what ``dump_files`` needs of the graph now: the VoID description's file, and a function that
    writes the dump to a file open for writing and reading back without touching the graph again, so
    it may run while something else changes the store."""
    from .void import describe

    described = {out.with_name(out.stem + ".void.ttl"): dump(describe(result, out.name), "turtle")}
    if result.engine == "oxigraph" and not oxstore.FORMATS[fmt].supports_datasets:
        ntriples = result.ntriples
        return described, lambda output: oxstore.write_ntriples(ntriples, output, fmt)
    data = dump(result.data, fmt)

    def write(output: BinaryIO) -> None:
        output.write(data)

    return described, write


def write_dump(files: dict[Path, bytes]) -> None:
    """Write each file of ``dump_files`` whole or not at all."""
    for path, data in files.items():
        write_atomic(path, data)
