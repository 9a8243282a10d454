"""Regression tests for figures told in running text (``figures``), found by fixture reports
written in wordings the loader had not seen (tests/data/reports/gpu-earnings-season.md)."""
from __future__ import annotations

from decimal import Decimal

from test_deals import built


def test_a_share_price_after_a_move_is_a_price_per_share(tmp_path):
    # Regression: "Shares rose 14% to $87.20" and "The stock closed at $58.10" were unclassified
    # amounts, the second of no company
    facts = built(tmp_path, "# Brief\n\n## Results\n\nVoxcel Cloud beat estimates. Shares rose 14% to $87.20 in "
                            "after-hours trading. The stock closed at $58.10 on Friday.\n")
    prices = sorted((d["subject"], d["quantity"].value, d["quantity"].per) for name, d in facts
                    if name == "Observation" and d["metric"] == "share-price")
    assert prices == [("Voxcel Cloud", Decimal("58.1"), "share"), ("Voxcel Cloud", Decimal("87.2"), "share")]


def test_a_ratio_named_after_its_percent_and_counts_beside_a_loan(tmp_path):
    # Regression: "at about 78% utilization" was unclassified; "borrowed $180 million from X against
    # 4,200 GPUs" was no round and its GPUs were lost to it
    facts = built(tmp_path, "# Note\n\nMontreal-based Verglas Compute is small. In October 2025 it borrowed $180 million "
                            "from Stonecrop Capital against 4,200 A100 and H100 GPUs. Verglas Compute runs its fleet at "
                            "about 78% utilization.\n")
    observed = sorted((d["subject"], d["metric"], d["quantity"].value) for name, d in facts if name == "Observation")
    assert observed == [("Verglas Compute", "gpus", Decimal("4200")), ("Verglas Compute", "utilization", Decimal("78"))]
    assert [(d["company"], d["kind"], d["participants"]) for name, d in facts if name == "Round"] == [
        ("Verglas Compute", "debt-facility", ("Stonecrop Capital",))]


def test_a_fiscal_year_told_by_its_last_month(tmp_path):
    # Regression: "FY3/2025" (April 2024 to March 2025) dated nothing and left a count of 2025
    facts = built(tmp_path, "# Japan\n\n### Kumonami Compute K.K.\n\n- FY3/2025 revenue: ¥9.4 billion\n"
                            "- Staff: 120 employees\n")
    revenue = [d["when"] for name, d in facts if name == "Observation" and d["metric"] == "revenue"]
    assert [(w.start.isoformat(), w.end.isoformat()) for w in revenue] == [("2024-04-01", "2025-03-31")]
    assert not [d for name, d in facts if name == "Observation" and d["quantity"].value == 2025]
