"""Disclosure control: which scope figures of which variable may be shown, and why the others are not.

Every published figure (n, mean, SD, percentages) is a sum over the teams of its scope, so a reader can
subtract published figures from each other. For a shown scope, subtracting its shown sub-scopes (the
largest shown scopes inside it) leaves a *residual* group of respondents whose figures are thereby revealed.
Because the scopes form a hierarchy (total > gemeente > team), these residual groups are disjoint and every
group a reader can isolate by adding and subtracting published figures is a union of them; so the control
is safe exactly when every residual group has 0 or at least `min_cell_size` answers.

The rules, per variable (n differs per item):

1. primary: a scope with fewer than `min_cell_size` respondents is hidden for every variable
   (`scope_n_below_min`); within a shown scope a variable with fewer valid answers is hidden
   (`item_n_below_min`, or `no_answers` when nobody answered it, which reveals nothing);
2. complementary (`complementary`): further cells are hidden until every residual group is safe, choosing
   the cheapest pattern. A gemeente whose hidden teams add up to 1 .. `min_cell_size - 1` answers loses its
   smallest shown team. The total's residual group is made of the hidden teams of hidden gemeenten; when it
   is too small, one or more gemeenten are hidden *together with* one of their teams (hiding a gemeente whose
   teams are all shown would not help: it is their sum). The cost of a pattern is compared in this order:
   hidden totals, hidden gemeenten, hidden teams, answers hidden. The total is therefore hidden only when no
   other pattern exists, which never happens when the total has at least `min_cell_size` answers: hiding
   every gemeente and team would always do.

The search is exact: per gemeente there are at most three sensible choices (keep it shown, hide it, hide it
with its smallest shown team), and a dynamic programme over the gemeenten, keyed on the size of the total's
residual group capped at `min_cell_size`, finds the cheapest combination.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from survey_app.analysis.organisation import ScopeIndex

SCOPE_N_BELOW_MIN = "scope_n_below_min"
ITEM_N_BELOW_MIN = "item_n_below_min"
NO_ANSWERS = "no_answers"
COMPLEMENTARY = "complementary"
SHOWN = ""

#: cost of a suppression pattern: (hidden totals, hidden gemeenten, hidden teams, answers hidden)
Cost = tuple[int, int, int, int]
FREE: Cost = (0, 0, 0, 0)


def disclosure_reasons(n: np.ndarray, scope_n: np.ndarray, index: ScopeIndex, min_cell_size: int) -> np.ndarray:
    """Reason per scope row and variable why a figure is hidden ('' when it may be shown).

    `n` holds the valid answers per scope row and variable (scopes x variables), `scope_n` the respondents
    per scope row.
    """
    n = np.asarray(n, dtype=np.int64).reshape(index.n_scopes, -1)
    reasons = np.full(n.shape, SHOWN, dtype=object)
    reasons[n < min_cell_size] = ITEM_N_BELOW_MIN
    reasons[n == 0] = NO_ANSWERS
    reasons[np.asarray(scope_n) < min_cell_size, :] = SCOPE_N_BELOW_MIN
    _Complementary(n, reasons, index, min_cell_size).run()
    return reasons


@dataclass(frozen=True)
class _Option:
    """One way to treat a gemeente: what it adds to the total's residual group, its cost, the rows it hides."""

    adds: int
    cost: Cost
    hide: tuple[int, ...] = ()


def _plus(a: Cost, b: Cost) -> Cost:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


class _Complementary:
    """Complementary suppression over total > gemeente > team, in place on `reasons`."""

    def __init__(self, n: np.ndarray, reasons: np.ndarray, index: ScopeIndex, min_cell_size: int):
        self.n, self.reasons, self.index, self.min = n, reasons, index, min_cell_size
        self.team_offset = 1 + index.n_gemeenten
        self.teams_of = [self.team_offset + np.flatnonzero(index.team_gemeente == g)
                         for g in range(index.n_gemeenten)]

    def run(self) -> None:
        if not self.index.n_gemeenten or not self.n.shape[1]:
            return
        shown = self.reasons == SHOWN
        team = self.index.team_rows
        # answers of the hidden teams per gemeente: the gemeente's residual group while the gemeente is shown
        self.hidden_answers = np.zeros((self.index.n_gemeenten, self.n.shape[1]), dtype=np.int64)
        np.add.at(self.hidden_answers, self.index.team_gemeente, np.where(shown[team], 0, self.n[team]))
        # the smallest shown team with answers per gemeente (-1: none); every shown team has >= min answers
        self.smallest = np.full(self.hidden_answers.shape, -1, dtype=np.int64)
        never = np.iinfo(np.int64).max
        for g, rows in enumerate(self.teams_of):
            if len(rows):
                sizes = np.where(shown[rows] & (self.n[rows] > 0), self.n[rows], never)
                self.smallest[g] = np.where(sizes.min(axis=0) < never, rows[sizes.argmin(axis=0)], -1)
        for v in range(self.n.shape[1]):
            for row in self._plan(v, shown[:, v]):
                self.reasons[row, v] = COMPLEMENTARY

    def _options(self, g: int, v: int, gemeente_shown: bool) -> list[_Option]:
        """The sensible choices for gemeente g: kept shown (with its smallest team hidden when its residual is
        too small), hidden, or hidden with its smallest shown team so the total's residual is large enough."""
        row, hidden, team = 1 + g, int(self.hidden_answers[g, v]), int(self.smallest[g, v])
        if not gemeente_shown:
            return [_Option(min(hidden, self.min), FREE)]
        options = []
        gemeente_n, team_n = int(self.n[row, v]), int(self.n[team, v]) if team >= 0 else 0
        if hidden == 0 or hidden >= self.min:
            options.append(_Option(0, FREE))
        elif team >= 0:
            options.append(_Option(0, (0, 0, 1, team_n), (team,)))
        if hidden > 0:
            options.append(_Option(min(hidden, self.min), (0, 1, 0, gemeente_n), (row,)))
        if team >= 0:
            options.append(_Option(min(hidden + team_n, self.min), (0, 1, 1, gemeente_n + team_n), (row, team)))
        return options

    def _plan(self, v: int, shown: np.ndarray) -> list[int]:
        """The rows to hide for variable v: the cheapest combination of gemeente options that leaves the
        total's residual group empty or at least `min` (any combination when the total is hidden anyway)."""
        choices = [self._options(g, v, bool(shown[1 + g])) for g in range(self.index.n_gemeenten)]
        if not shown[0]:
            return [row for options in choices for row in min(options, key=lambda o: o.cost).hide]
        # states: capped residual of the total -> (cost, chosen options)
        states: dict[int, tuple[Cost, tuple[_Option, ...]]] = {0: (FREE, ())}
        for options in choices:
            following: dict[int, tuple[Cost, tuple[_Option, ...]]] = {}
            for adds, (cost, chosen) in states.items():
                for option in options:
                    key, candidate = min(adds + option.adds, self.min), _plus(cost, option.cost)
                    if key not in following or candidate < following[key][0]:
                        following[key] = (candidate, chosen + (option,))
            states = following
        safe = [states[key] for key in (0, self.min) if key in states]
        if not safe:  # only when the total itself is below the minimum, which primary suppression already hides
            return [0] + [row for options in choices for row in min(options, key=lambda o: o.cost).hide]
        return [row for option in min(safe, key=lambda state: state[0])[1] for row in option.hide]
