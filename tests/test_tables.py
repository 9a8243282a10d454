"""Regression tests for tables of deals and figures (``tables``), found by fixture reports written
in wordings the loader had not seen (tests/data/reports/gpu-debt-and-leasing.md, japan-korea-gpu-clouds.md)."""
from __future__ import annotations

from decimal import Decimal

from test_deals import build_text, built, of_kind
from test_extract import facts_of, read

from gpukg.records import Observation, Round


def test_a_table_of_facilities_is_a_table_of_rounds(tmp_path):
    # Regression: Borrower / Structure / Lenders / Signed columns gave each row an "amount" figure
    # and no round; a "(lead arranger)" is the round's lead
    facts = built(tmp_path, "# Credit note\n\n| Borrower | Structure | Lenders | Amount | Signed |\n|---|---|---|---|---|\n"
                            "| Tamarack Compute | Delayed-draw term loan | RBC Capital Markets (lead arranger), CIBC | C$850M | "
                            "March 2025 |\n| Wattlebird Cloud | Sale-and-leaseback | Coolabah Asset Finance | A$310M | "
                            "September 2025 |\n")
    rounds = sorted((d["company"], d["kind"], d["amount"].value, d["amount"].currency, d["when"].iso, d["leads"],
                     d["participants"]) for name, d in facts if name == "Round")
    assert rounds == [
        ("Tamarack Compute", "debt-facility", Decimal("850000000"), "CAD", "2025-03", ("RBC Capital Markets",), ("CIBC",)),
        ("Wattlebird Cloud", "gpu-financing", Decimal("310000000"), "AUD", "2025-09", (), ("Coolabah Asset Finance",))]
    assert not [d for name, d in facts if name == "Observation"]


def test_a_deal_column_with_an_acquisition_and_its_buyer(tmp_path):
    # Regression: a "| Deal |" column was no round column; "Mitsui & Co." was two investors, "Mitsui"
    # and "Co"; an acquisition row with a buyer was no deal
    facts = built(tmp_path, "# Deals\n\n| Company | Deal | Amount | Date | Lead investor / buyer |\n|---|---|---|---|---|\n"
                            "| Kumonami Compute K.K. | Series C | ¥12bn | Jun 2025 | Mitsui & Co. |\n"
                            "| Nuri GPU Co., Ltd. | Acquisition | ₩420bn | Oct 2025 | Taeil Holdings Co., Ltd. |\n")
    assert of_kind(facts, "Round", "company", "kind", "leads") == [("Kumonami Compute", "series-c", ("Mitsui & Co.",))]
    deals = [(d["acquirer"], d["target"], d["price"].value, d["when"].iso) for name, d in facts if name == "Acquisition"]
    assert len(deals) == 1 and deals[0][2:] == (Decimal("420000000000"), "2025-10")
    assert deals[0][0].startswith("Taeil Holdings") and deals[0][1].startswith("Nuri GPU")


def test_a_column_per_provider_and_a_table_of_the_company_introduced(tmp_path):
    # Regression: '| Model | Ferrule AI | ... |' made each model a company and each provider a metric;
    # '| GPU | Per second | Per hour |' after "Gannet Compute ... lists:" made each GPU a company
    facts = built(tmp_path, "# Prices\n\n## Per-million-token prices by platform\n\n| Model | Ferrule AI | Orison AI |\n"
                            "|---|---|---|\n| Llama 3.3 70B | $0.54 | €0.52 |\n\n## Serverless GPUs\n\n"
                            "Gannet Compute, a serverless GPU platform headquartered in Austin, lists:\n\n"
                            "| GPU | Per second | Per hour |\n|---|---|---|\n| H100 | $0.00074 | $2.66 |\n")
    prices = sorted((d["subject"], d["segment"], d["quantity"].value, d["quantity"].currency, d["quantity"].per)
                    for name, d in facts if name == "Observation" and d["metric"] == "price")
    assert prices == [("Ferrule AI", "Llama 3.3 70B", Decimal("0.54"), "USD", "million-tokens"),
                      ("Gannet Compute", "H100", Decimal("0.00074"), "USD", "second"),
                      ("Gannet Compute", "H100", Decimal("2.66"), "USD", "hour"),
                      ("Orison AI", "Llama 3.3 70B", Decimal("0.52"), "EUR", "million-tokens")]


def test_a_fiscal_year_column_dates_its_row(tmp_path):
    # Regression: "| Fiscal year |" was read as no date, so the row's figures had none
    facts = built(tmp_path, "# IPOs\n\n| Company | Fiscal year | Revenue | Net loss |\n|---|---|---|---|\n"
                            "| Corvanta Cloud | FY2023 | $231M | $188M |\n")
    assert sorted((d["metric"], d["when"].iso) for name, d in facts if name == "Observation") == [
        ("loss", "2023"), ("revenue", "2023")]


def test_a_table_of_contracts_with_their_customers(tmp_path):
    # Regression: Provider / Customer / Value / Term / Signed made metrics "value" and "term" and lost the customer
    facts = built(tmp_path, "# Contracts\n\n| Provider | Customer | Value | Term | Signed |\n|---|---|---|---|---|\n"
                            "| Thornfield Cloud | Microsoft | $5.2B | 4 years | Jun 2024 |\n")
    assert [(d["subject"], d["metric"], d["quantity"].value, d["related"], d["when"].iso) for name, d in facts
            if name == "Observation"] == [("Thornfield Cloud", "contract-value", Decimal("5200000000"), "Microsoft", "2024-06")]


def test_columns_of_periods_and_a_company_table_of_rounds(tmp_path):
    # Regression: "| Metric | Q3 2025 | Q2 2025 |" made companies "Q3 2025" and "Q2 2025"; "| Apr 2021 | Seed | ..."
    # under a company's heading made a company "Apr 2021", and a "Total" row a company "Total"
    facts = built(tmp_path, "# Sarnhollow Cloud: Q3 2025 Earnings Call\n\n*Call held November 6, 2025.*\n\n"
                            "| Metric | Q3 2025 | Q2 2025 |\n|---|---|---|\n| Revenue | $318M | $251M |\n")
    assert sorted((d["subject"], d["metric"], d["quantity"].value, d["when"].start.isoformat()) for name, d in facts
                  if name == "Observation") == [("Sarnhollow Cloud", "revenue", Decimal("251000000"), "2025-04-01"),
                                                ("Sarnhollow Cloud", "revenue", Decimal("318000000"), "2025-07-01")]
    facts = built(tmp_path, "# Data room\n\n## Sorrelwick Compute — funding history\n\n| Date | Round | Amount ($K) | Lead(s) |\n"
                            "|---|---|---|---|\n| Apr 2021 | Seed | 6,500 | Initialized Capital |\n"
                            "| **Total** | | **6,500** | |\n")
    assert of_kind(facts, "Round", "company", "kind") == [("Sorrelwick Compute", "seed")]


_STATEMENT = ("# Corvid Cloud, Inc. — 10-Q Excerpts, Quarter Ended September 30, 2025\n\n"
              "Corvid Cloud, Inc. is a neocloud based in Tulsa.\n\n## Statements of Operations\n\n"
              "(in thousands, except per share data)\n\n"
              "| | Three Months Ended September 30, 2025 | Nine Months Ended September 30, 2025 |\n|---|---:|---:|\n"
              "| Revenue | $ 52,310 | $ 140,022 |\n| Cost of revenue | 30,100 | 81,950 |\n"
              "| Net loss | $ (9,874) | $ (31,406) |\n| Net loss per share | $ (0.12) | $ (0.39) |\n\n"
              "| Company | Customers |\n|---|---|\n| Corvid Cloud | 410 |\n")


def test_periods_a_fiscal_label_spells_out_and_a_currency_corner_without_brackets(tmp_path):
    # Regression (found by a precision audit of figures): under "| JPY million | 1H FY2025 (Apr-Sep 2024) |" each cell
    # was a count of a metric named "h fy2025", of the calendar year 2025; "(420)" of "Operating income (loss)" was
    # income; and the GPUs must stay a count
    facts = built(tmp_path, "# Kosaka Cloud Reports 1H FY2025 Results\n\nOSAKA, May 13, 2025 -- Kosaka Cloud, Inc., an Osaka-based "
                            "neocloud, today announced its results.\n\n## Results by half-year\n\n| JPY million | 1H FY2025 (Apr-Sep 2024) | "
                            "2H FY2025 (Oct 2024-Mar 2025) |\n|---|---|---|\n| Revenue | 8,660 | 10,940 |\n"
                            "| Operating income (loss) | (420) | 310 |\n| GPUs in service | 7,800 | 9,600 |\n")
    assert sorted((d["metric"], d["quantity"].value, d["quantity"].currency, d["quantity"].unit, d["when"].start.isoformat(),
                   d["when"].end.isoformat()) for name, d in facts if name == "Observation") == [
        ("gpus", Decimal(7800), None, "count", "2024-04-01", "2024-09-30"),
        ("gpus", Decimal(9600), None, "count", "2024-10-01", "2025-03-31"),
        ("loss", Decimal(420000000), "JPY", None, "2024-04-01", "2024-09-30"),
        ("operating income", Decimal(310000000), "JPY", None, "2024-10-01", "2025-03-31"),
        ("revenue", Decimal(8660000000), "JPY", None, "2024-04-01", "2024-09-30"),
        ("revenue", Decimal(10940000000), "JPY", None, "2024-10-01", "2025-03-31")]


