"""Per-address request limits (token lookups, open links, logins), straight on the `limits` library.

`limits` is the core of Flask-Limiter; on the questionnaire's hot path Flask-Limiter's per-request
bookkeeping cost a quarter of a page save, so the limited routes call the strategy directly: one counter
increment per request. Addresses are only counted in the configured storage, never written down.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from flask import Flask, abort, current_app, request
from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

EXTENSION_KEY = "survey_throttle"


def init_app(app: Flask) -> None:
    """One limiter per app, on the same storage URI as Flask-Limiter (memory by default)."""
    app.extensions[EXTENSION_KEY] = FixedWindowRateLimiter(storage_from_string(app.config["RATELIMIT_STORAGE_URI"]))


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
                allowed = app.extensions[EXTENSION_KEY].hit(_item(app.config[config_key]), config_key,
                                                            request.remote_addr or "unknown")
                if not allowed:
                    abort(429)
            return view(*args, **kwargs)

        return wrapper

    return decorator
