"""The bijlage and gemeente report are tagged PDFs (PDF/UA): language nl, a title, headings, table headers, and
every chart a Figure whose /Alt carries the chart's numbers. Read back with pikepdf, as a screen reader would."""

from __future__ import annotations

import io

import pikepdf
import pytest

from survey_app.reports import build_bijlage_pdf, build_gemeente_pdf
from survey_app.reports.chart_text import describe


def structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every structure element of the tagged PDF, depth first."""
    found, stack = [], [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        if kids is None:
            continue
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") is not None:
                found.append(kid)
                stack.append(kid)
    return found


def check_tagged(content: bytes, title_words: str, charts: bool | None = True) -> list[str]:
    """Assert the PDF/UA basics; return the /Alt texts of its figures."""
    pdf = pikepdf.open(io.BytesIO(content))
    root = pdf.Root
    assert str(root.Lang) == "nl"
    assert bool(root.MarkInfo.Marked) is True
    assert "/StructTreeRoot" in root
    assert title_words in str(pdf.docinfo.get("/Title", ""))
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True
    elements = structure(pdf)
    kinds = {str(e.S) for e in elements}
    assert {"/H1", "/H2", "/Table", "/TH", "/TD"} <= kinds
    figures = [e for e in elements if str(e.S) == "/Figure"]
    if charts is not None:  # None: the report may or may not draw charts; any it draws needs its /Alt
        assert bool(figures) is charts
    assert all("/Alt" in figure and str(figure.Alt).strip() for figure in figures)
    return [str(figure.Alt) for figure in figures]


def test_bijlage_is_tagged_with_dutch_language_title_and_chart_numbers(small_wave):
    alts = check_tagged(build_bijlage_pdf(small_wave.wave, small_wave.teams["zwolle-noord"]), "Bijlage")
    # the team's answers on the statement: six 4s (deels eens) and four 5s (eens) -> 60% and 40% in the alt text
    assert any("60%" in alt and "40%" in alt for alt in alts)


def test_gemeente_report_is_tagged_with_alt_text_on_every_chart(small_wave):
    check_tagged(build_gemeente_pdf(small_wave.wave, "zwolle"), "Zwolle", charts=None)


@pytest.mark.parametrize("spec, expected", [
    ({"kind": "stacked", "categories": ["oneens", "eens"], "diverging": True,
      "groups": [{"number": "1", "bars": [{"label": "Team", "values": [25.0, 75.0]}]},
                 {"number": "2", "bars": [{"label": "Team", "values": None}]}]},
     "Percentages per stelling. 1. Team: oneens 25%, eens 75% | 2. Team: niet getoond."),
    ({"kind": "profile", "series": ["Team", "Totaal"], "low": 1, "high": 5,
      "rows": [{"label": "1. Samen", "values": [3.25, None]}]},
     "Gemiddelden (1 tot 5). 1. Samen: Team 3,3, Totaal niet getoond."),
])
def test_chart_text_carries_the_numbers_in_dutch(spec, expected):
    assert describe(spec) == expected
    assert describe(spec, "Figuur.").startswith("Figuur. " + expected.split(".")[0])


def test_trend_chart_text_carries_each_years_mean_and_hidden_years():
    spec = {"years": ["2015", "2016", "2017"], "low": 1, "high": 5, "title": "Bakens",
            "lines": [{"label": "1. Baken 1", "values": [3.912, None, 4.05]}]}
    text = describe(spec, "Lijndiagram van Bakens in Zwolle")
    assert text == ("Lijndiagram van Bakens in Zwolle. Gemiddelde per jaar. "
                    "1. Baken 1: 2015 3,91, 2016 niet getoond, 2017 4,05.")
