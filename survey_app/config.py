"""Settings read from the environment, so one build runs on a laptop (SQLite) and in production (PostgreSQL)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _secret_key(instance_path: Path) -> str:
    """SECRET_KEY from the environment, else one generated once and kept in instance/ (never in git)."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
    return key_file.read_text().strip()


def normalise_database_url(url: str) -> str:
    """Accept the usual postgres:// spellings and use the psycopg 3 driver for them."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _optional_flag(name: str) -> bool | None:
    """An on/off setting that may be left unset (None: the code picks the default that fits the rest)."""
    value = os.environ.get(name, "").strip()
    return None if value == "" else value == "1"


def settings_from_environment(instance_path: Path) -> dict:
    """The app's configuration; tests override keys through create_app's argument."""
    default_db = f"sqlite:///{instance_path / 'survey.db'}"
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": normalise_database_url(os.environ.get("DATABASE_URL", default_db)),
        "INSTRUMENTS_DIR": os.environ.get("INSTRUMENTS_DIR", str(PROJECT_ROOT / "instruments")),
        "MIN_CELL_SIZE": int(os.environ.get("MIN_CELL_SIZE", "5")),
        "QUOTE_MIN_CELL_SIZE": int(os.environ.get("QUOTE_MIN_CELL_SIZE", "10")),
        "SURVEY_RATE_LIMIT": os.environ.get("SURVEY_RATE_LIMIT", "120 per minute"),
        "OPEN_LINK_RATE_LIMIT": os.environ.get("OPEN_LINK_RATE_LIMIT", "20 per minute"),
        "LOGIN_RATE_LIMIT": os.environ.get("LOGIN_RATE_LIMIT", "10 per minute"),
        # Where every worker counts the limits above and the login back-off: "" = the application database,
        # "redis://host:6379/0" = Redis, "memory://" = per process (one process only). See throttle.py.
        "RATELIMIT_STORAGE_URL": os.environ.get("RATELIMIT_STORAGE_URL", ""),
        # the job queue: "" = SQLite file instance/jobs.sqlite3 (embedded), redis://... (distributed)
        "JOB_QUEUE_URL": os.environ.get("JOB_QUEUE_URL", ""),
        # the analysis cache: "" = the queue's Redis if it is one, else each process; redis://... or memory://
        "CACHE_URL": os.environ.get("CACHE_URL", ""),
        # Questionnaire page limits in the shared store too (1) or per worker (0); unset: only with Redis.
        "SURVEY_RATE_LIMIT_SHARED": _optional_flag("SURVEY_RATE_LIMIT_SHARED"),
        # Behind a TLS proxy: how many proxies set X-Forwarded-For / X-Forwarded-Proto (0 = trust none).
        # Needed so rate limits see the client's address and HTTPS is recognised (HSTS, secure redirects).
        "PROXY_FIX_X_FOR": int(os.environ.get("PROXY_FIX_X_FOR", "0")),
        "PROXY_FIX_X_PROTO": int(os.environ.get("PROXY_FIX_X_PROTO", "0")),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "1") == "1",
        "REMEMBER_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "1") == "1",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "WTF_CSRF_TIME_LIMIT": None,
        "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:5000"),
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        # Outgoing mail (invitations, reminders, "mail mij deze link"); empty SMTP_HOST = no mail is sent.
        "SMTP_HOST": os.environ.get("SMTP_HOST", ""),
        "SMTP_PORT": int(os.environ.get("SMTP_PORT", "587")),
        "SMTP_STARTTLS": os.environ.get("SMTP_STARTTLS", "1") == "1",
        "SMTP_USER": os.environ.get("SMTP_USER", ""),
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD", ""),
        "MAIL_FROM": os.environ.get("MAIL_FROM", ""),
        # Invitations and reminders per minute (survey_app/invitations_mail/sending.py paces itself to this).
        "MAIL_RATE_PER_MINUTE": int(os.environ.get("MAIL_RATE_PER_MINUTE", "60")),
        # A pooled connection is tested before use, so a database restart costs no 500 on an idle server.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    }
