"""Regression tests for labelled lines, lists and tables (``labels``, ``report``, ``tables``), found by fixture reports written in wordings the loader had not seen."""
from __future__ import annotations

from decimal import Decimal

from test_deals import build_text, built, of_kind
from test_extract import NEWS, TIMELINE, facts_of, read

from gpukg.extract import extract
from gpukg.names import Gazetteer
from gpukg.report import parse_report


def test_a_timeline_tells_its_lines_under_dates_without_their_subject():
    # Regression: under a date label a seed round "of C$8 million led by X" and an appointment were
    # figures of a metric named "march" or nothing, "**2019** — Founded by ..." (a dash, not a colon)
    # was no label, and "Appointed Daniel Okafor" was a person's name
    ex = read(TIMELINE + "- **March 2023:** Seed round of C$8 million led by Maple Leaf Ventures.\n"
              "- **May 2025:** Appointed Daniel Okafor as Chief Financial Officer.\n"
              "- **2019** — Founded by Rosa Delgado and Ethan Brooks.\n"
              "- **2025** — Reached 12,000 GPUs and an annual revenue run rate of $210 million.\n")
    assert [(f.kind, f.amount.value, f.amount.currency, f.when.iso, f.leads) for f in facts_of(ex, "Round")] == [
        ("seed", Decimal("8000000"), "CAD", "2023-03", ("Maple Leaf Ventures",))]
    assert sorted((f.person, f.role, f.when and f.when.iso) for f in facts_of(ex, "Role")) == [
        ("Daniel Okafor", "cfo", "2025-05"), ("Ethan Brooks", "founder", None), ("Rosa Delgado", "founder", None)]
    assert [f.when.iso for f in facts_of(ex, "Founding")] == ["2019"]
    assert sorted((f.metric, f.when.iso) for f in facts_of(ex, "Observation")) == [("arr", "2025"), ("gpus", "2025")]


def test_an_interview_answer_under_its_speaker():
    # Regression: "**Rosa Delgado, CEO of Halcyon Compute:** We expect to pass 30,000 GPUs" made the
    # label a company with the GPUs, and the CEO no role
    ex = read("# Interview, Q3 2025\n\n## Q&A\n\n**Q: How many GPUs?**\n\n**Rosa Delgado, CEO of Halcyon Compute:** "
              "We expect to pass 30,000 GPUs by the end of 2026.\n")
    assert [(f.person, f.company, f.role) for f in facts_of(ex, "Role")] == [("Rosa Delgado", "Halcyon Compute", "ceo")]
    (gpus,) = facts_of(ex, "Observation")
    assert (gpus.subject, gpus.metric, gpus.quantity.value, "projected" in gpus.qualifiers) == (
        "Halcyon Compute", "gpus", Decimal("30000"), True)


def test_a_deal_table_notes_column_gives_the_deal_state():
    ex = read("# Deals, Q3 2025\n\n## Deal Sheet\n\n| Date | Acquirer | Target | Notes |\n|---|---|---|---|\n"
              "| Jul 2025 | Vantora Systems | Marisol AI | Pending regulatory approval |\n")
    assert [(f.acquirer, f.target, f.status) for f in facts_of(ex, "Acquisition")] == [
        ("Vantora Systems", "Marisol AI", "pending")]


def test_a_table_with_a_column_per_company():
    # Regression: "| | Fernhill AI | Stratos Compute |" over a row per measure gave nothing
    ex = read("# Metrics, 2025\n\n## Metrics\n\n| | Fernhill AI | Stratos Compute |\n|---|---|---|\n"
              "| Revenue ($M, 2024) | 72 | 190 |\n| HQ | Osaka | Austin |\n")
    assert [(f.subject, f.metric, f.quantity.value, f.quantity.currency, f.when.iso) for f in facts_of(ex, "Observation")] == [
        ("Fernhill AI", "revenue", Decimal("72000000"), "USD", "2024"),
        ("Stratos Compute", "revenue", Decimal("190000000"), "USD", "2024")]
    assert [(f.company, f.place) for f in facts_of(ex, "Headquarters")] == [
        ("Fernhill AI", "Osaka"), ("Stratos Compute", "Austin")]


def test_bare_urls_and_footnotes_told_in_words_are_cited():
    # Regression: a URL not written as a Markdown link, and a note "[^1]: Acme press release, ..., URL",
    # were no cited sources
    # (the note's source goes to every sentence of the line that cites it: the marker is gone from
    # the sentence's text once read)
    report = parse_report(NEWS + "Orin Systems was acquired by Stratos Compute in August 2025.[^1]\n\nSee "
                          "https://example.org/deals.\n\n[^1]: Stratos Compute press release, 12 August 2025, "
                          "https://example.com/stratos-orin\n", "r.md")
    first = next(b for b in report.blocks if b.text.startswith("Orin"))
    assert [link.url for link in first.links] == ["https://example.com/stratos-orin"]
    second = next(b for b in report.blocks if b.text.startswith("See"))
    assert [link.url for link in second.links] == ["https://example.org/deals"]


def test_a_ranked_list_of_names_with_their_place_and_a_dash():
    # Regression: "**Kestrel GPU** (Berlin) — ..." was no label; the round went to a company named
    # "B" (from "$1.1B raised") with the total as its amount, and the GPUs were lost to the round
    ex = read("# League, 2025\n\n## Rankings\n\n1. **Kestrel GPU** (Berlin) — ~22k H100s; $1.1B raised to date; "
              "last valued at $4B (Series C, Mar 2025).\n")
    assert [(f.company, f.place) for f in facts_of(ex, "Headquarters")] == [("Kestrel GPU", "Berlin")]
    assert [(f.company, f.kind, f.amount, f.valuation.value, f.when.iso) for f in facts_of(ex, "Round")] == [
        ("Kestrel GPU", "series-c", None, Decimal("4000000000"), "2025-03")]
    assert sorted((f.subject, f.metric, f.quantity.value) for f in facts_of(ex, "Observation")) == [
        ("Kestrel GPU", "gpus", Decimal("22000")), ("Kestrel GPU", "total-raised", Decimal("1100000000"))]


def test_deals_in_a_list_without_their_subject_or_with_an_arrow():
    ex = read("# League, 2025\n\n## M&A Roundup\n\n- **Tessera Labs** — acquired by Lumen Cloud for $80M (Sep '25).\n"
              "- **Kestrel GPU → Fjord Racks**: announced, terms undisclosed.\n")
    assert [(f.acquirer, f.target, f.when and f.when.iso, f.status) for f in facts_of(ex, "Acquisition")] == [
        ("Lumen Cloud", "Tessera Labs", "2025-09", "completed"), ("Kestrel GPU", "Fjord Racks", None, "announced")]
    assert not facts_of(ex, "Observation")  # "(Sep '25)": no figure 25


def test_an_investors_label_over_the_names_it_backs():
    ex = read("# League, 2025\n\n## Who Backs Whom\n\n- **Greylock Partners:** Kestrel GPU, Arbor Compute\n"
              "- **Inovia Capital:** Arbor Compute (lead, Series B)\n- **Redline Capital:** Invested $5M in 2024.\n")
    assert [(f.investor, f.company) for f in facts_of(ex, "Backing")] == [
        ("Greylock Partners", "Kestrel GPU"), ("Greylock Partners", "Arbor Compute"), ("Inovia Capital", "Arbor Compute")]