def test_an_annual_reports_particulars_in_the_scale_its_byline_gives(tmp_path):
    # Regression: "| Particulars | FY2024-25 | FY2023-24 |" under a byline "... · All amounts in ₹ crore unless otherwise
    # stated." gave counts of metrics named after the fiscal years; "Profit after tax" is net income
    facts = built(tmp_path, "# Meghdoot Cloud Limited — Annual Report 2024-25\n\n*CIN: L72900 · All amounts in ₹ crore "
                            "unless otherwise stated.*\n\n## Meghdoot Cloud\n\n| Particulars | FY2024-25 | FY2023-24 |\n"
                            "|---|---|---|\n| Revenue from operations | 1,842.6 | 1,017.3 |\n| Profit after tax (PAT) | 214.9 | "
                            "58.2 |\n")
    assert sorted((d["metric"], d["quantity"].value, d["quantity"].currency, d["when"].start.year, d["when"].end.year)
                  for name, d in facts if name == "Observation") == [
        ("net-income", Decimal(582000000), "INR", 2023, 2024), ("net-income", Decimal(2149000000), "INR", 2024, 2025),
        ("revenue", Decimal(10173000000), "INR", 2023, 2024), ("revenue", Decimal(18426000000), "INR", 2024, 2025)]


def test_a_headers_unit_without_brackets_or_of_time_and_a_marked_price_under_a_per_hour_header(tmp_path):
    # Regression (found by a precision audit of figures): each of these cells was a bare count: "| Ownership % |" over "4.1",
    # "| Planned MW |" over "60", "| TTFT (ms) |" over "210", and "~6.90" or "from 1.49" under "| $/GPU-hr |"
    facts = built(tmp_path, "# Providers\n\n| Provider | $/GPU-hr | Planned MW | TTFT (ms) | Ownership % |\n|---|---|---|---|---|\n"
                            "| Harlow Cloud | ~6.90 | 60 | 210 | 4.1 |\n| Tarrow Cloud | from 1.49 | 90 | 165 | 12.5 |\n")
    # (an ownership stake's company is its related entity; its holder, the writer, is not named)
    observed = sorted((d["subject"] or d["related"], d["quantity"].value, d["quantity"].unit, d["quantity"].currency,
                       d["quantity"].per) for name, d in facts if name == "Observation")
    assert observed == [
        ("Harlow Cloud", Decimal("4.1"), "percent", None, None), ("Harlow Cloud", Decimal("6.90"), None, "USD", "hour"),
        ("Harlow Cloud", Decimal(60), "megawatt", None, None), ("Harlow Cloud", Decimal(210), "millisecond", None, None),
        ("Tarrow Cloud", Decimal("1.49"), None, "USD", "hour"), ("Tarrow Cloud", Decimal("12.5"), "percent", None, None),
        ("Tarrow Cloud", Decimal(90), "megawatt", None, None), ("Tarrow Cloud", Decimal(165), "millisecond", None, None)]
    assert sorted((d["subject"], d["related"], d["metric"]) for name, d in facts if d.get("quantity") and d["quantity"].unit ==
                  "percent") == [(None, "Harlow Cloud", "ownership-stake"), (None, "Tarrow Cloud", "ownership-stake")]


def test_a_column_per_company_under_a_heading_that_gives_currency_and_scale(tmp_path):
    # Regression (found by a precision audit of figures): under "## Operating metrics (FY2024; USD m unless stated)" the
    # revenues of "| Metric | Sorrelwick Compute | Vellichor AI |" were counts of 212 and 38; the employees stay counts
    facts = built(tmp_path, "# Data room\n\n## Operating metrics (FY2024; USD m unless stated)\n\n| Metric | Sorrelwick "
                            "Compute | Vellichor AI |\n|---|---|---|\n| Revenue | 212 | 38 |\n| Employees (count) | 390 | 120 |\n")
    assert sorted((d["subject"], d["metric"], d["quantity"].value, d["quantity"].currency) for name, d in facts
                  if name == "Observation") == [
        ("Sorrelwick Compute", "employees", Decimal(390), None), ("Sorrelwick Compute", "revenue", Decimal(212000000), "USD"),
        ("Vellichor AI", "employees", Decimal(120), None), ("Vellichor AI", "revenue", Decimal(38000000), "USD")]


def test_a_count_at_the_periods_end_and_no_currency_for_it(tmp_path):
    # Regression (found by a precision audit of figures): "| GPUs deployed (year-end) |" under "| Corvelline Compute (USD) |
    # 2024A | 2025E |" was dated the whole year and given the corner's currency
    facts = built(tmp_path, "# Initiation\n\nCorvelline Compute is a Denver neocloud.\n\n| Corvelline Compute (USD) | 2024A | "
                            "2025E |\n|---|---|---|\n"
                            "| Revenue | $412M | $905M |\n| GPUs deployed (year-end) | 22,000 | 41,000 |\n")
    assert sorted((d["metric"], d["quantity"].value, d["quantity"].currency, d["when"].iso) for name, d in facts
                  if name == "Observation") == [
        ("gpus", Decimal(22000), None, "2024-12-31"), ("gpus", Decimal(41000), None, "2025-12-31"),
        ("revenue", Decimal(412000000), "USD", "2024"), ("revenue", Decimal(905000000), "USD", "2025")]


def test_a_statement_in_thousands_with_its_losses_in_parentheses(tmp_path):
    # Regression: "(in thousands, ...)" above a statement was not read, so revenue was $52,310; "$ (9,874)"
    # was a count; "Cost of revenue" was revenue and "Net loss per share" a market share
    facts = built(tmp_path, _STATEMENT)
    observed = sorted((d["metric"], d["quantity"].value, d["quantity"].currency, d["when"].start.isoformat())
                      for name, d in facts if name == "Observation" and d["metric"] != "customers")
    assert observed == [
        ("cost of revenue", Decimal("30100000"), "USD", "2025-07-01"),
        ("cost of revenue", Decimal("81950000"), "USD", "2025-01-01"),
        ("loss", Decimal("9874000"), "USD", "2025-07-01"), ("loss", Decimal("31406000"), "USD", "2025-01-01"),
        ("net loss per share", Decimal("0.12"), "USD", "2025-07-01"),
        ("net loss per share", Decimal("0.39"), "USD", "2025-01-01"),
        ("revenue", Decimal("52310000"), "USD", "2025-07-01"), ("revenue", Decimal("140022000"), "USD", "2025-01-01")]
    # the note is of the table under it, not of the next one
    assert {d["quantity"].value for name, d in facts if name == "Observation" and d["metric"] == "customers"} == {410}


def test_a_signature_table_and_a_table_of_officers_are_roles(tmp_path):
    # Regression: "| Signature | Title | Date |" rows ("/s/ Ngozi Pellerin") were no roles; their
    # date is when the filing was signed, not when the role was taken up
    facts = built(tmp_path, "# Corvid Cloud, Inc. — 10-Q Excerpts\n\nCorvid Cloud, Inc. is a neocloud based in Tulsa.\n\n"
                            "## Signatures\n\n| Signature | Title | Date |\n|---|---|---|\n"
                            "| /s/ Ines Abara | President and Chief Executive Officer | November 12, 2025 |\n"
                            "| /s/ Tomas Rell | Chief Financial Officer | November 12, 2025 |\n\n"
                            "## Executive officers\n\n| Name | Age | Position |\n|---|---|---|\n| Ann Lee | 45 | Chief Technology Officer |\n")
    roles = sorted((d["person"], d["company"], d["role"], d["when"]) for name, d in facts if name == "Role")
    assert roles == [("Ann Lee", "Corvid Cloud", "cto", None), ("Ines Abara", "Corvid Cloud", "ceo", None),
                     ("Ines Abara", "Corvid Cloud", "president", None),
                     ("Tomas Rell", "Corvid Cloud", "cfo", None)]


def test_a_filing_s_holders_funding_table_and_selected_financials(tmp_path):
    # Regression: "Quillmere Compute S-1: ..." was no company's own document; "| Series | Closed |
    # Gross proceeds |" made each series a company; principal stockholders were market shares; the
    # heading's "(..., in millions)" did not scale "$148.2" and "FY2023" columns were companies
    facts = built(tmp_path, "# Quillmere Compute S-1: Annotated Excerpts\n\n"
                            "## Preferred stock financings\n\n| Series | Closed | Gross proceeds | Lead investor(s) |\n"
                            "|---|---|---|---|\n| Series A | August 2020 | $28.0 million | Bellwick Partners |\n\n"
                            "## Principal stockholders\n\n| Beneficial owner | Shares beneficially owned |\n|---|---|\n"
                            "| Sequoia Capital | 15.1% |\n| Obadiah Kitteridge | 9.8% |\n\n"
                            "## Selected financial data (fiscal years ended December 31, in millions)\n\n"
                            "| | FY2023 | FY2024 |\n|---|---|---|\n| Revenue | $148.2 | $412.7 |\n| Net loss | $(96.5) | $(203.9) |\n")
    assert of_kind(facts, "Round", "company", "kind", "leads") == [("Quillmere Compute", "series-a", ("Bellwick Partners",))]
    # a founder's own shares make him no investor
    assert of_kind(facts, "Backing", "investor", "company") == [("Sequoia Capital", "Quillmere Compute")]
    observed = sorted((d["subject"], d["metric"], d["quantity"].value, d["quantity"].currency, d["when"].iso)
                      for name, d in facts if name == "Observation")
    assert observed == [("Quillmere Compute", "loss", Decimal("96500000"), "USD", "2023"),
                        ("Quillmere Compute", "loss", Decimal("203900000"), "USD", "2024"),
                        ("Quillmere Compute", "revenue", Decimal("148200000"), "USD", "2023"),
                        ("Quillmere Compute", "revenue", Decimal("412700000"), "USD", "2024")]


def test_a_status_column_that_says_not_built_yet_makes_the_row_projected(tmp_path):
    # Regression: "| Status | Under construction |" left the row's 300 MW a capacity in service
    facts = built(tmp_path, "# Projects\n\n| Operator | Capacity (MW) | Status |\n|---|---|---|\n"
                            "| Wadi Compute | 300 | Under construction |\n| Hijaz DataHalls | 62 | Operating |\n")
    assert sorted((d["subject"], d["quantity"].value, "projected" in d["qualifiers"]) for name, d in facts
                  if name == "Observation") == [("Hijaz DataHalls", Decimal("62"), False), ("Wadi Compute", Decimal("300"), True)]


