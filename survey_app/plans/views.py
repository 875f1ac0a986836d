"""The plans blueprint: a team's verbeterplan beside its bijlage (teamleider of the team, researchers, admins)
and the researchers' overview per gemeente with its XLSX download.

Access is the bijlage's own (`teamleider.views.wave_and_team`: another team, or a wave the team did not take
part in, is 404; `may_see_figures`: a teamleider plans on a closed wave only). Every focus item and action is
looked up within the URL's wave and team, so a forged id of another team's plan is 404 as well. Every form
posts with the global CSRF protection; writes go through `operations` and are audited there.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from survey_app.auth.access import roles_required
from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import Role, Wave
from survey_app.plans import operations, xlsx
from survey_app.plans.core.actions import check_action
from survey_app.plans.core.figures import find_subject
from survey_app.plans.core.targets import check_target
from survey_app.plans.overview import overview
from survey_app.plans.presentation import plan_context
from survey_app.plans.store import action_of_team, focus_of_team
from survey_app.services import audit
from survey_app.teamleider.views import may_see_figures, wave_and_team

bp = Blueprint("plans", __name__, url_prefix="/verbeterplan", template_folder="templates")
staff = roles_required(Role.ADMIN, Role.RESEARCHER)


def _scope(wave: str, team: str):
    """The wave and team of a plan URL: 404 for another team, 403 page while the wave's figures are closed."""
    current_wave, current_team = wave_and_team(wave, team)
    if not may_see_figures(current_wave):
        abort(403)
    return current_wave, current_team


def _back(wave, team):
    return redirect(url_for("plans.plan", wave=wave.name, team=team.slug))


def _bijlage_url(wave, team) -> str:
    if current_user.role in (Role.ADMIN, Role.RESEARCHER):
        return url_for("reports.team_html", wave=wave.name, team=team.slug)
    return url_for("teamleider.bijlage", wave=wave.name, team=team.slug)


def _target_from_form(subject_bounds):
    return check_target(request.form.get("doel_soort", ""), request.form.get("doel_richting", "ge"),
                        request.form.get("doel_waarde", ""), subject_bounds)


@bp.get("/<wave>/<team>")
@login_required
def plan(wave: str, team: str):
    """The team's verbeterplan of a wave: its focus items with figures, targets and actions."""
    current_wave, current_team = _scope(wave, team)
    return render_template("plans/plan.html", wave=current_wave, team=current_team,
                           p=plan_context(current_wave, current_team),
                           bijlage_url=_bijlage_url(current_wave, current_team))


@bp.post("/<wave>/<team>/punten")
@login_required
def add_focus(wave: str, team: str):
    """Choose a focus item, optionally with a target."""
    current_wave, current_team = _scope(wave, team)
    from survey_app.reports.sources import cached_analysis

    subject = find_subject(wave_instruments(current_wave), cached_analysis(current_wave), current_team.gemeente.slug,
                           request.form.get("onderdeel", ""))
    if subject is None:
        flash("Onderdeel: kies een stelling of schaal uit de lijst.", "error")
        return _back(current_wave, current_team)
    target, problem = _target_from_form(subject.bounds)
    if problem is None and target is not None and target.kind == "agree" and not subject.agree_codes:
        problem = "Doel: bij dit onderdeel is geen % (deels) eens; kies een gemiddelde."
    if problem:
        flash(f"Doel: {problem}" if not problem.startswith("Doel") else problem, "error")
        return _back(current_wave, current_team)
    try:
        operations.add_focus(current_wave, current_team, subject, target, current_user._get_current_object())
    except operations.PlanError as error:
        db.session.rollback()
        flash(error.message, "error")
        return _back(current_wave, current_team)
    db.session.commit()
    flash(f"Verbeterpunt '{subject.label}' toegevoegd.", "success")
    return _back(current_wave, current_team)


def _focus(wave, team, focus_id: int):
    focus = focus_of_team(focus_id, wave, team)
    if focus is None:
        abort(404)
    return focus


