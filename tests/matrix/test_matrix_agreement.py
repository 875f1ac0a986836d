"""Ordinal Krippendorff's alpha on a small example computed by hand, with grijs and empty cells ignored."""

from __future__ import annotations

import pytest

from survey_app.matrix.core.agreement import compare
from survey_app.matrix.core.aspects import Aspect, AspectTree
from survey_app.matrix.core.counts import grid
from survey_app.matrix.core.records import Case, Score
from survey_app.matrix.core.scale import DEFAULT_SCALE

TREE = AspectTree((Aspect("Regie"),))
CASES = [Case(f"C{i}") for i in range(1, 7)]
#: C1-C4 compared; C5 one says grijs (applicability differs); C6 B did not score
A = ["groen", "oranje", "rood", "groen", "grijs", "rood"]
B = ["groen", "oranje", "oranje", "groen", "groen", None]


def _scores() -> list[Score]:
    out = [Score(case.label, "Regie", "A", level) for case, level in zip(CASES, A, strict=True)]
    return out + [Score(case.label, "Regie", "B", level) for case, level in zip(CASES, B, strict=True) if level]


def test_hand_computed_ordinal_alpha():
    """Ranks rood=1, oranje=2, groen=3; pairable values n1=1, n2=3, n3=4 (n=8).

    Ordinal δ²: (1,2)=((1+3)/2)²=4, (1,3)=(8-2.5)²=30.25, (2,3)=(7-3.5)²=12.25.
    Observed: only C3 disagrees (o12=o21=1): D_o = (4+4)/8 = 1.
    Expected: D_e = 2·(1·3·4 + 1·4·30.25 + 3·4·12.25)/(8·7) = 560/56 = 10.  alpha = 1 - 1/10 = 0.9.
    """
    scores = _scores()
    per_aspect, overall = compare(grid(TREE, CASES, scores, "A"), grid(TREE, CASES, scores, "B"), DEFAULT_SCALE)
    assert overall.alpha == pytest.approx(0.9)
    assert (overall.pairs, overall.exact, overall.applicability_differs) == (4, 3, 1)
    assert overall.percent == pytest.approx(75.0)
    assert per_aspect[0].agreement.alpha == pytest.approx(0.9)


def test_one_value_only_gives_no_alpha_with_a_reason():
    scores = [Score("C1", "Regie", s, "groen") for s in ("A", "B")]
    _, overall = compare(grid(TREE, CASES[:1], scores, "A"), grid(TREE, CASES[:1], scores, "B"), DEFAULT_SCALE)
    assert overall.alpha is None and "maar één waarde" in overall.note
