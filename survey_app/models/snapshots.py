"""The exact instrument files a wave was fielded with, so editing `instruments/*.yaml` never changes a past wave."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.models.base import Base


class InstrumentSnapshot(Base):
    """Every instrument file's text at one moment, stored once per distinct content (waves share it)."""

    __tablename__ = "instrument_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: SHA-256 over the sorted file names and texts: the same folder content gives the same snapshot
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    #: module id -> {"file": file name, "text": the file's text, "sha256": hash of that text}
    modules: Mapped[dict] = mapped_column(JSON)
    created_on: Mapped[dt.date] = mapped_column(default=dt.date.today)