def test_units_and_scales_in_headers_a_currency_column_and_marks_in_cells(tmp_path):
    # Regression (a spreadsheet export): "(k)", "(m)", "(%)" and "(MW)" in a header were ignored, a
    # "| Ccy |" column gave its row's amounts no currency, "c. 0.6" under "($ bn)" was a count, "c."
    # and ">" marked nothing, and the "#" column became a metric
    facts = built(tmp_path, "# Data pack\n\n| # | Company | GPUs (k) | Revenue FY24 (m) | Ccy | Valuation ($ bn) | "
                            "Utilisation (%) | Power (MW) | Headcount |\n|---|---|---|---|---|---|---|---|---|\n"
                            "| 1 | Hallgrim Cloud | ~9 | 212.0 | EUR | c. 0.6 | 82 | 96 | >410 |\n")
    got = sorted((d["metric"], str(d["quantity"].value), d["quantity"].currency, d["quantity"].unit, tuple(d["qualifiers"]))
                 for name, d in facts if name == "Observation")
    assert got == [("employees", "410", None, "count", ("lower-bound",)),
                   ("gpus", "9000", None, "count", ("approximate",)),
                   ("power-capacity", "96", None, "megawatt", ()),
                   ("revenue", "212000000", "EUR", None, ()),
                   ("utilization", "82", None, "percent", ()),
                   ("valuation", "600000000", "USD", None, ("approximate",))]


def test_prices_by_gpu_model_in_the_rows_own_currency(tmp_path):
    # Regression: "| Provider | Ccy | H100 SXM | H200 |" made metrics "h100 sxm" and "h200", counts without currency
    facts = built(tmp_path, "# Pack\n\n## List prices (October 2025; local currency per GPU-hour)\n\n"
                            "| Provider | Ccy | H100 SXM | H200 |\n|---|---|---|---|\n| Vantreuil | CHF | 2.60 | ~3.10 |\n")
    got = sorted((d["metric"], str(d["quantity"].value), d["quantity"].currency, d["quantity"].per, d["when"].iso)
                 for name, d in facts if name == "Observation")
    assert got == [("price", "2.6", "CHF", "hour", "2025-10"), ("price", "3.1", "CHF", "hour", "2025-10")]


def test_a_rounds_table_with_others_and_a_scale_in_the_amount_header(tmp_path):
    # Regression: "EUR 310" under "Amount (m)" was 310 euros, and the "| Others |" column was dropped
    facts = built(tmp_path, "# Rounds\n\n| Company | Date | Round | Amount (m) | Lead | Others |\n|---|---|---|---|---|---|\n"
                            "| Hallgrim Cloud | 14 May 2025 | Series C | EUR 310 | Sequoia Capital | NVIDIA, EQT Ventures |\n")
    round_, = [d for name, d in facts if name == "Round"]
    assert (round_["amount"].value, round_["leads"], round_["participants"]) == \
        (Decimal("310000000"), ("Sequoia Capital",), ("NVIDIA", "EQT Ventures"))


def test_a_tenant_column_is_the_contracts_other_party_and_the_rest_is_still_read(tmp_path):
    # Regression: a "| Tenant |" column was no counterparty; "Contracted IT load (MW)" was taken for the
    # contract's value; and a row with a contract read nothing else
    facts = built(tmp_path, "# Miners\n\n| Miner | Total power (MW) | Contracted IT load (MW) | Tenant | Contract value | Term |\n"
                            "|---|---|---|---|---|---|\n| Crestmoor Digital | 520 | 200 | Osterly Compute | $4.1B | 10 years |\n")
    got = sorted((d["metric"], str(d["quantity"].value), d["related"]) for name, d in facts if name == "Observation")
    assert got == [("contract-value", "4100000000", "Osterly Compute"), ("power-capacity", "200", None),
                   ("power-capacity", "520", None)]


def test_a_table_of_amounts_sold_is_a_table_of_raises(tmp_path):
    # Regression: a table of Form D filings ("| Amount sold | Total offering |") gave figures, no rounds
    facts = built(tmp_path, "# Filings\n\n| Company | Date filed | Amount sold | Total offering | Investors |\n|---|---|---|---|---|\n"
                            "| Zaffre Inference | Nov 12, 2025 | $140,000,000 | $175,000,000 | 6 |\n")
    assert [(d["company"], d["kind"], d["amount"].value, d["when"].iso) for name, d in facts if name == "Round"] == \
        [("Zaffre Inference", "unspecified", Decimal("140000000"), "2025-11-12")]
    assert not [d for name, d in facts if name == "Observation"]


def test_a_quarter_column_of_the_companys_own_table_dates_its_rows(tmp_path):
    # Regression: in a company's letter, "| Quarter |" was taken for the column of companies, so its rows were undated
    facts = built(tmp_path, "# Thornvale Cloud: 2025 Letter to Shareholders\n\n## Quarterly figures\n\n"
                            "| Quarter | Revenue | GPUs online (end of quarter) |\n|---|---|---|\n| Q1 2025 | $98M | 21,000 |\n")
    got = sorted((d["subject"], d["metric"], d["when"].start.isoformat()) for name, d in facts if name == "Observation")
    assert got == [("Thornvale Cloud", "gpus", "2025-01-01"), ("Thornvale Cloud", "revenue", "2025-01-01")]


def test_a_last_round_cell_beside_a_type_column_and_a_lead_by_its_alias(tmp_path):
    # Regression: "| Type | Last round |" over "Neocloud" and "Series B, Oct 2025" made an untyped, undated
    # round; its lead "a16z" (Andreessen Horowitz's other name) was dropped
    facts = built(tmp_path, "# Tracker\n\n| Company | Type | Last round | Amount | Lead | Post-money |\n|---|---|---|---|---|---|\n"
                            "| Ravensholt Compute | Neocloud | Series B, Oct 2025 | $45M | a16z | $1.2B |\n")
    round_, = [d for name, d in facts if name == "Round"]
    assert (round_["kind"], round_["when"].iso, round_["leads"]) == ("series-b", "2025-10", ("Andreessen Horowitz",))


def test_a_table_of_awards_is_read_by_its_winner_column(tmp_path):
    # Regression: "| Country | Agency | Winner | Value |" made companies of the countries and a metric "value"
    facts = built(tmp_path, "# Awards\n\n| Country | Agency | Winner | Value | GPUs | Awarded |\n|---|---|---|---|---|---|\n"
                            "| Germany | BSK | Kestrelhaus Cloud | €1.2bn | 18,000 | Mar 2025 |\n")
    got = sorted((d["subject"], d["metric"], str(d["quantity"].value), d["related"]) for name, d in facts if name == "Observation")
    assert got == [("Kestrelhaus Cloud", "contract-value", "1200000000", "BSK"), ("Kestrelhaus Cloud", "gpus", "18000", None)]
    assert [d["company"] for name, d in facts if name == "Category"] == []


def test_prices_by_model_under_a_heading_that_names_the_company_and_a_week_ago_column(tmp_path):
    # Regression: "| GPU | On-demand ($/GPU-hour) | Week ago ($/GPU-hour) |" under "## Kelvrin Cloud exchange: ..."
    # read nothing: the headers were taken for providers and their "$/GPU-hour" was not applied
    facts = built(tmp_path, "# Wire\n\n## Kelvrin Cloud exchange: closing GPU-hour prices\n\n"
                            "| GPU | On-demand ($/GPU-hour) | Week ago ($/GPU-hour) |\n|---|---|---|\n| H100 SXM | 2.05 | 2.19 |\n")
    got = sorted((d["subject"], str(d["quantity"].value), d["quantity"].per, d["segment"], tuple(d["qualifiers"]))
                 for name, d in facts if name == "Observation")
    assert got == [("Kelvrin Cloud", "2.05", "hour", "H100 SXM", ()), ("Kelvrin Cloud", "2.19", "hour", "H100 SXM", ("former",))]


def test_a_funds_table_of_holdings_backs_them_and_a_status_of_acquired_is_a_deal(tmp_path):
    # Regression: in a fund's letter, "| Company | Sector | First investment | Ownership % | Status |" gave
    # no backing by the fund, no category from "Sector", and "Acquired by Kaldera, Aug 2025" no deal
    facts = built(tmp_path, "# Cobbleford Ventures — Q3 2025 Update to Limited Partners\n\n## Holdings\n\n"
                            "| Company | Sector | First investment | Ownership % | Status |\n|---|---|---|---|---|\n"
                            "| Orbisane AI | Inference platform | Aug 2025 | 14.8 | Active |\n"
                            "| Stavely Systems | GPU marketplace | 2022 | — | Acquired by Kaldera Digital, Aug 2025 |\n")
    assert of_kind(facts, "Backing", "investor", "company") == [("Cobbleford Ventures", "Orbisane AI"),
                                                                ("Cobbleford Ventures", "Stavely Systems")]
    assert of_kind(facts, "Category", "company", "category") == [("Orbisane AI", "inference-platform"),
                                                                 ("Stavely Systems", "gpu-marketplace")]
    assert of_kind(facts, "Acquisition", "acquirer", "target") == [("Kaldera Digital", "Stavely Systems")]


