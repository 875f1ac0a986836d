"""A PostgreSQL restart (every backend terminated) costs no 500: pooled connections are pinged before use."""

from __future__ import annotations

import psycopg
import pytest

from survey_app.extensions import db


def _terminate_every_backend(database_url: str) -> int:
    """From a connection of its own, end every other backend of the test database, as a restart would."""
    plain_url = database_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain_url, autocommit=True) as admin:
        ended = admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                              "WHERE datname = current_database() AND pid <> pg_backend_pid()").fetchone()[0]
    return ended


def _request_twice_around_a_restart(app_under_test, url: str, database_url: str) -> tuple[int, int, int]:
    """Status before, number of backends ended, status after; each request has its own app context."""
    client = app_under_test.test_client()
    before = client.get(url).status_code
    ended = _terminate_every_backend(database_url)
    after = client.get(url).status_code
    return before, ended, after


@pytest.mark.postgres
def test_first_request_after_a_database_restart_succeeds(app, extra_app, create_open_wave, invite):
    wave = create_open_wave(modules=["samenwerking"])
    token = invite(wave, "zwolle-noord")[0]
    url = str(db.engine.url.render_as_string(hide_password=False))
    server = extra_app()
    assert server.config["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"] is True
    before, ended, after = _request_twice_around_a_restart(server, f"/s/{token}", url)
    assert (before, after) == (200, 200) and ended >= 1


@pytest.mark.postgres
def test_without_pre_ping_the_same_restart_gives_500(app, extra_app, create_open_wave, invite):
    """The control: it is the ping, not luck, that saves the request above."""
    wave = create_open_wave(modules=["samenwerking"])
    token = invite(wave, "zwolle-noord")[0]
    url = str(db.engine.url.render_as_string(hide_password=False))
    server = extra_app(SQLALCHEMY_ENGINE_OPTIONS={})
    was_disabled, server.logger.disabled = server.logger.disabled, True  # the expected 500 logs a traceback
    try:
        before, _, after = _request_twice_around_a_restart(server, f"/s/{token}", url)
    finally:
        server.logger.disabled = was_disabled
    assert (before, after) == (200, 500)
