"""Disclosure control: primary and complementary suppression over total > gemeente > team.

The random-hierarchy tests check the result independently of the algorithm: by linear algebra over the
published figures (nothing hidden and small can be derived from them, no group of teams either), and, for
small hierarchies, by trying every other suppression pattern (none is cheaper).
"""

import itertools

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


def in_row_space(basis, vectors):
    """Which of `vectors` (k x d) lie in the row space of `basis` (m x d), by projection."""
    if not len(basis):
        return np.all(np.isclose(vectors, 0), axis=1)
    _, singular, vt = np.linalg.svd(basis, full_matrices=False)
    q = vt[singular > 1e-9]
    rest = vectors - vectors @ q.T @ q
    return np.all(np.abs(rest) < 1e-7, axis=1)


def hidden_cells_are_free(reasons, index, n, column):
    """Solve the hierarchy's linear system (total = sum of gemeenten, gemeente = sum of its teams) with the
    published cells as known values: every hidden cell with 1..MIN-1 answers must keep a free dimension."""
    size = index.n_scopes
    rows = []
    parents = [None] + [0] * index.n_gemeenten + [1 + g for g in index.team_gemeente]
    for parent in range(1 + index.n_gemeenten):
        equation = np.zeros(size)
        equation[parent] = 1
        for child, of in enumerate(parents):
            if of == parent:
                equation[child] = -1
        rows.append(equation)
    rows += [np.eye(size)[cell] for cell in range(size) if not reasons[cell, column]]
    small = [cell for cell in range(size) if reasons[cell, column] and 0 < n[cell, column] < MIN]
    determined = in_row_space(np.array(rows), np.eye(size)[small]) if small else []
    assert not any(determined), [index.ids[cell] for cell, d in zip(small, determined, strict=True) if d]


def no_small_group_is_derivable(reasons, index, n, column):
    """Brute force over every set of teams: its answers can be derived from published figures exactly when
    its indicator lies in the span of the published scopes; none with 1..MIN-1 answers may."""
    sets = scope_sets(index)
    teams = index.team_slugs
    published = np.array([[t in s for t in teams] for row, s in enumerate(sets) if not reasons[row, column]],
                         dtype=float)
    subsets = np.array(list(itertools.product((0.0, 1.0), repeat=len(teams))))
    answers = subsets @ n[index.team_rows, column]
    small = subsets[(answers > 0) & (answers < MIN)]
    derivable = in_row_space(published, small)
    assert not derivable.any(), [[t for t, x in zip(teams, s, strict=True) if x] for s in small[derivable]]


def recoverable_groups_are_safe(reasons, index, n, column):
    """(1) every published scope minus its largest published sub-scopes leaves 0 or at least MIN answers;
    (2) the linear system leaves every small hidden cell free; (3) no small group of teams is derivable."""
    sets = scope_sets(index)
    team_n = dict(zip(index.team_slugs, n[index.team_rows, column], strict=True))
    published = [s for row, s in enumerate(sets) if not reasons[row, column]]
    for scope in published:
        inner = [s for s in published if s < scope]
        maximal = [s for s in inner if not any(s < other for other in inner)]
        residual = scope - frozenset().union(*maximal)
        size = sum(team_n[t] for t in residual)
        assert size == 0 or size >= MIN, (scope, residual, size)
    hidden_cells_are_free(reasons, index, n, column)
    no_small_group_is_derivable(reasons, index, n, column)


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
        assert reasons[row["total"], column] == ""
    # hiding the large team costs less than hiding the gemeente
    assert reasons[row["team:groot"], 0] == COMPLEMENTARY
    assert reasons[row["gemeente:zwolle"], 0] == ""
    # item 3: klein gave no answers, groot is zwolle exactly; doeth (elburg's only team) has 4 answers
    assert reasons[row["team:groot"], 2] == ""
    assert reasons[row["team:doeth"], 2] == ITEM_N_BELOW_MIN
    assert reasons[row["gemeente:elburg"], 2] == ITEM_N_BELOW_MIN
    # total minus the shown gemeenten would reveal elburg. Hiding ommen alone would not help (it is kern +
    # west); ommen is hidden together with its smaller team, so total - zwolle - kern = doeth + west (11)
    assert reasons[row["gemeente:ommen"], 2] == COMPLEMENTARY
    assert reasons[row["team:west"], 2] == COMPLEMENTARY
    assert reasons[row["team:kern"], 2] == "" and reasons[row["gemeente:zwolle"], 2] == ""
    # item 4: only empty cells below the minimum, nothing to protect
    assert reasons[row["team:groot"], 3] == NO_ANSWERS
    assert not any(reasons[row[s], 3] for s in ("total", "gemeente:ommen", "team:kern", "team:doeth"))


def test_two_hidden_teams_that_together_reach_the_minimum_need_nothing_more():
    reasons, index, n = run({"z": ["a", "b", "c"]}, {"a": 3, "b": 3, "c": 10})
    assert reasons[:, 0].tolist() == ["", "", SCOPE_N_BELOW_MIN, SCOPE_N_BELOW_MIN, ""]


