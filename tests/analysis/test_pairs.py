"""Difference scores of pairs (Tabel 5/6: ik wil toewerken naar - ik beschik over)."""

import numpy as np
import pandas as pd
import pytest

from survey_app.analysis.organisation import ScopeIndex
from survey_app.analysis.pairs import difference_scores, pair_statistics
from tests.analysis.factory import organisation, pair, respondents


def test_competence_gap_of_tabel_6():
    # beschik mean 7.1, toewerken mean 8.0: the mean difference score is 0.9
    org = organisation({"zwolle": {"noord": None, "zuid": None}})
    answers = respondents(org, {"noord": 5, "zuid": 5})
    answers["tc_analyseren_beschik"] = [7, 6, 8, 7, 7, 8, 7, 6, 8, 7]
    answers["tc_analyseren_toewerken"] = [8, 8, 8, 8, 8, 9, 7, 8, 8, 8]
    assert answers["tc_analyseren_beschik"].mean() == pytest.approx(7.1)
    assert answers["tc_analyseren_toewerken"].mean() == pytest.approx(8.0)
    pairs = [pair("tc_analyseren", "tc_analyseren_toewerken", "tc_analyseren_beschik")]
    differences = difference_scores(answers, pairs)
    stats = pair_statistics(differences, ScopeIndex(org, answers["team"]))
    assert stats.variables == ["tc_analyseren"]
    assert stats.mean[0, 0] == pytest.approx(0.9)
    assert stats.n[0, 0] == 10
    assert stats.mean[2, 0] == pytest.approx((1 + 2 + 0 + 1 + 1) / 5)


def test_difference_only_when_both_answered_and_attitude_kind():
    answers = pd.DataFrame({"gemeente": ["z"] * 3, "team": ["t"] * 3,
                            "belang": [5.0, np.nan, 4.0], "gedrag": [3.0, 2.0, np.nan]})
    out = difference_scores(answers, [pair("gap", "belang", "gedrag", kind="attitude"),
                                      pair("absent", "belang", "not_in_wave")])
    assert list(out.columns) == ["gap"]
    assert out["gap"].tolist()[0] == 2.0
    assert out["gap"].isna().tolist() == [False, True, True]


def test_unknown_pair_kind_is_refused():
    answers = pd.DataFrame({"a": [1.0], "b": [2.0]})
    with pytest.raises(ValueError, match="onbekende soort"):
        difference_scores(answers, [pair("x", "a", "b", kind="other")])
