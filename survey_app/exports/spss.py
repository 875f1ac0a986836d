"""The SPSS file of a wave, laid out so that the files of every wave of a series merge as they are.

- Every variable's measure comes from its measurement level (nominal, ordinal, interval → scale); gemeente,
  team and texts are nominal.
- A multiple choice is one 0/1 variable per option, `<name>_<code>` (SPSS's multiple-dichotomy set), with
  value labels 1 = gekozen, 0 = niet gekozen; a respondent who did not answer the question has all of them
  missing (not 0). The "anders, namelijk" text stays a string. The file's documents (DISPLAY DOCUMENTS) hold
  the MRSETS syntax that defines each set.
- String widths are fixed by the instrument, not by the data: 3 bytes per allowed character (`max_length` of
  the item; 200 for an "anders" text), which holds any Dutch text in UTF-8, and 64 for gemeente and team (the
  length of a slug). ADD FILES (or pyreadstat + pandas) then finds the same width in every wave. pyreadstat
  sizes a string column by its longest value, so the first row's value is padded with spaces to the width;
  SPSS ignores trailing spaces and readers strip them. A file without rows cannot carry a width.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd
import pyreadstat

from survey_app.exports.labels import FIXED_LABELS, value_labels, variable_label
from survey_app.instruments.model import OTHER_MAX_LENGTH, InstrumentSet, ItemType, Variable

BYTES_PER_CHARACTER = 3
MAX_STRING_WIDTH = 32767  #: SPSS's longest string variable
SLUG_WIDTH = 64  #: gemeente and team slugs are at most 64 characters (models/org.py)
MEASURES = {"nominal": "nominal", "ordinal": "ordinal", "interval": "scale"}
DOCUMENT_LINE = 80  #: SPSS document lines are 80 bytes


def sav_variables(instruments: InstrumentSet) -> list[Variable]:
    """The variables of the SPSS file in questionnaire order: a multiple choice as its option variables."""
    out: list[Variable] = []
    for item in instruments.items:
        for variable in item.variables():
            out.extend(item.option_variables() if variable.kind == "codes" else (variable,))
    return out


def string_widths(instruments: InstrumentSet) -> dict[str, int]:
    """Width in bytes of every string column: fixed by the instrument, the same in every wave."""
    widths = {name: SLUG_WIDTH for name in FIXED_LABELS}
    for item in instruments.items:
        for variable in item.variables():
            if variable.kind != "text":
                continue
            characters = item.max_length if variable.name == item.name and item.max_length else OTHER_MAX_LENGTH
            widths[variable.name] = min(MAX_STRING_WIDTH, BYTES_PER_CHARACTER * characters)
    return widths


def _dichotomies(answers: pd.Series, variables: list[Variable]) -> dict[str, np.ndarray]:
    """0/1 per option for respondents who answered, NaN for all options of those who did not."""
    chosen = [set(str(a).split()) if isinstance(a, str) and a.strip() else None for a in answers]
    out = {}
    for variable in variables:
        code = variable.name.removeprefix(f"{variable.item}_")
        out[variable.name] = np.array([np.nan if c is None else float(code in c) for c in chosen])
    return out


def _strings(values: pd.Series, width: int) -> list[str]:
    """Texts with '' for missing; the first padded with spaces to `width` bytes so the column gets that width."""
    texts = ["" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v) for v in values]
    if texts:
        texts[0] += " " * max(0, width - len(texts[0].encode("utf-8")))
    return texts


def sav_frame(frame: pd.DataFrame, instruments: InstrumentSet) -> pd.DataFrame:
    """The export frame (gemeente, team, variables) in the SPSS layout."""
    widths = string_widths(instruments)
    columns: dict[str, object] = {name: _strings(frame[name], widths[name]) for name in FIXED_LABELS}
    for item in instruments.items:
        for variable in item.variables():
            if variable.kind == "codes":
                columns.update(_dichotomies(frame[variable.name], list(item.option_variables())))
            elif variable.kind == "text":
                columns[variable.name] = _strings(frame[variable.name], widths[variable.name])
            else:
                columns[variable.name] = pd.to_numeric(frame[variable.name], errors="coerce").astype(np.float64)
    return pd.DataFrame(columns, index=pd.RangeIndex(len(frame)))


def mrsets_syntax(instruments: InstrumentSet) -> list[str]:
    """SPSS syntax defining every multiple-dichotomy set, in lines of at most 80 bytes."""
    lines: list[str] = []
    for item in instruments.items:
        if item.type != ItemType.SELECT_MULTIPLE or not item.option_variables():
            continue
        names = " ".join(v.name for v in item.option_variables())
        command = (f"MRSETS /MDGROUP NAME=${item.name} CATEGORYLABELS=VARLABELS VARIABLES={names} VALUE=1.")
        lines += textwrap.wrap(command, DOCUMENT_LINE, break_long_words=False, subsequent_indent="  ")
    return lines


def write_sav(frame: pd.DataFrame, instruments: InstrumentSet, path) -> None:
    """An SPSS file in the layout above, with variable and value labels and the measure of every variable."""
    variables = sav_variables(instruments)
    labels = dict(FIXED_LABELS) | {v.name: variable_label(v) for v in variables}
    measures = {name: "nominal" for name in FIXED_LABELS}
    measures |= {v.name: MEASURES[v.level.value] if v.level else "nominal" for v in variables}
    value_label_map = {v.name: codes for v in variables if (codes := value_labels(v))}
    syntax = mrsets_syntax(instruments)
    notes = ["Meervoudige antwoorden: 0/1 per optie; definieer de sets met:", *syntax] if syntax else None
    data = sav_frame(frame, instruments)
    pyreadstat.write_sav(
        data, str(path), column_labels=[labels[c] for c in data.columns],
        variable_value_labels=value_label_map, variable_measure=measures, note=notes, row_compress=True,
    )
