"""Closing a wave asks first (with the open drafts counted); the monitor's numbers come as JSON for monitor.js."""

from __future__ import annotations

from survey_app.extensions import db
from survey_app.models import Draft, Invitation, InvitationStatus, WaveStatus
from tests.console.conftest import TEAM_A, csrf_for, login_as


def _started(world, count: int) -> None:
    """`count` respondents of TEAM_A who saved a page but did not send."""
    team_id = next(p.team_id for p in world.wave.teams if p.team.slug == TEAM_A)
    for number in range(count):
        invitation = Invitation(wave_id=world.wave.id, team_id=team_id, token_hash=f"{number:064d}",
                                status=InvitationStatus.STARTED)
        invitation.draft = Draft(answers={"sw_hulp_vragen": 4})
        db.session.add(invitation)
    db.session.commit()


def test_wave_page_offers_closing_as_a_link_to_the_confirmation(client, world):
    login_as(client, world.researcher)
    text = client.get("/console/golven/2017").get_data(as_text=True)
    assert 'href="/console/golven/2017/sluiten"' in text
    assert 'value="closed"' not in text


def test_confirmation_counts_open_drafts_and_says_what_closing_does(client, world):
    _started(world, 3)
    login_as(client, world.researcher)
    page = client.get("/console/golven/2017/sluiten")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "3 respondenten zijn" in text and "nog niet verstuurd" in text
    assert "werken niet meer" in text and "veldwerk" in text
    assert 'name="csrf_token"' in text and 'name="confirmed" value="ja"' in text
    assert world.wave.status == WaveStatus.OPEN


def test_closing_without_confirmation_goes_to_the_confirmation(client, world):
    login_as(client, world.researcher)
    token = csrf_for(client.get("/console/golven/2017"))
    response = client.post("/console/golven/2017/status", data={"csrf_token": token, "status": "closed"})
    assert response.status_code == 302 and response.location == "/console/golven/2017/sluiten"
    db.session.refresh(world.wave)
    assert world.wave.status == WaveStatus.OPEN


def test_confirmed_closing_closes_and_needs_csrf(client, world):
    login_as(client, world.researcher)
    client.post("/console/golven/2017/status", data={"status": "closed", "confirmed": "ja"})
    db.session.refresh(world.wave)
    assert world.wave.status == WaveStatus.OPEN
    token = csrf_for(client.get("/console/golven/2017/sluiten"))
    client.post("/console/golven/2017/status", data={"csrf_token": token, "status": "closed", "confirmed": "ja"})
    db.session.refresh(world.wave)
    assert world.wave.status == WaveStatus.CLOSED


def test_closed_wave_has_no_confirmation_page(client, world):
    login_as(client, world.researcher)
    response = client.get("/console/golven/2016/sluiten")
    assert response.status_code == 302 and response.location == "/console/golven/2016"


def test_monitor_json_has_every_row_of_the_page(client, world):
    _started(world, 1)
    login_as(client, world.researcher)
    data = client.get("/console/golven/2017/respons.json").get_json()["rows"]
    assert data[f"team:{TEAM_A}"] == {"invited": 12, "started": 1, "responded": 6, "percent": "50,0%", "held": 0}
    assert data["gemeente:zwolle"]["responded"] == 10 and data["gemeente:zwolle"]["percent"] == "47,6%"
    assert data["totaal"]["invited"] == 29
    page = client.get("/console/golven/2017/respons").get_data(as_text=True)
    for key in data:
        assert f'data-row="{key}"' in page


def test_monitor_json_is_for_staff_only(client, world):
    login_as(client, world.teamleider)
    assert client.get("/console/golven/2017/respons.json").status_code == 403


def test_open_link_page_mentions_the_earlier_link_only_when_there_was_one(client, world):
    login_as(client, world.researcher)
    token = csrf_for(client.get("/console/golven/2017"))
    first = client.post(f"/console/golven/2017/teams/{TEAM_A}/open-link", data={"csrf_token": token})
    assert "vorige open link" not in first.get_data(as_text=True)
    second = client.post(f"/console/golven/2017/teams/{TEAM_A}/open-link", data={"csrf_token": token})
    assert "vorige open link van dit team: die vorige link werkt niet meer" in second.get_data(as_text=True)


def test_waves_table_is_dutch(client, world):
    login_as(client, world.researcher)
    text = client.get("/console/golven").get_data(as_text=True)
    assert "Responses" not in text and ">Ingevuld</th>" in text
