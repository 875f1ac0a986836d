"""Console pages: creating a wave, personal and open links, the response monitor, organisation and preview."""

from __future__ import annotations

import csv
import io
import re

from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.models import Invitation, InvitationStatus, Team, Wave, WaveStatus, WaveTeam
from survey_app.services.tokens import hash_token
from tests.console.conftest import TEAM_A, TEAM_B, csrf_for, login_as


def test_create_wave_with_per_team_numbers(client, world):
    login_as(client, world.researcher)
    page = client.get("/console/nieuwe-golf")
    assert "Onderlinge samenwerking" in page.get_data(as_text=True)  # modules listed with their titles
    response = client.post("/console/nieuwe-golf", data={
        "csrf_token": csrf_for(page), "name": "2019", "label": "4-meting", "modules": ["samenwerking", "bakens"],
        f"aantal-{TEAM_A}": "20", f"aantal-{TEAM_B}": "0"})
    assert response.status_code == 302 and response.location == "/console/golven/2019"
    wave = db.session.scalar(select(Wave).where(Wave.name == "2019"))
    assert wave.status == WaveStatus.DRAFT and wave.module_ids == ["samenwerking", "bakens"]
    assert {p.team.slug: p.headcount for p in wave.teams} == {TEAM_A: 20, TEAM_B: 0}


def test_create_wave_with_headcounts_csv_and_errors_named(client, world):
    login_as(client, world.researcher)
    token = csrf_for(client.get("/console/nieuwe-golf"))
    upload = (io.BytesIO(b"team,invited\nzwolle-noord,14\nonbekend-team,3\n"), "aantallen.csv")
    refused = client.post("/console/nieuwe-golf", data={"csrf_token": token, "name": "2019",
                                                       "modules": ["samenwerking"], "headcounts": upload})
    text = refused.get_data(as_text=True)
    assert "aantallen.csv:3: kolom &#39;team&#39;: onbekend team &#39;onbekend-team&#39;" in text
    assert db.session.scalar(select(Wave).where(Wave.name == "2019")) is None
    upload = (io.BytesIO(b"team,invited\nzwolle-noord,14\n"), "aantallen.csv")
    client.post("/console/nieuwe-golf", data={"csrf_token": token, "name": "2019", "modules": ["samenwerking"],
                                               "headcounts": upload})
    wave = db.session.scalar(select(Wave).where(Wave.name == "2019"))
    assert {p.team.slug: p.headcount for p in wave.teams} == {TEAM_A: 14}


def test_create_wave_needs_modules_and_teams(client, world):
    login_as(client, world.researcher)
    token = csrf_for(client.get("/console/nieuwe-golf"))
    text = client.post("/console/nieuwe-golf", data={"csrf_token": token, "name": "2019"}).get_data(as_text=True)
    assert "minstens één team" in text
    text = client.post("/console/nieuwe-golf", data={"csrf_token": token, "name": "2019",
                                                      f"aantal-{TEAM_A}": "3"}).get_data(as_text=True)
    assert "geef minstens één module" in text


