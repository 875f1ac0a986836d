"""Variable and value labels for SPSS and the data dictionary, cut to SPSS's limits."""

from __future__ import annotations

from survey_app.instruments.model import InstrumentSet, Variable

#: SPSS limits in bytes (UTF-8): variable labels 256, value labels 120
MAX_VARIABLE_LABEL = 256
MAX_VALUE_LABEL = 120
FIXED_LABELS = {"gemeente": "Gemeente", "team": "Team"}
MEASURES = {"code": "ordinal", "yesno": "nominal", "number": "scale", "codes": "nominal", "text": "nominal"}


def truncate_bytes(text: str, limit: int) -> str:
    """`text` cut to at most `limit` UTF-8 bytes without splitting a character."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")


def variable_label(variable: Variable) -> str:
    """The item text as SPSS variable label."""
    return truncate_bytes(variable.label or variable.name, MAX_VARIABLE_LABEL)


def value_labels(variable: Variable) -> dict[int, str] | None:
    """Code -> label for single-choice and yes/no variables (numeric codes); None for the others."""
    if variable.kind not in ("code", "yesno") or not variable.choices:
        return None
    return {int(choice.code): truncate_bytes(choice.label, MAX_VALUE_LABEL) for choice in variable.choices}


def column_labels(instruments: InstrumentSet) -> dict[str, str]:
    """Variable labels for every export column."""
    labels = dict(FIXED_LABELS)
    labels.update({v.name: variable_label(v) for v in instruments.variables()})
    return labels


def all_value_labels(instruments: InstrumentSet) -> dict[str, dict[int, str]]:
    """Value labels of every variable that has numeric codes."""
    return {v.name: labels for v in instruments.variables() if (labels := value_labels(v))}


def measures(instruments: InstrumentSet) -> dict[str, str]:
    """SPSS measurement level per column: ordinal for scale codes, scale for numbers, nominal otherwise."""
    levels = {name: "nominal" for name in FIXED_LABELS}
    levels.update({v.name: MEASURES[v.kind] for v in instruments.variables()})
    return levels
