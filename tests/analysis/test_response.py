"""Response rates: Tabel 2 of the 2017 report (004:2353-2369)."""

import pytest

from survey_app.analysis.formatting import format_percent
from survey_app.analysis.response import response_rates
from tests.analysis.factory import organisation, respondents

# invited / responded per gemeente, one team per gemeente is enough for the gemeente totals
TABEL_2 = {
    2015: {"zwolle": (105, 56), "elburg": (8, 7)},
    2016: {"zwolle": (120, 61), "elburg": (8, 8)},
    2017: {"zwolle": (114, 83), "elburg": (8, 5), "steenwijkerland": (15, 14), "ommen-hardenberg": (54, 36)},
}


@pytest.mark.parametrize(("year", "invited", "responded", "shown"), [
    (2015, 113, 63, "55,8%"),
    (2016, 128, 69, "53,9%"),
    (2017, 191, 138, "72,3%"),
])
def test_tabel_2_totals(year, invited, responded, shown):
    spec = TABEL_2[year]
    org = organisation({g: {f"{g}-team": counts[0]} for g, counts in spec.items()})
    answers = respondents(org, {f"{g}-team": counts[1] for g, counts in spec.items()})
    result = response_rates(answers, org)
    assert result["total"]["invited"] == invited
    assert result["total"]["responded"] == responded
    assert result["total"]["rate"] == pytest.approx(responded / invited * 100)
    assert format_percent(result["total"]["rate"]) == shown
    for gemeente, (team_invited, team_responded) in spec.items():
        assert result[f"gemeente:{gemeente}"]["invited"] == team_invited
        assert result[f"team:{gemeente}-team"]["responded"] == team_responded


def test_teams_roll_up_and_unknown_headcount():
    org = organisation({"zwolle": {"noord": 20, "zuid": 10}, "elburg": {"doeth": None}})
    answers = respondents(org, {"noord": 15, "zuid": 5, "doeth": 3})
    result = response_rates(answers, org)
    assert result["gemeente:zwolle"] == {"invited": 30, "responded": 20, "rate": pytest.approx(66.6667, abs=1e-4)}
    assert result["team:doeth"] == {"invited": None, "responded": 3, "rate": None}
    assert result["gemeente:elburg"]["rate"] is None
    assert result["total"] == {"invited": None, "responded": 23, "rate": None}


def test_team_without_responses_counts_zero():
    org = organisation({"zwolle": {"noord": 20, "zuid": 10}})
    result = response_rates(respondents(org, {"noord": 4}), org)
    assert result["team:zuid"] == {"invited": 10, "responded": 0, "rate": 0.0}
