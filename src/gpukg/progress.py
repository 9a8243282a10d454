"""A progress bar for long commands: on a terminal only, silent in pipes and CI.

    with Progress("synth", total=24) as bar:
        for item in work:
            ...
            bar.update(1)

``Progress.callback`` fits library functions that report ``(done, total)``.
The bar redraws at most ten times a second and clears itself when done.
"""
from __future__ import annotations

import os
import sys
import time
from typing import TextIO


def wanted(stream: TextIO | None = None) -> bool:
    """Draw only for a person watching: the stream is a terminal and no CI variable is set."""
    stream = sys.stderr if stream is None else stream
    if os.environ.get("CI"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or unusual streams
        return False


class Progress:
    def __init__(self, label: str, total: int | None = None, stream: TextIO | None = None,
                 enabled: bool | None = None, width: int = 30) -> None:
        self.label, self.total, self.width = label, total, width
        self.stream = sys.stderr if stream is None else stream
        self.enabled = wanted(self.stream) if enabled is None else enabled
        self.done = 0
        self._drawn = 0.0
        self._start = time.monotonic()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def update(self, step: int = 1) -> None:
        self.set(self.done + step)

    def set(self, done: int, total: int | None = None) -> None:
        self.done = done
        if total is not None:
            self.total = total
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._drawn >= 0.1 or (self.total is not None and done >= self.total):
            self._drawn = now
            self.stream.write("\r" + self.line(now - self._start))
            self.stream.flush()

    def callback(self, done: int, total: int) -> None:
        """For library functions that report ``on_progress(done, total)``."""
        self.set(done, total)

    def line(self, elapsed: float) -> str:
        if self.total:
            filled = min(self.width, self.width * self.done // self.total)
            bar = "#" * filled + "-" * (self.width - filled)
            return f"{self.label} [{bar}] {self.done}/{self.total} {elapsed:.1f}s"
        return f"{self.label} {self.done} {elapsed:.1f}s"

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\r" + " " * len(self.line(time.monotonic() - self._start)) + "\r")
            self.stream.flush()
        self.enabled = False