def test_personal_links_are_downloaded_once_and_work(client, world):
    login_as(client, world.researcher)
    token = csrf_for(client.get("/console/golven/2017"))
    response = client.post(f"/console/golven/2017/teams/{TEAM_A}/uitnodigingen", data={"csrf_token": token,
                                                                                         "count": "3"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Cache-Control"] == "no-store"
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert [(r["golf"], r["team"]) for r in rows] == [("2017", TEAM_A)] * 3
    tokens = [r["link"].rsplit("/s/", 1)[1] for r in rows]
    stored = set(db.session.scalars(select(Invitation.token_hash)))
    assert {hash_token(t) for t in tokens} <= stored and not set(tokens) & stored
    client.application.config["SURVEY_RATE_LIMIT"] = "1000 per minute"
    assert client.get(f"/s/{tokens[0]}").status_code == 200
    assert tokens[1] not in client.get("/console/golven/2017").get_data(as_text=True)


def test_invitation_count_is_checked(client, world):
    login_as(client, world.researcher)
    token = csrf_for(client.get("/console/golven/2017"))
    response = client.post(f"/console/golven/2017/teams/{TEAM_A}/uitnodigingen",
                           data={"csrf_token": token, "count": "0"}, follow_redirects=True)
    assert "Kies een aantal van 1 tot en met 5000" in response.get_data(as_text=True)
    assert db.session.scalar(select(Invitation)) is None
    assert client.post("/console/golven/2017/teams/bestaat-niet/uitnodigingen",
                       data={"csrf_token": token, "count": "2"}).status_code == 404


def test_open_link_is_shown_once_with_a_warning(client, world):
    login_as(client, world.researcher)
    token = csrf_for(client.get("/console/golven/2017"))
    page = client.post(f"/console/golven/2017/teams/{TEAM_A}/open-link", data={"csrf_token": token})
    text = page.get_data(as_text=True)
    link = re.search(r'value="(http://localhost/o/[^"]+)"', text).group(1)
    assert "zwakker" in text and "maar één keer getoond" in text
    participation = db.session.scalar(select(WaveTeam).join(Team).where(Team.slug == TEAM_A,
                                                                        WaveTeam.wave_id == world.wave.id))
    assert participation.open_link_hash == hash_token(link.rsplit("/o/", 1)[1])
    assert link not in client.get("/console/golven/2017").get_data(as_text=True)
    client.post(f"/console/golven/2017/teams/{TEAM_A}/open-link/intrekken", data={"csrf_token": token})
    db.session.refresh(participation)
    assert participation.open_link_hash is None


def test_monitor_has_the_shape_of_tabel_2(client, world):
    started = Invitation(wave_id=world.wave.id, team_id=world.wave.teams[0].team_id, token_hash="a" * 64,
                         status=InvitationStatus.STARTED)
    db.session.add(started)
    db.session.commit()
    login_as(client, world.researcher)
    page = client.get("/console/golven/2017/respons")
    text = re.sub(r"\s+", " ", page.get_data(as_text=True))
    assert 'http-equiv="refresh"' not in text and "monitor.js" in text and ">Vernieuwen</a>" in text
    assert "Team zwolle-noord</td><td class=\"num\" data-figure=\"invited\">12</td>" in text
    assert "50,0%" in text  # zwolle-noord: 6 of 12
    assert "44,4%" in text  # zwolle-zuid: 4 of 9
    assert "Totaal Zwolle</th><td class=\"num\" data-figure=\"invited\">21</td>" in text and "47,6%" in text  # 10 of 21
    assert "34,5%" in text  # all: 10 of 29
    assert ">1</td>" in text  # one started


def test_organisation_upload(client, world):
    login_as(client, world.researcher)
    token = csrf_for(client.get("/console/organisatie"))
    data = b"gemeente,team,label\nsteenwijkerland,consulententeam-binnen,Consulententeam Binnen\n"
    response = client.post("/console/organisatie", data={"csrf_token": token, "file": (io.BytesIO(data), "org.csv")})
    assert response.status_code == 302
    assert db.session.scalar(select(Team).where(Team.slug == "consulententeam-binnen")) is not None
    bad = b"gemeente,team,label\nZwolle,zwolle-noord,Noord\n"
    text = client.post("/console/organisatie", data={"csrf_token": token, "file": (io.BytesIO(bad), "org.csv")}
                       ).get_data(as_text=True)
    assert "org.csv:2: kolom &#39;gemeente&#39;" in text


def test_instrument_preview_is_read_only(client, world):
    login_as(client, world.researcher)
    text = client.get("/console/instrumenten/samenwerking").get_data(as_text=True)
    assert "<form" not in text.split('id="inhoud"')[1]
    assert 'type="radio"' in text and "Indien nodig kan ik hulp aan een collega vragen." in text
    assert client.get("/console/instrumenten/bestaat-niet").status_code == 404


def test_organisation_upload_with_nul_or_huge_cells_is_refused_with_422(client, world):
    login_as(client, world.researcher)
    token = csrf_for(client.get("/console/organisatie"))
    before = db.session.scalar(select(func.count()).select_from(Team))
    for data, expected in ((b"gemeente,team,label\nzwolle,zwolle-x,Noord\x00\n", "org.csv:2: onleesbaar teken"),
                           (b"gemeente,team,label\nzwolle,zwolle-x," + b"x" * 200_000 + b"\n",
                            "org.csv:2: LIMIT_007 veld is te lang")):
        response = client.post("/console/organisatie",
                               data={"csrf_token": token, "file": (io.BytesIO(data), "org.csv")})
        assert response.status_code == 422
        assert expected in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Team)) == before
