"""Item statistics per scope: n, % per answer code, mean, SD, median; % per option for multiple choice.

Variables of kind "code" and "yesno" are counted per team and code in one pass each and rolled up to
gemeenten and total; "number" variables go through a groupby per level; "codes" (select_multiple) give the
percentage of respondents who answered the question choosing each option, with their "anders, namelijk"
texts kept per scope for coding. Text variables are not items here: see `open_answers`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from survey_app.analysis.organisation import ScopeIndex
from survey_app.analysis.scopestats import (
    ScopeStats,
    code_counts,
    percent_from_counts,
    stats_from_counts,
    stats_from_frame,
    texts_per_scope,
)
from survey_app.instruments.model import Variable

NUMERIC_KINDS = frozenset({"code", "number", "yesno"})


def item_statistics(answers: pd.DataFrame, variables: Sequence[Variable], index: ScopeIndex) -> ScopeStats:
    """Statistics of every non-text variable present in `answers`, for every scope of `index`."""
    present = [v for v in variables if v.name in answers.columns and v.kind != "text"]
    texts = {v.name for v in variables if v.kind == "text" and v.name in answers.columns}
    parts: list[ScopeStats] = []
    numbers = [v.name for v in present if v.kind == "number" or (v.kind in ("code", "yesno") and not _codes(v))]
    for variable in present:
        if variable.kind in ("code", "yesno") and _codes(variable):
            parts.append(_coded_stats(answers[variable.name], variable, index))
        elif variable.kind == "codes":
            other = f"{variable.name}_other"
            parts.append(_multiple_stats(answers[variable.name], variable, index,
                                         answers[other] if other in texts else None))
    if numbers:
        parts.append(stats_from_frame(answers[numbers].apply(pd.to_numeric, errors="coerce"), index))
    stats = ScopeStats.concat(parts, index.n_scopes)
    order = {v.name: i for i, v in enumerate(present)}
    return _reorder(stats, sorted(stats.variables, key=order.__getitem__))


def _coded_stats(values: pd.Series, variable: Variable, index: ScopeIndex) -> ScopeStats:
    """Statistics of one single-code variable from its counts per scope and code."""
    labels = _codes(variable)
    codes = np.array(sorted(labels), dtype=np.float64)
    counts = code_counts(pd.to_numeric(values, errors="coerce").to_numpy(dtype=np.float64), codes, index)
    n, mean, sd, median = stats_from_counts(counts, codes)
    percent = percent_from_counts(counts, n)
    by_code = {str(int(code)): percent[:, i] for i, code in enumerate(codes)}
    ordered = {str(code): by_code[str(code)] for code in labels}
    return ScopeStats([variable.name], n[:, None], mean[:, None], sd[:, None], median[:, None],
                      percent={variable.name: ordered})


def _codes(variable: Variable) -> list[int]:
    """The integer answer codes of a single-code variable, in scale order."""
    return [c.code for c in variable.choices if isinstance(c.code, int) and not isinstance(c.code, bool)]


def _multiple_stats(values: pd.Series, variable: Variable, index: ScopeIndex,
                    other: pd.Series | None) -> ScopeStats:
    """% of respondents who answered a select_multiple question choosing each option, per scope."""
    codes = [str(c.code) for c in variable.choices]
    # answers are few distinct combinations of codes: split each distinct answer once, then count by matrix
    combination, distinct = pd.factorize(values.astype(object).where(values.notna(), ""), use_na_sentinel=False)
    chosen = np.array([[code in str(answer).split() for code in codes] for answer in distinct], dtype=np.int64)
    answered = np.array([bool(str(answer).split()) for answer in distinct], dtype=bool)[combination]
    n = index.roll_up(np.bincount(index.team[answered], minlength=index.n_teams)).astype(np.int64)
    per_combination = np.bincount(index.team * len(distinct) + combination,
                                  minlength=index.n_teams * len(distinct)).reshape(index.n_teams, len(distinct))
    per_team = per_combination @ chosen.reshape(len(distinct), len(codes))
    percent = percent_from_counts(index.roll_up(per_team), n)
    empty = np.full((index.n_scopes, 1), np.nan)
    stats = ScopeStats([variable.name], n[:, None], empty, empty.copy(), empty.copy(),
                       percent={variable.name: {code: percent[:, i] for i, code in enumerate(codes)}})
    if other is not None:
        stats.other[variable.name] = texts_per_scope(other, index)
    return stats


def open_answers(answers: pd.DataFrame, variables: Sequence[Variable], index: ScopeIndex) -> dict[str, list]:
    """The texts of every open question (text variables, not "anders, namelijk") per scope row."""
    multiple = {v.name for v in variables if v.kind == "codes"}
    return {
        v.name: texts_per_scope(answers[v.name], index)
        for v in variables
        if v.kind == "text" and v.name in answers.columns and v.name.removesuffix("_other") not in multiple
    }


def _reorder(stats: ScopeStats, variables: list[str]) -> ScopeStats:
    """The same statistics with columns in the given variable order (questionnaire order)."""
    where = {v: i for i, v in enumerate(stats.variables)}
    position = [where[v] for v in variables]
    return ScopeStats(variables, stats.n[:, position], stats.mean[:, position], stats.sd[:, position],
                      stats.median[:, position], stats.percent, stats.other)