def test_a_market_table_by_year_with_actuals_estimates_and_a_growth_row(tmp_path):
    # Regression: "| Market ($ bn) | 2024A | 2025E |" made companies of the segments, "a" a metric and
    # read 12.2 as a count; "| Neocloud providers |" is a segment, not a count of providers
    facts = built(tmp_path, "# Forecast\n\n| Market ($ bn) | 2024A | 2025E |\n|---|---|---|\n| Inference | 12.2 | 23.4 |\n"
                            "| Neocloud providers | 5.3 | 11.4 |\n| YoY growth (%) | 78 | n/m |\n")
    got = sorted((d["subject"], d["metric"], str(d["quantity"].value), d["segment"], d["when"].iso, tuple(d["qualifiers"]))
                 for name, d in facts if name == "Observation")
    assert got == [(None, "growth-rate", "78", None, "2024", ()),
                   (None, "market-size", "11400000000", "Neocloud providers", "2025", ("estimated",)),
                   (None, "market-size", "12200000000", "Inference", "2024", ()),
                   (None, "market-size", "23400000000", "Inference", "2025", ("estimated",)),
                   (None, "market-size", "5300000000", "Neocloud providers", "2024", ())]
    assert [d for name, d in facts if name == "Category"] == []


def test_an_estimate_year_in_a_header_and_a_heading_in_thousand_units(tmp_path):
    # Regression: "| Share 2025E |" was no estimate; a heading's "(thousand units)" scaled nothing and its
    # "Shipment estimates" was a metric of its own
    facts = built(tmp_path, "# Note\n\n## Providers\n\n| Provider | Share 2025E |\n|---|---|\n| Dessaline Compute | 9% |\n\n"
                            "## Shipment estimates by vendor (thousand units)\n\n| Vendor | Q1 2025 |\n|---|---|\n| Syrenth Silicon | 2.1 |\n")
    got = sorted((d["subject"], d["metric"], str(d["quantity"].value), tuple(d["qualifiers"])) for name, d in facts
                 if name == "Observation")
    assert got == [("Dessaline Compute", "market-share", "9", ("estimated",)),
                   ("Syrenth Silicon", "shipments", "2100", ("estimated",))]  # the heading says "estimates"


def test_a_timeline_share_of_column_others_row_and_notes_column(tmp_path):
    # Regression: a "| Date | Step |" table made companies of its dates, "Share of ... capacity" was power
    # capacity, an "Others" row was a company, and a Notes cell was a figure of a metric called "notes"
    facts = built(tmp_path, "# Review\n\n| Date | Step |\n|---|---|\n| 8 April 2025 | Phase 1 review begins (40 working days) |\n\n"
                            "| Provider | Share of UK GPU training capacity (2024) |\n|---|---|\n| Ardlair Cloud | 14% |\n"
                            "| Others | 8% |\n\n"
                            "| Name | Founded | Notes |\n|---|---|---|\n"
                            "| Sabrevale Cloud | 2019 | Acquired by Stannard Ridge Compute for US$310 million (2024) |\n"
                            "| Nordvik Compute | 2020 | Formerly Nordvik Datahall (renamed 2022) |\n")
    labels = {d["company"] for name, d in facts if name == "Category"} | \
        {d.get("subject") for name, d in facts if name == "Observation"}
    assert not any(label and "April" in label for label in labels)
    got = sorted((d["subject"] or "", d["metric"], str(d["quantity"].value), d["segment"] or "") for name, d in facts
                 if name == "Observation" and d["quantity"].unit == "percent")
    assert got == [("", "market-share", "8", "Others"), ("Ardlair Cloud", "market-share", "14", "")]
    assert of_kind(facts, "Acquisition", "acquirer", "target") == [("Stannard Ridge Compute", "Sabrevale Cloud")]
    assert not [d for name, d in facts if name == "Observation" and d["metric"] in ("notes", "step")]


def test_a_latest_round_cell_with_a_type_and_a_year_only(tmp_path):
    # Regression: "| Latest round | Series C, 2025 |" without an amount was no round
    facts = built(tmp_path, "# List\n\n| Name | Latest round |\n|---|---|\n| Kelderwick Cloud | Series C, 2025 |\n")
    assert of_kind(facts, "Round", "company", "kind") == [("Kelderwick Cloud", "series-c")]


def test_a_database_export_of_rounds_and_acquisitions(tmp_path):
    # Regression: "| Organization Name | Organization Location | Funding Type | Money Raised | Money Raised Currency |
    # ..." gave no rounds and no headquarters, and "| Acquiree Name | Acquirer Name |" no deals
    facts = built(tmp_path, "# Export\n\n| Organization Name | Organization Location | Funding Type | Money Raised | "
                            "Money Raised Currency | Announced Date | Lead Investors | Investor Names |\n|---|---|---|---|---|---|---|---|\n"
                            "| Corvanna Cloud | Denver, Colorado, United States | Seed | 7,500,000 | USD | 2022-03-14 | Brackenholt Ventures | "
                            "Brackenholt Ventures, Juniper Hollow Angels |\n\n| Acquiree Name | Acquirer Name | Announced Date | Price |\n"
                            "|---|---|---|---|\n| Pellworm GPU | Kiln Ridge AI | 2025-10-06 | $27,000,000 |\n")
    got = [(d["company"], d["kind"], str(d["amount"].value), d["amount"].currency, d["leads"], d["participants"])
           for name, d in facts if name == "Round"]
    assert got == [("Corvanna Cloud", "seed", "7500000", "USD", ("Brackenholt Ventures",), ("Juniper Hollow Angels",))]
    assert of_kind(facts, "Headquarters", "company", "place") == [("Corvanna Cloud", "Denver, Colorado")]
    assert of_kind(facts, "Acquisition", "acquirer", "target") == [("Kiln Ridge AI", "Pellworm GPU")]


def test_a_facility_tables_other_columns_and_a_securitisation(tmp_path):
    # Regression: a rounds table's "GPUs pledged" column was dropped, and "GPU ABS" was no round type
    facts = built(tmp_path, "# Memo\n\n| Borrower | Instrument | Arranger / lenders | Size | Tenor | GPUs pledged | Closed |\n"
                            "|---|---|---|---|---|---|---|\n| Tessary Cloud | GPU ABS (Class A and B notes) | Morgan Stanley | $640M | "
                            "4 years | 9,800 H100 | Apr 2025 |\n")
    assert of_kind(facts, "Round", "company", "kind") == [("Tessary Cloud", "gpu-financing")]
    got = sorted((d["metric"], str(d["quantity"].value)) for name, d in facts if name == "Observation")
    assert ("gpus", "9800") in got


def test_a_table_of_orders_is_about_its_buyers(tmp_path):
    # Regression: "| Buyer | Vendor |" made the vendors the rows' companies and "Order value" a metric of its own
    facts = built(tmp_path, "# Orders\n\n| Buyer | Vendor | GPUs | Order value | Delivery |\n|---|---|---|---|---|\n"
                            "| Mirrabel Compute | Supermicro | 17,280 GB300 | $930M | Q2 2026 |\n")
    got = sorted((d["subject"], d["metric"], str(d["quantity"].value), d["related"] or "") for name, d in facts if name == "Observation")
    assert got == [("Mirrabel Compute", "contract-value", "930000000", "Supermicro"), ("Mirrabel Compute", "gpus", "17280", "")]


def test_a_caption_dates_its_table_and_a_bracket_says_what_a_column_counts(tmp_path):
    # Regression: "**Table 2.** ..., Q2 2025" did not date the rows, "| Fleet (GPUs) |" was a metric "fleet", "1.71ᵃ" was
    # no number, and "(US$/GPU-hour)" gave a price per nothing of the segment "US"
    facts = built(tmp_path, "# Paper\n\n**Table 2.** Shares and prices by provider, Q2 2025\n\n"
                            "| Provider | H100 on-demand (US$/GPU-hour) | Fleet (GPUs) |\n|---|---|---|\n| Ombrisk | 1.71ᵃ | 17,800ᵇ |\n")
    got = sorted((d["metric"], str(d["quantity"].value), d["quantity"].per or "", d["when"].start.isoformat() if d["when"] else "")
                 for name, d in facts if name == "Observation")
    assert got == [("gpus", "17800", "", "2025-04-01"), ("price", "1.71", "hour", "2025-04-01")]


def test_a_table_of_campuses_is_about_their_operators(tmp_path):
    # Regression: "| Campus | Operator | Location | Capacity (MW) |" made the campuses companies, based at their sites
    facts = built(tmp_path, "# Campuses\n\n| Campus | Operator | Location | Capacity (MW) |\n|---|---|---|---|\n"
                            "| Ironhollow | Strathmere Data Centers | Abilene, Texas | 600 |\n")
    got = [(d["subject"], d["metric"], str(d["quantity"].value), d["segment"]) for name, d in facts if name == "Observation"]
    assert got == [("Strathmere Data Centers", "power-capacity", "600", "Ironhollow")]
    assert of_kind(facts, "Headquarters", "company", "place") == []


def test_a_line_above_a_table_says_its_numbers_are_prices(tmp_path):
    # Regression: "On-demand list prices in USD per GPU-hour, as of 17 October 2025:" over "| On-demand |" left the
    # numbers counts of a metric "on-demand"; a table further down is not priced by it
    facts = built(tmp_path, "# Watch\n\nOn-demand list prices in USD per GPU-hour, as of 17 October 2025:\n\n"
                            "| Provider | GPU | On-demand |\n|---|---|---|\n| Veldora Cloud | H100 | 2.19 |\n\nMore text.\n\n"
                            "| Provider | Racks |\n|---|---|\n| Kessock Labs | 12 |\n")
    got = sorted((d["subject"], d["metric"], str(d["quantity"].value), d["quantity"].currency or "", d["quantity"].per or "")
                 for name, d in facts if name == "Observation")
    assert got == [("Kessock Labs", "racks", "12", "", ""), ("Veldora Cloud", "price", "2.19", "USD", "hour")]


