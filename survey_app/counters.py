"""Expiring counters behind the rate limits and the login back-off, shared by every worker and machine.

Three stores offer the same four operations as the `limits` library's storages (`incr`, `get`,
`get_expiry`, `clear`; a window starts with its first hit and lasts `expiry` seconds):

- `redis://...` (`RATELIMIT_STORAGE_URL`): the `limits` library's own Redis storage;
- the default, embedded mode: `DatabaseCounters`, one row per counter in the application database, updated
  with one atomic upsert, so every gunicorn worker and every machine on that database counts together;
- `memory://`: `ProcessCounters`, per process; only for a single process (an in-memory SQLite database).

`SharedCounters` wraps a shared store so that an outage of Redis or the database costs no 500: the request
is then counted in the process instead, and the failure is logged.
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import Engine, bindparam, case, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from survey_app.models.ratelimit import RateLimitCounter

log = logging.getLogger(__name__)
_table = RateLimitCounter.__table__


class ProcessCounters:
    """Counters in this process's memory (each gunicorn worker on its own); expired ones are purged."""

    PURGE_EVERY = 60.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, tuple[int, float]] = {}
        self._next_purge = 0.0

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add `amount` to the counter and return it; an expired counter starts a new window."""
        now = time.time()
        with self._lock:
            if now >= self._next_purge:
                self._counts = {k: v for k, v in self._counts.items() if v[1] > now}
                self._next_purge = now + self.PURGE_EVERY
            hits, expires_at = self._counts.get(key, (0, 0.0))
            if expires_at <= now:
                hits, expires_at = 0, now + expiry
            self._counts[key] = (hits + amount, expires_at)
            return hits + amount

    def get(self, key: str) -> int:
        """The counter's value, 0 once it has expired."""
        hits, expires_at = self._counts.get(key, (0, 0.0))
        return hits if expires_at > time.time() else 0

    def get_expiry(self, key: str) -> float:
        """Unix time at which the counter's window ends (now for a missing counter)."""
        return max(self._counts.get(key, (0, 0.0))[1], time.time())

    def clear(self, key: str) -> None:
        """Forget the counter."""
        with self._lock:
            self._counts.pop(key, None)


def _upsert(dialect: str):
    """INSERT ... ON CONFLICT DO UPDATE ... RETURNING hits, in the dialect's spelling (SQLite ≥ 3.35)."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(_table).values(bucket=_bind("bucket"), hits=_bind("amount"), expires_at=_bind("expires"))
    expired = _table.c.expires_at <= _bind("now")
    return stmt.on_conflict_do_update(
        index_elements=[_table.c.bucket],
        set_={"hits": case((expired, _bind("amount")), else_=_table.c.hits + _bind("amount")),
              "expires_at": case((expired, _bind("expires")), else_=_table.c.expires_at)},
    ).returning(_table.c.hits)


def _bind(name: str):
    types = {"bucket": _table.c.bucket.type, "amount": _table.c.hits.type}
    return bindparam(name, type_=types.get(name, _table.c.expires_at.type))


class DatabaseCounters:
    """Counters in the `rate_limit_counter` table: one short transaction per hit, on its own connection.

    The upsert is one statement, so concurrent workers never lose a hit (PostgreSQL locks the row, SQLite the
    database). Whenever a window starts, rows that expired a while ago are deleted in the same transaction,
    so the table holds about one row per address active in the last window.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._upsert = _upsert(engine.dialect.name)
        self._purge = delete(_table).where(_table.c.expires_at < _bind("before"))
        self._select = select(_table.c.hits, _table.c.expires_at).where(_table.c.bucket == _bind("bucket"))

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add `amount` to the counter and return it; an expired counter starts a new window."""
        now = time.time()
        with self.engine.begin() as conn:
            hits = conn.execute(self._upsert, {"bucket": key, "amount": amount, "expires": now + expiry,
                                               "now": now}).scalar_one()
            if hits == amount:
                conn.execute(self._purge, {"before": now - 60})
        return hits

    def _row(self, key: str) -> tuple[int, float]:
        with self.engine.connect() as conn:
            row = conn.execute(self._select, {"bucket": key}).first()
        return (row.hits, row.expires_at) if row is not None else (0, 0.0)

    def get(self, key: str) -> int:
        """The counter's value, 0 once it has expired."""
        hits, expires_at = self._row(key)
        return hits if expires_at > time.time() else 0

    def get_expiry(self, key: str) -> float:
        """Unix time at which the counter's window ends (now for a missing or expired counter)."""
        return max(self._row(key)[1], time.time())

    def clear(self, key: str) -> None:
        """Delete the counter."""
        with self.engine.begin() as conn:
            conn.execute(delete(_table).where(_table.c.bucket == key))


class SharedCounters:
    """A shared store with this process's counters as the fallback while the shared store fails."""

    def __init__(self, shared, description: str) -> None:
        self.shared = shared
        self.description = description
        self.fallback = ProcessCounters()

    def _call(self, operation: str, *args):
        try:
            return getattr(self.shared, operation)(*args)
        except Exception:  # Redis or the database unreachable: count in this process rather than fail
            log.warning("Gedeelde teller (%s) niet bereikbaar; deze aanvraag telt alleen in dit proces.",
                        self.description, exc_info=True)
            return getattr(self.fallback, operation)(*args)

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add `amount` to the counter and return it."""
        return self._call("incr", key, expiry, amount)

    def get(self, key: str) -> int:
        """The counter's value."""
        return self._call("get", key)

    def get_expiry(self, key: str) -> float:
        """Unix time at which the counter's window ends."""
        return self._call("get_expiry", key)

    def clear(self, key: str) -> None:
        """Forget the counter."""
        self._call("clear", key)


def open_store(url: str, engine_factory) -> ProcessCounters | SharedCounters:
    """The store named by RATELIMIT_STORAGE_URL: "" = the application database, redis://..., or memory://.

    `engine_factory` gives the application's engine when the first counter is needed (it needs the app).
    """
    if url == "memory://":
        return ProcessCounters()
    if url.startswith(("redis://", "rediss://", "redis+unix://")):
        from limits.storage import storage_from_string

        # Short timeouts: an unreachable Redis must cost a request a second at most, then the fallback counts.
        return SharedCounters(storage_from_string(url, key_prefix="survey", socket_timeout=1,
                                                  socket_connect_timeout=1), "Redis")
    if url:
        raise ValueError(f"RATELIMIT_STORAGE_URL '{url}' wordt niet ondersteund: laat leeg (de database), "
                         "of gebruik redis://host:poort/db of memory://")
    return SharedCounters(_LazyDatabaseCounters(engine_factory), "database")


class _LazyDatabaseCounters:
    """DatabaseCounters built on first use, when the app's engine exists."""

    def __init__(self, engine_factory) -> None:
        self._engine_factory = engine_factory
        self._counters: DatabaseCounters | None = None

    def __getattr__(self, operation: str):
        if self._counters is None:
            self._counters = DatabaseCounters(self._engine_factory())
        return getattr(self._counters, operation)
