"""Writing and reading the audit log of staff actions (no IP addresses, nothing about respondents)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import AuditEvent, User

#: shown in place of an account for actions run with `flask ...` on the server
COMMAND_LINE = "opdrachtregel"
DISPLAY_ZONE = ZoneInfo("Europe/Amsterdam")
MAX_EMAIL = 254


class Action(StrEnum):
    """Every kind of audited action, with its Dutch description in ACTION_LABELS."""

    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    EXPORT = "export"
    REPORT_DOWNLOAD = "report_download"
    ACCOUNT_CREATED = "account_created"
    ACCOUNT_DISABLED = "account_disabled"
    ACCOUNT_ENABLED = "account_enabled"
    PASSWORD_RESET = "password_reset"
    WAVE_CREATED = "wave_created"
    WAVE_STATUS = "wave_status"
    INVITATIONS = "invitations_generated"
    OPEN_LINK = "open_link"
    ORG_LOADED = "org_loaded"
    RESPONSES_IMPORTED = "responses_imported"
    HELD_REVIEWED = "held_reviewed"
    MATRIX_IMPORTED = "matrix_imported"
    MATRIX_SCORED = "matrix_scored"
    PLAN_CHANGED = "plan_changed"
    MAIL_ADDRESSES = "mail_addresses"
    MAIL_QUEUED = "mail_queued"
    MAIL_ADDRESSES_DELETED = "mail_addresses_deleted"
    JOB_RETRY = "job_retry"


ACTION_LABELS = {
    Action.LOGIN: "ingelogd",
    Action.LOGIN_FAILED: "mislukte inlogpoging",
    Action.LOGOUT: "uitgelogd",
    Action.EXPORT: "export",
    Action.REPORT_DOWNLOAD: "bijlage bekeken/gedownload",
    Action.ACCOUNT_CREATED: "account aangemaakt",
    Action.ACCOUNT_DISABLED: "account geblokkeerd",
    Action.ACCOUNT_ENABLED: "account geactiveerd",
    Action.PASSWORD_RESET: "wachtwoord opnieuw ingesteld",
    Action.WAVE_CREATED: "golf aangemaakt",
    Action.HELD_REVIEWED: "vastgehouden inzendingen beoordeeld",
    Action.WAVE_STATUS: "status golf gewijzigd",
    Action.INVITATIONS: "uitnodigingen gemaakt",
    Action.OPEN_LINK: "open link gewijzigd",
    Action.ORG_LOADED: "organisatie geladen",
    Action.RESPONSES_IMPORTED: "antwoorden geïmporteerd",
    Action.MATRIX_IMPORTED: "beoordelingsmatrix geïmporteerd",
    Action.MATRIX_SCORED: "scores in beoordelingsmatrix gewijzigd",
    Action.PLAN_CHANGED: "verbeterplan gewijzigd",
    Action.MAIL_ADDRESSES: "e-mailadressen opgegeven",
    Action.MAIL_QUEUED: "e-mail in de wachtrij gezet",
    Action.MAIL_ADDRESSES_DELETED: "e-mailadressen verwijderd",
    Action.JOB_RETRY: "taak opnieuw gestart",
}


def record(action: Action, detail: str = "", user: User | None = None, email: str | None = None) -> AuditEvent:
    """Add one entry (flushed, committed by the caller); `email` defaults to the acting account's address."""
    address = email if email is not None else (user.email if user is not None else COMMAND_LINE)
    event = AuditEvent(action=action.value, detail=detail, user_id=user.id if user is not None else None,
                       email=address.strip()[:MAX_EMAIL])
    db.session.add(event)
    db.session.flush()
    return event


def events_page(page: int, per_page: int = 50):
    """One page of the log, newest first (a Flask-SQLAlchemy Pagination)."""
    query = select(AuditEvent).order_by(AuditEvent.occurred_on.desc(), AuditEvent.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def local_time(moment: dt.datetime) -> str:
    """A stored moment as Dutch local time, e.g. '23-01-2017 09:15:02' (SQLite returns it without zone)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(DISPLAY_ZONE).strftime("%d-%m-%Y %H:%M:%S")


def action_label(action: str) -> str:
    """The Dutch description of a stored action name."""
    try:
        return ACTION_LABELS[Action(action)]
    except ValueError:
        return action