def test_a_facility_tables_rates_and_terms(tmp_path):
    # Regression: a rounds table's "| Coupon | Tenor |" cells were dropped
    facts = built(tmp_path, "# Memo\n\n| Borrower | Instrument | Lenders | Size | Coupon | Tenor | Closed |\n|---|---|---|---|---|---|---|\n"
                            "| Vantorre Cloud | Equipment term loan | Fennick Capital | €210M | 9.25% fixed | 36 months | Aug 2025 |\n")
    got = sorted((str(d["quantity"].value), d["quantity"].unit) for name, d in facts if name == "Observation")
    assert got == [("36", "month"), ("9.25", "percent")]


def test_prices_per_million_input_and_output_tokens_under_their_headers(tmp_path):
    # Regression: "| Input ($/1M tokens) | Output ($/1M tokens) |" made metrics "input" and "output" of counts, and a
    # footnote's "0.24*" lost its currency
    facts = built(tmp_path, "# Prices\n\n| Model | Provider | Input ($/1M tokens) | Output ($/1M tokens) |\n|---|---|---|---|\n"
                            "| Mistral Small 3.1 | Sarvik Inference | 0.08 | 0.24* |\n")
    got = sorted((d["metric"], str(d["quantity"].value), d["quantity"].currency, d["quantity"].per)
                 for name, d in facts if name == "Observation")
    assert got == [("price", "0.08", "USD", "million-tokens"), ("price", "0.24", "USD", "million-tokens")]


def test_an_input_and_an_output_token_price_in_one_cell(tmp_path):
    # Regression (found by a precision audit of figures): "| Llama 3.1 70B in/out ($/M tok) |" over "0.60 / 0.80" made a
    # metric "llama b in out" of two counts; a cell's own currency ("€0.55 / €0.72") is its prices'
    facts = built(tmp_path, "# Side by side\n\n| Provider | Llama 3.1 70B in/out ($/M tok) |\n|---|---|\n"
                            "| Kiteline | 0.60 / 0.80 |\n| Lorwen AI | €0.55 / €0.72 |\n")
    got = sorted((d["subject"], d["metric"], str(d["quantity"].value), d["quantity"].currency, d["quantity"].per, d["segment"])
                 for name, d in facts if name == "Observation")
    assert got == [("Kiteline", "price", "0.6", "USD", "million-tokens", "input tokens"),
                   ("Kiteline", "price", "0.8", "USD", "million-tokens", "output tokens"),
                   ("Lorwen AI", "price", "0.55", "EUR", "million-tokens", "input tokens"),
                   ("Lorwen AI", "price", "0.72", "EUR", "million-tokens", "output tokens")]


def test_how_fast_an_inference_service_answers(tmp_path):
    # Regression (found by a precision audit of figures): "| TTFT (ms) |" and "| Tokens/s |" made metrics "ttft" and
    # "tokens s" of counts, "| Cold start |" over "~2 s" a count; and a table whose corner names the company and whose
    # rows are measures ("| Lorwen AI, measured | Llama 3.1 70B |" over "| TTFT (ms, median) | 165 |") took the
    # measure for a company
    facts = built(tmp_path, "# Teardown\n\nLorwen AI is an inference platform.\n\n"
                            "| Provider | TTFT (ms) | Tokens/s | Cold start |\n|---|---|---|---|\n"
                            "| Kiteline | 210 | 142 | ~2 s |\n\n"
                            "| Lorwen AI, measured | Llama 3.1 70B | Mistral Small 3.1 |\n|---|---|---|\n"
                            "| TTFT (ms, median) | 165 | 120 |\n| Output tokens/s | 118 | 205 |\n")
    got = sorted((d["subject"], d["metric"], str(d["quantity"].value), d["quantity"].unit, d["quantity"].per, d["segment"])
                 for name, d in facts if name == "Observation")
    assert got == [
        ("Kiteline", "cold-start-time", "2", "second", None, None),
        ("Kiteline", "throughput", "142", "token", "second", None),
        ("Kiteline", "time-to-first-token", "210", "millisecond", None, None),
        ("Lorwen AI", "throughput", "118", "token", "second", "Llama 3.1 70B"),
        ("Lorwen AI", "throughput", "205", "token", "second", "Mistral Small 3.1"),
        ("Lorwen AI", "time-to-first-token", "120", "millisecond", None, "Mistral Small 3.1"),
        ("Lorwen AI", "time-to-first-token", "165", "millisecond", None, "Llama 3.1 70B")]


def test_a_heading_that_names_a_kind_places_its_tables_companies_in_it(tmp_path):
    # Regression: "## League table: independent neoclouds" over rows of companies said nothing of what they are;
    # a heading that sets the kind against another ("Neoclouds vs hyperscalers") places no one
    facts = built(tmp_path, "# Deck\n\n## League table: independent neoclouds\n\n| Company | GPUs |\n|---|---|\n| Corvandel Cloud | 48,000 |\n\n"
                            "## Neoclouds vs hyperscalers\n\n| Company | GPUs |\n|---|---|\n| Amazon Web Services | 300,000 |\n")
    assert of_kind(facts, "Category", "company", "category") == [("Corvandel Cloud", "neocloud")]


def test_a_heading_naming_a_company_the_report_has_named_opens_its_section(tmp_path):
    # Regression: the notes under "### Quorrel AI", a company of the table above, were nobody's
    facts = built(tmp_path, "# Peers\n\n| Company | Type |\n|---|---|\n| Quorrel AI | inference platform |\n\n"
                            "### Quorrel AI\n\n- serves 1,900 developers\n\n### Pricing\n\n- H100 at $2.10/hr\n")
    assert of_kind(facts, "Observation", "metric", "subject") == [("developers", "Quorrel AI"), ("price", None)]


def test_a_csv_appendix_is_read_as_tables(tmp_path):
    # Regression: a fenced CSV block was kept as lines of code, none of its records read
    result = build_text(tmp_path, '# Brief\n\n```csv\ncompany,date,round,amount_usd_m,lead_investor,other_investors\n'
                                  'Tessellar Cloud,2025-11-04,Series C,210,Sequoia Capital,"NVIDIA, Ardentmoor Capital"\n\n'
                                  'Orravik GPU,2025-10-29,Series B,85,,"Lightspeed Venture Partners"\n```\n\n```csv\n'
                                  'provider,gpu,price_usd_hr,as_of\nTessellar Cloud,H100 SXM,2.19,2025-11-17\n```\n\n'
                                  '| GPU | Median on-demand (USD/hr) |\n|---|---|\n| H200 | 2.85 |\n')
    label = {e.key: e.label for e in result.resolved.entities}
    rounds = sorted((sources[0].line, label[f.company], f.kind, f.amount.value, f.amount.currency, f.when.iso,
                     tuple(label[n] for n in f.leads), tuple(label[n] for n in f.participants))
                    for f, sources in result.resolved.facts if isinstance(f, Round))
    assert rounds == [
        (5, "Tessellar Cloud", "series-c", Decimal(210_000_000), "USD", "2025-11-04", ("Sequoia Capital",),
         ("NVIDIA", "Ardentmoor Capital")),
        (7, "Orravik GPU", "series-b", Decimal(85_000_000), "USD", "2025-10-29", (), ("Lightspeed Venture Partners",))]
    prices = sorted((sources[0].line, label.get(f.subject), f.segment, f.quantity.value, f.quantity.currency, f.quantity.per)
                    for f, sources in result.resolved.facts if isinstance(f, Observation))
    assert prices == [(12, "Tessellar Cloud", "H100 SXM", Decimal("2.19"), "USD", "hour"),
                      (17, None, "H200", Decimal("2.85"), "USD", "hour")]


def test_a_company_in_the_corner_over_actual_and_estimated_years(tmp_path):
    # Regression: "| Corvelline Compute (USD) | 2024A | 2025E |" made a metric "estimates" of every row;
    # and an equity research initiation or a bankruptcy summary was no report about its company
    facts = built(tmp_path, "# Corvelline Compute (NASDAQ: CRVL): Initiating at Buy\n\n## Estimates\n\n"
                            "| Corvelline Compute (USD) | 2024A | 2025E |\n|---|---|---|\n| Revenue | $412M | $905M |\n"
                            "| GPUs deployed | 22,000 | 41,000 |\n\n"
                            "## Funding history\n\n| Date | Round | Amount | Lead |\n|---|---|---|---|\n"
                            "| May 2021 | Seed | $4M | Boreham Ventures |\n")
    got = sorted((d["subject"], d["metric"], d["quantity"].value, d["when"].iso, d["qualifiers"]) for name, d in facts
                 if name == "Observation")
    assert got == [("Corvelline Compute", "gpus", Decimal(22000), "2024", ()),
                   ("Corvelline Compute", "gpus", Decimal(41000), "2025", ("estimated",)),
                   ("Corvelline Compute", "revenue", Decimal(412_000_000), "2024", ()),
                   ("Corvelline Compute", "revenue", Decimal(905_000_000), "2025", ("estimated",))]
    assert of_kind(facts, "Round", "company", "kind", "leads") == [("Corvelline Compute", "seed", ("Boreham Ventures",))]
    chapter = built(tmp_path, "# Orrinvale Compute in Chapter 11: Case Summary\n\n## Funding history\n\n"
                              "| Date | Round | Amount | Lead |\n|---|---|---|---|\n| March 2022 | Series A | $28M | Sequoia Capital |\n")
    assert of_kind(chapter, "Round", "company", "kind") == [("Orrinvale Compute", "series-a")]


