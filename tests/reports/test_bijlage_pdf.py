"""A constructed wave's bijlagen as PDF: Dutch figures that we know, and nothing of a hidden team."""

from __future__ import annotations

import re

from survey_app.reports import build_bijlage_pdf, build_gemeente_pdf, render_bijlage_html
from tests.reports.conftest import ELBURG_ONLY_LABEL, ZWOLLE_ONLY_LABEL


def number(text: str, figure: str) -> bool:
    """Whether a figure (like '4,4') occurs as a whole number, not as part of 14,4 or 4,45."""
    return re.search(rf"(?<![\d,.]){re.escape(figure)}(?![\d])", text) is not None


def test_bijlage_shows_the_team_figures_in_dutch_notation(small_wave, pdftext):
    text = pdftext(build_bijlage_pdf(small_wave.wave, small_wave.teams["zwolle-noord"]))
    assert "Bijlage Team zwolle-noord" in text
    assert "n=10" in text  # the team's respondents, and its n on the statement
    assert number(text, "4,4")  # mean of six 4s and four 5s
    assert "60%" in text and "40%" in text  # deels eens / eens of the team, printed in the bar segments
    assert "62,5%" in text  # response: 10 of 16 invited
    assert number(text, "8,4")  # Zwolle-only rating: six 8s and four 9s
    assert ZWOLLE_ONLY_LABEL in text
    assert ELBURG_ONLY_LABEL not in text
    assert re.search(r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
                     r"december) \d{4}", text)


def test_a_hidden_team_gets_a_short_explanation_without_its_figures(small_wave, pdftext):
    text = pdftext(build_bijlage_pdf(small_wave.wave, small_wave.teams["zwolle-klein"]))
    assert "3 mensen mee, minder dan 5" in text  # the count is participation, published like Tabel 2
    assert "anonimiteit" in text
    assert "n=3" not in text
    assert "%" not in text


def test_elburg_bijlage_has_its_own_questions_only(small_wave, pdftext):
    text = pdftext(build_bijlage_pdf(small_wave.wave, small_wave.teams["team-doeth"]))
    assert "n=5" in text
    assert number(text, "4,6")  # three 5s and two 4s
    assert ELBURG_ONLY_LABEL in text
    assert ZWOLLE_ONLY_LABEL not in text


def test_gemeente_report_has_the_response_table_and_hides_small_teams(small_wave, pdftext):
    text = pdftext(build_gemeente_pdf(small_wave.wave, "zwolle"))
    assert "Respons per team" in text
    assert re.search(r"Totaal Zwolle\s+64\s+27\s+42,2%", text)  # 4 teams × 16 invited, 27 responded
    # respondent counts are participation and published for every team, as the verantwoording says; a
    # "minder dan 5" beside the sibling's count and the gemeente total would not hide it anyway
    assert re.search(r"Team zwolle-klein\s+16\s+3\s+18,8%", text)
    assert "Van Team zwolle-klein worden geen antwoorden getoond: dit team telt minder dan 5 respondenten." in text
    assert "Aantal respondenten per team" in text
    assert "minder dan" not in text.split("Respons per team")[1].split("Van Team zwolle-klein")[0]
    assert "Er is geen eerdere meting" in text


def test_web_page_is_the_same_report_and_safe_under_the_csp(small_wave):
    html = render_bijlage_html(small_wave.wave, small_wave.teams["zwolle-noord"])
    assert 'src="data:image/svg+xml;base64,' in html
    assert "<svg" not in html and " style=" not in html and "<script" not in html
    assert 'href="/static/reports.css"' in html
