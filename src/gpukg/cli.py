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
    from .build import build_command

    return build_command(args)


# --- registry ----------------------------------------------------------------
# Each command module adds one ``_add_<name>`` function above and one entry here.
COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_build,
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