def test_a_profiles_own_table_of_rounds_and_its_leaders():
    # Regression: "| Round | Date | Amount | Lead |" under a profile made companies named "Seed" and
    # "Series A"; "(since March 2024)" after a name was a title "since march 2024"
    ex = read(TIMELINE + "| Round | Date | Amount | Lead |\n|---|---|---|---|\n| Seed | 2022-04 | €6M | Speedinvest |\n\n"
              "- **CFO:** Mei Sato (since March 2024)\n- CTO: Anouk Jansen (since 2023)\n")
    assert [(f.company, f.kind, f.amount.value, f.leads) for f in facts_of(ex, "Round")] == [
        ("Marisol AI", "seed", Decimal("6000000"), ("Speedinvest",))]
    assert [(f.person, f.role, f.when.iso) for f in facts_of(ex, "Role")] == [
        ("Mei Sato", "cfo", "2024-03"), ("Anouk Jansen", "cto", "2023")]


def test_a_press_release_dateline_is_no_company():
    # Regression: "**SAN FRANCISCO, Nov. 24, 2025** — ..." made the dateline a company with the round
    ex = extract(parse_report(NEWS + "**SAN FRANCISCO, Nov. 24, 2025** — Brightforge AI, a provider of GPU cloud "
                              "infrastructure, today announced $85 million in Series B financing led by Menlo Ventures. "
                              "Existing investors Amplify Partners and Conviction also participated.\n", "r.md"),
                 Gazetteer({"Brightforge AI"}))
    assert [(f.company, f.kind, f.when and f.when.iso, f.leads, f.participants) for f in facts_of(ex, "Round")] == [
        ("Brightforge AI", "series-b", "2025-11-24", ("Menlo Ventures",), ()),
        ("Brightforge AI", "series-b", None, (), ("Amplify Partners", "Conviction"))]


def test_a_note_under_a_table_says_what_its_prices_are_per_and_when():
    # Regression: "Prices are per GPU-hour, ..., as of December 1, 2025." under a table of bare prices
    # left them per nothing and undated
    ex = read("# Monitor, Q4 2025\n\n## Pricing\n\n| Provider | H100 | B200 |\n|---|---|---|\n"
              "| Kelvin Cloud | $2.10 | $4.50 |\n\nPrices are per GPU-hour, on demand, as of December 1, 2025.\n\n"
              "Ostro Cloud charges $3 per month.\n")
    assert [(f.subject, f.segment, f.quantity.per, f.when and f.when.iso) for f in facts_of(ex, "Observation")] == [
        ("Kelvin Cloud", "H100", "hour", "2025-12-01"), ("Kelvin Cloud", "B200", "hour", "2025-12-01"),
        ("Ostro Cloud", None, "month", None)]


NESTED = ("# Fact Sheet, 2025\n\n## Providers\n\n- **Halden Cloud**\n  - Founded: 2019\n  - Founder & CEO: Ingrid Berg\n"
          "- **Pyxis Serverless**\n  - Founded: 2022\n  - HQ: Lisbon, Portugal\n\nThe company also counts 120 customers.\n")


def test_a_bold_item_over_a_list_of_its_own_is_a_profile():
    # Regression: "- **Halden Cloud**" over "  - Founded: 2019" gave nothing (the plain "Label: value"
    # items were no labels, the bold item no heading); "Founder & CEO" was no title
    report = parse_report(NESTED, "r.md")
    assert [(b.kind, b.text, b.level) for b in report.blocks if b.kind == "heading"][-2:] == [
        ("heading", "Halden Cloud", 3), ("heading", "Pyxis Serverless", 3)]
    ex = extract(report, Gazetteer())
    assert [(f.company, f.when.iso) for f in facts_of(ex, "Founding")] == [("Halden Cloud", "2019"), ("Pyxis Serverless", "2022")]
    assert sorted((f.person, f.role) for f in facts_of(ex, "Role")) == [("Ingrid Berg", "ceo"), ("Ingrid Berg", "founder")]
    # the paragraph after the list is no line of the last item's profile
    last = next(b for b in report.blocks if b.text.startswith("The company"))
    assert "Pyxis Serverless" not in last.section
    assert not [f for f in facts_of(ex, "Observation") if f.subject == "Pyxis Serverless"]


def test_a_plain_list_is_labelled_only_when_every_item_is_label_and_value():
    report = parse_report("# R\n\n## Notes\n\n- Founded: 2019\n- Demand is strong: prices rose\n- GPUs are scarce.\n", "r.md")
    assert [b.label for b in report.blocks if b.kind == "bullet"] == [None, None, None]


def test_a_profile_heading_with_its_category_in_brackets():
    ex = read("# R, 2025\n\n## Providers\n\n### Corvus Labs (Inference platform)\n\nCorvus Labs serves open models "
              "to 3,000 developers.\n")
    assert [(f.company, f.category) for f in facts_of(ex, "Category")] == [("Corvus Labs", "inference-platform")]


def test_a_question_states_nothing_and_its_answer_names_the_round_it_asks_about():
    # Regression: "**Q: Who led Vela Compute's Series B?**" made "Who" a backer, and the answer's
    # "$80M round" was an unclassified figure of Ardent Capital's, its segment "A"
    ex = read("# Analyst Q&A (November 2025)\n\n## Questions\n\n**Q: Who led Vela Compute's Series B?**\n"
              "A: Ardent Capital led the $80M round in May 2025, with Kiln Ventures and Moraine Partners joining.\n\n"
              "**Q: How big is Brightforge's fleet?**\nA: Brightforge operates about 12,000 H100s.\n")
    assert facts_of(ex, "Backing") == []
    assert [(f.company, f.kind, f.amount.value, f.leads, f.participants) for f in facts_of(ex, "Round")] == [
        ("Vela Compute", "series-b", Decimal("80000000"), ("Ardent Capital",), ("Kiln Ventures", "Moraine Partners"))]
    assert [(f.subject, f.metric, f.segment) for f in facts_of(ex, "Observation")] == [("Brightforge", "gpus", "H100")]


def test_a_post_money_column_is_the_rounds_valuation():
    ex = read("# Funding log\n\n| Date | Company | Round | Amount | Lead investor(s) | Post-money |\n|---|---|---|---|---|---|\n"
              "| 2025-03-14 | Tallis Cloud | Seed | €12m | Speedinvest | €48m |\n")
    assert [(f.company, f.valuation.value, f.valuation.currency) for f in facts_of(ex, "Round")] == [
        ("Tallis Cloud", Decimal("48000000"), "EUR")]


HTML_AND_CODE = ("# Odd formats (November 2025)\n\n## Fleet\n\n<table>\n<tr><th>Company</th><th>GPUs</th></tr>\n"
                 "<tr><td>Lyra Compute</td><td>8,000</td></tr>\n</table>\n\n<!-- internal: check Lyra -->\n\n"
                 "<div>Lyra Compute &amp; partners</div>\n\n```\nLyra Compute raised $999M (an example)\n```\n")


