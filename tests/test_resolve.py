"""One node per entity and per fact across reports; conflicts kept apart."""
from __future__ import annotations


import pytest
from rdflib import Literal
from rdflib.namespace import RDF, SKOS

from gpukg.build import build
from gpukg.iris import GK, PROV, SCHEMA

PROFILES = """# Quarterly Profiles

## Company Profiles

### 1. Zephyr Compute Inc.

**Company Overview**
- **Founded:** 2020
- **Headquarters:** Austin, Texas

**Funding History**
- **Total Raised:** $60M
- **Series A:** $20M (May 2023) led by Northwind Capital
- **Series B:** $40M (June 2024) led by Northwind, with participation from Intel Capital
"""

TRENDS = """# Market Trends

## Investment Trends

### Notable Deals

- Zephyr Compute raised a $40M Series B in June 2024 led by Northwind Capital.
- **Zephyr Compute**: $500M valuation with strong demand
- Intel invested in Zephyr Compute alongside its venture arm.

### Other Views

- **Zephyr Compute**: $700M valuation according to a second source
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "profiles.md").write_text(PROFILES)
    (folder / "trends.md").write_text(TRENDS)
    return build([folder]).graph


def nodes_labelled(graph, label):
    return {s for s in graph.subjects(SKOS.prefLabel, Literal(label))} | {s for s in graph.subjects(SKOS.altLabel, Literal(label))}


def test_spellings_of_one_company_are_one_node(graph):
    (a,) = nodes_labelled(graph, "Zephyr Compute Inc.") or nodes_labelled(graph, "Zephyr Compute")
    assert nodes_labelled(graph, "Zephyr Compute") == {a}
    assert (a, RDF.type, GK.Company) in graph


def test_investor_named_with_and_without_capital_is_one_node(graph):
    assert len(nodes_labelled(graph, "Northwind") | nodes_labelled(graph, "Northwind Capital")) == 1


def test_venture_arm_stays_apart_from_its_parent(graph):
    arm, = nodes_labelled(graph, "Intel Capital")
    parent, = nodes_labelled(graph, "Intel")
    assert arm != parent
    assert (arm, SCHEMA.parentOrganization, parent) in graph


ARM = """# Profiles

## Company Profiles

### 1. Quasar Labs

**Funding History**
- **Series A:** $30M (March 2024) led by Vexo Capital

### 2. Orbital Cloud

**Funding History**
- **Seed Round:** $5M (May 2023) led by Vexo
- **Series A:** $25M (June 2024) led by Quasar Ventures, with participation from Quasar Labs
"""


def test_a_companys_venture_arm_is_another_investor_without_being_curated(tmp_path):
    # Regression: "Quasar Ventures" merged into the company "Quasar Labs" (both invest, one key)
    (tmp_path / "profiles.md").write_text(ARM)
    graph = build([tmp_path]).graph
    arm, = nodes_labelled(graph, "Quasar Ventures")
    company, = nodes_labelled(graph, "Quasar Labs")
    assert arm != company
    assert (company, RDF.type, GK.Company) in graph and (arm, RDF.type, GK.Investor) in graph
    assert (arm, RDF.type, GK.Company) not in graph
    assert (arm, SCHEMA.parentOrganization, company) in graph
    assert str(graph.value(arm, GK.investorKind)).endswith("/corporate-venture")
    # an investor-only firm named with and without its investor word stays one
    assert len(nodes_labelled(graph, "Vexo") | nodes_labelled(graph, "Vexo Capital")) == 1


SHORT_PROFILE = """# Profiles

## Company Profiles

### 1. Bisiva Cloud

**Company Overview**
- **Founded:** 2017

**Business Model**
Bisiva provides AI infrastructure as a GPU cloud.
"""

SHORT_TRENDS = """# Trends

## Investment Trends

