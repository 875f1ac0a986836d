"""The login form (Flask-WTF, so CSRF is checked); control characters are refused before any lookup."""

import re

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length, ValidationError

#: C0 and C1 control characters (NUL included) and DEL: never part of an address or password typed in a form.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class NoControlCharacters:
    """Refuse a value with control characters (a NUL byte would otherwise break the database query)."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, _form, field) -> None:
        if field.data and CONTROL_CHARACTERS.search(field.data):
            raise ValidationError(self.message)


class LoginForm(FlaskForm):
    """E-mail and password."""

    email = EmailField("E-mailadres", validators=[
        DataRequired("Vul uw e-mailadres in."), Length(max=254, message="Het e-mailadres is te lang."),
        NoControlCharacters("Het e-mailadres bevat tekens die er niet in horen.")])
    password = PasswordField("Wachtwoord", validators=[
        DataRequired("Vul uw wachtwoord in."), Length(max=200, message="Het wachtwoord is te lang."),
        NoControlCharacters("Het wachtwoord bevat tekens die er niet in horen (zoals tabs of regeleinden).")])
