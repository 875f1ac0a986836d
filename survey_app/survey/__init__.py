"""Respondent pages: a personal link (/s/<token>) through the wave's pages to submission."""

from flask import Blueprint

bp = Blueprint("survey", __name__, template_folder="templates")



@bp.app_template_filter("afbreken")
def _soft_hyphens(text: str) -> str:
    """Jinja filter: soft hyphens in long Dutch words (survey/hyphenation.py)."""
    from survey_app.survey.hyphenation import soft_hyphens

    return soft_hyphens(text)


from survey_app.survey import personal_link, views  # noqa: E402,F401  (routes attach themselves to bp)
