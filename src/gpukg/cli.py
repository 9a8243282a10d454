"""The ``gpukg`` command: a thin layer over the library.

Each command parses its options, calls one library function and prints. A
``GpukgError`` becomes one line on stderr and its exit status, never a traceback.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import GpukgError

Runner = Callable[[argparse.Namespace], int]


def _command(sub: argparse._SubParsersAction, name: str, help: str, example: str) -> argparse.ArgumentParser:
    """A sub-command whose help ends with an example, as every command's does."""
    return sub.add_parser(
        name,
        help=help,
        description=help,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _out_option(parser: argparse.ArgumentParser, help: str = "write here instead of standard output") -> None:
    parser.add_argument("--out", "-o", type=Path, metavar="PATH", help=help)


# --- build -------------------------------------------------------------------

def _add_build(sub: argparse._SubParsersAction) -> None:
    p = _command(sub, "build", "Build the knowledge graph from report files.",
                 "gpukg build corpus/ --out /tmp/market.ttl")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="report files or folders of .md/.txt reports (default: the bundled corpus/)")
    _out_option(p, "where to write the dump (default: graph/gpu-market.ttl when no PATH is given, else stdout)")
    p.add_argument("--format", "-f", default="turtle", choices=["turtle", "nt", "jsonld", "trig"])
    p.add_argument("--no-validate", action="store_true", help="skip SHACL validation of the built graph")
    p.add_argument("--force", action="store_true", help="write the dump even when validation finds violations")
    p.add_argument("--engine", choices=["oxigraph", "rdflib"], default="oxigraph",
                   help="where the graph is built, validated and serialised: embedded Oxigraph (fast, the "
                        "default) or rdflib's memory store with pySHACL (the reference)")
    p.add_argument("--cache", type=Path, metavar="DIR",
                   help="keep each report's readings here, so a rebuild re-reads only the reports that "
                        "changed (default: $XDG_CACHE_HOME/gpukg or ~/.cache/gpukg)")
    p.add_argument("--no-cache", action="store_true", help="read every report afresh and keep nothing")
    p.add_argument("--jobs", "-j", type=_count, metavar="N",
                   help="worker processes for reading reports (default: one per core for large corpora)")
    p.set_defaults(run=_run_build)


def _run_build(args: argparse.Namespace) -> int:
    from .build import build_and_write, dump
    from .cache import ReadingCache
    from .progress import Progress
    from .store import DEFAULT_DUMP
    from .validate import summary as validation_summary

    out = args.out or (None if args.paths else DEFAULT_DUMP)
    cache = None if args.no_cache else ReadingCache(args.cache)
    with Progress("reading reports") as bar:
        run = build_and_write(args.paths or None, out, args.format, check=not args.no_validate, force=args.force,
                              engine=args.engine, cache=cache, jobs=args.jobs, on_progress=bar.callback)
    for notice in run.result.notices:
        print(notice, file=sys.stderr)
    if out is None:
        sys.stdout.buffer.write(dump(run.result.data, args.format))
    log = sys.stdout if out is not None else sys.stderr
    summary = run.result.summary()
    width = max(map(len, summary))
    print("\n".join(f"{k:<{width}}  {v}" for k, v in summary.items()), file=log)
    if run.validation is not None:
        print(validation_summary(run.validation), file=log)
    print(run.headline, file=log)
    if out is not None:
        print(f"wrote {out}", file=log)
    if run.result.failed:
        print(f"gpukg: {len(run.result.failed)} input(s) could not be read; the graph holds the others", file=sys.stderr)
        return 2
    return 0


# --- validate ----------------------------------------------------------------

def _add_validate(sub: argparse._SubParsersAction) -> None:
    p = _command(sub, "validate", "Check a graph against the gpukg SHACL shapes: violations (exit 1) "
                 "and the conflict report of warnings (exit 0), each with the report line to fix.",
                 "gpukg validate graph/gpu-market.ttl --format json")
    p.add_argument("graphs", nargs="*", type=Path, metavar="GRAPH",
                   help="graph files to validate together (default: graph/gpu-market.ttl)")
    p.add_argument("--shapes", type=Path, metavar="FILE", help="SHACL shapes file (default: ontology/shapes.ttl)")
    p.add_argument("--format", "-f", default="text", choices=["text", "turtle", "json"],
                   help="text for people, turtle for a standard sh:ValidationReport, json for programs (default: text)")
    p.add_argument("--engine", choices=["sparql", "pyshacl"], default="sparql",
                   help="sparql: the shapes compiled to SPARQL on Oxigraph (fast, the default); "
                        "pyshacl: the reference engine (same results, slow on large graphs)")
    p.set_defaults(run=_run_validate)


