"""The one SMTP sender delivers UTF-8 mail to a real server and turns failures into Dutch reasons."""

from __future__ import annotations

import socket

import pytest

from survey_app.mail.smtp import MailError, SmtpSettings, send_mail


def _settings(**config) -> SmtpSettings:
    return SmtpSettings.from_config(config)


def test_a_mail_arrives_with_its_dutch_text(smtp_server):
    settings = _settings(**smtp_server.config())
    send_mail(settings, "medewerker@example.org", "Uitnodiging monitor", "Beste collega,\nDoe mee: één link.")
    [mail] = smtp_server.wait_for(1)
    assert mail.envelope_to == ["medewerker@example.org"]
    assert mail.subject == "Uitnodiging monitor"
    assert "één link" in mail.body
    assert mail.message["Message-ID"] and mail.message["Date"]


def test_no_server_configured_is_a_final_failure():
    with pytest.raises(MailError) as caught:
        send_mail(_settings(SMTP_HOST="", SMTP_PORT=25, SMTP_STARTTLS=False, MAIL_FROM=""), "a@example.org",
                  "x", "y")
    assert not caught.value.temporary
    assert "mailserver" in caught.value.reason


def test_an_unreachable_server_is_temporary_and_names_no_address():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = _settings(SMTP_HOST="127.0.0.1", SMTP_PORT=port, SMTP_STARTTLS=False, MAIL_FROM="m@example.org")
    with pytest.raises(MailError) as caught:
        send_mail(settings, "geheim@example.org", "x", "y")
    assert caught.value.temporary
    assert "geheim@example.org" not in caught.value.reason
