"""The teamleider area: the bijlage (team scores beside the gemeente's) of their own team(s) per wave."""

from flask import Blueprint

bp = Blueprint("teamleider", __name__, url_prefix="/team", template_folder="templates")

from survey_app.teamleider import views  # noqa: E402,F401  (routes attach themselves to bp)
