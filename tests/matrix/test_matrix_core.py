"""The pure core: aspect trees and scales read back what they write, and bad trees name their lines."""

from __future__ import annotations

import pytest

from survey_app.matrix.core import aspects
from survey_app.matrix.core.errors import MatrixFileError
from survey_app.matrix.core.records import load_cases
from survey_app.matrix.core.scale import DEFAULT_SCALE, dump_scale, load_scale
from tests.matrix.conftest import ZWOLLE


def test_yaml_and_csv_round_trip_the_fixture_tree():
    tree = aspects.load_yaml((ZWOLLE / "aspects.yaml").read_text(encoding="utf-8"))
    assert len(tree.main_aspects()) == 4 and len(tree.leaves()) == 28
    assert aspects.load_yaml(aspects.dump_yaml(tree)) == tree
    assert aspects.load_csv(aspects.dump_csv(tree)) == tree


def test_csv_hoofdaspect_row_may_follow_its_deelaspecten():
    tree = aspects.load_csv("hoofdaspect;deelaspect;description\nToegang;Tijdig;\nToegang;;Hoe binnengekomen\n")
    assert tree.main_aspects()[0].description == "Hoe binnengekomen"
    assert [a.path for a in tree.leaves()] == ["Toegang/Tijdig"]


def test_a_hoofdaspect_without_deelaspecten_is_scored_itself():
    tree = aspects.load_yaml("aspects:\n  - name: Situatie\n  - name: Effect\n    children:\n      - name: Behapbaar\n")
    assert [a.path for a in tree.leaves()] == ["Situatie", "Effect/Behapbaar"]


@pytest.mark.parametrize(("text", "expected"), [
    ("aspects:\n  - name: A\n    children:\n      - name: B\n        children:\n          - name: C\n",
     "aspects.yaml:4: MATRIX_ASPECT_004"),
    ("aspects:\n  - name: A\n  - name: A\n",
     "aspects.yaml:3: MATRIX_ASPECT_002 aspect 'A' komt dubbel voor (ook op regel 2)"),
    ("codes: []\n", "aspects.yaml:1: MATRIX_ASPECT_005"),
])
def test_bad_trees_name_their_line(text, expected):
    with pytest.raises(MatrixFileError) as caught:
        aspects.load_yaml(text)
    assert expected in str(caught.value)


def test_default_scale_round_trips_and_grijs_does_not_apply():
    assert load_scale(dump_scale(DEFAULT_SCALE)) == DEFAULT_SCALE
    assert [level.key for level in DEFAULT_SCALE.applicable()] == ["groen", "oranje", "rood"]
    assert DEFAULT_SCALE.rank("groen") == 3 and DEFAULT_SCALE.rank("rood") == 1 and DEFAULT_SCALE.rank("grijs") is None
    assert all(level.symbol for level in DEFAULT_SCALE.levels)


def test_case_labels_are_pseudonyms():
    with pytest.raises(MatrixFileError) as caught:
        load_cases("case,toegang\nJan de Vries,SWT\n")
    assert "cases.csv:2: MATRIX_CASE_003" in str(caught.value)
