"""The wave's contact line: edited on the console wave page, shown on the questionnaire's welcome page."""

from __future__ import annotations

from survey_app.extensions import db
from survey_app.services.invitations import create_invitations
from tests.console.conftest import csrf_for, login_as

CONTACT = "Marieke de Vries, onderzoeker, m.devries@example.nl"


def test_researcher_sets_the_contact_line_respondents_see(client, world):
    login_as(client, world.researcher)
    page = client.get("/console/golven/2017")
    assert "Contact voor vragen van respondenten" in page.get_data(as_text=True)
    response = client.post("/console/golven/2017/contact", data={"csrf_token": csrf_for(page),
                                                                 "contact": f"  {CONTACT}  "})
    assert response.status_code == 302
    db.session.refresh(world.wave)
    assert world.wave.contact == CONTACT
    token = create_invitations(world.wave, "zwolle-noord", 1)[0]
    db.session.commit()
    welcome = client.get(f"/s/{token}").get_data(as_text=True)
    assert f"Vragen over de vragenlijst? {CONTACT}" in welcome


def test_too_long_contact_line_is_refused_in_dutch_and_not_saved(client, world):
    login_as(client, world.researcher)
    page = client.get("/console/golven/2017")
    client.post("/console/golven/2017/contact", data={"csrf_token": csrf_for(page), "contact": "x" * 301})
    assert "hoogstens 300 tekens" in client.get("/console/golven/2017").get_data(as_text=True)
    db.session.refresh(world.wave)
    assert world.wave.contact == ""


def test_contact_line_needs_the_csrf_token(client, world):
    login_as(client, world.researcher)
    assert client.post("/console/golven/2017/contact", data={"contact": CONTACT}).status_code == 400
