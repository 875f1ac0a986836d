"""Sending through a real SMTP server (aiosmtpd): personal links that work, the rate, retries, reminders."""

from __future__ import annotations

import datetime as dt
import logging
import re

import pytest
from sqlalchemy import select, update

from survey_app.extensions import db
from survey_app.invitations_mail import sending
from survey_app.invitations_mail.models import MailCampaign, MailKind, MailRecipient, RecipientStatus
from survey_app.invitations_mail.operations import campaign_for, queue_invitations, queue_reminders, set_reminder_at
from survey_app.models import Invitation, InvitationStatus
from tests.smtp_server import MailServer, _free_port

LINK = re.compile(r"http://localhost/s/([A-Za-z0-9_-]+)")
T0 = dt.datetime(2018, 3, 1, 9, 0)
ADDRESSES = "team,email\nzwolle-noord,a@example.org\nzwolle-noord,b@example.org\nzwolle-zuid,c@example.org\n"


@pytest.fixture
def mail_app(app, smtp_server):
    app.config.update(smtp_server.config())
    return app


def _send(now=T0, per_minute=6000, **kwargs):
    campaign = db.session.scalar(select(MailCampaign))
    return sending.send_pending(campaign.id, limit_per_minute=per_minute, now=now, sleep=lambda _s: None, **kwargs)


def test_each_address_gets_a_working_personal_link(mail_app, mail_wave, upload, smtp_server, client, caplog):
    upload(mail_wave, ADDRESSES)
    assert queue_invitations(campaign_for(mail_wave), None) == 3
    db.session.commit()
    with caplog.at_level(logging.DEBUG):
        summary = sending.dispatch_send(campaign_for(mail_wave).id)
    assert (summary.sent, summary.failed) == (3, 0)
    mails = smtp_server.wait_for(3)
    assert sorted(m.envelope_to[0] for m in mails) == ["a@example.org", "b@example.org", "c@example.org"]
    tokens = [LINK.search(m.body).group(1) for m in mails]
    assert len(set(tokens)) == 3
    for mail, token in zip(mails, tokens, strict=True):
        assert client.get(f"/s/{token}").status_code == 200
        assert "Team zwolle-" in mail.body and "afmelden" in mail.message["List-Unsubscribe"]
    assert all(token not in str(value) for token in tokens
               for value in db.session.execute(select(MailRecipient.link_salt, Invitation.token_hash)
                                               .join(Invitation)).all())
    ours = [r for r in caplog.records if r.name != "mail.log"]  # mail.log: the test SMTP server's own debug log
    assert not any("@example.org" in record.getMessage() for record in ours)
    statuses = db.session.scalars(select(MailRecipient.status)).all()
    assert statuses == [RecipientStatus.SENT] * 3
    assert sending.dispatch_send(campaign_for(mail_wave).id).sent == 0  # idempotent: nothing twice
    assert len(smtp_server.received) == 3


def test_the_rate_per_minute_spaces_the_messages(mail_app, mail_wave, upload):
    upload(mail_wave, ADDRESSES)
    queue_invitations(campaign_for(mail_wave), None)
    db.session.commit()
    pauses, ticks = [], iter(range(100))
    campaign = db.session.scalar(select(MailCampaign))
    sending.send_pending(campaign.id, limit_per_minute=30, now=T0, sleep=pauses.append, clock=lambda: next(ticks))
    assert pauses == [1.0, 1.0]  # 2 s apart at 30 a minute; the fake clock moved 1 s between the sends


class _FlakyHandler:
    """Refuses every recipient with `code` for the first `refusals` attempts, then accepts."""

    def __init__(self, server: MailServer, code: str, refusals: int):
        self.server, self.code, self.refusals = server, code, refusals

    async def handle_RCPT(self, smtp, session, envelope, address, options):  # noqa: N802 (aiosmtpd's hook name)
        if self.refusals > 0:
            self.refusals -= 1
            return self.code
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp, session, envelope):  # noqa: N802
        self.server.received.append(envelope)
        return "250 OK"


@pytest.fixture
def flaky_server(app):
    """A real SMTP server whose refusals the test sets: flaky_server("451 4.3.0 Later", 2)."""
    from aiosmtpd.controller import Controller

    controllers = []

    def _start(code: str, refusals: int) -> MailServer:
        server = MailServer("127.0.0.1", _free_port())
        controller = Controller(_FlakyHandler(server, code, refusals), hostname=server.host, port=server.port)
        controller.start()
        controllers.append(controller)
        app.config.update(server.config())
        return server

    yield _start
    for controller in controllers:
        controller.stop()


