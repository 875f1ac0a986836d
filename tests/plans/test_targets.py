"""Targets and the review row, without a database: validation messages, the verdict, hidden figures and a
changed answer scale."""

from __future__ import annotations

import pytest

from survey_app.plans.core.actions import check_action
from survey_app.plans.core.figures import ITEM, Figure, Subject
from survey_app.plans.core.review import FocusRecord, WaveFigures, review, review_row
from survey_app.plans.core.targets import Bounds, Target, TargetKind, Verdict, check_target, verdict

AGREE_SCALE = (("1", "oneens"), ("2", "deels oneens"), ("3", "niet eens/niet oneens"), ("4", "deels eens"),
               ("5", "eens"))
STATEMENT = Subject(ITEM, "sw_hulp_vragen", "Ik vraag hulp", ("4", "5"), Bounds(1, 5), AGREE_SCALE)
OLD_SCALE = Subject(ITEM, "sw_hulp_vragen", "Ik vraag hulp", (), Bounds(1, 5), (("1", "nooit"), ("5", "altijd")))


def test_a_target_of_sixty_percent_is_read_in_dutch_notation():
    target, problem = check_target("agree", "ge", "60,0%", STATEMENT.bounds)
    assert problem is None
    assert target == Target(TargetKind.AGREE, "ge", 60.0)
    assert target.describe() == "% (deels) eens ≥ 60,0%"


@pytest.mark.parametrize(("kind", "direction", "text", "bounds", "message"), [
    ("agree", "ge", "zestig", Bounds(1, 5), "Vul bij het doel een getal in, bijvoorbeeld 60 of 3,8."),
    ("agree", "ge", "120", Bounds(1, 5), "Het percentage van het doel moet tussen 0 en 100 liggen."),
    ("mean", "ge", "6", Bounds(1, 5), "Het gemiddelde van het doel moet tussen 1 en 5 liggen."),
    ("mean", "ge", "3", None, "Bij dit onderdeel kan geen gemiddelde als doel worden gekozen."),
    ("median", "ge", "3", Bounds(1, 5), "Kies een soort doel: % (deels) eens of gemiddelde."),
    ("mean", "gt", "3", Bounds(1, 5), "Kies 'ten minste' of 'hoogstens'."),
])
def test_bad_targets_get_a_dutch_message(kind, direction, text, bounds, message):
    assert check_target(kind, direction, text, bounds) == (None, message)


def test_no_kind_means_no_target():
    assert check_target("", "ge", "", None) == (None, None)


def test_verdict_needs_a_published_comparable_figure():
    target = Target(TargetKind.MEAN, "le", 2.5)
    assert verdict(target, 2.5, True) == Verdict.MET
    assert verdict(target, 2.6, True) == Verdict.NOT_MET
    assert verdict(target, None, True) == Verdict.UNKNOWN
    assert verdict(target, 2.0, False) == Verdict.UNKNOWN
    assert verdict(None, 2.0, True) is None


def test_review_row_shows_the_change_and_that_the_target_was_met():
    record = FocusRecord(STATEMENT, Target(TargetKind.AGREE, "ge", 60.0), ({"description": "Intervisie"},))
    row = review_row(record, WaveFigures(Figure(agree=33.3333, mean=3.0, n=6), STATEMENT),
                     WaveFigures(Figure(agree=62.5, mean=3.75, n=8), STATEMENT))
    assert (row["before"]["text"], row["after"]["text"], row["change"]) == ("33,3%", "62,5%", "+29,2 procentpunt")
    assert row["verdict"] == "gehaald" and row["target_met"] is True
    assert row["actions"] == [{"description": "Intervisie"}]


def test_a_hidden_figure_stays_hidden_and_the_target_cannot_be_judged():
    record = FocusRecord(STATEMENT, Target(TargetKind.AGREE, "ge", 60.0))
    row = review_row(record, WaveFigures(Figure(agree=66.7, mean=4.0, n=6), STATEMENT),
                     WaveFigures(Figure(hidden=True, reason="complementary"), STATEMENT))
    assert row["after"] == {"text": "–", "mark": "†"}
    assert row["change"] == "–"
    assert row["verdict"] == "niet te beoordelen" and "target_met" not in row
    assert "anonimiteit" in row["verdict_note"]


def test_a_changed_scale_is_judged_only_with_a_factor_and_on_the_new_scale():
    record = FocusRecord(STATEMENT, Target(TargetKind.MEAN, "ge", 3.5))
    before = WaveFigures(Figure(mean=3.4, n=6), OLD_SCALE)
    after = WaveFigures(Figure(agree=70.0, mean=3.9, n=8), STATEMENT)
    unharmonised = review_row(record, before, after)
    assert unharmonised["verdict"] == "niet te beoordelen" and unharmonised["change"] == "–"
    assert "antwoordschaal" in unharmonised["verdict_note"]
    harmonised = review_row(record, before, after, factor=1.12)  # 3,4 × 1,12 = 3,81; threshold 3,5 × 1,12 = 3,92
    assert harmonised["harmonised"] and harmonised["before"]["text"] == "3,8"
    assert harmonised["target"] == "gemiddelde ≥ 3,9"
    assert harmonised["verdict"] == "niet gehaald"
    assert harmonised["change"] == "+0,1"


def test_review_counts_targets_and_met_from_the_rows():
    met = FocusRecord(STATEMENT, Target(TargetKind.AGREE, "ge", 60.0))
    other = Subject(ITEM, "sw_overleg", "Overleg", ("4", "5"), Bounds(1, 5), AGREE_SCALE)
    hidden = FocusRecord(other, Target(TargetKind.MEAN, "ge", 4.0))
    section = review([met, hidden], {
        STATEMENT.key: (WaveFigures(Figure(agree=40.0), STATEMENT), WaveFigures(Figure(agree=65.0), STATEMENT)),
        other.key: (WaveFigures(Figure(mean=3.0), other), WaveFigures(Figure(hidden=True), other)),
    }, {}, "2016")
    assert (section["targets"], section["met"]) == (2, 1)
    assert review([], {}, {}, "2016") is None


def test_actions_are_checked_field_by_field():
    data, problems = check_action({"omschrijving": " Intervisie ", "eigenaar": "Teamleider", "datum": "30-6-2017",
                                   "status": "bezig"})
    assert problems == [] and data.description == "Intervisie" and data.due_on.isoformat() == "2017-06-30"
    data, problems = check_action({"omschrijving": "", "datum": "31-02-2017", "status": "misschien"})
    assert data is None
    assert [field for field, _ in problems] == ["omschrijving", "status", "datum"]
    assert problems[0][1] == "Omschrijving: beschrijf wat het team gaat doen."
