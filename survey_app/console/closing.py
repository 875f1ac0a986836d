"""What closing a wave will do, counted before the researcher confirms it.

Closing cannot be undone for the respondents who are still busy: their personal links stop working and what
they saved is never sent. It also releases every team's waiting submissions as a last batch (survey/release.py).
The confirmation page shows these numbers so that "Sluiten" is a decision, not a slip of the mouse.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.models import Draft, Invitation, Wave
from survey_app.survey.release import held_for_review, sealed_waiting


@dataclass(frozen=True)
class ClosingSummary:
    """Counts for the confirmation page of closing a wave."""

    #: respondents who started but have not sent their questionnaire: they can no longer finish
    open_drafts: int
    #: sent questionnaires waiting for their team's batch: closing releases them into the analysis
    waiting: int
    #: open-link submissions beyond a team's headcount: they stay waiting for the researcher's decision
    held: int


def closing_summary(wave: Wave) -> ClosingSummary:
    """Count the open drafts, the waiting and the held submissions of the wave."""
    open_drafts = db.session.scalar(
        select(func.count()).select_from(Draft).join(Invitation, Invitation.id == Draft.invitation_id)
        .where(Invitation.wave_id == wave.id, Draft.sealed.is_(False))) or 0
    held = sum(held_for_review(wave).values())
    waiting = sum(sealed_waiting(wave).values()) - held
    return ClosingSummary(open_drafts=open_drafts, waiting=waiting, held=held)
