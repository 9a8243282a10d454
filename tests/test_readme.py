"""The README's promises: its Python tour runs, its catalogue matches the queries, its commands exist."""
from __future__ import annotations

import re
from pathlib import Path

from gpukg.cli import make_parser
from gpukg.queries import sync_catalogue

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def test_python_tour_runs(capsys):
    code = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out.split()
    assert printed[0] == "15"  # funding rounds in the bundled reports, counted by hand
    assert sorted(float(x) for x in printed[1:]) == [320e6, 480e6, 500e6]  # Lambda's rounds, lines 110-112


def test_query_catalogue_is_current():
    assert sync_catalogue(README) == README, "README catalogue is stale: rerun sync_catalogue on README.md"


def test_every_command_in_the_tour_exists():
    blocks = "\n".join(re.findall(r"```sh\n(.*?)```", README, re.S))
    commands = set(re.findall(r"^gpukg (\w+)", blocks, re.M))
    known = set(make_parser()._subparsers._group_actions[0].choices)
    assert commands and commands <= known, commands - known


def test_the_two_commands_are_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text()
    test_command = re.search(r"```sh\n(python3 -m venv .venv && .*pytest.*)\n```", README).group(1)
    assert test_command in ci
