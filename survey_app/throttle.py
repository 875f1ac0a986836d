"""Per-address request limits (token lookups, open links, logins) with fixed one-window counters.

Limits are written as Flask-Limiter writes them ("120 per minute", parsed by the `limits` library, the
core of Flask-Limiter). Counting is done here, in process memory, because on the questionnaire's hot path
both Flask-Limiter's per-request bookkeeping and the `limits` memory backend (which starts a timer thread
every 10 ms under load) cost more than the rest of a page save. Each gunicorn worker counts on its own,
exactly as the memory backend would. Addresses are only counted, never written down, and counters of past
windows are dropped.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable

from flask import Flask, abort, current_app, request
from limits import RateLimitItem, parse

EXTENSION_KEY = "survey_throttle"


class WindowCounter:
    """Hits per (limit, address) in the current fixed window of each limit."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, str, int], int] = {}
        self._window: dict[str, int] = {}

    def hit(self, name: str, item: RateLimitItem, address: str) -> bool:
        """Count one request; False when it goes over the limit."""
        window = int(time.time() // item.get_expiry())
        key = (name, address, window)
        with self._lock:
            if self._window.get(name) != window:  # a new window: forget the old counts of this limit
                self._counts = {k: v for k, v in self._counts.items() if k[0] != name}
                self._window[name] = window
            count = self._counts.get(key, 0) + 1
            self._counts[key] = count
        return count <= item.amount


def init_app(app: Flask) -> None:
    """Counters belong to the app instance."""
    app.extensions[EXTENSION_KEY] = WindowCounter()


@functools.lru_cache(maxsize=32)
def _item(text: str) -> RateLimitItem:
    return parse(text)


def throttled(config_key: str, methods: tuple[str, ...] | None = None) -> Callable:
    """Refuse with 429 when this address exceeds the limit named by `config_key` (e.g. "120 per minute").

    With `methods`, only those requests count (a login form limits attempts, not page views).
    """

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            app = current_app
            if app.config.get("RATELIMIT_ENABLED", True) and (methods is None or request.method in methods):
                allowed = app.extensions[EXTENSION_KEY].hit(config_key, _item(app.config[config_key]),
                                                            request.remote_addr or "unknown")
                if not allowed:
                    abort(429)
            return view(*args, **kwargs)

        return wrapper

    return decorator
