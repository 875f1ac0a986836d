"""`/taken/`: every queued job with its state and progress, a retry button for failed or stalled ones (CSRF),
and the download of what a job produced (an export, an analysis)."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm

from survey_app.auth.access import roles_required
from survey_app.extensions import db
from survey_app.jobs import status
from survey_app.jobs.models import Job, JobState
from survey_app.jobs.tasks import resubmit
from survey_app.models import Role
from survey_app.services import audit

bp = Blueprint("jobs", __name__, url_prefix="/taken", template_folder="templates")
STAFF = (Role.RESEARCHER, Role.ADMIN)
STATE_LABELS = {JobState.QUEUED: "in de wachtrij", JobState.RUNNING: "bezig", JobState.DONE: "klaar",
                JobState.FAILED: "mislukt"}


@bp.get("/")
@roles_required(*STAFF)
def index():
    """The newest jobs, with progress; refreshes itself while one of them is active."""
    jobs = status.recent()
    active = any(job.state in status.ACTIVE for job in jobs)
    return render_template("jobs/index.html", jobs=jobs, labels=STATE_LABELS, may_retry=status.may_retry,
                           is_stalled=status.is_stalled, active=active, form=FlaskForm())


@bp.post("/<int:job_id>/opnieuw")
@roles_required(*STAFF)
def retry(job_id: int):
    """Queue a failed or stalled job again."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    job = db.session.get(Job, job_id) or abort(404)
    if not status.may_retry(job):
        flash("Deze taak loopt nog of is klaar; opnieuw starten kan alleen na een fout of als ze vastzit.", "info")
        return redirect(url_for("jobs.index"))
    resubmit(job)
    audit.record(audit.Action.JOB_RETRY, f"taak {job.id} ({job.label}) opnieuw gestart", user=current_user)
    db.session.commit()
    flash(f"Taak '{job.label}' staat opnieuw in de wachtrij.", "success")
    return redirect(url_for("jobs.index"))


@bp.post("/golf/<wave>/<kind>")
@roles_required(*STAFF)
def queue_for_wave(wave: str, kind: str):
    """Queue the analysis of a wave (JSON) or an export of its answers (CSV, Excel, SPSS) as a job."""
    from sqlalchemy import select

    from survey_app.exports.run import ANSWER_FORMATS
    from survey_app.jobs.tasks import submit
    from survey_app.models import Wave

    form = FlaskForm()
    current = db.session.scalar(select(Wave).where(Wave.name == wave)) or abort(404)
    if not form.validate_on_submit() or kind not in ("analyse", "export"):
        abort(400)
    if kind == "analyse":
        submit("analyse", f"Analyse golf {current.name}", wave_id=current.id)
    else:
        fmt = request.form.get("fmt", "")
        if fmt not in ANSWER_FORMATS:
            flash(f"Kies een formaat: {', '.join(ANSWER_FORMATS)}.", "error")
            return redirect(url_for("reports.wave_page", wave=current.name))
        submit("export", f"Export golf {current.name} ({fmt})", wave_id=current.id, fmt=fmt, user_id=current_user.id)
    db.session.commit()
    flash("De taak staat in de wachtrij; het bestand verschijnt hier als ze klaar is.", "success")
    return redirect(url_for("jobs.index"))


@bp.get("/<int:job_id>/bestand")
@roles_required(*STAFF)
def output(job_id: int):
    """What a finished job produced (audited like the export it is)."""
    job = db.session.get(Job, job_id) or abort(404)
    if job.state != JobState.DONE or not job.output_name:
        abort(404)
    audit.record(audit.Action.EXPORT, f"taak {job.id}: {job.output_name}", user=current_user)
    db.session.commit()
    return current_app.response_class(job.output, mimetype="application/octet-stream",
                                      headers={"Content-Disposition": f'attachment; filename="{job.output_name}"'})
