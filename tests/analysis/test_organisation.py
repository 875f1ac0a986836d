"""The organisation input and the scope index."""

import numpy as np
import pandas as pd
import pytest

from survey_app.analysis.organisation import Gemeente, Organisation, ScopeIndex, Team
from tests.analysis.factory import organisation


def test_scope_order_rows_and_roll_up():
    org = organisation({"zwolle": {"noord": 10, "zuid": 10}, "elburg": {"doeth": 8}})
    index = ScopeIndex(org, pd.Series(["zuid", "doeth", "zuid", "noord"]))
    assert index.ids == ["total", "gemeente:zwolle", "gemeente:elburg", "team:noord", "team:zuid", "team:doeth"]
    assert index.respondents().tolist() == [4, 3, 1, 1, 2, 1]
    assert index.gemeente.tolist() == [0, 1, 0, 0]
    assert index.roll_up(np.array([[1, 0], [2, 5], [4, 1]])).tolist() == [[7, 6], [3, 5], [4, 1], [1, 0],
                                                                          [2, 5], [4, 1]]
    assert [index.kind(r) for r in range(6)] == ["total", "gemeente", "gemeente", "team", "team", "team"]
    assert index.parents() == [None, "total", "total", "gemeente:zwolle", "gemeente:zwolle", "gemeente:elburg"]
    assert index.labels()[0] == "Totaal"


@pytest.mark.parametrize(("gemeenten", "teams", "headcounts", "message"), [
    ((Gemeente("z", "Z"),), (Team("a", "x", "A"),), {}, "onbekende gemeente 'x'"),
    ((Gemeente("z", "Z"), Gemeente("z", "Z")), (), {}, "Gemeente komt dubbel voor: z"),
    ((Gemeente("z", "Z"),), (Team("a", "z", "A"), Team("a", "z", "A")), {}, "Team komt dubbel voor: a"),
    ((Gemeente("z", "Z"),), (Team("a", "z", "A"),), {"b": 3}, "onbekend team 'b'"),
])
def test_inconsistent_organisation_is_refused(gemeenten, teams, headcounts, message):
    with pytest.raises(ValueError, match=message):
        Organisation(gemeenten, teams, headcounts)
