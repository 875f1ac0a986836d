"""The forms of the mail pages (Flask-WTF: every POST carries a checked CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import DateField, DateTimeLocalField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

MAX_BODY = 20_000


class AddressUploadForm(FlaskForm):
    """A `team,email` file (CSV or XLSX)."""

    addresses = FileField("Adressenbestand (CSV of Excel, kolommen team en email)", validators=[
        FileRequired("Kies een bestand."), FileAllowed(["csv", "xlsx"], "Kies een .csv- of .xlsx-bestand.")])


class TextsForm(FlaskForm):
    """The invitation and reminder texts, and the closing date filled in for {sluitingsdatum}."""

    invitation_subject = StringField("Onderwerp uitnodiging", validators=[
        DataRequired("Vul een onderwerp in."), Length(max=200, message="Hoogstens 200 tekens.")])
    invitation_body = TextAreaField("Tekst uitnodiging", validators=[
        DataRequired("Vul een tekst in."), Length(max=MAX_BODY, message=f"Hoogstens {MAX_BODY} tekens.")])
    reminder_subject = StringField("Onderwerp herinnering", validators=[
        DataRequired("Vul een onderwerp in."), Length(max=200, message="Hoogstens 200 tekens.")])
    reminder_body = TextAreaField("Tekst herinnering", validators=[
        DataRequired("Vul een tekst in."), Length(max=MAX_BODY, message=f"Hoogstens {MAX_BODY} tekens.")])
    closes_on = DateField("Sluitingsdatum (voor {sluitingsdatum})", validators=[Optional()])


class ReminderDateForm(FlaskForm):
    """When the reminder goes out by itself (Nederlandse tijd); empty clears the schedule."""

    reminder_at = DateTimeLocalField("Herinnering versturen op", format="%Y-%m-%dT%H:%M", validators=[Optional()])
