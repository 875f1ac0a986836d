"""Small helpers the console views share."""

from __future__ import annotations

from flask import abort, flash
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import Wave
from survey_app.services.errors import InputError


def wave_or_404(name: str) -> Wave:
    """The wave called `name`, or 404."""
    wave = db.session.scalar(select(Wave).where(Wave.name == name))
    if wave is None:
        abort(404)
    return wave


def flash_problems(error: InputError) -> None:
    """Roll back and show every problem of a rejected operation."""
    db.session.rollback()
    for problem in error.problems:
        flash(str(problem), "error")


def flash_form_errors(form) -> None:
    """Show the validation messages of a form that is not re-rendered (a button on another page)."""
    for messages in form.errors.values():
        for message in messages:
            flash(message if isinstance(message, str) else "Het formulier is ongeldig.", "error")
