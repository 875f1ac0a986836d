"""The mail tables: one campaign (texts, reminder date) per wave and one recipient per address.

A recipient row holds the only copy of an address. It refers to its invitation (for the personal link and to
see whether the invitation was submitted) and never to a draft or response. All recipient rows of a wave are
deleted when the wave closes (`operations.forget_addresses`).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.models.base import Base
from survey_app.models.org import Team
from survey_app.models.responses import Invitation
from survey_app.models.waves import Wave


class RecipientStatus(StrEnum):
    """Where the mail of one address stands (its last invitation or reminder)."""

    NEW = "new"
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNSUBSCRIBED = "unsubscribed"


class MailKind(StrEnum):
    """Which message a recipient's status is about."""

    INVITATION = "invitation"
    REMINDER = "reminder"


class MailCampaign(Base):
    """The invitation and reminder texts of one wave, and when the reminder is due."""

    __tablename__ = "mail_campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("wave.id", ondelete="CASCADE"), unique=True)
    invitation_subject: Mapped[str] = mapped_column(String(200))
    invitation_body: Mapped[str] = mapped_column(Text)
    reminder_subject: Mapped[str] = mapped_column(String(200))
    reminder_body: Mapped[str] = mapped_column(Text)
    #: the date filled in for {sluitingsdatum}; the wave closes when a researcher closes it, not by itself
    closes_on: Mapped[dt.date | None]
    #: when the reminder is due (UTC, naive); `send_due_reminders` queues it once that moment has passed
    reminder_at: Mapped[dt.datetime | None]
    #: when the (scheduled or manual) reminder was queued, so it is queued once
    reminder_queued_at: Mapped[dt.datetime | None]

    wave: Mapped[Wave] = relationship()
    recipients: Mapped[list[MailRecipient]] = relationship(back_populates="campaign", cascade="all, delete-orphan",
                                                           passive_deletes=True)


def status_enum(enum_class, name: str) -> Enum:
    return Enum(enum_class, name=name, values_callable=lambda e: [m.value for m in e], validate_strings=True)


class MailRecipient(Base):
    """One address of one team: its invitation and the state of its mail. Deleted when the wave closes."""

    __tablename__ = "mail_recipient"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("mail_campaign.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="RESTRICT"))
    #: the address, lower-cased; the only place it is stored
    email: Mapped[str] = mapped_column(String(254))
    invitation_id: Mapped[int] = mapped_column(ForeignKey("invitation.id", ondelete="CASCADE"), unique=True)
    #: random; with SECRET_KEY it derives the personal link's token (links.py), whose hash is the invitation's
    link_salt: Mapped[str] = mapped_column(String(64))
    #: random; part of the signed "afmelden" token, so such a link cannot be made from the recipient id alone
    unsubscribe_nonce: Mapped[str] = mapped_column(String(32))
    status: Mapped[RecipientStatus] = mapped_column(status_enum(RecipientStatus, "mail_recipient_status"),
                                                    default=RecipientStatus.NEW)
    kind: Mapped[MailKind] = mapped_column(status_enum(MailKind, "mail_kind"), default=MailKind.INVITATION)
    #: tries of the current message; a temporary failure is retried until MAX_ATTEMPTS (sending.py)
    attempts: Mapped[int] = mapped_column(default=0)
    #: not before this moment (UTC, naive): the back-off after a temporary failure
    next_attempt_at: Mapped[dt.datetime | None]
    #: when a sender claimed the message; a claim older than CLAIM_TIMEOUT is taken as a crashed sender
    claimed_at: Mapped[dt.datetime | None]
    #: the Dutch reason of the last failure (never contains the address)
    reason: Mapped[str] = mapped_column(String(300), default="")
    invitation_sent_at: Mapped[dt.datetime | None]
    reminders_sent: Mapped[int] = mapped_column(default=0)

    campaign: Mapped[MailCampaign] = relationship(back_populates="recipients")
    team: Mapped[Team] = relationship()
    invitation: Mapped[Invitation] = relationship()

    __table_args__ = (UniqueConstraint("campaign_id", "email", name="uq_mail_recipient_campaign_email"),)
