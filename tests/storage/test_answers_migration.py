"""The migration to one answers document per response, on SQLite and PostgreSQL: the schema is built up to the
revision before it, answers are written the old way (one `answer` row per variable), then the upgrade must
turn them into documents with every value intact and drop `answer`; the downgrade must give the rows back.
Runs on a database of its own, so the shared test schema is not touched."""

from __future__ import annotations

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from survey_app.extensions import db
from survey_app.models import Base
from tests.conftest import _worker_database, make_test_app

BEFORE = "c4a9e2f71b30"  # the head before the answers became documents
AFTER = "e5b7d1a9c3f2"
#: response id -> the answer rows the old code stored (canonical text: codes, numbers, multiple choice, text)
OLD_ROWS = {
    "a" * 32: {"sw_hulp_vragen": "4", "ag_leeftijd": "41", "nw_aanwenden_redenen": "tijdgebrek werkdruk",
               "open_nodig_team": "Meer tijd, \"echt\" overleg\nen een tweede regel; ook é en 012"},
    "b" * 32: {"sw_hulp_vragen": "2"},
    "c" * 32: {},
}


@pytest.fixture
def migration_app(database_url, tmp_path):
    url = (_worker_database(database_url, "migration") if database_url.startswith("postgresql")
           else f"sqlite:///{tmp_path / 'migration.db'}")
    app = make_test_app(url)
    with app.app_context():
        with db.engine.begin() as connection:
            if db.engine.dialect.name == "postgresql":
                connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            else:
                Base.metadata.drop_all(connection)
                connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        yield app
        db.session.remove()
        db.engine.dispose()


def _insert_old_way() -> None:
    with db.engine.begin() as connection:
        connection.execute(text("INSERT INTO gemeente (slug, label) VALUES ('zwolle', 'Zwolle')"))
        connection.execute(text("INSERT INTO team (slug, label, gemeente_id) "
                                "SELECT 'zwolle-noord', 'Noord', id FROM gemeente"))
        connection.execute(text("INSERT INTO wave (name, label, status, min_cell_size, is_demo, created_on) "
                                "VALUES ('2017', '', 'closed', 5, false, '2017-01-01')"))
        for response_id, answers in OLD_ROWS.items():
            connection.execute(text(
                "INSERT INTO response (id, wave_id, team_id, submitted_on, channel) "
                "SELECT :id, wave.id, team.id, '2017-01-15', 'import' FROM wave, team"), {"id": response_id})
            for variable, value in answers.items():
                connection.execute(text("INSERT INTO answer (response_id, variable, value) VALUES (:r, :v, :x)"),
                                   {"r": response_id, "v": variable, "x": value})


def _documents() -> dict[str, dict]:
    from survey_app.models import Response

    return dict(db.session.execute(db.select(Response.id, Response.answers)).all())


def test_answer_rows_become_documents_and_back(migration_app):
    upgrade(revision=BEFORE)
    _insert_old_way()
    upgrade(revision=AFTER)
    tables = set(inspect(db.engine).get_table_names())
    assert "answer" not in tables and "wave_frame" in tables
    assert _documents() == OLD_ROWS
    revision = db.session.scalar(text("SELECT answers_revision FROM wave"))
    assert revision == 0
    db.session.commit()

    downgrade(revision=BEFORE)
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT response_id, variable, value FROM answer")).all()
        assert "answers" not in {c["name"] for c in inspect(connection).get_columns("response")}
    back: dict[str, dict] = {response_id: {} for response_id in OLD_ROWS}
    for response_id, variable, value in rows:
        back[response_id][variable] = value
    assert back == OLD_ROWS
