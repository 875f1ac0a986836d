"""Wave comparison: Mann-Whitney as SPSS prints it (scipy without continuity correction, exact p for small
groups), effect size, the test per measurement level, Holm as statsmodels within explicit families, skips,
harmonisation."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import chi2_contingency, fisher_exact, mannwhitneyu, norm
from scipy.stats.contingency import association
from statsmodels.stats.multitest import multipletests

from survey_app.analysis.compare import (
    CHANGED_SCALE,
    EQUAL,
    HIGHER,
    LOWER,
    N_BELOW_MIN,
    NOMINAL_NOT_REQUESTED,
    NOT_IN_BOTH,
    Compared,
    compare_waves,
    holm,
    mann_whitney,
)
from survey_app.analysis.crosstab import FISHER, nominal_test
from survey_app.analysis.harmonise import HarmonisationFactor

samples = st.lists(st.integers(1, 5), min_size=2, max_size=60)


@settings(max_examples=150, deadline=None)
@given(samples, samples)
def test_mann_whitney_equals_scipy_without_continuity_correction(a, b):
    result = mann_whitney(np.array(a), np.array(b))
    exact = mannwhitneyu(a, b, alternative="two-sided", method="exact").pvalue
    assert result.p_exact == (pytest.approx(exact) if len(a) + len(b) <= 40 else None)
    if len(set(a) | set(b)) == 1:
        assert (result.p, result.z, result.direction) == (1.0, 0.0, EQUAL)
        return
    expected = mannwhitneyu(a, b, alternative="two-sided", method="asymptotic", use_continuity=False)
    assert result.u == pytest.approx(expected.statistic)
    assert result.p == pytest.approx(expected.pvalue)
    # the Z behind the effect size is the one scipy's p comes from (SPSS's Z: no continuity correction)
    assert 2 * norm.sf(abs(result.z)) == pytest.approx(expected.pvalue)
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
        {"variable": "bk", "kind": "construct", "level": "ordinal", "reason": CHANGED_SCALE},
        {"variable": "few", "kind": "item", "level": "ordinal", "reason": N_BELOW_MIN},
        {"variable": "new", "kind": "item", "level": "ordinal", "reason": NOT_IN_BOTH},
        {"variable": "old", "kind": "item", "level": "ordinal", "reason": NOT_IN_BOTH},
    ]
    assert result["holm_family"] == "report"
    assert result["families"] == [{"name": "report", "size": 2, "significant": 1, "significant_holm": 1}]
    up = result["tests"][0]
    assert (up["n_a"], up["n_b"], up["direction"]) == (80, 70, HIGHER)
    assert up["significant"] and up["significant_holm"]
    p = [t["p"] for t in result["tests"]]
    assert [t["p_holm"] for t in result["tests"]] == pytest.approx(multipletests(p, method="holm")[1])
    for test in result["tests"]:
        assert test["significant"] == (test["p"] < 0.05)
        assert "factor" not in test
        assert (test["test"], test["effect"], test["family"]) == ("mann_whitney", "r", "report")
        assert test["p_exact"] is None  # 150 cases: SPSS prints no exact p either
        values_a, values_b = current[test["variable"]], previous[test["variable"]]
        assert test["a"] == {"median": values_a.median(), "mean": pytest.approx(values_a.mean())}
        assert test["b"] == {"median": values_b.median(), "mean": pytest.approx(values_b.mean())}


def test_harmonisation_is_applied_to_the_older_wave():
    current, previous = frames()
    factor = HarmonisationFactor(4.16 / 3.72, "kalibratie", 28)
    result = compare_waves(current, previous, [("bk", "construct")], changed_scale={"bk"},
                           harmonisation={"bk": factor})
    test = result["tests"][0]
    expected = mannwhitneyu(current["bk"], previous["bk"] * factor.factor, alternative="two-sided",
                            method="asymptotic", use_continuity=False)
    assert test["p"] == pytest.approx(expected.pvalue)
    assert test["u"] == pytest.approx(expected.statistic)
    assert (test["factor"], test["factor_rounded"], test["basis"]) == (factor.factor, 1.12, "kalibratie")
    unharmonised = compare_waves(current, previous, [("bk", "construct")])["tests"][0]
    assert unharmonised["p"] != test["p"]


def test_spss_example_p_values():
    """A small example worked by hand: U, Z, the asymptotic p and SPSS's exact p [2*(1-tailed)]."""
    a = np.array([4, 5, 5, 3, 4, 5, 4])
    b = np.array([3, 2, 4, 3, 3, 2])
    result = mann_whitney(a, b)
    # mid-ranks of the 13 values; U of A; the tie-corrected sigma; Z without continuity correction
    ranks = pd.Series(np.concatenate([a, b])).rank().to_numpy()
    u = ranks[:7].sum() - 7 * 8 / 2
    counts = np.unique(np.concatenate([a, b]), return_counts=True)[1]
    sigma = np.sqrt(7 * 6 / 12 * (14 - (counts**3 - counts).sum() / (13 * 12)))
    z = (u - 21) / sigma
    assert (result.u, result.z) == (pytest.approx(u), pytest.approx(z))
    assert result.p == pytest.approx(2 * norm.sf(abs(z)))
    # exact: the share of the 1716 ways to split 13 untied ranks 7/6 with U at least this far from 21
    from itertools import combinations

    extreme = sum(1 for chosen in combinations(range(1, 14), 7) if sum(chosen) - 28 >= u)
    assert result.p_exact == pytest.approx(min(1.0, 2 * extreme / 1716))


