"""Sealed submissions become responses in batches of at least the minimum cell size; open links cannot pad a team."""

from __future__ import annotations

from flask import g
from sqlalchemy import func, select

from survey_app.console.monitor import response_monitor
from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments
from survey_app.models import Draft, Invitation, InvitationStatus, Response, WaveStatus
from survey_app.services.errors import InputError
from survey_app.services.tokens import hash_token, new_token
from survey_app.services.waves import create_wave, set_status
from tests.conftest import csrf_token_from
from tests.survey.submitting import submit_answers

PAGE = "wat_nodig"


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _sealed() -> int:
    return _count(Draft, Draft.sealed.is_(True))


def test_batches_keep_min_cell_size_back_while_open_and_release_the_rest_at_closing(client, create_open_wave, invite):
    wave = create_open_wave(modules=["open_vragen"], headcount=30)
    tokens = invite(wave, "zwolle-noord", 23)
    for number, token in enumerate(tokens[:9]):
        submit_answers(client, token, {"open_nodig_team": f"antwoord {number}"}, page=PAGE)
    assert (_count(Response), _sealed()) == (0, 9)  # fewer than twice the minimum: nothing released yet
    submit_answers(client, tokens[9], {"open_nodig_team": "antwoord 9"}, page=PAGE)
    assert (_count(Response), _sealed()) == (5, 5)  # ten waiting: five go, five stay for the last batch
    for number, token in enumerate(tokens[10:23], start=10):
        submit_answers(client, token, {"open_nodig_team": f"antwoord {number}"}, page=PAGE)
    assert _count(Response) + _sealed() == 23 and _sealed() >= 5
    monitor, total = response_monitor(wave)
    assert total.responded == 23 and total.held == 0  # the monitor counts sealed submissions at once
    set_status(wave, WaveStatus.CLOSED)
    db.session.commit()
    assert (_count(Response), _count(Draft)) == (23, 0)
    assert _count(Invitation, Invitation.status == InvitationStatus.SUBMITTED) == 23


def test_empty_submission_is_refused_and_the_link_stays_usable(client, create_open_wave, invite):
    wave = create_open_wave(modules=["open_vragen"])
    token = invite(wave, "zwolle-noord")[0]
    confirm = client.get(f"/s/{token}/controle").get_data(as_text=True)
    refused = client.post(f"/s/{token}/verzenden", data={"csrf_token": csrf_token_from(confirm)})
    assert refused.status_code == 422
    assert "Een lege vragenlijst kan niet worden verstuurd" in refused.get_data(as_text=True)
    assert db.session.scalar(select(Invitation.status)) != InvitationStatus.SUBMITTED
    assert _sealed() == 0
    submit_answers(client, token, {"open_nodig_team": "toch iets"}, page=PAGE)
    assert _sealed() == 1


def _open_link(wave, team: str) -> str:
    shared = new_token()
    participation = next(p for p in wave.teams if p.team.slug == team)
    participation.open_link_hash = hash_token(shared)
    db.session.commit()
    return shared


def _mint(client, shared: str) -> str:
    # Requests of every test client share the test's app context, where Flask-WTF caches the CSRF token of
    # whichever session asked first; each "browser" here needs its own.
    g.pop("csrf_token", None)
    landing = client.get(f"/o/{shared}").get_data(as_text=True)
    minted = client.post(f"/o/{shared}", data={"csrf_token": csrf_token_from(landing)})
    assert minted.status_code == 302
    return minted.headers["Location"].rsplit("/s/", 1)[1]


