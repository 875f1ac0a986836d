"""Disclosure control: primary and complementary suppression over total > gemeente > team."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from survey_app.analysis.disclosure import (
    COMPLEMENTARY,
    ITEM_N_BELOW_MIN,
    NO_ANSWERS,
    SCOPE_N_BELOW_MIN,
    disclosure_reasons,
)
from survey_app.analysis.organisation import ScopeIndex
from tests.analysis.factory import organisation, respondents

MIN = 5


def run(spec, team_n, item_n=None):
    """Reasons for an organisation spec {gemeente: [teams]}, respondents per team and item n per team."""
    org = organisation({g: dict.fromkeys(teams) for g, teams in spec.items()})
    index = ScopeIndex(org, respondents(org, team_n)["team"])
    per_team = np.array([[team_n.get(t.slug, 0)] if item_n is None else item_n[t.slug] for t in org.teams])
    n = index.roll_up(per_team)
    return disclosure_reasons(n, index.respondents(), index, MIN), index, n


def scope_sets(index):
    """Every scope as the set of team slugs it covers."""
    org = index.organisation
    sets = [frozenset(t.slug for t in org.teams)]
    sets += [frozenset(t.slug for t in org.teams_of(g.slug)) for g in org.gemeenten]
    sets += [frozenset([t.slug]) for t in org.teams]
    return sets


def recoverable_groups_are_safe(reasons, index, n, column):
    """Independent check: (1) every published scope minus its largest published sub-scopes leaves 0 or at
    least MIN answers; (2) no hidden team with 1..MIN-1 answers lies in the linear span of published scopes."""
    sets = scope_sets(index)
    team_n = dict(zip(index.team_slugs, n[index.team_rows, column], strict=True))
    published = [s for row, s in enumerate(sets) if not reasons[row, column]]
    for scope in published:
        inner = [s for s in published if s < scope]
        maximal = [s for s in inner if not any(s < other for other in inner)]
        residual = scope - frozenset().union(*maximal)
        size = sum(team_n[t] for t in residual)
        assert size == 0 or size >= MIN, (scope, residual, size)
    teams = [t for t in index.team_slugs if team_n[t] > 0]
    if not published or not teams:
        return
    matrix = np.array([[t in s for t in teams] for s in published], dtype=float)
    rank = np.linalg.matrix_rank(matrix)
    for position, team in enumerate(teams):
        if 0 < team_n[team] < MIN:
            unit = np.zeros(len(teams))
            unit[position] = 1
            assert np.linalg.matrix_rank(np.vstack([matrix, unit])) > rank, team


def test_gemeente_of_a_large_and_a_small_team():
    spec = {"zwolle": ["groot", "klein"], "elburg": ["doeth"], "ommen": ["kern", "west"]}
    team_n = {"groot": 12, "klein": 3, "doeth": 9, "kern": 8, "west": 7}
    item_n = {"groot": [12, 11, 12, 0], "klein": [3, 2, 0, 0], "doeth": [9, 9, 4, 9], "kern": [8, 8, 8, 8],
              "west": [7, 7, 7, 7]}
    reasons, index, n = run(spec, team_n, item_n)
    row = {scope: i for i, scope in enumerate(index.ids)}
    for column in range(4):
        # the small team is hidden, and so is either the gemeente or the large team: neither the small team's
        # figures nor gemeente minus large team can be recovered
        if n[row["team:klein"], column] > 0:
            assert reasons[row["team:klein"], column] == SCOPE_N_BELOW_MIN
            assert reasons[row["gemeente:zwolle"], column] or reasons[row["team:groot"], column]
        recoverable_groups_are_safe(reasons, index, n, column)
    assert reasons[row["team:groot"], 0] == COMPLEMENTARY
    assert reasons[row["gemeente:zwolle"], 0] == ""
    # item 3: klein gave no answers, groot is zwolle exactly; doeth (elburg's only team) has 4 answers
    assert reasons[row["team:groot"], 2] == ""
    assert reasons[row["team:doeth"], 2] == ITEM_N_BELOW_MIN
    assert reasons[row["gemeente:elburg"], 2] == ITEM_N_BELOW_MIN
    # total minus the shown gemeenten would reveal elburg; zwolle and ommen add up exactly from their shown
    # teams, so hiding one of them would not help: the total is hidden
    assert reasons[row["total"], 2] == COMPLEMENTARY
    assert reasons[row["gemeente:ommen"], 2] == "" and reasons[row["gemeente:zwolle"], 2] == ""
    # item 4: only empty cells below the minimum, nothing to protect
    assert reasons[row["team:groot"], 3] == NO_ANSWERS
    assert not any(reasons[row[s], 3] for s in ("total", "gemeente:ommen", "team:kern", "team:doeth"))


def test_two_hidden_teams_that_together_reach_the_minimum_need_nothing_more():
    reasons, index, n = run({"z": ["a", "b", "c"]}, {"a": 3, "b": 3, "c": 10})
    assert reasons[:, 0].tolist() == ["", "", SCOPE_N_BELOW_MIN, SCOPE_N_BELOW_MIN, ""]


def test_two_hidden_teams_below_the_minimum_together_get_a_third():
    reasons, index, n = run({"z": ["a", "b", "c", "d"]}, {"a": 2, "b": 1, "c": 10, "d": 8})
    assert reasons[:, 0].tolist() == ["", "", SCOPE_N_BELOW_MIN, SCOPE_N_BELOW_MIN, "", COMPLEMENTARY]


def test_single_team_gemeente_below_minimum_protected_at_total():
    reasons, index, n = run({"z": ["a", "b"], "e": ["doeth"]}, {"a": 10, "b": 12, "doeth": 4})
    # total - zwolle = elburg; zwolle's teams add up to zwolle, so the total itself is hidden
    assert reasons[:, 0].tolist() == [COMPLEMENTARY, "", SCOPE_N_BELOW_MIN, "", "", SCOPE_N_BELOW_MIN]
    recoverable_groups_are_safe(reasons, index, n, 0)


hierarchies = st.lists(st.lists(st.integers(0, 14), min_size=1, max_size=4), min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(hierarchies, st.data())
def test_no_small_group_is_ever_recoverable(shape, data):
    spec = {f"g{g}": [f"g{g}t{t}" for t in range(len(teams))] for g, teams in enumerate(shape)}
    team_n = {f"g{g}t{t}": size for g, teams in enumerate(shape) for t, size in enumerate(teams)}
    item_n = {team: [data.draw(st.integers(0, size)) for _ in range(3)] for team, size in team_n.items()}
    reasons, index, n = run(spec, team_n, item_n)
    for column in range(3):
        recoverable_groups_are_safe(reasons, index, n, column)
    small = n < MIN
    assert np.all(reasons[small & (n > 0)] != "")
