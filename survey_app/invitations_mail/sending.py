"""Sending the queued mail of a campaign: idempotent, resumable, at a limited rate, with retries.

`dispatch_send(campaign_id)` is the ONE entry point for a campaign: the queue's "e-mail" job
(`invitations_mail/jobs.py`) calls it in a worker. `send_due_reminders(now)` is what a scheduler (the queue's
periodic task every minute, or cron running `flask mail send-due`) calls: it queues reminders whose date has
passed and sends whatever is due, retries included.

Each message is claimed with a conditional UPDATE and committed before it is sent, so two workers never send
the same message; a claim older than CLAIM_TIMEOUT (a sender that crashed mid-way) is put back in the queue,
which may send that one message twice rather than never. A temporary failure (4xx, no connection) is tried
again after a growing pause, up to MAX_ATTEMPTS; a final failure keeps its Dutch reason for the console.
Nothing here logs an address.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select, update

from survey_app.extensions import db
from survey_app.invitations_mail.messages import message_for, unsubscribe_link
from survey_app.invitations_mail.models import MailCampaign, MailKind, MailRecipient, RecipientStatus
from survey_app.invitations_mail.operations import claim_due_reminder, queue_reminders, utcnow
from survey_app.mail.smtp import MailError, SmtpSettings, send_mail
from survey_app.models import InvitationStatus, Wave, WaveStatus

MAX_ATTEMPTS = 4
CLAIM_TIMEOUT = dt.timedelta(minutes=15)


def backoff(attempts: int) -> dt.timedelta:
    """The pause after the n-th temporary failure: 1, 5, 25 minutes."""
    return dt.timedelta(minutes=5 ** (attempts - 1))


@dataclass
class SendSummary:
    """What one run did: sent, put back for a retry, failed for good, skipped (submitted meanwhile)."""

    sent: int = 0
    retry: int = 0
    failed: int = 0
    skipped: int = 0


class _Pacer:
    """At most `per_minute` messages a minute: waits between messages, never before the first."""

    def __init__(self, per_minute: int, sleep: Callable[[float], None], clock: Callable[[], float]):
        self.interval = 60.0 / max(1, per_minute)
        self.sleep, self.clock, self.last = sleep, clock, None

    def wait(self) -> None:
        if self.last is not None:
            pause = self.interval - (self.clock() - self.last)
            if pause > 0:
                self.sleep(pause)
        self.last = self.clock()


def _next_due(campaign_id: int, now: dt.datetime) -> int | None:
    return db.session.scalar(
        select(MailRecipient.id).where(
            MailRecipient.campaign_id == campaign_id, MailRecipient.status == RecipientStatus.QUEUED,
            (MailRecipient.next_attempt_at.is_(None)) | (MailRecipient.next_attempt_at <= now))
        .order_by(MailRecipient.id).limit(1))


def _wave_is_open(campaign_id: int) -> bool:
    """Links work only while the wave is open; a closed wave has no addresses left to send to."""
    status = db.session.scalar(select(Wave.status).join(MailCampaign, MailCampaign.wave_id == Wave.id)
                               .where(MailCampaign.id == campaign_id))
    return status == WaveStatus.OPEN


def _claim(recipient_id: int, now: dt.datetime) -> bool:
    """Take one queued message for this sender; False when another sender took it first."""
    taken = db.session.execute(
        update(MailRecipient).where(MailRecipient.id == recipient_id, MailRecipient.status == RecipientStatus.QUEUED)
        .values(status=RecipientStatus.SENDING, claimed_at=now).execution_options(synchronize_session=False))
    db.session.commit()
    return taken.rowcount == 1


def _requeue_stale(campaign_id: int, now: dt.datetime) -> None:
    db.session.execute(
        update(MailRecipient).where(MailRecipient.campaign_id == campaign_id,
                                    MailRecipient.status == RecipientStatus.SENDING,
                                    MailRecipient.claimed_at < now - CLAIM_TIMEOUT)
        .values(status=RecipientStatus.QUEUED).execution_options(synchronize_session=False))
    db.session.commit()


def _record_failure(recipient: MailRecipient, error: MailError, now: dt.datetime, summary: SendSummary) -> None:
    recipient.attempts += 1
    if error.temporary and recipient.attempts < MAX_ATTEMPTS:
        recipient.status = RecipientStatus.QUEUED
        recipient.next_attempt_at = now + backoff(recipient.attempts)
        recipient.reason = f"{error.reason} Poging {recipient.attempts} van {MAX_ATTEMPTS}; wordt opnieuw geprobeerd."
        summary.retry += 1
    else:
        recipient.status = RecipientStatus.FAILED
        tries = f" (na {recipient.attempts} pogingen)" if recipient.attempts > 1 else ""
        recipient.reason = f"{error.reason}{tries}"
        summary.failed += 1


def send_pending(campaign_id: int, *, limit_per_minute: int, now: dt.datetime | None = None,
                 settings: SmtpSettings | None = None, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> SendSummary:
    """Send every queued message of the campaign that is due at `now`; safe to run again or in parallel."""
    now = now or utcnow()
    config = current_app.config
    settings = settings or SmtpSettings.from_config(config)
    pacer = _Pacer(limit_per_minute, sleep, clock)
    summary = SendSummary()
    _requeue_stale(campaign_id, now)
    while _wave_is_open(campaign_id) and (recipient_id := _next_due(campaign_id, now)) is not None:
        if not _claim(recipient_id, now):
            continue
        recipient = db.session.get(MailRecipient, recipient_id, populate_existing=True)
        if recipient is None:  # the wave closed between claim and send: its addresses are gone
            break
        if recipient.kind == MailKind.REMINDER and recipient.invitation.status == InvitationStatus.SUBMITTED:
            recipient.status, recipient.kind = RecipientStatus.SENT, MailKind.INVITATION  # submitted meanwhile
            summary.skipped += 1
            db.session.commit()
            continue
        text = message_for(recipient, recipient.kind, config["SECRET_KEY"], config["PUBLIC_BASE_URL"])
        to, kind = recipient.email, recipient.kind
        afmelden = unsubscribe_link(recipient, config["SECRET_KEY"], config["PUBLIC_BASE_URL"])
        pacer.wait()
        try:
            send_mail(settings, to, text.subject, text.body, headers={"List-Unsubscribe": f"<{afmelden}>"})
        except MailError as error:
            _record_failure(recipient, error, now, summary)
        else:
            recipient.status, recipient.attempts, recipient.reason = RecipientStatus.SENT, 0, ""
            recipient.next_attempt_at = None
            if kind == MailKind.INVITATION:
                recipient.invitation_sent_at = now
            else:
                recipient.reminders_sent += 1
            summary.sent += 1
        db.session.commit()
    return summary


def dispatch_send(campaign_id: int) -> SendSummary:
    """THE function the queue's "e-mail" job calls to send a campaign's queued mail."""
    return send_pending(campaign_id, limit_per_minute=int(current_app.config["MAIL_RATE_PER_MINUTE"]))


def send_due_reminders(now: dt.datetime | None = None) -> dict[str, SendSummary]:
    """Queue the reminders whose date has passed (once per date) and send everything due, per open wave."""
    now = now or utcnow()
    campaigns = db.session.scalars(select(MailCampaign).join(Wave, Wave.id == MailCampaign.wave_id)
                                   .where(Wave.status == WaveStatus.OPEN).order_by(MailCampaign.id)).all()
    done = {}
    for campaign in campaigns:
        if claim_due_reminder(campaign, now):
            queue_reminders(campaign, None, now)
        db.session.commit()
        done[campaign.wave.name] = send_pending(
            campaign.id, limit_per_minute=int(current_app.config["MAIL_RATE_PER_MINUTE"]), now=now)
    return done


def send_test_mail(to: str, subject: str, body: str) -> None:
    """The example invitation to the researcher's own address; raises MailError with a Dutch reason."""
    send_mail(SmtpSettings.from_config(current_app.config), to, f"[Testmail] {subject}", body)