def test_an_html_table_is_read_as_a_table_and_other_html_as_text():
    # Regression: an HTML block was dropped without a word: no statement, no fact
    report = parse_report(HTML_AND_CODE, "odd.md")
    assert [(b.kind, b.line, b.text) for b in report.blocks if b.kind != "heading"] == [
        ("table-row", 7, "Company: Lyra Compute; GPUs: 8,000"), ("paragraph", 12, "Lyra Compute & partners"),
        ("code", 15, "Lyra Compute raised $999M (an example)")]
    ex = extract(report, Gazetteer())
    assert [(f.subject, f.metric, f.quantity.value) for f in facts_of(ex, "Observation")] == [("Lyra Compute", "gpus", 8000)]


def test_a_code_block_is_kept_as_statements_but_not_read():
    ex = extract(parse_report(HTML_AND_CODE, "odd.md"), Gazetteer())
    assert [(s.kind, s.source.line) for s in ex.statements if s.kind == "code"] == [("code", 15)]
    assert not [f for f in ex.facts if getattr(f, "amount", None) or getattr(f, "quantity", None) and f.quantity.value == 999000000]
    assert [(n.line, n.message) for n in ex.notices] == [(15, "a code block is kept as statements; its lines are not read for facts")]


def test_a_table_of_leadership_changes_gives_each_row_its_role():
    # Regression: a table with Person, Company and New role columns gave nothing
    ex = read("# Digest (Q4 2025)\n\n## Leadership changes\n\n| Person | Company | New role | Previously | Effective |\n"
              "|---|---|---|---|---|\n| Amara Osei | Tessel Cloud | Chief Executive Officer | President, Tessel Cloud | October 2025 |\n")
    assert [(f.person, f.company, f.role, f.when.iso) for f in facts_of(ex, "Role")] == [
        ("Amara Osei", "Tessel Cloud", "ceo", "2025-10")]


def test_a_column_per_year_measures_what_the_heading_names():
    # Regression: "| 2023 | 2024 | 2025E |" minted metrics named "2023" and "e", as counts
    ex = read("# Cards (January 2026)\n\n## Revenue by year ($M)\n\n| Company | 2023 | 2025E |\n|---|---|---|\n"
              "| Orin Cloud | 12 | 130 |\n")
    assert [(f.subject, f.metric, f.quantity.value, f.quantity.currency, f.when.iso, f.qualifiers)
            for f in facts_of(ex, "Observation")] == [
        ("Orin Cloud", "revenue", Decimal("12000000"), "USD", "2023", ()),
        ("Orin Cloud", "revenue", Decimal("130000000"), "USD", "2025", ("estimated",))]


def test_a_cards_fields_are_read_each_by_its_label():
    # Regression: "HQ Austin, Texas" and "Backers: Index Ventures, Accel" between "·" were not read
    ex = read("# Cards (January 2026)\n\n## Cards\n\n**Orin Cloud** — Founded 2019 · HQ Austin, Texas · CEO Jane Roe · "
              "1,200 GPUs · Key investors: Index Ventures, Accel\n")
    assert [(f.company, f.place) for f in facts_of(ex, "Headquarters")] == [("Orin Cloud", "Austin, Texas")]
    assert [(f.investor, f.company) for f in facts_of(ex, "Backing")] == [
        ("Index Ventures", "Orin Cloud"), ("Accel", "Orin Cloud")]
    assert [(f.subject, f.metric) for f in facts_of(ex, "Observation")] == [("Orin Cloud", "gpus")]


def test_a_title_held_since_a_date_in_the_label():
    # Regression: "**CFO since 2024:** Laura Chen" gave no role
    ex = read("# Profiles (2025)\n\n## Arden Cloud\n\n- **Founded:** 2019\n- **CFO since 2024:** Laura Chen\n")
    assert [(f.person, f.company, f.role, f.when.iso) for f in facts_of(ex, "Role")] == [("Laura Chen", "Arden Cloud", "cfo", "2024")]


def test_cards_in_other_shapes(tmp_path):
    # Regression: "**X** · category · round · backers" and "X (City): category, ..." were no cards:
    # their facts had no company, and a place alone as a card's last field said nothing
    from test_deals import built, of_kind
    facts = built(tmp_path, "# GPU Market Map 2025\n\n## Companies\n\n"
                            "- **Flintlock Run** · serverless GPU · $11M seed (2024) · backers: Y Combinator, Greylock\n"
                            "- **Cobbleport** · GPU marketplace · Toronto\n"
                            "- Ondavia (Lisbon): serverless inference, 4,000 users, CTO Tiago Azevedo\n")
    assert of_kind(facts, "Category", "company", "category") == [
        ("Cobbleport", "gpu-marketplace"), ("Flintlock Run", "serverless-gpu-platform"), ("Ondavia", "serverless-gpu-platform")]
    assert of_kind(facts, "Headquarters", "company", "place") == [("Cobbleport", "Toronto"), ("Ondavia", "Lisbon")]
    assert of_kind(facts, "Observation", "subject", "metric") == [("Ondavia", "users")]
    assert ("Tiago Azevedo", "Ondavia", "cto") in of_kind(facts, "Role", "person", "company", "role")


def test_a_label_over_a_sentence_that_names_a_category_is_no_name():
    # Regression: a card was told by a category word anywhere in its text, so the insight
    # "**Strategic Backing:** NVIDIA, AMD, and major cloud providers are investing ..." became an organization
    ex = read("# Report\n\n## Key Insights\n\n- **Strategic Backing:** NVIDIA, AMD, and major cloud providers are "
              "investing across multiple platforms\n")
    assert "Strategic Backing" not in {name for name, _ in ex.kinds}


def test_a_place_opening_a_description_after_a_name(tmp_path):
    # Regression: "Cindervale Inference, a Seattle inference platform, ..." gave the category, not the place
    from test_deals import built, of_kind

    facts = built(tmp_path, "# Notes\n\nCindervale Inference, a Seattle inference platform, took a different route.\n")
    assert of_kind(facts, "Headquarters", "company", "place") == [("Cindervale Inference", "Seattle")]


def test_a_list_of_shareholders_and_their_stakes(tmp_path):
    # Regression: "- Sequoia Capital: 14.2%" under "Pre-IPO shareholders (...):" was a figure whose
    # metric was the investor's name, not a backing
    from test_deals import built, of_kind

    facts = built(tmp_path, "# IPO watch\n\n## Corvanta Cloud\n\nCorvanta Cloud is a neocloud.\n\nPre-IPO shareholders "
                            "(stakes before the offering, per the S-1):\n\n- Sequoia Capital: 14.2%\n- NVIDIA: 6.8%\n")
    assert of_kind(facts, "Backing", "investor", "company") == [("NVIDIA", "Corvanta Cloud"), ("Sequoia Capital", "Corvanta Cloud")]
    assert not [d for name, d in facts if name == "Observation"]


def test_a_name_said_to_be_a_category_is_a_company(tmp_path):
    # Regression: "Ferrule AI is an inference platform based in Boston." read nothing: the name did not
    # look like an organization's; what it is says so (but not "Europe is a market for GPU clouds")
    from test_deals import built, of_kind

    facts = built(tmp_path, "# Notes\n\nFerrule AI is an inference platform based in Boston.\n\nTollgate Inference is a "
                            "serverless GPU platform.\n\nEurope is a market for GPU clouds.\n")
    assert of_kind(facts, "Category", "company", "category") == [
        ("Ferrule AI", "inference-platform"), ("Tollgate Inference", "serverless-gpu-platform")]
    assert of_kind(facts, "Headquarters", "company", "place") == [("Ferrule AI", "Boston")]


