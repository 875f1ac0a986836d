"""After submission nothing in the database tells which invitation produced which response."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import DateTime, func, inspect, select, text

from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import Base, Draft, Invitation, InvitationStatus, Response, Wave, WaveStatus
from survey_app.services.waves import set_status
from survey_app.survey.flow import find_respondent, save_page, submit
from tests.survey.submitting import submit_answers

RESPONDENT_SIDE = {"response", "wave_frame"}
INVITATION_SIDE = {"invitation", "draft"}


def test_schema_has_no_path_between_invitation_and_response(app):
    inspector = inspect(db.engine)
    for table in RESPONDENT_SIDE | INVITATION_SIDE:
        other = INVITATION_SIDE if table in RESPONDENT_SIDE else RESPONDENT_SIDE
        for fk in inspector.get_foreign_keys(table):
            assert fk["referred_table"] not in other, (table, fk)
        columns = {c["name"] for c in inspector.get_columns(table)}
        if table in RESPONDENT_SIDE:
            assert not columns & {"invitation_id", "draft_id", "token", "token_hash"}, table
        else:
            assert not columns & {"response_id", "answer_id"}, table
    for table in Base.metadata.sorted_tables:
        if table.name in RESPONDENT_SIDE | INVITATION_SIDE:
            for column in table.columns:
                assert not isinstance(column.type, DateTime), f"{table.name}.{column.name} is finer than a day"
    for column in inspector.get_columns("response"):
        assert column["name"] != "ip" and "agent" not in column["name"] and "referrer" not in column["name"]


def _all_values(table: str) -> list[dict]:
    return [dict(row._mapping) for row in db.session.execute(text(f"SELECT * FROM {table}"))]


def test_no_value_joins_a_submitted_response_to_its_invitation(client, create_open_wave, invite):
    wave = create_open_wave(modules=["samenwerking"])
    tokens = invite(wave, "zwolle-noord", 12)
    for number, token in enumerate(tokens[:11]):
        submit_answers(client, token, {"sw_hulp_vragen": str(1 + number % 5)}, page="problemen_oplossen")
    set_status(wave, WaveStatus.CLOSED)
    db.session.commit()
    assert len(_all_values("response")) == 11 and _all_values("draft") == []
    invitation_values = {str(v) for row in _all_values("invitation") for k, v in row.items()
                         if k not in ("wave_id", "team_id", "status", "from_open_link", "created_on")}
    for row in _all_values("response"):
        for column, value in row.items():
            if column in ("wave_id", "team_id", "answers", "channel", "submitted_on"):
                continue
            assert str(value) not in invitation_values, (column, value)
    for row in _all_values("response"):
        assert isinstance(row["submitted_on"], dt.date | str)
        assert len(str(row["submitted_on"])) == 10  # a date, never a time
        assert row["channel"] == "web"
    for row in _all_values("invitation"):
        assert len(str(row["created_on"])) == 10
    everything = " ".join(str(v) for table in Base.metadata.tables for row in _all_values(table) for v in row.values())
    assert "127.0.0.1" not in everything and "werkzeug" not in everything.lower()


def test_twenty_concurrent_submits_store_exactly_one_response(extra_app, create_open_wave, invite):
    wave = create_open_wave(modules=["samenwerking"])
    token = invite(wave, "zwolle-noord")[0]
    respondent = find_respondent(token)
    instruments = wave_instruments(wave)
    save_page(respondent, instruments.pages[0], {"sw_hulp_vragen": 4})
    db.session.commit()

    threaded_app = extra_app()
    barrier = threading.Barrier(20)
    outcomes: list[object] = []

    def attempt():
        with threaded_app.app_context():
            try:
                barrier.wait()
                outcomes.append(submit(find_respondent(token), instruments))
            except Exception as error:  # a refused token after the winner committed is fine too
                outcomes.append(type(error).__name__)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count(True) == 1, outcomes
    assert all(o is False or o == "SurveyRefusal" for o in outcomes if o is not True), outcomes
    db.session.expire_all()
    # Sealed, not yet a response: one submission cannot form a batch of its team on its own.
    assert db.session.scalar(select(func.count()).select_from(Response)) == 0
    assert db.session.scalar(select(Draft.sealed)) is True
    assert db.session.scalar(select(Invitation.status)) == InvitationStatus.SUBMITTED
    set_status(db.session.get(Wave, wave.id), WaveStatus.CLOSED)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(Response)) == 1
    assert db.session.scalar(select(func.count()).select_from(Draft)) == 0
