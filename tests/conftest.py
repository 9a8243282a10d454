"""Shared test setup."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

SHAPE_CASES = Path(__file__).parent / "data" / "shapes"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Builds run by the tests keep their reading cache in a temporary folder, not the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))


# The shapes, the ontology and the base graph of the shape cases, shared by the two validation test files.
@pytest.fixture(scope="session")
def shapes() -> Graph:
    from gpukg.validate import load_shapes

    return load_shapes()


@pytest.fixture(scope="session")
def ontology() -> Graph:
    from gpukg.validate import load_ontology

    return load_ontology()


@pytest.fixture(scope="session")
def base() -> Graph:
    return Graph().parse(SHAPE_CASES / "_base.ttl")
