"""Accounts of researchers, admins and teamleiders, and the session version that ends their sessions."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import Column, Enum, ForeignKey, String, Table, event, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from survey_app.models.base import Base
from survey_app.models.org import Team


class Role(StrEnum):
    """What an account may see: admins everything, researchers all research data, teamleiders their bijlage."""

    ADMIN = "admin"
    RESEARCHER = "researcher"
    TEAMLEIDER = "teamleider"


user_team = Table(
    "user_team",
    Base.metadata,
    Column("user_id", ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True),
    Column("team_id", ForeignKey("team.id", ondelete="CASCADE"), primary_key=True),
)


class User(UserMixin, Base):
    """A login; a teamleider is scoped to the teams listed in `teams`."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[Role] = mapped_column(Enum(Role, name="user_role", values_callable=lambda e: [m.value for m in e]))
    active: Mapped[bool] = mapped_column(default=True)
    created_on: Mapped[dt.date] = mapped_column(default=dt.date.today)
    #: part of every session and "remember me" cookie of this account; raising it ends all of them at once
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    teams: Mapped[list[Team]] = relationship(secondary=user_team)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    def get_id(self) -> str:
        """What Flask-Login keeps in the session: the id and the session version ("7:3")."""
        return f"{self.id}:{self.session_version}"


#: Changing any of these ends every session of the account (a copied cookie included).
SESSION_ENDING_ATTRIBUTES = ("password_hash", "role", "active", "teams")


@event.listens_for(Session, "before_flush")
def _end_sessions_on_account_change(session: Session, _context, _instances) -> None:
    """A new password, role, team list or blocking raises the session version, whichever code made the change.

    Done here rather than in each service so that no path (console, CLI, a future self-service page) can
    forget it. The increment is evaluated by the database, so two concurrent changes both count.
    """
    for obj in session.dirty:
        if isinstance(obj, User) and obj.id is not None:
            state = inspect(obj)
            if any(state.attrs[name].history.has_changes() for name in SESSION_ENDING_ATTRIBUTES):
                obj.session_version = User.session_version + 1