def test_one_personal_link_per_browser(app, create_open_wave):
    wave = create_open_wave(modules=["open_vragen"], headcount=8)
    shared = _open_link(wave, "team-doeth")
    browser = app.test_client()
    first = _mint(browser, shared)
    assert _mint(browser, shared) == first  # the same browser is sent back to its own link
    assert "al eerder een persoonlijke link" in browser.get(f"/o/{shared}").get_data(as_text=True)
    submit_answers(browser, first, {"open_nodig_team": "een antwoord"}, page=PAGE)
    again = browser.post(f"/o/{shared}", data={"csrf_token": csrf_token_from(
        browser.get(f"/o/{shared}").get_data(as_text=True))}, follow_redirects=True)
    assert again.status_code == 410 and "al ingevuld" in again.get_data(as_text=True)
    assert _count(Invitation) == 1
    other_browser = app.test_client()
    assert _mint(other_browser, shared) != first


def test_open_link_cannot_pad_a_team_beyond_its_headcount(app, create_open_wave):
    wave = create_open_wave(modules=["open_vragen"], headcount=3)
    shared = _open_link(wave, "team-doeth")
    for number in range(5):  # five "colleagues" in a team of three: one client clearing its cookie each time
        browser = app.test_client()
        submit_answers(browser, _mint(browser, shared), {"open_nodig_team": f"antwoord {number}"}, page=PAGE)
    held = _count(Draft, Draft.held.is_(True))
    assert held == 2
    _, total = response_monitor(wave)
    assert (total.responded, total.held) == (3, 2)
    set_status(wave, WaveStatus.CLOSED)
    db.session.commit()
    assert _count(Response) == 3 and _count(Draft, Draft.held.is_(True)) == 2  # held ones wait for a decision


def test_minimum_cell_size_below_three_is_refused_everywhere(app, runner, create_org):
    create_org({"zwolle": ["zwolle-noord"]})
    try:
        create_wave("klein", ["open_vragen"], current_instruments(), {"zwolle-noord": 4}, min_cell_size=2)
        raise AssertionError("a minimum cell size of 2 was accepted")
    except InputError as error:
        assert "minstens 3" in str(error)
    db.session.rollback()
    result = runner.invoke(args=["wave", "create", "klein", "--instruments", "open_vragen", "--min-cell-size", "1"])
    assert result.exit_code == 1 and "minstens 3" in result.output
    result = runner.invoke(args=["wave", "create", "klein", "--instruments", "open_vragen", "--min-cell-size", "0"])
    assert result.exit_code == 1 and "minstens 3" in result.output


def test_researcher_counts_in_or_discards_held_submissions(app, create_open_wave):
    from survey_app.models import AuditEvent
    from survey_app.services.users import create_user
    from tests.console.conftest import PASSWORD, login_as

    wave = create_open_wave(modules=["open_vragen"], headcount=2)
    shared = _open_link(wave, "team-doeth")
    for number in range(4):
        browser = app.test_client()
        submit_answers(browser, _mint(browser, shared), {"open_nodig_team": f"antwoord {number}"}, page=PAGE)
    researcher = create_user("onderzoeker@example.nl", "researcher", password=PASSWORD)
    db.session.commit()
    console = app.test_client()
    g.pop("csrf_token", None)
    login_as(console, researcher)
    monitor = console.get(f"/console/golven/{wave.name}/respons").get_data(as_text=True)
    assert "Vastgehouden via de teamlink" in monitor
    url = f"/console/golven/{wave.name}/vastgehouden/team-doeth"
    console.post(url, data={"csrf_token": csrf_token_from(monitor), "decision": "meetellen"})
    assert _count(Draft, Draft.held.is_(True)) == 0 and _sealed() == 4
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "held_reviewed")) == 1
    browser = app.test_client()
    submit_answers(browser, _mint(browser, shared), {"open_nodig_team": "nog een"}, page=PAGE)
    assert _count(Draft, Draft.held.is_(True)) == 1
    g.pop("csrf_token", None)
    monitor = console.get(f"/console/golven/{wave.name}/respons").get_data(as_text=True)
    console.post(url, data={"csrf_token": csrf_token_from(monitor), "decision": "verwijderen"})
    assert _count(Draft, Draft.held.is_(True)) == 0 and _sealed() == 4
