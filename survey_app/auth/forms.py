"""The login form (Flask-WTF, so CSRF is checked)."""

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    """E-mail and password."""

    email = EmailField("E-mailadres", validators=[DataRequired("Vul uw e-mailadres in."), Length(max=254)])
    password = PasswordField("Wachtwoord", validators=[DataRequired("Vul uw wachtwoord in."), Length(max=200)])
