"""The console's forms (Flask-WTF, so every POST carries a checked CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import EmailField, HiddenField, IntegerField, PasswordField, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, EqualTo, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from survey_app.exports.run import FORMATS
from survey_app.services.invitations import MAX_INVITATIONS_AT_ONCE
from survey_app.services.users import MIN_PASSWORD_LENGTH

ROLE_CHOICES = [SelectChoice("researcher", "Onderzoeker"), SelectChoice("teamleider", "Teamleider"),
                SelectChoice("admin", "Beheerder")]
HEADCOUNT_PREFIX = "aantal-"


class CheckboxesField(SelectMultipleField):
    """A multiple choice shown as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ActionForm(FlaskForm):
    """A button that changes something: only the CSRF token is checked."""


class StatusForm(FlaskForm):
    """Open or close a wave; closing counts only when it comes from the confirmation page (`confirmed`)."""

    status = HiddenField(validators=[AnyOf(["open", "closed"])])
    confirmed = HiddenField()


class HeldForm(FlaskForm):
    """A researcher's decision on open-link submissions beyond a team's headcount."""

    decision = HiddenField(validators=[AnyOf(["meetellen", "verwijderen"])])


class InviteForm(FlaskForm):
    """How many personal links to make for a team."""

    count = IntegerField("Aantal links", validators=[
        InputRequired("Vul een aantal in."),
        NumberRange(1, MAX_INVITATIONS_AT_ONCE, f"Kies een aantal van 1 tot en met {MAX_INVITATIONS_AT_ONCE}.")])


class ExportForm(FlaskForm):
    """Which export to download."""

    fmt = HiddenField(validators=[AnyOf(list(FORMATS))])


class UploadForm(FlaskForm):
    """A CSV file to upload (organisation)."""

    file = FileField("CSV-bestand", validators=[FileRequired("Kies een bestand."),
                                                FileAllowed(["csv"], "Alleen .csv-bestanden.")])


class PasswordForm(FlaskForm):
    """A new password, typed twice."""

    password = PasswordField("Nieuw wachtwoord", validators=[
        DataRequired("Vul een wachtwoord in."),
        Length(MIN_PASSWORD_LENGTH, 200, f"Minstens {MIN_PASSWORD_LENGTH} tekens.")])
    confirm = PasswordField("Herhaal het wachtwoord", validators=[EqualTo("password", "De wachtwoorden verschillen.")])


class AccountForm(PasswordForm):
    """A new account: address, role, teams (teamleiders only) and a first password."""

    email = EmailField("E-mailadres", validators=[DataRequired("Vul een e-mailadres in."), Length(max=254)])
    role = SelectField("Rol", choices=ROLE_CHOICES)
    teams = CheckboxesField("Teams (alleen voor een teamleider)", choices=[])


class WaveForm(FlaskForm):
    """A new wave: name, label, modules, and the number invited per team (fields added per team)."""

    name = StringField("Naam (kort, bijvoorbeeld 2018)", validators=[DataRequired("Vul een naam in."),
                                                                    Length(max=64)])
    label = StringField("Omschrijving (bijvoorbeeld 3-meting 2018)", validators=[Length(max=200)])
    modules = CheckboxesField("Modules", choices=[])
    headcounts = FileField("Of: CSV met kolommen team,invited", validators=[
        Optional(), FileAllowed(["csv"], "Alleen .csv-bestanden.")])


def wave_form(teams, modules) -> WaveForm:
    """A WaveForm with the loaded modules as choices and one optional number field per team."""

    class Form(WaveForm):
        """WaveForm plus this request's per-team fields (a fresh class, so fields never leak between requests)."""

    for team in teams:
        setattr(Form, HEADCOUNT_PREFIX + team.slug, IntegerField(
            team.label, validators=[Optional(), NumberRange(0, 100000, "Een geheel getal van 0 of meer.")]))
    form = Form()
    form.modules.choices = [SelectChoice(m.id, m.title) for m in modules]
    return form


def headcount_fields(form: WaveForm, teams) -> list:
    """The per-team number fields of a wave form, in team order."""
    return [form[HEADCOUNT_PREFIX + team.slug] for team in teams]


def account_form(teams) -> AccountForm:
    """An AccountForm with the known teams as choices."""
    form = AccountForm()
    form.teams.choices = [SelectChoice(t.slug, f"{t.label} ({t.slug})") for t in teams]
    return form
