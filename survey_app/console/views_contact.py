"""The contact line of a wave: who respondents may ask about the questionnaire (shown on its welcome page).

Its own small module so the wave page needs only one include line for it.
"""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length

from survey_app.console import bp
from survey_app.console.helpers import flash_form_errors, wave_or_404
from survey_app.extensions import db

CONTACT_MAX_LENGTH = 300


class ContactForm(FlaskForm):
    """The wave's contact line; empty removes it from the welcome page."""

    contact = StringField("Contact voor vragen van respondenten", validators=[
        Length(max=CONTACT_MAX_LENGTH, message=f"Gebruik hoogstens {CONTACT_MAX_LENGTH} tekens.")])


@bp.post("/golven/<wave>/contact")
def wave_contact(wave: str):
    """Save the contact line respondents see on the welcome page."""
    current = wave_or_404(wave)
    form = ContactForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return redirect(url_for("console.wave", wave=current.name))
    current.contact = " ".join((form.contact.data or "").split())
    db.session.commit()
    flash("De contactregel is bewaard." if current.contact else "De contactregel is verwijderd.", "success")
    return redirect(url_for("console.wave", wave=current.name))
