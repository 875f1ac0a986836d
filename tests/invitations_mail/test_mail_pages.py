"""The mail pages through the test client: upload errors and placeholders as Dutch messages, nothing written,
a test mail to self, and sending refused while the wave is not open."""

from __future__ import annotations

import re
from io import BytesIO

from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.invitations_mail.models import MailCampaign, MailRecipient
from survey_app.models import Invitation
from tests.console.conftest import csrf_for, login_as


def _post(client, url, data, page="/console/golven/2017/mail/"):
    return client.post(url, data={"csrf_token": csrf_for(client.get(page)), **data}, follow_redirects=True)


def test_upload_errors_are_named_and_nothing_is_written(client, world):
    login_as(client, world.researcher)
    content = b"team,email\nzwolle-noord,a@example.org\nnergens,b@example.org\n"
    page = _post(client, "/console/golven/2017/mail/adressen",
                 {"addresses": (BytesIO(content), "lijst.csv")}).get_data(as_text=True)
    assert "lijst.csv:3: kolom &#39;team&#39;: team &#39;nergens&#39; doet niet mee aan deze golf" in page
    assert db.session.scalar(select(func.count()).select_from(MailRecipient)) == 0
    assert db.session.scalar(select(func.count()).select_from(Invitation)) == 0
    page = _post(client, "/console/golven/2017/mail/adressen",
                 {"addresses": (BytesIO(b"x"), "lijst.pdf")}).get_data(as_text=True)
    assert "Kies een .csv- of .xlsx-bestand." in page


def test_unknown_placeholder_is_refused_and_good_texts_are_kept(client, world):
    login_as(client, world.researcher)
    texts = {"invitation_subject": "Uitnodiging", "invitation_body": "Beste {naam}: {link}",
             "reminder_subject": "Herinnering", "reminder_body": "Nog even: {link}", "closes_on": "2017-04-01"}
    page = _post(client, "/console/golven/2017/mail/teksten", texts).get_data(as_text=True)
    assert "Tekst uitnodiging: onbekende plaatshouder {naam}." in page
    assert db.session.scalar(select(MailCampaign.invitation_body)) != "Beste {naam}: {link}"
    page = _post(client, "/console/golven/2017/mail/teksten",
                 {**texts, "invitation_body": "Beste {team}: {link}"}).get_data(as_text=True)
    assert "De teksten zijn opgeslagen." in page
    preview = client.get("/console/golven/2017/mail/voorbeeld").get_data(as_text=True)
    assert re.search(r"Beste Team [a-z-]+: http://localhost/s/voorbeeld-persoonlijke-link", preview)


def test_test_mail_goes_to_the_researcher(app, client, world, smtp_server):
    app.config.update(smtp_server.config())
    login_as(client, world.researcher)
    page = _post(client, "/console/golven/2017/mail/testmail", {}).get_data(as_text=True)
    assert "De testmail is naar uw eigen adres verstuurd." in page
    [mail] = smtp_server.wait_for(1)
    assert mail.envelope_to == ["onderzoeker@voorbeeld.nl"] and mail.subject.startswith("[Testmail]")


def test_test_mail_without_server_is_a_dutch_message(app, client, world):
    app.config.update(SMTP_HOST="", MAIL_FROM="")
    login_as(client, world.researcher)
    page = _post(client, "/console/golven/2017/mail/testmail", {}).get_data(as_text=True)
    assert "De testmail kon niet worden verstuurd: Er is geen mailserver ingesteld" in page


def test_sending_needs_an_open_wave(client, world):
    login_as(client, world.researcher)
    page = _post(client, "/console/golven/2018/mail/versturen", {},
                 page="/console/golven/2018/mail/").get_data(as_text=True)
    assert "open de golf eerst" in page


def test_teamleider_cannot_reach_the_mail_pages(client, world):
    login_as(client, world.teamleider)
    assert client.get("/console/golven/2017/mail/").status_code == 403


def test_a_reminder_is_scheduled_in_dutch_time(client, world):
    login_as(client, world.researcher)
    page = _post(client, "/console/golven/2017/mail/herinnering-plannen",
                 {"reminder_at": "2017-05-01T09:00"}).get_data(as_text=True)
    assert "De herinnering is gepland." in page and "Geplande herinnering: 01-05-2017 09:00" in page
    assert db.session.scalar(select(MailCampaign.reminder_at)).isoformat() == "2017-05-01T07:00:00"  # CEST = UTC+2
