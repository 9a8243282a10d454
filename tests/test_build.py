"""The loader end to end: dump, determinism, provenance, bad input."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from gpukg import store
from gpukg.build import build, dump, dump_files, headline
from gpukg.cli import main
from gpukg.iris import GK, PROV

ROOT = Path(__file__).resolve().parents[1]
PROFILE = """# Profiles

## Company Profiles

### 1. Acme Cloud

- **Founded:** 2020
- **Headquarters:** Austin, Texas
- **Series A:** $10M (May 2023) led by Northwind Capital
"""


@pytest.fixture(scope="module")
def bundled():
    return build()


def test_committed_dump_is_what_build_writes_now(bundled):
    committed = (ROOT / "graph" / "gpu-market.ttl").read_bytes()
    assert dump(bundled.data) == committed, "graph/gpu-market.ttl is stale: run `gpukg build`"


def test_same_input_gives_identical_bytes_across_processes(tmp_path):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"g{seed}.ttl"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        # no cache: the second process must read the reports itself, under another hash seed
        subprocess.run([sys.executable, "-m", "gpukg.cli", "build", str(ROOT / "corpus"), "--out", str(out), "--no-cache"],
                       check=True, env=env, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_dump_parses_in_a_strict_parser(bundled, fmt):
    data = dump(bundled.data, fmt)
    mime = {"turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES}[fmt]
    triples = list(pyoxigraph.parse(data, format=mime))
    assert len(triples) == len(bundled.graph) == len(bundled.store)


def test_other_formats_round_trip(bundled):
    for fmt, rdflib_format in (("jsonld", "json-ld"), ("trig", "trig")):
        for data in (bundled.store, bundled.graph):
            back = Dataset().parse(data=dump(data, fmt), format=rdflib_format)
            assert sum(1 for _ in back.quads()) == len(bundled.graph)


def test_the_plain_engine_writes_the_same_graph(tmp_path):
    from rdflib.compare import isomorphic

    from gpukg.oxstore import canonical_graph

    fast, plain = tmp_path / "fast.ttl", tmp_path / "plain.ttl"
    assert main(["build", str(ROOT / "corpus"), "--out", str(fast), "--no-cache"]) == 0
    assert main(["build", str(ROOT / "corpus"), "--out", str(plain), "--engine", "rdflib", "--no-cache"]) == 0
    assert fast.read_bytes() != plain.read_bytes()  # two serialisers ...
    assert isomorphic(canonical_graph(Graph().parse(fast)), canonical_graph(Graph().parse(plain)))  # ... one graph


def test_every_fact_has_a_statement_with_document_and_line(bundled):
    g = bundled.graph
    facts = set()
    for cls in (GK.FundingRound, GK.Acquisition, GK.Observation, GK.Backing, GK.RoleAssignment,
                GK.Founding, GK.HeadquartersLocation, GK.CategoryAssignment):
        facts |= set(g.subjects(predicate=None, object=cls))
    assert len(facts) > 100
    for fact in facts:
        sources = list(g.objects(fact, PROV.wasDerivedFrom))
        assert sources, fact
        for s in sources:
            assert g.value(s, GK.line) is not None and g.value(s, GK.document) is not None, s


def test_every_line_with_text_is_a_statement(bundled):
    g = bundled.graph
    for report in sorted((ROOT / "corpus").iterdir()):
        lines = {int(l) for s in g.subjects(GK.document, None) for l in g.objects(s, GK.line)
                 if g.value(g.value(s, GK.document), GK.fileName) == Literal(report.name)}
        rows = report.read_text().splitlines()
        # A table's header and separator lines are carried by its rows' statements.
        header = {i for i, line in enumerate(rows[:-1], 1) if set(rows[i].strip()) <= set("|-: ") and "|" in rows[i]}
        text_lines = {i for i, line in enumerate(rows, 1)
                      if line.strip() and not set(line.strip()) <= set("|-: ") and i not in header}
        missing = text_lines - lines
        assert not missing, f"{report.name}: lines without a statement: {sorted(missing)}"


def test_build_without_corpus_names_the_path(tmp_path, capsys):
    assert main(["build", str(tmp_path / "none"), "--out", str(tmp_path / "x.ttl")]) == 2
    err = capsys.readouterr().err
    assert "none" in err and "Traceback" not in err


def test_non_utf8_file_is_named_with_its_line_and_the_rest_loads(tmp_path, capsys):
    (tmp_path / "good.md").write_text(PROFILE)
    (tmp_path / "bad.md").write_bytes(b"# Title\n\nok line\n\xff\xfe broken\n")
    out = tmp_path / "out.ttl"
    assert main(["build", str(tmp_path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "bad.md:4" in err and "UTF-8" in err and "Traceback" not in err
    g = Graph().parse(out)
    assert (None, SKOS.prefLabel, Literal("Acme Cloud")) in g


@pytest.mark.parametrize("text, expected", [
    ("", "empty"),
    ("Just some prose about markets.\n", "no company profile"),
    (PROFILE + "- **Series B:** $12..5M (2024)\n", "'$12..5'"),
    (PROFILE + "- **Series B:** $TBD\n", "'$TBD'"),
    (PROFILE + "\n### 2. Acme Cloud\n\n- **Founded:** 2021\n- **Total Raised:** $5M\n", "appears twice"),
])
def test_bad_content_is_a_warning_with_file_and_line(tmp_path, text, expected):
    path = tmp_path / "r.md"
    path.write_text(text)
    result = build([path])
    messages = [str(n) for n in result.notices]
    assert any(expected in m and m.startswith("r.md") for m in messages), messages
    assert not result.failed


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "dump.ttl"
    target.write_text("old")

    def broken(*_):
        raise OSError("disk full")

    monkeypatch.setattr(store.os, "replace", broken)
    with pytest.raises(OSError):
        store.write_atomic(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["dump.ttl"]


def test_void_describes_the_dump(tmp_path):
    out = tmp_path / "g.ttl"
    assert main(["build", str(ROOT / "corpus"), "--out", str(out)]) == 0
    void = Graph().parse(tmp_path / "g.void.ttl")
    triples = int(void.value(URIRef("https://w3id.org/gpukg/dataset/gpu-market"),
                             URIRef("http://rdfs.org/ns/void#triples")))
    assert triples == len(Graph().parse(out))


def _with_a_violation(monkeypatch):
    """The loader's graph plus a round funded by a person: a violation the shapes must catch."""
    import gpukg.build as build_module
    from rdflib import RDF

    from gpukg.oxstore import serialize_sorted, to_store

    original = build_module.to_graph

    def broken(resolved):
        g = original(resolved)
        person = next(g.subjects(RDF.type, SCHEMA_PERSON))
        rnd = next(g.subjects(RDF.type, GK.FundingRound))
        g.set((rnd, GK.fundedCompany, person))
        return g

    monkeypatch.setattr(build_module, "to_graph", broken)
    monkeypatch.setattr(build_module, "to_ntriples", lambda resolved, processes=1: serialize_sorted(to_store(broken(resolved)), "nt"))


