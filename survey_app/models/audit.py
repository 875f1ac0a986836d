"""The audit log: what staff did (logins, exports, report downloads, account and wave changes).

It concerns staff actions only, never respondents, so a full timestamp is kept here.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.models.base import Base


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class AuditEvent(Base):
    """One staff action; `email` is kept as text so the entry survives when the account is removed."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: when it happened (UTC)
    occurred_on: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    #: the account that acted; None for failed logins and command-line actions
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"), index=True)
    #: the e-mail address given (failed login) or of the acting account; "opdrachtregel" for CLI actions
    email: Mapped[str] = mapped_column(String(254), default="")
    #: what happened, one of survey_app.services.audit.Action
    action: Mapped[str] = mapped_column(String(64), index=True)
    #: what it concerned, in Dutch (wave, team, format, account)
    detail: Mapped[str] = mapped_column(Text, default="")
