"""The overall report on the researchers' report pages: linked from the wave page, as web page and PDF."""

from __future__ import annotations

from survey_app.extensions import db
from survey_app.services.users import create_user
from tests.reports.test_views import PASSWORD, login


def test_wave_page_links_the_overall_report_and_serves_it(client, small_wave):
    researcher = create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD)
    db.session.commit()
    login(client, researcher)
    page = client.get("/rapporten/2017/").get_data(as_text=True)
    assert 'href="/rapporten/2017/totaal"' in page and 'href="/rapporten/2017/totaal.pdf"' in page
    html = client.get("/rapporten/2017/totaal")
    text = html.get_data(as_text=True)
    assert html.status_code == 200 and "Totaalrapportage alle gemeenten" in text
    assert "Respons per gemeente" in text and "Gemiddelde scores per gemeente" in text
    pdf = client.get("/rapporten/2017/totaal.pdf")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert 'filename="2017-totaal.pdf"' in pdf.headers["Content-Disposition"]


def test_teamleider_cannot_open_the_overall_report(client, small_wave):
    teamleider = create_user("tl@voorbeeld.nl", "teamleider", PASSWORD, ["zwolle-noord"])
    db.session.commit()
    login(client, teamleider)
    assert client.get("/rapporten/2017/totaal").status_code == 403
    assert client.get("/rapporten/2017/totaal.pdf").status_code == 403