SCHEMA_PERSON = URIRef("https://schema.org/Person")


def test_build_refuses_to_replace_the_dump_when_it_has_violations(tmp_path, monkeypatch, capsys):
    out = tmp_path / "g.ttl"
    out.write_text("old")
    _with_a_violation(monkeypatch)
    assert main(["build", str(ROOT / "corpus"), "--out", str(out)]) == 1
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]  # the dump staged while validating is gone
    err = capsys.readouterr().err
    assert "violation" in err and "Traceback" not in err
    assert main(["build", str(ROOT / "corpus"), "--out", str(out), "--force"]) == 0
    assert out.read_text() != "old"


def test_build_prints_validation_and_the_headline(tmp_path, capsys):
    assert main(["build", str(ROOT / "corpus"), "--out", str(tmp_path / "g.ttl")]) == 0
    printed = capsys.readouterr().out
    assert "validation: conforms: 0 violation(s)" in printed
    # By hand from the reports: NVIDIA backs Lambda Labs and Together AI, both named as neoclouds
    # in the trends report's "Neocloud Emergence" section.
    assert "NVIDIA (Lambda Labs, Together AI)" in printed


def test_both_stores_hold_the_same_triples_for_awkward_text(tmp_path):
    from rdflib.compare import isomorphic

    from gpukg.oxstore import canonical_graph, from_store

    report = tmp_path / "awkward.md"
    report.write_text('# Notes on "Quoted" Cloud\n\n## Funding\n\n'
                      'Quoted Cloud raised $12.50M at a \\\\ path "C:\\\\gpu" — déjà vu 🚀 ([src](https://example.org/a?b=1&c=%22)).\n'
                      "\n| Company | Round | Amount |\n|---|---|---|\n| Quoted Cloud | Series A | €7.25M |\n",
                      encoding="utf-8")
    result = build([report], cache=None)
    assert isomorphic(canonical_graph(from_store(result.store)), canonical_graph(result.graph))
    assert len(result.store) == len(result.graph) > 20


