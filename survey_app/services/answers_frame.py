"""A wave's stored answers as the wide DataFrame the analysis layer and the exports take.

One row per response: `gemeente`, `team`, then one column per variable of the wave's instruments, with
codes, numbers and yes/no as floats (NaN = not answered) and multiple choice and text as strings.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.instruments.model import InstrumentSet
from survey_app.models import Answer, Gemeente, Response, Team, Wave

NUMERIC_KINDS = ("code", "number", "yesno")


def load_answers_frame(wave: Wave, instruments: InstrumentSet) -> pd.DataFrame:
    """Read every response of the wave in two queries and pivot the long answer rows into columns."""
    respondents = pd.DataFrame(
        db.session.execute(
            select(Response.id, Gemeente.slug.label("gemeente"), Team.slug.label("team"))
            .join(Team, Team.id == Response.team_id)
            .join(Gemeente, Gemeente.id == Team.gemeente_id)
            .where(Response.wave_id == wave.id)
            .order_by(Response.id)
        ).all(),
        columns=["response_id", "gemeente", "team"],
    )
    long = pd.DataFrame(
        db.session.execute(
            select(Answer.response_id, Answer.variable, Answer.value)
            .join(Response, Response.id == Answer.response_id)
            .where(Response.wave_id == wave.id)
        ).all(),
        columns=["response_id", "variable", "value"],
    )
    return answers_to_frame(respondents, long, instruments)


def answers_to_frame(respondents: pd.DataFrame, long: pd.DataFrame, instruments: InstrumentSet) -> pd.DataFrame:
    """Pivot (response_id, variable, value) rows to one column per variable, typed by variable kind."""
    variables = instruments.variables()
    wide = long.pivot(index="response_id", columns="variable", values="value") if len(long) else pd.DataFrame()
    frame = respondents.set_index("response_id")
    columns = {}
    for variable in variables:
        raw = wide[variable.name].reindex(frame.index) if variable.name in wide.columns else None
        if variable.kind in NUMERIC_KINDS:
            columns[variable.name] = (pd.to_numeric(raw, errors="coerce").astype(float) if raw is not None
                                      else pd.Series(np.nan, index=frame.index, dtype=float))
        else:
            columns[variable.name] = (raw.astype(object).where(raw.notna(), None) if raw is not None
                                      else pd.Series(None, index=frame.index, dtype=object))
    result = pd.concat([frame[["gemeente", "team"]], pd.DataFrame(columns, index=frame.index)], axis=1)
    return result.reset_index(drop=True)
