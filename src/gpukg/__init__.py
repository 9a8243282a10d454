"""gpukg: a validated RDF knowledge graph of the GPU-infrastructure market.

Data flows one way: report files -> parsed reports (``report``) -> records
(``extract``, ``resolve``) -> RDF (``rdf``) -> validate / query / export / publish.
"""
from __future__ import annotations

__version__ = "0.1.0"
