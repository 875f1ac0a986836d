"""Teamleider pages. Access is checked on the slug before any lookup, so 'not yours' and 'does not exist'
both answer 404 and reveal nothing about other teams.

A teamleider sees the bijlage of a closed wave only. While a wave is open every submission changes the figures,
so two downloads taken before and after a colleague submits differ by exactly that colleague's answers.
Researchers and admins may still preview an open wave here.
"""

from __future__ import annotations

from flask import abort, current_app, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from survey_app.auth.access import can_see_team
from survey_app.extensions import db
from survey_app.models import Role, Team, Wave, WaveStatus, WaveTeam
from survey_app.services import audit
from survey_app.teamleider import bp


def may_see_figures(wave: Wave) -> bool:
    """True when the current account may see the wave's figures: a closed wave, or staff previewing an open one."""
    return wave.status == WaveStatus.CLOSED or current_user.role in (Role.ADMIN, Role.RESEARCHER)


def _not_yet(wave: Wave, team: Team):
    """The Dutch page instead of the figures of an open wave (403: nothing of it may be shown yet)."""
    return render_template("teamleider/not_yet.html", wave=wave, team=team), 403


def _visible_participations() -> list[WaveTeam]:
    """The (wave, team) pairs this account may see, newest wave first; draft waves are left out."""
    query = (select(WaveTeam).join(Wave, Wave.id == WaveTeam.wave_id).join(Team, Team.id == WaveTeam.team_id)
             .where(Wave.status != WaveStatus.DRAFT).order_by(Wave.created_on.desc(), Wave.name.desc(), Team.slug))
    if current_user.role == Role.TEAMLEIDER:
        query = query.where(WaveTeam.team_id.in_([team.id for team in current_user.teams]))
    return list(db.session.scalars(query))


def wave_and_team(wave_name: str, team_slug: str) -> tuple[Wave, Team]:
    """The wave and team of a bijlage URL; 404 unless the account may see the team and the team took part."""
    if not can_see_team(current_user, team_slug):
        abort(404)
    participation = db.session.scalar(
        select(WaveTeam).join(Wave, Wave.id == WaveTeam.wave_id).join(Team, Team.id == WaveTeam.team_id)
        .where(Wave.name == wave_name, Team.slug == team_slug, Wave.status != WaveStatus.DRAFT))
    if participation is None:
        abort(404)
    return participation.wave, participation.team


@bp.get("/")
@login_required
def index():
    """The waves with a bijlage for the account's team(s)."""
    return render_template("teamleider/index.html", participations=_visible_participations(),
                           may_see_figures=may_see_figures)


@bp.get("/<wave>/<team>/bijlage")
@login_required
def bijlage(wave: str, team: str):
    """The team's bijlage as a web page (audited)."""
    current_wave, current_team = wave_and_team(wave, team)
    if not may_see_figures(current_wave):
        return _not_yet(current_wave, current_team)
    from survey_app.reports import render_bijlage_html
    from survey_app.reports.web import embedded

    title, body = embedded(render_bijlage_html(
        current_wave, current_team, url_for("static", filename=""),
        plan_url=url_for("plans.plan", wave=current_wave.name, team=current_team.slug)))
    audit.record(audit.Action.REPORT_DOWNLOAD, f"golf {current_wave.name}, team {current_team.slug}, HTML",
                 user=current_user)
    db.session.commit()
    return render_template("teamleider/bijlage.html", report_title=title, report_body=body,
                           back_url=url_for("teamleider.index"), back_label="Terug naar de bijlagen van uw team",
                           pdf_url=url_for("teamleider.bijlage_pdf", wave=wave, team=team))


@bp.get("/<wave>/<team>/bijlage.pdf")
@login_required
def bijlage_pdf(wave: str, team: str):
    """The team's bijlage as PDF download (audited): the stored file, or a "wordt gemaakt" page while the queue
    builds it. The PDF is never rendered inside the request (8-12 s that the web tier cannot shed)."""
    from survey_app.jobs.report_tasks import queue_wave_build
    from survey_app.reports.builder import team_filename
    from survey_app.reports.stored import fresh_pdf

    current_wave, current_team = wave_and_team(wave, team)
    if not may_see_figures(current_wave):
        return _not_yet(current_wave, current_team)
    content = fresh_pdf(current_wave, team_filename(current_wave, current_team.gemeente.slug, current_team.slug))
    if content is None:
        job = queue_wave_build(current_wave)  # the running build, or a new one for what is missing
        db.session.commit()
        return render_template("teamleider/being_built.html", wave=current_wave, team=current_team, job=job), 202
    audit.record(audit.Action.REPORT_DOWNLOAD, f"golf {current_wave.name}, team {current_team.slug}, PDF",
                 user=current_user)
    db.session.commit()
    filename = f"bijlage-{current_wave.name}-{current_team.slug}.pdf"
    return current_app.response_class(content, mimetype="application/pdf",
                                      headers={"Content-Disposition": f'attachment; filename="{filename}"'})
