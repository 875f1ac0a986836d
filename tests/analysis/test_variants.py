"""Constructs across questionnaire variants, on the shipped instruments and synthetic answers: Steenwijkerland
(not asked some Baken 3 and 4 statements) gets no Baken 3 or 4 score, werkbeleving is scored on the statements
every gemeente got, and a scale whose common items are too few is marked not comparable."""

import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from survey_app.analysis import analyse_wave
from survey_app.analysis.constructs import construct_scores
from survey_app.analysis.variants import construct_basis
from survey_app.instruments.loader import load_instruments
from survey_app.instruments.model import Construct
from survey_app.instruments.synthetic import synthetic_answers
from tests.analysis.factory import instruments as make_instruments
from tests.analysis.factory import item, organisation

SHIPPED = load_instruments([Path(__file__).resolve().parents[2] / "instruments"])
ORG = organisation({"zwolle": {"noord": None, "zuid": None}, "steenwijkerland": {"kop": None},
                    "elburg": {"doeth": None}})
TEAMS = {"noord": ("zwolle", 12), "zuid": ("zwolle", 10), "kop": ("steenwijkerland", 14), "doeth": ("elburg", 9)}


def synthetic_wave(seed=11) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for team, (gemeente, count) in TEAMS.items():
        for _ in range(count):
            rows.append({"gemeente": gemeente, "team": team,
                         **synthetic_answers(SHIPPED, gemeente, team, rng, skip_rate=0.0)})
    frame = pd.DataFrame(rows)
    numeric = [v.name for v in SHIPPED.variables() if v.kind in ("code", "number", "yesno") and v.name in frame]
    frame[numeric] = frame[numeric].apply(pd.to_numeric, errors="coerce").astype(np.float64)
    return frame


@pytest.fixture(scope="module")
def wave():
    answers = synthetic_wave()
    return answers, analyse_wave(answers, SHIPPED, ORG)


def test_the_demo_variant_leaves_steenwijkerland_without_the_baken_3_and_4_statements(wave):
    answers, _ = wave
    steenwijkerland = answers[answers.gemeente == "steenwijkerland"]
    for name in ("bk_talenten_wijk", "bk_burgerinitiatieven", "bk_hulpvragen_verbinden"):
        assert steenwijkerland[name].isna().all(), name
    assert steenwijkerland["bk_regie_licht"].notna().all()


def test_steenwijkerland_has_no_baken_3_or_4_score(wave):
    answers, result = wave
    for baken in ("baken_3", "baken_4"):
        cells = result["constructs"][baken]
        assert cells["gemeente:steenwijkerland"] == {"suppressed": True, "reason": "not_asked"}
        assert cells["team:kop"] == {"suppressed": True, "reason": "not_asked"}
        assert result["construct_basis"][baken]["not_asked"] == ["steenwijkerland"]
        # the total leaves Steenwijkerland's 14 out, as the report's n=124 of 138
        assert cells["total"]["n"] == (answers.gemeente != "steenwijkerland").sum()
    assert result["constructs"]["baken_5"]["gemeente:steenwijkerland"]["n"] == 14
    scores = construct_scores(answers, SHIPPED.constructs, SHIPPED)
    assert scores.loc[answers.gemeente == "steenwijkerland", "baken_3"].isna().all()


def test_werkbeleving_uses_the_statements_every_gemeente_got(wave):
    answers, result = wave
    basis = result["construct_basis"]["werkbeleving"]
    skipped_by_zwolle = {"wb_afwisseling", "wb_waardering", "wb_zelf_bepalen"}
    assert basis["comparable"] and basis["k"] == 9 and basis["of"] == 12
    assert not skipped_by_zwolle & set(basis["items"])
    # every respondent's score is the mean of those nine (after reverse coding), Zwolle or not
    scores = construct_scores(answers, SHIPPED.constructs, SHIPPED)
    elburg = answers.index[answers.gemeente == "elburg"][0]
    values = []
    for name in basis["items"]:
        value = answers.loc[elburg, name]
        low, high = SHIPPED.item(name).code_range
        values.append(low + high - value if SHIPPED.item(name).reverse else value)
    assert scores.loc[elburg, "werkbeleving"] == pytest.approx(np.mean(values))
    assert result["alpha"]["werkbeleving"]["k"] == 9


def test_too_few_common_items_mark_the_construct_not_comparable():
    inst = make_instruments([item("a"), item("b", only_gemeenten=("zwolle",)), item("c", skip_gemeenten=("zwolle",))],
                            constructs=[Construct("s", "S", ("a", "b", "c"), 2, "test", 1)])
    basis = construct_basis(inst.constructs[0], inst, ["zwolle", "elburg"], ["a", "b", "c"])
    assert not basis.comparable
    assert basis.items_per_gemeente == {"elburg": ("a", "c"), "zwolle": ("a", "b")}
    assert basis.as_json()["items_per_gemeente"] == {"elburg": ["a", "c"], "zwolle": ["a", "b"]}
