"""Fixtures of the job queue tests: a consumer in this process, and a wave of reports to build."""

from __future__ import annotations

import time

import pytest

from survey_app.jobs.models import Job, JobState
from tests.reports.conftest import pdftext, small_wave  # noqa: F401  (the small constructed wave, pdftotext)

#: generous: a report build on a busy shared machine; the tests wait for a state, they assert no duration
WAIT_SECONDS = 600


@pytest.fixture
def consumer(app):
    """A Huey consumer with two threads in this process, on the app's queue; stopped after the test."""
    from survey_app.jobs.queue import bind_app, start_in_process

    bind_app(app)
    running = start_in_process(workers=2)
    yield running
    running.stop(graceful=True)


def wait_for_job(job_id: int, states=(JobState.DONE, JobState.FAILED)) -> Job:
    """Poll the job row (a fresh read each time) until it reaches one of `states`."""
    from survey_app.extensions import db

    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        db.session.rollback()
        job = db.session.get(Job, job_id)
        db.session.refresh(job)
        if job.state in states or time.monotonic() > deadline:
            return job
        time.sleep(0.2)
