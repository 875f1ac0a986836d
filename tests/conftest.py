"""Shared fixtures: an app on the test database (SQLite, or PostgreSQL when DATABASE_URL says so),
a clean database for every test, and helpers for CSRF tokens and factories."""

from __future__ import annotations

import os
import re

import pytest
from sqlalchemy import text

from survey_app import create_app
from survey_app.config import normalise_database_url
from survey_app.extensions import db
from survey_app.models import Base

pytest_plugins = ["tests.factories", "tests.smtp_server"]


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` exercise what only a PostgreSQL server has (a restart, pageinspect): on the SQLite
    run they are left out rather than skipped, and the PostgreSQL run of CI runs them."""
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    kept = [item for item in items if item.get_closest_marker("postgres") is None]
    left_out = [item for item in items if item.get_closest_marker("postgres") is not None]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


def skip_or_fail(reason: str) -> None:
    """Skip locally when a real part (PostgreSQL, Chromium) is missing; under CI=true that is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs this: {reason}")
    pytest.skip(reason)


def _worker_database(url: str, worker: str) -> str:
    """Under pytest-xdist each worker gets a PostgreSQL database of its own (`<name>_<worker>`), created on
    first use: the fixtures empty every table after each test, which two workers on one database would race."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        url = normalise_database_url(url)
        worker = os.environ.get("PYTEST_XDIST_WORKER")
        return _worker_database(url, worker) if worker and url.startswith("postgresql") else url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


def make_test_app(database_url: str, **overrides):
    """An app configured for tests only through the factory's argument."""
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_SECURE": False,
        "PUBLIC_BASE_URL": "http://localhost",
        # Many tests talk to the app from one address; the rate-limit tests set their own, lower limits.
        "SURVEY_RATE_LIMIT": "100000 per minute",
        "OPEN_LINK_RATE_LIMIT": "100000 per minute",
        "LOGIN_RATE_LIMIT": "100000 per minute",
        # queued jobs stay in this process; tests that run them start a consumer (tests/jobs/conftest.py)
        "JOB_QUEUE_URL": "memory://",
    }
    config.update(overrides)
    return create_app(config)


@pytest.fixture(scope="session")
def _schema(database_url):
    """Build the schema once per run through the real migrations (so they are tested on each engine)."""
    from flask_migrate import upgrade

    app = make_test_app(database_url)
    with app.app_context():
        with db.engine.begin() as conn:
            if db.engine.dialect.name == "postgresql":
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            else:
                Base.metadata.drop_all(conn)
                conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        upgrade()
        db.engine.dispose()
    return database_url


def _empty_all_tables() -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(text(f"DELETE FROM {table}"))


@pytest.fixture
def app(_schema):
    """A fresh app for each test; every table is emptied afterwards."""
    app = make_test_app(_schema)
    with app.app_context():
        yield app
        db.session.remove()
        _empty_all_tables()
        db.engine.dispose()


@pytest.fixture
def extra_app(_schema):
    """More apps on the same database with other settings: extra_app(SURVEY_RATE_LIMIT="5 per minute")."""
    created = []

    def _make(**overrides):
        created.append(make_test_app(_schema, **overrides))
        return created[-1]

    yield _make
    for other in created:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def consumer(app):
    """A Huey consumer with two threads in this process, on the app's queue; stopped after the test."""
    from survey_app.jobs.queue import bind_app, start_in_process

    bind_app(app)
    running = start_in_process(workers=2)
    yield running
    running.stop(graceful=True)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_token_from(html: str) -> str:
    """The CSRF token of the first form in a page."""
    match = CSRF_FIELD.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)
