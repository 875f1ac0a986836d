"""Afmelden stops further mail (CSRF-safe confirm); closing the wave deletes every address, audits only the count."""

from __future__ import annotations

import re

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.invitations_mail.models import MailRecipient, RecipientStatus
from survey_app.invitations_mail.operations import campaign_for, queue_invitations, queue_reminders, utcnow
from survey_app.invitations_mail.sending import dispatch_send
from survey_app.log_redaction import redact
from survey_app.models import AuditEvent, WaveStatus
from survey_app.services.users import create_user
from survey_app.services.waves import set_status
from tests.conftest import csrf_token_from

AFMELDEN = re.compile(r"http://localhost(/afmelden/[A-Za-z0-9_.-]+)")


def _invite(app, smtp_server, mail_wave, upload, content):
    app.config.update(smtp_server.config())
    upload(mail_wave, content)
    queue_invitations(campaign_for(mail_wave), None)
    db.session.commit()
    dispatch_send(campaign_for(mail_wave).id)


def _afmelden_path(mail) -> str:
    return AFMELDEN.search(mail.body).group(1)


def test_afmelden_asks_first_and_then_stops_the_reminder(app, mail_wave, upload, smtp_server, client):
    _invite(app, smtp_server, mail_wave, upload, "team,email\nzwolle-noord,a@example.org\nzwolle-zuid,b@example.org\n")
    mail = next(m for m in smtp_server.wait_for(2) if m.envelope_to == ["a@example.org"])
    path = _afmelden_path(mail)
    page = client.get(path)
    assert page.status_code == 200 and "Ja, meld mij af" in page.text
    assert client.post(path).status_code == 400  # no CSRF token: refused
    assert db.session.scalar(select(MailRecipient.status).where(MailRecipient.email == "a@example.org")) \
        == RecipientStatus.SENT
    done = client.post(path, data={"csrf_token": csrf_token_from(page.text)})
    assert "U bent afgemeld" in done.text
    db.session.expire_all()
    assert queue_reminders(campaign_for(mail_wave), None, utcnow()) == 1
    db.session.commit()
    dispatch_send(campaign_for(mail_wave).id)
    assert [m.envelope_to for m in smtp_server.wait_for(3)[2:]] == [["b@example.org"]]
    assert client.get(path[:-3] + "abc").status_code == 404  # a forged token
    assert redact(f"GET {path} HTTP/1.1") == "GET /afmelden/[verborgen] HTTP/1.1"


def test_closing_deletes_every_address_and_audits_the_count(app, mail_wave, upload, smtp_server, client):
    _invite(app, smtp_server, mail_wave, upload, "team,email\nzwolle-noord,a@example.org\nzwolle-zuid,b@example.org\n")
    path = _afmelden_path(smtp_server.wait_for(1)[0])
    create_user("onderzoeker@voorbeeld.nl", "researcher", "een-goed-wachtwoord")
    db.session.commit()
    set_status(mail_wave, WaveStatus.CLOSED)
    db.session.commit()
    assert db.session.scalars(select(MailRecipient)).all() == []
    details = db.session.scalars(select(AuditEvent.detail)).all()
    assert "golf 2018: 2 adressen verwijderd bij sluiten" in details
    assert not any("example.org" in detail for detail in details)
    assert "niet (meer) geldig" in client.get(path).text
    client.post("/inloggen", data={"email": "onderzoeker@voorbeeld.nl", "password": "een-goed-wachtwoord",
                                   "csrf_token": csrf_token_from(client.get("/inloggen").text)})
    assert "alle e-mailadressen van deze golf zijn verwijderd" in client.get("/console/golven/2018").text


def test_addresses_stay_out_of_exports(app, mail_wave, upload, smtp_server):
    from survey_app.exports.run import export_bytes

    _invite(app, smtp_server, mail_wave, upload, "team,email\nzwolle-noord,a@example.org\n")
    content, _name, _type = export_bytes(mail_wave, "csv", None)
    assert b"example.org" not in content
