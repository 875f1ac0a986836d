"""Conditional percentages of yes/no grids: a column given as a share of those who answered ja in another
column of the same row (Tabel 4: "beschikt over de vaardigheden" of those who *do* the activity).

For a cell `<grid>_<row>_<column>` whose column declares `conditional_on: <base>`, the base group of a scope
is its respondents with `<grid>_<row>_<base>` = 1 who answered the cell; the figure is n (that base) and the
% ja / nee within it. Disclosure control treats the base group like any cell (`disclosure.disclosure_reasons`
on the base n per scope). Because the grid's ordinary % ja of the same cell is published too, the ordinary
figure minus the conditional one describes the *complement* (who answered the cell but not ja on the base).
So a conditional figure is shown only where the ordinary one is, and further ones are hidden
(`complement_below_min`) until no base group and no complement group of 1 .. min_cell_size - 1 answers is
left over by subtracting published figures (`conditional_reasons`; tests/analysis/test_conditional.py checks
this as a linear system over both groups).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from survey_app.analysis.disclosure import SHOWN, disclosure_reasons
from survey_app.analysis.items import item_statistics
from survey_app.analysis.organisation import ScopeIndex
from survey_app.analysis.output import scope_entries
from survey_app.instruments.model import InstrumentSet, ItemType, Variable

COMPLEMENT_BELOW_MIN = "complement_below_min"


def conditional_cells(instruments: InstrumentSet) -> dict[str, tuple[Variable, str]]:
    """{cell variable: (its Variable, base variable)} of every conditional grid column, in questionnaire order."""
    out = {}
    for item in instruments.items:
        if item.type != ItemType.YESNO_GRID:
            continue
        for row in item.rows:
            for column in item.columns:
                if column.conditional_on:
                    cell = f"{item.name}_{row.name}_{column.name}"
                    variable = next(v for v in item.variables() if v.name == cell)
                    out[cell] = (variable, f"{item.name}_{row.name}_{column.conditional_on}")
    return out


def conditional_frames(answers: pd.DataFrame, cells: dict[str, tuple[Variable, str]]) -> tuple[pd.DataFrame,
                                                                                                pd.DataFrame]:
    """(the cells kept only where the base is ja, the cells kept only where it is not): one column per cell."""
    within, outside = {}, {}
    for name, (_, base) in cells.items():
        values = pd.to_numeric(answers[name], errors="coerce").astype(np.float64)
        is_base = (pd.to_numeric(answers[base], errors="coerce") == 1).to_numpy()
        within[name] = values.where(is_base)
        outside[name] = values.where(~is_base)
    return pd.DataFrame(within, index=answers.index), pd.DataFrame(outside, index=answers.index)


def conditional_reasons(within_n: np.ndarray, outside_n: np.ndarray, scope_n: np.ndarray, index: ScopeIndex,
                        minimum: int) -> np.ndarray:
    """Disclosure reasons of conditional cells (scopes x cells) from the base group's n (`within_n`) and the
    complement's n (`outside_n`: answered the cell, not ja on the base), both per scope.

    Start from `disclosure_reasons` on the base n; show a conditional figure only where the item's ordinary
    figure (n = base + complement) is shown too, so the complement of a shown scope is exactly ordinary minus
    conditional; then, as long as some shown scope minus its largest shown sub-scopes leaves a base group or a
    complement group of 1 .. minimum - 1 answers, hide that scope (`complement_below_min`).
    """
    reasons = disclosure_reasons(within_n, scope_n, index, minimum)
    ordinary = disclosure_reasons(within_n + outside_n, scope_n, index, minimum)
    reasons[(ordinary != SHOWN) & (reasons == SHOWN)] = COMPLEMENT_BELOW_MIN
    members = _membership(index)
    teams = index.team_rows
    for column in range(reasons.shape[1]):
        counts = (within_n[teams, column], outside_n[teams, column])
        while (row := _unsafe_scope(reasons[:, column] == SHOWN, members, counts, minimum)) is not None:
            reasons[_to_hide(row, reasons[:, column] == SHOWN, members, counts, minimum), column] = COMPLEMENT_BELOW_MIN
    return reasons


def _membership(index: ScopeIndex) -> np.ndarray:
    """scopes x teams: which teams each scope (total, gemeenten, teams) holds."""
    members = np.zeros((index.n_scopes, index.n_teams), dtype=bool)
    members[0] = True
    members[1 + index.team_gemeente, np.arange(index.n_teams)] = True
    members[1 + index.n_gemeenten + np.arange(index.n_teams), np.arange(index.n_teams)] = True
    return members


def _inside(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether team set a lies strictly inside team set b."""
    return not (a & ~b).any() and bool((b & ~a).any())


def _largest_inside(row: int, shown: np.ndarray, members: np.ndarray) -> list[int]:
    """The largest shown scopes strictly inside scope `row`: what a reader subtracts from it."""
    inside = [r for r in np.flatnonzero(shown) if _inside(members[r], members[row])]
    return [r for r in inside if not any(_inside(members[r], members[q]) for q in inside)]


def _residual_unsafe(row: int, shown: np.ndarray, members: np.ndarray, counts: tuple[np.ndarray, ...],
                     minimum: int) -> bool:
    """Whether scope `row` minus its largest shown sub-scopes leaves 1 .. minimum - 1 answers in a group."""
    maximal = _largest_inside(row, shown, members)
    residual = members[row] & ~members[maximal].any(axis=0) if maximal else members[row]
    return any(0 < int(group[residual].sum()) < minimum for group in counts)


def _unsafe_scope(shown: np.ndarray, members: np.ndarray, counts: tuple[np.ndarray, ...],
                  minimum: int) -> int | None:
    """A shown scope whose residual is unsafe (teams first, the total last), or None when all are safe."""
    for row in np.flatnonzero(shown)[::-1]:
        if _residual_unsafe(int(row), shown, members, counts, minimum):
            return int(row)
    return None


def _to_hide(row: int, shown: np.ndarray, members: np.ndarray, counts: tuple[np.ndarray, ...], minimum: int) -> int:
    """Which scope to hide for an unsafe residual of `row`: the smallest of its largest shown sub-scopes whose
    hiding makes the residual safe (so a gemeente or the total stays shown), else `row` itself."""
    sizes = sum(counts)
    candidates = sorted(_largest_inside(row, shown, members), key=lambda r: (int(sizes[members[r]].sum()), -r))
    for candidate in candidates:
        trial = shown.copy()
        trial[candidate] = False
        if not _residual_unsafe(row, trial, members, counts, minimum):
            return candidate
    return row


def conditional_statistics(answers: pd.DataFrame, instruments: InstrumentSet, index: ScopeIndex,
                           scope_n: np.ndarray, minimum: int) -> dict[str, dict[str, dict]]:
    """{cell: {scope: {n, mean, sd, median, percent, given}} or suppressed} of the conditional grid columns
    present in the answers; `n` is the base (who answered ja on `given`, the base variable) and answered."""
    cells = {name: spec for name, spec in conditional_cells(instruments).items()
             if name in answers.columns and spec[1] in answers.columns}
    if not cells:
        return {}
    within, outside = conditional_frames(answers, cells)
    variables = [variable for variable, _ in cells.values()]
    stats = item_statistics(within, variables, index)
    complement = item_statistics(outside, variables, index)
    reasons = conditional_reasons(stats.n, complement.n, scope_n, index, minimum)
    out = scope_entries(stats, reasons, index, {v.name: v.kind for v in variables})
    for name, per_scope in out.items():
        for entry in per_scope.values():
            if not entry.get("suppressed"):
                entry["given"] = cells[name][1]
    return out
