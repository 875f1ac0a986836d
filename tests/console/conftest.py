"""Fixtures for the console tests: a small world (two teams, three waves, one account per role) and logins."""

from __future__ import annotations

import importlib
import random
from dataclasses import dataclass

import pytest

from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments
from survey_app.instruments.synthetic import synthetic_answers
from survey_app.models import Response, User, Wave, WaveStatus
from survey_app.services.answer_store import answers_document, bump_answers_revision
from survey_app.services.users import create_user
from survey_app.services.waves import create_wave

TEAM_A, TEAM_B = "zwolle-noord", "zwolle-zuid"
ORG = {"zwolle": [TEAM_A, TEAM_B], "elburg": ["team-doeth"]}
PASSWORD = "een-lang-wachtwoord"


@dataclass
class World:
    """What the console tests work on."""

    wave: Wave  #: "2017", open, with responses
    closed: Wave  #: "2016", closed
    draft: Wave  #: "2018", draft
    teamleider: User  #: teamleider of TEAM_A only
    researcher: User
    admin: User


def add_responses(wave: Wave, team_slug: str, count: int, seed: int = 1) -> None:
    """Store `count` synthetic responses of a team, as the questionnaire would."""
    from survey_app.instrument_registry import wave_instruments

    instruments = wave_instruments(wave)
    rng = random.Random(seed)
    participation = next(p for p in wave.teams if p.team.slug == team_slug)
    for _ in range(count):
        answers = synthetic_answers(instruments, participation.team.gemeente.slug, team_slug, rng)
        db.session.add(Response(wave_id=wave.id, team_id=participation.team_id, answers=answers_document(answers)))
    bump_answers_revision(wave.id)
    db.session.commit()


@pytest.fixture
def world(app, create_org) -> World:
    """Two Zwolle teams and Elburg, waves 2017 (open, 6 + 4 responses), 2016 (closed), 2018 (draft), 3 accounts."""
    return make_world(create_org)


def make_world(create_org) -> World:
    """The console world, for other test folders' fixtures (the browser tests) too."""
    create_org(ORG)
    instruments = current_instruments()
    modules = [m.id for m in instruments.modules]
    counts = {TEAM_A: 12, TEAM_B: 9, "team-doeth": 8}
    waves = {}
    for name, status in (("2016", WaveStatus.CLOSED), ("2017", WaveStatus.OPEN), ("2018", WaveStatus.DRAFT)):
        waves[name] = create_wave(name, modules, instruments, counts, label=f"Meting {name}")
        waves[name].status = status
    users = (create_user("tl@voorbeeld.nl", "teamleider", PASSWORD, [TEAM_A]),
             create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD),
             create_user("beheer@voorbeeld.nl", "admin", PASSWORD))
    db.session.commit()
    add_responses(waves["2017"], TEAM_A, 6)
    add_responses(waves["2017"], TEAM_B, 4, seed=2)
    return World(waves["2017"], waves["2016"], waves["2018"], *users)


def login_as(client, user: User | None) -> None:
    """Put the account in the client's session (Flask-Login), as a successful login would; None = anonymous.

    The tests run inside one app context that requests reuse, so Flask-Login's cached user in `g` is dropped.
    """
    from flask import g

    g.pop("_login_user", None)
    if user is None:
        return
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True


@pytest.fixture
def no_csrf(app):
    """Switch CSRF checking off for tests about something else (access control); read per request."""
    app.config["WTF_CSRF_ENABLED"] = False
    return app


def csrf_for(page) -> str:
    """The CSRF token of a page the test client fetched."""
    from tests.conftest import csrf_token_from

    return csrf_token_from(page.get_data(as_text=True))


def reports_ready() -> bool:
    """True once survey_app.reports provides the two bijlage functions the teamleider views import."""
    try:
        module = importlib.import_module("survey_app.reports")
    except ImportError:
        return False
    return hasattr(module, "render_bijlage_html") and hasattr(module, "build_bijlage_pdf")
