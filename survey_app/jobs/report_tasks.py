"""A wave's reports as queued work: one task prepares (the analysis once, every report's data), then one task
per PDF renders and stores it, so the PDFs of one wave spread over every worker on every machine.

Queued by closing a wave, by the build button on `/rapporten/<golf>/`, by a teamleider asking for a bijlage
that is not built yet, and by a retry; each time only files missing or stale are rendered.
"""

from __future__ import annotations

import logging

from survey_app.extensions import db
from survey_app.jobs import status
from survey_app.jobs.catalogue import reason_for
from survey_app.jobs.models import Job
from survey_app.jobs.queue import huey
from survey_app.jobs.tasks import enqueue_after_commit, in_app
from survey_app.models import Wave

log = logging.getLogger(__name__)
KIND = "rapporten"


def report_count(wave: Wave) -> int:
    """Files of a wave's build, counted where the build lists them (reports/builder.py)."""
    from survey_app.reports.builder import report_count as files_of_build

    return files_of_build(wave)


def queue_wave_build(wave: Wave) -> Job:
    """The wave's running build, or a new one queued (the caller commits; the task is queued on commit)."""
    active = status.active_for_wave(wave.id, KIND)
    if active is not None:
        return active
    job = status.create(KIND, f"Rapportages golf {wave.name}", wave.id, total=report_count(wave))
    enqueue_after_commit(build_wave_reports, job.id, job.attempt)
    return job


@huey.task()
@in_app
def build_wave_reports(job_id: int, attempt: int) -> None:
    """Prepare every report of the job's wave and queue a render task for each one not yet built."""
    from survey_app.reports.builder import prepare_jobs
    from survey_app.reports.stored import fingerprint, fresh_names

    job = db.session.get(Job, job_id)
    if job is None or job.attempt != attempt:
        return
    wave = db.session.get(Wave, job.wave_id)
    try:
        built_from = fingerprint(wave)
        prepared = prepare_jobs(wave, out_dir="")
        have = fresh_names(wave, built_from)
    except Exception as error:
        db.session.rollback()
        log.exception("Voorbereiding rapportages golf %s mislukt", wave.name)
        status.fail(job_id, attempt, f"De analyse voor de rapportages is mislukt. {reason_for(error)}")
        return
    todo = [item for item in prepared if item.filename not in have]
    status.start(job_id, attempt, total=len(prepared), done=len(prepared) - len(todo))
    for item in todo:
        render_report(job_id, attempt, wave.id, item.filename, item.context, built_from)
    status.settle(job_id, attempt)


@huey.task()
@in_app
def render_report(job_id: int, attempt: int, wave_id: int, filename: str, context: dict, built_from: str) -> None:
    """Render one prepared report to PDF and store it; counts as one part of the job."""
    from survey_app.reports.render import render_pdf, template_for
    from survey_app.reports.stored import save

    job = db.session.get(Job, job_id)
    if job is None or job.attempt != attempt:
        return  # superseded by a retry, or the wave is gone
    db.session.rollback()  # end the read transaction before the long render
    try:
        content = render_pdf(template_for(context), context)
        save(wave_id, filename, built_from, content)
    except Exception as error:
        db.session.rollback()
        log.exception("Rapportage %s mislukt", filename)
        status.part_failed(job_id, attempt, f"{filename} is niet gemaakt. {reason_for(error)}")
        return
    status.part_done(job_id, attempt)
