"""The ``gpukg`` command: a thin layer over the library.

Each command parses its options, calls one library function and prints. A
``GpukgError`` becomes one line on stderr and its exit status, never a traceback.
"""
from __future__ import annotations

import argparse
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
    p.set_defaults(run=_run_build)


def _run_build(args: argparse.Namespace) -> int:
    from .build import build, dump, write_dump
    from .store import DEFAULT_DUMP

    result = build(args.paths or None)
    for notice in result.notices:
        print(notice, file=sys.stderr)
    out = args.out or (None if args.paths else DEFAULT_DUMP)
    if out is None:
        sys.stdout.buffer.write(dump(result.graph, args.format))
    else:
        write_dump(result, out, args.format)
    summary = result.summary()
    width = max(map(len, summary))
    print("\n".join(f"{k:<{width}}  {v}" for k, v in summary.items()), file=sys.stderr if out is None else sys.stdout)
    if out is not None:
        print(f"wrote {out}")
    if result.failed:
        print(f"gpukg: {len(result.failed)} input(s) could not be read; the graph holds the others", file=sys.stderr)
        return 2
    return 0


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
    p.set_defaults(run=_run_network)


def _run_network(args: argparse.Namespace) -> int:
    from .netexport import export_network

    run = export_network(kind=args.kind, fmt=args.format, out=args.out, graphs=args.graph,
                         category=args.category, since=args.since, until=args.until,
                         leads_only=args.leads_only, top=args.top)
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


# --- registry ----------------------------------------------------------------
# Each command module adds one ``_add_<name>`` function above and one entry here.
COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_build,
    _add_network,
    _add_synth,
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
        return args.run(args)
    except GpukgError as exc:
        print(f"gpukg: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("gpukg: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
