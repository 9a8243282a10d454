"""The loader pipeline: report files -> parsed reports -> records -> RDF graph.

``build`` reads files (the I/O edge) and returns a ``BuildResult``; nothing
here writes. ``dump`` serialises deterministically; ``write_dump`` writes.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph

from . import iris
from .errors import InputError
from .extract import extract
from .iris import GK
from .names import Gazetteer
from .rdf import to_graph
from .records import Extraction, Notice, Report
from .report import parse_report, read_text
from .resolve import Resolved, resolve
from .store import DEFAULT_CORPUS, write_atomic

REPORT_SUFFIXES = (".md", ".markdown", ".txt")


@dataclass(frozen=True)
class BuildResult:
    graph: Graph
    resolved: Resolved
    notices: tuple[Notice, ...]

    @property
    def warnings(self) -> tuple[Notice, ...]:
        return self.notices

    @property
    def failed(self) -> tuple[Notice, ...]:
        """Inputs that could not be read at all."""
        return tuple(n for n in self.notices if n.severity == "error")

    def summary(self) -> dict[str, object]:
        g = self.graph
        count = Counter(o for _, o in g.subject_objects(RDF.type))
        return {
            "documents": len(self.resolved.reports),
            "companies": count[GK.Company],
            "investors": count[GK.Investor],
            "people": count[iris.SCHEMA.Person],
            "places": count[iris.SCHEMA.Place],
            "other organizations": count[iris.SCHEMA.Organization],
            "funding rounds": count[GK.FundingRound],
            "acquisitions": count[GK.Acquisition],
            "observations": count[GK.Observation],
            "backings": count[GK.Backing],
            "roles": count[GK.RoleAssignment],
            "category assignments": count[GK.CategoryAssignment],
            "statements": count[GK.Statement],
            "triples": len(g),
            "loader warnings": len(self.notices) - len(self.failed),
            "unreadable inputs": len(self.failed),
        }


def report_files(paths: list[Path]) -> list[Path]:
    """Files named, and report files in folders named, in a stable order."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def parse_files(paths: list[Path]) -> tuple[list[Report], list[Notice]]:
    reports: list[Report] = []
    notices: list[Notice] = []
    ids: Counter = Counter()
    for path in report_files(paths):
        try:
            text = read_text(path)
        except InputError as exc:
            notices.append(Notice(exc.path, exc.line, str(exc).split(": ", 1)[-1].removeprefix(f"{exc.line}: "), "error"))
            continue
        doc_id = path.stem
        ids[doc_id] += 1
        if ids[doc_id] > 1:  # two reports with one file name in different folders
            doc_id = f"{doc_id}-{ids[doc_id]}"
        reports.append(parse_report(text, path.name, doc_id))
    return reports, notices


def extract_all(reports: list[Report]) -> list[Extraction]:
    """Two passes: the first learns every report's names, the second reads with all of them."""
    first = [extract(r, Gazetteer()) for r in reports]
    names = {name for ex in first for name, kind in ex.kinds if kind in ("company", "investor", "org")}
    known = Gazetteer(names)
    return [extract(r, known) for r in reports]


def build(paths: list[Path] | None = None) -> BuildResult:
    """Build the graph from report files or folders (the bundled corpus when none is given)."""
    reports, notices = parse_files(list(paths) if paths else [DEFAULT_CORPUS])
    if not reports:
        reason = "; ".join(str(n) for n in notices) or "no report files (.md, .txt) found"
        raise InputError(", ".join(map(str, paths or [DEFAULT_CORPUS])), f"nothing could be read: {reason}")
    extractions = extract_all(reports)
    resolved = resolve(extractions)
    return BuildResult(to_graph(resolved), resolved, tuple(notices) + resolved.notices)


def dump(graph: Graph, fmt: str = "turtle") -> bytes:
    """Serialise so that the same graph always gives the same bytes."""
    if fmt == "nt":
        lines = graph.serialize(format="nt").splitlines()
        return ("\n".join(sorted(set(line for line in lines if line.strip()))) + "\n").encode()
    rdflib_format = {"turtle": "turtle", "jsonld": "json-ld", "trig": "trig"}[fmt]
    if fmt == "jsonld":
        return graph.serialize(format=rdflib_format, sort_keys=True, indent=1).encode()
    return graph.serialize(format=rdflib_format).encode()


@dataclass(frozen=True)
class BuildRun:
    """What ``gpukg build`` did: the build, its validation (None when skipped), the headline."""

    result: BuildResult
    validation: object | None  # validate.Report
    headline: str
    written: Path | None


def build_and_write(paths: list[Path] | None, out: Path | None, fmt: str = "turtle", *,
                    check: bool = True, force: bool = False) -> BuildRun:
    """Build, validate (a violation keeps the old dump unless ``force``), write, and answer the headline question."""
    from .validate import check_built

    result = build(paths)
    validation = check_built(result.graph, force=force) if check else None
    if out is not None:
        write_dump(result, out, fmt)
    return BuildRun(result, validation, headline(result.graph), out)


def headline(graph: Graph) -> str:
    """The question users ask first: which investors back several neoclouds."""
    from .queries import load_query, run_query

    answer = run_query(load_query("investors-backing-multiple-neoclouds"), graph)
    backed: dict[str, set[str]] = {}
    for row in answer.rows:
        values = dict(zip(answer.vars, row))
        backed.setdefault(str(values["investor"]), set()).add(str(values["neocloud"]))
    if not backed:
        return "no investor backs two or more neoclouds in these reports"
    return "investors backing two or more neoclouds: " + "; ".join(
        f"{investor} ({', '.join(sorted(companies))})" for investor, companies in sorted(backed.items()))


def write_dump(result: BuildResult, out: Path, fmt: str = "turtle") -> None:
    """Write the dump, and beside a default-location Turtle dump its VoID description."""
    from .void import describe

    write_atomic(out, dump(result.graph, fmt))
    write_atomic(out.with_name(out.stem + ".void.ttl"), dump(describe(result, out.name), "turtle"))
