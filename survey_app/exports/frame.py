"""The anonymous answers table every export starts from."""

from __future__ import annotations

import pandas as pd

from survey_app.instruments.model import InstrumentSet
from survey_app.models import Wave
from survey_app.services.answers_frame import load_answers_frame

FIXED_COLUMNS = ("gemeente", "team")


def export_columns(instruments: InstrumentSet) -> list[str]:
    """The columns of an export, in order: gemeente, team, then every variable in questionnaire order."""
    return [*FIXED_COLUMNS, *(variable.name for variable in instruments.variables())]


def anonymous_frame(wave: Wave, instruments: InstrumentSet) -> pd.DataFrame:
    """The wave's answers with exactly the export columns: no response id, token, draft or date."""
    frame = load_answers_frame(wave, instruments)
    return frame.loc[:, export_columns(instruments)].reset_index(drop=True)
