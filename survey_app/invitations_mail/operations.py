"""Writes of the mail feature: each does one thing and flushes; the view or command commits once.

Audit entries say what happened and how many addresses, never which addresses.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select, update

from survey_app.extensions import db
from survey_app.invitations_mail import links, scrub, texts
from survey_app.invitations_mail.addresses import check_rows, read_rows
from survey_app.invitations_mail.models import MailCampaign, MailKind, MailRecipient, RecipientStatus
from survey_app.models import Invitation, InvitationStatus, User, Wave, WaveStatus
from survey_app.services import audit
from survey_app.services.errors import InputError, InputProblem, fail
from survey_app.services.tokens import hash_token

STATUS_LABELS = {
    RecipientStatus.NEW: "nog niet verstuurd",
    RecipientStatus.QUEUED: "wachtrij",
    RecipientStatus.SENDING: "wordt verstuurd",
    RecipientStatus.SENT: "verzonden",
    RecipientStatus.FAILED: "mislukt",
    RecipientStatus.UNSUBSCRIBED: "uitgeschreven",
}
KIND_LABELS = {MailKind.INVITATION: "uitnodiging", MailKind.REMINDER: "herinnering"}


def utcnow() -> dt.datetime:
    """Now in UTC without zone (the columns are naive UTC)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def find_campaign(wave: Wave) -> MailCampaign | None:
    """The wave's campaign, if texts or addresses were ever saved."""
    return db.session.scalar(select(MailCampaign).where(MailCampaign.wave_id == wave.id))


def campaign_for(wave: Wave) -> MailCampaign:
    """The wave's campaign, made with the default Dutch texts on first use."""
    campaign = find_campaign(wave)
    if campaign is None:
        campaign = MailCampaign(wave_id=wave.id, invitation_subject=texts.DEFAULT_INVITATION_SUBJECT,
                                invitation_body=texts.DEFAULT_INVITATION_BODY,
                                reminder_subject=texts.DEFAULT_REMINDER_SUBJECT,
                                reminder_body=texts.DEFAULT_REMINDER_BODY)
        db.session.add(campaign)
        db.session.flush()
    return campaign


def add_addresses(wave: Wave, path: str, source: str, secret_key: str, actor: User | None) -> int:
    """Every address of the file with its own invitation, or nothing at all (InputError naming row and column)."""
    if wave.status == WaveStatus.CLOSED:
        raise fail("adressen", "deze golf is gesloten; er kunnen geen adressen meer bij")
    campaign = campaign_for(wave)
    teams = {p.team.slug: p.team_id for p in wave.teams}
    known = set(db.session.scalars(select(MailRecipient.email).where(MailRecipient.campaign_id == campaign.id)))
    rows = check_rows(read_rows(path, source), source, set(teams), known)
    for row in rows:
        salt = links.new_salt()
        invitation = Invitation(wave_id=wave.id, team_id=teams[row.team],
                                token_hash=hash_token(links.personal_token(secret_key, salt)))
        db.session.add(MailRecipient(campaign=campaign, team_id=teams[row.team], email=row.email,
                                     invitation=invitation, link_salt=salt, unsubscribe_nonce=links.new_nonce()))
    db.session.flush()
    audit.record(audit.Action.MAIL_ADDRESSES, f"golf {wave.name}: {len(rows)} adressen opgegeven", user=actor)
    return len(rows)


def save_texts(campaign: MailCampaign, values: dict[str, str], closes_on: dt.date | None) -> None:
    """Store the four texts and the closing date, refusing unknown placeholders (message per field)."""
    fields = {"invitation_subject": ("Onderwerp uitnodiging", False), "invitation_body": ("Tekst uitnodiging", True),
              "reminder_subject": ("Onderwerp herinnering", False), "reminder_body": ("Tekst herinnering", True)}
    problems = []
    for name, (label, needs_link) in fields.items():
        problems += [InputProblem(label, message.split(": ", 1)[1])
                     for message in texts.placeholder_problems(values[name], label, needs_link=needs_link)]
    if problems:
        raise InputError(problems)
    for name in fields:
        setattr(campaign, name, values[name])
    campaign.closes_on = closes_on
    db.session.flush()


def set_reminder_at(campaign: MailCampaign, when: dt.datetime | None) -> None:
    """Schedule (or clear) the reminder; a new date may be used once more."""
    campaign.reminder_at = when
    campaign.reminder_queued_at = None
    db.session.flush()


