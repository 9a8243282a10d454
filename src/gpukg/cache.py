"""Readings of reports kept on disk, so that adding one report does not re-read the others.

A report is read twice (``build.extract_all``). The first reading knows only the curated
names, so it depends on the report's text and on the loader itself. The second also knows
every name the other reports use, but a name can change how a report reads only if its
words occur in the report (``Gazetteer.relevant``); so the second reading is kept under the
text plus those names, and a new report that names nothing this one mentions leaves it valid.

Entries are pickles under a folder private to the user (``$XDG_CACHE_HOME/gpukg`` by
default), one file per report and reading, each holding the full key it was made under; an
entry made by other loader code (another fingerprint), another text or other names is simply
not used, and is replaced by the next build. A damaged entry is a miss, never an error, and
so is an entry that could not be written; a folder that cannot be made at all stops the
build before reading, with a one-line error. The process that made a reading writes it.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import InputError
from .memory import collector_paused
from .store import write_atomic


def default_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gpukg"


@cache
def fingerprint() -> str:
    """A hash of the reading code (``corpus`` and every module it imports) and the word lists:
    any change to them makes every entry stale. Changing the validator or the queries does not."""
    root = Path(str(resources.files("gpukg")))
    digest = hashlib.sha256()
    for path in sorted(_imported(root, "corpus")) + sorted((root / "data").glob("*.toml")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


_RELATIVE = re.compile(r"^\s*from \.(\w*) import (\([^)]*\)|[\w, ]+)", re.MULTILINE)


def _imported(root: Path, module: str) -> set[Path]:
    """``module``'s file and those of the package modules it imports, directly or not."""
    found: set[Path] = set()
    todo = [module]
    while todo:
        path = root / f"{todo.pop()}.py"
        if path in found or not path.is_file():
            continue
        found.add(path)
        for source, names in _RELATIVE.findall(path.read_text(encoding="utf-8")):
            # "from .x import y" names module x; "from . import x, y" names modules x and y,
            # perhaps in parentheses over several lines
            todo.extend([source] if source else re.findall(r"\w+", re.sub(r"#[^\n]*", "", names)))
    return found


class ReadingCache:
    """First and second readings of reports, by document."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_folder()
        self.hits = 0
        self.missed: list[tuple[str, str]] = []  # (reading, document): what had to be read again

    def get(self, reading: str, doc: str, key: tuple) -> object | None:
        path = self._path(reading, doc)
        try:
            with path.open("rb") as handle, collector_paused():  # a reading's records make no cycles
                stored_key, value = pickle.load(handle)
        except Exception:  # missing, unreadable, truncated or from an incompatible version: a miss
            self.missed.append((reading, doc))
            return None
        if stored_key != (fingerprint(), reading, doc, key):
            self.missed.append((reading, doc))
            return None
        self.hits += 1
        return value

    @property
    def misses(self) -> int:
        return len(self.missed)

    def check(self) -> None:
        """Make the folder, or say in one line why readings cannot be kept there."""
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not os.access(self.folder, os.W_OK):
                raise PermissionError("not writable")
        except OSError as exc:
            raise InputError(str(self.folder), f"cannot keep readings here ({exc.strerror or exc}); "
                                               "give another --cache folder, or --no-cache") from None

    def put(self, reading: str, doc: str, key: tuple, value: object) -> None:
        """Keep a reading; one that cannot be written (a full disk) is only a miss next time."""
        data = pickle.dumps(((fingerprint(), reading, doc, key), value), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomic(self._path(reading, doc), data)
        except OSError:
            pass

    def _path(self, reading: str, doc: str) -> Path:
        name = hashlib.sha256(f"{reading}\0{doc}".encode()).hexdigest()[:32]
        return self.folder / f"{reading}-{name}.pickle"


def names_digest(names: list[str]) -> str:
    return hashlib.sha256("\n".join(names).encode()).hexdigest()
