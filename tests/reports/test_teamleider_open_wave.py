"""A teamleider cannot difference two downloads of a live bijlage: an open wave's bijlage is refused (no
figures, before and after a colleague's response), a closed wave's is the same each time it is downloaded."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import Response, WaveStatus
from survey_app.services.response_import import import_responses
from survey_app.services.users import create_user
from tests.conftest import csrf_token_from
from tests.jobs.helpers import pdf_when_built
from tests.reports.conftest import RATING, STATEMENT
from tests.reports.test_views import PASSWORD, login

NOT_YET = "De bijlage van deze meting verschijnt zodra de meting is gesloten."
NOORD = "/team/2017/zwolle-noord"
#: figures of zwolle-noord in the constructed wave (mean 4,4 and its percentages), never on a refusal page
FIGURES = re.compile(r"\d+,\d|\d+ ?%")


@pytest.fixture
def teamleider(small_wave):
    user = create_user("tl@voorbeeld.nl", "teamleider", PASSWORD, ["zwolle-noord"])
    db.session.commit()
    return user


def one_more_response(small_wave, tmp_path) -> None:
    """A colleague's response arrives (stored as the importer stores it, so this test does not depend on how a
    web submission reaches the response table)."""
    path = tmp_path / "een-collega.csv"
    path.write_text(f"gemeente,team,{STATEMENT},wb_plezier,{RATING}\nzwolle,zwolle-noord,1,1,1\n", encoding="utf-8")
    before = db.session.scalar(select(func.count()).select_from(Response))
    import_responses(small_wave.wave, wave_instruments(small_wave.wave), path)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(Response)) == before + 1


def without_csrf(html: str) -> str:
    """The page without its logout form's CSRF token, which is signed with the time."""
    return re.sub(r'name="csrf_token" value="[^"]+"', "", html)


def downloads(client) -> tuple:
    """(HTML status, HTML text, PDF status, PDF response) of the teamleider's own bijlage (the PDF once the
    queue has built it)."""
    html = client.get(f"{NOORD}/bijlage")
    pdf = pdf_when_built(client, f"{NOORD}/bijlage.pdf")
    return html.status_code, without_csrf(html.get_data(as_text=True)), pdf.status_code, pdf


def test_open_wave_bijlage_is_refused_before_and_after_a_response(client, small_wave, teamleider, tmp_path):
    login(client, teamleider)
    first = downloads(client)
    one_more_response(small_wave, tmp_path)
    second = downloads(client)
    for html_status, html, pdf_status, pdf in (first, second):
        assert html_status == pdf_status == 403
        assert NOT_YET in html and "Bijlage Team" not in html and not FIGURES.search(html)
        assert pdf.mimetype == "text/html" and not pdf.data.startswith(b"%PDF")
        assert without_csrf(pdf.get_data(as_text=True)) == html
    assert first[1] == second[1]


def test_open_wave_index_offers_no_bijlage_to_a_teamleider(client, small_wave, teamleider):
    login(client, teamleider)
    page = client.get("/team/").get_data(as_text=True)
    assert "verschijnt zodra de meting is gesloten" in page and f"{NOORD}/bijlage" not in page


def test_closed_wave_bijlage_is_the_same_before_and_after_a_refused_submission(client, small_wave, teamleider,
                                                                               invite, pdftext, consumer):
    token = invite(small_wave.wave, "zwolle-noord")[0]
    small_wave.wave.status = WaveStatus.CLOSED
    db.session.commit()
    login(client, teamleider)
    first = downloads(client)
    csrf = csrf_token_from(client.get("/team/").get_data(as_text=True))
    refused = client.post(f"/s/{token}/verzenden", data={"csrf_token": csrf})
    assert refused.status_code in (403, 404, 410) and "gesloten" in refused.get_data(as_text=True)
    second = downloads(client)
    assert first[0] == first[2] == second[0] == second[2] == 200
    assert "Bijlage Team zwolle-noord" in first[1] and "4,4" in first[1]
    assert first[1] == second[1]
    assert first[3].data.startswith(b"%PDF") and pdftext(first[3].data) == pdftext(second[3].data)


def test_staff_may_preview_an_open_wave(client, small_wave, consumer):
    researcher = create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD)
    db.session.commit()
    login(client, researcher)
    html = client.get(f"{NOORD}/bijlage")
    assert html.status_code == 200 and "Bijlage Team zwolle-noord" in html.get_data(as_text=True)
    assert pdf_when_built(client, f"{NOORD}/bijlage.pdf").data.startswith(b"%PDF")


@pytest.mark.parametrize("status", [WaveStatus.OPEN, WaveStatus.CLOSED])
def test_another_team_is_still_404(client, small_wave, teamleider, status):
    small_wave.wave.status = status
    db.session.commit()
    login(client, teamleider)
    for url in ("/team/2017/zwolle-zuid/bijlage", "/team/2017/zwolle-zuid/bijlage.pdf", "/team/2017/onbekend/bijlage"):
        assert client.get(url).status_code == 404
