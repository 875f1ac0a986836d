"""Login, logout and the access checks every protected view uses."""

from flask import Blueprint

bp = Blueprint("auth", __name__, template_folder="templates")

from survey_app.auth import access, views  # noqa: E402,F401  (access registers the user loader)