def test_answers_are_of_the_company_their_question_names(tmp_path):
    # Regression: "Q. ..."/"A. ..." lines made a company "A."; an answer's figures had no company and a
    # bare answer ("$4.2 billion, up from ...") no measure; "Covers Halvane Compute, ..." named a
    # company "Covers Halvane Compute"
    from test_deals import built, of_kind

    from gpukg.build import build

    facts = built(tmp_path, "# FAQ\n\nCovers Halvane Compute, an Austin-based neocloud, and its peers.\n\n"
                            "**Q: How many GPUs does Halvane run?**\n**A:** About 42,000, across nine data centers. "
                            "Utilization averaged 81% in Q3 2025.\n\n**Q: What was Halvane's post-money valuation?**\n"
                            "**A:** $4.2 billion, up from $1.4 billion at the Series B.\n\nQ. Where is Halvane based?\n"
                            "A. It is headquartered in Austin, Texas.\n")
    observed = sorted((d["subject"], d["metric"], d["quantity"].value) for name, d in facts if name == "Observation")
    assert observed == [("Halvane Compute", "data-centers", Decimal("9")), ("Halvane Compute", "gpus", Decimal("42000")),
                        ("Halvane Compute", "utilization", Decimal("81")),
                        ("Halvane Compute", "valuation", Decimal("1400000000")),
                        ("Halvane Compute", "valuation", Decimal("4200000000"))]
    labels = {e.label for e in build([tmp_path / "r.md"]).resolved.entities}
    assert not any(label.startswith(("Covers", "A.")) for label in labels)
    assert of_kind(facts, "Headquarters", "company", "place")[0] == ("Halvane Compute", "Austin")


def test_a_question_that_names_no_company_asks_of_the_answer_before(tmp_path):
    # Regression (found by a precision audit of figures): "What does it charge?" after "How many GPUs does Halvane
    # run?" gave prices of no company; a new section, or a question of "this FAQ", names none to carry on with
    from test_deals import built

    facts = built(tmp_path, "# FAQ\n\n## Fleet\n\n**Q: How many GPUs does Halvane Compute run?**\n**A:** About 42,000.\n\n"
                            "**Q: What does it charge?**\n**A:** On-demand H100 capacity lists at $2.19 per GPU-hour.\n\n"
                            "## Market\n\n**Q: What do the terms in this FAQ mean?**\n**A:** Neoclouds rent GPUs.\n\n"
                            "**Q: How big is the market?**\n**A:** We size GPU rental at $38 billion in 2025.\n")
    assert sorted((d["quantity"].value, d["subject"]) for name, d in facts if name == "Observation") == [
        (Decimal("2.19"), "Halvane Compute"), (Decimal(42000), "Halvane Compute"), (Decimal(38000000000), None)]


def test_an_article_titled_by_its_company(tmp_path):
    # Regression: "# Orrindale Compute" over "**Orrindale Compute, Inc.** is ..." was no profile, so its
    # infobox rows and its "it raised" sentences had no company
    from test_deals import built, of_kind

    facts = built(tmp_path, "# Orrindale Compute\n**Orrindale Compute, Inc.** is an American neocloud.\n\n"
                            "| Field | Value |\n|---|---|\n| Founded | March 2019 |\n| Headquarters | Columbus, Ohio |\n\n"
                            "## History\n\nIn May 2021 it raised a $6 million seed round led by Tamsworth Ventures.\n")
    assert of_kind(facts, "Founding", "company") == [("Orrindale Compute",)]
    assert of_kind(facts, "Round", "company", "kind", "leads") == [("Orrindale Compute", "seed", ("Tamsworth Ventures",))]


def test_an_infobox_of_founders_and_a_numbered_list_of_rounds(tmp_path):
    # Regression: "| Founders | A, B, C |" gave A the title "B" (a name read as a title), and a round's
    # "$1.9 billion post-money valuation" in a numbered list was a second round, its lead lost
    from test_deals import built, of_kind

    facts = built(tmp_path, "# Orrindale Compute\n**Orrindale Compute, Inc.** is an American neocloud.\n\n"
                            "| Field | Value |\n|---|---|\n| Founders | Odalys Fairweather, Kasimir Drozdov, Tiernan Bramwell |\n\n"
                            "## Funding\n\n1. **Series B** (February 2024) – $260 million at a $1.9 billion post-money "
                            "valuation, led by Fidelity.\n")
    assert of_kind(facts, "Role", "person", "role") == [
        ("Kasimir Drozdov", "founder"), ("Odalys Fairweather", "founder"), ("Tiernan Bramwell", "founder")]
    assert [(d["amount"].value, d["valuation"].value, d["leads"]) for name, d in facts if name == "Round"] == [
        (Decimal("260000000"), Decimal("1900000000"), ("Fidelity",))]


def test_a_listing_in_brackets_names_no_company(tmp_path):
    # Regression: "Thornfield Cloud (NASDAQ: THFD), the Dallas-based neocloud" made a company "THFD"
    from test_deals import built, of_kind

    facts = built(tmp_path, "# Notes\n\nThornfield Cloud (NASDAQ: THFD), the Dallas-based neocloud, reported revenue of "
                            "$1.2 billion.\n")
    assert of_kind(facts, "Category", "company") == [("Thornfield Cloud",)]
    assert of_kind(facts, "Headquarters", "company", "place") == [("Thornfield Cloud", "Dallas")]


def test_a_label_that_names_a_company_and_its_titles(tmp_path):
    # Regression: "- **Glenarm Atomics founder and CEO:** Rhiannon Osgood" gave a person and no titles
    from test_deals import built, of_kind
    facts = built(tmp_path, "# Notes\n\n- **Glenarm Atomics founder and CEO:** Rhiannon Osgood\n- **Sundral Infrastructure CFO:** Lauritz Fennick\n")
    assert of_kind(facts, "Role", "person", "company", "role") == [
        ("Lauritz Fennick", "Sundral Infrastructure", "cfo"), ("Rhiannon Osgood", "Glenarm Atomics", "ceo"),
        ("Rhiannon Osgood", "Glenarm Atomics", "founder")]


def test_a_bold_line_of_fields_is_no_title():
    # Regression: "**Rating: Buy | 12-month price target: $46.00 | Market cap: $9.8 billion**" titled the
    # section below it, and none of its figures was read
    ex = read("# Corvelline Compute (NASDAQ: CRVL): Initiating at Buy\n\n**Rating: Buy | 12-month price target: $46.00 | "
              "Market cap: $9.8 billion**\n\nCorvelline runs 22,000 GPUs.\n")
    assert [b.kind for b in ex.report.blocks if b.line == 3] == ["bullet", "bullet", "bullet"]
    got = [(f.subject, f.metric, f.quantity.value, f.qualifiers) for f in facts_of(ex, "Observation") if f.source.line == 3]
    assert got == [("Corvelline Compute", "share-price", Decimal(46), ("projected",)),
                   ("Corvelline Compute", "market-cap", Decimal(9_800_000_000), ())]
    assert all(s.section == ("Corvelline Compute (NASDAQ: CRVL): Initiating at Buy",) for s in ex.statements if s.source.line == 5)