def test_two_hidden_teams_below_the_minimum_together_get_a_third():
    reasons, index, n = run({"z": ["a", "b", "c", "d"]}, {"a": 2, "b": 1, "c": 10, "d": 8})
    assert reasons[:, 0].tolist() == ["", "", SCOPE_N_BELOW_MIN, SCOPE_N_BELOW_MIN, "", COMPLEMENTARY]


def test_single_team_gemeente_below_minimum_keeps_the_total():
    reasons, index, n = run({"z": ["a", "b"], "e": ["doeth"]}, {"a": 10, "b": 12, "doeth": 4})
    # total - zwolle would be elburg; zwolle is hidden with its smaller team: total - b = a + doeth (14)
    assert reasons[:, 0].tolist() == ["", COMPLEMENTARY, SCOPE_N_BELOW_MIN, COMPLEMENTARY, "", SCOPE_N_BELOW_MIN]
    recoverable_groups_are_safe(reasons, index, n, 0)


def test_two_small_gemeenten_cover_each_other_at_the_total():
    reasons, index, n = run({"z": ["a", "b"], "e": ["c"], "o": ["d"]}, {"a": 10, "b": 12, "c": 3, "d": 4})
    # total - zwolle = elburg + ommen (7 answers): nothing more to hide
    assert reasons[:, 0].tolist() == ["", "", SCOPE_N_BELOW_MIN, SCOPE_N_BELOW_MIN, "", "", SCOPE_N_BELOW_MIN,
                                      SCOPE_N_BELOW_MIN]


def test_a_gemeente_with_a_large_hidden_group_covers_the_total_without_hiding_a_team():
    # zwolle's small teams a and b have 6 answers together: zwolle can be shown, or hidden to cover elburg
    reasons, index, n = run({"z": ["a", "b", "c"], "e": ["d"]}, {"a": 3, "b": 3, "c": 20, "d": 4})
    assert reasons[:, 0].tolist() == ["", COMPLEMENTARY, SCOPE_N_BELOW_MIN, SCOPE_N_BELOW_MIN, SCOPE_N_BELOW_MIN,
                                      "", SCOPE_N_BELOW_MIN]
    recoverable_groups_are_safe(reasons, index, n, 0)


def test_a_total_below_the_minimum_is_hidden_by_the_primary_rule():
    reasons, index, n = run({"z": ["a"], "e": ["b"]}, {"a": 2, "b": 1})
    assert reasons[:, 0].tolist() == [SCOPE_N_BELOW_MIN] * 5


hierarchies = st.lists(st.lists(st.integers(0, 14), min_size=1, max_size=4), min_size=1, max_size=4)


def draw_case(shape, data, columns):
    spec = {f"g{g}": [f"g{g}t{t}" for t in range(len(teams))] for g, teams in enumerate(shape)}
    team_n = {f"g{g}t{t}": size for g, teams in enumerate(shape) for t, size in enumerate(teams)}
    item_n = {team: [data.draw(st.integers(0, size)) for _ in range(columns)] for team, size in team_n.items()}
    return run(spec, team_n, item_n)


@settings(max_examples=200, deadline=None)
@given(hierarchies, st.data())
def test_no_small_group_is_ever_recoverable(shape, data):
    reasons, index, n = draw_case(shape, data, 3)
    for column in range(3):
        recoverable_groups_are_safe(reasons, index, n, column)
        # the total is hidden only when it is below the minimum itself
        assert bool(reasons[0, column]) == (n[0, column] < MIN)
    small = n < MIN
    assert np.all(reasons[small & (n > 0)] != "")
    assert np.all(reasons[~small & (reasons != "")] == COMPLEMENTARY)


def cost(reasons, index, n, column):
    """The cost order of the disclosure module: hidden totals, gemeenten, teams, then answers hidden."""
    hidden = [row for row in range(index.n_scopes) if reasons[row][column] == COMPLEMENTARY]
    kinds = [index.kind(row) for row in hidden]
    return (kinds.count("total"), kinds.count("gemeente"), kinds.count("team"),
            int(sum(n[row, column] for row in hidden)))


def is_safe(reasons, index, n, column):
    try:
        recoverable_groups_are_safe(reasons, index, n, column)
    except AssertionError:
        return False
    return True


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(0, 12), min_size=1, max_size=2), min_size=1, max_size=3), st.data())
def test_no_other_pattern_is_cheaper(shape, data):
    """Every way to hide further cells of a small hierarchy: none that is safe costs less than the chosen one."""
    reasons, index, n = draw_case(shape, data, 1)
    chosen = cost(reasons, index, n, 0)
    primary = reasons[:, 0].copy()
    primary[primary == COMPLEMENTARY] = ""
    free = [row for row in range(index.n_scopes) if not primary[row]]
    for hide in itertools.product((False, True), repeat=len(free)):
        pattern = primary.copy()
        for row, flag in zip(free, hide, strict=True):
            if flag:
                pattern[row] = COMPLEMENTARY
        candidate = cost(pattern[:, None], index, n, 0)
        if candidate < chosen:
            assert not is_safe(pattern[:, None], index, n, 0), (pattern.tolist(), reasons[:, 0].tolist())
