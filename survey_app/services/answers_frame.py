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
    """Read every response of the wave in two Core queries and pivot the long answer rows into columns.

    Core statements on the session's connection and plain tuples keep this close to the driver's own speed:
    a wave of 100,000 respondents has some 15 million answer rows.
    """
    respondents = _frame(
        select(Response.id, Gemeente.slug, Team.slug)
        .join(Team, Team.id == Response.team_id)
        .join(Gemeente, Gemeente.id == Team.gemeente_id)
        .where(Response.wave_id == wave.id)
        .order_by(Response.id),
        ["response_id", "gemeente", "team"],
    )
    wave_responses = select(Response.id).where(Response.wave_id == wave.id).scalar_subquery()
    long = _frame(
        select(Answer.response_id, Answer.variable, Answer.value).where(Answer.response_id.in_(wave_responses)),
        ["response_id", "variable", "value"],
    )
    return answers_to_frame(respondents, long, instruments)


def _frame(statement, names: list[str]) -> pd.DataFrame:
    """Run a Core statement and build the DataFrame column-wise: pandas probing each Row object is slow."""
    rows = db.session.connection().execute(statement).fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    return pd.DataFrame({name: np.asarray(column, dtype=object) for name, column in zip(names, columns, strict=True)})


def answers_to_frame(respondents: pd.DataFrame, long: pd.DataFrame, instruments: InstrumentSet) -> pd.DataFrame:
    """Place (response_id, variable, value) rows in a respondents x variables grid, typed by variable kind."""
    variables = instruments.variables()
    row_of = pd.Index(respondents["response_id"]).get_indexer(long["response_id"])
    column_of = pd.Index([v.name for v in variables]).get_indexer(long["variable"])
    known = (row_of >= 0) & (column_of >= 0)  # answers to variables no longer in the instruments are ignored
    grid = np.full((len(respondents), len(variables)), None, dtype=object)
    grid[row_of[known], column_of[known]] = long["value"].to_numpy(dtype=object)[known]
    columns = {}
    for position, variable in enumerate(variables):
        raw = grid[:, position]
        if variable.kind in NUMERIC_KINDS:
            columns[variable.name] = pd.to_numeric(pd.Series(raw), errors="coerce").astype(float)
        else:
            columns[variable.name] = pd.Series(raw, dtype=object)
    frame = pd.DataFrame(columns)
    frame.insert(0, "team", respondents["team"].to_numpy())
    frame.insert(0, "gemeente", respondents["gemeente"].to_numpy())
    return frame
