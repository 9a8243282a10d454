"""Real SPARQL servers for the integration tests, started and stopped by the tests themselves.

Each server binds to 127.0.0.1 on a free port and keeps its data in a temporary folder.
Import the fixtures into a test module (``from servers import oxigraph, virtuoso``);
pytest puts ``tests/`` on ``sys.path`` because it has no ``__init__.py``.
"""
from __future__ import annotations

import os
import shutil
import sysconfig
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
VIRTUOSO_USER = "dba"
VIRTUOSO_PASSWORD = "dba"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_http(url: str, seconds: float, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before answering {url}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except urllib.error.HTTPError:
            return  # it answers, even if not with 200
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"no answer from {url} within {seconds} s")


# --- Oxigraph ----------------------------------------------------------------

@dataclass
class OxigraphServer:
    location: Path
    port: int = field(default_factory=free_port)
    timeout_s: int | None = None  # the server's own query timeout (--timeout-s)
    proc: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    @property
    def store_url(self) -> str:
        return self.base + "/store"

    @property
    def update_url(self) -> str:
        return self.base + "/update"

    def start(self) -> OxigraphServer:
        binary = _oxigraph_binary()
        if binary is None:
            pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
        extra = ["--timeout-s", str(self.timeout_s)] if self.timeout_s else []
        self.proc = subprocess.Popen(
            [binary, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}", *extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        _wait_http(self.base + "/query?query=ASK%7B%7D", 30, self.proc)
        return self

    def kill(self) -> None:
        """SIGKILL: the crash case, no chance to finish what it was doing."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def restart(self) -> OxigraphServer:
        self.stop()
        return self.start()


def _oxigraph_binary() -> str | None:
    # `.venv/bin/python -m pytest` (the README's command) does not put .venv/bin
    # on PATH, so look beside the interpreter first.
    beside = Path(sysconfig.get_path("scripts")) / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@pytest.fixture
def oxigraph(tmp_path: Path):
    server = OxigraphServer(tmp_path / "oxigraph").start()
    try:
        yield server
    finally:
        server.stop()


# --- Virtuoso ----------------------------------------------------------------

def virtuoso_missing() -> str | None:
    """Why Virtuoso cannot run here, or None when it can."""
    for tool in ("virtuoso-t", "isql-vt"):
        if shutil.which(tool) is None:
            return f"{tool} not installed (bash scripts/install-virtuoso.sh; .ci/run does it)"
    if not VIRTUOSO_INI.is_file():
        return f"{VIRTUOSO_INI} missing (bash scripts/install-virtuoso.sh)"
    return None


def _edit_ini(text: str, settings: dict[tuple[str, str], str], drop_sections: set[str]) -> str:
    """Set ``[section] key = value`` in an ini file line by line.

    Virtuoso's ini repeats keys and uses ``;`` comments, which configparser rewrites badly.
    """
    out: list[str] = []
    section = ""
    seen: set[tuple[str, str]] = set()

    def flush_missing(sec: str) -> None:
        for (s, k), v in settings.items():
            if s == sec and (s, k) not in seen:
                out.append(f"{k} = {v}")
                seen.add((s, k))

    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            flush_missing(section)
            section = stripped[1:-1]
            out.append(line)
            continue
        if section in drop_sections and stripped and not stripped.startswith(";"):
            continue
        key = stripped.split("=", 1)[0].strip() if "=" in stripped and not stripped.startswith(";") else None
        if key is not None and (section, key) in settings:
            if (section, key) not in seen:
                out.append(f"{key} = {settings[(section, key)]}")
                seen.add((section, key))
            continue
        out.append(line)
    flush_missing(section)
    return "\n".join(out) + "\n"


@dataclass
class VirtuosoServer:
    folder: Path
    sql_port: int = field(default_factory=free_port)
    http_port: int = field(default_factory=free_port)
    max_rows: int = 10_000
    proc: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def query_url(self) -> str:
        return self.base + "/sparql"

    @property
    def store_url(self) -> str:
        return self.base + "/sparql-graph-crud-auth"

    @property
    def update_url(self) -> str:
        return self.base + "/sparql-auth"

    def write_ini(self) -> Path:
        db = self.folder
        settings = {
            ("Database", "DatabaseFile"): str(db / "virtuoso.db"),
            ("Database", "ErrorLogFile"): str(db / "virtuoso.log"),
            ("Database", "LockFile"): str(db / "virtuoso.lck"),
            ("Database", "TransactionFile"): str(db / "virtuoso.trx"),
            ("Database", "xa_persistent_file"): str(db / "virtuoso.pxa"),
            ("TempDatabase", "DatabaseFile"): str(db / "virtuoso-temp.db"),
            ("TempDatabase", "TransactionFile"): str(db / "virtuoso-temp.trx"),
            ("Parameters", "ServerPort"): f"127.0.0.1:{self.sql_port}",
            ("Parameters", "DirsAllowed"): f"., {db}",
            ("Parameters", "NumberOfBuffers"): "10000",
            ("Parameters", "MaxDirtyBuffers"): "6000",
            ("HTTPServer", "ServerPort"): f"127.0.0.1:{self.http_port}",
            ("URIQA", "DefaultHost"): f"127.0.0.1:{self.http_port}",
            ("SPARQL", "ResultSetMaxRows"): str(self.max_rows),
            # Virtuoso 7.2's sampled estimate puts conflicting-figures at 10^3 s to past 2^31 s
            # (it runs in 0.1 s) once the store holds other graphs; with the packaged 400 s limit
            # it is refused, which gpukg reports in one line naming this setting.
            ("SPARQL", "MaxQueryCostEstimationTime"): "0",
        }
        ini = db / "virtuoso.ini"
        # The wiki plugins of the packaged ini are of no use here and slow the start.
        ini.write_text(_edit_ini(VIRTUOSO_INI.read_text(), settings, drop_sections={"Plugins"}))
        return ini

    def start(self) -> VirtuosoServer:
        reason = virtuoso_missing()
        if reason:
            pytest.skip(f"Virtuoso: {reason}")
        self.folder.mkdir(parents=True, exist_ok=True)
        ini = self.write_ini()
        # +wait returns once the server accepts connections; the server itself stays running
        # as a daemon, so its pid comes from the lock file, not from this process.
        done = subprocess.run(
            ["virtuoso-t", "+wait", "+configfile", str(ini)],
            cwd=self.folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120,
        )
        if done.returncode != 0:
            log = (self.folder / "virtuoso.log")
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else done.stdout.decode(errors="replace")
            raise RuntimeError(f"virtuoso-t failed to start ({done.returncode}):\n{tail}")
        _wait_http(self.query_url + "?query=ASK%7B%7D", 60)
        return self

    def isql(self, sql: str) -> str:
        done = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", VIRTUOSO_USER, VIRTUOSO_PASSWORD, f"exec={sql}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120,
        )
        return done.stdout.decode(errors="replace")

    def pid(self) -> int | None:
        lock = self.folder / "virtuoso.lck"
        try:
            return int(lock.read_text().split("=")[-1].strip())
        except (OSError, ValueError):
            return None

    def stop(self) -> None:
        pid = self.pid()
        self.isql("shutdown;")
        deadline = time.monotonic() + 30
        while pid and time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory):
    reason = virtuoso_missing()
    if reason:
        pytest.skip(f"Virtuoso: {reason}")
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso")).start()
    try:
        yield server
    finally:
        server.stop()
