"""analyse_wave end to end: shape, JSON safety, disclosure on every part, comparison with harmonisation."""

import json
import math

import numpy as np
import pandas as pd
import pytest

from survey_app.analysis import AnalysisSettings, HarmonisationFactor, WaveData, analyse_wave
from survey_app.instruments.model import Choice, Scale
from tests.analysis.factory import (
    construct,
    grid,
    instruments,
    item,
    multiple,
    organisation,
    pair,
    random_answers,
)

ORG = organisation({"zwolle": {"groot": 15, "klein": 4, "midden": 10}, "elburg": {"doeth": 8}})
TEAMS = {"groot": 12, "klein": 3, "midden": 9, "doeth": 6}


def wave_instruments():
    items = [item("sw_a"), item("sw_b", reverse=True), item("bk_1"), item("bk_2"),
             item("tc_beschik", "rating"), item("tc_toewerken", "rating"),
             multiple("belemmering", ["tijd", "geld"], other=True), item("tips", "textarea")]
    return instruments(items, constructs=[construct("samenwerking", ["sw_a", "sw_b"], 1),
                                          construct("baken_1", ["bk_1", "bk_2"], 2)],
                       pairs=[pair("tc_gap", "tc_toewerken", "tc_beschik")])


def wave(seed):
    answers = random_answers(ORG, TEAMS, {"sw_a": range(1, 6), "sw_b": range(1, 6), "bk_1": range(1, 6),
                                          "bk_2": range(1, 6), "tc_beschik": range(5, 9),
                                          "tc_toewerken": range(6, 11)}, seed=seed)
    answers["belemmering"] = np.where(np.arange(len(answers)) % 3 == 0, "tijd", "geld tijd")
    answers["belemmering_other"] = None
    answers["tips"] = [f"tip {i}" if i % 2 else None for i in range(len(answers))]
    return answers


def test_result_shape_and_json_safety():
    result = analyse_wave(wave(1), wave_instruments(), ORG)
    text = json.dumps(result, allow_nan=False)
    assert "NaN" not in text
    assert [s["id"] for s in result["scopes"]] == ["total", "gemeente:zwolle", "gemeente:elburg", "team:groot",
                                                  "team:klein", "team:midden", "team:doeth"]
    klein = result["scopes"][4]
    assert klein == {"id": "team:klein", "kind": "team", "label": "Klein", "parent": "gemeente:zwolle", "n": 3,
                     "suppressed": True, "reason": "scope_n_below_min"}
    assert result["response"]["team:klein"] == {"invited": 4, "responded": 3, "rate": 75.0}
    assert set(result["items"]) == {"sw_a", "sw_b", "bk_1", "bk_2", "tc_beschik", "tc_toewerken", "belemmering"}
    assert set(result["constructs"]) == {"samenwerking", "baken_1"}
    assert set(result["pairs"]) == {"tc_gap"}
    total = result["items"]["sw_a"]["total"]
    assert set(total) == {"n", "mean", "sd", "median", "percent"}
    assert sum(total["percent"].values()) == pytest.approx(100, abs=1e-3)
    assert set(result["items"]["belemmering"]["total"]) == {"n", "percent", "other"}
    assert result["alpha"]["baken_1"]["k"] == 2
    assert result["comparison"] is None
    for value in _floats(result):
        assert value == round(value, 4)


def test_disclosure_applies_to_items_constructs_pairs_and_texts():
    result = analyse_wave(wave(2), wave_instruments(), ORG)
    for part in ("items", "constructs", "pairs", "open_answers"):
        for name, per_scope in result[part].items():
            assert per_scope["team:klein"]["suppressed"], (part, name)
            assert per_scope["team:klein"]["reason"] == "scope_n_below_min"
            # zwolle minus its shown teams must not single out klein
            hidden_siblings = [s for s in ("team:groot", "team:midden") if per_scope[s].get("suppressed")]
            assert hidden_siblings or per_scope["gemeente:zwolle"].get("suppressed"), (part, name)
            for entry in per_scope.values():
                assert ("suppressed" in entry) != ("n" in entry)
    tips = result["open_answers"]["tips"]
    assert tips["team:doeth"]["texts"] == sorted(tips["team:doeth"]["texts"])
    assert tips["total"]["n"] == len(tips["total"]["texts"])


def test_comparison_restricted_to_gemeente_with_harmonisation():
    current, previous = wave(3), wave(6)  # Zwolle's figures are shown in both waves (wave(4) hides baken_1)
    factor = HarmonisationFactor(4.16 / 3.72, "kalibratie Bakens, n=28", 28)
    result = analyse_wave(current, wave_instruments(), ORG, AnalysisSettings(min_cell_size=5),
                          compare_with=WaveData("2016", previous, wave_instruments()), gemeente="zwolle",
                          harmonisation={"baken_1": factor}, changed_scale={"bk_1", "bk_2"})
    comparison = result["comparison"]
    assert (comparison["with"], comparison["gemeente"]) == ("2016", "zwolle")
    tested = {t["variable"]: t for t in comparison["tests"]}
    skipped = {s["variable"]: s["reason"] for s in comparison["skipped"]}
    assert skipped == {"bk_1": "changed_scale_without_factor", "bk_2": "changed_scale_without_factor"}
    assert set(tested) == {"sw_a", "sw_b", "tc_beschik", "tc_toewerken", "samenwerking", "baken_1"}
    assert tested["baken_1"]["factor_rounded"] == 1.12
    assert tested["baken_1"]["basis"] == "kalibratie Bakens, n=28"
    zwolle_n = current.loc[current.gemeente == "zwolle", "sw_a"].count()
    assert tested["sw_a"]["n_a"] == zwolle_n
    assert tested["sw_a"]["kind"] == "item" and tested["baken_1"]["kind"] == "construct"
    json.dumps(result, allow_nan=False)


