"""Conditional percentages of yes/no grids: a column given as a share of those who answered ja in another
column of the same row (Tabel 4: "beschikt over de vaardigheden" of those who *do* the activity).

For a cell `<grid>_<row>_<column>` whose column declares `conditional_on: <base>`, the base group of a scope
is its respondents with `<grid>_<row>_<base>` = 1 who answered the cell; the figure is n (that base) and the
% ja / nee within it. Disclosure control treats the base group like any cell (`disclosure.disclosure_reasons`
on the base n per scope). Because the grid's ordinary % ja of the same cell is published too, the ordinary
figure minus the conditional one describes the *complement* (who answered the cell but not ja on the base);
the conditional figure of a scope is therefore also hidden wherever that complement group would be hidden
(`complement_below_min`), so neither group can be isolated by subtracting the two.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from survey_app.analysis.disclosure import NO_ANSWERS, SHOWN, disclosure_reasons
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
    reasons = disclosure_reasons(stats.n, scope_n, index, minimum)
    complement = item_statistics(outside, variables, index)
    complement_reasons = disclosure_reasons(complement.n, scope_n, index, minimum)
    unsafe = (complement_reasons != SHOWN) & (complement_reasons != NO_ANSWERS) & (reasons == SHOWN)
    reasons[unsafe] = COMPLEMENT_BELOW_MIN
    out = scope_entries(stats, reasons, index, {v.name: v.kind for v in variables})
    for name, per_scope in out.items():
        for entry in per_scope.values():
            if not entry.get("suppressed"):
                entry["given"] = cells[name][1]
    return out