def _require_open(campaign: MailCampaign) -> None:
    if campaign.wave.status != WaveStatus.OPEN:
        raise fail("versturen", "open de golf eerst: de persoonlijke links werken pas als de golf open is")


def queue_invitations(campaign: MailCampaign, actor: User | None) -> int:
    """Put every address that has not had its invitation yet in the queue (new ones, and failed ones again)."""
    _require_open(campaign)
    recipients = db.session.scalars(select(MailRecipient).where(
        MailRecipient.campaign_id == campaign.id, MailRecipient.invitation_sent_at.is_(None),
        MailRecipient.status.in_([RecipientStatus.NEW, RecipientStatus.FAILED]))).all()
    for recipient in recipients:
        recipient.status, recipient.kind, recipient.attempts = RecipientStatus.QUEUED, MailKind.INVITATION, 0
        recipient.next_attempt_at, recipient.reason = None, ""
    db.session.flush()
    audit.record(audit.Action.MAIL_QUEUED, f"golf {campaign.wave.name}: {len(recipients)} uitnodigingen",
                 user=actor)
    return len(recipients)


def queue_reminders(campaign: MailCampaign, actor: User | None, now: dt.datetime) -> int:
    """Queue a reminder for each address whose invitation went out and is not submitted (nor unsubscribed)."""
    _require_open(campaign)
    recipients = db.session.scalars(
        select(MailRecipient).join(Invitation, Invitation.id == MailRecipient.invitation_id)
        .where(MailRecipient.campaign_id == campaign.id, MailRecipient.invitation_sent_at.is_not(None),
               MailRecipient.status.in_([RecipientStatus.SENT, RecipientStatus.FAILED]),
               Invitation.status != InvitationStatus.SUBMITTED)).all()
    for recipient in recipients:
        recipient.status, recipient.kind = RecipientStatus.QUEUED, MailKind.REMINDER
        recipient.attempts, recipient.next_attempt_at, recipient.reason = 0, None, ""
    campaign.reminder_queued_at = now
    db.session.flush()
    audit.record(audit.Action.MAIL_QUEUED, f"golf {campaign.wave.name}: {len(recipients)} herinneringen",
                 user=actor)
    return len(recipients)


def claim_due_reminder(campaign: MailCampaign, now: dt.datetime) -> bool:
    """True for the one caller that may queue the campaign's scheduled reminder (a conditional UPDATE, so two
    schedulers running at once queue it once)."""
    claimed = db.session.execute(
        update(MailCampaign).where(MailCampaign.id == campaign.id, MailCampaign.reminder_queued_at.is_(None),
                                   MailCampaign.reminder_at.is_not(None), MailCampaign.reminder_at <= now)
        .values(reminder_queued_at=now).execution_options(synchronize_session=False))
    return claimed.rowcount == 1


def find_unsubscribing(secret_key: str, token: str) -> MailRecipient | None:
    """The recipient an afmelden token belongs to, or None (forged, or the wave has closed since)."""
    found = links.read_unsubscribe_token(secret_key, token)
    if found is None:
        return None
    recipient = db.session.get(MailRecipient, found[0])
    return recipient if recipient is not None and recipient.unsubscribe_nonce == found[1] else None


def unsubscribe(recipient: MailRecipient) -> None:
    """No further mail for this address; the invitation itself keeps working."""
    recipient.status = RecipientStatus.UNSUBSCRIBED
    recipient.next_attempt_at = None
    db.session.flush()


def forget_addresses(wave: Wave, actor: User | None) -> int:
    """At closing: delete every address of the wave (and the salts of its links); audit only the count."""
    campaign = find_campaign(wave)
    if campaign is None:
        return 0
    count = db.session.execute(delete(MailRecipient).where(MailRecipient.campaign_id == campaign.id)
                               .execution_options(synchronize_session=False)).rowcount or 0
    db.session.expire(campaign, ["recipients"])
    audit.record(audit.Action.MAIL_ADDRESSES_DELETED, f"golf {wave.name}: {count} adressen verwijderd bij sluiten",
                 user=actor)
    scrub.after_commit()
    return count


def status_counts(campaign: MailCampaign | None) -> list[tuple[str, int]]:
    """(Dutch status label, number of addresses) for every status that occurs, in a fixed order."""
    if campaign is None:
        return []
    counts = dict(db.session.execute(select(MailRecipient.status, func.count())
                                     .where(MailRecipient.campaign_id == campaign.id)
                                     .group_by(MailRecipient.status)).all())
    return [(label, counts[status]) for status, label in STATUS_LABELS.items() if counts.get(status)]
