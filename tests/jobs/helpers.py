"""Waiting for queued work in tests: poll the shared job row, never a duration."""

from __future__ import annotations

import time

from survey_app.extensions import db
from survey_app.jobs.models import Job, JobState

#: generous: a report build on a busy shared machine; the tests wait for a state, they assert no duration
WAIT_SECONDS = 600


def wait_for_job(job_id: int, states=(JobState.DONE, JobState.FAILED)) -> Job:
    """Poll the job row (a fresh read each time) until it reaches one of `states`."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        db.session.rollback()
        job = db.session.get(Job, job_id)
        db.session.refresh(job)
        if job.state in states or time.monotonic() > deadline:
            return job
        time.sleep(0.2)


def pdf_when_built(client, url: str):
    """GET a stored-PDF download; while it answers 202 ("wordt gemaakt"), wait for the queued build, then again."""
    from survey_app.jobs.report_tasks import KIND

    response = client.get(url)
    if response.status_code != 202:
        return response
    latest = db.session.scalar(db.select(Job).where(Job.kind == KIND).order_by(Job.id.desc()).limit(1))
    assert wait_for_job(latest.id).state == JobState.DONE
    return client.get(url)