- Bisiva raised a $20M Series A in May 2024 led by Vexo Capital.
- Bisiva expanded to three regions, and Bisiva now serves 400 customers.
"""


def test_a_short_name_its_profile_uses_is_the_company_in_other_reports(tmp_path):
    # Regression: "Bisiva" in a trend report was a second company beside the profiled Bisiva Cloud
    (tmp_path / "profiles.md").write_text(SHORT_PROFILE)
    (tmp_path / "trends.md").write_text(SHORT_TRENDS)
    graph = build([tmp_path]).graph
    company, = nodes_labelled(graph, "Bisiva Cloud") | nodes_labelled(graph, "Bisiva")
    assert graph.value(company, SKOS.prefLabel) == Literal("Bisiva Cloud")  # the profile's name, not the most used
    assert str(graph.value(company, GK.category)).endswith("/neocloud")
    assert any(graph.subjects(GK.fundedCompany, company))


def test_round_stated_in_two_reports_is_one_round_with_two_sources(graph):
    rounds = [r for r in graph.subjects(GK.roundType, None)
              if str(graph.value(r, GK.roundType)).endswith("/series-b")]
    assert len(rounds) == 1
    sources = {graph.value(s, GK.document) for s in graph.objects(rounds[0], PROV.wasDerivedFrom)}
    assert len(sources) == 2
    lead, = graph.objects(rounds[0], GK.leadInvestor)
    assert lead in nodes_labelled(graph, "Northwind Capital")


def test_conflicting_figures_are_both_kept(graph):
    values = sorted(int(graph.value(o, SCHEMA.value)) for o in graph.subjects(GK.metric, None)
                    if str(graph.value(o, GK.metric)).endswith("/valuation"))
    assert values == [500_000_000, 700_000_000]


def test_a_role_stated_with_and_without_its_date_is_one_dated_fact(tmp_path):
    (tmp_path / "profiles.md").write_text("# P\n\n## Halden Compute\n\n- **Founded:** 2019\n"
                                          "- **Leadership:** Maria Lind (CFO)\n")
    (tmp_path / "news.md").write_text("# N\n\n## People\n\n- Halden Compute appointed Maria Lind as CFO in March 2024.\n"
                                      "- Halden Compute named Maria Lind CFO in 2021.\n")
    graph = build([tmp_path]).graph
    roles = sorted((str(graph.value(r, GK.date)), len(set(graph.objects(r, PROV.wasDerivedFrom))))
                   for r in graph.subjects(RDF.type, GK.RoleAssignment))
    # the undated bullet agrees with either date; it joins the first it meets, and 2021 stays apart
    assert len(roles) == 2 and {date for date, _ in roles} == {"2024-03", "2021"}
    assert sorted(n for _, n in roles) == [1, 2]


def test_an_investing_corporation_named_as_one_keeps_its_venture_arm_apart(tmp_path):
    # Regression: "Burkiva Semiconductor" and "Burkiva Semiconductor Ventures", both only seen
    # investing, were one investor (as "Vexo" and "Vexo Capital" rightly are)
    (tmp_path / "deals.md").write_text(
        "# Deals\n\n## Rounds\n\n- Kestrel Cloud raised a $20M Series A led by Burkiva Semiconductor Ventures.\n"
        "- Pyrite Cloud raised a $9M seed round led by Burkiva Semiconductor.\n"
        "- Oriel Compute raised a $5M seed round led by Vexo Capital, with participation from Vexo.\n")
    graph = build([tmp_path]).graph
    arm, = nodes_labelled(graph, "Burkiva Semiconductor Ventures")
    parent, = nodes_labelled(graph, "Burkiva Semiconductor")
    assert arm != parent and (arm, SCHEMA.parentOrganization, parent) in graph
    assert str(graph.value(arm, GK.investorKind)).endswith("/corporate-venture")
    assert len(nodes_labelled(graph, "Vexo") | nodes_labelled(graph, "Vexo Capital")) == 1


def test_whose_revenue_or_valuation_a_report_gives_is_a_company(tmp_path):
    # Regression: named only in bullets of figures, they were organizations no company query found
    (tmp_path / "signals.md").write_text("# S\n\n## Signals\n\n"
                                         "- Halvorsen Compute reportedly generated around $310 million in revenue in 2025.\n"
                                         "- Corvina Labs is rumoured to be seeking a valuation of $4 billion.\n"
                                         "- Market share of Brightline Research rose to 12%.\n")
    graph = build([tmp_path]).graph
    companies = {str(graph.value(c, SKOS.prefLabel)) for c in graph.subjects(RDF.type, GK.Company)}
    assert companies == {"Halvorsen Compute", "Corvina Labs"}


def test_a_name_that_is_a_place_in_one_report_and_an_investor_in_another(tmp_path):
    # Regression: built together, "Saudi Arabia" (a sovereign backer in one report, a company's home in
    # the other) was one organization node, and the headquarters' place was no schema:Place
    (tmp_path / "a.md").write_text("# Gulf\n\nSaudi Arabia led a $300 million Series B in Wadi Compute.\n")
    (tmp_path / "b.md").write_text("# Gulf\n\nHijaz Datahalls, a data-center operator based in Saudi Arabia, "
                                   "runs 40 MW.\n")
    graph = build([tmp_path]).graph
    org, = nodes_labelled(graph, "Saudi Arabia") - set(graph.subjects(RDF.type, SCHEMA.Place))
    place, = set(graph.subjects(RDF.type, SCHEMA.Place))
    assert (org, RDF.type, GK.Investor) in graph
    hq = graph.value(predicate=GK.place, object=place)
    assert hq is not None and graph.value(hq, GK.place) == place


def test_a_legal_name_written_with_its_comma_is_a_spelling_of_the_company(tmp_path):
    # regression: prose reads "Shinonome GPU Cloud, Inc." as one name without its comma, so the legal
    # name as written was no label of the company, and a lookup by it found nothing
    path = tmp_path / "r.md"
    path.write_text("# Shinonome GPU Cloud: Company Profile\n\nTOKYO, November 13, 2025 -- Shinonome GPU Cloud, Inc., "
                    "a Tokyo-based neocloud, raised JPY 2 billion from Kiyose Holdings, Ltd. in October 2025.\n")
    graph = build([path]).graph
    (company,) = nodes_labelled(graph, "Shinonome GPU Cloud")
    assert nodes_labelled(graph, "Shinonome GPU Cloud, Inc.") == {company}
    (investor,) = nodes_labelled(graph, "Kiyose Holdings, Ltd.")
    assert investor != company and (None, GK.fundedCompany, company) in graph


def test_a_company_known_by_its_legal_name_alone_is_labelled_without_its_form(tmp_path):
    # regression: "Kestrevo, Inc." was labelled "Kestrevo Inc.", so the name a reader knows it by was no label
    path = tmp_path / "r.md"
    path.write_text("# Notes\n\nKestrevo, Inc., a Seattle-based serverless GPU platform, raised $38M.\n\n"
                    "Marlowgate Compute Ltd. raised £40 million from Barclays.\n")
    graph = build([path]).graph
    for name, legal in (("Kestrevo", "Kestrevo, Inc."), ("Marlowgate Compute", "Marlowgate Compute Ltd.")):
        (company,) = nodes_labelled(graph, legal)
        assert (company, SKOS.prefLabel, Literal(name)) in graph


def test_a_name_with_its_english_name_in_brackets_is_one_company_not_a_place(tmp_path):
    # regression: "Hanhai Suanli (Hanhai Compute)" made "Hanhai Compute" a place and the company's headquarters
    path = tmp_path / "r.md"
    path.write_text("# Notes\n\nHanhai Suanli (Hanhai Compute), a Beijing-based computing-power leasing company, raised "
                    "RMB 1.2 billion in November 2025.\n\nQianhe Zhineng (Kilostream AI) raised an RMB 30 million angel round.\n"
                    "\nKumotori Systems (Frankfurt am Main) raised $5M.\n")
    graph = build([path]).graph
    (hanhai,) = nodes_labelled(graph, "Hanhai Suanli")
    assert nodes_labelled(graph, "Hanhai Compute") == {hanhai}
    assert nodes_labelled(graph, "Kilostream AI") == nodes_labelled(graph, "Qianhe Zhineng") != set()
    places = {str(o) for o in graph.objects(None, SCHEMA.location)} | {str(s) for s in graph.subjects(RDF.type, SCHEMA.Place)}
    assert not [p for p in places if "hanhai" in p or "kilostream" in p]
    assert any(p.endswith("/frankfurt-am-main") for p in places)  # a city in brackets still is one


@pytest.mark.parametrize("news, kinds", [
    # the amount of one typed round of the company at a date that can be the same: that round
    ("- Halden Compute raised $40M in 2024.\n", ["series-a", "series-b"]),
    # two typed rounds of that amount the date allows: nothing says which, so it stays a round of its own
    ("- Halden Compute raised $40M in a funding round.\n", ["series-a", "series-b", "unspecified"]),
    # no amount: nothing says which round it is
    ("- Halden Compute raised an undisclosed sum from Intel Capital in June 2024.\n", ["series-a", "series-b", "unspecified"]),
    # another date
    ("- Halden Compute raised $40M in 2021.\n", ["series-a", "series-b", "unspecified"]),
])
def test_a_round_of_untold_type_is_the_typed_round_its_amount_and_date_pick_out(tmp_path, news, kinds):
    (tmp_path / "profiles.md").write_text("# P\n\n## Halden Compute\n\n- **Series A:** $40M (May 2023)\n"
                                          "- **Series B:** $40M (June 2024)\n")
    (tmp_path / "news.md").write_text("# N\n\n## Deals\n\n" + news)
    graph = build([tmp_path]).graph
    assert sorted(str(graph.value(r, GK.roundType)).rsplit("/", 1)[1]
                  for r in graph.subjects(RDF.type, GK.FundingRound)) == kinds
