"""Cross-wave disclosure control: a team hidden in one wave cannot be recovered from the figures of two waves.

The check is the linear system of test_disclosure.py widened to two waves: the unknowns are every team's
answers in wave A and in wave B; each published figure of a wave is the sum over its scope's teams in that
wave, and each published change is wave A's sum minus wave B's over the same scope. A group of one wave's
teams with 1 .. MIN-1 answers is recoverable exactly when its indicator lies in the row space.
"""

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from survey_app.analysis.cross_wave import (
    HIDDEN_IN_A_WAVE,
    NOT_IN_EVERY_WAVE,
    change_reason,
    change_reasons,
    visible_change,
    visible_previous,
    withheld_tests,
)
from tests.analysis.test_disclosure import MIN, in_row_space, run, scope_sets


def wave_section(spec, team_n):
    """One wave's analysis section for one variable, as the JSON has it: {"v": {scope: entry}}; a team
    without respondents in the wave does not occur in it (it did not take part)."""
    reasons, index, n = run(spec, team_n)
    cells = {}
    for row, scope in enumerate(index.ids):
        if index.kind(row) == "team" and n[row, 0] == 0:
            continue
        cells[scope] = {"suppressed": True, "reason": reasons[row, 0]} if reasons[row, 0] else {"n": int(n[row, 0])}
    return {"v": cells}, index


def published_system(spec, sizes_a, sizes_b, changes):
    """Rows over the unknowns (teams of A, then teams of B) for every published figure of both waves and for
    the changes `changes(section_a, section_b)` returns as visible, per scope id."""
    section_a, index = wave_section(spec, sizes_a)
    section_b, _ = wave_section(spec, sizes_b)
    teams = index.team_slugs
    sets = dict(zip(index.ids, scope_sets(index), strict=True))
    indicator = {scope: np.array([t in members for t in teams], dtype=float) for scope, members in sets.items()}
    zero = np.zeros(len(teams))
    rows = []
    for scope, cell in section_a["v"].items():
        if not cell.get("suppressed"):
            rows.append(np.concatenate([indicator[scope], zero]))
    for scope, cell in section_b["v"].items():
        if not cell.get("suppressed"):
            rows.append(np.concatenate([zero, indicator[scope]]))
    for scope in changes(section_a, section_b):
        rows.append(np.concatenate([indicator[scope], -indicator[scope]]))
    return np.array(rows), teams


def small_groups(teams, sizes):
    """Indicators of every set of one wave's teams with 1 .. MIN-1 answers."""
    subsets = np.array(list(itertools.product((0.0, 1.0), repeat=len(teams))))
    answers = subsets @ np.array([sizes.get(t, 0) for t in teams], dtype=float)
    return subsets[(answers > 0) & (answers < MIN)]


def recoverable(spec, sizes_a, sizes_b, changes):
    """The small groups of either wave (as team lists, with the wave) the published figures determine."""
    rows, teams = published_system(spec, sizes_a, sizes_b, changes)
    zero = np.zeros(len(teams))
    found = []
    for wave, sizes in (("A", sizes_a), ("B", sizes_b)):
        groups = small_groups(teams, sizes)
        if not len(groups):
            continue
        vectors = np.array([np.concatenate([g, zero] if wave == "A" else [zero, g]) for g in groups])
        for group, hit in zip(groups, in_row_space(rows, vectors), strict=True):
            if hit:
                found.append((wave, [t for t, x in zip(teams, group, strict=True) if x]))
    return found


def ruled_changes(section_a, section_b):
    """The changes cross_wave allows: per scope, the change between wave A (0) and B (1)."""
    reasons = change_reasons([section_a, section_b])["v"]
    return [scope for scope, per_pair in reasons.items() if per_pair[(0, 1)] == ""]


def naive_changes(section_a, section_b):
    """Every change whose scope occurs in both waves, hidden or not: what a careless trend table would print."""
    return [scope for scope in section_a["v"] if scope in section_b["v"]]


