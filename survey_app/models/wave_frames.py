"""A wave's wide answer frame kept as Parquet bytes in the database, so every worker and machine shares it.

The JSON documents of `response` stay the source of truth; this is a cache that is only used while its
`answers_revision` equals the wave's (every write of responses raises the wave's counter) and its
`columns_key` equals the variables the reader asks for (a wave's questionnaire may be re-attached until
answers exist). See services/wave_frame_store.py.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.models.base import Base


class WaveFrame(Base):
    """The columnar snapshot of one wave's answers (no response ids: the frame's rows are in id order only)."""

    __tablename__ = "wave_frame"

    wave_id: Mapped[int] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"), primary_key=True)
    #: the wave's answers_revision the frame was built at
    answers_revision: Mapped[int]
    #: SHA-256 of the frame's variables and kinds, in order
    columns_key: Mapped[str] = mapped_column(String(64))
    #: a day, never a time: this table is on the respondents' side (ARCHITECTURE.md "Anonymity by construction")
    created_on: Mapped[dt.date] = mapped_column(default=dt.date.today)
    #: Parquet bytes (pyarrow, zstd)
    data: Mapped[bytes] = mapped_column(LargeBinary)