def test_a_column_per_company_with_rows_of_rounds_leads_and_features(tmp_path):
    # Regression: a "Last round" row was a metric called "last round", its "Lead investor" row nothing,
    # a GPU in a row's label no segment, and a feature table's rows ("SOC 2 Type II") companies
    facts = built(tmp_path, "# Matrix\n\n| | Flickpoint | Quaywren |\n|---|---|---|\n| Founded | 2021 | 2022 |\n"
                            "| Last round | Series B, $60M (Mar 2025) | Seed, £9.5M (Jan 2025) |\n"
                            "| Lead investor | Accel | Index Ventures |\n| H100 price/hr (Oct 2025) | $2.49 | $2.79 |\n\n"
                            "| Feature | Flickpoint | Quaywren |\n|---|---|---|\n| SOC 2 Type II | ✅ | ❌ |\n")
    assert of_kind(facts, "Round", "company", "kind", "leads") == [("Flickpoint", "series-b", ("Accel",)),
                                                                   ("Quaywren", "seed", ("Index Ventures",))]
    assert of_kind(facts, "Backing", "investor", "company") == [("Accel", "Flickpoint"), ("Index Ventures", "Quaywren")]
    assert of_kind(facts, "Observation", "subject", "metric", "segment") == [("Flickpoint", "price", "H100"),
                                                                            ("Quaywren", "price", "H100")]
    result = build_text(tmp_path, "# Matrix\n\n| Feature | Flickpoint | Quaywren |\n|---|---|---|\n| SOC 2 Type II | ✅ | ❌ |\n")
    assert sorted(e.label for e in result.resolved.entities) == ["Flickpoint", "Quaywren"]


def test_a_rank_column_and_a_lower_case_legal_form(tmp_path):
    # Regression: "| Rank | Creditor |" made companies "1" and "2"; "Vltava Compute s.r.o." was no name
    result = build_text(tmp_path, "# Case\n\n| Rank | Creditor | Claim amount |\n|---|---|---|\n"
                                  "| 1 | Veyrant Systems | $48.2 million |\n\n| Country | Provider | Founded |\n|---|---|---|\n"
                                  "| Czechia | Vltava Compute s.r.o. | 2021 |\n")
    assert sorted(e.label for e in result.resolved.entities if e.kind == "org") == ["Veyrant Systems", "Vltava Compute"]


def test_a_notebooks_exported_tables(tmp_path):
    # Regression: pandas' to_markdown() output gave nothing: floats ("2021.0", "115000000.0"), midnight
    # timestamps, "nan", snake_case values ("gpu_marketplace"), title-cased headers ("Arr Usd"), and a long
    # table of investors with a True/False "is_lead" column
    result = build_text(tmp_path, "# Export\n\n|   | company | round_type | amount | currency | announced_date |\n"
                                  "|--:|:--|:--|--:|:--|:--|\n| 0 | Pelmora Compute | Series B | 115000000.0 | USD | "
                                  "2025-03-14 00:00:00 |\n\n|   | company | round_type | investor | is_lead |\n|--:|:--|:--|:--|:--|\n"
                                  "| 0 | Pelmora Compute | Series B | Sequoia Capital | True |\n| 1 | Pelmora Compute | Series B "
                                  "| NVIDIA | False |\n\n|   | Company | Category | Founded | Arr Usd | H100 Usd Per Hr |\n"
                                  "|--:|:--|:--|--:|--:|--:|\n| 0 | Quillback Cloud | gpu_marketplace | 2023.0 | nan | 1.8700 |\n")
    label = {e.key: e.label for e in result.resolved.entities}
    facts = [f for f, _ in result.resolved.facts]
    rounds = [(label[f.company], f.kind, f.amount.value if f.amount else None, f.when.iso if f.when else None,
               tuple(label[n] for n in f.leads), tuple(label[n] for n in f.participants)) for f in facts if isinstance(f, Round)]
    assert rounds == [("Pelmora Compute", "series-b", Decimal(115_000_000), "2025-03-14", ("Sequoia Capital",), ("NVIDIA",))]
    kinds = {type(f).__name__: f for f in facts if label.get(getattr(f, "company", getattr(f, "subject", None))) == "Quillback Cloud"}
    assert kinds["Category"].category == "gpu-marketplace" and kinds["Founding"].when.iso == "2023"
    price = kinds["Observation"]
    assert (price.metric, price.quantity.value, price.quantity.currency, price.quantity.per) == ("price", Decimal("1.87"), "USD", "hour")


def test_a_node_of_gpus_and_headers_that_only_name_a_currency(tmp_path):
    # Regression: "| Node |" over "8× H100 SXM" gave the price no GPU (and "8" a junk multiple), and a
    # header of a currency and a period ("| JPY/month |") was appended to every segment
    facts = built(tmp_path, "# Prices\n\n| Provider | Node | JPY/month | SGD/month |\n|---|---|---|---|\n"
                            "| Tsukimori Cloud | 8× H100 SXM | 2,380,000 | 20,700 |\n\n| Provider | GPU | On-demand ($/GPU-hr) |\n"
                            "|---|---|---|\n| Tsukimori Cloud | H200 | 2.95 |\n")
    got = sorted((d["segment"], d["quantity"].currency, d["quantity"].per) for name, d in facts if name == "Observation")
    assert got == [("H100 SXM", "JPY", "month"), ("H100 SXM", "SGD", "month"), ("H200, On-demand", "USD", "hour")]


DATABASE_EXPORT = """# Profiles Export

## Skjoldvik Compute

Skjoldvik Compute is a neocloud.

- Founded Date: Mar 14, 2021
- Number of Employees: 101-250

### Funding Rounds (2)
| Announced Date | Transaction Name | Money Raised | Lead Investors |
|---|---|---|---|
| Feb 18, 2025 | Series B - Skjoldvik Compute | $120M | Sequoia Capital |
| Jun 2, 2023 | Series A - Skjoldvik Compute | $36M | Skarvhavn Ventures |

### Investors (3)
| Investor Name | Lead Investor | Funding Round |
|---|---|---|
| Sequoia Capital | Yes | Series B - Skjoldvik Compute |
| NVIDIA | No | Series B - Skjoldvik Compute |
| Skarvhavn Ventures | Yes | Series A - Skjoldvik Compute |

### Acquisitions (1)
| Acquiree Name | Announced Date | Price |
|---|---|---|
| Lystrup Racks AS | Aug 19, 2024 | NOK 180M |
"""


def test_a_company_database_export(tmp_path):
    # Regression: a "Transaction Name" of "Series B - X" gave no round type; an Investors table made a round of each
    # investor (and investors "Yes" and "No"); an Acquisitions table in the profile gave no acquisition; "Founded
    # Date:" no founding
    facts = built(tmp_path, DATABASE_EXPORT)
    assert of_kind(facts, "Round", "company", "kind", "leads", "participants") == [
        ("Skjoldvik Compute", "series-a", ("Skarvhavn Ventures",), ()),
        ("Skjoldvik Compute", "series-b", ("Sequoia Capital",), ("NVIDIA",))]
    assert of_kind(facts, "Backing", "investor", "company") == [
        ("NVIDIA", "Skjoldvik Compute"), ("Sequoia Capital", "Skjoldvik Compute"), ("Skarvhavn Ventures", "Skjoldvik Compute")]
    assert of_kind(facts, "Acquisition", "acquirer", "target") == [("Skjoldvik Compute", "Lystrup Racks")]
    assert [d["when"].iso for name, d in facts if name == "Founding"] == ["2021-03-14"]


def test_a_list_of_acquisitions_by_a_company(tmp_path):
    # Regression: the rows of "# List of acquisitions by X" were "value" figures of each target, not X's purchases
    facts = built(tmp_path, "# List of acquisitions by Harrowdene Cloud\n\nHarrowdene Cloud is a neocloud.\n\n## Acquisitions\n\n"
                            "| # | Date | Company | Business | Country | Value (USD) |\n|---|---|---|---|---|---|\n"
                            "| 1 | June 2020 | Solsgirth Data | Data-center operator | Norway | $210 million |\n"
                            "| 2 | August 2022 | Kinnordy Systems | GPU marketplace | Germany | €40 million |\n")
    assert sorted((d["acquirer"], d["target"], int(d["price"].value), d["price"].currency) for name, d in facts
                  if name == "Acquisition") == [("Harrowdene Cloud", "Kinnordy Systems", 40000000, "EUR"),
                                                ("Harrowdene Cloud", "Solsgirth Data", 210000000, "USD")]
    assert of_kind(facts, "Category", "company", "category") == [
        ("Harrowdene Cloud", "neocloud"), ("Kinnordy Systems", "gpu-marketplace"), ("Solsgirth Data", "data-center-operator")]
    assert of_kind(facts, "Headquarters", "company", "place") == [("Kinnordy Systems", "Germany"), ("Solsgirth Data", "Norway")]
    assert not [d for name, d in facts if name == "Observation"]


def test_a_build_out_table_with_a_noted_unit_planned_figures_and_a_change_column(tmp_path):
    # Regression: "| MW (IT load) |" minted a metric "mw" counted in units; "| GPUs planned |" gave its GPUs the segment
    # "planned", not the row's site, and no "projected"; "| Staff cut |" was a headcount of the company
    # (the report's date, for the row's date still to come: without one it once took a table row's date as its own)
    facts = built(tmp_path, "# Tracker\n\n*10 November 2025*\n\n"
                            "| Site | Operator | City | MW (IT load) | GPUs planned | Energized / expected |\n"
                            "|---|---|---|---|---|---|\n| Red Mesa 1 | Ocotillo Cloud | Amarillo, TX | 200 | 72,000 | Q3 2026 |\n\n"
                            "| Company | Date | Staff cut | Headcount after |\n|---|---|---|---|\n| Veldmoor Cloud | 2025-03-12 | 120 | 290 |\n")
    got = sorted((d["subject"], d["metric"], int(d["quantity"].value), d["quantity"].unit, d["segment"], d["qualifiers"])
                 for name, d in facts if name == "Observation")
    assert ("Ocotillo Cloud", "power-capacity", 200, "megawatt", "Red Mesa 1", ("projected",)) in got
    assert ("Ocotillo Cloud", "gpus", 72000, "count", "Red Mesa 1", ("projected",)) in got
    assert [(m, v) for s, m, v, *_ in got if s == "Veldmoor Cloud" and m == "employees"] == [("employees", 290)]


