"""PERT arithmetic and totals."""

from __future__ import annotations

import math

from ygs.config import EstimateConfig
from ygs.specs.estimate import Estimate, Item, Pert, from_numbers


def test_pert():
    pert = Pert(2, 4, 12)
    assert pert.expected == 5.0
    assert math.isclose(pert.sigma, 10 / 6)


def test_totals_add_expectations_and_variances():
    items = [Item("T-1", "", "", Pert(2, 4, 12)), Item("T-2", "", "", Pert(1, 2, 3))]
    total = Estimate(EstimateConfig(feature_share=0.5), items)
    assert total.expected == 7.0
    assert math.isclose(total.sigma, math.sqrt((10 / 6) ** 2 + (2 / 6) ** 2))
    assert total.calendar(7.0) == 14.0


def test_ranges_never_go_below_zero():
    estimate = from_numbers(0, 0, 12, EstimateConfig())
    assert estimate.interval(2) == (0.0, 2.0 + 4.0)
    assert estimate.to_json()["total"]["range_68"] == [0.0, 4.0]