def _run_validate(args: argparse.Namespace) -> int:
    from .validate import format_report, validate_files

    report = validate_files(args.graphs or None, args.shapes, engine=args.engine)
    sys.stdout.write(format_report(report, args.format))
    return 0 if report.conforms else 1


# --- network -----------------------------------------------------------------

def _add_network(sub: argparse._SubParsersAction) -> None:
    p = _command(sub, "network", "Investor, co-investment or acquisition network: a ranked table of "
                 "metrics, or an export for Gephi, pandas, D3, a picture or a web page.",
                 "gpukg network --category neocloud --format graphml --out /tmp/neocloud-investors.graphml")
    p.add_argument("--kind", "-k", default="investors", choices=["investors", "co-investment", "acquisitions"],
                   help="which network (default: investors)")
    p.add_argument("--format", "-f", choices=["graphml", "gexf", "csv", "json", "png", "svg", "html"],
                   help="export format (default: from the --out suffix; neither: print the ranked table)")
    _out_option(p, "write the export here (csv writes PATH-nodes.csv and PATH-edges.csv); "
                   "without it, text formats go to standard output")
    p.add_argument("--graph", "-g", type=Path, action="append", metavar="FILE",
                   help="graph file to read, repeatable (default: graph/gpu-market.ttl)")
    p.add_argument("--category", "-c", metavar="SLUG",
                   help="only companies in this category (e.g. neocloud); acquisitions: either side")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only facts whose period ends on or after this day")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only facts whose period starts on or before this day")
    p.add_argument("--leads-only", action="store_true", help="only lead investors (not participants or backers)")
    p.add_argument("--top", type=int, metavar="N", help="print only the first N rows of the table")
    p.add_argument("--engine", choices=["oxigraph", "rdflib"], default="oxigraph",
                   help="SPARQL engine that reads the graph (default: oxigraph, the fast one)")
    p.set_defaults(run=_run_network)


def _run_network(args: argparse.Namespace) -> int:
    from .netexport import export_network

    run = export_network(kind=args.kind, fmt=args.format, out=args.out, graphs=args.graph,
                         category=args.category, since=args.since, until=args.until,
                         leads_only=args.leads_only, top=args.top, engine=args.engine)
    sys.stdout.write(run.text)
    for path in run.written:
        print(f"gpukg: wrote {path}", file=sys.stderr)
    return 0


# --- synth -------------------------------------------------------------------

def _count(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _add_synth(sub: argparse._SubParsersAction) -> None:
    p = _command(sub, "synth", "Write a synthetic corpus: profile and trend reports about N invented "
                 "companies, the same family as corpus/, the same bytes for the same seed, with the "
                 "ground truth in DIR/synth-manifest.json.",
                 "gpukg synth --companies 1000 --seed 1 --out /tmp/synth-1k && gpukg build /tmp/synth-1k -o /tmp/1k.ttl")
    p.add_argument("--companies", "-n", type=_count, required=True, metavar="N", help="how many companies to invent")
    p.add_argument("--seed", type=int, default=0, help="the seed (default: 0)")
    p.add_argument("--out", "-o", type=Path, required=True, metavar="DIR",
                   help="folder to write (created; refused if it holds reports synth did not write)")
    p.set_defaults(run=_run_synth)


def _run_synth(args: argparse.Namespace) -> int:
    from .progress import Progress
    from .synth import write_corpus

    with Progress("synth") as bar:
        manifest = write_corpus(args.out, args.companies, args.seed, bar.callback)
    counts = manifest["counts"]
    print(f"wrote {len(manifest['files'])} reports ({manifest['bytes'] / 1e6:.1f} MB) to {args.out}: "
          f"{counts['companies']:,} companies, {counts['rounds']:,} rounds, {counts['investors']:,} investors, "
          f"{counts['acquisitions']:,} acquisitions; ground truth in synth-manifest.json")
    return 0


# --- publish -----------------------------------------------------------------

def _seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, not {text}")
    return value


def _add_publish(sub: argparse._SubParsersAction) -> None:
    p = _command(sub, "publish", "Replace a named graph on a SPARQL 1.1 server with the built graph "
                 "(Graph Store Protocol; readers see the old graph or the new one, never half).",
                 "gpukg publish --endpoint http://127.0.0.1:7878/query")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="the server's query URL (Oxigraph: .../query, Virtuoso: .../sparql)")
    p.add_argument("--graph", default=None, metavar="IRI", help="the named graph to replace "
                   "(default: https://w3id.org/gpukg/graph/gpu-market)")
    p.add_argument("--file", type=Path, default=None, metavar="PATH",
                   help="graph file to publish (default: graph/gpu-market.ttl)")
    p.add_argument("--user", help="account for servers that need one (Virtuoso: digest authentication)")
    p.add_argument("--password", help="its password (default: $GPUKG_PASSWORD)")
    p.add_argument("--server", choices=["oxigraph", "virtuoso", "generic"],
                   help="the kind of server (default: guessed from the URL path)")
    p.add_argument("--store-url", metavar="URL", help="Graph Store endpoint, if not the server's usual one")
    p.add_argument("--update-url", metavar="URL", help="SPARQL Update endpoint, if not the server's usual one")
    p.add_argument("--batch-triples", type=_count, default=None, metavar="N",
                   help="triples per request for large graphs (default: 50000)")
    p.add_argument("--timeout", type=_seconds, default=120.0, metavar="SECONDS",
                   help="how long to wait for each answer (default: 120)")
    p.set_defaults(run=_run_publish)


