"""No personal link and no client address in any log line.

A personal link (`/s/<token>`) opens a respondent's draft and an open link (`/o/<token>`) mints new ones; a
request log beside the invitation CSV would also tie a moment and an address to an invitation. Server logs
are read by administrators who must not be able to do either, so every record of the request loggers
(werkzeug's development server, gunicorn's access and error logs) and of the app's own logger is rewritten
before any handler sees it: `/s/…`, `/o/…` and `/afmelden/…` (mail) segments become `/s/[verborgen]`, IPv4
and IPv6 addresses become `[adres]`. gunicorn's access log format in `gunicorn.conf.py` leaves the address out as well.
"""

from __future__ import annotations

import ipaddress
import logging
import re

HIDDEN = "[verborgen]"
ADDRESS = "[adres]"
#: the token segment after /s/, /o/ or /afmelden/ (also percent-encoded slashes, as in a `next=` parameter)
TOKEN_PATH = re.compile(r"((?:/|%2[fF])(?:[so]|afmelden)(?:/|%2[fF]))(?:[^/\s?#&\"'%\x1b]|%(?!2[fF])[0-9A-Fa-f]{2})+")
IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])")
#: anything that might be an IPv6 address; checked with ipaddress before it is replaced
IPV6_CANDIDATE = re.compile(r"(?<![\w:.])[0-9A-Fa-f]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?![\w:])")
#: the loggers whose records carry request paths or addresses
REQUEST_LOGGERS = ("werkzeug", "gunicorn.access", "gunicorn.error")


def _ipv6(match: re.Match) -> str:
    candidate = match.group(0)
    try:
        ipaddress.IPv6Address(candidate)
    except ValueError:
        return candidate  # a clock time such as 12:34:56 is not an address
    return ADDRESS


def redact(text: str) -> str:
    """The text with every personal or open link token and every IP address replaced."""
    text = TOKEN_PATH.sub(lambda m: m.group(1) + HIDDEN, text)
    text = IPV4.sub(ADDRESS, text)
    return IPV6_CANDIDATE.sub(_ipv6, text)


class RedactingFilter(logging.Filter):
    """Rewrites a record's message (and its traceback text) with tokens and addresses redacted; drops nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not fit its format: keep only the format itself
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def install(logger: logging.Logger) -> None:
    """Add the filter to a logger once (records logged directly at that logger pass it)."""
    if not any(isinstance(existing, RedactingFilter) for existing in logger.filters):
        logger.addFilter(RedactingFilter())


def init_app(app) -> None:
    """Redact the request loggers and the app's own logger (records of its child loggers pass its handlers)."""
    for name in REQUEST_LOGGERS:
        install(logging.getLogger(name))
    install(app.logger)
    for handler in app.logger.handlers:
        if not any(isinstance(existing, RedactingFilter) for existing in handler.filters):
            handler.addFilter(RedactingFilter())
