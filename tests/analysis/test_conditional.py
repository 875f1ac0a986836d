"""Conditional percentages of a yes/no grid (Tabel 4): "beschikt over de vaardigheden" and "vindt het leuk" as
a share of those who do the activity, checked against a hand computation."""

import itertools

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from survey_app.analysis import analyse_wave
from survey_app.analysis.conditional import conditional_reasons
from survey_app.analysis.disclosure import disclosure_reasons
from survey_app.analysis.organisation import ScopeIndex
from survey_app.instruments.model import GridCell
from tests.analysis.factory import instruments, item, organisation, respondents
from tests.analysis.test_disclosure import MIN, in_row_space, scope_sets

GRID = item("nw_werkzaamheden", "yesno_grid", label="Invulling",
            rows=(GridCell("casemanager", "Casemanager"), GridCell("indiceren", "Indiceren")),
            columns=(GridCell("doen", "Ik doe dit"),
                     GridCell("vaardigheden", "Ik beschik over de vaardigheden", "doen", "van wie dit doet"),
                     GridCell("leuk", "Ik vind dit leuk", "doen", "van wie dit doet")))
INSTRUMENTS = instruments([GRID])
ORG = organisation({"zwolle": {"noord": None, "zuid": None}, "elburg": {"doeth": None, "kern": None}})

# casemanager: doen, vaardigheden, leuk per respondent (NaN = not answered); zuid has one who does not do it,
# kern five
NOORD = [(1, 1, 1), (1, 1, 0), (1, 0, 1), (1, 1, 1), (1, 1, 0), (1, 1, 1), (1, np.nan, 1), (1, 0, 0)]
ZUID = [(1, 1, 1), (1, 1, 1), (1, 0, 0), (0, 0, 1), (1, 1, 1), (1, 1, 1)]
DOETH = [(1, 1, 1), (1, 1, 1), (1, 1, 0), (1, 0, 1), (1, 1, 1), (1, 1, 1)]
KERN = [(0, 1, 1), (0, 0, 1), (0, 1, 0), (0, 0, 0), (0, 1, 1), (1, 1, 1), (1, 0, 1), (1, 1, 1)]
TEAMS = (("zwolle", "noord", NOORD), ("zwolle", "zuid", ZUID), ("elburg", "doeth", DOETH),
         ("elburg", "kern", KERN))


def answers() -> pd.DataFrame:
    rows = []
    for gemeente, team, cells in TEAMS:
        for doen, vaardig, leuk in cells:
            rows.append({"gemeente": gemeente, "team": team, "nw_werkzaamheden_casemanager_doen": doen,
                         "nw_werkzaamheden_casemanager_vaardigheden": vaardig,
                         "nw_werkzaamheden_casemanager_leuk": leuk,
                         "nw_werkzaamheden_indiceren_doen": 1 - doen, "nw_werkzaamheden_indiceren_vaardigheden": 1,
                         "nw_werkzaamheden_indiceren_leuk": 1})
    return pd.DataFrame(rows).astype({c: np.float64 for c in rows[0] if c.startswith("nw_")})


def by_hand(cells, column):
    """% ja in `column` (1 = vaardigheden, 2 = leuk) among those who do it and answered, and that base."""
    base = [c[column] for c in cells if c[0] == 1 and not np.isnan(c[column])]
    return 100 * sum(base) / len(base), len(base)


def test_tabel_4_conditional_percentages_equal_a_hand_computation():
    result = analyse_wave(answers(), INSTRUMENTS, ORG)
    conditional = result["conditional"]
    for column, name in ((1, "vaardigheden"), (2, "leuk")):
        cell = conditional[f"nw_werkzaamheden_casemanager_{name}"]
        for scope, cells in (("total", NOORD + ZUID + DOETH + KERN), ("team:noord", NOORD)):
            percent, base = by_hand(cells, column)
            assert cell[scope]["n"] == base, (name, scope)
            assert cell[scope]["percent"]["1"] == round(percent, 4), (name, scope)
            assert cell[scope]["given"] == "nw_werkzaamheden_casemanager_doen"
    # vaardigheden over everyone (the unconditional figure stays as it was) differs from the conditional one
    everyone = result["items"]["nw_werkzaamheden_casemanager_vaardigheden"]["total"]
    assert everyone["n"] == 27 and everyone["percent"]["1"] == round(100 * 19 / 27, 4)
    assert conditional["nw_werkzaamheden_casemanager_vaardigheden"]["total"]["percent"]["1"] == round(
        100 * 16 / 21, 4)


