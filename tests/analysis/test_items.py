"""Item statistics per scope: percentages, mean/SD/median, multiple choice, yes/no and numbers."""

import numpy as np
import pandas as pd
import pytest

from survey_app.analysis.items import item_statistics, open_answers
from survey_app.analysis.organisation import ScopeIndex
from tests.analysis.factory import grid, instruments, item, multiple, organisation, random_answers, respondents

ORG = organisation({"zwolle": {"noord": None, "zuid": None}, "elburg": {"doeth": None}})


def stats_for(answers, inst):
    index = ScopeIndex(ORG, answers["team"])
    return item_statistics(answers, inst.variables(), index), index


def test_percent_per_code_sums_to_100_and_lists_every_code():
    answers = random_answers(ORG, {"noord": 40, "zuid": 25, "doeth": 7}, {"sw_a": [1, 2, 4]}, seed=1)
    stats, index = stats_for(answers, instruments([item("sw_a")]))
    percent = stats.percent["sw_a"]
    assert list(percent) == ["1", "2", "3", "4", "5"]
    assert np.all(percent["3"] == 0.0)
    assert np.all(percent["5"] == 0.0)
    total = sum(percent.values())
    assert total == pytest.approx(np.full(index.n_scopes, 100.0))


def test_mean_sd_median_match_pandas_per_scope():
    answers = random_answers(ORG, {"noord": 40, "zuid": 26, "doeth": 7}, {"sw_a": [1, 2, 3, 4, 5]}, seed=2)
    answers.loc[3, "sw_a"] = 9.0  # not a code of the scale: not a valid answer
    stats, index = stats_for(answers, instruments([item("sw_a")]))
    valid = answers[answers["sw_a"].between(1, 5)]
    groups = {"total": valid, "gemeente:zwolle": valid[valid.gemeente == "zwolle"],
              "team:zuid": valid[valid.team == "zuid"], "team:doeth": valid[valid.team == "doeth"]}
    for scope, frame in groups.items():
        row = index.ids.index(scope)
        assert stats.n[row, 0] == frame["sw_a"].count()
        assert stats.mean[row, 0] == pytest.approx(frame["sw_a"].mean())
        assert stats.sd[row, 0] == pytest.approx(frame["sw_a"].std(ddof=1))
        assert stats.median[row, 0] == frame["sw_a"].median()
        assert stats.percent["sw_a"]["2"][row] == pytest.approx((frame["sw_a"] == 2).mean() * 100)


def test_median_of_even_count_averages_the_middle_codes():
    answers = respondents(ORG, {"noord": 4})
    answers["sw_a"] = [1.0, 2.0, 4.0, 5.0]
    stats, _ = stats_for(answers, instruments([item("sw_a")]))
    assert stats.median[0, 0] == 3.0
    assert np.isnan(stats.mean[-1, 0]) and stats.n[-1, 0] == 0


def test_number_items_use_groupby_statistics():
    answers = random_answers(ORG, {"noord": 10, "zuid": 10, "doeth": 5}, {"jaren": [0.5, 3, 12, 20]}, seed=4)
    stats, index = stats_for(answers, instruments([item("jaren", "decimal")]))
    row = index.ids.index("team:noord")
    noord = answers.loc[answers.team == "noord", "jaren"]
    assert stats.n[row, 0] == noord.count()
    assert stats.mean[row, 0] == pytest.approx(noord.mean())
    assert stats.median[row, 0] == pytest.approx(noord.median())
    assert "jaren" not in stats.percent


def test_multiple_choice_percent_of_those_who_answered_and_other_texts():
    answers = respondents(ORG, {"noord": 4, "doeth": 2})
    answers["belemmering"] = ["tijd geld", "tijd", None, "geld tijd tijd", "", "regels onbekend"]
    answers["belemmering_other"] = [None, "te veel overleg", None, " ", None, "Privacyregels"]
    inst = instruments([multiple("belemmering", ["tijd", "geld", "regels"], other=True)])
    stats, index = stats_for(answers, inst)
    assert stats.variables == ["belemmering"]
    noord = index.ids.index("team:noord")
    assert stats.n[noord, 0] == 3
    assert stats.percent["belemmering"]["tijd"][noord] == pytest.approx(100.0)
    assert stats.percent["belemmering"]["geld"][noord] == pytest.approx(200 / 3)
    assert stats.percent["belemmering"]["regels"][noord] == 0.0
    assert stats.n[0, 0] == 4
    assert stats.percent["belemmering"]["regels"][0] == pytest.approx(25.0)
    assert stats.other["belemmering"][0] == ["Privacyregels", "te veel overleg"]
    assert stats.other["belemmering"][noord] == ["te veel overleg"]
    assert open_answers(answers, inst.variables(), index) == {}


def test_yesno_grid_gives_percent_ja():
    inst = instruments([grid("wz", ["preventie"], ["doe", "leuk"])])
    answers = respondents(ORG, {"noord": 4})
    answers["wz_preventie_doe"] = [1.0, 1.0, 0.0, np.nan]
    answers["wz_preventie_leuk"] = [0.0, 0.0, 0.0, 1.0]
    stats, _ = stats_for(answers, inst)
    assert stats.variables == ["wz_preventie_doe", "wz_preventie_leuk"]
    assert stats.percent["wz_preventie_doe"]["1"][0] == pytest.approx(200 / 3)
    assert stats.percent["wz_preventie_leuk"]["1"][0] == pytest.approx(25.0)
    assert stats.mean[0, 0] == pytest.approx(2 / 3)


def test_absent_columns_are_skipped_and_order_follows_the_questionnaire():
    inst = instruments([item("b_num", "integer", minimum=0, maximum=9), item("a_code"), item("absent")])
    answers = respondents(ORG, {"noord": 2})
    answers["a_code"] = [1.0, 2.0]
    answers["b_num"] = [3.0, 4.0]
    stats, _ = stats_for(answers, inst)
    assert stats.variables == ["b_num", "a_code"]
    assert stats.mean[0].tolist() == [3.5, 1.5]


def test_open_answers_are_sorted_per_scope():
    inst = instruments([item("tips", "textarea")])
    answers = respondents(ORG, {"noord": 2, "zuid": 1, "doeth": 1})
    answers["tips"] = ["zo", "meer tijd", pd.NA, "Ander rooster"]
    index = ScopeIndex(ORG, answers["team"])
    texts = open_answers(answers, inst.variables(), index)["tips"]
    assert texts[0] == ["Ander rooster", "meer tijd", "zo"]
    assert texts[index.ids.index("gemeente:zwolle")] == ["meer tijd", "zo"]
    assert texts[index.ids.index("team:zuid")] == []


def test_single_code_variable_without_scale_is_treated_as_a_number():
    answers = respondents(ORG, {"noord": 3})
    answers["los"] = [1.0, 2.0, 6.0]
    stats, _ = stats_for(answers, instruments([item("los", scale=None)]))
    assert stats.mean[0, 0] == 3.0
    assert "los" not in stats.percent
