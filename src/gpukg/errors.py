"""Every error gpukg raises on purpose.

The CLI turns a ``GpukgError`` into one line on stderr and an exit status;
anything else is a bug and keeps its traceback.
"""
from __future__ import annotations


class GpukgError(Exception):
    """Base of all expected failures; ``exit_code`` is what the CLI returns."""

    exit_code = 2


class InputError(GpukgError):
    """An input file could not be used at all (unreadable, not UTF-8, not parsable)."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class ValidationFailed(GpukgError):
    """The graph does not conform to the shapes (violations, not warnings)."""

    exit_code = 1


class QueryError(GpukgError):
    """A saved or ad-hoc query is unknown, malformed, or got bad parameters."""


class EndpointError(GpukgError):
    """A remote SPARQL server could not be reached or refused the request."""