def test_the_amounts_of_a_row_that_names_no_company_are_kept(tmp_path):
    # Regression: a row of a table of cases ("| Torvane v. Ossinger | ... | $120M damages sought |") had no company,
    # and its amounts were dropped
    facts = built(tmp_path, "# Cases\n\n| Case | Filed | Claim | Status |\n|---|---|---|---|\n"
                            "| Torvane v. Ossinger | 3 Mar 2025 | Patent infringement; $120M damages sought | Pending |\n"
                            "| DDMA decision | n/a | Misleading claims | €11.5M fine; on appeal |\n")
    assert sorted((d["subject"], int(d["quantity"].value), d["quantity"].currency) for name, d in facts
                  if name == "Observation") == [(None, 11500000, "EUR"), (None, 120000000, "USD")]


def test_a_comps_table_its_footnote_marks_tickers_multiples_and_median_row():
    # Regression (neocloud-trading-comps): "| Ostravik Compute [a] |" lost the row's company; the ticker "4798 (Tokyo)"
    # was a count; "13.1x" under "| EV/2025E revenue |" was revenue; "| **Median** |" was a company
    ex = read("# Comps\n\n## Table\n\n| Company | Ticker | EV/2025E revenue | Gross margin |\n|---|---|---|---|\n"
              "| Ostravik Compute [a] | 4798 (Tokyo) | 11.0x | 64% |\n| **Median** | | 8.1x | 58% |\n")
    observed = [(f.subject, f.metric, f.quantity.value, f.quantity.unit) for f in facts_of(ex, "Observation")]
    assert observed == [("Ostravik Compute", "unclassified", Decimal("11.0"), "multiple"),
                        ("Ostravik Compute", "gross-margin", Decimal("64"), "percent"),
                        (None, "unclassified", Decimal("8.1"), "multiple"), (None, "gross-margin", Decimal("58"), "percent")]


def test_an_agendas_rows_are_sessions_not_companies():
    # Regression (gpu-summit-agenda-recap): the "| Time |" column made companies "09:00", "09:40", ...; the speakers
    # cell is read as sentences
    ex = read("# Summit\n\n## Programme\n\n| Time | Session | Speakers |\n|---|---|---|\n"
              "| 09:00 | Opening keynote | Ilse Verhoeckx, CEO, Keldermoor Compute |\n")
    assert [name for name, kind in ex.kinds if kind == "company" and name[0].isdigit()] == []
    assert [(f.person, f.company, f.role) for f in facts_of(ex, "Role")] == [("Ilse Verhoeckx", "Keldermoor Compute", "ceo")]


def test_a_cap_table_export_is_its_companys_rounds_and_holders():
    # Regression (neocloud-cap-table-export): the share classes were companies ("Series Seed Preferred"), the
    # founder stock a round, share counts market shares, and the holders no backers
    ex = read("# Skerryvale Compute, Inc. — Cap Table & Financing History\n\n## Share classes\n\n"
              "| Class | Issue date | Shares issued | Original issue price | Amount raised | Lead investor(s) |\n"
              "|---|---|---|---|---|---|\n| Common | 2021-03-15 | 8,000,000 | $0.0001 | — | — (founder stock) |\n"
              "| Series Seed Preferred | 2021-09-08 | 3,000,000 | $1.0000 | $3,000,000 | Hexworthy Ventures |\n\n"
              "## Holders\n\n| Holder | Class | Shares | Fully diluted % |\n|---|---|---|---|\n"
              "| Hexworthy Ventures | Series Seed | 2,400,000 | 9.2% |\n")
    assert [(f.company, f.kind, f.amount.value, f.leads) for f in facts_of(ex, "Round")] == [
        ("Skerryvale Compute, Inc.", "seed", Decimal("3000000"), ("Hexworthy Ventures",))]
    assert [(f.investor, f.company) for f in facts_of(ex, "Backing")] == [("Hexworthy Ventures", "Skerryvale Compute, Inc.")]
    assert {f.metric for f in facts_of(ex, "Observation")} == {"unclassified", "share-price"}


def test_a_price_tracker_its_method_note_its_dated_headings_its_median_row_and_term_columns(tmp_path):
    # regression: "Prices are per GPU-hour" in the method paragraph, "(snapshot of 24 November)" in a heading and
    # "| 1-year | Spot |" columns under "Reserved and spot prices, H100 SXM" said nothing; "**Median (USD quotes)**"
    # was a company, and so was "Median" opening a sentence
    facts = built(tmp_path, "# GPU Rental Price Tracker\n\n*Published 27 November 2025.*\n\nThe snapshot was taken on "
                            "24 November. Prices are per GPU-hour on an 8-GPU node, unless a note says otherwise.\n\n"
                            "## On-demand prices (snapshot of 24 November)\n\n| Provider | H100 SXM | H200 |\n|---|---|---|\n"
                            "| Brimwick Compute | $2.49 | $3.19 |\n| **Median (USD quotes)** | $2.35 | $3.07 |\n\n"
                            "## Reserved and spot prices, H100 SXM (24 November)\n\n| Provider | 1-year | Spot |\n|---|---|---|\n"
                            "| Tarnhollow Cloud | $1.89 | $1.39 |\n\n## Movers\n\n**Gridmarrow Exchange.** Median cleared H100 "
                            "prices on the marketplace slid 6%.\n\n**Ardenmoor Cloud.** The Porto neocloud held H100 at €2.10 "
                            "but raised H200 to €2.75 from €2.60 on 10 November.\n\n**Ondrelay.** The serverless GPU platform now "
                            "charges $0.00069/s for an H100.\n")
    prices = {(d["subject"], d["quantity"].value, d["quantity"].per, d["when"].iso if d["when"] else None)
              for kind, d in facts if kind == "Observation" and d["metric"] == "price"}
    assert {("Brimwick Compute", Decimal("2.49"), "hour", "2025-11-24"), (None, Decimal("2.35"), "hour", "2025-11-24"),
            ("Tarnhollow Cloud", Decimal("1.89"), "hour", "2025-11-24"), ("Tarnhollow Cloud", Decimal("1.39"), "hour", "2025-11-24"),
            ("Ardenmoor Cloud", Decimal("2.75"), "hour", None), ("Ondrelay", Decimal("0.00069"), "second", None)} <= prices
    assert not [d for kind, d in facts if kind == "Observation" and d["metric"] == "total-raised"]
    result = build_text(tmp_path, (tmp_path / "r.md").read_text())
    assert "Median" not in {e.label for e in result.resolved.entities}


def test_a_rounds_amount_is_the_one_it_is_named_with(tmp_path):
    # regression: "..., and Brimwick Compute, the Denver neocloud, added B200 at $5.25 ... after closing a $95 million
    # Series B" gave the first clause's company a round of $5.25
    facts = built(tmp_path, "# Notes\n\nKestrelhub, a GPU marketplace, says supply doubled in November, and Brimwick "
                            "Compute, the Denver neocloud, added B200 at $5.25 on 12 November after closing a $95 million "
                            "Series B led by NVIDIA in October.\n")
    assert [(c, a.value) for c, a in of_kind(facts, "Round", "company", "amount")] == [("Brimwick Compute", Decimal(95000000))]


def test_a_table_of_sites_is_of_the_company_not_a_company_per_row():
    # Regression: "| Selkirk | Manitoba | 18 MW |" under a company's article made Selkirk a company in Manitoba
    ex = read("# Halvecrest Cloud\n\nHalvecrest Cloud is a neocloud.\n\n| Data center | Location | Power |\n|---|---|---|\n"
              "| Selkirk | Manitoba | 18 MW |\n| Bodø | Norway | 48 MW |\n")
    assert [(o.subject, o.metric, o.segment) for o in facts_of(ex, "Observation")] == [
        ("Halvecrest Cloud", "power-capacity", "Selkirk"), ("Halvecrest Cloud", "power-capacity", "Bodø")]
    assert not facts_of(ex, "Headquarters") or {h.company for h in facts_of(ex, "Headquarters")} == {"Halvecrest Cloud"}


def test_an_infobox_headed_by_the_company_s_name_is_its_fields():
    ex = read("# Halvecrest Cloud\n\n| Halvecrest Cloud Inc. | |\n|---|---|\n| Founded | 14 March 2019 |\n"
              "| Revenue | US$412 million (2024) |\n| Website | [halvecrest.example.com](https://halvecrest.example.com) |\n")
    assert [(f.company, f.when.text) for f in facts_of(ex, "Founding")] == [("Halvecrest Cloud", "14 March 2019")]
    assert [(o.subject, o.metric) for o in facts_of(ex, "Observation")] == [("Halvecrest Cloud", "revenue")]
    assert "Website" not in {name for name, _ in ex.kinds}


def test_a_table_of_gpu_models_by_site_counts_what_its_caption_says():
    # Regression: "| GPU model | Dublin | Frankfurt | Total |" under "Installed GPUs by model and region" gave
    # figures of the measures "Dublin" and "Total"
    ex = read("# Halloran Compute\n\nHalloran Compute is a neocloud in Cork.\n\n### GPU fleet by site, as of 30 June 2025\n\n"
              "| GPU | Cork | Oslo | Total |\n|---|---|---|---|\n| H100 | 512 | 256 | 768 |\n| **Total** | 512 | 256 | 768 |\n")
    got = [(o.subject, o.metric, o.quantity.value, o.segment, o.when.text) for o in facts_of(ex, "Observation")]
    assert got == [("Halloran Compute", "gpus", 512, "H100, Cork", "30 June 2025"),
                   ("Halloran Compute", "gpus", 256, "H100, Oslo", "30 June 2025"),
                   ("Halloran Compute", "gpus", 768, "H100", "30 June 2025"),
                   ("Halloran Compute", "gpus", 512, "Cork", "30 June 2025"),
                   ("Halloran Compute", "gpus", 256, "Oslo", "30 June 2025"),
                   ("Halloran Compute", "gpus", 768, None, "30 June 2025")]


