"""Engine settings per database: SQLite gets WAL, a busy timeout, enforced foreign keys and secure delete.

SQLite is the embedded default (demo, small installations); without WAL and a busy timeout, concurrent
page saves would fail with 'database is locked' instead of waiting their turn. `secure_delete` overwrites
deleted content with zeros, so a released draft (invitation id beside answers) leaves nothing readable in
the database file's free space (see survey/release.py).
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine

_installed = False


def _configure_sqlite(dbapi_connection, _record) -> None:
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()


def install_engine_settings() -> None:
    """Register the connect hook once per process."""
    global _installed
    if not _installed:
        event.listen(Engine, "connect", _configure_sqlite)
        _installed = True
