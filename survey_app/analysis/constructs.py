"""Construct (scale) scores: per respondent the mean of the items after reverse coding, and Cronbach's alpha.

A respondent gets a score when at least `min_items` of the construct's items are answered; otherwise the
score is missing. Which items count, and whether a gemeente is scored at all, follows the questionnaire
variant of the respondent's gemeente (`variants.py`: `min_asked`, the items every scored gemeente was asked).
Reverse-coded items become `min + max - value` (the item's `code_range`) so that a higher score always means
the same direction.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from survey_app.analysis.organisation import ScopeIndex
from survey_app.analysis.scopestats import ScopeStats, stats_from_frame
from survey_app.analysis.variants import ConstructBasis, construct_basis
from survey_app.instruments.model import Construct, InstrumentSet


def construct_items(answers: pd.DataFrame, construct: Construct, instruments: InstrumentSet) -> pd.DataFrame:
    """The construct's item columns present in `answers`, as floats, with reverse-coded items reversed."""
    columns = {}
    for name in construct.items:
        if name not in answers.columns:
            continue
        values = pd.to_numeric(answers[name], errors="coerce").astype(np.float64)
        item = instruments.item(name)
        if item.reverse:
            bounds = item.code_range
            if bounds is None:
                raise ValueError(f"Item '{name}' van construct '{construct.name}' wordt omgescoord, "
                                 "maar heeft geen minimum en maximum.")
            values = bounds[0] + bounds[1] - values
        columns[name] = values
    return pd.DataFrame(columns, index=answers.index)


def construct_bases(answers: pd.DataFrame, constructs: Sequence[Construct],
                    instruments: InstrumentSet) -> dict[str, ConstructBasis]:
    """Per construct measured in this wave: its scored gemeenten and their items (empty without a `gemeente`
    column: then every respondent is scored on every item present)."""
    if "gemeente" not in answers.columns:
        return {}
    gemeenten = set(answers["gemeente"].dropna().astype(str))
    return {c.name: construct_basis(c, instruments, gemeenten, answers.columns) for c in constructs
            if sum(name in answers.columns for name in c.items) >= c.min_items}


def _scored(items: pd.DataFrame, minimum: int) -> pd.Series:
    """Each row's mean of the items when at least `minimum` of them are answered, else NaN."""
    return items.mean(axis=1).where(items.notna().sum(axis=1) >= minimum)


def construct_scores(answers: pd.DataFrame, constructs: Sequence[Construct],
                     instruments: InstrumentSet) -> pd.DataFrame:
    """One column per construct with each respondent's score (NaN when fewer than `min_items` answered, or
    when the respondent's gemeente was asked fewer than `min_asked` of the items).

    Constructs of which fewer than `min_items` items are in the data at all are left out: they were not
    measured in this wave.
    """
    bases = construct_bases(answers, constructs, instruments)
    scores = {}
    for construct in constructs:
        items = construct_items(answers, construct, instruments)
        if items.shape[1] < construct.min_items:
            continue
        basis = bases.get(construct.name)
        if basis is None:
            scores[construct.name] = _scored(items, construct.min_items)
            continue
        gemeente = answers["gemeente"].astype(object)
        if basis.comparable:
            score = _scored(items[list(basis.items)], construct.min_items)
            scores[construct.name] = score.where(gemeente.isin(list(basis.items_per_gemeente)))
            continue
        score = pd.Series(np.nan, index=answers.index, dtype=np.float64)
        for name, used in basis.items_per_gemeente.items():
            rows = (gemeente == name).to_numpy()
            score[rows] = _scored(items.loc[rows, list(used)], construct.min_items)
        scores[construct.name] = score
    return pd.DataFrame(scores, index=answers.index, dtype=np.float64)


def construct_statistics(scores: pd.DataFrame, index: ScopeIndex) -> ScopeStats:
    """n, mean, SD and median of every construct score per scope."""
    return stats_from_frame(scores, index)


def cronbach_alpha(items: pd.DataFrame) -> tuple[float | None, int]:
    """Cronbach's alpha over the respondents with all items answered (listwise), and that number.

    alpha = k / (k - 1) * (1 - sum of item variances / variance of the sum score), variances with ddof=1.
    None when it is undefined: fewer than two items or respondents, or no variance in the sum score.
    """
    complete = items.dropna(how="any").to_numpy(dtype=np.float64)
    n, k = complete.shape
    if k < 2 or n < 2:
        return None, n
    total_variance = complete.sum(axis=1).var(ddof=1)
    if total_variance == 0:
        return None, n
    item_variances = complete.var(axis=0, ddof=1).sum()
    return float(k / (k - 1) * (1 - item_variances / total_variance)), n


def construct_alphas(answers: pd.DataFrame, constructs: Sequence[Construct],
                     instruments: InstrumentSet) -> dict[str, dict]:
    """Cronbach's alpha per construct over the respondents of the scored gemeenten, on the items the scores use,
    with listwise n and number of items k."""
    bases = construct_bases(answers, constructs, instruments)
    out = {}
    for construct in constructs:
        items = construct_items(answers, construct, instruments)
        if items.shape[1] < construct.min_items:
            continue
        if (basis := bases.get(construct.name)) is not None:
            scored = answers["gemeente"].astype(object).isin(list(basis.items_per_gemeente)).to_numpy()
            items = items.loc[scored, list(basis.items)]
        alpha, n = cronbach_alpha(items)
        out[construct.name] = {"alpha": alpha, "n": n, "k": items.shape[1]}
    return out