def test_a_month_label_under_a_years_heading_is_a_date_of_that_year():
    # Regression: "- **March** — Kelvane Cloud raised ..." made a company "March", and a month had no year
    ex = read("# Timeline\n\n*Last updated January 12, 2026.*\n\n### 2023\n\n- **March** — Kelvane Cloud raised a $38 million "
              "Series A led by Sequoia Capital.\n- June: Quarrymoor Inference closed a €11 million seed round.\n\n### 2024\n\n"
              "- **April** — Kelvane Cloud acquired Thistlecombe Labs.\n\n## Since then\n\n- **March** — Wendgate Market "
              "raised $25 million in a Series A.\n")
    assert "March" not in {name for name, _ in ex.kinds}
    assert [(f.company, f.when.iso) for f in facts_of(ex, "Round")] == [
        ("Kelvane Cloud", "2023-03"), ("Quarrymoor Inference", "2023-06"), ("Wendgate Market", "2025-03")]
    assert [f.when.iso for f in facts_of(ex, "Acquisition")] == ["2024-04"]


def test_a_companys_own_list_of_its_investors(tmp_path):
    # Regression: on "X — About us", "- **Pinegarth Growth** — led our Series B" and "- **NVIDIA** — a strategic
    # investor since our Series A" told no backing ("our" was nobody's)
    facts = built(tmp_path, "# Caravela Compute — About us\n\n## Our investors\n\n- **Pinegarth Growth** — led our Series B "
                            "in 2025.\n- **NVIDIA** — a strategic investor since our Series A.\n- **Marlow Harbour Credit** — "
                            "provides our GPU-backed debt facility.\n- **Lisbon** — where we are based.\n")
    assert of_kind(facts, "Backing", "investor", "company") == [
        ("Marlow Harbour Credit", "Caravela Compute"), ("NVIDIA", "Caravela Compute"), ("Pinegarth Growth", "Caravela Compute")]


def test_we_on_a_companys_own_pages_is_the_company(tmp_path):
    # Regression: "Caravela Compute — About us" was about nobody, and its "we" and "our" were no one's
    facts = built(tmp_path, "# Caravela Compute — About us\n\n## Milestones\n\n- **2025** — 10,000 GPUs online.\n\n"
                            "## Who we are\n\nToday we run three data centers with 38 MW of contracted power.\n")
    got = sorted((d["subject"], d["metric"]) for name, d in facts if name == "Observation")
    assert got == [("Caravela Compute", "data-centers"), ("Caravela Compute", "gpus"), ("Caravela Compute", "power-capacity")]


def test_a_timeline_lines_date_is_its_first_sentences_and_the_next_tells_the_status(tmp_path):
    # Regression: the line's month went to the end of its last sentence, and the deal's status told there was lost
    facts = built(tmp_path, "# Timeline\n\n### 2025\n\n- May: Calderstone Data Centers agreed to acquire Quarrymoor Inference "
                            "for about €600 million. The deal is pending EU merger clearance.\n- 2025-01-08 — Nimbrel Cloud "
                            "(neocloud, Denver): Ser. B $120M, lead Harborlight Ventures.\n")
    assert [(w.iso, s) for w, s in of_kind(facts, "Acquisition", "when", "status")] == [("2025-05", "pending")]
    assert [(c, k, w.iso) for c, k, w in of_kind(facts, "Round", "company", "kind", "when")] == [
        ("Nimbrel Cloud", "series-b", "2025-01-08")]


def test_every_figure_of_a_timeline_line_without_a_date_of_its_own_is_of_the_lines_date(tmp_path):
    # Regression (found by a precision audit of figures): the line's date, told after its first sentence, reached only
    # that sentence's last clause ("$5.25 ... on demand" had none), and none of a line with a date of its own
    # ("founded in 2021"); a date after the report's is not given (what the line's words say of it decides)
    facts = built(tmp_path, "# Timeline, 2023–2025\n\n*Last updated January 12, 2026.*\n\n### 2025\n\n"
                            "- **March** — Kelvane Cloud launched B200 instances at $5.25 per GPU-hour on demand and $3.90 per "
                            "GPU-hour on a one-year commitment.\n"
                            "- **September** — Wendgate Market, a Lisbon-based GPU marketplace founded in 2021, said more "
                            "than 60 providers now list capacity on its exchange.\n"
                            "- Q3: Kelvane crossed 40,000 GPUs, and its annualized revenue reached $620 million.\n"
                            "- **March 2027** — Kelvane Cloud, founded in 2019, plans to run 90,000 GPUs.\n"
                            "- **May** — Wendgate Market, founded in 2021, cut its H100 price from $2.49 to $2.19 per "
                            "GPU-hour.\n")
    assert sorted((d["quantity"].value, d["when"].start.isoformat() if d["when"] else None)
                  for name, d in facts if name == "Observation") == [
        (Decimal("2.19"), "2025-05-01"), (Decimal("2.49"), None),  # (what the price was before: not of May)
        (Decimal("3.90"), "2025-03-01"), (Decimal("5.25"), "2025-03-01"), (Decimal(60), "2025-09-01"),
        (Decimal(40000), "2025-07-01"), (Decimal(90000), None), (Decimal(620000000), "2025-07-01")]


def test_a_list_of_linked_names_each_with_what_it_is(tmp_path):
    # Regression: "- [Brantwell Cloud](https://...) — Rotterdam neocloud ..." told nothing: a link opening an item
    # was no label, and what followed the dash was no sentence about the name
    facts = built(tmp_path, "# Show notes\n\n## Mentioned\n\n- [Brantwell Cloud](https://b.example) — Rotterdam neocloud "
                            "running H100 clusters\n- [Kestrow](https://k.example) — inference compiler startup, acquired "
                            "by Vantorel Inference in July 2025\n- [Gantrybid](https://g.example) — GPU rental marketplace "
                            "backed by Lightspeed\n")
    assert of_kind(facts, "Category", "company", "category") == [("Brantwell Cloud", "neocloud"), ("Gantrybid", "gpu-marketplace")]
    assert of_kind(facts, "Headquarters", "company", "place") == [("Brantwell Cloud", "Rotterdam")]
    assert of_kind(facts, "Acquisition", "acquirer", "target") == [("Vantorel Inference", "Kestrow")]
    assert of_kind(facts, "Backing", "investor", "company") == [("Lightspeed", "Gantrybid")]


def test_a_number_as_a_bullets_label_is_read_with_what_it_is_of():
    # Regression (gpu-year-in-review-2025): "**$1.2 billion** — Saltcote Inference's post-money valuation" and
    # "**16,000** — B200s ..." in a "numbers of the year" list were read as nothing
    ex = read(NEWS + "- **$1.2 billion** — Saltcote Inference's post-money valuation after its August round.\n"
              "- **16,000** — B200s switched on in a single month.\n")
    assert sorted((f.metric, f.quantity.value) for f in facts_of(ex, "Observation")) == [
        ("gpus", Decimal("16000")), ("valuation", Decimal("1200000000"))]


