"""Series of waves (the yearly monitor) and harmonisation rules between waves whose scales differ.

Both are data, stored once: a trend follows the waves of its series, and every comparison, trend, previous-wave
column and export of harmonised scores applies the stored rule, so no one has to remember a command-line option.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.models.base import Base
from survey_app.models.waves import Wave


class HarmonisationRule(Base):
    """Scores of `old_wave` on the `targets` (modules, constructs or items) are multiplied by `factor` before
    they are set beside `new_wave`; `source` says where the factor comes from (published, or a calibration)."""

    __tablename__ = "harmonisation_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    old_wave_id: Mapped[int] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"), index=True)
    new_wave_id: Mapped[int] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"), index=True)
    #: comma-separated module ids, construct names or item names, as given (e.g. "bakens")
    targets: Mapped[str] = mapped_column(String(500))
    factor: Mapped[float] = mapped_column(Float)
    #: "factor" (entered with its source) or "calibration" (computed from a calibration set)
    method: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(Text, default="")
    #: respondents of the calibration set; None for an entered factor
    n: Mapped[int | None] = mapped_column()
    created_on: Mapped[dt.date] = mapped_column(default=dt.date.today)

    old_wave: Mapped[Wave] = relationship(foreign_keys=[old_wave_id])
    new_wave: Mapped[Wave] = relationship(foreign_keys=[new_wave_id])

    __table_args__ = (
        UniqueConstraint("old_wave_id", "new_wave_id", "targets", name="uq_harmonisation_rule_waves_targets"),
        CheckConstraint("factor > 0", name="factor_positive"),
        CheckConstraint("old_wave_id <> new_wave_id", name="two_waves"),
    )


class WaveSeries(Base):
    """A monitor measured year after year ("Monitor sociale teams": 2015, 2016, 2017)."""

    __tablename__ = "wave_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    #: [[earlier team slug, later team slug], ...]: renamed, split and merged teams, so a trend follows a team
    team_map: Mapped[list] = mapped_column(JSON, default=list)

    members: Mapped[list[SeriesWave]] = relationship(back_populates="series", order_by="SeriesWave.position",
                                                     cascade="all, delete-orphan")


class SeriesWave(Base):
    """One wave of a series, in order, with the year printed above its column."""

    __tablename__ = "series_wave"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("wave_series.id", ondelete="CASCADE"), index=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    year: Mapped[str] = mapped_column(String(32))

    series: Mapped[WaveSeries] = relationship(back_populates="members")
    wave: Mapped[Wave] = relationship()

    __table_args__ = (UniqueConstraint("series_id", "wave_id", name="uq_series_wave_series_wave"),)
