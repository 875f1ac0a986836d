"""The distributed mode with the real parts: a redis-server from Debian as the broker, two `flask worker`
processes in separate working directories sharing only Redis and the database, building every report of the
demo wave when it closes; one worker is stopped mid-build and a fresh one, elsewhere, finishes the queue."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.jobs import status
from survey_app.jobs.models import JobState, ReportFile
from survey_app.jobs.report_tasks import KIND
from survey_app.models import WaveStatus
from survey_app.services.demo import DEMO_WAVE
from survey_app.services.waves import get_wave, set_status
from tests.conftest import skip_or_fail
from tests.foundation.servers import redis_server
from tests.jobs.helpers import WAIT_SECONDS, wait_for_job
from tests.jobs.processes import environment, log_of, stop_gracefully, workers


@pytest.fixture
def redis_url(tmp_path):
    with redis_server(tmp_path) as url:
        if url is None:
            skip_or_fail("redis-server is not installed (Debian package redis-server)")
        yield url


@pytest.fixture
def app(_schema, redis_url):
    """The test app queueing on the throwaway Redis."""
    from tests.conftest import _empty_all_tables, make_test_app

    app = make_test_app(_schema, JOB_QUEUE_URL=redis_url)
    with app.app_context():
        yield app
        db.session.remove()
        _empty_all_tables()
        db.engine.dispose()


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"nog steeds niet: {what}"
        time.sleep(0.2)


def test_two_workers_on_other_machines_build_every_report_of_the_demo_wave(app, runner, _schema, redis_url,
                                                                          tmp_path):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    wave = get_wave(DEMO_WAVE)
    env = environment(_schema, redis_url)
    with workers([tmp_path / "machine-a", tmp_path / "machine-b"], env) as (first, second):  # noqa: SIM117
        set_status(wave, WaveStatus.CLOSED)
        db.session.commit()
        job = status.latest_for_wave(wave.id, KIND)
        expected = 1 + len(wave.teams) + len({p.team.gemeente_id for p in wave.teams})  # and the overall report
        assert job.total == expected and job.state == JobState.QUEUED

        def progressed() -> bool:
            db.session.rollback()
            return db.session.get(type(job), job.id).done >= 2

        wait_until(progressed, "twee rapportages klaar")
        first_log = stop_gracefully(first)  # machine a goes down mid-build; what it had in hand is finished first
        with workers([tmp_path / "machine-c"], env) as (third,):
            job = wait_for_job(job.id)
            logs = [first_log, log_of(second), log_of(third)]
    assert (job.state, job.done, job.failed, job.reason) == (JobState.DONE, expected, 0, ""), logs
    assert db.session.scalar(select(func.count()).select_from(ReportFile).where(ReportFile.wave_id == wave.id)) \
        == expected
    assert all(pdf.startswith(b"%PDF") for pdf in db.session.scalars(select(ReportFile.content)))
    rendered = [log.count("report_tasks.render_report") for log in logs]
    assert rendered[1] > 0 and rendered[0] + rendered[2] > 0, rendered  # the work was spread over the machines
    assert not list(tmp_path.glob("machine-*/*")), "a worker wrote into its working directory"