def test_a_press_dateline_is_where_and_when_not_the_date_of_what_the_sentence_dates(tmp_path):
    # regression: "TOKYO, November 13, 2025 -- ... raised ... in October 2025" dated the round by the dateline,
    # and in a company's own report the dateline was read as a field of the company ("metric: tokyo november")
    for title in ("# Shinonome GPU Cloud: Company Profile", "# Press releases"):
        facts = built(tmp_path, f"{title}\n\nTOKYO, November 13, 2025 -- Shinonome GPU Cloud, a Tokyo-based neocloud, "
                      "raised JPY 2 billion from Kiyose Holdings in October 2025.\n\n"
                      "NEW YORK, March 3, 2025 (BUSINESS WIRE) -- Shinonome GPU Cloud today announced it raised "
                      "$20 million led by Foo Capital.\n")
        rounds = sorted((d["company"], d["when"].iso, d["amount"].currency) for name, d in facts if name == "Round")
        assert rounds == [("Shinonome GPU Cloud", "2025-03-03", "USD"), ("Shinonome GPU Cloud", "2025-10", "JPY")], title
        assert [name for name, _ in facts if name == "Observation"] == [], title


def test_a_press_dateline_with_a_state_a_wire_or_the_day_first(tmp_path):
    # regression: "LONDON, 12 November 2025 --" made a company "LONDON"; "SAN JOSE, Calif., Oct. 7, 2025 /PRNewswire/ --"
    # and "AUSTIN, Texas--(BUSINESS WIRE)--Nov. 4, 2025--" were no datelines
    facts = built(tmp_path, "# Clippings\n\nLONDON, 12 November 2025 -- Marlowgate Compute, a UK-headquartered neocloud, "
                            "today announced a GBP 400 million debt facility.\n\n"
                            "SAN JOSE, Calif., Oct. 7, 2025 /PRNewswire/ -- Ostravel Cloud today announced a $90 million "
                            "Series C led by Foo Capital.\n\n"
                            "AUSTIN, Texas--(BUSINESS WIRE)--Nov. 4, 2025-- Tiderow AI today announced a $180 million "
                            "Series B led by Sequoia Capital.\n")
    rounds = sorted((d["company"], d["when"].iso) for name, d in facts if name == "Round")
    assert rounds == [("Marlowgate Compute", "2025-11-12"), ("Ostravel Cloud", "2025-10-07"), ("Tiderow AI", "2025-11-04")]
    named = {d.get("company") for name, d in facts} | {d.get("subject") for name, d in facts}
    assert not named & {"LONDON", "SAN JOSE", "AUSTIN"}


def test_a_release_boilerplate_about_its_company(tmp_path):
    # regression: "**About Ostravel Cloud, Inc.** Founded in 2019 ..." told its facts of no company
    facts = built(tmp_path, "# Releases\n\n**About Ostravel Cloud, Inc.** Founded in 2019 and headquartered in San Jose, "
                            "California, Ostravel operates more than 61,000 GPUs across 14 data centers.\n\n"
                            "**About the author.** Jane Roe writes about chips.\n")
    assert of_kind(facts, "Founding", "company") == [("Ostravel Cloud",)]
    assert of_kind(facts, "Observation", "subject", "metric") == [("Ostravel Cloud", "data-centers"), ("Ostravel Cloud", "gpus")]


def test_an_interview_turn_under_initials_is_the_speakers_company_in_its_own_words(tmp_path):
    # regression: "**KL:** We closed our Series B" gave the round to a company "KL", the answer's next sentences to
    # no one, "The seed was tiny" to a company "The", and "**JM:**", the interviewer, was an organization
    facts = built(tmp_path, "# A conversation with Kaisa Lehtovaara\n\nKaisa Lehtovaara is the co-founder and CEO of "
                            "Talvio Compute, a Helsinki-based neocloud.\n\n**JM:** What did the round look like?\n\n"
                            "**KL:** We closed our Series B in March 2025, €85 million, led by Index Ventures. Overall we're "
                            "140 people now. The seed was tiny, €4 million from Koivu Ventures in 2022.\n\n"
                            "**JM:** And the fleet?\n\n**KL:** Another 4,000 B200s should be live by the end of Q1 2026.\n")
    assert of_kind(facts, "Round", "company", "kind") == [("Talvio Compute", "seed"), ("Talvio Compute", "series-b")]
    assert of_kind(facts, "Observation", "subject", "metric", "qualifiers") == [
        ("Talvio Compute", "employees", ()), ("Talvio Compute", "gpus", ("projected",))]
    result = build_text(tmp_path, "# A conversation\n\nKaisa Lehtovaara is the CEO of Talvio Compute.\n\n"
                                  "**JM:** You did a deal?\n\n**KL:** We bought a Tallinn startup, Loomtide, for €8 million.\n")
    assert sorted(e.label for e in result.resolved.entities if e.kind == "org") == ["Loomtide", "Talvio Compute"]


def test_a_table_of_rounds_without_names_is_of_the_company_its_introduction_names(tmp_path):
    # regression: under "Talvio's financing to date:" the rounds went to companies "Seed", "Series A" and "Series B"
    facts = built(tmp_path, "# Interview\n\nTalvio Compute runs GPUs in Finland.\n\nTalvio's financing to date, as "
                            "confirmed by the company:\n\n| Round | Date | Amount | Lead |\n|---|---|---|---|\n"
                            "| Seed | 2022 | €4M | Koivu Ventures |\n| Series A | 2023 | €22M | Creandum |\n")
    assert of_kind(facts, "Round", "company", "kind", "leads") == [
        ("Talvio Compute", "seed", ("Koivu Ventures",)), ("Talvio Compute", "series-a", ("Creandum",))]


