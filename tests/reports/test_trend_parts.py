"""reports/trend.py and trend_chart.py: formatted trend tables from the trend JSON, and the line chart."""

from __future__ import annotations

from survey_app.reports.trend import response_table, team_trend
from survey_app.reports.trend_chart import trend_chart
from tests.analysis import factory


def _trend(team_counts: list[int | None]) -> dict:
    waves = [{"name": f"w{y}", "year": str(y), "min_cell_size": 5} for y in (2015, 2016, 2017)]

    def row(values):
        return [{"wave": w["name"], "year": w["year"], **v} for w, v in zip(waves, values, strict=True)]

    return {
        "waves": waves, "series": {"name": "m", "label": "Monitor"},
        "scopes": [{"id": "total", "kind": "total", "label": "Totaal", "parent": None},
                   {"id": "gemeente:zwolle", "kind": "gemeente", "label": "Zwolle", "parent": "total"},
                   {"id": "team:noord", "kind": "team", "label": "Noord", "parent": "gemeente:zwolle"}],
        "respondents": {"total": [63, 69, 138], "gemeente:zwolle": [56, 61, 83], "team:noord": team_counts},
        "response": {"total": row([{"invited": 113, "responded": 63, "rate": 55.75},
                                   {"invited": 128, "responded": 69, "rate": 53.9},
                                   {"invited": 191, "responded": 138, "rate": 72.25}]),
                     "gemeente:zwolle": row([{"invited": 105, "responded": 56}, {"invited": 120, "responded": 61},
                                             {"invited": 114, "responded": 83}])},
        "constructs": {"baken_1": {
            "gemeente:zwolle": row([{"n": 56, "mean": 4.62}, {"n": 61, "mean": 4.71}, {"n": 83, "mean": 4.55}]),
            "team:noord": row([{"absent": True}, {"suppressed": True, "reason": "complementary"},
                               {"n": 9, "mean": 4.4}])}},
        "items": {}, "lineage": {}, "team_labels": {}, "rules": ["Regel a → b"], "factors": {},
    }


def test_response_table_prints_tabel_2_with_dutch_numbers():
    table = response_table(_trend([None, 8, 9]))
    assert table["years"] == ["2015", "2016", "2017"]
    assert table["rows"][0]["cells"] == ["105", "56", "120", "61", "114", "83"]
    assert table["rows"][-1]["total"] and table["rates"] == ["55,8%", "53,9%", "72,3%"]


def test_team_trend_covers_the_years_the_team_took_part_with_hidden_marks():
    instruments = factory.instruments([factory.item("bk_1")], [factory.construct("baken_1", ["bk_1"], 1)])
    assert team_trend(_trend([None, None, 9]), instruments, "noord", "zwolle") is None  # one year only
    part = team_trend(_trend([None, 8, 9]), instruments, "noord", "zwolle")
    assert part["years"] == ["2016", "2017"] and part["respondents"] == ["8", "9"]
    team_2016, gemeente_2016, team_2017, gemeente_2017 = part["rows"][0]["cells"]
    assert (team_2016["mean"], team_2016["mark"]) == ("–", "†")
    assert (gemeente_2016["mean"], team_2017["mean"], gemeente_2017["mean"]) == ("4,7", "4,4", "4,6")


def test_trend_chart_breaks_the_line_at_a_hidden_year():
    svg = trend_chart({"years": ["2015", "2016", "2017"], "low": 1, "high": 5, "title": "Bakens",
                       "lines": [{"label": "1. Vraag", "values": [4.62, None, 4.55]},
                                 {"label": "2. Kracht", "values": [None, None, None]}]}).decode()
    assert "2015" in svg and "2017" in svg and "4,5" in svg
    assert "2. Kracht (niet getoond)" in svg
