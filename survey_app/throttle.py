"""Per-address request limits (token lookups, open links, logins), counted in a store every worker shares.

Limits are written as Flask-Limiter writes them ("120 per minute", parsed by the `limits` library). A
window starts with an address's first request and lasts the limit's period. The counters live in the store
`RATELIMIT_STORAGE_URL` names (`survey_app/counters.py`): the application database by default, Redis when
configured; so 10 logins per minute stay 10 under any number of gunicorn workers and machines.

The questionnaire's pages are counted in the shared store only when `SURVEY_RATE_LIMIT_SHARED` is on, which
is the default with Redis: on the embedded database store, a second write per page save would cost more than
the page save itself (figures in docs/performance.md), so those limits count per worker process there.

Addresses are never written down: a counter's key is a keyed hash (HMAC with SECRET_KEY) of the limit's
name and the address, and counters expire with their window. The address is `request.remote_addr`, which is
the client's address behind a TLS proxy only when PROXY_FIX_X_FOR is set (see `security.py`).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import time  # noqa: F401  (tests freeze the clock through throttle.time.time)
from collections.abc import Callable

from flask import Flask, abort, current_app, request
from limits import RateLimitItem, parse

from survey_app.counters import ProcessCounters, open_store

EXTENSION_KEY = "survey_throttle"
#: Limits that may count per process on the embedded store (SURVEY_RATE_LIMIT_SHARED off).
HOT_PATH_LIMITS = frozenset({"SURVEY_RATE_LIMIT"})


class Throttle:
    """The app's counters: the shared store, and this process's store for the hot path when so configured."""

    def __init__(self, app: Flask) -> None:
        from survey_app.extensions import db

        url = app.config.get("RATELIMIT_STORAGE_URL", "")
        if not url and app.config["SQLALCHEMY_DATABASE_URI"] in ("sqlite://", "sqlite:///:memory:"):
            url = "memory://"  # one process, one connection: nothing to share, nothing to open twice
        self.shared = open_store(url, lambda: db.engine)
        share_hot_path = app.config.get("SURVEY_RATE_LIMIT_SHARED")
        if share_hot_path is None:
            share_hot_path = url.startswith(("redis", "memory"))
        self.hot_path = self.shared if share_hot_path else ProcessCounters()
        self._secret = app.config["SECRET_KEY"].encode()

    def key(self, name: str, subject: str) -> str:
        """The counter's key: the limit's name and a keyed hash of the address or e-mail address."""
        digest = hmac.new(self._secret, f"{name}\x00{subject}".encode(), hashlib.sha256).hexdigest()[:40]
        return f"{name}/{digest}"

    def store_for(self, name: str):
        """Where the limit named `name` counts."""
        return self.hot_path if name in HOT_PATH_LIMITS else self.shared

    def hit(self, name: str, item: RateLimitItem, subject: str) -> bool:
        """Count one request of `subject` against the limit; False when it goes over."""
        return self.store_for(name).incr(self.key(name, subject), item.get_expiry()) <= item.amount


def init_app(app: Flask) -> None:
    """Counters belong to the app instance."""
    app.extensions[EXTENSION_KEY] = Throttle(app)


def counters() -> Throttle:
    """The current app's counters (the login back-off keeps its own counts there too)."""
    return current_app.extensions[EXTENSION_KEY]


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
