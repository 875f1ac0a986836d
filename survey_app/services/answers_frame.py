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


#: answer rows read per batch: large enough for vectorised work, small enough to keep memory flat
BATCH_ROWS = 250_000


def load_answers_frame(wave: Wave, instruments: InstrumentSet) -> pd.DataFrame:
    """Read every response of the wave and place its long answer rows into the wide frame, in batches.

    A wave of 100,000 respondents has some 15 million answer rows; reading them in batches straight into
    a float grid (numbers) and an object grid (text) keeps memory near the size of the result.
    """
    connection = db.session.connection()
    respondents = connection.execute(
        select(Response.id, Gemeente.slug, Team.slug)
        .join(Team, Team.id == Response.team_id)
        .join(Gemeente, Gemeente.id == Team.gemeente_id)
        .where(Response.wave_id == wave.id)
        .order_by(Response.id)
    ).fetchall()
    ids, gemeenten, teams = (list(column) for column in zip(*respondents, strict=True)) if respondents \
        else ([], [], [])
    grid = AnswerGrid(ids, instruments)
    wave_responses = select(Response.id).where(Response.wave_id == wave.id).scalar_subquery()
    result = connection.execute(
        select(Answer.response_id, Answer.variable, Answer.value).where(Answer.response_id.in_(wave_responses)),
        execution_options={"stream_results": True, "max_row_buffer": BATCH_ROWS},  # this statement only
    )
    for batch in result.partitions(BATCH_ROWS):
        grid.add(*zip(*batch, strict=True))
    return grid.frame(gemeenten, teams)


class AnswerGrid:
    """Respondents x variables, filled from (response_id, variable, value) rows, typed by variable kind."""

    def __init__(self, response_ids: list[str], instruments: InstrumentSet):
        variables = instruments.variables()
        self.rows = pd.Index(response_ids)
        self.numeric = [v.name for v in variables if v.kind in NUMERIC_KINDS]
        self.textual = [v.name for v in variables if v.kind not in NUMERIC_KINDS]
        self.order = [v.name for v in variables]
        self.numbers = np.full((len(response_ids), len(self.numeric)), np.nan)
        self.texts = np.full((len(response_ids), len(self.textual)), None, dtype=object)
        self.numeric_index, self.text_index = pd.Index(self.numeric), pd.Index(self.textual)

    def add(self, response_ids, variables, values) -> None:
        """Place one batch; answers to variables no longer in the instruments are ignored."""
        rows = self.rows.get_indexer(response_ids)
        values = np.asarray(values, dtype=object)
        numeric_columns = self.numeric_index.get_indexer(variables)
        hit = (rows >= 0) & (numeric_columns >= 0)
        self.numbers[rows[hit], numeric_columns[hit]] = pd.to_numeric(values[hit], errors="coerce")
        text_columns = self.text_index.get_indexer(variables)
        hit = (rows >= 0) & (text_columns >= 0)
        self.texts[rows[hit], text_columns[hit]] = values[hit]

    def frame(self, gemeenten: list[str], teams: list[str]) -> pd.DataFrame:
        """The wide frame: gemeente, team, then the variables in instrument order."""
        columns = {"gemeente": np.asarray(gemeenten, dtype=object), "team": np.asarray(teams, dtype=object)}
        columns.update({name: self.numbers[:, i] for i, name in enumerate(self.numeric)})
        columns.update({name: pd.Series(self.texts[:, i], dtype=object) for i, name in enumerate(self.textual)})
        return pd.DataFrame(columns)[["gemeente", "team", *self.order]]