def nominal_frames():
    current = pd.DataFrame({"sex": [1.0] * 30 + [2.0] * 50, "role": [1.0] * 70 + [2.0] * 8 + [3.0] * 2,
                            "grid": [1.0] * 6 + [0.0] * 74})
    previous = pd.DataFrame({"sex": [1.0] * 40 + [2.0] * 30, "role": [1.0] * 60 + [2.0] * 6 + [3.0] * 4,
                             "grid": [1.0] * 1 + [0.0] * 69})
    return current, previous


NOMINAL_VARIABLES = [Compared("sex", "item", "nominal", "achtergrond", (1, 2)),
                     Compared("role", "item", "nominal", "achtergrond", (1, 2, 3, 4)),
                     Compared("grid", "item", "nominal", "werk", (1, 0))]


def test_nominal_variables_are_not_tested_unless_asked():
    current, previous = nominal_frames()
    result = compare_waves(current, previous, NOMINAL_VARIABLES)
    assert result["tests"] == []
    assert {s["reason"] for s in result["skipped"]} == {NOMINAL_NOT_REQUESTED}
    assert result["families"] == []


def test_nominal_tests_chi_square_or_fisher_with_cramers_v():
    current, previous = nominal_frames()
    result = compare_waves(current, previous, NOMINAL_VARIABLES, nominal_tests=True)
    tests = {t["variable"]: t for t in result["tests"]}
    sex = tests["sex"]
    table = np.array([[30, 50], [40, 30]])
    chi2, p, df, _ = chi2_contingency(table, correction=False)
    assert (sex["test"], sex["chi2"], sex["df"]) == ("chi_square", pytest.approx(chi2), 1)
    assert sex["p"] == pytest.approx(p)
    assert sex["p_exact"] == pytest.approx(fisher_exact(table).pvalue)
    assert sex["cramers_v"] == pytest.approx(np.sqrt(chi2 / 150))
    assert sex["a"]["percent"] == {"1": pytest.approx(37.5), "2": pytest.approx(62.5)}
    assert sex["b"]["percent"] == {"1": pytest.approx(400 / 7), "2": pytest.approx(300 / 7)}
    assert "u" not in sex and "r" not in sex and sex["direction"] is None
    role = tests["role"]  # the unused code 4 is left out of the table: 2 x 3, df 2
    assert role["test"] == "chi_square" and role["df"] == 2 and role["expected_below_5"] > 0
    assert role["cramers_v"] == pytest.approx(association(np.array([[70, 8, 2], [60, 6, 4]]), method="cramer"))
    assert role["p_exact"] is None and set(role["a"]["percent"]) == {"1", "2", "3", "4"}
    grid = tests["grid"]  # 2 x 2 with an expected count below 5: Fisher's exact test gives p
    assert grid["test"] == FISHER
    assert grid["p"] == pytest.approx(fisher_exact(np.array([[6, 74], [1, 69]])).pvalue)


def test_nominal_test_of_one_category_is_no_difference():
    result = nominal_test(np.array([1.0] * 6), np.array([1.0] * 5), (1, 2))
    assert (result.p, result.cramers_v, result.df) == (1.0, 0.0, 0)
    assert result.counts_a == {"1": 6, "2": 0}


def test_holm_per_module_family():
    current, previous = frames()
    current = current.assign(sex=[1.0] * 30 + [2.0] * 50)
    previous = previous.assign(sex=[1.0] * 40 + [2.0] * 30)
    variables = [Compared("up", "item", "ordinal", "samenwerking"), Compared("same", "item", "ordinal", "samenwerking"),
                 Compared("bk", "construct", "interval", "bakens"),
                 Compared("sex", "item", "nominal", "achtergrond", (1, 2))]
    by_report = compare_waves(current, previous, variables, nominal_tests=True)
    assert by_report["families"][0]["name"] == "report" and by_report["families"][0]["size"] == 4
    result = compare_waves(current, previous, variables, nominal_tests=True, holm_family="module")
    assert result["holm_family"] == "module"
    assert [(f["name"], f["size"]) for f in result["families"]] == [
        ("module:samenwerking", 2), ("module:bakens", 1), ("module:achtergrond", 1)]
    tests = {t["variable"]: t for t in result["tests"]}
    pair = [tests["up"]["p"], tests["same"]["p"]]
    assert [tests["up"]["p_holm"], tests["same"]["p_holm"]] == pytest.approx(multipletests(pair, method="holm")[1])
    assert tests["bk"]["p_holm"] == tests["bk"]["p"]  # a family of one is not corrected
    with pytest.raises(ValueError, match="Holm-familie"):
        compare_waves(current, previous, variables, holm_family="wave")
