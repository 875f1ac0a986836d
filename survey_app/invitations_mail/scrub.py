"""After the addresses of a wave are deleted: remove what the deleted rows leave behind on disk.

SQLite runs with `secure_delete` (database.py), so a truncating checkpoint empties the WAL of old pages.
PostgreSQL keeps deleted row versions until VACUUM; `VACUUM FULL mail_recipient` rewrites the table into a new
file. VACUUM cannot run inside a transaction, so it runs once the closing transaction has committed.
"""

from __future__ import annotations

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from survey_app.extensions import db

_KEY = "mail_scrub_addresses"


def after_commit() -> None:
    """Ask for the scrub once the current transaction has committed."""
    db.session.info[_KEY] = True


def scrub_addresses() -> None:
    """Vacuum the recipient table (PostgreSQL) or checkpoint the WAL (SQLite)."""
    engine = db.engine
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        elif engine.dialect.name == "postgresql":
            connection.execute(text("VACUUM FULL mail_recipient"))


@event.listens_for(Session, "after_commit")
def _scrub_when_committed(session: Session) -> None:
    if session.info.pop(_KEY, None):
        scrub_addresses()


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_KEY, None)
