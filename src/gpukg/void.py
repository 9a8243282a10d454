"""A VoID description of a built dump, for tools that consume ``graph/``.

Only values derived from the inputs go in (no build time), so the file is
as reproducible as the dump it describes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from . import __version__, iris
from .iris import VOID
from .rdf import new_graph

if TYPE_CHECKING:
    from .build import BuildResult


def describe(result: BuildResult, dump_name: str) -> Graph:
    void = new_graph()
    dataset = URIRef(iris.BASE + "dataset/gpu-market")
    add = void.add
    add((dataset, RDF.type, VOID.Dataset))
    add((dataset, DCTERMS.title, Literal("gpukg: the GPU-infrastructure market knowledge graph", lang="en")))
    add((dataset, DCTERMS.description, Literal(
        "Companies, investors, funding rounds, acquisitions, figures over time and market trends read from "
        "market-research reports, every fact with its source document and line.", lang="en")))
    add((dataset, iris.SCHEMA.version, Literal(__version__)))
    add((dataset, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")))
    add((dataset, VOID.dataDump, URIRef(iris.BASE + "graph/" + dump_name)))
    add((dataset, VOID.uriSpace, Literal(str(iris.ID))))
    add((dataset, VOID.sparqlEndpoint, URIRef("http://127.0.0.1:7878/sparql")))
    triples, entities, subjects, properties = _sizes(result.data)
    add((dataset, VOID.triples, Literal(triples, datatype=XSD.integer)))
    add((dataset, VOID.entities, Literal(entities, datatype=XSD.integer)))
    add((dataset, VOID.distinctSubjects, Literal(subjects, datatype=XSD.integer)))
    add((dataset, VOID.properties, Literal(properties, datatype=XSD.integer)))
    for report in result.resolved.reports:
        doc = iris.document(report.doc_id)
        add((dataset, DCTERMS.source, doc))
        add((doc, DCTERMS.title, Literal(report.title)))
        add((doc, iris.GK.fileName, Literal(report.file_name)))
        add((doc, iris.GK.sha256, Literal(report.sha256)))
    classes = result.class_counts()
    add((dataset, VOID.classes, Literal(len(classes), datatype=XSD.integer)))
    for cls, n in sorted(classes.items()):
        partition = URIRef(f"{dataset}#class-{iris.slug(str(cls))}")
        add((dataset, VOID.classPartition, partition))
        add((partition, VOID["class"], cls))
        add((partition, VOID.entities, Literal(n, datatype=XSD.integer)))
    for namespace in (iris.GK, iris.SCHEMA, iris.ORG, iris.PROV, iris.TIME, "http://www.w3.org/2004/02/skos/core#"):
        add((dataset, VOID.vocabulary, URIRef(str(namespace))))
    return void


def _sizes(data: Graph | ox.Store) -> tuple[int, int, int, int]:
    """Triples, IRI subjects, subjects and properties, counted where the graph lives."""
    if isinstance(data, ox.Store):
        row = next(iter(data.query(
            "SELECT (COUNT(*) AS ?t) (COUNT(DISTINCT ?e) AS ?e_) (COUNT(DISTINCT ?s) AS ?s_) (COUNT(DISTINCT ?p) AS ?p_) "
            "WHERE { ?s ?p ?o BIND(IF(isIRI(?s), ?s, ?unbound) AS ?e) }")))
        return tuple(int(row[name].value) for name in ("t", "e_", "s_", "p_"))
    subjects = set(data.subjects())
    return (len(data), sum(1 for s in subjects if isinstance(s, URIRef)), len(subjects), len(set(data.predicates())))
