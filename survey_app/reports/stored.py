"""Built report PDFs kept in the database (`report_file`), so a download on any web worker or machine serves
the file a queue worker on any other machine made, in milliseconds, without rendering in the request.

A stored file counts only while the wave's data are those it was built from (`fingerprint`); after new or
replaced responses it is stale and is built again.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from survey_app.extensions import db
from survey_app.jobs.models import ReportFile, utcnow
from survey_app.models import Wave
from survey_app.reports.sources import data_key


def fingerprint(wave: Wave) -> str:
    """The wave's data as a short string (id, response count, lowest and highest random response id)."""
    return repr(data_key(wave))[:200]


def fresh_names(wave: Wave, current: str | None = None) -> set[str]:
    """File names of the wave whose stored PDF matches the wave's data now."""
    current = current or fingerprint(wave)
    return set(db.session.scalars(select(ReportFile.filename)
                                  .where(ReportFile.wave_id == wave.id, ReportFile.fingerprint == current)))


def fresh_pdf(wave: Wave, filename: str) -> bytes | None:
    """The stored PDF if it is up to date, else None."""
    row = db.session.execute(select(ReportFile.content).where(
        ReportFile.wave_id == wave.id, ReportFile.filename == filename,
        ReportFile.fingerprint == fingerprint(wave))).first()
    return row.content if row is not None else None


def save(wave_id: int, filename: str, built_from: str, content: bytes) -> None:
    """Store (or replace) one PDF and commit; two workers storing the same file leave one row."""
    values = {"fingerprint": built_from, "content": content, "built_at": utcnow()}
    replaced = db.session.execute(update(ReportFile).where(ReportFile.wave_id == wave_id,
                                                           ReportFile.filename == filename).values(**values))
    if not replaced.rowcount:
        db.session.add(ReportFile(wave_id=wave_id, filename=filename, **values))
        try:
            db.session.flush()
        except IntegrityError:  # another worker inserted it meanwhile: replace theirs
            db.session.rollback()
            db.session.execute(update(ReportFile).where(ReportFile.wave_id == wave_id,
                                                        ReportFile.filename == filename).values(**values))
    db.session.commit()


def stored_names(wave: Wave) -> list[str]:
    """Every stored file name of the wave (fresh or not), sorted, for the download list."""
    return sorted(db.session.scalars(select(ReportFile.filename).where(ReportFile.wave_id == wave.id)))


def stored_pdf(wave: Wave, filename: str) -> bytes | None:
    """A stored PDF whatever its age (the researchers' list of the latest build)."""
    row = db.session.execute(select(ReportFile.content).where(ReportFile.wave_id == wave.id,
                                                              ReportFile.filename == filename)).first()
    return row.content if row is not None else None