def test_a_funds_own_portfolio_page_its_cards_fields_and_the_rounds_it_led(tmp_path):
    # regression: on "Portfolio | Cinderholt Ventures" the firm backed nothing; a card's later sentences
    # ("Invested: Seed (2021), Series A (2023).", "Co-investors: ...", "Founders: A (CEO), ...", "Status: ...") were
    # read as plain text; "Recent rounds we led" had no lead; "Fund III, $450M" was a company with unclassified money
    facts = built(tmp_path, "# Portfolio — AI Infrastructure | Cinderholt Ventures\n\n## About the fund\n\nCinderholt Ventures "
                            "is an early-stage firm. **Fund III, $450M, closed March 2024** is our current vehicle; it "
                            "follows Fund II ($210M, 2021 vintage).\n\n## Portfolio\n\n**Vastrel Compute** — Oslo-based "
                            "neocloud with $310M of 2024 revenue. Founders: Halldis Hollinshead (CEO), Thorvald Okafor-Brandt "
                            "(CTO). Invested: Seed (2021), Series A (2023). Co-investors: NVIDIA, Index Ventures. Status: "
                            "Active.\n\n**Hexbridge** — GPU marketplace. Invested: Seed (2021). Status: Acquired by Sandlin "
                            "Data Centers (2025).\n\n**Oxlade Cloud** — Dallas-based neocloud. Invested: Series A (2019). "
                            "Status: IPO (NASDAQ: OXLD), May 2025.\n\n## Recent rounds we led\n\n| Company | Round | Amount "
                            "| Date |\n|---|---|---|---|\n| Strathbeck Power | Series A | $38M | Jun 2025 |\n")
    backings = of_kind(facts, "Backing", "investor", "company")
    assert {("Cinderholt Ventures", "Vastrel Compute"), ("Cinderholt Ventures", "Hexbridge"), ("NVIDIA", "Vastrel Compute"),
            ("Index Ventures", "Vastrel Compute")} <= set(backings)
    rounds = {(c, k, w.iso if w else None, l, p) for c, k, w, l, p in of_kind(facts, "Round", "company", "kind", "when", "leads", "participants")}
    assert {("Vastrel Compute", "seed", "2021", (), ("Cinderholt Ventures",)),
            ("Vastrel Compute", "series-a", "2023", (), ("Cinderholt Ventures",)),
            ("Oxlade Cloud", "ipo", "2025-05", (), ()),
            ("Strathbeck Power", "series-a", "2025-06", ("Cinderholt Ventures",), ())} <= rounds
    assert of_kind(facts, "Acquisition", "acquirer", "target") == [("Sandlin Data Centers", "Hexbridge")]
    assert {("Halldis Hollinshead", "ceo"), ("Halldis Hollinshead", "founder"), ("Thorvald Okafor-Brandt", "cto"),
            ("Thorvald Okafor-Brandt", "founder")} <= {(p, r) for p, r in of_kind(facts, "Role", "person", "role")}
    observed = {(d["subject"], d["metric"], d["quantity"].value) for kind, d in facts if kind == "Observation"}
    assert {("Cinderholt Ventures", "fund-size", 450000000), ("Cinderholt Ventures", "fund-size", 210000000),
            ("Vastrel Compute", "revenue", 310000000)} <= observed
    result = build_text(tmp_path, "# Portfolio | Cinderholt Ventures\n\n**Fund III, $450M, closed March 2024** is our fund.\n")
    assert [e.label for e in result.resolved.entities if e.kind == "org"] == ["Cinderholt Ventures"]


def test_a_fact_sheet_closing_a_report_about_one_company_is_that_companys(tmp_path):
    # regression: "## Company facts" at the end of an interview gave its founding, headcount and fleet to no one;
    # "she started in 2021 with Mikko Rautanen" founded nothing; "Founded: 2021, Helsinki" placed nothing
    facts = built(tmp_path, "# A conversation\n\nKaisa Lehtovaara is the co-founder and CEO of Talvio Compute, a "
                            "Helsinki-based neocloud she started in 2021 with Mikko Rautanen.\n\n**KL:** We have 9,000 GPUs, "
                            "three data centers and 200 customers.\n\n## Company facts\n\n- **Founded:** 2021, Oulu, Finland\n"
                            "- **Employees:** 140\n")
    assert of_kind(facts, "Founding", "company") == [("Talvio Compute",)]
    assert ("Mikko Rautanen", "Talvio Compute", "co-founder") in of_kind(facts, "Role", "person", "company", "role")
    assert ("Talvio Compute", "Oulu, Finland") in of_kind(facts, "Headquarters", "company", "place")
    assert ("Talvio Compute", "employees") in [(d["subject"], d["metric"]) for kind, d in facts if kind == "Observation"]
    # a report about several companies has no one company its fact sheet is of
    facts = built(tmp_path, "# Digest\n\nAcme Cloud raised $5M. Borel GPU raised $6M. Corvid AI raised $7M.\n\n"
                            "## Key facts\n\n- **Employees:** 140\n")
    assert [d["subject"] for kind, d in facts if kind == "Observation" and d["metric"] == "employees"] == [None]


def test_an_earnings_call_its_speakers_its_analysts_and_its_summary_table(tmp_path):
    # regression: on "X — Q3 2025 Earnings Call Transcript" an analyst's "Dmitri Fennimore (Castlebrook Securities):" was a
    # company based in "Castlebrook Securities"; "Vice President, Investor Relations" made a president called
    # "Investor Relations"; "Ravelstone, the Toronto-based AI lab" placed the speaker's company in Toronto; a table
    # cornered "($ millions, except GPUs)" with a "Change" column was read as nothing; "it listed on the NYSE in
    # May 2024" was no listing
    facts = built(tmp_path, "# Quillmarsh Cloud, Inc. (NYSE: QMSH) — Q3 2025 Earnings Call Transcript\n\n"
                            "*Quillmarsh Cloud is a Denver-based neocloud founded in 2019; it listed on the NYSE in May 2024.*\n\n"
                            "**Company participants**\n- Rafferty Nkemelu — Chief Financial Officer\n"
                            "- Linnea Quarrington — Vice President, Investor Relations\n\n"
                            "Rafferty Nkemelu (CFO): Thank you. In October we signed a $2.7 billion agreement with Ravelstone, "
                            "the Toronto-based AI lab. Capex in the quarter was $870 million.\n\n"
                            "Dmitri Fennimore (Castlebrook Securities): How much is prepaid?\n\n## Third-quarter summary\n\n"
                            "| ($ millions, except GPUs) | Q3 2025 | Q3 2024 | Change |\n|---|---|---|---|\n"
                            "| Revenue | 412 | 219 | +88% |\n| Net loss | (38) | (71) | n/m |\n"
                            "| GPUs under management | 41,000 | 23,500 | +74% |\n| Contracted backlog ($B) | 9.1 | 3.4 | +168% |\n")
    observed = {(d["subject"], d["metric"], d["quantity"].value, d["when"].iso if d["when"] else None)
                for kind, d in facts if kind == "Observation"}
    assert {("Quillmarsh Cloud", "capex", 870000000, None), ("Quillmarsh Cloud", "loss", 38000000, None),
            ("Quillmarsh Cloud", "gpus", 41000, None), ("Quillmarsh Cloud", "backlog", Decimal("9100000000"), None),
            ("Quillmarsh Cloud", "growth-rate", 88, None)} <= {(s, m, v, None) for s, m, v, _ in observed}
    assert ("Quillmarsh Cloud", "revenue", 219000000) in {(s, m, v) for s, m, v, _ in observed}
    assert of_kind(facts, "Headquarters", "company", "place") == [("Quillmarsh Cloud", "Denver"), ("Ravelstone", "Toronto")]
    assert ("Quillmarsh Cloud", "ipo") in of_kind(facts, "Round", "company", "kind")
    assert not [r for p, r in of_kind(facts, "Role", "person", "role") if r == "president"]
    result = build_text(tmp_path, (tmp_path / "r.md").read_text())
    assert {e.label for e in result.resolved.entities if e.kind == "org"} == {"Quillmarsh Cloud", "Ravelstone"}