def test_a_gemeente_hidden_in_one_wave_is_not_given_back_by_its_change():
    # wave A: elburg has 4 answers, so zwolle is hidden with its team b (total - zwolle would be elburg);
    # wave B: everything is shown. Zwolle's change A - B would give zwolle's A figure, and with it elburg's.
    spec = {"zwolle": ["a", "b"], "elburg": ["d"]}
    sizes_a, sizes_b = {"a": 10, "b": 12, "d": 4}, {"a": 10, "b": 12, "d": 9}
    assert recoverable(spec, sizes_a, sizes_b, naive_changes) == [("A", ["d"])]
    assert recoverable(spec, sizes_a, sizes_b, ruled_changes) == []
    section_a, _ = wave_section(spec, sizes_a)
    section_b, _ = wave_section(spec, sizes_b)
    reasons = change_reasons([section_a, section_b])["v"]
    assert reasons["gemeente:zwolle"][(0, 1)] == HIDDEN_IN_A_WAVE
    assert reasons["total"][(0, 1)] == ""


def test_a_team_that_appears_in_one_year_only():
    # wave A: zwolle = a (10) + b (3): b is hidden, and a with it (zwolle - a = b). Wave B: b is gone, so
    # zwolle = a is shown; the change of team a would give a's A figure and zwolle - a = b.
    spec = {"zwolle": ["a", "b"], "elburg": ["d"]}
    sizes_a, sizes_b = {"a": 10, "b": 3, "d": 9}, {"a": 10, "b": 0, "d": 9}
    assert ("A", ["b"]) in recoverable(spec, sizes_a, sizes_b, naive_changes)
    assert recoverable(spec, sizes_a, sizes_b, ruled_changes) == []
    section_a, _ = wave_section(spec, sizes_a)
    section_b, _ = wave_section(spec, sizes_b)
    reasons = change_reasons([section_a, section_b])["v"]
    assert reasons["team:b"][(0, 1)] == NOT_IN_EVERY_WAVE
    assert reasons["team:a"][(0, 1)] == HIDDEN_IN_A_WAVE


hierarchies = st.lists(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=1, max_size=3),
                       min_size=1, max_size=3)


@settings(max_examples=150, deadline=None)
@given(hierarchies)
def test_no_small_group_of_either_wave_is_recoverable_from_both_waves(shape):
    spec = {f"g{g}": [f"g{g}t{t}" for t in range(len(teams))] for g, teams in enumerate(shape)}
    sizes_a = {f"g{g}t{t}": pair[0] for g, teams in enumerate(shape) for t, pair in enumerate(teams)}
    sizes_b = {f"g{g}t{t}": pair[1] for g, teams in enumerate(shape) for t, pair in enumerate(teams)}
    assert recoverable(spec, sizes_a, sizes_b, ruled_changes) == []


def test_single_cell_rules():
    shown, hidden = {"n": 8, "mean": 3.1}, {"suppressed": True, "reason": "complementary"}
    assert visible_change(shown, shown)
    assert not visible_change(shown, hidden) and not visible_change(hidden, shown)
    assert not visible_change(shown, None)
    assert change_reason(shown, {"suppressed": True, "reason": "no_answers"}) == NOT_IN_EVERY_WAVE
    assert visible_previous(shown) and not visible_previous(hidden) and not visible_previous(None)


def test_withheld_tests_name_the_variables_hidden_in_either_wave():
    current = {"x": {"gemeente:z": {"n": 9}}, "y": {"gemeente:z": {"suppressed": True, "reason": "complementary"}},
               "w": {"gemeente:z": {"n": 9}}}
    previous = {"x": {"gemeente:z": {"suppressed": True, "reason": "item_n_below_min"}}, "y": {"gemeente:z": {"n": 7}},
                "w": {"gemeente:z": {"n": 9}}}
    assert withheld_tests("gemeente:z", current, previous, ["x", "y", "w", "new"]) == {
        "x": HIDDEN_IN_A_WAVE, "y": HIDDEN_IN_A_WAVE}
