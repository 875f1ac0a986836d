"""How canonical answer values are kept in the `answer` table (text) and read back for analysis."""

from __future__ import annotations

import math

from survey_app.instruments.model import Variable


def to_text(value: object) -> str | None:
    """The stored text of a canonical value; None for 'not answered' (no row is stored then)."""
    if value is None or value == "" or value == ():
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, list | tuple | set | frozenset):
        return " ".join(str(v) for v in value) or None
    return str(value)


def from_text(variable: Variable, text: str) -> object:
    """The analysis value of a stored text: a float for codes, numbers and yes/no; a string otherwise."""
    if variable.kind in ("code", "number", "yesno"):
        return float(text)
    return text
