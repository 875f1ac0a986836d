"""The cache of computed analyses: in this process in the embedded mode, in Redis in the distributed mode, so
web workers and queue workers on every machine compute a wave's analysis once rather than once each.

Entries are keyed by the data they were computed from (reports/sources.py: wave id, response count, lowest
and highest random response id, options), so a cache is never wrong, only cold. Redis entries expire after
CACHE_SECONDS and are pickled: Redis is trusted infrastructure here, as it is for the queue (Huey pickles too).
`CACHE_URL`: empty = the queue's Redis when `JOB_QUEUE_URL` is one, else this process; `memory://`; `redis://...`.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import threading
import zlib
from collections import OrderedDict

from flask import Flask, current_app, has_app_context

log = logging.getLogger(__name__)
CACHE_SECONDS = 3600
PREFIX = "monitor:analyse:"


class MemoryCache:
    """The newest `size` entries in this process (shared by the threads of one worker)."""

    def __init__(self, size: int = 16) -> None:
        self.size = size
        self._entries: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str):
        """The entry, or None."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        return None

    def set(self, key: str, value) -> None:
        """Keep the entry, dropping the least recently used beyond `size`."""
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._entries.clear()


class RedisCache:
    """Entries in Redis, compressed; a Redis that cannot be reached costs a recomputation, never an error."""

    def __init__(self, url: str) -> None:
        from redis import Redis

        self.client = Redis.from_url(url, socket_timeout=5)

    def get(self, key: str):
        """The entry, or None (also when Redis is away)."""
        try:
            data = self.client.get(PREFIX + key)
        except Exception:
            log.warning("Gedeelde cache niet bereikbaar; de analyse wordt opnieuw berekend.", exc_info=True)
            return None
        return pickle.loads(zlib.decompress(data)) if data is not None else None

    def set(self, key: str, value) -> None:
        """Keep the entry for CACHE_SECONDS."""
        try:
            self.client.set(PREFIX + key, zlib.compress(pickle.dumps(value), 3), ex=CACHE_SECONDS)
        except Exception:
            log.warning("Gedeelde cache niet bereikbaar; analyse niet bewaard.", exc_info=True)

    def clear(self) -> None:
        """Delete every analysis entry."""
        for key in self.client.scan_iter(PREFIX + "*"):
            self.client.delete(key)


#: the embedded mode's cache, one per process whatever the number of apps in it (tests create many)
process_cache = MemoryCache()


def _is_redis(url: str) -> bool:
    return url.startswith(("redis://", "rediss://", "unix://"))


def init_app(app: Flask) -> None:
    """Choose the cache from CACHE_URL (or the queue's Redis)."""
    url = app.config.get("CACHE_URL", "") or (app.config.get("JOB_QUEUE_URL", "")
                                              if _is_redis(app.config.get("JOB_QUEUE_URL", "")) else "")
    app.extensions["shared_cache"] = RedisCache(url) if _is_redis(url) else process_cache


def current_cache() -> MemoryCache | RedisCache:
    """The cache of the current app (this process's outside an app)."""
    return current_app.extensions.get("shared_cache", process_cache) if has_app_context() else process_cache


def key_of(parts: tuple) -> str:
    """A short stable key for a tuple of plain values."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()
