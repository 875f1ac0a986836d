"""Respondent pages: a personal link (/s/<token>) through the wave's pages to submission."""

from flask import Blueprint

bp = Blueprint("survey", __name__, template_folder="templates")

from survey_app.survey import personal_link, views  # noqa: E402,F401  (routes attach themselves to bp)
