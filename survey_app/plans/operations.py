"""Writes of the action plans: choose or drop a focus item, set its target, add, change or remove an action.

Each checks its input (Dutch messages naming the field, raised as PlanError before anything is written),
flushes and audits; the caller commits once or rolls back.
"""

from __future__ import annotations

from survey_app.extensions import db
from survey_app.models import Team, User, Wave
from survey_app.plans.core.actions import ActionInput
from survey_app.plans.core.figures import Subject
from survey_app.plans.core.targets import MAX_FOCUS, Target
from survey_app.plans.models import PlanAction, PlanFocus
from survey_app.plans.store import foci_of
from survey_app.services.audit import Action, record

MAX_AUDIT_TEXT = 80


class PlanError(ValueError):
    """Input a plan cannot take, with the form field it concerns and a Dutch message."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _short(text: str) -> str:
    return text if len(text) <= MAX_AUDIT_TEXT else text[:MAX_AUDIT_TEXT - 1] + "…"


def _audit(focus: PlanFocus, what: str, user: User | None) -> None:
    record(Action.PLAN_CHANGED, f"golf {focus.wave.name}, team {focus.team.slug}, {focus.subject}: {what}", user=user)


def _target_text(target: Target | None) -> str:
    return target.describe() if target else "geen doel"


def add_focus(wave: Wave, team: Team, subject: Subject, target: Target | None, user: User | None) -> PlanFocus:
    """Choose a focus item (at most MAX_FOCUS per team and wave, each once)."""
    existing = foci_of(wave, team)
    if any(f.subject_kind == subject.kind and f.subject == subject.name for f in existing):
        raise PlanError("onderdeel", "Onderdeel: dit verbeterpunt staat al in het plan.")
    if len(existing) >= MAX_FOCUS:
        raise PlanError("onderdeel", f"Onderdeel: een plan heeft hoogstens {MAX_FOCUS} verbeterpunten.")
    focus = PlanFocus(wave_id=wave.id, team_id=team.id, subject_kind=subject.kind, subject=subject.name,
                      label=subject.label[:500])
    focus.wave, focus.team = wave, team
    _apply_target(focus, target)
    db.session.add(focus)
    db.session.flush()
    _audit(focus, f"verbeterpunt gekozen ({_target_text(target)})", user)
    return focus


def _apply_target(focus: PlanFocus, target: Target | None) -> None:
    focus.target_kind = target.kind.value if target else None
    focus.target_direction = target.direction if target else None
    focus.target_value = target.value if target else None


def set_target(focus: PlanFocus, target: Target | None, user: User | None) -> None:
    """Set, change or clear the target of a focus item."""
    _apply_target(focus, target)
    db.session.flush()
    _audit(focus, f"doel gewijzigd ({_target_text(target)})", user)


def remove_focus(focus: PlanFocus, user: User | None) -> None:
    """Drop a focus item with its actions."""
    _audit(focus, f"verbeterpunt verwijderd met {len(focus.actions)} actie(s)", user)
    db.session.delete(focus)
    db.session.flush()


def add_action(focus: PlanFocus, data: ActionInput, user: User | None) -> PlanAction:
    """Add an action to a focus item."""
    action = PlanAction(focus=focus, description=data.description, owner=data.owner, due_on=data.due_on,
                        status=data.status)
    db.session.add(action)
    db.session.flush()
    _audit(focus, f"actie {action.id} toegevoegd ({data.status}): {_short(data.description)}", user)
    return action


def update_action(action: PlanAction, data: ActionInput, user: User | None) -> None:
    """Change an action; the audit names the fields that changed."""
    changed = [name for name, old, new in (("omschrijving", action.description, data.description),
                                           ("eigenaar", action.owner, data.owner),
                                           ("streefdatum", action.due_on, data.due_on),
                                           ("status", action.status, data.status)) if old != new]
    if not changed:
        return
    old_status = action.status
    action.description, action.owner, action.due_on, action.status = (data.description, data.owner, data.due_on,
                                                                       data.status)
    db.session.flush()
    detail = ", ".join(f"status {old_status} → {data.status}" if name == "status" else name for name in changed)
    _audit(action.focus, f"actie {action.id} gewijzigd: {detail}", user)


def remove_action(action: PlanAction, user: User | None) -> None:
    """Remove an action."""
    _audit(action.focus, f"actie {action.id} verwijderd: {_short(action.description)}", user)
    db.session.delete(action)
    db.session.flush()
