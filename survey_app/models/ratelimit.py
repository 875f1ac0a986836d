"""Rate-limit counters shared by every worker process and machine that uses the same database.

The embedded store of `survey_app/counters.py` (when no Redis is configured). A row is one fixed window:
`hits` requests since the window began, until `expires_at`. The bucket is a keyed hash of the limit's name
and the address or e-mail address counted, so the table never holds an address in readable form.
"""

from __future__ import annotations

from sqlalchemy import Float, String
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.models.base import Base


class RateLimitCounter(Base):
    """One counter of one limit for one (hashed) address or account."""

    __tablename__ = "rate_limit_counter"

    #: limit name and HMAC of the address or e-mail address, e.g. "LOGIN_RATE_LIMIT/3f9a..."
    bucket: Mapped[str] = mapped_column(String(100), primary_key=True)
    #: requests counted in the current window
    hits: Mapped[int]
    #: Unix time at which the window ends; expired rows count as zero and are deleted now and then
    expires_at: Mapped[float] = mapped_column(Float, index=True)
