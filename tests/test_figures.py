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
