"""The benchmark scripts still run (their figures are not tested: they are measurements)."""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
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