def test_a_small_base_or_complement_is_hidden():
    result = analyse_wave(answers(), INSTRUMENTS, ORG)
    # indiceren is done by those who are not casemanager: none in noord, 1 in zuid
    hidden = result["conditional"]["nw_werkzaamheden_indiceren_vaardigheden"]
    assert hidden["team:noord"] == {"suppressed": True, "reason": "no_answers"}
    assert hidden["team:zuid"] == {"suppressed": True, "reason": "item_n_below_min"}
    # casemanager in zuid: 5 do it, 1 does not; the grid's own figure of zuid (6) minus the conditional one
    # would give that one respondent's answer
    zuid = result["conditional"]["nw_werkzaamheden_casemanager_leuk"]["team:zuid"]
    assert zuid == {"suppressed": True, "reason": "complement_below_min"}
    assert not result["items"]["nw_werkzaamheden_casemanager_leuk"]["team:zuid"].get("suppressed")
    # so is Zwolle (noord + zuid), and then Elburg too: total minus Elburg would be Zwolle's one non-doer
    leuk = result["conditional"]["nw_werkzaamheden_casemanager_leuk"]
    assert leuk["gemeente:zwolle"]["reason"] == leuk["gemeente:elburg"]["reason"] == "complement_below_min"
    # kern: three do it, too few for a figure of its own
    assert leuk["team:kern"] == {"suppressed": True, "reason": "item_n_below_min"}


def recoverable_groups(shape):
    """Solve the linear system of a grid cell's published figures: the ordinary figure of each shown scope is the
    sum of both groups (who do the activity and who do not) over its teams, the conditional figure the sum of the
    first group. Returns the groups (a set of teams' doers plus a set of teams' non-doers) with 1 .. MIN-1
    answers that the published figures determine."""
    spec = {f"g{g}": [f"g{g}t{t}" for t in range(len(teams))] for g, teams in enumerate(shape)}
    doers = {f"g{g}t{t}": pair[0] for g, teams in enumerate(shape) for t, pair in enumerate(teams)}
    others = {f"g{g}t{t}": pair[1] for g, teams in enumerate(shape) for t, pair in enumerate(teams)}
    org = organisation({g: dict.fromkeys(teams) for g, teams in spec.items()})
    index = ScopeIndex(org, respondents(org, {t: doers[t] + others[t] for t in doers})["team"])
    teams = index.team_slugs
    within = index.roll_up(np.array([[doers[t]] for t in teams]))
    outside = index.roll_up(np.array([[others[t]] for t in teams]))
    ordinary = disclosure_reasons(within + outside, index.respondents(), index, MIN)
    conditional = conditional_reasons(within, outside, index.respondents(), index, MIN)
    rows, empty = [], np.zeros(len(teams))
    for row, members in enumerate(scope_sets(index)):
        indicator = np.array([t in members for t in teams], dtype=float)
        if not ordinary[row, 0]:
            rows.append(np.concatenate([indicator, indicator]))
        if not conditional[row, 0]:
            rows.append(np.concatenate([indicator, empty]))
    groups = np.array(list(itertools.product((0.0, 1.0), repeat=2 * len(teams))))
    answers = groups @ np.array([doers[t] for t in teams] + [others[t] for t in teams], dtype=float)
    small = groups[(answers > 0) & (answers < MIN)]
    if not len(small) or not rows:
        return []
    return small[in_row_space(np.array(rows), small)].tolist()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=1, max_size=3),
                min_size=1, max_size=2))
def test_no_small_group_is_recoverable_from_ordinary_and_conditional_figures(shape):
    assert recoverable_groups(shape) == []


def test_the_conditional_figure_does_not_give_back_a_hidden_ordinary_one():
    # one gemeente: team a has one respondent, who does not do the activity; team b five who do. The ordinary
    # figure hides a and (complementary) b; b's conditional figure equals b's ordinary one and must stay hidden
    assert recoverable_groups([[(0, 1), (5, 0)]]) == []
