"""analysis/trend.py: every figure of a trend is its wave's published figure; merged teams, factors, changes."""

from __future__ import annotations

import numpy as np
import pytest

from survey_app.analysis.comparison import compared_variables, numeric_frame
from survey_app.analysis.constructs import construct_scores
from survey_app.analysis.engine import analyse_wave
from survey_app.analysis.trend import TrendWave, team_lineage, trend
from tests.analysis.factory import construct, instruments, item, organisation, respondents

INSTRUMENTS = instruments([item("bk_1"), item("bk_2")], [construct("baken", ["bk_1", "bk_2"], 1)])


def _wave(name: str, year: str, per_team: dict[str, int], spec: dict, seed: int, factors=None,
          not_comparable=frozenset()) -> TrendWave:
    org = organisation(spec)
    frame = respondents(org, per_team)
    rng = np.random.default_rng(seed)
    for column in ("bk_1", "bk_2"):
        frame[column] = rng.integers(1, 6, size=len(frame)).astype(np.float64)
    analysis = analyse_wave(frame, INSTRUMENTS, org)
    scores = construct_scores(frame, INSTRUMENTS.constructs, INSTRUMENTS)
    values = numeric_frame(frame, scores, compared_variables(INSTRUMENTS))
    return TrendWave(name, year, analysis, values, frame["team"].astype(str), factors or {}, not_comparable)


EARLY = {"zwolle": {"noord": 10, "centrum": 10, "diezerpoort": 10}, "elburg": {"doeth": 8}}
LATE = {"zwolle": {"noord": 10, "midden": 10}, "elburg": {"doeth": 8}}
MERGER = [("centrum", "midden"), ("diezerpoort", "midden")]


def _series(early_counts: dict[str, int], factor: float | None = None):
    factors = {"bk_1": factor, "bk_2": factor, "baken": factor} if factor else {}
    first = _wave("w2015", "2015", early_counts, EARLY, 1, factors)
    last = _wave("w2017", "2017", {"noord": 8, "midden": 9, "doeth": 6}, LATE, 2)
    return first, last


def _published(wave: TrendWave, section: str, name: str, scope: str) -> dict:
    return wave.analysis[section][name][scope]


def test_trend_takes_each_waves_published_figures_times_the_factor():
    first, last = _series({"noord": 9, "centrum": 7, "diezerpoort": 6, "doeth": 6}, factor=1.12)
    result = trend([first, last], MERGER)
    row = result["constructs"]["baken"]["gemeente:zwolle"]
    own = _published(first, "constructs", "baken", "gemeente:zwolle")
    assert row[0]["mean"] == pytest.approx(own["mean"] * 1.12, abs=1e-4) and row[0]["n"] == own["n"]
    assert row[0]["factor"] == 1.12 and "factor" not in row[1]
    assert row[1]["mean"] == _published(last, "constructs", "baken", "gemeente:zwolle")["mean"]
    assert row[1]["change"] == pytest.approx(row[1]["mean"] - row[0]["mean"], abs=1e-3)
    assert result["respondents"]["gemeente:zwolle"] == [22, 17]
    assert result["response"]["total"][0]["responded"] == 28


def test_merged_team_aggregates_its_predecessors_only_when_each_was_shown():
    first, last = _series({"noord": 9, "centrum": 7, "diezerpoort": 6, "doeth": 6})
    result = trend([first, last], MERGER)
    assert result["lineage"]["midden"] == {"w2015": ["centrum", "diezerpoort"]}
    entry = result["items"]["bk_1"]["team:midden"][0]
    rows = first.teams.isin(["centrum", "diezerpoort"]).to_numpy()
    values = first.values["bk_1"].to_numpy()[rows]
    assert entry["n"] == len(values) and entry["mean"] == pytest.approx(values.mean(), abs=1e-4)
    assert entry["teams"] == ["centrum", "diezerpoort"]

    hidden_first, hidden_last = _series({"noord": 9, "centrum": 7, "diezerpoort": 3, "doeth": 6})
    assert _published(hidden_first, "items", "bk_1", "team:diezerpoort")["suppressed"]
    hidden = trend([hidden_first, hidden_last], MERGER)["items"]["bk_1"]["team:midden"]
    assert hidden[0] == {"wave": "w2015", "year": "2015", "suppressed": True, "reason": "constituent_hidden",
                         "constituent_reasons": ["complementary", "scope_n_below_min"], "change": None}
    assert hidden[1]["mean"] is not None and hidden[1]["change"] is None  # no difference with a hidden end


def test_a_figure_hidden_in_its_wave_stays_hidden_and_has_no_change():
    first, last = _series({"noord": 9, "centrum": 7, "diezerpoort": 6, "doeth": 3})
    result = trend([first, last], MERGER)
    elburg = result["constructs"]["baken"]["gemeente:elburg"]
    assert elburg[0]["suppressed"] and elburg[0]["reason"] == "scope_n_below_min"
    assert elburg[1]["change"] is None
    for section in ("items", "constructs"):
        for name, scopes in result[section].items():
            for scope, row in scopes.items():
                published = _published(first, section, name, scope) if scope in first.analysis[section][name] else None
                if published and published.get("suppressed"):
                    assert "mean" not in row[0]


def test_not_comparable_and_absent_figures():
    early = _wave("a", "2015", {"noord": 9, "centrum": 7, "diezerpoort": 6, "doeth": 6}, EARLY, 1,
                  not_comparable=frozenset({"bk_2"}))
    last = _wave("b", "2017", {"noord": 8, "midden": 9, "doeth": 6}, LATE, 2)
    result = trend([early, last])  # no team map: Midden did not exist before
    assert result["items"]["bk_2"]["total"][0] == {"wave": "a", "year": "2015", "not_comparable": True,
                                                   "change": None}
    assert result["items"]["bk_1"]["team:midden"][0]["absent"]
    assert result["respondents"]["team:midden"] == [None, 9]


def test_lineage_follows_chains_and_splits():
    waves = [_wave("a", "2015", {"noord": 5, "centrum": 5, "diezerpoort": 5, "doeth": 5}, EARLY, 3),
             _wave("b", "2017", {"noord": 5, "midden": 5, "doeth": 5}, LATE, 4)]
    chain = team_lineage([("centrum", "tussen"), ("tussen", "midden")], ["midden", "noord"], waves)
    assert chain["midden"]["a"] == ["centrum"] and chain["noord"]["a"] == ["noord"]
    split = team_lineage([("noord", "midden")], ["midden", "noord"], waves)
    assert split["midden"]["a"] == ["noord"]


def test_a_trend_needs_two_waves():
    first, _ = _series({"noord": 9, "centrum": 7, "diezerpoort": 6, "doeth": 6})
    with pytest.raises(ValueError):
        trend([first])