def test_the_dump_is_made_from_the_lines_the_store_loaded_which_are_the_stores_own(tmp_path):
    # The build's N-Triples are written as Oxigraph writes them, so sorting them orders the dump as
    # sorting the store's own lines would. Control characters are where the two could differ: a tab
    # written raw here but as "\\t" by Oxigraph would sort before every letter instead of after "\\".
    report = tmp_path / "controls.md"
    report.write_text("# Tabbed Cloud: Company Profile\n\n## Funding\n\n"
                      "Tabbed Cloud raised a $50 million Series A\tin March 2024 \x0b\x7f \\ \"quoted\" (déjà).\n",
                      encoding="utf-8")
    result = build([report], cache=None)
    stored = result.store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    assert b"\\t" in result.ntriples and b"\\u000B" in result.ntriples and b"\\u007F" in result.ntriples
    assert result.ntriples == b"".join(sorted(stored.splitlines(keepends=True)))
    out = tmp_path / "g.ttl"
    assert dump_files(result, out)[out] == dump(result.store)


def test_a_bare_url_that_is_no_valid_iri_does_not_stop_the_build(tmp_path):
    # regression: "%zz" passed the link check and then failed the store's load with a traceback
    report = tmp_path / "r.md"
    report.write_text("# Acme Cloud: Company Profile\n\n## Funding\n\nAcme Cloud raised a $50 million Series A "
                      "in March 2024 (https://example.com/a{b} and https://x.com/%zz and https://x.com:80a/).\n")
    result = build([report])
    cited = {str(o) for o in result.graph.objects(None, GK.citedSource)}
    assert cited == {"https://example.com/a%7Bb%7D", "https://x.com/%25zz"}
    assert len(result.store) == len(result.graph)
    assert [n.line for n in result.notices if "x.com:80a" in n.message] == [5]
    # the store loads leniently (no IRI checked again): what went in must still pass a strict parser
    assert len(list(pyoxigraph.parse(dump(result.store, "nt"), format=pyoxigraph.RdfFormat.N_TRIPLES))) == len(result.store)


def test_the_headline_names_the_investors_backing_most_and_counts_the_rest(monkeypatch):
    from types import SimpleNamespace

    import gpukg.queries

    rows = [(f"Investor {i:02d}", f"Cloud {j}") for i in range(8) for j in range(2 + i)]
    monkeypatch.setattr(gpukg.queries, "run_query", lambda *a, **k: SimpleNamespace(vars=["investor", "neocloud"], rows=rows))
    text = headline(Graph(), shown=3)
    assert text.startswith("investors backing two or more neoclouds: Investor 07 (Cloud 0, Cloud 1, Cloud 2 and 6 more); "
                           "Investor 06 (")
    assert text.endswith("; and 5 more (gpukg query investors-backing-multiple-neoclouds)")


_ODD = ["\x00", "\ufeff", "\u2028", "\x0c", "\r", "\u202e", "|", "||", "**", "`", "```", "[^1]", "[^1]: ", "<sup>",
        "## ", "- ", "> ", "+--+--+", "$", "€", "−", "99999999999999999999999", "1e400", "31 February 2025", "Q5 2025",
        "https://x.com/%zz", "[x](", "](http://a b)", "[[", "::", "\\", "\"", "{", "| a | b |\n|---|\n| 1 | 2 | 3 |"]


@pytest.mark.parametrize("seed", range(6))
def test_a_mangled_report_builds_validates_and_dumps_without_a_traceback(tmp_path, seed):
    # Lines deleted, repeated and cut short, odd characters and Markdown put in at random: whatever the
    # reading makes of it, the build must not fail with anything but a GpukgError
    import random

    from gpukg.errors import GpukgError
    from gpukg.validate import check_built

    rng = random.Random(seed)
    sources = sorted(Path(__file__).parent.joinpath("data", "reports").glob("*.md"))
    lines = rng.choice(sources).read_text(encoding="utf-8").split("\n")
    for _ in range(rng.randint(10, 40)):
        i = rng.randrange(len(lines))
        op = rng.randrange(4)
        if op == 0 and len(lines) > 1:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            lines[i] = lines[i][: rng.randint(0, len(lines[i]))]
        else:
            k = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:k] + rng.choice(_ODD) + lines[i][k:]
    path = tmp_path / "mangled.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        result = build([path])
        check_built(result.store, force=True)
        assert dump(result.store)
    except GpukgError:
        pass


def test_output_closed_by_its_reader_is_no_traceback():
    # Regression: "gpukg build corpus/ | head" ended in a BrokenPipeError traceback once head had its lines
    proc = subprocess.Popen([sys.executable, "-m", "gpukg.cli", "build", "corpus/", "--no-validate", "--no-cache",
                             "--format", "nt"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # gone before the build has written anything
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert "Traceback" not in err and "Error" not in err
