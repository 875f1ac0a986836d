"""Queries of the action plans. Every lookup of a focus item or action is scoped to one wave and one team,
so an id from another team's plan is simply not found (a 404 for the web, whatever the form says)."""

from __future__ import annotations

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import Team, Wave
from survey_app.plans.core.figures import Subject
from survey_app.plans.core.review import FocusRecord
from survey_app.plans.core.targets import Target, TargetKind
from survey_app.plans.models import PlanAction, PlanFocus


def foci_of(wave: Wave, team: Team) -> list[PlanFocus]:
    """The team's focus items of the wave, in the order they were chosen."""
    return list(db.session.scalars(select(PlanFocus).where(PlanFocus.wave_id == wave.id, PlanFocus.team_id == team.id)
                                   .order_by(PlanFocus.id)))


def focus_of_team(focus_id: int, wave: Wave, team: Team) -> PlanFocus | None:
    """A focus item by id, only when it belongs to this wave and team."""
    return db.session.scalar(select(PlanFocus).where(PlanFocus.id == focus_id, PlanFocus.wave_id == wave.id,
                                                     PlanFocus.team_id == team.id))


def action_of_team(action_id: int, wave: Wave, team: Team) -> PlanAction | None:
    """An action by id, only when its focus item belongs to this wave and team."""
    return db.session.scalar(select(PlanAction).join(PlanFocus, PlanFocus.id == PlanAction.focus_id)
                             .where(PlanAction.id == action_id, PlanFocus.wave_id == wave.id,
                                    PlanFocus.team_id == team.id))


def foci_of_wave(wave: Wave) -> list[PlanFocus]:
    """Every team's focus items of a wave (the researchers' overview)."""
    return list(db.session.scalars(select(PlanFocus).where(PlanFocus.wave_id == wave.id).order_by(PlanFocus.id)))


def target_of(focus: PlanFocus) -> Target | None:
    """The stored target as the core's Target, or None."""
    if focus.target_kind is None or focus.target_value is None or focus.target_direction is None:
        return None
    return Target(TargetKind(focus.target_kind), focus.target_direction, focus.target_value)


def action_dict(action: PlanAction) -> dict:
    """An action as the templates and the export show it (Dutch date)."""
    from survey_app.reports.dutch import format_date

    return {"id": action.id, "description": action.description, "owner": action.owner,
            "due": format_date(action.due_on) if action.due_on else "",
            "due_iso": action.due_on.isoformat() if action.due_on else "", "status": action.status}


def record_of(focus: PlanFocus, subject: Subject) -> FocusRecord:
    """A stored focus item for the pure review, with the subject as the plan's wave defines it."""
    return FocusRecord(subject, target_of(focus), tuple(action_dict(a) for a in focus.actions))