def test_bad_input_is_refused_in_dutch():
    answers = wave(5)
    answers.loc[0, "gemeente"] = "elburg"
    with pytest.raises(ValueError, match="gemeente die niet bij het team past"):
        analyse_wave(answers, wave_instruments(), ORG)
    answers = wave(5)
    answers.loc[0, "team"] = "onbekend"
    with pytest.raises(ValueError, match="onbekende teams: onbekend"):
        analyse_wave(answers, wave_instruments(), ORG)
    with pytest.raises(ValueError, match="Onbekende gemeente"):
        analyse_wave(wave(5), wave_instruments(), ORG, gemeente="deventer")


def test_scopes_without_any_respondents_and_empty_items():
    answers = wave(6)
    answers = answers[answers.team != "doeth"].copy()
    answers["sw_a"] = np.nan
    result = analyse_wave(answers, wave_instruments(), ORG)
    assert result["items"]["sw_a"]["total"] == {"suppressed": True, "reason": "no_answers"}
    assert result["scopes"][2]["n"] == 0
    assert result["response"]["gemeente:elburg"]["rate"] == 0.0
    assert isinstance(pd.Series(result["items"]["sw_b"]["total"]["percent"]).sum(), float)


def _floats(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _floats(v)
    elif isinstance(value, list):
        for v in value:
            yield from _floats(v)
    elif isinstance(value, float):
        assert math.isfinite(value)
        yield value


def _levels_instruments():
    sex = Scale("geslacht", (Choice(1, "man"), Choice(2, "vrouw")))
    return instruments([item("sw_a"), item("ag_geslacht", scale=sex), grid("rooster", ["casus"], ["doen"]),
                        item("tc_beschik", "rating")])


def _levels_wave(seed):
    answers = random_answers(ORG, TEAMS, {"sw_a": range(1, 6), "ag_geslacht": (1, 2), "rooster_casus_doen": (0, 1),
                                          "tc_beschik": range(5, 9)}, seed=seed)
    return answers


def test_comparison_tests_nominal_variables_only_on_request_and_never_with_mann_whitney():
    current, previous = _levels_wave(7), _levels_wave(8)
    older = WaveData("2016", previous, _levels_instruments())
    result = analyse_wave(current, _levels_instruments(), ORG, compare_with=older)
    comparison = result["comparison"]
    assert {t["variable"]: t["test"] for t in comparison["tests"]} == {"sw_a": "mann_whitney",
                                                                       "tc_beschik": "mann_whitney"}
    assert {s["variable"]: s["reason"] for s in comparison["skipped"]} == {
        "ag_geslacht": "nominal_not_requested", "rooster_casus_doen": "nominal_not_requested"}
    assert comparison["families"][0]["size"] == 2 and comparison["nominal_tests"] is False
    asked = analyse_wave(current, _levels_instruments(), ORG, AnalysisSettings(nominal_tests=True),
                         compare_with=older)["comparison"]
    tests = {t["variable"]: t for t in asked["tests"]}
    assert {tests["ag_geslacht"]["level"], tests["rooster_casus_doen"]["level"]} == {"nominal"}
    assert tests["ag_geslacht"]["test"] in ("chi_square", "fisher_exact")
    assert tests["sw_a"]["level"] == "ordinal" and tests["tc_beschik"]["level"] == "interval"
    significant = sum(t["significant"] for t in tests.values())
    holm_significant = sum(t["significant_holm"] for t in tests.values())
    assert asked["families"] == [{"name": "report", "size": 4, "significant": significant,
                                  "significant_holm": holm_significant}]


def test_a_test_of_a_scope_hidden_in_either_wave_is_withheld():
    current, previous = wave(3), wave(4)
    elburg = (current["gemeente"] == "elburg").to_numpy()
    current.loc[elburg, "sw_a"] = [5.0, 4.0, 3.0, np.nan, np.nan, np.nan]  # 3 answers: total - zwolle reveals them
    result = analyse_wave(current, wave_instruments(), ORG, compare_with=WaveData("2016", previous, wave_instruments()),
                          gemeente="zwolle")
    assert result["items"]["sw_a"]["gemeente:zwolle"] == {"suppressed": True, "reason": "complementary"}
    tests = {t["variable"]: t for t in result["comparison"]["tests"]}
    # Zwolle's n, U and change in sw_a would give back the figure its own wave hides: no test at all,
    # and it stays out of the Holm family
    assert "sw_a" not in tests
    assert {"variable": "sw_a", "kind": "item", "level": "ordinal",
            "reason": "hidden_in_a_wave"} in result["comparison"]["skipped"]
    assert result["comparison"]["families"][0]["size"] == len(tests)
    assert tests["sw_b"]["a"]["mean"] == result["items"]["sw_b"]["gemeente:zwolle"]["mean"]
