"""Amounts and dates as reports write them."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gpukg.amounts import find_quantities, malformed_amounts
from gpukg.dates import dateline, find_dates, relative_dates


def one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, currency", [
    ("$25M", "25000000", "USD"),
    ("$1.1B", "1100000000", "USD"),
    ("$533.5M", "533500000", "USD"),
    ("€1.2bn", "1200000000", "EUR"),
    ("EUR 40 million", "40000000", "EUR"),
    ("£12.5M", "12500000", "GBP"),
    ("$254.98 billion", "254980000000", "USD"),
    ("$300 million", "300000000", "USD"),
    ("$5", "5", "USD"),
    ("$750K", "750000", "USD"),
    # Regression: a dollar with a country prefix was read as US dollars
    ("S$8M", "8000000", "SGD"),
    ("A$5.5M", "5500000", "AUD"),
    ("AU$60M", "60000000", "AUD"),
    ("NZ$20M", "20000000", "NZD"),
    ("C$25 million", "25000000", "CAD"),
    ("HK$1.2bn", "1200000000", "HKD"),
    ("US$120M", "120000000", "USD"),
    ("AUD 12 million", "12000000", "AUD"),
    ("40 million CHF", "40000000", "CHF"),
    # Regression: rupees and the Indian scale words were a bare count
    ("₹250 crore", "2500000000", "INR"),
    ("INR 75 lakh", "7500000", "INR"),
    ("Rs 1,200 crore", "12000000000", "INR"),
    # Regression: a space after the symbol, and currencies outside the list, gave a bare number
    ("€ 1.95", "1.95", "EUR"),
    ("$ 120M", "120000000", "USD"),
    ("PLN 40M", "40000000", "PLN"),
    ("RMB 500 million", "500000000", "CNY"),
    ("BRL 2.1bn", "2100000000", "BRL"),
    # Regression: Portuguese and Spanish scale words were no scale ("R$ 310 milhões" was 310 reais)
    ("R$ 310 milhões", "310000000", "BRL"),
    ("R$ 1,9 bilhão", "1900000000", "BRL"),
    ("MXN 450 millones", "450000000", "MXN"),
    # Regression: the euro's name in the singular, as German reports write it after an amount, was no currency
    ("2,5 Mio. Euro", "2500000", "EUR"),
])
def test_money_is_absolute(text, value, currency):
    q = one(text)
    assert (q.value, q.currency) == (Decimal(value), currency)


def test_an_amount_plus_is_a_lower_bound():
    # Regression: "$1.2 billion-plus" was exact
    assert one("$1.2 billion-plus").qualifiers == ("lower-bound",)


def test_a_currency_code_after_a_number_is_not_another_word():
    assert one("500 CAD teams").currency is None  # computer-aided design
    assert one("1,000 SGD steps").currency is None  # stochastic gradient descent
    assert one("CAD 25 million").currency == "CAD"


def test_ranges_share_their_scale():
    q = one("$10-15M")
    assert (q.low, q.high, q.value) == (Decimal(10_000_000), Decimal(15_000_000), None)
    assert "range" in q.qualifiers
    q = one("1.5-2 million units")
    assert (q.low, q.high, q.unit) == (Decimal(1_500_000), Decimal(2_000_000), "count")



def test_the_two_ends_of_a_move_share_the_scale_said_after_the_second():
    # Regression (found by a precision audit of figures): "from $1.45 to $1.50 billion previously" read $1.45 as dollars
    assert [q.value for q in find_quantities("guidance of $1.55 billion, from $1.45 to $1.50 billion previously")] == [
        Decimal(1_550_000_000), Decimal(1_450_000_000), Decimal(1_500_000_000)]
    assert [q.value for q in find_quantities("H100s were cut from $2.10 to $1.80 per hour")] == [Decimal("2.1"), Decimal("1.8")]


def test_cents_on_the_dollar_are_a_percentage():
    # Regression (found by a precision audit of figures): "63 cents on the dollar" was a count of 63
    assert [(q.value, q.low, q.high, q.unit) for q in find_quantities("sold at 63 cents on the dollar, and recoveries of "
                                                                     "60-70 cents on the dollar")] == [
        (Decimal(63), None, None, "percent"), (None, Decimal(60), Decimal(70), "percent")]


@pytest.mark.parametrize("text, qualifier", [
    # Regression (found by a precision audit of figures): a bound said not to be passed was read as the other bound
    ("No other customer exceeded 5% of revenue", "upper-bound"),
    ("utilization never got much above 45%", "upper-bound"),
    ("it hasn't dropped below 90% since March", "lower-bound"),
    ("at no more than €1.65 per GPU-hour", "upper-bound"),
])
def test_a_bound_said_not_to_be_passed_is_the_other_bound(text, qualifier):
    assert one(text).qualifiers == (qualifier,)


def test_between_two_amounts_is_one_range():
    # Regression: "between $4 billion and $5 billion" was two figures, the first undated
    q = one("spending was between $4 billion and $5 billion in Q3 2025")
    assert (q.low, q.high, q.value, q.currency) == (Decimal(4_000_000_000), Decimal(5_000_000_000), None, "USD")
    assert "range" in q.qualifiers
    assert len(find_quantities("raised $4M and $5M")) == 2  # no "between": two amounts


def test_prices_per_hour_keep_their_decimals():
    q = one("$0.17-$3.99/hour for GPU instances")
    assert (q.low, q.high, q.currency, q.per) == (Decimal("0.17"), Decimal("3.99"), "USD", "hour")
    assert one("€2.10/hr").per == "hour"
    assert one("$0.99 per GPU-hour").per == "hour"
    # Regression: a GPU model in the unit ended the price before its unit
    assert (one("£1.85 per H100 GPU-hour").per, one("£1.85 per H100 GPU-hour").text) == ("hour", "£1.85 per H100 GPU-hour")
    assert one("$2.10/H200 GPU/hour").per == "hour"


@pytest.mark.parametrize("text, qualifier", [
    ("~$2B", "approximate"), ("$32M+", "lower-bound"), ("over $5B", "lower-bound"),
    ("exceeding $300 million", "lower-bound"), ("up to $3M", "upper-bound"),
])
def test_qualifiers(text, qualifier):
    assert qualifier in one(text).qualifiers


def test_shares_multiples_and_counts():
    assert one("20.2%").unit == "percent"
    assert one("20x growth").unit == "multiple"
    q = one("250,000 GPUs")
    assert (q.value, q.unit, q.noun) == (Decimal(250000), "count", "GPUs")


def test_power_written_out_is_power():
    # regression: "310 megawatts of power capacity" was a count of 310
    assert [(q.value, q.unit) for q in find_quantities("310 megawatts, 1.2 gigawatts and 800 kilowatt")] == \
        [(Decimal(310), "megawatt"), (Decimal("1.2"), "gigawatt"), (Decimal(800), "kilowatt")]


def test_splits_ratios_and_issue_numbers_are_not_amounts():
    # regression: "a 51/49 joint venture" gave counts of 51 and 49, "Issue 31" a count of 31
    assert find_quantities("a 51/49 joint venture, 24/7 support, Issue 31, Vol. 4, No. 12") == ()
    assert [(q.value, q.per) for q in find_quantities("$2/hour and 1,200/month")] == [(Decimal(2), "hour"), (Decimal(1200), "month")]


@pytest.mark.parametrize("text, kept", [
    # Regression (found by a precision audit of figures): each number here was read as a figure
    ("1600 Wynkoop Street, Suite 400, Denver, Colorado 80202 (Address of principal executive offices)", []),
    ("Registered office: Powai, Mumbai 400 076. All amounts in ₹ crore", []),
    ("Median cleared price over 17–23 November; the summit ran October 21–23.", []),
    ("We ran the test between 2 and 9 January 2026 at the 2 p.m. panel.", []),
    ("Investor Q&A, issue 118. The wider loss reflects interest on the loan (Note 7). Week 46 closed; Hall 4 is live.", []),
    ("an 8×B200 node on a one-year term starts at $26,500 per month", [Decimal(26500)]),
    ("Prices are per GPU-hour on an 8-GPU node; 70B-class open models fell 30%", [Decimal(30)]),
    ("The Orrery GPU Rental Index (OGRI, January 2024 = 100) closed at 61.8", [Decimal("61.8")]),
    ("Numbers follow German convention: 3.200 = three thousand two hundred", []),
    ("u/tensor_goblin · 214 points · 09:12 UTC; saved from r/MLOps, 214 points, 87 comments. 6 min read", []),
    ("214 points · 2025-10-14 09:12 UTC", []),  # (a post's header after its username, which the reader takes as a label)
    ("Research desk, issue 7, published 9 December 2025; utilization was 81% in Week 46, down from 84%",
     [Decimal(81), Decimal(84)]),
    ("Red Mesa 1 will be the first site; we hedge half of Sakai Bay 2's load; Stargate Abilene 2 adds 200 MW",
     [Decimal(200)]),
    # (a chart's axis as a PDF's text gives it; not a list of prices, nor a number grouped by spaces)
    ("Figure 4: H100 rental price, USD/hr 3.00   2.50   2.00   1.50   1.00 Q1 2025      Q2 2025", []),
    ("H100s at $2.10, $1.90 and $1.50; the fleet counts 1 250 000 000 tokens", [Decimal("2.1"), Decimal("1.9"),
                                                                                  Decimal("1.5"), Decimal(1250000000)]),
    # a condition's threshold measures nothing; what the condition's words around it state still reads
    ("We expect more cuts if the H100 rate breaks $1.50 per hour, and if rentals fall below $1.75, make that five.", []),
    ("Merbau would reapply once that share falls below 10%; 25% is released if the stock holds 30% above the offer",
     [Decimal(25)]),
    ("If you reserve for twelve months it drops to $1.65; prices fell below $2.00 in November", [Decimal("1.65"), Decimal(2)]),
])
def test_numbers_that_place_label_or_configure_are_not_figures(text, kept):
    assert [q.value for q in find_quantities(text)] == kept


@pytest.mark.parametrize("text, unit", [
    # Regression (found by a precision audit of figures): each was a count of its unit's word
    ("lead times are running at around 120 weeks", "week"),
    ("Lock-up 180 days, except that the CEO signed for 365 days", "day"),
    ("Boot to SSH in about 4 minutes; the episode runs 58 min", "minute"),
    ("support answered in 12 hours", "hour"),
    ("the book was covered more than 20 times", "multiple"),
])
def test_a_span_of_time_or_a_multiple_in_words_has_its_unit(text, unit):
    assert {q.unit for q in find_quantities(text)} == {unit}


def test_names_and_years_are_not_numbers():
    assert find_quantities("H100 with FlashAttention-3 from Prosperity7") == ()
    assert find_quantities("Founded in 2021") == ()


def test_malformed_amounts_are_reported_not_read():
    assert malformed_amounts("raised $12..5M and $TBD") == ["$12..5", "$TBD"]
    assert find_quantities("raised $12..5M and $TBD") == ()


@pytest.mark.parametrize("text, iso, precision, start, end", [
    ("March 2024", "2024-03", "month", date(2024, 3, 1), date(2024, 3, 31)),
    ("Feb 2025", "2025-02", "month", date(2025, 2, 1), date(2025, 2, 28)),
    ("2023", "2023", "year", date(2023, 1, 1), date(2023, 12, 31)),
    ("2024-11-05", "2024-11-05", "day", date(2024, 11, 5), date(2024, 11, 5)),
    ("June 5, 2024", "2024-06-05", "day", date(2024, 6, 5), date(2024, 6, 5)),
    ("~2018-2019", None, "year", date(2018, 1, 1), date(2019, 12, 31)),
    # Regression: a German date, as a translated report keeps it, was only its year
    ("9. Oktober 2025", "2025-10-09", "day", date(2025, 10, 9), date(2025, 10, 9)),
    ("im März 2024", "2024-03", "month", date(2024, 3, 1), date(2024, 3, 31)),
    ("2024/2025 Revenue", None, "year", date(2024, 1, 1), date(2025, 12, 31)),
    # Regression: the day of a day-month-year date was lost, a year after "mid-" was no date at
    # all, and a half year was the whole year
    ("5 November 2024", "2024-11-05", "day", date(2024, 11, 5), date(2024, 11, 5)),
    ("on 21st March 2025", "2025-03-21", "day", date(2025, 3, 21), date(2025, 3, 21)),
    ("(mid-2023)", "2023", "year", date(2023, 1, 1), date(2023, 12, 31)),
    ("early-2024", "2024", "year", date(2024, 1, 1), date(2024, 12, 31)),
    ("H1 2025", None, "month", date(2025, 1, 1), date(2025, 6, 30)),
    ("2H 2024", None, "month", date(2024, 7, 1), date(2024, 12, 31)),
    # Regression: a table's "2025-09" was the year 2025
    ("2025-09", "2025-09", "month", date(2025, 9, 1), date(2025, 9, 30)),
    # Regression: a half or quarter in words was the whole year
    ("in the first half of 2025", None, "month", date(2025, 1, 1), date(2025, 6, 30)),
    ("the Second Half of 2024", None, "month", date(2024, 7, 1), date(2024, 12, 31)),
    ("the third quarter of 2025", None, "month", date(2025, 7, 1), date(2025, 9, 30)),
    # Regression: these forms were a bare year, or no date
    ("Mar 14th, 2025", "2025-03-14", "day", date(2025, 3, 14), date(2025, 3, 14)),
    ("March, 2025", "2025-03", "month", date(2025, 3, 1), date(2025, 3, 31)),
    ("3/14/2025", "2025-03-14", "day", date(2025, 3, 14), date(2025, 3, 14)),
    ("14/03/2025", "2025-03-14", "day", date(2025, 3, 14), date(2025, 3, 14)),
    ("03/04/2025", "2025", "year", date(2025, 1, 1), date(2025, 12, 31)),  # March 4 or April 3: the year is sure
    ("2025/03/14", "2025-03-14", "day", date(2025, 3, 14), date(2025, 3, 14)),
    ("Q1-2025", None, "month", date(2025, 1, 1), date(2025, 3, 31)),
    ("2Q 2025", None, "month", date(2025, 4, 1), date(2025, 6, 30)),
    ("3Q25", None, "month", date(2025, 7, 1), date(2025, 9, 30)),
    ("Q4 '24", None, "month", date(2024, 10, 1), date(2024, 12, 31)),
    ("FY25", "2025", "year", date(2025, 1, 1), date(2025, 12, 31)),
    ("Mar-2025", "2025-03", "month", date(2025, 3, 1), date(2025, 3, 31)),
    # Regression (found by a precision audit of figures): a span of months was its last month, and a fiscal year across
    # two calendar years ("FY2024-25", April to March as the reports that write it so count it) was the first calendar year
    ("Apr-Sep 2024", None, "month", date(2024, 4, 1), date(2024, 9, 30)),
    ("Oct 2024-Mar 2025", None, "month", date(2024, 10, 1), date(2025, 3, 31)),
    ("Jan–Sep 2025 shipments", None, "month", date(2025, 1, 1), date(2025, 9, 30)),
    ("from October to March 2026", None, "month", date(2025, 10, 1), date(2026, 3, 31)),
    ("FY2024-25", None, "month", date(2024, 4, 1), date(2025, 3, 31)),
    ("FY 2023/24", None, "month", date(2023, 4, 1), date(2024, 3, 31)),
])
def test_dates_keep_their_precision(text, iso, precision, start, end):
    (_, _, when), = find_dates(text)
    assert (when.iso, when.precision, when.start, when.end) == (iso, precision, start, end)


def test_approximate_years():
    (_, _, when), = find_dates("~2018-2019")
    assert when.approximate


def test_amounts_are_not_dates():
    assert find_dates("$2024M and 2,000 GPUs and 1,000%") == ()


def test_a_year_told_relative_to_the_report_is_the_reports_year():
    report = find_dates("Quarterly Brief (Q3 2025)")[0][2]
    found = relative_dates("expects £60m by the end of the year, and more by year-end 2026", report)
    assert [(when.text, when.iso) for _, _, when in found] == [("the end of the year", "2025")]
    assert relative_dates("by the end of the year", None) == []



def test_a_quarter_without_its_year_is_of_the_reports_year():
    # Regression: "third-quarter revenue" in a Q3 2025 report was undated
    report = find_dates("Earnings Notes: Q3 2025")[0][2]
    found = relative_dates("third-quarter revenue; Q2 bookings; the second quarter of 2024", report)
    assert [(w.text, w.start, w.end) for _, _, w in found] == [
        ("third-quarter", date(2025, 7, 1), date(2025, 9, 30)), ("Q2", date(2025, 4, 1), date(2025, 6, 30))]



@pytest.mark.parametrize("text, per", [
    # Regression: a price per GPU per month was per GPU, and "/GPU/hr" per GPU
    ("$1,650 per GPU per month", "month"),
    ("$2.10/GPU/hr", "hour"),
    ("€2.10 per GPU, per hour", "hour"),
    ("$2 per GPU", "unit"),
])
def test_a_price_per_gpu_per_period(text, per):
    assert one(text).per == per


@pytest.mark.parametrize("text, per, noun", [
    ("$0.60 per million tokens", "million-tokens", None),
    ("$0.20/1M input tokens", "million-tokens", "input tokens"),
    ("$2.50 per 1K output tokens", "thousand-tokens", "output tokens"),
    ("$0.002 per token", "token", None),
    ("$3 per 1 million tokens", "million-tokens", None),
])
def test_inference_prices_are_per_tokens(text, per, noun):
    q = one(text)
    assert (q.currency, q.per, q.noun) == ("USD", per, noun)


@pytest.mark.parametrize("text, values", [
    # Regression: a model's version and size were figures ("3.1" and 70 billion)
    ("for Llama 3.1 70B.", []),
    ("serves Mistral 7B at $0.10", ["0.1"]),
    ("Qwen2.5-72B and Llama-3-8B", []),
    # a size after the first word of a sentence or a currency code is a figure still
    ("Prevented 22B cubic feet of gas flaring", ["22000000000"]),
    ("USD 500M raised", ["500000000"]),
    ("Over 500M tokens", ["500000000"]),
])
def test_the_numbers_of_a_model_name_are_no_figures(text, values):
    assert [str(q.value) for q in find_quantities(text)] == values


@pytest.mark.parametrize("text, start, end", [
    # Regression: "the year to March 2025" was the month of March
    ("revenues of €14.2m for the year to March 2025", "2024-04-01", "2025-03-31"),
    ("in the fiscal year ended 31 March 2025", "2024-04-01", "2025-03-31"),
    ("for the financial year ending June 30, 2025", "2024-07-01", "2025-06-30"),
    ("in the 12 months to December 2025", "2025-01-01", "2025-12-31"),
    ("twelve months to January 2025", "2024-02-01", "2025-01-31"),
    ("for the six months ended September 30, 2025", "2025-04-01", "2025-09-30"),
    ("in the quarter ended June 30, 2025", "2025-04-01", "2025-06-30"),
])
def test_a_year_to_a_month(text, start, end):
    ((_, _, when),) = find_dates(text)
    assert (when.start.isoformat(), when.end.isoformat()) == (start, end)


@pytest.mark.parametrize("text, values", [
    # Regression: numbers that name or rank were read as counts of the company
    ("24/7 support and a 99.99% uptime SLA from its Tier 3 data centers", [Decimal("99.99")]),
    ("according to Figure 2 of the survey, version 2.0 of its scheduler", []),
    ("1 in 5 enterprises now uses a neocloud", []),
    ("a 2x improvement over the next 12 months", [2]),
    ("up from 500,000 in 2023", [500000]),  # a thousands group before "in" is a number still
    ("runs three data centers and the two sites of its rival", [3]),  # counts in words, not "the two"
])
def test_what_is_a_figure(text, values):
    assert [q.value for q in find_quantities(text)] == values


@pytest.mark.parametrize("text, start, end", [
    # Regression: none of these was read as a date
    ("by end-2025", "2025-01-01", "2025-12-31"),
    ("in 2H25", "2025-07-01", "2025-12-31"),
    ("in H2 '25", "2025-07-01", "2025-12-31"),
    ("on 14.03.2025", "2025-03-14", "2025-03-14"),  # day.month.year, as European reports write it
])
def test_more_ways_of_writing_dates(text, start, end):
    (_, _, when), = find_dates(text)
    assert (str(when.start), str(when.end)) == (start, end)


def test_a_gpu_model_is_no_half_year():
    # Regression (while adding "2H25"): "H100" read as the first half of 2000
    assert find_dates("£1.85 per H100 GPU-hour, H20 chips") == ()


@pytest.mark.parametrize("text, read", [
    # Regression: "from X to Y" was a range, and a falling one was dropped without a word
    ("ARR grew from $22M to $85M", [(22_000_000, None), (85_000_000, None)]),
    ("lowered its A100 rate from $1.60 to $1.29 per GPU-hour", [(Decimal("1.6"), "hour"), (Decimal("1.29"), "hour")]),
    ("$3-$2 per hour", [(3, "hour"), (2, "hour")]),
    ("prices range from $2 to $3 per hour", [((2, 3), "hour")]),  # a range still
    ("$2 to $3 per hour", [((2, 3), "hour")]),
])
def test_from_one_amount_to_another_is_two_figures(text, read):
    assert [(q.value if q.value is not None else (q.low, q.high), q.per) for q in find_quantities(text)] == read


@pytest.mark.parametrize("text, value, currency, per, qualifiers", [
    # Regression: pence were no amount, a price "per H100-hour" was per nothing, and "from $5.00"
    # after a cut "to $4.40" was a floor rather than the price before
    ("prices L40S capacity at 89p per GPU-hour", Decimal("0.89"), "GBP", "hour", ()),
    ("$2.49 per H100-hour on Kestrune Cloud", Decimal("2.49"), "USD", "hour", ()),
    ("cut its rate by 12% to $4.40 per GPU-hour, from $5.00", Decimal("5"), "USD", None, ("former",)),
    ("grew revenue faster than 150% year over year", Decimal("150"), None, None, ("lower-bound",)),
    # Regression: a rate "from" its amount was no floor, nor one that "starts at" it; "up from" was a floor
    ("Vessel Cloud rents H100s from $1.49/hr", Decimal("1.49"), "USD", "hour", ("lower-bound",)),
    ("H100 instances start at $2.10 per GPU-hour", Decimal("2.10"), "USD", "hour", ("lower-bound",)),
    ("now $2.20/hr, up from $1.85/hr", Decimal("1.85"), "USD", "hour", ("former",)),
    # Regression (found by a precision audit of figures): a figure before the change told as nearly as known was no
    # former figure, a card-hour was no unit of time, and a figure "up from" was former though told of "today"
    ("averaged RMB 8.5 per card-hour this week, down from about RMB 12 in January", Decimal(12), "CNY", None,
     ("former", "approximate")),
    ("an RTX 4090 costs RMB 1.98 per card-hour", Decimal("1.98"), "CNY", "hour", ()),
    ("will run about 58,000 GPUs by the end of 2026, up from 28,000 GPUs today", Decimal(28000), None, None, ()),
])
def test_prices_and_bounds_in_other_words(text, value, currency, per, qualifiers):
    q = find_quantities(text)[-1]
    assert (q.value, q.currency, q.per, q.qualifiers) == (value, currency, per, qualifiers)


@pytest.mark.parametrize("text, read", [
    # Regression (found by a precision audit of figures): a table's "~2 s" was a count of something called "s", and
    # "96 tokens per second" a count of tokens per second; not the 1990s
    ("~2 s", [(Decimal(2), "second", None)]),
    ("4–6 sec", [(None, "second", None)]),
    ("96 tokens per second", [(Decimal(96), "token", "second")]),
    ("142 tokens/s on Llama 3.1 70B", [(Decimal(142), "token", "second")]),
    ("in the 1990s", []),
    ("a 4 S cluster", [(Decimal(4), "count", None)]),
])
def test_seconds_and_tokens_per_second(text, read):
    assert [(q.value, q.unit, q.per) for q in find_quantities(text)] == read


@pytest.mark.parametrize("text, read", [
    # Regression (found by a precision audit of figures): water per unit of energy and prices per MWh were counts and
    # prices per nothing; "near" a number was exact
    ("keeps water use near 0.02 L/kWh", [(Decimal("0.02"), None, "litre-per-kilowatt-hour", None, ("approximate",))]),
    ("priced at $41/MWh", [(Decimal(41), "USD", None, "megawatt-hour", ())]),
    ("€0.12 per kWh", [(Decimal("0.12"), "EUR", None, "kilowatt-hour", ())]),
])
def test_energy_units(text, read):
    assert [(q.value, q.currency, q.unit, q.per, q.qualifiers) for q in find_quantities(text)] == read


@pytest.mark.parametrize("text, read", [
    # Regression (found by a precision audit of figures): the figure before an arrow was no former one, nor per the
    # unit of the one after it
    ("Quorra Inference price cut H100 $2.49→$2.19/hr, on-demand.",
     [(Decimal("2.49"), "hour", ("former",)), (Decimal("2.19"), "hour", ())]),
    ("| Halcyrion Compute | 380 → 240 |", [(Decimal(380), None, ("former",)), (Decimal(240), None, ())]),
    ("$2.40/hr -> $2.05/hr WoW", [(Decimal("2.40"), "hour", ("former",)), (Decimal("2.05"), "hour", ())]),
])
def test_the_figure_before_an_arrow_is_what_it_was(text, read):
    assert [(q.value, q.per, q.qualifiers) for q in find_quantities(text)] == read


@pytest.mark.parametrize("text, read", [
    # Regression (found by a precision audit of figures): a GPU model's number took the currency code after it
    # ("H20 RMB") and left the price a count; the model a price is per, or a count names, still reads
    ("an RTX 4090 costs RMB 1.98 per card-hour and an H20 RMB 6.5 per card-hour",
     [(Decimal("1.98"), "CNY", None, "hour", ""), (Decimal("6.5"), "CNY", None, "hour", "")]),
    ("an A100 USD 1.20 per hour", [(Decimal("1.2"), "USD", None, "hour", "")]),
    ("$2.19 per H100 GPU-hour", [(Decimal("2.19"), "USD", None, "hour", "")]),
    ("4,096 B200s, and 2,400 L40S and H100 GPUs", [(Decimal(4096), None, "count", None, "B200s"),
                                                   (Decimal(2400), None, "count", None, "GPUs")]),
])
def test_a_gpu_models_number_is_no_figure(text, read):
    # (what a count counts: its noun's first word)
    assert [(q.value, q.currency, q.unit, q.per, (q.noun or "").split(" ")[0].rstrip(",") if q.unit == "count" else "")
            for q in find_quantities(text)] == read


@pytest.mark.parametrize("text, values", [
    # Regression: "8 000" was 8 (and a junk 0), "EUR 2,10" was 2 and 10, and "[12:40]" was two numbers
    ("about 8 000 GPUs, against 1,200 last year", [Decimal("8000"), Decimal("1200")]),
    ("EUR 2,10 per GPU-hour, on demand EUR 2,95", [Decimal("2.1"), Decimal("2.95")]),
    ("In 2025 500 new GPUs", [Decimal("500")]),
    ("[12:40] we just closed $50 million", [Decimal("50000000")]),
])
def test_numbers_as_other_reports_write_them(text, values):
    assert [q.value for q in find_quantities(text)] == values


@pytest.mark.parametrize("text, start, end", [
    ("reported Q3 FY2025 revenue", date(2025, 7, 1), date(2025, 9, 30)),  # a fiscal quarter, as the calendar's
    ("guided Q4 FY25 revenue", date(2025, 10, 1), date(2025, 12, 31)),
    ("Series B (07.2025)", date(2025, 7, 1), date(2025, 7, 31)),
])
def test_fiscal_quarters_and_months_with_a_dot(text, start, end):
    (_, _, when), = find_dates(text)
    assert (when.start, when.end) == (start, end)


def test_a_month_without_its_year_is_of_the_reports_last_twelve_months():
    # Regression: "in June" in a report recorded in October 2025 was no date at all
    written = dateline(["Recorded October 14, 2025. Host: Noor Kettleby."])
    told = {text: [w.iso for _, _, w in relative_dates(text, written)]
            for text in ("bought it in June for $12 million", "in December", "since March 2024", "the march of GPUs")}
    assert told == {"bought it in June for $12 million": ["2025-06"], "in December": ["2024-12"],
                    "since March 2024": [], "the march of GPUs": []}


def test_a_long_byline_gives_the_date_it_says_the_report_was_published():
    # Regression: a translated article's byline, longer than a dateline, gave the report no date (and so "by the end of
    # 2026" was no plan): "..., issue 11/2025, pp. 34–36, published 14. Oktober 2025"
    byline = ('Original: "GPU-Clouds im DACH-Raum: Kernfeld sammelt frisches Kapital ein, Glarnisch kauft Nordhalle", '
              "Rechenzentrum & Cloud Report, issue 11/2025, pp. 34–36, published 14. Oktober 2025.")
    assert dateline(["Translated from the German.", byline]).iso == "2025-10-14"
    assert dateline(["A long opening line that names no publication date at all, only that the company was founded in "
                     "March 2021 and raised money in October 2025 from several investors in Munich and Zurich."]) is None


def test_a_gpu_model_after_a_count_is_no_scale():
    # Regression: "2,048 B200 GPUs" was 2,048 billion
    (gpus,) = [q for q in find_quantities("sold 2,048 B200 GPUs to a lessor") if q.unit == "count"]
    assert (gpus.value, gpus.noun) == (Decimal("2048"), "GPUs")


def test_months_and_years_are_units():
    # Regression: "over 18 months" was a count of 18
    assert [(q.value, q.unit) for q in find_quantities("tranches over 18 months, a tenor of 5 years")] == [
        (Decimal("18"), "month"), (Decimal("5"), "year")]


def test_a_team_told_by_its_size_is_a_headcount():
    # Regression: "its 22-person team", "a 40-person startup" were no numbers at all
    assert [(q.value, q.noun) for q in find_quantities("its 22-person team and a 40-person kernel startup")] == [
        (Decimal("22"), "employees"), (Decimal("40"), "employees")]


@pytest.mark.parametrize("text, currency", [
    # Regression: "R$" was read as US dollars, "R2.1 billion" and "₦62 billion" were no money at all
    ("raised R$450 million", "BRL"), ("raised R2.1 billion", "ZAR"), ("for ₦62 billion", "NGN"),
    ("a KES 2.6 billion round", "KES"), ("H100 at R42.50 an hour", "ZAR"),
    # Regression: the CFA francs, the dirham and the sol were no currency ("a XOF 40 billion grant")
    ("a XOF 40 billion grant", "XOF"), ("XAF 12 billion", "XAF"), ("MAD 300 million", "MAD"), ("PEN 90 million", "PEN")])
def test_latin_american_and_african_currencies(text, currency):
    (q,) = find_quantities(text)
    assert q.currency == currency


def test_an_r_before_a_number_is_not_always_a_rand():
    assert not find_quantities("DeepSeek R1 and R&D")


@pytest.mark.parametrize("text, value, currency", [
    # Regression: "yuan" and "renminbi" after a number were no currency: "a 100 million yuan grant" was a count
    ("a 100 million yuan grant", Decimal("100000000"), "CNY"),
    ("raised 500 million renminbi", Decimal("500000000"), "CNY"),
    ("a 12 billion yen round", Decimal("12000000000"), "JPY"),
    ("bids that 3 won", Decimal("3"), None),  # the verb, not the currency
    # Regression: "won" was never the currency; after a scale it is ("a team of five won" stays the verb)
    ("a 1.2 trillion won round", Decimal("1200000000000"), "KRW"),
    ("raised 300 billion won in 2025", Decimal("300000000000"), "KRW"),
])
def test_currency_words_after_the_number(text, value, currency):
    (q,) = find_quantities(text)
    assert (q.value, q.currency) == (value, currency)


def test_a_fiscal_year_written_whole_is_one_date():
    # Regression: "FY2023" was the year 2023 starting at its third character, so a "| | FY2023 |"
    # column was no period and the column's figures were given to a company called "FY2023"
    assert [(s, e, w.iso) for s, e, w in find_dates("FY2023")] == [(0, 6, "2023")]


@pytest.mark.parametrize("text, value, qualifier", [
    # Regression: a data table's "c." and ">" marked nothing
    ("c. 410", "410", "approximate"),
    ("ca. 3", "3", "approximate"),
    (">2,000", "2000", "lower-bound"),
    ("<5%", "5", "upper-bound"),
])
def test_a_tables_marks_of_estimates_and_bounds(text, value, qualifier):
    q = one(text)
    assert (str(q.value), q.qualifiers) == (value, (qualifier,))


def test_an_arrow_and_an_abbreviation_are_no_marks():
    assert one("A -> 2,000").qualifiers == ()
    assert one("Acme Inc. 400 GPUs").qualifiers == ()


def test_a_price_a_share_and_a_headers_scale_are_read():
    # Regression: "$31.80 a share" was no price per share; "Valuation ($ bn)" warned of a malformed amount
    assert one("$31.80 a share").per == "share"
    assert malformed_amounts("Valuation ($ bn): 2.4") == []


def test_a_spreadsheets_month_and_year():
    # Regression: "(Sep-25 unless stated)" dated nothing
    assert [w.iso for _, _, w in find_dates("Operating KPIs (Sep-25 unless stated)")] == ["2025-09"]
    assert [w.iso for _, _, w in find_dates("Sep 25, 2025")] == ["2025-09-25"]


@pytest.mark.parametrize("text, value, currency", [
    # Regression: the rupiah and the ringgit were no currencies, so a bracket's US$ conversion won
    ("Rp 1.2 trillion", "1200000000000", "IDR"),
    ("RM 95 million", "95000000", "MYR"),
    ("RM300M", "300000000", "MYR"),
])
def test_the_rupiah_and_the_ringgit(text, value, currency):
    q = one(text)
    assert (str(q.value), q.currency) == (value, currency)


def test_a_price_per_gpu_second():
    # Regression: "/ GPU-second" was a price per unit
    assert one("from $0.0004 / GPU-second").per == "second"
    assert one("$0.000306 / GPU-sec").per == "second"


def test_millions_written_before_a_nordic_currency_code():
    # Regression: "MSEK 300" was 300 kronor
    q = one("MSEK 300")
    assert (str(q.value), q.currency) == ("300000000", "SEK")
    assert (str(one("MNOK 85").value), one("MNOK 85").currency) == ("85000000", "NOK")


def test_a_currency_code_before_a_word_is_no_malformed_amount():
    # Regression: "amounts in USD unless marked" and "EUR and GBP quotes" warned of unreadable amounts
    assert malformed_amounts("amounts in USD unless marked; EUR and GBP quotes are converted") == []
    assert malformed_amounts("raised $12..5M") == ["$12..5"]


@pytest.mark.parametrize("text, value, currency, per", [
    # Regression: German scale words ended the sentence and scaled nothing; a sign after its amount
    # was no currency ("€ per" even warned of an unreadable amount)
    ("closed a 60 Mio. EUR Series B", "60000000", "EUR", None),
    ("an estimated 1,5 Mrd. EUR in 2024", "1500000000", "EUR", None),
    ("CHF 40 Mio. in a Series B", "40000000", "CHF", None),
    ("| 2,10 €/GPU-hour |", "2.1", "EUR", "hour"),
    ("costs 0,35 € per million tokens", "0.35", "EUR", "million-tokens"),
])
def test_european_scales_and_a_currency_sign_after_the_amount(text, value, currency, per):
    q = one(text)
    assert (str(q.value), q.currency, q.per) == (value, currency, per)
    assert malformed_amounts(text) == []


def test_a_dot_groups_thousands_in_a_count_but_not_in_money():
    # Regression: "3.200 GPUs" was 3.2 GPUs; a price keeps its decimals
    assert str(one("runs 3.200 GPUs").value) == "3200"
    assert str(one("about 2.500 developers").value) == "2500"
    assert str(one("priced at $2.125 per hour").value) == "2.125"


def test_some_before_a_number_is_approximate():
    # Regression: "some 60 providers" was exactly 60
    assert one("pools capacity from some 60 providers").qualifiers == ("approximate",)


def test_french_millions_and_billions_of_euros():
    # Regression: "214 M€ in 2024" had no currency and "1,2 Md€" was 1.2 (with "€ in" warned of as unreadable)
    assert (str(one("Group revenue was 214 M€ in 2024").value), one("214 M€ in 2024").currency) == ("214000000", "EUR")
    assert (str(one("at 1,2 Md€ in 2024").value), one("at 1,2 Md€ in 2024").currency) == ("1200000000", "EUR")
    assert malformed_amounts("a 45 M€ Series B and 1,2 Md€ for 2027") == []


@pytest.mark.parametrize("text", [
    # Regression: numbers of identifiers were read as figures, and tickers warned of as unreadable amounts
    "Read it in your browser: https://rackreport.example.com/issues/87",
    "Item 2.01 Completion of Acquisition or Disposition of Assets",
    "Commission File Number 001-41877; I.R.S. Employer Identification No. 86-3310924",
    "the decision in case ME/7312/25",
    "Working Paper No. 25-14",
    "Media contact: +1 (412) 555-0148",
    "2/14 big week for funding",
])
def test_identifiers_are_no_figures(text):
    assert find_quantities(text) == ()


def test_a_ticker_is_no_unreadable_amount():
    assert malformed_amounts("Sunderly Cloud ($SNDY) opened higher; comps to $CRWV") == []
    assert malformed_amounts("raised $TBD") == ["$TBD"]


def test_new_taiwan_dollars_and_a_price_per_share_written_sh():
    # Regression: "NT$182 billion" was US dollars, "$21/sh" a price per nothing
    assert (str(one("revenue of NT$182 billion").value), one("NT$182 billion").currency) == ("182000000000", "TWD")
    assert one("priced its IPO at $21/sh on Thursday").per == "share"


def test_a_spread_in_basis_points_is_no_count():
    # Regression: "SOFR + 550 bp" was a count of 550, as if of things
    assert [(q.value, q.unit) for q in find_quantities("priced at SOFR + 550 bp, then SOFR + 600 bps")] == [
        (Decimal(550), "basis-point"), (Decimal(600), "basis-point")]
    assert one("a 25 basis point cut").unit == "basis-point"
    assert one("BRL 40 million").unit is None  # a currency after a number is still money


@pytest.mark.parametrize("text, value, currency, per", [
    # Regression: "zł" and "Kč" after an amount were no currency ("Kč" even read as thousands: 58,000)
    ("10.50 zł per GPU-hour", "10.5", "PLN", "hour"), ("58 Kč", "58", "CZK", None),
    ("a 95 million Kč seed round", "95000000", "CZK", None),
    # Regression: RON was no currency code; a rand amount without a scale or cents was no money
    ("RON 11.90 per GPU-hour", "11.9", "RON", "hour"), ("R48 per GPU-hour", "48", "ZAR", "hour"),
    ("11.90 lei", "11.9", "RON", None),
])
def test_the_currencies_of_central_europe_and_africa(text, value, currency, per):
    q = one(text)
    assert (str(q.value), q.currency, q.per) == (value, currency, per)


@pytest.mark.parametrize("text", ["we try 3 times", "Ron 5 GPUs", "the gbp 5"])
def test_a_currency_code_is_written_in_capitals(text):
    # Regression: "try 3" was 3 Turkish lira, "Ron 5" (a first name) 5 Romanian lei
    assert one(text).currency is None


def test_a_month_a_period_ended_in_is_of_the_last_twelve_months():
    # Regression: "ended June with 18,000 GPUs" in a September 2025 post was undated
    report = find_dates("2025-09-14")[0][2]
    found = relative_dates("Tollerbank ended June with 18,000 GPUs; at the end of August it had more", report)
    assert [when.iso for _, _, when in found] == ["2025-06", "2025-08"]


@pytest.mark.parametrize("text, value", [
    # Regression (gpu-secondaries-memo): "−35%" in a table was read as 35%, "-20%" not at all
    ("| -20% |", Decimal("-20")), ("| −35% |", Decimal("-35")), ("operating margin (–12%)", Decimal("-12")),
    ("+158%", Decimal("158")), ("grew 5-10%", None),
])
def test_a_percentage_keeps_its_minus_sign(text, value):
    (q,) = find_quantities(text)
    assert (q.value, q.unit) == (value, "percent")


@pytest.mark.parametrize("text", ["net income -$45M", "−$12 million", "FlashAttention-3", "H100-80GB"])
def test_a_signed_amount_or_a_name_is_no_figure(text):
    # money and counts are never below zero in the model: a signed amount is not read rather than read as its opposite
    assert find_quantities(text) == ()


@pytest.mark.parametrize("text, values", [
    # regression: a telephone number was four figures, and India's grouping "1,52,00,000" three
    ("Media contact: press@marlowgate.example, +44 20 7946 0321", []),
    ("Call +1 415-555-0134 today; margins rose +8.5%", [Decimal("8.5")]),
    ("allotted 1,52,00,000 equity shares at ₹1,250 per share", [Decimal("15200000"), Decimal("1250")]),
])
def test_identifiers_and_other_groupings(text, values):
    assert [q.value for q in find_quantities(text)] == values


def test_last_and_this_quarter_are_of_the_reports_date():
    # regression: "Our ARR crossed €46 million last quarter" in an interview of November 2025 was undated
    from gpukg.records import When
    written = When("4 November 2025", "2025-11-04", "day", date(2025, 11, 4), date(2025, 11, 4))
    found = {w.text: (w.start, w.end) for _, _, w in relative_dates("ARR last quarter, revenue this quarter", written)}
    assert found == {"last quarter": (date(2025, 7, 1), date(2025, 9, 30)), "this quarter": (date(2025, 10, 1), date(2025, 12, 31))}
    january = When("January 2026", "2026-01-15", "day", date(2026, 1, 15), date(2026, 1, 15))
    assert [(w.start, w.end) for _, _, w in relative_dates("last quarter", january)] == [(date(2025, 10, 1), date(2025, 12, 31))]


@pytest.mark.parametrize("text, low, high, currency, unit", [
    # Regression: "up from $58–62 billion" was $58 and a count of 62 billion (a change from one to the other)
    ("guidance is $64 billion to $68 billion, up from $58–62 billion", Decimal(58_000_000_000), Decimal(62_000_000_000), "USD", None),
    # Regression: an EU authority's "[35-40]%" lost its percent
    ("the merged firm would have held [35-40]% of the market", Decimal(35), Decimal(40), None, "percent"),
])
def test_the_last_range_of_a_sentence(text, low, high, currency, unit):
    q = find_quantities(text)[-1]
    assert (q.low, q.high, q.currency) == (low, high, currency) and (unit is None or q.unit == unit)


@pytest.mark.parametrize("text", ["it runs a 70B model for us", "Article 6(1)(b) and 6(2) of the Merger Regulation",
                                  "caught by Article 1(3)", "SoftBank Vision Fund 2 put in"])
def test_numbers_that_name_measure_nothing(text):
    assert find_quantities(text) == ()


def test_a_web_address_without_its_scheme_holds_no_figure():
    # Regression: "news.ycombinator.example.com/item?id=43120877" was a count of 43,120,877
    assert [q.text for q in find_quantities("thread: news.ycombinator.example.com/item?id=43120877, 640 comments")] == ["640"]


@pytest.mark.parametrize("text", ["the matters described in Items 1.01 and 5.02, a copy", "the Securities Exchange Act of 1934",
                                  "Commitments by lender, from Schedule 2.01:"])
def test_a_filing_s_references_measure_nothing(text):
    assert find_quantities(text) == ()
