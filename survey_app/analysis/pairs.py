"""Difference scores of item pairs: a - b per respondent who answered both.

Two kinds share the computation: competence gaps (ik wil toewerken naar - ik beschik over, Tabel 5/6 of
the 2017 report) and attitude/behaviour gaps (belang - gedrag). The instrument's pair defines which item is
`a` and which is `b`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from survey_app.analysis.organisation import ScopeIndex
from survey_app.analysis.scopestats import ScopeStats, stats_from_frame
from survey_app.instruments.model import Pair

PAIR_KINDS = ("competence", "attitude")


def difference_scores(answers: pd.DataFrame, pairs: Sequence[Pair]) -> pd.DataFrame:
    """One column per pair with a - b for every respondent who answered both (NaN otherwise).

    Pairs whose items are not both in the data are left out: they were not measured in this wave.
    """
    columns = {}
    for pair in pairs:
        if pair.kind not in PAIR_KINDS:
            raise ValueError(f"Paar '{pair.name}' heeft onbekende soort '{pair.kind}'.")
        if pair.a in answers.columns and pair.b in answers.columns:
            a = pd.to_numeric(answers[pair.a], errors="coerce").astype(np.float64)
            b = pd.to_numeric(answers[pair.b], errors="coerce").astype(np.float64)
            columns[pair.name] = a - b
    return pd.DataFrame(columns, index=answers.index, dtype=np.float64)


def pair_statistics(differences: pd.DataFrame, index: ScopeIndex) -> ScopeStats:
    """n, mean, SD and median of every difference score per scope."""
    return stats_from_frame(differences, index)
