"""Side-by-side timings of the plain pipeline (rdflib) and the fast path (Oxigraph).

    python benchmarks/run.py --sizes 100,1000 [--json results.json] [--queries builtin|saved|all]

For each size N it writes a synthetic corpus of N companies (``gpukg.synth``),
builds the graph with the loader (``gpukg.build``), then measures, each stage in a
fresh child process so that stages do not share memory or warm caches:

- parse Turtle: ``rdflib.Graph.parse`` vs ``pyoxigraph.Store.bulk_load``;
- dump Turtle: ``gpukg.build.dump`` (rdflib) vs ``gpukg.oxstore.serialize_sorted``;
- queries: each run ``--runs`` times, median reported; the built-in ones follow the
  data model, ``saved`` are the catalogue in queries/ with required parameters taken
  from the data (the investor leading most rounds, the company with most rounds, 2024).

Wall time is measured around the stage's work only (loading a graph to query or
dump it is not counted); peak memory is the child's ``ru_maxrss``, so it includes
the interpreter, the imports and any loading the stage needs. Each query runs in a
child forked after loading (its peak includes the loaded graph); a query whose
first run passes ``--timeout`` seconds is killed and reported as a timeout, and a
query is not repeated once its runs have taken ``--repeat-budget`` seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUILTIN_QUERIES = {
    # The category pattern sits inside each UNION branch: written once before the UNION,
    # Oxigraph 0.5 takes 100 times longer (1.6 s instead of 0.02 s at 1,000 companies).
    "investors backing 2+ neoclouds": """
        PREFIX gk: <https://w3id.org/gpukg/ontology#>
        PREFIX category: <https://w3id.org/gpukg/concept/category/>
        SELECT ?investor (COUNT(DISTINCT ?company) AS ?neoclouds) WHERE {
          { ?company gk:category category:neocloud .
            ?r gk:fundedCompany ?company ; gk:leadInvestor|gk:participant ?investor }
          UNION
          { ?company gk:category category:neocloud .
            ?b a gk:Backing ; gk:organization ?company ; gk:investor ?investor }
        } GROUP BY ?investor HAVING (COUNT(DISTINCT ?company) >= 2)""",
    "rounds of $100M+, largest first": """
        PREFIX gk: <https://w3id.org/gpukg/ontology#>
        PREFIX schema: <https://schema.org/>
        SELECT ?round ?company ?value WHERE {
          ?round a gk:FundingRound ; gk:fundedCompany ?company ; gk:amount ?m .
          ?m schema:value ?value ; schema:currency "USD" .
          FILTER(?value >= 100000000)
        } ORDER BY DESC(?value) ?round""",
    "documents behind neocloud rounds (3 hops)": """
        PREFIX gk: <https://w3id.org/gpukg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX category: <https://w3id.org/gpukg/concept/category/>
        SELECT ?doc (COUNT(DISTINCT ?r) AS ?rounds) WHERE {
          ?r gk:fundedCompany/gk:category category:neocloud ; prov:wasDerivedFrom/gk:document ?doc .
        } GROUP BY ?doc""",
    "rounds by type": """
        PREFIX gk: <https://w3id.org/gpukg/ontology#>
        SELECT ?type (COUNT(?r) AS ?rounds) WHERE { ?r a gk:FundingRound ; gk:roundType ?type } GROUP BY ?type""",
}
SAMPLES = {  # how required parameters of saved queries get values from the data
    "investor": """PREFIX gk: <https://w3id.org/gpukg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?label WHERE { ?r gk:leadInvestor ?i . ?i skos:prefLabel ?label }
        GROUP BY ?label ORDER BY DESC(COUNT(?r)) ?label LIMIT 1""",
    "company": """PREFIX gk: <https://w3id.org/gpukg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?label WHERE { ?r gk:fundedCompany ?c . ?c skos:prefLabel ?label }
        GROUP BY ?label ORDER BY DESC(COUNT(?r)) ?label LIMIT 1""",
}
FIXED_SAMPLES = {"from": "2024-01-01", "to": "2024-12-31"}


# --- stages (run in a child process each) ------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _timed(work) -> tuple[float, object]:
    start = time.perf_counter()
    value = work()
    return time.perf_counter() - start, value


def _load_rdflib(path: str):
    """An rdflib graph of the dump, loaded through Oxigraph (faster; the graph is the same)."""
    from gpukg.oxstore import from_store, parse_into_store

    return from_store(parse_into_store(path))


def stage_synth(task: dict) -> dict:
    from gpukg.synth import write_corpus

    seconds, manifest = _timed(lambda: write_corpus(Path(task["corpus"]), task["companies"], task["seed"]))
    return {"seconds": seconds, "files": len(manifest["files"]), "bytes": manifest["bytes"],
            "counts": manifest["counts"]}


def stage_build(task: dict) -> dict:
    from gpukg.build import build
    from gpukg.oxstore import serialize_sorted
    from gpukg.store import write_atomic

    seconds, result = _timed(lambda: build([Path(task["corpus"])]))
    peak = _peak_mb()
    write_atomic(Path(task["graph"]), serialize_sorted(result.graph, "turtle"))  # input of later stages
    return {"seconds": seconds, "peak_mb": peak, "triples": len(result.graph)}


def stage_parse(task: dict) -> dict:
    if task["engine"] == "plain":
        from rdflib import Graph

        seconds, graph = _timed(lambda: Graph().parse(task["graph"], format="turtle"))
    else:
        from gpukg.oxstore import parse_into_store

        seconds, graph = _timed(lambda: parse_into_store(task["graph"]))
    return {"seconds": seconds, "triples": len(graph)}


def stage_dump(task: dict) -> dict:
    if task["engine"] == "plain":
        from gpukg.build import dump

        graph = _load_rdflib(task["graph"])
        seconds, data = _timed(lambda: dump(graph, "turtle"))
    else:
        from gpukg.oxstore import parse_into_store, serialize_sorted

        store = parse_into_store(task["graph"])
        seconds, data = _timed(lambda: serialize_sorted(store, "turtle"))
    return {"seconds": seconds, "bytes": len(data)}


def stage_queries(task: dict) -> dict:
    """Every query of the task on one engine: per query the run times, their median, rows and peak memory.

    The graph is loaded once; each query then runs in a forked child, which the
    parent kills at the timeout: a query busy inside Oxigraph's Rust code does not
    see Python signals, and a killed child leaves the loaded graph intact.
    """
    if task["engine"] == "plain":
        graph = _load_rdflib(task["graph"])

        def run(text: str, bindings: dict) -> int:
            return len(graph.query(text, initBindings=bindings))
    else:
        from gpukg.oxstore import parse_into_store, select

        store = parse_into_store(task["graph"])

        def run(text: str, bindings: dict) -> int:
            return len(select(store, text, bindings)[1])

    return {"queries": {name: _forked_runs(run, text, bindings, task)
                        for name, (text, bindings) in _queries(task).items()}}


def _forked_runs(run, text: str, bindings: dict, task: dict) -> dict:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, report each run as one JSON line, exit without cleanup
        os.close(read_fd)
        resident = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024
        try:
            spent = 0.0
            for _ in range(task["runs"]):
                seconds, rows = _timed(lambda: run(text, bindings))
                extra = max(0.0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - resident) / 1024
                os.write(write_fd, (json.dumps({"seconds": seconds, "rows": rows, "extra_mb": extra}) + "\n").encode())
                spent += seconds
                if spent >= task["repeat_budget"]:
                    break
        except BaseException as exc:  # a query one engine cannot run is a finding, not a crash
            os.write(write_fd, (json.dumps({"error": f"{type(exc).__name__}: {exc}"[:200]}) + "\n").encode())
        os._exit(0)
    os.close(write_fd)
    start, data, status = time.monotonic(), b"", "ok"
    while True:
        runs = [json.loads(line) for line in data.decode().splitlines()]
        limit = task["timeout"] + (task["repeat_budget"] if runs else 0)
        ready, _, _ = select.select([read_fd], [], [], max(0.0, start + limit - time.monotonic()))
        if not ready:
            os.kill(pid, signal.SIGKILL)
            if not runs:
                status = f"timeout after {task['timeout']:g} s"
            break
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        data += chunk
    os.close(read_fd)
    os.waitpid(pid, 0)
    runs = [json.loads(line) for line in data.decode().splitlines()]
    errors = [r["error"] for r in runs if "error" in r]
    times = [r["seconds"] for r in runs if "seconds" in r]
    if errors:
        status = "error: " + errors[0]
    return {"seconds": statistics.median(times) if times and status == "ok" else None, "runs": times,
            "rows": next((r["rows"] for r in runs if "rows" in r), None), "status": status,
            # the loaded graph plus what the query added on top of it (a killed run: unknown)
            "peak_mb": _peak_mb() + max((r.get("extra_mb", 0) for r in runs), default=0)}


def _queries(task: dict) -> dict[str, tuple[str, dict]]:
    """Query name -> (text, bindings as rdflib terms)."""
    out = {}
    if task["queries"] in ("builtin", "all"):
        out.update({name: (text, {}) for name, text in BUILTIN_QUERIES.items()})
    if task["queries"] in ("saved", "all"):
        from gpukg.queries import bind_params, list_queries

        for saved in list_queries():
            values = {p.name: task["samples"].get(p.name) for p in saved.params if p.required}
            if None in values.values():
                continue
            out[f"saved: {saved.name}"] = (saved.text, bind_params(saved, values))
    return out


STAGES = {"synth": stage_synth, "build": stage_build, "parse": stage_parse, "dump": stage_dump,
          "queries": stage_queries}


def worker(task: dict) -> None:
    result = STAGES[task["stage"]](task)
    result.setdefault("peak_mb", _peak_mb())
    print(json.dumps(result))


# --- the parent: runs children, prints, writes JSON ---------------------------------


def child(task: dict) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--worker", json.dumps(task)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"stage {task['stage']} ({task.get('engine', '')}) failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def samples(graph: str) -> dict[str, str]:
    from gpukg.oxstore import parse_into_store, select

    store = parse_into_store(graph)
    found = dict(FIXED_SAMPLES)
    for name, query in SAMPLES.items():
        rows = select(store, query)[1]
        if rows:
            found[name] = str(rows[0][0])
    return found


def machine() -> dict:
    import pyoxigraph
    import rdflib

    info = {"python": platform.python_version(), "platform": platform.platform(), "cores": os.cpu_count(),
            "rdflib": rdflib.__version__, "pyoxigraph": pyoxigraph.__version__}
    for path, key, field in (("/proc/cpuinfo", "cpu", "model name"), ("/proc/meminfo", "memory", "MemTotal")):
        try:
            line = next(li for li in Path(path).read_text().splitlines() if li.startswith(field))
            info[key] = line.split(":", 1)[1].strip()
        except (OSError, StopIteration):
            pass
    return info


def measure(companies: int, args: argparse.Namespace, work: Path) -> dict:
    base = {"companies": companies, "seed": args.seed, "corpus": str(work / "corpus"), "graph": str(work / "graph.ttl")}
    size: dict = {"companies": companies, "stages": []}

    def note(stage: str, plain: dict | None, fast: dict | None, **extra: object) -> None:
        ratio = None
        if plain and fast and plain.get("seconds") and fast.get("seconds"):
            ratio = plain["seconds"] / fast["seconds"]
        size["stages"].append({"stage": stage, "plain": plain, "fast": fast, "ratio": ratio, **extra})
        _print_row(size["stages"][-1])

    synth = child({**base, "stage": "synth"})
    build = child({**base, "stage": "build"})
    size.update(files=synth["files"], corpus_bytes=synth["bytes"], triples=build["triples"], counts=synth["counts"])
    print(f"\nN = {companies:,} companies: {synth['files']} reports, {synth['bytes'] / 1e6:.1f} MB; "
          f"graph {build['triples']:,} triples")
    print(f"{'stage':52} {'plain s':>9} {'plain MB':>9} {'fast s':>9} {'fast MB':>9} {'ratio':>8}")
    note("synthesize corpus", synth, None)
    note("extract + build (loader)", build, None)
    for stage, label in (("parse", "parse Turtle"), ("dump", "dump Turtle")):
        note(label, child({**base, "stage": stage, "engine": "plain"}), child({**base, "stage": stage, "engine": "fast"}))
    task = {**base, "stage": "queries", "queries": args.queries, "runs": args.runs, "timeout": args.timeout,
            "repeat_budget": args.repeat_budget, "samples": samples(base["graph"])}
    plain, fast = child({**task, "engine": "plain"}), child({**task, "engine": "fast"})
    size["query_parameters"] = task["samples"]
    for name in fast["queries"]:
        p, f = plain["queries"].get(name, {}), fast["queries"][name]
        same = p.get("rows") == f.get("rows") if p.get("rows") is not None and f.get("rows") is not None else None
        note(f"query: {name}", p or None, f, same_rows=same)
    return size


def _print_row(row: dict) -> None:
    def cells(side: dict | None) -> str:
        if not side:
            return f"{'-':>9} {'-':>9}"
        seconds = side.get("seconds")
        shown = f"{seconds:9.3f}" if seconds is not None else f"{side.get('status', '?')[:9]:>9}"
        return f"{shown} {side.get('peak_mb', 0):9.0f}"

    ratio = f"{row['ratio']:7.1f}x" if row["ratio"] else f"{'-':>8}"
    flag = "  rows differ!" if row.get("same_rows") is False else ""
    print(f"{row['stage'][:52]:52} {cells(row['plain'])} {cells(row['fast'])} {ratio}{flag}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="example: python benchmarks/run.py --sizes 100,1000 --json /tmp/bench.json")
    parser.add_argument("--sizes", default="100,1000", help="comma-separated company counts (default: 100,1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5, help="runs per query; the median is reported (default: 5)")
    parser.add_argument("--queries", choices=["builtin", "saved", "all"], default="builtin")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a query run is stopped (default: 30)")
    parser.add_argument("--repeat-budget", type=float, default=10.0,
                        help="stop repeating a query once its runs took this long (default: 10)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--work", type=Path, help="keep corpora and graphs here (default: a temporary folder)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(json.loads(args.worker))
        return 0
    sizes = [int(s.replace("_", "").replace(",", "")) for s in args.sizes.split(",") if s.strip()]
    results = {"machine": machine(), "command": " ".join(["python", "benchmarks/run.py", *sys.argv[1:]]),
               "runs": args.runs, "sizes": []}
    print("machine: " + ", ".join(f"{k} {v}" for k, v in results["machine"].items()))
    with tempfile.TemporaryDirectory(prefix="gpukg-bench-") as tmp:
        for companies in sizes:
            work = (args.work or Path(tmp)) / str(companies)
            work.mkdir(parents=True, exist_ok=True)
            results["sizes"].append(measure(companies, args, work))
            if args.json:  # written after every size, so a long run leaves partial results
                from gpukg.store import write_atomic

                write_atomic(args.json, json.dumps(results, indent=1).encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
