"""How much of a synthetic corpus's ground truth the loader recovers.

    python benchmarks/recall.py --companies 200 --seed 1 [--show 10] [--json out.json]

Writes a synthetic corpus to a temporary folder, builds it with ``gpukg.build``,
and compares the graph with ``synth-manifest.json``: counts side by side, then
examples of what is missing or extra (by label, so an investor the loader labels
with its other spelling shows up as one missing and one extra name).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from rdflib import RDF, Graph
from rdflib.namespace import SKOS

from gpukg.build import build
from gpukg.iris import GK, SCHEMA
from gpukg.synth import write_corpus


def compare(graph: Graph, manifest: dict) -> dict:
    def label(node: object) -> str:
        return str(graph.value(node, SKOS.prefLabel))

    def labels(cls: object) -> set[str]:
        return {label(n) for n in graph.subjects(RDF.type, cls)}

    expected_companies = ({c["name"] for c in manifest["company_names"]}
                          | {d["target"] for d in manifest["acquisition_deals"]}
                          | {d["acquirer"] for d in manifest["acquisition_deals"]})
    companies = labels(GK.Company)
    investor_spellings = {s: i["name"] for i in manifest["investor_names"] for s in i["spellings"]}
    investors = labels(GK.Investor)
    categories = {label(c): str(graph.value(c, GK.category)) for c in graph.subjects(RDF.type, GK.Company)}
    wrong_category = sorted(c["name"] for c in manifest["company_names"]
                            if not categories.get(c["name"], "").endswith("/" + c["category"]))
    deals = {(label(graph.value(a, GK.acquirer)), label(graph.value(a, GK.target)))
             for a in graph.subjects(RDF.type, GK.Acquisition)}
    expected_deals = {(d["acquirer"], d["target"]) for d in manifest["acquisition_deals"]}
    counts = manifest["counts"]
    founded = {graph.value(f, GK.organization) for f in graph.subjects(RDF.type, GK.Founding)}
    located = {graph.value(h, GK.organization) for h in graph.subjects(RDF.type, GK.HeadquartersLocation)}
    return {
        "counts": {
            "companies (profiled + other)": (counts["companies"] + counts["other_companies"], len(companies)),
            "rounds": (counts["rounds"], sum(1 for _ in graph.subjects(RDF.type, GK.FundingRound))),
            "acquisitions": (counts["acquisitions"], len(deals)),
            "investors": (counts["investors"], len(investors)),
            "backings": (counts["backings"], sum(1 for _ in graph.subjects(RDF.type, GK.Backing))),
            "neoclouds": (counts["neoclouds"],
                          sum(1 for v in categories.values() if v.endswith("/neocloud"))),
            "people": (counts["people"], sum(1 for _ in graph.subjects(RDF.type, SCHEMA.Person))),
            "roles": (counts["roles"], sum(1 for _ in graph.subjects(RDF.type, GK.RoleAssignment))),
            "companies with a founding": (counts["foundings"], len(founded)),
            "companies with headquarters": (counts["headquarters"], len(located)),
        },
        "missing_companies": sorted(expected_companies - companies),
        "extra_companies": sorted(companies - expected_companies - set(investor_spellings)),
        "missing_investors": sorted({n for s, n in investor_spellings.items()} - {investor_spellings.get(i, i) for i in investors}),
        "extra_investors": sorted(i for i in investors if i not in investor_spellings),
        "wrong_or_missing_category": wrong_category,
        "missing_deals": sorted(expected_deals - deals),
        "extra_deals": sorted(deals - expected_deals),
        "triples": len(graph),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--companies", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=8, help="examples per list")
    parser.add_argument("--json", type=Path, help="write the full comparison here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        manifest = write_corpus(Path(tmp), args.companies, args.seed)
        result = compare(build([Path(tmp)]).graph, manifest)
    print(f"{'fact':30} {'expected':>9} {'found':>9}")
    for name, (want, got) in result["counts"].items():
        print(f"{name:30} {want:9,} {got:9,}")
    print(f"{'triples':30} {'':9} {result['triples']:9,}")
    for key, items in result.items():
        if isinstance(items, list) and items:
            print(f"{key} ({len(items)}): {', '.join(map(str, items[:args.show]))}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
