"""Variable and value labels for SPSS and the data dictionary, cut to SPSS's limits."""

from __future__ import annotations

from survey_app.instruments.model import Variable

#: SPSS limits in bytes (UTF-8): variable labels 256, value labels 120
MAX_VARIABLE_LABEL = 256
MAX_VALUE_LABEL = 120
FIXED_LABELS = {"gemeente": "Gemeente", "team": "Team"}


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
    """Code -> label for single-choice, yes/no and option (0/1) variables; None for the others."""
    if variable.kind not in ("code", "yesno", "option") or not variable.choices:
        return None
    return {int(choice.code): truncate_bytes(choice.label, MAX_VALUE_LABEL) for choice in variable.choices}