def test_a_companys_key_numbers_a_joint_venture_and_numbers_that_are_no_amounts(tmp_path):
    # regression: bullets under "**Sunrim Compute: key numbers**" were of no one; "formed Wahat AI Factories with AMD,
    # a 51/49 joint venture" backed nothing; "51/49" and "Issue 31" were counts
    facts = built(tmp_path, "# Sovereign Compute Digest\n\n*Issue 31 · 12 December 2025*\n\n## Korea\n\n"
                            "Sunrim Compute is a Seoul-based neocloud.\n\n**Sunrim Compute: key numbers**\n\n"
                            "- Installed GPUs: 3,800, mostly H200\n- Leadership: Lee Dong-hyun (co-founder, CEO)\n\n"
                            "## Saudi Arabia\n\nQimma Data Systems, the Jeddah-based data-center builder, has formed Wahat AI "
                            "Factories with AMD, a 51/49 joint venture in which Qimma holds the majority.\n\nGyeongin Telecom "
                            "and Microsoft agreed on 8 December to form Naraon AI Cloud, a 51/49 venture.\n")
    observed = [(d["subject"], d["metric"], d["quantity"].value) for kind, d in facts if kind == "Observation"]
    assert observed == [("Sunrim Compute", "gpus", 3800)]
    assert ("Lee Dong-hyun", "Sunrim Compute", "ceo") in of_kind(facts, "Role", "person", "company", "role")
    assert set(of_kind(facts, "Backing", "investor", "company")) == {
        ("Qimma Data Systems", "Wahat AI Factories"), ("AMD", "Wahat AI Factories"),
        ("Gyeongin Telecom", "Naraon AI Cloud"), ("Microsoft", "Naraon AI Cloud")}


def test_a_faq_question_opening_with_will_names_no_company(tmp_path):
    # regression: "**Q: Will prices go up now that you've raised?**" made a company "Will", the answer's figures its
    result = build_text(tmp_path, "# FAQ\n\n**Q: Will prices go up now that you've raised?**\nA: No. The L40S stays at "
                                  "$0.00042 per GPU-second.\n")
    assert [e.label for e in result.resolved.entities if e.kind == "org"] == []


def test_a_category_list_names_a_company_whose_name_holds_a_category_word():
    # Regression (tests/data/reports/lowland-ventures-portfolio-letter.md): "Serverless GPU platforms: Skyline
    # Serverless, Tidepool Run" left out Skyline Serverless, its name taken for a description
    ex = read("# Letter\n\n## Market map\n\n- Neoclouds: Polder Compute, Nordbridge Cloud\n"
              "- Serverless GPU platforms: Skyline Serverless, Tidepool Run\n- GPU clouds: smaller neoclouds\n")
    assert [(f.company, f.category) for f in facts_of(ex, "Category")] == [
        ("Polder Compute", "neocloud"), ("Nordbridge Cloud", "neocloud"),
        ("Skyline Serverless", "serverless-gpu-platform"), ("Tidepool Run", "serverless-gpu-platform")]


def test_a_fact_sheet_whose_fields_a_dash_sets_off():
    # Regression (tests/data/reports/emberlane-fact-sheet.md): "# X — Company Fact Sheet" made no profile of X, and
    # "Founded — 2020 | HQ — Denver, Colorado | CEO — Dana Whitcombe | Employees — ~140" gave none of its fields
    ex = read("# Emberlane Compute — Company Fact Sheet\n\nFounded — 2020 | HQ — Denver, Colorado | CEO — Dana Whitcombe | "
              "Employees — ~140\n\n## Key numbers\n\n- GPUs deployed: 14,500\n")
    assert [f.when.iso for f in facts_of(ex, "Founding")] == ["2020"]
    assert [f.place for f in facts_of(ex, "Headquarters")] == ["Denver, Colorado"]
    assert [(f.person, f.role) for f in facts_of(ex, "Role")] == [("Dana Whitcombe", "ceo")]
    assert sorted((f.subject, f.metric, str(f.quantity.value)) for f in facts_of(ex, "Observation")) == [
        ("Emberlane Compute", "employees", "140"), ("Emberlane Compute", "gpus", "14500")]


def test_a_dash_between_words_is_no_field():
    # one "X — Y" is a sentence's dash, not a field: only a line of several fields, each a short label, is read so
    ex = read(NEWS + "Emberlane Compute — the Denver neocloud — raised $28M in 2022 | Acme Cloud — hired 20 people.\n")
    assert facts_of(ex, "Founding") == [] and facts_of(ex, "Headquarters") == []


LIST_AFTER = "# Teaser\n\n## The company\n\nKestrel is **Vantrell Compute**, founded in 2021, a neocloud.\n\n"


def test_a_list_goes_on_about_the_company_of_the_paragraph_before_it(tmp_path):
    # Regression (tests/data/reports/neocloud-placement-teaser.md): "- **GPUs:** 16,800 NVIDIA GPUs in service" was a
    # market-wide count (NVIDIA, the GPUs' make, taken for another company the line is about), and "- **Unit
    # economics:** 61% gross margin ..." (a label that is no measure's name) too
    facts = built(tmp_path, LIST_AFTER + "- **GPUs:** 16,800 NVIDIA GPUs in service\n"
                                         "- **Unit economics:** 61% gross margin in Q3 2025\n")
    assert sorted((d["subject"], d["metric"], str(d["quantity"].value)) for name, d in facts if name == "Observation") == [
        ("Vantrell Compute", "gpus", "16800"), ("Vantrell Compute", "gross-margin", "61")]


def test_a_list_of_investors_each_with_the_round_it_led():
    # Regression (neocloud-placement-teaser.md): "**Sequoia Capital**, which led the $260 million Series B ..." under
    # "Its current investors include:" was a Series B raised by Sequoia Capital
    ex = read("# Teaser\n\n## Investors\n\nVantrell Compute has raised $312 million to date. Its current investors include:\n\n"
              "1. **Sequoia Capital**, which led the $260 million Series B in September 2024, with NVIDIA participating\n")
    assert [(r.company, r.kind, r.leads, r.participants) for r in facts_of(ex, "Round")] == [
        ("Vantrell Compute", "series-b", ("Sequoia Capital",), ("NVIDIA",))]


def test_a_field_that_tells_no_round_and_a_cheque_of_the_authors():
    # Regression (found by the precision check): "IPO Status  Private" was an IPO; "**Our commitment:** $50 million
    # from Growth Fund II, with a further $5 million reserved" two strategic rounds of the memo's company
    ex = read("# Wickham Cloud\n\n### Overview\n\n- **Founded:** 2021\n- **IPO Status:** Private\n")
    assert facts_of(ex, "Round") == []
    ex = read("# Investment Committee Memo: Harlow AI (Series B)\n\n## Terms\n\n- **Round:** Series B of $60 million, led "
              "by Accel.\n- **Our commitment:** $20 million from Fund III, with a further $2 million reserved for "
              "pro-rata.\n")
    assert [(f.kind, f.amount.value) for f in facts_of(ex, "Round")] == [("series-b", Decimal("60000000"))]


def test_an_investors_line_in_a_companys_own_list_and_a_partners_firm(tmp_path):
    # Regression (found by the precision check): "- **Ondina Ventures** — our first institutional investor; led our
    # seed round" also gave a backing by "Ondina Ventures Caravela Compute"; "Hartigan, whose firm led Brantwell's
    # Series A" one by the person Hartigan
    facts = built(tmp_path, "# Quellmoor Cloud — About us\n\n## Who we are\n\nQuellmoor Cloud is a neocloud: we own our "
                            "clusters.\n\n## Our investors\n\nWe are backed by investors who understand "
                            "infrastructure:\n\n- **Tamsin Ventures** — our first institutional investor; led our seed "
                            "round and our Series A.\n\n## Notes\n\nOn the podcast, Okafor, whose firm led Dunmore Cloud's "
                            "€20 million Series A in 2023, said lenders are cautious.\n")
    assert of_kind(facts, "Backing", "investor", "company") == [("Tamsin Ventures", "Quellmoor Cloud")]
