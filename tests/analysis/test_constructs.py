"""Construct scores with reverse coding and min_items; Cronbach's alpha."""

import numpy as np
import pandas as pd
import pytest

from survey_app.analysis.constructs import construct_alphas, construct_scores, cronbach_alpha
from tests.analysis.factory import construct, instruments, item

NAN = np.nan


def werkbeleving():
    """Three agreement items, the second reverse coded, score when at least 2 are answered."""
    items = [item("wb_a"), item("wb_b", reverse=True), item("wb_c")]
    return instruments(items, constructs=[construct("werkbeleving", ["wb_a", "wb_b", "wb_c"], 2)])


def test_reverse_coding_and_min_items():
    answers = pd.DataFrame({
        "wb_a": [5.0, 4.0, 3.0, NAN],
        "wb_b": [1.0, 2.0, NAN, NAN],  # reversed: 5, 4
        "wb_c": [5.0, NAN, NAN, 2.0],
    })
    inst = werkbeleving()
    scores = construct_scores(answers, inst.constructs, inst)
    assert scores["werkbeleving"].tolist()[:2] == [5.0, 4.0]
    assert scores["werkbeleving"].isna().tolist() == [False, False, True, True]


def test_reverse_coding_uses_item_range_of_rating():
    inst = instruments([item("r1", "rating"), item("r2", "rating", reverse=True)],
                       constructs=[construct("c", ["r1", "r2"], 1)])
    answers = pd.DataFrame({"r1": [NAN, 10.0], "r2": [3.0, 10.0]})
    assert construct_scores(answers, inst.constructs, inst)["c"].tolist() == [8.0, 5.5]


def test_reverse_item_without_range_is_refused():
    inst = instruments([item("n1", "integer", reverse=True)], constructs=[construct("c", ["n1"], 1)])
    with pytest.raises(ValueError, match="omgescoord"):
        construct_scores(pd.DataFrame({"n1": [1.0]}), inst.constructs, inst)


def test_construct_without_enough_items_in_the_wave_is_left_out():
    inst = werkbeleving()
    scores = construct_scores(pd.DataFrame({"wb_a": [1.0]}), inst.constructs, inst)
    assert list(scores.columns) == []


def test_alpha_against_hand_computation():
    # item variances 5/3, 4/3, 10/3 (sum 19/3); sum scores 6, 13, 8, 15 have variance 53/3
    # alpha = 3/2 * (1 - 19/53) = 51/53
    items = pd.DataFrame({"i1": [2, 4, 3, 5], "i2": [3, 5, 3, 5], "i3": [1, 4, 2, 5]}, dtype=float)
    alpha, n = cronbach_alpha(items)
    assert alpha == pytest.approx(51 / 53)
    assert n == 4


def test_alpha_is_listwise_and_undefined_cases():
    items = pd.DataFrame({"i1": [1, 2, 3, 9], "i2": [1, 3, 2, NAN]})
    alpha, n = cronbach_alpha(items)
    assert n == 3
    assert alpha == pytest.approx(2 / 3)  # variances 1 and 1, sum scores 2, 5, 5 variance 3
    assert cronbach_alpha(items[["i1"]]) == (None, 4)
    assert cronbach_alpha(pd.DataFrame({"a": [1.0, 1.0], "b": [2.0, 2.0]})) == (None, 2)


def test_alpha_after_reverse_coding():
    # wb_b is the mirror of wb_a: after reverse coding the items agree perfectly
    answers = pd.DataFrame({"wb_a": [1.0, 2, 3, 4, 5], "wb_b": [5.0, 4, 3, 2, 1], "wb_c": [1.0, 2, 3, 4, 5]})
    inst = werkbeleving()
    result = construct_alphas(answers, inst.constructs, inst)
    assert result["werkbeleving"]["alpha"] == pytest.approx(1.0)
    assert result["werkbeleving"]["n"] == 5
    assert result["werkbeleving"]["k"] == 3
