"""Tables of the action plans: a focus item (an item or construct of one team's bijlage of one wave, with an
optional target) and its actions.

A plan belongs to the wave whose bijlage it was made from; the next wave's bijlage reads it back. The owner of
an action is free text (a name or a role), never an account.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.models.base import Base
from survey_app.models.org import Team
from survey_app.models.waves import Wave


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class PlanFocus(Base):
    """One focus item of a team's plan in a wave: what the team wants to improve, and by how much."""

    __tablename__ = "plan_focus"
    __table_args__ = (UniqueConstraint("wave_id", "team_id", "subject_kind", "subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"), index=True)
    #: `item` (a variable of analysis["items"]) or `construct` (of analysis["constructs"])
    subject_kind: Mapped[str] = mapped_column(String(16))
    #: the variable or construct name, as in the instruments and the analysis output
    subject: Mapped[str] = mapped_column(String(64))
    #: the label when it was chosen, so the plan still reads if a later questionnaire drops the item
    label: Mapped[str] = mapped_column(String(500))
    #: `agree` (% (deels) eens) or `mean`; NULL without a target
    target_kind: Mapped[str | None] = mapped_column(String(16))
    #: `ge` (ten minste) or `le` (hoogstens)
    target_direction: Mapped[str | None] = mapped_column(String(2))
    #: the threshold: a percentage 0-100 for `agree`, a mean on the item's scale for `mean`
    target_value: Mapped[float | None] = mapped_column(Float)
    created_on: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    wave: Mapped[Wave] = relationship()
    team: Mapped[Team] = relationship()
    actions: Mapped[list[PlanAction]] = relationship(
        back_populates="focus", order_by="PlanAction.id", cascade="all, delete-orphan")


class PlanAction(Base):
    """One action a team takes on a focus item: what, who, by when, and how far it got."""

    __tablename__ = "plan_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    focus_id: Mapped[int] = mapped_column(ForeignKey("plan_focus.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    #: who carries it (free text: a name or a role; no account needed)
    owner: Mapped[str] = mapped_column(String(120), default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    #: gepland, bezig, klaar or gestopt (plans/core/targets.py STATUSES)
    status: Mapped[str] = mapped_column(String(16), default="gepland")
    updated_on: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, onupdate=_now)

    focus: Mapped[PlanFocus] = relationship(back_populates="actions")
