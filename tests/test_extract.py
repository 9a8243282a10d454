"""Regression tests for loader bugs found by the other areas' fixtures."""
from __future__ import annotations

from gpukg.extract import extract, profile_sections
from gpukg.names import Gazetteer
from gpukg.records import Acquisition, Category
from gpukg.report import parse_report


def read(text: str):
    return extract(parse_report(text, "r.md"), Gazetteer())


def test_a_category_word_in_the_report_title_tags_no_company():
    ex = read("# Neocloud Deals\n\n## Profiles\n\n### 1. Quanta Infer\n\n- **Founded:** 2021\n"
              "- **Business Model:** Inference platform for open models\n")
    assert {(f.company, f.category) for f in ex.facts if isinstance(f, Category)} == {("Quanta Infer", "inference-platform")}


def test_a_profile_with_a_single_founding_bullet_is_a_profile():
    report = parse_report("# Deals\n\n## Companies\n\n### Orbit Cloud\n\n- **Founded:** 2020\n\nOrbit Cloud rents GPUs.\n", "r.md")
    assert list(profile_sections(report).values()) == ["Orbit Cloud"]


def test_a_listed_participle_states_no_deal_status():
    ex = read("# Notes\n\n## Insights\n\n- **Consolidation:** acquisitions begin (Acme Cloud acquiring Foo Compute)\n")
    (deal,) = [f for f in ex.facts if isinstance(f, Acquisition)]
    assert (deal.acquirer, deal.target, deal.status) == ("Acme Cloud", "Foo Compute", None)


def test_a_labelled_acquisition_may_open_with_its_verb():
    ex = read("# P\n\n## Profiles\n\n### Acme Cloud\n\n- **Founded:** 2020\n"
              "- **Acquisition:** Acquired Baxeon Networks for €1B (November 2024)\n")
    (deal,) = [f for f in ex.facts if isinstance(f, Acquisition)]
    assert (deal.acquirer, deal.target, deal.price.currency) == ("Acme Cloud", "Baxeon Networks", "EUR")


def test_a_relative_link_is_a_warning_not_a_cited_source():
    ex = read("# P\n\n## Funding\n\nAcme Cloud raised $5M ([notes](notes.md), [filing](https://example.org/f)).\n")
    (statement,) = [s for s in ex.statements if s.kind == "paragraph"]
    assert statement.cited == ("https://example.org/f",)
    assert [n.line for n in ex.notices if "notes.md" in n.message] == [5]


SHORT_NAMES = ("# P\n\n## Profiles\n\n### 1. Bisiva Cloud\n\n- **Founded:** 2017\n\n**Business Model**\n"
               "Bisiva provides AI infrastructure as a GPU cloud.\n\n### 2. Traivuma Cloud\n\n- **Founded:** 2019\n\n"
               "**Business Model**\nTraivuma is a neocloud that rents dedicated GPU clusters.\n\n### 3. Microsoft Azure\n\n"
               "- **Founded:** 2008\n\n**Business Model**\nMicrosoft operates as an inference platform for its own models.\n")


def test_a_profile_names_its_company_by_its_first_word():
    # Regression: the category went to no one ("Bisiva") or to another node ("Traivuma", known as
    # a name of its own from another report); a known company ("Microsoft") keeps its own sentences.
    ex = extract(parse_report(SHORT_NAMES, "r.md"), Gazetteer({"Traivuma"}))
    assert {(f.company, f.category) for f in ex.facts if isinstance(f, Category)} == {
        ("Bisiva Cloud", "neocloud"), ("Traivuma Cloud", "neocloud"), ("Microsoft", "inference-platform")}
