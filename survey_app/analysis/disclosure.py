"""Disclosure control: which scope figures of which variable may be shown, and why the others are not.

Every published figure (n, mean, SD, percentages) is a sum over the teams of its scope, so a reader can
subtract published figures from each other. For a shown scope, subtracting its shown sub-scopes (the
largest shown scopes inside it) leaves a *residual* group of respondents whose figures are thereby revealed.
The rules, per variable (n differs per item):

1. primary: a scope with fewer than `min_cell_size` respondents is hidden for every variable
   (`scope_n_below_min`); within a shown scope a variable with fewer valid answers is hidden
   (`item_n_below_min`, or `no_answers` when nobody answered it, which reveals nothing);
2. complementary: whenever a shown gemeente or total has a residual of 1 to `min_cell_size - 1`
   respondents (for instance one hidden team, which parent minus its shown siblings would reveal), the
   next-smallest shown child that enlarges the residual is hidden too (`complementary`); when no child can,
   the parent itself is hidden (`complementary`), which moves its residual up to the level above.

This repeats over the hierarchy total > gemeente > team until nothing changes. Afterwards every group that
can be recovered by subtraction has zero or at least `min_cell_size` respondents.
"""

from __future__ import annotations

import numpy as np

from survey_app.analysis.organisation import ScopeIndex

SCOPE_N_BELOW_MIN = "scope_n_below_min"
ITEM_N_BELOW_MIN = "item_n_below_min"
NO_ANSWERS = "no_answers"
COMPLEMENTARY = "complementary"
SHOWN = ""


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


def residuals(n: np.ndarray, shown: np.ndarray, index: ScopeIndex) -> tuple[np.ndarray, np.ndarray]:
    """The groups revealed by subtraction: residual n per gemeente (G x V) and of the total (V).

    A hidden scope has residual 0 (nothing is subtracted from an unpublished figure).
    """
    gem, team = index.gemeente_rows, index.team_rows
    covered = np.zeros_like(n[gem])
    np.add.at(covered, index.team_gemeente, n[team] * shown[team])
    gemeente = np.where(shown[gem], n[gem] - covered, 0)
    orphan_teams = shown[team] & ~shown[gem][index.team_gemeente]
    total = n[0] - (n[gem] * shown[gem]).sum(axis=0) - (n[team] * orphan_teams).sum(axis=0)
    return gemeente, np.where(shown[0], total, 0)


class _Complementary:
    """Complementary suppression over the hierarchy, in place on `reasons`, until stable."""

    def __init__(self, n: np.ndarray, reasons: np.ndarray, index: ScopeIndex, min_cell_size: int):
        self.n, self.reasons, self.index, self.min = n, reasons, index, min_cell_size
        self.team_offset = 1 + index.n_gemeenten
        self.teams_of = [np.flatnonzero(index.team_gemeente == g) for g in range(index.n_gemeenten)]

    def run(self) -> None:
        while True:
            shown = self.reasons == SHOWN
            gemeente, total = residuals(self.n, shown, self.index)
            unsafe_gemeenten = np.argwhere((gemeente > 0) & (gemeente < self.min))
            unsafe_total = np.flatnonzero((total > 0) & (total < self.min))
            if not len(unsafe_gemeenten) and not len(unsafe_total):
                return
            for g, v in unsafe_gemeenten:
                self._cover_gemeente(int(g), int(v))
            for v in unsafe_total:
                self._cover_total(int(v))

    def _hide(self, row: int, v: int) -> None:
        self.reasons[row, v] = COMPLEMENTARY

    def _shown(self, row: int, v: int) -> bool:
        return self.reasons[row, v] == SHOWN

    def _cover_gemeente(self, g: int, v: int) -> None:
        """Hide the smallest shown teams of gemeente g until its residual is safe, else the gemeente."""
        while self._shown(1 + g, v):
            shown = self.reasons[:, v] == SHOWN
            residual = residuals(self.n[:, v:v + 1], shown[:, None], self.index)[0][g, 0]
            if residual == 0 or residual >= self.min:
                return
            rows = self.team_offset + self.teams_of[g]
            candidates = [(int(self.n[r, v]), int(r)) for r in rows if shown[r] and self.n[r, v] > 0]
            if candidates:
                self._hide(min(candidates)[1], v)
            else:
                self._hide(1 + g, v)

    def _cover_total(self, v: int) -> None:
        """Hide the shown child (gemeente, or team of a hidden gemeente) adding least to the total's residual
        until it is safe; hide the total when no child can."""
        index = self.index
        while self._shown(0, v):
            shown = self.reasons[:, v] == SHOWN
            gemeente, total = residuals(self.n[:, v:v + 1], shown[:, None], index)
            if total[0] == 0 or total[0] >= self.min:
                return
            candidates = [(int(gemeente[g, 0]), 1 + g) for g in range(index.n_gemeenten) if gemeente[g, 0] > 0]
            candidates += [
                (int(self.n[self.team_offset + t, v]), self.team_offset + t)
                for t in range(index.n_teams)
                if shown[self.team_offset + t] and not shown[1 + index.team_gemeente[t]]
                and self.n[self.team_offset + t, v] > 0
            ]
            self._hide(min(candidates)[1] if candidates else 0, v)
