"""How canonical answer values are kept in a response's answers document (text per variable) and read back.

Every writer of responses (survey/release.py, services/response_import.py, services/demo.py) builds the
document with `answers_document` and raises the wave's answers revision with `bump_answers_revision` in the
same transaction, so a stored columnar frame or a cached analysis of the wave is known to be stale.
"""

from __future__ import annotations

import math

from sqlalchemy import update

from survey_app.extensions import db
from survey_app.instruments.model import Variable
from survey_app.models import Wave


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


def answers_document(answers: dict | None) -> dict[str, str]:
    """The stored document of a response: variable -> canonical text, sorted, without unanswered variables.

    Text, not typed JSON: the same text the one-row-per-variable table held, so the frame built from it is
    identical to the one built before (numbers parse the same way; an open answer "012" stays "012").
    """
    return {name: text for name, raw in sorted((answers or {}).items()) if (text := to_text(raw)) is not None}


def bump_answers_revision(wave_id: int) -> None:
    """Mark the wave's answers as changed (in the writer's transaction): frames and analyses made before are stale."""
    db.session.execute(update(Wave).where(Wave.id == wave_id)
                       .values(answers_revision=Wave.answers_revision + 1)
                       .execution_options(synchronize_session=False))
