"""Researcher pages under /rapporten: per wave every bijlage and gemeente report (web page and PDF), and the
build of all PDFs on the job queue with a status page that refreshes itself (static/refresh.js).

The build's status and its PDFs live in the database (`jobs/models.py`), so any web worker on any machine shows
the same progress and serves the same files, and a restarted web worker loses nothing."""

from __future__ import annotations

import re

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from survey_app.auth.access import roles_required
from survey_app.extensions import db
from survey_app.jobs import status as job_status
from survey_app.jobs.report_tasks import KIND, queue_wave_build
from survey_app.models import Role, Team, Wave, WaveTeam
from survey_app.reports import stored
from survey_app.services import audit

bp = Blueprint("reports", __name__, url_prefix="/rapporten", template_folder="templates")
STAFF = (Role.RESEARCHER, Role.ADMIN)


def _wave(name: str) -> Wave:
    wave = db.session.scalar(select(Wave).where(Wave.name == name))
    if wave is None:
        abort(404)
    return wave


def _team(wave: Wave, slug: str) -> Team:
    team = db.session.scalar(select(Team).join(WaveTeam, WaveTeam.team_id == Team.id)
                             .where(WaveTeam.wave_id == wave.id, Team.slug == slug))
    if team is None:
        abort(404)
    return team


def _gemeente(wave: Wave, slug: str) -> str:
    if slug not in {p.team.gemeente.slug for p in wave.teams}:
        abort(404)
    return slug


def _audited(detail: str) -> None:
    audit.record(audit.Action.REPORT_DOWNLOAD, detail, user=current_user)
    db.session.commit()


def _pdf(content: bytes, filename: str):
    return current_app.response_class(content, mimetype="application/pdf",
                                      headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _web_page(html: str, wave: Wave, pdf_url: str) -> str:
    """A report inside the site layout (header, staff menu, a way back to the wave's reports, main landmark)."""
    from survey_app.reports.web import embedded

    title, body = embedded(html)
    return render_template("reports/web_report.html", report_title=title, report_body=body, pdf_url=pdf_url,
                           back_url=url_for("reports.wave_page", wave=wave.name),
                           back_label=f"Rapportages {wave.label or wave.name}")


@bp.get("/")
@roles_required(*STAFF)
def index():
    """The waves, newest first."""
    waves = db.session.scalars(select(Wave).order_by(Wave.created_on.desc(), Wave.id.desc())).all()
    return render_template("reports/index.html", waves=waves)


@bp.get("/<wave>/")
@roles_required(*STAFF)
def wave_page(wave: str):
    """Teams and gemeenten of a wave with links to their reports, and the build-all form."""
    current = _wave(wave)
    teams = sorted((p.team for p in current.teams), key=lambda t: (t.gemeente.slug, t.slug))
    gemeenten = sorted({t.gemeente.slug: t.gemeente for t in teams}.values(), key=lambda g: g.slug)
    return render_template("reports/wave.html", wave=current, teams=teams, gemeenten=gemeenten,
                           job=job_status.latest_for_wave(current.id, KIND))


@bp.get("/<wave>/team/<team>")
@roles_required(*STAFF)
def team_html(wave: str, team: str):
    """A team's bijlage as a web page."""
    from survey_app.reports import render_bijlage_html

    current = _wave(wave)
    current_team = _team(current, team)
    html = render_bijlage_html(current, current_team, url_for("static", filename=""),
                               plan_url=url_for("plans.plan", wave=current.name, team=current_team.slug))
    _audited(f"golf {current.name}, team {current_team.slug}, HTML")
    return _web_page(html, current, url_for("reports.team_pdf", wave=wave, team=team))


@bp.get("/<wave>/team/<team>.pdf")
@roles_required(*STAFF)
def team_pdf(wave: str, team: str):
    """A team's bijlage as PDF."""
    from survey_app.reports import build_bijlage_pdf

    current = _wave(wave)
    current_team = _team(current, team)
    content = build_bijlage_pdf(current, current_team)
    _audited(f"golf {current.name}, team {current_team.slug}, PDF")
    return _pdf(content, f"{current.name}-{current_team.gemeente.slug}-{current_team.slug}.pdf")


@bp.get("/<wave>/gemeente/<gemeente>")
@roles_required(*STAFF)
def gemeente_html(wave: str, gemeente: str):
    """A gemeente report as a web page."""
    from survey_app.reports import render_gemeente_html

    current = _wave(wave)
    html = render_gemeente_html(current, _gemeente(current, gemeente), url_for("static", filename=""))
    _audited(f"golf {current.name}, gemeente {gemeente}, HTML")
    return _web_page(html, current, url_for("reports.gemeente_pdf", wave=wave, gemeente=gemeente))


@bp.get("/<wave>/gemeente/<gemeente>.pdf")
@roles_required(*STAFF)
def gemeente_pdf(wave: str, gemeente: str):
    """A gemeente report as PDF."""
    from survey_app.reports import build_gemeente_pdf

    current = _wave(wave)
    content = build_gemeente_pdf(current, _gemeente(current, gemeente))
    _audited(f"golf {current.name}, gemeente {gemeente}, PDF")
    return _pdf(content, f"{current.name}-{gemeente}.pdf")


@bp.get("/<wave>/totaal")
@roles_required(*STAFF)
def totaal_html(wave: str):
    """The overall report (all gemeenten) as a web page."""
    from survey_app.reports import render_totaal_html

    current = _wave(wave)
    html = render_totaal_html(current, url_for("static", filename=""))
    _audited(f"golf {current.name}, totaalrapportage, HTML")
    return _web_page(html, current, url_for("reports.totaal_pdf", wave=wave))


@bp.get("/<wave>/totaal.pdf")
@roles_required(*STAFF)
def totaal_pdf(wave: str):
    """The overall report as PDF."""
    from survey_app.reports import build_totaal_pdf

    current = _wave(wave)
    content = build_totaal_pdf(current)
    _audited(f"golf {current.name}, totaalrapportage, PDF")
    return _pdf(content, f"{current.name}-totaal.pdf")


@bp.post("/<wave>/bouwen")
@roles_required(*STAFF)
def build(wave: str):
    """Queue the build of every PDF of the wave (only missing or outdated files are made again)."""
    current = _wave(wave)
    if job_status.active_for_wave(current.id, KIND) is not None:
        flash("Er loopt al een opdracht voor deze golf.", "info")
    queue_wave_build(current)
    db.session.commit()
    return redirect(url_for("reports.status", wave=current.name))


@bp.get("/<wave>/status")
@roles_required(*STAFF)
def status(wave: str):
    """Progress of the background build; refreshes itself while it runs, download links when done."""
    current = _wave(wave)
    job = job_status.latest_for_wave(current.id, KIND)
    files = stored.stored_names(current) if job is not None and job.state not in job_status.ACTIVE else []
    return render_template("reports/status.html", wave=current, job=job, files=files)


@bp.get("/<wave>/bestanden/<filename>")
@roles_required(*STAFF)
def download(wave: str, filename: str):
    """One PDF of the latest build, as stored."""
    current = _wave(wave)
    if not re.fullmatch(rf"{re.escape(current.name)}-[a-z0-9-]+\.pdf", filename):
        abort(404)
    content = stored.stored_pdf(current, filename)
    if content is None:
        abort(404)
    _audited(f"golf {current.name}, bestand {filename}")
    return _pdf(content, filename)