def test_a_temporary_failure_is_retried_after_a_pause(app, mail_wave, upload, flaky_server):
    server = flaky_server("451 4.3.0 Probeer het later", 2)
    upload(mail_wave, "team,email\nzwolle-noord,a@example.org\n")
    queue_invitations(campaign_for(mail_wave), None)
    db.session.commit()
    assert _send(T0).retry == 1
    recipient = db.session.scalar(select(MailRecipient))
    assert recipient.status == RecipientStatus.QUEUED and recipient.attempts == 1
    assert recipient.reason.startswith("De mailserver weigerde het adres (code 451).")
    assert "a@example.org" not in recipient.reason
    assert _send(T0 + dt.timedelta(seconds=30)).retry == 0  # not yet due: 1 minute back-off
    assert _send(T0 + dt.timedelta(minutes=1)).retry == 1
    assert _send(T0 + dt.timedelta(minutes=7)).sent == 1
    db.session.refresh(recipient)
    assert recipient.status == RecipientStatus.SENT and recipient.reason == "" and len(server.received) == 1


def test_a_permanent_failure_or_too_many_tries_fails_with_reason(app, mail_wave, upload, flaky_server):
    flaky_server("550 5.1.1 Onbekend", 1)
    upload(mail_wave, "team,email\nzwolle-noord,a@example.org\n")
    queue_invitations(campaign_for(mail_wave), None)
    db.session.commit()
    assert _send().failed == 1
    recipient = db.session.scalar(select(MailRecipient))
    assert recipient.status == RecipientStatus.FAILED
    assert recipient.reason == "De mailserver weigerde het adres (code 550)."
    flaky_server("451 4.3.0 Later", 100)
    assert queue_invitations(campaign_for(mail_wave), None) == 1  # "versturen" again takes the failed one
    db.session.commit()
    now = T0
    for _ in range(sending.MAX_ATTEMPTS):
        _send(now)
        now += dt.timedelta(hours=1)
    db.session.refresh(recipient)
    assert recipient.status == RecipientStatus.FAILED and f"na {sending.MAX_ATTEMPTS} pogingen" in recipient.reason


def test_reminders_go_only_to_those_who_did_not_submit(mail_app, mail_wave, upload, smtp_server):
    upload(mail_wave, ADDRESSES)
    campaign = campaign_for(mail_wave)
    queue_invitations(campaign, None)
    db.session.commit()
    _send()
    submitted = db.session.scalar(select(MailRecipient).where(MailRecipient.email == "b@example.org"))
    db.session.execute(update(Invitation).where(Invitation.id == submitted.invitation_id)
                       .values(status=InvitationStatus.SUBMITTED))
    unsubscribed = db.session.scalar(select(MailRecipient).where(MailRecipient.email == "c@example.org"))
    unsubscribed.status = RecipientStatus.UNSUBSCRIBED
    db.session.commit()
    assert queue_reminders(campaign, None, T0) == 1
    db.session.commit()
    _send()
    reminders = smtp_server.wait_for(4)[3:]
    assert [m.envelope_to for m in reminders] == [["a@example.org"]]
    assert reminders[0].subject.startswith("Herinnering")
    invitation_to_a = next(m for m in smtp_server.received[:3] if m.envelope_to == ["a@example.org"])
    assert LINK.search(reminders[0].body).group(1) == LINK.search(invitation_to_a.body).group(1)  # the same link


def test_a_scheduled_reminder_is_sent_once_when_due(mail_app, mail_wave, upload, smtp_server, runner):
    upload(mail_wave, "team,email\nzwolle-noord,a@example.org\n")
    campaign = campaign_for(mail_wave)
    queue_invitations(campaign, None)
    db.session.commit()
    _send()
    set_reminder_at(campaign, T0 + dt.timedelta(days=7))
    db.session.commit()
    assert sending.send_due_reminders(T0 + dt.timedelta(days=6))["2018"].sent == 0
    assert sending.send_due_reminders(T0 + dt.timedelta(days=7))["2018"].sent == 1
    assert sending.send_due_reminders(T0 + dt.timedelta(days=8))["2018"].sent == 0
    recipient = db.session.scalar(select(MailRecipient))
    assert (recipient.kind, recipient.reminders_sent) == (MailKind.REMINDER, 1)
    result = runner.invoke(args=["mail", "send-due"])
    assert result.exit_code == 0 and "golf 2018: 0 verzonden" in result.output
    assert len(smtp_server.wait_for(2)) == 2


def test_nothing_is_sent_for_a_wave_that_is_not_open(mail_app, mail_wave, upload, smtp_server):
    from survey_app.models import WaveStatus

    upload(mail_wave, "team,email\nzwolle-noord,a@example.org\n")
    queue_invitations(campaign_for(mail_wave), None)
    mail_wave.status = WaveStatus.DRAFT  # links of a wave that is not open would not work
    db.session.commit()
    assert _send().sent == 0 and smtp_server.received == []
    assert db.session.scalar(select(MailRecipient.status)) == RecipientStatus.QUEUED
