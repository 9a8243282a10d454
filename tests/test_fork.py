"""The N-Triples made in forked processes: the same bytes as made in one, and work never lost to a failed child."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from gpukg import build as build_module
from gpukg import fork
from gpukg.build import build
from gpukg.rdf import emit, ntriple, to_ntriples

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.skipif(not fork.available(), reason="forking is used only on Linux with two cores")


@pytest.fixture(scope="module")
def fixtures():
    """Every fixture report: 183 reports, a graph of a hundred thousand triples."""
    return build([DATA]).resolved


def test_the_bytes_come_from_another_process():
    here = os.getpid()
    assert fork.forked(lambda: str(os.getpid()).encode())() != str(here).encode()


def test_a_child_that_fails_leaves_the_work_to_this_process(capfd):
    here = os.getpid()

    def make() -> bytes:
        if os.getpid() != here:
            raise RuntimeError("the child's error")
        return b"made here"

    assert fork.forked(make)() == b"made here"
    assert "the child's error" in capfd.readouterr().err  # said, not hidden


def test_a_child_killed_halfway_leaves_the_work_to_this_process():
    here = os.getpid()

    def make() -> bytes:
        if os.getpid() != here:
            os.kill(os.getpid(), signal.SIGKILL)
        return b"made here"

    assert fork.forked(make)() == b"made here"


def test_the_shares_together_make_every_triple_and_only_those(fixtures):
    whole: set[bytes] = set()
    emit(fixtures, lambda t: whole.add(ntriple(t).encode()))
    shares: list[set[bytes]] = [set(), set(), set()]
    for k, lines in enumerate(shares):
        emit(fixtures, lambda t, lines=lines: lines.add(ntriple(t).encode()), (k, 3))
    assert set().union(*shares) == whole
    assert all(0 < len(lines) < len(whole) for lines in shares)
    assert shares[0] & shares[1]  # a triple two shares both make (a concept's type): kept once below


@pytest.mark.parametrize("processes", [2, 3])
def test_n_triples_made_in_processes_are_the_same_bytes(fixtures, processes):
    assert to_ntriples(fixtures, processes=processes) == to_ntriples(fixtures)


def test_a_large_build_makes_its_n_triples_in_two_processes(monkeypatch):
    made = []
    real = fork.forked
    monkeypatch.setattr(fork, "forked", lambda make: made.append(make) or real(make))
    monkeypatch.setattr(build_module, "FORK_RECORDS", 0)
    assert build().ntriples == to_ntriples(build().resolved)
    assert len(made) == 1
    monkeypatch.setattr(build_module, "FORK_RECORDS", 10**9)
    build().ntriples
    assert len(made) == 1


def test_a_child_whose_parent_stopped_waiting_ends_quietly():
    """Ctrl-C stops a build in the parent, which leaves without the child's bytes: the child must not
    add a traceback of its own (its pipe is closed when it writes)."""
    import subprocess
    import sys

    script = (
        "import os, sys, time\n"
        "from gpukg import fork\n"
        "here = os.getpid()\n"
        "def make():\n"
        "    if os.getpid() != here:\n"
        "        time.sleep(0.5)\n"
        "    return b'x' * 1_000_000\n"
        "fork.forked(make)\n"
        "sys.exit(0)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


def test_nothing_is_forked_while_another_thread_runs():
    import threading

    assert fork.available()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not fork.available()
    finally:
        stop.set()
        other.join()
    assert fork.available()


def test_a_fork_that_cannot_start_leaves_the_work_to_this_process(monkeypatch):
    def no_fork() -> int:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(os, "fork", no_fork)
    assert fork.forked(lambda: b"made here")() == b"made here"
