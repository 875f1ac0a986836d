"""The two tables of the job queue's shared state: where each job stands, and the report PDFs it built.

Both live in the application database, so every web worker and every machine reads the same status and
serves the same files; the queue itself (SQLite file or Redis, `queue.py`) holds only what still has to run.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, Enum, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.models.base import Base


def utcnow() -> dt.datetime:
    """Naive UTC, as every timestamp of the schema."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class JobState(StrEnum):
    """queued -> running -> done or failed; a failed (or stalled) job can be queued again."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class Job(Base):
    """One piece of background work as the researchers see it: a wave's reports, an export, an analysis."""

    __tablename__ = "job"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: what runs, a key of `catalogue.KINDS` or "rapporten" (the fan-out build of a wave's reports)
    kind: Mapped[str] = mapped_column(String(40))
    #: Dutch description shown in the lists, e.g. "Rapportages golf 2017"
    label: Mapped[str] = mapped_column(String(200))
    #: the wave the job is about, if any (reports, exports, analyses)
    wave_id: Mapped[int | None] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"), index=True)
    wave = relationship("Wave")
    state: Mapped[JobState] = mapped_column(
        Enum(JobState, name="job_state", values_callable=lambda e: [m.value for m in e]), default=JobState.QUEUED)
    #: parts finished, parts failed and parts in all (files of a report build; 1 for a single job)
    done: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    #: raised on every retry; tasks of an earlier attempt no longer count (they may still run somewhere)
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    #: the keyword arguments of the job's function (plain JSON), kept for a retry
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    #: why it failed, in Dutch, for the researcher (details are in the worker's log)
    reason: Mapped[str] = mapped_column(String(500), default="")
    #: a file the job produced (an export, an analysis as JSON), offered for download
    output_name: Mapped[str] = mapped_column(String(200), default="")
    output: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: last change of state or progress: a running job that has not moved for long is offered for retry
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ReportFile(Base):
    """One built PDF (team bijlage or gemeente report) of a wave, served as stored to teamleiders and staff."""

    __tablename__ = "report_file"
    __table_args__ = (UniqueConstraint("wave_id", "filename"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"), index=True)
    #: `<wave>-<gemeente>-<team>.pdf` or `<wave>-<gemeente>.pdf` (reports/builder.py)
    filename: Mapped[str] = mapped_column(String(200))
    #: the wave's data when the file was built (`reports/sources.py:data_key`); another value means stale
    fingerprint: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    built_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
