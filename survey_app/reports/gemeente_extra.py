"""Sections of the gemeente report beside the means: the percentages of questions without a meaningful mean
(categories, ordinal classes, ja/nee: never printed as means) per team and for the gemeente, and the themes of
the open answers with the quotes of the gemeente and its teams. Pure: the analysis dicts in, strings out."""

from __future__ import annotations

from survey_app.instruments.model import InstrumentSet, ItemType
from survey_app.reports.distributions import statement_percentages
from survey_app.reports.open_themes import themes_side_by_side
from survey_app.reports.themes import agreement_like
from survey_app.reports.view import asked_in


def category_sections(analysis: dict, instruments: InstrumentSet, gemeente: str, scopes: list[str]) -> list[dict]:
    """Per module the single-choice questions that are not agreement statements, as % per answer per scope."""
    sections = []
    for module in instruments.modules:
        questions = []
        for page in module.pages:
            for item in page.items:
                if (item.type == ItemType.SELECT_ONE and item.scale and not agreement_like(item)
                        and asked_in(page, item, gemeente) and item.name in analysis["items"]):
                    questions.append(statement_percentages(item, len(questions) + 1, analysis["items"], scopes))
        if questions:
            sections.append({"title": module.title, "questions": questions})
    return sections


def gemeente_open_themes(themes: dict | None, gemeente: str, scopes: list[str]) -> list[dict]:
    """Themes per team and for the gemeente, with the quotes of this gemeente (team or gemeente quotes)."""
    return themes_side_by_side(themes, scopes, gemeente=gemeente)
