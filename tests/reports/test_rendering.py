"""Pieces of the rendering that need no database: Dutch dates, charts, the restricted URL fetcher."""

from __future__ import annotations

import datetime as dt

import pytest

from survey_app.reports.charts import data_uri, profile_chart, stacked_chart
from survey_app.reports.dutch import format_date
from survey_app.reports.render import RefusedResource, html_to_pdf, static_file, url_fetcher

SPEC = {"categories": ["oneens", "deels oneens", "niet eens/niet oneens", "deels eens", "eens"], "diverging": True,
        "groups": [{"number": "1", "bars": [{"label": "Team", "values": [0.0, 10.0, 20.0, 43.3, 26.7]},
                                            {"label": "Gemeente", "values": None}]}]}


def test_dates_are_written_in_dutch_without_a_locale():
    assert format_date(dt.date(2026, 11, 23)) == "23 november 2026"
    assert format_date(dt.date(2017, 3, 1)) == "1 maart 2017"


def test_stacked_chart_is_svg_with_dutch_percentages_and_no_pyplot_state():
    import sys

    svg = stacked_chart(SPEC).decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "43%" in svg and "100%" in svg
    assert "niet getoond" in svg  # the hidden gemeente bar says so instead of showing a figure
    assert stacked_chart(SPEC) == stacked_chart(SPEC)  # same input, same drawing (no dates, fixed ids)
    assert "matplotlib.pyplot" not in sys.modules
    assert data_uri(b"<svg/>") == "data:image/svg+xml;base64,PHN2Zy8+"


def test_legend_swatches_have_the_chart_colours_in_the_stylesheet():
    from survey_app.reports.charts import OKABE_ITO, RDBU_5, legend_classes
    from survey_app.reports.render import STATIC

    css = (STATIC / "reports.css").read_text(encoding="utf-8")
    assert legend_classes(5, True) == [f"sw-rdbu-{i}" for i in range(5)]
    for i, colour in enumerate(RDBU_5):
        assert f".sw-rdbu-{i} {{ background: {colour}; }}" in css
    for i, colour in enumerate(OKABE_ITO):
        assert f".sw-oi-{i} {{ background: {colour}; }}" in css


def test_profile_chart_uses_decimal_commas_on_the_axis():
    svg = profile_chart({"series": ["Team", "Gemeente", "Totaal"], "low": 1, "high": 5,
                         "rows": [{"label": "1. Gericht op de vraag", "values": [4.3, None, 3.9]}]}).decode()
    assert "4,5" in svg and "1,5" in svg and "4.5" not in svg


def test_fetcher_serves_static_files_and_data_only():
    assert static_file("https://rapport.invalid/static/reports.css").name == "reports.css"
    for url in ("https://rapport.invalid/static/../config.py", "https://example.org/static/reports.css",
                "file:///etc/passwd", "https://rapport.invalid/instance/secret"):
        with pytest.raises(RefusedResource):
            static_file(url)
    fetcher = url_fetcher()
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    response = fetcher.fetch("data:text/plain;base64,aGFsbG8=")
    assert response.read() == b"hallo"


def test_pdf_ignores_outside_resources():
    pdf = html_to_pdf('<html><body><img src="http://127.0.0.1:9/x.png"><p>Hallo</p></body></html>')
    assert pdf.startswith(b"%PDF")
