"""Accounts of researchers, admins and teamleiders."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import Column, Enum, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

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

    teams: Mapped[list[Team]] = relationship(secondary=user_team)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active
