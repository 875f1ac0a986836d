"""Waves (metingen): which modules were asked, of which teams, with how many people invited."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import CheckConstraint, Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.models.base import Base
from survey_app.models.org import Team

#: below three, a figure or a release batch points at one or two people: refused everywhere
MIN_CELL_SIZE_FLOOR = 3


class WaveStatus(StrEnum):
    """A wave is prepared (draft), then open for respondents, then closed for good or reopened."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class Wave(Base):
    """One measurement (0-meting 2015, 1-meting 2016, ...) with its questionnaire modules."""

    __tablename__ = "wave"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: short unique name used on the command line, e.g. `2017`
    name: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[WaveStatus] = mapped_column(
        Enum(WaveStatus, name="wave_status", values_callable=lambda e: [m.value for m in e]),
        default=WaveStatus.DRAFT,
    )
    #: smallest number of respondents for which a team's or item's figures are shown, and the smallest batch
    #: in which submissions of a team are released into responses; never below MIN_CELL_SIZE_FLOOR
    min_cell_size: Mapped[int] = mapped_column(default=5)
    #: true for the synthetic demo wave, so no one mistakes it for real data
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_on: Mapped[dt.date] = mapped_column(default=dt.date.today)
    #: the instrument files as they were when the wave was created (or first opened); see survey_app/snapshots
    snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("instrument_snapshot.id", ondelete="RESTRICT"))
    #: who respondents may ask about the questionnaire (name, e-mail, phone), shown on the welcome page
    contact: Mapped[str] = mapped_column(String(300), default="", server_default="")
    #: raised by every write of the wave's responses (release, import, demo, delete): a stored columnar frame
    #: (models/wave_frames.py) or a cached analysis made at another revision is stale
    answers_revision: Mapped[int] = mapped_column(default=0, server_default="0")

    modules: Mapped[list[WaveModule]] = relationship(
        back_populates="wave", order_by="WaveModule.position", cascade="all, delete-orphan"
    )
    teams: Mapped[list[WaveTeam]] = relationship(back_populates="wave", cascade="all, delete-orphan")

    __table_args__ = (CheckConstraint("min_cell_size >= 3", name="min_cell_size_at_least_3"),)

    @property
    def module_ids(self) -> list[str]:
        return [m.module_id for m in self.modules]


class WaveModule(Base):
    """An instrument module asked in a wave, with the version it had then."""

    __tablename__ = "wave_module"

    id: Mapped[int] = mapped_column(primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    module_id: Mapped[str] = mapped_column(String(64))
    module_version: Mapped[str] = mapped_column(String(64))

    wave: Mapped[Wave] = relationship(back_populates="modules")

    __table_args__ = (UniqueConstraint("wave_id", "module_id", name="uq_wave_module_wave_module"),)


class WaveTeam(Base):
    """A team taking part in a wave, with its headcount (the number invited, Tabel 2)."""

    __tablename__ = "wave_team"

    id: Mapped[int] = mapped_column(primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="RESTRICT"), index=True)
    #: number of professionals invited; the denominator of the response rate
    headcount: Mapped[int] = mapped_column(default=0)
    #: SHA-256 of the team's open link token, when the wave offers one (weaker: no once-only guarantee)
    open_link_hash: Mapped[str | None] = mapped_column(String(64), unique=True)

    wave: Mapped[Wave] = relationship(back_populates="teams")
    team: Mapped[Team] = relationship()

    __table_args__ = (
        UniqueConstraint("wave_id", "team_id", name="uq_wave_team_wave_team"),
        CheckConstraint("headcount >= 0", name="headcount_not_negative"),
    )
