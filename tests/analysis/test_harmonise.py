"""Scale harmonisation: the Bakens calibration of the 2017 report (4,16 / 3,72 = 1,12)."""

import numpy as np
import pandas as pd
import pytest

from survey_app.analysis.formatting import format_number
from survey_app.analysis.harmonise import HarmonisationFactor, apply_factor, calibration_factor


def calibration_set() -> tuple[np.ndarray, np.ndarray]:
    """28 respondents on both scales with means 4,16 (agreement) and 3,72 (nooit-altijd)."""
    rng = np.random.default_rng(3)
    new = rng.normal(4.16, 0.5, 28)
    old = rng.normal(3.72, 0.5, 28)
    return new - new.mean() + 4.16, old - old.mean() + 3.72


def test_factor_from_calibration_set():
    new, old = calibration_set()
    factor = calibration_factor(new, old, basis="kalibratie Bakens 2017")
    assert factor.factor == pytest.approx(4.16 / 3.72)
    assert factor.rounded == 1.12
    assert format_number(factor.rounded, 2) == "1,12"
    assert factor.n == 28
    assert factor.basis == "kalibratie Bakens 2017: gemiddelde 4,16 / 3,72, n=28"


def test_factor_uses_only_pairs_answered_on_both_scales():
    new = np.array([[4.0, 5.0], [np.nan, 3.0], [np.nan, np.nan]])
    old = np.array([[2.0, 4.0], [5.0, 3.0], [1.0, 1.0]])
    factor = calibration_factor(new, old)
    assert factor.n == 2
    assert factor.factor == pytest.approx((4 + 5 + 3) / (2 + 4 + 3))


def test_factor_refuses_mismatched_or_empty_sets():
    with pytest.raises(ValueError, match="even groot"):
        calibration_factor([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="geen respondenten"):
        calibration_factor([np.nan], [1.0])


def test_apply_factor_multiplies_only_named_columns():
    frame = pd.DataFrame({"bk_a": [3.0, np.nan], "bk_b": [2.0, 4.0], "other": [1.0, 2.0]})
    out = apply_factor(frame, ["bk_a", "bk_b", "absent"], HarmonisationFactor(1.12, "rapport", 28))
    assert out["bk_a"].tolist()[0] == pytest.approx(3.36)
    assert np.isnan(out["bk_a"].tolist()[1])
    assert out["bk_b"].tolist() == pytest.approx([2.24, 4.48])
    assert out["other"].tolist() == [1.0, 2.0]
    assert frame["bk_a"].tolist()[0] == 3.0
    assert apply_factor(frame, ["other"], 2.0)["other"].tolist() == [2.0, 4.0]
