"""The reader of this tree against the reader of another commit, side by side, on the same reports.

    python benchmarks/reading.py --against 0ea8360 [--companies 10000 --seed 7 | --corpus DIR]
                                 [--reports 20] [--runs 3] [--json out.json]

Reading is most of a cold build and pure Python, so a change to the loader is what slows it down
or speeds it up. This reads the first ``--reports`` reports (both readings, one process, no cache)
with this tree's ``gpukg`` and with the ``src/`` of the commit ``--against`` (taken with ``git
archive``, no worktree), alternating the two ``--runs`` times so that both see the same machine,
and prints each run, the medians and their ratio. It also says whether both trees read the same
facts: a speed-up that changes what is read is a change of the loader, not of its speed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def read_reports(corpus: Path, reports: int) -> dict:
    """(In the worker process.) Seconds to read the first reports, and a digest of what was read."""
    from gpukg.corpus import read_all, read_files

    docs, _ = read_files([corpus])
    docs = docs[:reports]
    start = time.perf_counter()
    extractions = read_all(docs, None, jobs=1)
    seconds = time.perf_counter() - start
    digest = hashlib.sha256()
    for ex in extractions:  # records are frozen dataclasses: their repr is their content, in a stable order
        digest.update(repr((ex.facts, ex.statements, ex.kinds)).encode())
    return {"seconds": seconds, "reports": len(docs), "chars": sum(len(d.text) for d in docs),
            "facts": sum(len(ex.facts) for ex in extractions), "digest": digest.hexdigest()}


class Failed(Exception):
    """A step of the comparison that could not be done, said in one line."""


def other_source(commit: str, folder: Path) -> Path:
    """The ``src`` folder of ``commit``, unpacked under ``folder``."""
    done = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit, "src"], capture_output=True)
    if done.returncode:
        raise Failed(f"cannot take src/ of {commit!r}: {done.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=BytesIO(done.stdout)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def run_worker(source: Path, corpus: Path, reports: int) -> dict:
    env = dict(os.environ, PYTHONHASHSEED="0")  # a set in a record reprs in one order: the digests compare
    # ahead of whichever gpukg is installed
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, __file__, "--worker", str(corpus), str(reports)],
                          capture_output=True, text=True, env=env)
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise Failed(f"reading with {source} failed: {last}")
    return json.loads(done.stdout)


def _compare(args: argparse.Namespace) -> dict[str, list[dict]]:
    """Each tree's runs, alternated: this tree first, then the other, ``args.runs`` times."""
    with tempfile.TemporaryDirectory(prefix="gpukg-reading-") as tmp:
        corpus = args.corpus
        if corpus is None:
            from gpukg.synth import write_corpus

            corpus = Path(tmp) / "corpus"
            write_corpus(corpus, args.companies, args.seed)
        trees = (("this tree", ROOT / "src"), (args.against, other_source(args.against, Path(tmp) / "against")))
        runs: dict[str, list[dict]] = {name: [] for name, _ in trees}
        for i in range(args.runs):
            for name, source in trees:
                result = run_worker(source, corpus, args.reports)
                runs[name].append(result)
                print(f"run {i + 1}  {name:>12}: {result['seconds']:7.2f} s  {result['facts']:,} facts", flush=True)
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", help="the commit to compare with (a hash, tag or branch); required")
    parser.add_argument("--corpus", type=Path, help="a folder of reports (default: a synthetic corpus)")
    parser.add_argument("--companies", type=int, default=10000, help="size of the synthetic corpus (default: 10000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reports", type=int, default=20, help="how many reports to read (default: 20)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each tree, alternated (default: 3)")
    parser.add_argument("--json", type=Path, help="write the runs and medians here")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(read_reports(Path(args.worker[0]), int(args.worker[1]))))
        return 0
    if not args.against:
        parser.error("--against COMMIT is required")
    try:
        runs = _compare(args)
    except Failed as exc:
        print(f"reading.py: {exc}", file=sys.stderr)
        return 2
    first = runs["this tree"][0]
    print(f"\n{first['reports']} reports ({first['chars']:,} characters), both readings, one process, no cache")
    medians = {name: statistics.median(r["seconds"] for r in results) for name, results in runs.items()}
    for name, median in medians.items():
        print(f"  {name:>12}: median {median:.2f} s")
    print(f"  ratio (this tree / {args.against}): {medians['this tree'] / medians[args.against]:.2f}")
    same = len({r["digest"] for results in runs.values() for r in results}) == 1
    print("  the same facts read by both" if same else
          "  the two trees' readings differ (what they read, or the fields of their records)")
    if args.json:
        args.json.write_text(json.dumps({"runs": runs, "medians": medians, "same_facts": same}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
