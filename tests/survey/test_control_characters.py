"""A NUL or another control character never reaches the database: the questionnaire names the question, every
other URL and form gets a Dutch 400 page, and the respondent can still finish and submit afterwards."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import Draft, Invitation, InvitationStatus
from tests.conftest import csrf_token_from
from tests.survey.driver import fill

OPEN_QUESTION = "open_nodig_competenties"
REFUSED = "Dit antwoord bevat tekens die niet zijn toegestaan."
GUARD_TEXT = "tekens die niet zijn toegestaan"


@pytest.fixture
def open_page(client, create_open_wave, invite):
    """(token, URL of the page with the two open questions) of a fresh invitation."""
    wave = create_open_wave(modules=["open_vragen"])
    token = invite(wave, "zwolle-noord")[0]
    html = client.get(f"/s/{token}").get_data(as_text=True)
    return token, html.split('id="begin" href="')[1].split('"')[0]


def stored_answers() -> dict:
    db.session.expire_all()
    draft = db.session.scalar(select(Draft))
    return dict(draft.answers) if draft else {}


@pytest.mark.parametrize("bad", ["nul\x00teken", "\x00", "bel\x07", "escape\x1b[31m", "del\x7f"])
@pytest.mark.parametrize("action", ["volgende", "later", "vorige"])
def test_control_character_in_open_answer_is_refused_naming_the_question(client, open_page, bad, action):
    _, url = open_page
    data = fill(client.get(url).get_data(as_text=True))
    data[OPEN_QUESTION] = f"Meer tijd {bad} voor overleg"
    data["open_nodig_team"] = "Een vaste collega."
    data["actie"] = action
    response = client.post(url, data=data)
    text = response.get_data(as_text=True)
    if action == "volgende":
        assert response.status_code == 422
        assert REFUSED in text and f'id="fout-{OPEN_QUESTION}"' in text
        assert "\x00" not in text and "Meer tijd" in text  # the text comes back cleaned, to check and send again
        assert stored_answers() == {}
    else:  # leaving the page keeps the good answer and drops the refused one
        assert response.status_code == 302
        assert stored_answers() == {"open_nodig_team": "Een vaste collega."}


def test_line_breaks_and_tabs_are_ordinary_text(client, open_page):
    _, url = open_page
    data = fill(client.get(url).get_data(as_text=True))
    data[OPEN_QUESTION] = "Eerste regel\r\nTweede\tregel"
    assert client.post(url, data=data).status_code == 302
    assert stored_answers()[OPEN_QUESTION] == "Eerste regel\r\nTweede\tregel"


def test_respondent_can_still_submit_after_a_refused_nul(client, open_page):
    token, url = open_page
    data = fill(client.get(url).get_data(as_text=True))
    data[OPEN_QUESTION] = "a\x00b"
    assert client.post(url, data=data).status_code == 422
    data[OPEN_QUESTION] = "ab"
    assert client.post(url, data=data).status_code == 302
    assert stored_answers()[OPEN_QUESTION] == "ab"
    confirm = client.get(f"/s/{token}/controle")
    assert confirm.status_code == 200
    sent = client.post(f"/s/{token}/verzenden", data={"csrf_token": csrf_token_from(confirm.get_data(as_text=True))})
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/bedankt")
    db.session.expire_all()
    assert db.session.scalar(select(Invitation.status)) == InvitationStatus.SUBMITTED


@pytest.mark.parametrize("path", [
    "/s/{token}%00", "/s/%00", "/s/{token}/pagina/%00", "/s/{token}%01/controle", "/o/abc%00def", "/o/%00",
    "/s/{token}?x=%00", "/s/{token}?%00=1", "/?q=%1b", "/inloggen?next=%00", "/console/?golf=a%00b",
    "/team/%00/x/bijlage", "/coderen/%00", "/static/app.css%00",
])
def test_control_characters_in_urls_get_a_dutch_400(client, open_page, path):
    token, _ = open_page
    response = client.get(path.format(token=token))
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert GUARD_TEXT in text and "Foutcode 400" in text and "Traceback" not in text


@pytest.mark.parametrize("field", ["csrf_token", "actie", "\x00", "sw_onbekend"])
def test_nul_in_other_questionnaire_fields_changes_nothing(client, open_page, field):
    _, url = open_page
    data = fill(client.get(url).get_data(as_text=True))
    data[field] = "x\x00"
    response = client.post(url, data=data)
    assert response.status_code == 400 and stored_answers() == {}


def test_nul_in_submit_and_open_link_posts(client, open_page, create_open_wave):
    token, _ = open_page
    confirm = client.get(f"/s/{token}/controle").get_data(as_text=True)
    refused = client.post(f"/s/{token}/verzenden", data={"csrf_token": csrf_token_from(confirm), "x": "\x00"})
    assert refused.status_code == 400 and GUARD_TEXT in refused.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.scalar(select(Invitation.status)) != InvitationStatus.SUBMITTED
    assert client.post(f"/o/{'a' * 20}", data={"csrf_token": "x\x00"}).status_code == 400
