"""The columnar snapshot of a wave's frame: identical to the frame built from the documents, used only while
fresh (answers revision and variables), written at closing, never shared while a write is uncommitted; and
the report build's analysis cache follows the same revision."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import Response, WaveFrame, WaveStatus
from survey_app.reports import sources
from survey_app.services.answer_store import answers_document, bump_answers_revision
from survey_app.services.answers_frame import build_answers_frame, load_answers_frame
from survey_app.services.frame_assembly import frame_columns
from survey_app.services.wave_frame_store import fresh_frame
from survey_app.services.waves import set_status
from tests.console.conftest import TEAM_A, TEAM_B, add_responses

MODULES = ["samenwerking", "nieuwe_werken"]


def _wave_with_answers(create_open_wave):
    wave = create_open_wave(modules=MODULES)
    add_responses(wave, TEAM_A, 7, seed=3)
    add_responses(wave, TEAM_B, 6, seed=4)
    return wave


def _stored_frames() -> int:
    return db.session.scalar(select(func.count()).select_from(WaveFrame))


def test_snapshot_frame_is_identical_to_the_documents_frame(create_open_wave):
    wave = _wave_with_answers(create_open_wave)
    instruments = wave_instruments(wave)
    columns = frame_columns(instruments)
    built = build_answers_frame(wave.id, columns)
    assert _stored_frames() == 0
    first = load_answers_frame(wave, instruments)  # stale: built from the documents and stored
    assert _stored_frames() == 1
    from_snapshot = fresh_frame(wave.id, columns)
    assert from_snapshot is not None
    for frame in (first, from_snapshot, load_answers_frame(wave, instruments)):
        pd.testing.assert_frame_equal(frame, built, check_exact=True)
        assert list(frame.dtypes) == list(built.dtypes)
    # the shape every reader relies on: floats with NaN for numbers, object with None for text
    assert list(built.columns) == ["gemeente", "team", *columns.order]
    assert all(built[name].dtype == np.float64 for name in columns.numeric)
    text = columns.textual[0]
    assert built[text].dtype == object and any(value is None for value in built[text])
    assert len(built) == 13


def test_a_write_makes_the_snapshot_stale_and_the_next_read_sees_it(create_open_wave):
    wave = _wave_with_answers(create_open_wave)
    instruments = wave_instruments(wave)
    assert len(load_answers_frame(wave, instruments)) == 13
    team_id = next(p.team_id for p in wave.teams if p.team.slug == TEAM_A)
    db.session.add(Response(wave_id=wave.id, team_id=team_id, answers=answers_document({"sw_hulp_vragen": 2})))
    bump_answers_revision(wave.id)
    db.session.commit()
    assert fresh_frame(wave.id, frame_columns(instruments)) is None
    frame = load_answers_frame(wave, instruments)
    assert len(frame) == 14 and (frame["sw_hulp_vragen"] == 2.0).sum() >= 1
    assert fresh_frame(wave.id, frame_columns(instruments)) is not None


def test_an_uncommitted_write_is_never_shared_as_snapshot(create_open_wave):
    wave = _wave_with_answers(create_open_wave)
    instruments = wave_instruments(wave)
    team_id = next(p.team_id for p in wave.teams if p.team.slug == TEAM_A)
    db.session.add(Response(wave_id=wave.id, team_id=team_id, answers=answers_document({"sw_hulp_vragen": 2})))
    bump_answers_revision(wave.id)
    assert len(load_answers_frame(wave, instruments)) == 14  # this session sees its own write
    db.session.rollback()
    assert _stored_frames() == 0
    assert len(load_answers_frame(wave, instruments)) == 13


def test_other_variables_do_not_use_the_snapshot(create_open_wave):
    wave = _wave_with_answers(create_open_wave)
    instruments = wave_instruments(wave)
    load_answers_frame(wave, instruments)
    fewer = frame_columns(instruments)
    assert fresh_frame(wave.id, fewer) is not None
    shorter = type(fewer)(fewer.order[:-1], fewer.numeric, fewer.textual[:-1], fewer.kinds[:-1])
    assert fresh_frame(wave.id, shorter) is None


def test_closing_stores_the_snapshot_at_the_final_revision(create_open_wave):
    wave = _wave_with_answers(create_open_wave)
    set_status(wave, WaveStatus.CLOSED)
    db.session.commit()
    stored = db.session.scalar(select(WaveFrame))
    assert stored.answers_revision == wave.answers_revision
    assert fresh_frame(wave.id, frame_columns(wave_instruments(wave))) is not None


def test_reports_reuse_one_analysis_per_wave_until_the_answers_change(create_open_wave, monkeypatch):
    wave = _wave_with_answers(create_open_wave)
    calls = []
    real = sources.run_analysis
    monkeypatch.setattr(sources, "run_analysis", lambda *a, **k: calls.append(a) or real(*a, **k))
    sources.clear_cache()
    first = sources.cached_analysis(wave)
    assert sources.cached_analysis(wave) is first and len(calls) == 1
    bump_answers_revision(wave.id)
    db.session.commit()
    sources.cached_analysis(wave)
    assert len(calls) == 2
    sources.clear_cache()
