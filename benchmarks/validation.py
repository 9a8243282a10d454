"""Validation speed: the shapes compiled to SPARQL on Oxigraph against pySHACL, on graphs of any size.

Each measurement runs in a fresh process, so peak memory (max RSS) is its own. Steps:
shapes (read and meta-validate ontology/shapes.ttl), load (parse the graph: Oxigraph bulk load,
or rdflib), validate (run the shapes), and the numbers of results, which must agree.

    python benchmarks/validation.py                         # bundled graph, both engines
    python benchmarks/validation.py /tmp/big/syn1k.ttl --fast-only /tmp/big/syn10k.ttl --json out.json

Not a test: timings depend on the machine and on what else runs on it.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(engine: str, path: str) -> dict:
    """One engine on one graph, in this process."""
    from gpukg.oxstore import parse_into_store
    from gpukg.store import read_graph
    from gpukg.validate import load_ontology, load_shapes, validate

    times = {}
    start = time.perf_counter()
    shapes, ontology = load_shapes(), load_ontology()
    times["shapes_s"] = time.perf_counter() - start
    start = time.perf_counter()
    data = parse_into_store(path) if engine == "sparql" else read_graph([Path(path)])
    times["load_s"] = time.perf_counter() - start
    start = time.perf_counter()
    report = validate(data, shapes, ontology, engine=engine)
    times["validate_s"] = time.perf_counter() - start
    return {"engine": engine, "graph": path, "triples": len(data), **{k: round(v, 2) for k, v in times.items()},
            "violations": len(report.violations), "warnings": len(report.warnings),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def run(engine: str, path: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--one", engine, path], capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        return {"engine": engine, "graph": path, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graphs", nargs="*", default=[str(ROOT / "graph" / "gpu-market.ttl")],
                        help="graphs to validate with both engines")
    parser.add_argument("--fast-only", nargs="*", default=[], metavar="GRAPH",
                        help="graphs to validate with the SPARQL engine only (pySHACL would take too long)")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    parser.add_argument("--one", nargs=2, metavar=("ENGINE", "GRAPH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(*args.one)))
        return
    rows = []
    for path in args.graphs + args.fast_only:
        for engine in ("sparql",) + (("pyshacl",) if path in args.graphs else ()):
            rows.append(run(engine, path))
            row = rows[-1]
            print(f"{Path(path).name:<18} {engine:<8} " + (
                f"{row['triples']:>9} triples  shapes {row['shapes_s']:>5.1f} s  load {row['load_s']:>6.1f} s  "
                f"validate {row['validate_s']:>7.1f} s  {row['violations']} violations, {row['warnings']} warnings  "
                f"peak {row['max_rss_mb']} MB" if "error" not in row else f"failed: {row['error']}"), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
