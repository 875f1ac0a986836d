"""Wave comparison: Mann-Whitney as scipy computes it, effect size, Holm as statsmodels, skips, harmonisation."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import mannwhitneyu, norm
from statsmodels.stats.multitest import multipletests

from survey_app.analysis.compare import (
    CHANGED_SCALE,
    EQUAL,
    HIGHER,
    LOWER,
    N_BELOW_MIN,
    NOT_IN_BOTH,
    compare_waves,
    holm,
    mann_whitney,
)
from survey_app.analysis.harmonise import HarmonisationFactor

samples = st.lists(st.integers(1, 5), min_size=2, max_size=60)


@settings(max_examples=150, deadline=None)
@given(samples, samples)
def test_mann_whitney_equals_scipy(a, b):
    result = mann_whitney(np.array(a), np.array(b))
    if len(set(a) | set(b)) == 1:
        assert (result.p, result.z, result.direction) == (1.0, 0.0, EQUAL)
        return
    expected = mannwhitneyu(a, b, alternative="two-sided", method="asymptotic", use_continuity=True)
    assert result.u == pytest.approx(expected.statistic)
    assert result.p == pytest.approx(expected.pvalue)
    # the Z behind the effect size is the one scipy's p comes from
    assert min(1.0, 2 * norm.sf(abs(result.z))) == pytest.approx(expected.pvalue)
    assert result.r == pytest.approx(abs(result.z) / np.sqrt(len(a) + len(b)))
    mean_rank_a = pd.Series(a + b).rank()[: len(a)].mean()
    mean_rank_b = pd.Series(a + b).rank()[len(a):].mean()
    expected_direction = HIGHER if mean_rank_a > mean_rank_b else LOWER if mean_rank_a < mean_rank_b else EQUAL
    assert result.direction == expected_direction


def p_value_families():
    """Random families of p-values of several sizes, some with ties and values near 1."""
    rng = np.random.default_rng(11)
    families = [rng.uniform(0, 0.2, size) for size in (1, 2, 5, 12, 40, 88)]
    families += [rng.choice([0.001, 0.01, 0.04, 0.5, 1.0], size) for size in (3, 8, 30)]
    return families + [[0.3, 0.6, 0.9], [0.0, 0.0, 0.05]]


@pytest.mark.parametrize("p_values", p_value_families())
def test_holm_equals_statsmodels(p_values):
    assert holm(p_values) == pytest.approx(multipletests(p_values, method="holm")[1])


def test_holm_of_no_tests_is_empty():
    assert holm([]).tolist() == []


def frames(seed=0):
    rng = np.random.default_rng(seed)
    current = pd.DataFrame({"up": rng.integers(3, 6, 80), "same": rng.integers(1, 6, 80),
                            "bk": rng.integers(3, 6, 80), "few": [np.nan] * 76 + [1, 2, 3, 4],
                            "new": rng.integers(1, 6, 80)}).astype(float)
    previous = pd.DataFrame({"up": rng.integers(1, 4, 70), "same": rng.integers(1, 6, 70),
                             "bk": rng.integers(2, 5, 70), "few": rng.integers(1, 6, 70),
                             "old": rng.integers(1, 6, 70)}).astype(float)
    return current, previous


def test_compare_waves_tests_flags_and_skips():
    current, previous = frames()
    variables = [("up", "item"), ("same", "item"), ("bk", "construct"), ("few", "item"), ("new", "item"),
                 ("old", "item")]
    result = compare_waves(current, previous, variables, changed_scale={"bk"})
    assert [t["variable"] for t in result["tests"]] == ["up", "same"]
    assert result["skipped"] == [
        {"variable": "bk", "kind": "construct", "reason": CHANGED_SCALE},
        {"variable": "few", "kind": "item", "reason": N_BELOW_MIN},
        {"variable": "new", "kind": "item", "reason": NOT_IN_BOTH},
        {"variable": "old", "kind": "item", "reason": NOT_IN_BOTH},
    ]
    up = result["tests"][0]
    assert (up["n_a"], up["n_b"], up["direction"]) == (80, 70, HIGHER)
    assert up["significant"] and up["significant_holm"]
    p = [t["p"] for t in result["tests"]]
    assert [t["p_holm"] for t in result["tests"]] == pytest.approx(multipletests(p, method="holm")[1])
    for test in result["tests"]:
        assert test["significant"] == (test["p"] < 0.05)
        assert "factor" not in test


def test_harmonisation_is_applied_to_the_older_wave():
    current, previous = frames()
    factor = HarmonisationFactor(4.16 / 3.72, "kalibratie", 28)
    result = compare_waves(current, previous, [("bk", "construct")], changed_scale={"bk"},
                           harmonisation={"bk": factor})
    test = result["tests"][0]
    expected = mannwhitneyu(current["bk"], previous["bk"] * factor.factor, alternative="two-sided",
                            method="asymptotic", use_continuity=True)
    assert test["p"] == pytest.approx(expected.pvalue)
    assert test["u"] == pytest.approx(expected.statistic)
    assert (test["factor"], test["factor_rounded"], test["basis"]) == (factor.factor, 1.12, "kalibratie")
    unharmonised = compare_waves(current, previous, [("bk", "construct")])["tests"][0]
    assert unharmonised["p"] != test["p"]