def _run_publish(args: argparse.Namespace) -> int:
    import os

    from .endpoint import DEFAULT_GRAPH, publish_file
    from .store import DEFAULT_DUMP

    result = publish_file(
        args.file or DEFAULT_DUMP, args.endpoint, args.graph or DEFAULT_GRAPH,
        user=args.user, password=args.password or os.environ.get("GPUKG_PASSWORD"),
        timeout=args.timeout, batch_triples=args.batch_triples, kind=args.server,
        store_url=args.store_url, update_url=args.update_url,
    )
    print(result.summary())
    return 0


# --- serve -------------------------------------------------------------------

def _port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be between 0 and 65535, not {value}")
    return value


def _add_serve(sub: argparse._SubParsersAction) -> None:
    p = _command(sub, "serve", "Serve the built graph as a local, read-only SPARQL 1.1 endpoint "
                 "(/sparql) with a page to write and run queries (/).",
                 "gpukg serve --port 8000   # then open http://127.0.0.1:8000/")
    p.add_argument("graphs", nargs="*", type=Path, metavar="PATH",
                   help="graph files to serve (default: graph/gpu-market.ttl)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=_port, default=8000, help="port to listen on (default: 8000; 0 picks a free one)")
    p.set_defaults(run=_run_serve)


def _run_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    serve(args.graphs or None, args.host, args.port)
    return 0


# --- query -------------------------------------------------------------------

def _add_query(sub: argparse._SubParsersAction) -> None:
    p = _command(sub, "query", "Run a saved SPARQL query of the catalogue (queries/*.rq), or your own, "
                 "on the built graph or on a SPARQL endpoint.",
                 "gpukg query investor-portfolio --param investor=NVIDIA --format csv")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("name", nargs="?", metavar="NAME", help="a saved query (see --list)")
    which.add_argument("--list", "-l", action="store_true", help="list the saved queries with their summaries")
    which.add_argument("--file", type=Path, metavar="PATH", help="run the query in this .rq file instead")
    p.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter of the query, repeatable (bound as a typed RDF term, never pasted in)")
    p.add_argument("--format", "-f", default="table", choices=["table", "csv", "tsv", "json", "markdown"],
                   help="table and markdown are for people; csv, tsv and json are the SPARQL 1.1 "
                        "results formats, with exact values (default: table)")
    p.add_argument("--graph", "-g", type=Path, nargs="+", action="extend", metavar="FILE",
                   help="graph files to query (default: graph/gpu-market.ttl); the concept schemes are added")
    p.add_argument("--endpoint", metavar="URL", help="run on this SPARQL endpoint instead of in-process")
    p.add_argument("--engine", choices=["oxigraph", "rdflib"], default="oxigraph",
                   help="in-process SPARQL engine: oxigraph (embedded, fast) or rdflib (the reference); "
                        "both print the same answer (default: oxigraph)")
    _out_option(p)
    p.set_defaults(run=_run_query)


def _run_query(args: argparse.Namespace) -> int:
    from .queries import answer, catalogue_text, parse_assignments
    from .store import write_atomic

    if args.list:
        text = catalogue_text(args.format)
    else:
        text = answer(args.file or args.name, parse_assignments(args.param), args.format, args.graph, args.endpoint,
                      args.engine)
    if args.out:
        write_atomic(args.out, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


# --- registry ----------------------------------------------------------------
# Each command module adds one ``_add_<name>`` function above and one entry here.
COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_build,
    _add_validate,
    _add_network,
    _add_synth,
    _add_publish,
    _add_serve,
    _add_query,
]


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gpukg",
        description="A validated RDF knowledge graph of the GPU-infrastructure market.",
        epilog="example:\n  gpukg build && gpukg query investors-backing-multiple-neoclouds",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        code = args.run(args)
        sys.stdout.flush()  # a reader gone away shows here, in the handler below, not as Python exits
        return code
    except GpukgError as exc:
        print(f"gpukg: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("gpukg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # whoever read the output stopped ("gpukg build corpus/ | head"): no error of ours, so no traceback,
        # and nothing more written when Python flushes standard output on the way out
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # as a process killed by SIGPIPE


if __name__ == "__main__":
    sys.exit(main())
