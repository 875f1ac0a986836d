"""Response per team, gemeente and total: invited, responded and the response rate in percent.

Response counts are not answers: they are published for every team (Tabel 2 of the report lists them per
gemeente and year) and are therefore not subject to disclosure control.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from survey_app.analysis.organisation import Organisation, ScopeIndex


def response_rates(answers: pd.DataFrame, organisation: Organisation) -> dict[str, dict]:
    """{scope id: {invited, responded, rate}} with the rate as an unrounded percentage.

    The invited count of a gemeente or the total is the sum of its teams' headcounts; it is None (and so
    is the rate) when a headcount of one of its teams is unknown. The rate is None when nobody was invited.
    """
    index = ScopeIndex(organisation, answers["team"])
    responded = index.respondents()
    known = np.array([t.slug in organisation.headcounts for t in organisation.teams], dtype=np.int64)
    invited = np.array([organisation.headcounts.get(t.slug, 0) for t in organisation.teams], dtype=np.int64)
    invited_sum = index.roll_up(invited)
    unknown = index.roll_up(1 - known) > 0
    out = {}
    for row, scope in enumerate(index.ids):
        count = None if unknown[row] else int(invited_sum[row])
        rate = responded[row] * 100.0 / count if count else None
        out[scope] = {"invited": count, "responded": int(responded[row]), "rate": rate}
    return out