@bp.post("/<wave>/<team>/punten/<int:focus_id>/doel")
@login_required
def set_target(wave: str, team: str, focus_id: int):
    """Set, change or clear a focus item's target."""
    current_wave, current_team = _scope(wave, team)
    focus = _focus(current_wave, current_team, focus_id)
    from survey_app.reports.sources import cached_analysis

    subject = find_subject(wave_instruments(current_wave), cached_analysis(current_wave), current_team.gemeente.slug,
                           f"{focus.subject_kind}:{focus.subject}")
    target, problem = _target_from_form(subject.bounds if subject else None)
    if problem is None and target is not None and target.kind == "agree" and not (subject and subject.agree_codes):
        problem = "bij dit onderdeel is geen % (deels) eens; kies een gemiddelde."
    if problem:
        flash(f"Doel bij '{focus.label}': {problem}", "error")
        return _back(current_wave, current_team)
    operations.set_target(focus, target, current_user._get_current_object())
    db.session.commit()
    flash("Doel opgeslagen." if target else "Doel verwijderd.", "success")
    return _back(current_wave, current_team)


@bp.post("/<wave>/<team>/punten/<int:focus_id>/verwijderen")
@login_required
def remove_focus(wave: str, team: str, focus_id: int):
    """Drop a focus item with its actions."""
    current_wave, current_team = _scope(wave, team)
    focus = _focus(current_wave, current_team, focus_id)
    label = focus.label
    operations.remove_focus(focus, current_user._get_current_object())
    db.session.commit()
    flash(f"Verbeterpunt '{label}' verwijderd.", "success")
    return _back(current_wave, current_team)


def _flash_problems(problems, where: str) -> None:
    for _field, message in problems:
        flash(f"{where}: {message}", "error")


@bp.post("/<wave>/<team>/punten/<int:focus_id>/acties")
@login_required
def add_action(wave: str, team: str, focus_id: int):
    """Add an action to a focus item."""
    current_wave, current_team = _scope(wave, team)
    focus = _focus(current_wave, current_team, focus_id)
    data, problems = check_action(request.form)
    if data is None:
        _flash_problems(problems, f"Nieuwe actie bij '{focus.label}'")
        return _back(current_wave, current_team)
    operations.add_action(focus, data, current_user._get_current_object())
    db.session.commit()
    flash("Actie toegevoegd.", "success")
    return _back(current_wave, current_team)


def _action(wave, team, action_id: int):
    action = action_of_team(action_id, wave, team)
    if action is None:
        abort(404)
    return action


@bp.post("/<wave>/<team>/acties/<int:action_id>")
@login_required
def update_action(wave: str, team: str, action_id: int):
    """Change an action (its status, mostly)."""
    current_wave, current_team = _scope(wave, team)
    action = _action(current_wave, current_team, action_id)
    data, problems = check_action(request.form)
    if data is None:
        _flash_problems(problems, f"Actie '{action.description[:40]}'")
        return _back(current_wave, current_team)
    operations.update_action(action, data, current_user._get_current_object())
    db.session.commit()
    flash("Actie opgeslagen.", "success")
    return _back(current_wave, current_team)


@bp.post("/<wave>/<team>/acties/<int:action_id>/verwijderen")
@login_required
def remove_action(wave: str, team: str, action_id: int):
    """Remove an action."""
    current_wave, current_team = _scope(wave, team)
    operations.remove_action(_action(current_wave, current_team, action_id), current_user._get_current_object())
    db.session.commit()
    flash("Actie verwijderd.", "success")
    return _back(current_wave, current_team)


def _wave(name: str) -> Wave:
    found = db.session.scalar(select(Wave).where(Wave.name == name))
    if found is None:
        abort(404)
    return found


@bp.get("/overzicht/<wave>")
@staff
def overview_page(wave: str):
    """Per gemeente which items the teams chose, how many actions and how many targets were met."""
    current = _wave(wave)
    return render_template("plans/overview.html", wave=current, o=overview(current))


@bp.get("/overzicht/<wave>/verbeterplannen.xlsx")
@staff
def overview_xlsx(wave: str):
    """The overview as a workbook; audited."""
    current = _wave(wave)
    data = xlsx.workbook(overview(current))
    audit.record(audit.Action.EXPORT, f"verbeterplannen golf {current.name}, XLSX", user=current_user)
    db.session.commit()
    return Response(data, mimetype=xlsx.MIMETYPE,
                    headers={"Content-Disposition": f'attachment; filename="verbeterplannen-{current.name}.xlsx"'})