def test_a_raised_column_beside_no_round_is_each_company_s_total(tmp_path):
    # Regression: "| Company | Founded | Raised | Fate | Date |" made each row an untyped round dated by its fate
    facts = built(tmp_path, "# Deadpool\n\n| Company | Founded | Raised | Fate | Date |\n|---|---|---|---|---|\n"
                            "| Brindlecourt Compute | 2021 | $71M | Wound down | Feb 2025 |\n")
    assert not of_kind(facts, "Round", "company")
    assert of_kind(facts, "Observation", "subject", "metric") == [("Brindlecourt Compute", "total-raised")]
    assert [w.text for c, w in of_kind(facts, "Founding", "company", "when")] == ["2021"]


def test_a_table_with_a_column_per_company_and_its_measure_in_the_corner(tmp_path):
    # Regression: "| Turnover, FY2024 | Korvena Cloud | Isarlicht Inference |" over "| Germany | €386 million | ... |"
    # made Germany a company whose measures were named after the two parties
    facts = built(tmp_path, "# Briefing\n\n| Turnover, FY2024 | Korvena Cloud | Isarlicht Inference |\n|---|---|---|\n"
                            "| Germany | €386 million | €151 million |\n")
    got = [(s, m, seg, w.text) for s, m, seg, w in of_kind(facts, "Observation", "subject", "metric", "segment", "when")]
    assert got == [("Isarlicht Inference", "revenue", "Germany", "FY2024"), ("Korvena Cloud", "revenue", "Germany", "FY2024")]


def test_a_table_of_markets_is_the_market_s_not_a_company_per_row(tmp_path):
    # Regression: "| Market | Inventory (MW) | Vacancy |" made Northern Virginia a company
    facts = built(tmp_path, "# Colocation report\n\n| Market | Inventory (MW) | Vacancy |\n|---|---|---|\n"
                            "| Northern Virginia | 4,930 | 1.4% |\n| **Total** | 10,090 | 1.9% |\n")
    assert not of_kind(facts, "Observation", "subject") or {s for (s,) in of_kind(facts, "Observation", "subject")} == {None}
    got = sorted((d["quantity"].value, d["segment"]) for kind, d in facts if kind == "Observation")
    assert got == [(Decimal("1.4"), "Northern Virginia, Vacancy"), (Decimal("1.9"), "Vacancy"),
                   (4930, "Northern Virginia, Inventory"), (10090, "Inventory")]


def test_a_caption_counts_only_a_table_whose_columns_are_parts(tmp_path):
    # Regression: "Median on-demand list prices across the 22 providers we poll:" over "| GPU | Median, USD per
    # GPU-hour | Week on week |" made "-3.2%" a count of providers (a violation of the shapes)
    facts = built(tmp_path, "# Weekly digest\n\nMedian on-demand list prices across the 22 providers we poll, Friday close:\n\n"
                            "| GPU | Median, USD per GPU-hour | Week on week |\n|---|---|---|\n| H100 SXM | 2.02 | -1.5% |\n")
    assert [d["quantity"].unit for kind, d in facts if kind == "Observation" and d["metric"] == "providers"] == ["count"]
    # ... and its cells are the market's median price (dollars per hour, as the header says) and its change
    got = sorted((d["metric"], d["quantity"].value, d["quantity"].currency, d["quantity"].per) for kind, d in facts
                 if kind == "Observation" and d["metric"] != "providers")
    assert got == [("price", Decimal("2.02"), "USD", "hour"), ("unclassified", Decimal("-1.5"), None, None)]


ROUNDS_TABLE = ("| Date | Company | Type | Size | Currency | Investors |\n|---|---|---|---|---|---|\n"
                "| 2026-01-14 | Vantor Compute | Series B | 140 | USD | Redpoint (lead); NVentures |\n"
                "| 2026-03-22 | Kestrelnet | Seed | 9.5 | EUR | Speedinvest |\n")
FLEET_TABLE = "| Company | GPUs | Data centers |\n|---|---|---|\n| Vantor Compute | 22,000 | 4 |\n"


def test_bare_amounts_take_the_scale_the_report_says_once_and_the_currency_of_their_row(tmp_path):
    # Regression (tests/data/reports/neocloud-deal-tables-h1-2026.md): "amounts in millions unless stated" under
    # the title, a "| Size |" of "140" and a "| Currency |" of "USD": the rounds had no amount
    facts = built(tmp_path, "# Deal tables\n\nSource: filings; amounts in millions unless stated.\n\n## Rounds\n\n"
                            + ROUNDS_TABLE + "\n## Fleet\n\n" + FLEET_TABLE)
    assert sorted((d["company"], d["amount"].value, d["amount"].currency) for name, d in facts if name == "Round") == [
        ("Kestrelnet", Decimal("9500000"), "EUR"), ("Vantor Compute", Decimal("140000000"), "USD")]
    # ... and counts are no amounts: the scale is not theirs
    assert sorted((d["metric"], d["quantity"].value) for name, d in facts if name == "Observation") == [
        ("data-centers", Decimal("4")), ("gpus", Decimal("22000"))]


def test_a_bare_amount_without_a_scale_said_is_not_given_one(tmp_path):
    # without the note, "140" under "| Size |" beside "USD" is 140 dollars, as written: nothing is made up
    facts = built(tmp_path, "# Deal tables\n\n## Rounds\n\n" + ROUNDS_TABLE)
    assert sorted((d["company"], d["amount"].value) for name, d in facts if name == "Round") == [
        ("Kestrelnet", Decimal("9.5")), ("Vantor Compute", Decimal("140"))]


def test_the_kind_of_investor_a_table_says(tmp_path):
    # Regression (tests/data/reports/gpu-investor-league-table-2026.md): "| Type |" over "Sovereign wealth fund" was
    # dropped and the fund taken for venture capital, as every investor is when nothing is said of it
    result = build_text(tmp_path, "# League table\n\n| Investor | Type | Portfolio |\n|---|---|---|\n"
                                  "| Qatar Investment Authority | Sovereign wealth fund | Falcon GPU Cloud |\n"
                                  "| Sandpiper Growth | Growth equity | Oberon GPU |\n| Harbourline Capital | VC | Oberon GPU |\n"
                                  "| Tallow Partners | Family office | Oberon GPU |\n")
    kinds = {e.label: e.investor_kind for e in result.resolved.entities if "investor" in e.types}
    assert kinds == {"Qatar Investment Authority": "sovereign", "Sandpiper Growth": "private-equity",
                     "Harbourline Capital": "venture-capital", "Tallow Partners": "venture-capital"}


def test_token_prices_whose_unit_only_the_heading_gives(tmp_path):
    # Regression (tests/data/reports/inference-pricing-and-capex-monitor.md): "| Input | Output |" under "## Token
    # prices (per 1M tokens, USD)" were metrics named "input" and "output", of no currency; and "Llama 4 Maverick"
    # in the Model column was taken for a number, so the prices were of no model
    facts = built(tmp_path, "# Monitor\n\n## Token prices (per 1M tokens, USD)\n\n| Platform | Model | Input | Output |\n"
                            "|---|---|---|---|\n| Quillstream AI | Llama 4 Maverick | 0.22 | 0.85 |\n")
    assert sorted((d["metric"], d["quantity"].value, d["quantity"].currency, d["quantity"].per, d["segment"])
                  for name, d in facts if name == "Observation") == [
        ("price", Decimal("0.22"), "USD", "million-tokens", "Llama 4 Maverick, input tokens"),
        ("price", Decimal("0.85"), "USD", "million-tokens", "Llama 4 Maverick, output tokens")]


def test_a_round_cell_with_its_valuation_and_the_one_before():
    # Regression (found by the precision check): "| Series C at $420M (prior $1.1B) |" in a column of down
    # rounds was a Series C of $420 million raised
    ex = read("# Distress\n\n| Company | Down round | Outcome |\n|---|---|---|\n"
              "| Morrow Compute | Series B at €90M (prior €260M) | Operating |\n")
    assert [(f.company, f.kind, f.amount, f.valuation and f.valuation.value) for f in facts_of(ex, "Round")] == [
        ("Morrow Compute", "series-b", None, Decimal("90000000"))]


def test_a_prior_column_tells_what_was_before_not_the_rows_date(tmp_path):
    # Regression (found by a precision audit of figures): "| Prior valuation |" was a valuation of the row's "Oct 2025"
    facts = built(tmp_path, "# Scorecard\n\n| Company | Event | Date | New valuation | Prior valuation |\n|---|---|---|---|---|\n"
                            "| Corvantis Cloud | Series C (down round) | Oct 2025 | $900M | $2.6B |\n")
    assert sorted((int(d["quantity"].value), d["when"].iso if d["when"] else None, d["qualifiers"]) for name, d in facts
                  if name == "Observation" and d["metric"] == "valuation") == [
        (900_000_000, "2025-10", ()), (2_600_000_000, None, ("former",))]


def test_a_percentage_under_a_count_is_no_count(tmp_path):
    # Regression (found by a precision audit of figures): "| % of workforce |" over "29%" was a headcount of 29
    facts = built(tmp_path, "# Layoffs\n\n| Company | Date | Staff cut | % of workforce | Headcount after |\n"
                            "|---|---|---|---|---|\n| Veldmoor Cloud | 2025-03-12 | 120 | 29% | 290 |\n")
    assert sorted((d["metric"], int(d["quantity"].value), d["segment"]) for name, d in facts if name == "Observation"
                  and d["quantity"].unit == "percent") == [("unclassified", 29, "% of workforce")]
