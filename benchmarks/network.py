"""Timings of ``gpukg network`` on both engines: parse, build, export.

    python benchmarks/network.py /tmp/big/syn1k.ttl /tmp/big/syn10k.ttl [--engines oxigraph,rdflib]
                                 [--kinds investors] [--pictures] [--json results.json]

For each graph file and engine, one fresh child process (so runs share no
memory or caches) measures, in wall-clock seconds:

- parse: reading the file plus ``ontology/concepts.ttl`` (``netexport.read_source``:
  ``rdflib.Graph.parse`` or ``pyoxigraph.Store.bulk_load``);
- build: the network builder, SPARQL reading and metrics together, then the
  share of it spent on metrics (``netmetrics.measure`` run again on the result);
- one export per format (GraphML, GEXF, CSV, node-link JSON; PNG with ``--pictures``),
  written to a temporary folder, and a check that both engines wrote the same bytes.

Peak memory is the child's ``ru_maxrss`` (interpreter, graph and network).
This is a measurement script, not a test: figures depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ("graphml", "gexf", "csv", "json")


def child(path: Path, engine: str, kind: str, pictures: bool) -> dict:
    from gpukg import netmetrics
    from gpukg.netexport import read_source, write_network
    from gpukg.network import NETWORKS

    result: dict = {"graph": str(path), "engine": engine, "kind": kind}
    start = time.perf_counter()
    source = read_source([path], engine)
    result["parse_s"] = time.perf_counter() - start
    start = time.perf_counter()
    G = NETWORKS[kind](source)
    result["build_s"] = time.perf_counter() - start
    result["nodes"], result["links"] = G.number_of_nodes(), G.number_of_edges()
    start = time.perf_counter()
    netmetrics.measure(G.to_undirected(as_view=True) if G.is_directed() else G)
    result["metrics_s"] = time.perf_counter() - start
    digest = hashlib.sha256()
    with tempfile.TemporaryDirectory() as folder:
        for fmt in FORMATS + (("png",) if pictures else ()):
            start = time.perf_counter()
            written = write_network(G, fmt, Path(folder) / f"{kind}.{fmt}")
            result[f"{fmt}_s"] = time.perf_counter() - start
            for file in written:
                digest.update(file.read_bytes())
    result["exports_sha256"] = digest.hexdigest()
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graphs", nargs="+", type=Path)
    parser.add_argument("--engines", default="oxigraph,rdflib")
    parser.add_argument("--kinds", default="investors")
    parser.add_argument("--pictures", action="store_true", help="also draw a PNG (slow on large networks)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--child", nargs=3, metavar=("GRAPH", "ENGINE", "KIND"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        path, engine, kind = args.child
        print(json.dumps(child(Path(path), engine, kind, args.pictures)))
        return 0
    results = []
    for path in args.graphs:
        for kind in args.kinds.split(","):
            for engine in args.engines.split(","):
                command = [sys.executable, __file__, str(path), "--child", str(path), engine, kind]
                command += ["--pictures"] if args.pictures else []
                proc = subprocess.run(command, capture_output=True, text=True)
                if proc.returncode:
                    raise SystemExit(f"{path} on {engine} failed:\n{proc.stderr[-3000:]}")
                results.append(json.loads(proc.stdout.splitlines()[-1]))
                print(row(results[-1]), flush=True)
    print()
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


COLUMNS = ["graph", "engine", "nodes", "links", "parse_s", "build_s", "metrics_s", *(f"{f}_s" for f in FORMATS),
           "peak_mb", "same_bytes"]


def row(result: dict) -> str:
    return " ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items())


def table(results: list[dict]) -> str:
    by_input: dict[tuple, set[str]] = {}
    for r in results:
        by_input.setdefault((r["graph"], r["kind"]), set()).add(r["exports_sha256"])
    columns = [c for c in COLUMNS if c in ("graph", "same_bytes") or any(c in r for r in results)]
    columns[-2:-2] = ["png_s"] if any("png_s" in r for r in results) else []
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for r in results:
        cells = {**r, "graph": Path(r["graph"]).name, "same_bytes": len(by_input[r["graph"], r["kind"]]) == 1}
        lines.append("| " + " | ".join(f"{cells[c]:.2f}" if isinstance(cells.get(c), float) else str(cells.get(c, ""))
                                       for c in columns) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
