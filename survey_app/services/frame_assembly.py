"""The one place that gives a wave's answer frame its shape, whichever store the columns come from.

The frame built from the JSON documents and the frame read back from a Parquet snapshot must be identical
(dtypes, column order, NaN for a missing number, None for a missing text) to what the analysis has always
taken; both are therefore assembled here, by the same pandas construction, from plain numpy columns.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from survey_app.instruments.model import InstrumentSet

#: variable kinds held as floats (NaN = not answered); every other kind is text (None = not answered)
NUMERIC_KINDS = ("code", "number", "yesno")
#: raise when the frame's layout changes, so snapshots written by older code are not used
LAYOUT_VERSION = 1


@dataclass(frozen=True)
class FrameColumns:
    """The variables of a wave's frame in instrument order, split by how they are held."""

    order: tuple[str, ...]
    numeric: tuple[str, ...]
    textual: tuple[str, ...]
    kinds: tuple[tuple[str, str], ...]

    @property
    def key(self) -> str:
        """SHA-256 of the layout: a snapshot made for other variables or kinds is not this frame."""
        text = json.dumps([LAYOUT_VERSION, list(self.kinds)], separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def frame_columns(instruments: InstrumentSet) -> FrameColumns:
    """The frame's variables as the instruments define them."""
    variables = instruments.variables()
    return FrameColumns(
        order=tuple(v.name for v in variables),
        numeric=tuple(v.name for v in variables if v.kind in NUMERIC_KINDS),
        textual=tuple(v.name for v in variables if v.kind not in NUMERIC_KINDS),
        kinds=tuple((v.name, v.kind) for v in variables),
    )


def assemble_frame(columns: FrameColumns, gemeenten, teams, numbers: dict[str, np.ndarray],
                   texts: dict[str, np.ndarray]) -> pd.DataFrame:
    """The wide frame: gemeente, team, then the variables in instrument order.

    `numbers` holds a float64 array per numeric variable, `texts` an object array (str or None) per text
    variable; pandas infers the default string dtype for gemeente and team, exactly as it always did.
    """
    data = {"gemeente": np.asarray(gemeenten, dtype=object), "team": np.asarray(teams, dtype=object)}
    data.update({name: np.asarray(numbers[name], dtype=np.float64) for name in columns.numeric})
    data.update({name: pd.Series(texts[name], dtype=object) for name in columns.textual})
    return pd.DataFrame(data)[["gemeente", "team", *columns.order]]
