"""The Huey tasks, and how the rest of the platform queues them: `submit` (one line per job) and the report
fan-out of `reports.py`. Each task runs inside the app bound to the queue (`queue.bound_app`), on a fresh
database session, and records what happened in the `job` table; a task never raises into Huey except to ask
for a retry of a temporary failure.
"""

from __future__ import annotations

import functools
import inspect
import logging

from sqlalchemy import event
from sqlalchemy.orm import Session

from survey_app.extensions import db
from survey_app.jobs import status
from survey_app.jobs.catalogue import KINDS, TemporaryFailure, reason_for, resolve
from survey_app.jobs.models import Job
from survey_app.jobs.queue import bound_app, huey

log = logging.getLogger(__name__)
_PENDING = "jobs.pending"


def enqueue_after_commit(task, *args) -> None:
    """Queue `task(*args)` once the current transaction commits: a worker must find the job row it names, and a
    rolled-back job must never run."""
    db.session.info.setdefault(_PENDING, []).append((task, args))


@event.listens_for(Session, "after_commit")
def _enqueue_committed(session: Session) -> None:
    for task, args in session.info.pop(_PENDING, []):
        try:
            task(*args)
        except Exception:  # broker away: the job row stays queued, is shown as stalled and can be retried
            log.exception("Taak %s niet in de wachtrij gezet (wachtrij niet bereikbaar)", task.name)


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)


def in_app(function):
    """Run the task inside the bound app's context with a session of its own, removed afterwards."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with bound_app().app_context():
            try:
                return function(*args, **kwargs)
            finally:
                db.session.remove()

    return wrapper


def submit(kind: str, label: str, wave_id: int | None = None, **params) -> Job:
    """Queue a job of the catalogue (`catalogue.KINDS`) with JSON-able keyword arguments; the caller commits.

    The function gets `params` (and `wave_id`, when given), e.g.
    `submit("e-mail", "Uitnodigingen golf 2017", wave_id=wave.id, batch=ids)` runs `send_batch(wave_id=..., batch=...)`.
    """
    resolve(kind)  # an unknown kind fails here, in the request, not later in a worker
    if wave_id is not None:
        params = {"wave_id": wave_id, **params}
    job = status.create(kind, label, wave_id, total=1, params=params)
    enqueue_after_commit(run_job, job.id, job.attempt)
    return job


def resubmit(job: Job) -> None:
    """Queue a failed or stalled job again (the caller commits): a report build renders only what is missing."""
    attempt = status.requeue(job)
    if job.kind == "rapporten":
        from survey_app.jobs.report_tasks import build_wave_reports

        enqueue_after_commit(build_wave_reports, job.id, attempt)
    else:
        enqueue_after_commit(run_job, job.id, attempt)


@huey.task(retries=3, retry_delay=30, context=True)
@in_app
def run_job(job_id: int, attempt: int, task=None) -> None:
    """Run a catalogue job: its function gets the stored parameters and, if it asks, a progress callback."""
    job = db.session.get(Job, job_id)
    if job is None or job.attempt != attempt:
        return  # deleted with its wave, or superseded by a retry
    function, params = resolve(job.kind), dict(job.params)
    status.start(job_id, attempt, total=job.total)
    if "progress" in inspect.signature(function).parameters:
        params["progress"] = functools.partial(status.progress, job_id, attempt)
    try:
        output = function(**params)
        db.session.commit()
    except TemporaryFailure as error:
        db.session.rollback()
        if task is not None and task.retries > 0:
            status.fail(job_id, attempt, f"{error} Er volgt nog een poging.")
            raise
        status.fail(job_id, attempt, str(error))
        return
    except Exception as error:
        db.session.rollback()
        log.exception("Taak %s (%s) mislukt", job_id, job.kind)
        status.fail(job_id, attempt, reason_for(error))
        return
    if output is not None:
        status.finish(job_id, attempt, *output)
    else:
        status.finish(job_id, attempt)


__all__ = ["KINDS", "enqueue_after_commit", "in_app", "resubmit", "run_job", "submit"]
