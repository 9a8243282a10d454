"""The benchmark scripts still run and read their targets off what they measured (the figures
themselves are not tested: they are measurements)."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _script(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _src_as_committed() -> bool:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return False
    changed = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "src"], capture_output=True, text=True)
    return changed.returncode == 0 and not changed.stdout.strip()


@pytest.mark.skipif(not _src_as_committed(), reason="needs the git history, and src/ as HEAD has it (one code, both sides)")
def test_reading_compares_this_tree_with_a_commit_and_finds_the_same_facts_in_the_same_code(capsys):
    reading = _script("reading")
    assert reading.main(["--against", "HEAD", "--corpus", str(ROOT / "corpus"), "--reports", "1", "--runs", "1"]) == 0
    printed = capsys.readouterr().out
    assert "ratio (this tree / HEAD)" in printed
    # the digests of one code's readings agree across processes, so a differing digest means something
    assert "the same facts read by both" in printed


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs the git history")
def test_reading_names_a_commit_it_cannot_find_in_one_line(capsys):
    reading = _script("reading")
    assert reading.main(["--against", "no-such-commit", "--corpus", str(ROOT / "corpus"), "--reports", "1"]) == 2
    err = capsys.readouterr().err
    assert "cannot take src/ of 'no-such-commit'" in err and "Traceback" not in err


def _size(pipeline: float, plain: dict, peak: float, tree: float | None, queries: list[float | None],
          add_one: float) -> dict:
    fast = {"seconds": pipeline, "peak_mb": peak, **({"tree_peak_mb": tree} if tree else {})}
    ratio = (plain.get("seconds") or plain.get("at_least")) / pipeline
    rows = [{"stage": "whole pipeline: gpukg build (read, build, validate, dump)", "plain": plain, "fast": fast,
             "ratio": ratio, "ratio_at_least": "at_least" in plain}]
    rows += [{"stage": f"query: saved: q{i}", "plain": None, "ratio": None,
              "fast": {"seconds": s} if s is not None else {"seconds": None, "status": "timeout after 10 s"}}
             for i, s in enumerate(queries)]
    rows.append({"stage": "add one report to the built graph (re-read 3 readings)", "plain": None,
                 "fast": {"seconds": add_one}, "ratio": None})
    return {"companies": 10, "stages": rows}


def test_the_targets_are_read_off_the_measured_rows_and_say_which_are_met():
    run = _script("run")
    met = run.targets(_size(59.0, {"seconds": 600.0}, 3000.0, 3900.0, [0.05, 0.09, 0.99], 4.9))
    assert [t["met"] for t in met] == [True] * 6
    assert "3,900 MB (all its processes)" in met[2]["measured"]  # the tree, not the main process alone

    missed = run.targets(_size(61.0, {"seconds": 500.0}, 3000.0, 4200.0, [0.05, 1.2, None], 5.1))
    assert [t["met"] for t in missed] == [False, False, False, False, False, False]
    assert missed[3]["measured"] == "1 of 3; over 1 s: q1 (1.2 s), q2 (timeout after 10 s)"


def test_a_ratio_from_a_stopped_plain_side_is_met_only_when_its_bound_reaches_10x():
    run = _script("run")
    stopped = run.targets(_size(50.0, {"seconds": None, "at_least": 300.0}, 100.0, None, [], 1.0))
    assert stopped[1] == {"target": "at least 10x faster than the plain pipeline", "measured": ">6.0x", "met": None}
    assert stopped[2]["measured"] == "100 MB (its main process)"
    sampled_lower = run.targets(_size(50.0, {"seconds": 600.0}, 844.0, 827.0, [], 1.0))[2]
    assert sampled_lower["measured"] == "844 MB (its main process; all its processes sampled at 827 MB)"
    assert run.targets(_size(25.0, {"seconds": None, "at_least": 300.0}, 100.0, None, [], 1.0))[1]["met"] is True


def _stage_with_a_reader() -> tuple[subprocess.Popen, int]:
    """A process started as ``run.child`` starts a stage, which starts one that holds 200 MB; and that one's pid."""
    holder = "import os, time; b = b'x' * (200 * 2**20); print(os.getpid(), flush=True); time.sleep(60)"
    # the reader's stderr goes elsewhere: holding the stage's, it would keep ``communicate`` waiting for it
    parent = ("import subprocess, sys, time; p = subprocess.Popen([sys.executable, '-c', %r], stdout=subprocess.PIPE, "
              "stderr=subprocess.DEVNULL); "
              "print(p.stdout.readline().decode().strip(), flush=True); time.sleep(60)" % holder)
    proc = subprocess.Popen([sys.executable, "-c", parent], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    return proc, int(proc.stdout.readline())


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="needs Linux's /proc")
def test_the_memory_of_a_stage_counts_the_processes_it_starts():
    proc, _ = _stage_with_a_reader()
    try:
        assert _script("run").tree_pss_mb(proc.pid) > 200  # held by the grandchild alone
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def test_a_stopped_stage_takes_the_processes_it_started_with_it():
    proc, reader = _stage_with_a_reader()
    try:
        _script("run").stop(proc)
        assert proc.returncode is not None
        for _ in range(50):  # killed at once, but its signal may take a moment to land
            if not _running(reader):
                break
            time.sleep(0.1)
        assert not _running(reader)
    finally:
        if _running(reader):
            os.kill(reader, signal.SIGKILL)


def _running(pid: int) -> bool:
    """Whether ``pid`` still runs: gone, or dead and not yet reaped (a zombie, state Z), it does not."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_small_benchmark_runs_from_one_command_and_writes_its_tables_and_targets(tmp_path):
    run = _script("run")
    out, tables = tmp_path / "bench.json", tmp_path / "bench.md"
    assert run.main(["--sizes", "6", "--only", "pipeline,add-one", "--stage-timeout", "300",
                     "--json", str(out), "--markdown", str(tables), "--work", str(tmp_path / "work")]) == 0
    size = json.loads(out.read_text())["sizes"][0]
    pipeline = next(r for r in size["stages"] if r["stage"].startswith("whole pipeline"))
    assert pipeline["plain"]["triples"] == pipeline["fast"]["triples"] > 1000
    assert pipeline["fast"]["tree_peak_mb"] > 10
    assert [t["target"].split(" ")[0] for t in size["targets"]] == ["whole", "at", "peak", "adding"]
    assert "| adding one report within 5 s |" in tables.read_text()
