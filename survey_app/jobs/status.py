"""Writes to the `job` table: the one place where a job's state and progress change.

Every change is a single UPDATE on its own transaction (`_update`), so several workers on several machines
advancing one job never lose a count, and a web request in another process sees it at its next poll.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from survey_app.extensions import db
from survey_app.jobs.models import Job, JobState, utcnow

#: a running job that has not moved for this long is probably lost with a stopped worker: offered for retry
STALLED_AFTER = dt.timedelta(minutes=10)
ACTIVE = (JobState.QUEUED, JobState.RUNNING)


def create(kind: str, label: str, wave_id: int | None = None, total: int = 1, params: dict | None = None) -> Job:
    """A new queued job (flushed; the caller commits, then the task is queued: see tasks.enqueue_after_commit)."""
    job = Job(kind=kind, label=label, wave_id=wave_id, total=total, params=params or {}, state=JobState.QUEUED)
    db.session.add(job)
    db.session.flush()
    return job


def _update(job_id: int, attempt: int | None, **values) -> bool:
    """One UPDATE of the job, committed at once; False when the job is gone or on another attempt."""
    statement = update(Job).where(Job.id == job_id).values(updated_at=utcnow(), **values)
    if attempt is not None:
        statement = statement.where(Job.attempt == attempt)
    changed = db.session.execute(statement).rowcount
    db.session.commit()
    return bool(changed)


def start(job_id: int, attempt: int | None = None, total: int | None = None, done: int = 0) -> bool:
    """The job runs now (with `total` parts, `done` of them already there)."""
    values = {"state": JobState.RUNNING, "done": done, "failed": 0, "reason": ""}
    if total is not None:
        values["total"] = total
    return _update(job_id, attempt, **values)


def settle(job_id: int, attempt: int) -> None:
    """Once every part is finished or failed, the job is done (no part failed) or failed."""
    finished = (Job.id == job_id, Job.attempt == attempt, Job.state == JobState.RUNNING,
                Job.done + Job.failed >= Job.total)
    for state, condition in ((JobState.FAILED, Job.failed > 0), (JobState.DONE, Job.failed == 0)):
        db.session.execute(update(Job).where(*finished, condition).values(state=state, updated_at=utcnow()))
    db.session.commit()


def part_done(job_id: int, attempt: int) -> None:
    """One more part finished."""
    if _update(job_id, attempt, done=Job.done + 1):
        settle(job_id, attempt)


def part_failed(job_id: int, attempt: int, reason: str) -> None:
    """One part failed, with the Dutch reason the researcher reads."""
    if _update(job_id, attempt, failed=Job.failed + 1, reason=reason[:500]):
        settle(job_id, attempt)


def progress(job_id: int, attempt: int, done: int, total: int) -> None:
    """Progress of a single-task job that reports its own steps (an export, a mail batch)."""
    _update(job_id, attempt, done=done, total=max(total, 1))


def finish(job_id: int, attempt: int, output_name: str = "", output: bytes | None = None) -> None:
    """A single-task job finished, with the file it produced if any."""
    values = {"state": JobState.DONE, "done": Job.total}
    if output is not None:
        values |= {"output_name": output_name, "output": output}
    _update(job_id, attempt, **values)


def fail(job_id: int, attempt: int | None, reason: str) -> None:
    """The job failed as a whole (its preparation, or a single-task job)."""
    _update(job_id, attempt, state=JobState.FAILED, reason=reason[:500])


def requeue(job: Job) -> int:
    """Make the job queued again under a new attempt number (its earlier tasks stop counting); returns it."""
    job.attempt += 1
    job.state, job.done, job.failed, job.reason, job.updated_at = JobState.QUEUED, 0, 0, "", utcnow()
    db.session.flush()
    return job.attempt


def is_stalled(job: Job) -> bool:
    """Running or queued without any change for STALLED_AFTER: its worker probably stopped."""
    return job.state in ACTIVE and utcnow() - job.updated_at > STALLED_AFTER


def may_retry(job: Job) -> bool:
    """Failed jobs and stalled ones may be started again from the console."""
    return job.state == JobState.FAILED or is_stalled(job)


def latest_for_wave(wave_id: int, kind: str) -> Job | None:
    """The wave's most recent job of a kind."""
    return db.session.scalar(select(Job).where(Job.wave_id == wave_id, Job.kind == kind)
                             .order_by(Job.id.desc()).limit(1))


def active_for_wave(wave_id: int, kind: str) -> Job | None:
    """The wave's queued or running job of a kind that is not stalled, if any."""
    job = latest_for_wave(wave_id, kind)
    return job if job is not None and job.state in ACTIVE and not is_stalled(job) else None


def recent(limit: int = 50) -> list[Job]:
    """The newest jobs, for the console's list."""
    return list(db.session.scalars(select(Job).order_by(Job.id.desc()).limit(limit)))
