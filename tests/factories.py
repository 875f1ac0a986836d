"""Factory fixtures: small, explicit ways to create the organisation, waves and users a test needs."""

from __future__ import annotations

import pytest

from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments
from survey_app.models import Gemeente, Team, WaveStatus
from survey_app.services.waves import create_wave

ORG_2017 = {
    "zwolle": ["zwolle-noord", "zwolle-zuid", "zwolle-west", "zwolle-oost", "zwolle-midden"],
    "elburg": ["team-doeth"],
    "ommen-hardenberg": ["samen-doen-noord", "samen-doen-zuid", "samen-doen-west", "samen-doen-kern",
                         "samen-doen-ommen"],
    "steenwijkerland": ["consulententeam-binnen", "consulententeam-buiten"],
}


@pytest.fixture
def create_org(app):
    """Create gemeenten and teams: create_org({"zwolle": ["zwolle-noord"]}); default the 2017 organisation."""

    def _create(structure: dict[str, list[str]] | None = None) -> dict[str, Team]:
        teams = {}
        for gemeente_slug, team_slugs in (structure or ORG_2017).items():
            gemeente = Gemeente(slug=gemeente_slug, label=gemeente_slug.replace("-", " ").title())
            db.session.add(gemeente)
            for slug in team_slugs:
                teams[slug] = Team(slug=slug, label=f"Team {slug}", gemeente=gemeente)
                db.session.add(teams[slug])
        db.session.commit()
        return teams

    return _create


@pytest.fixture
def create_open_wave(app, create_org):
    """An open wave over all shipped modules (or the given ones) with the 2017 organisation."""

    def _create(name: str = "2017", modules: list[str] | None = None, headcount: int = 10, org=None):
        create_org(org)
        instruments = current_instruments()
        module_ids = modules or [m.id for m in instruments.modules]
        teams = [slug for slugs in (org or ORG_2017).values() for slug in slugs]
        wave = create_wave(name, module_ids, instruments, {slug: headcount for slug in teams})
        wave.status = WaveStatus.OPEN
        db.session.commit()
        return wave

    return _create


@pytest.fixture
def invite(app):
    """Personal links for a team of a wave: invite(wave, "zwolle-noord", count=1) -> list of tokens."""
    from survey_app.services.invitations import create_invitations

    def _invite(wave, team_slug: str, count: int = 1) -> list[str]:
        tokens = create_invitations(wave, team_slug, count)
        db.session.commit()
        return tokens

    return _invite
