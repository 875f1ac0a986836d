"""Send one plain-text e-mail through the SMTP server in the app's settings.

Why one small module: invitations, reminders and the "mail mij deze link" of an open link all need the same
connection rules (STARTTLS, login, time-out) and the same promise that no address reaches a log line. The
caller decides whether an address may be kept; this module keeps nothing.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

#: SMTP replies in the 4xx range and lost connections are worth another try later; 5xx replies are final.
TEMPORARY_ERRORS = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError, TimeoutError)


class MailError(Exception):
    """Sending failed. `temporary` says whether retrying later may help; `reason` is Dutch, without address."""

    def __init__(self, reason: str, *, temporary: bool):
        super().__init__(reason)
        self.reason = reason
        self.temporary = temporary


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to deliver, from the app config (config.py, SMTP_* and MAIL_FROM)."""

    host: str
    port: int
    starttls: bool
    user: str
    password: str
    sender: str
    timeout: float = 20.0

    @classmethod
    def from_config(cls, config) -> SmtpSettings:
        return cls(host=config["SMTP_HOST"], port=int(config["SMTP_PORT"]), starttls=bool(config["SMTP_STARTTLS"]),
                   user=config.get("SMTP_USER", ""), password=config.get("SMTP_PASSWORD", ""),
                   sender=config["MAIL_FROM"])

    @property
    def configured(self) -> bool:
        return bool(self.host) and bool(self.sender)


def build_message(settings: SmtpSettings, to: str, subject: str, body: str,
                  headers: dict[str, str] | None = None) -> EmailMessage:
    """A UTF-8 plain-text message with the headers mail clients expect (Date, Message-ID)."""
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2] or None)
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body, charset="utf-8")
    return message


def send_mail(settings: SmtpSettings, to: str, subject: str, body: str,
              headers: dict[str, str] | None = None) -> None:
    """Deliver one message or raise MailError (temporary or not) with a Dutch reason that names no address."""
    if not settings.configured:
        raise MailError("Er is geen mailserver ingesteld (SMTP_HOST en MAIL_FROM).", temporary=False)
    message = build_message(settings, to, subject, body, headers)
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as smtp:
            if settings.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.user:
                smtp.login(settings.user, settings.password)
            refused = smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as error:
        code = next(iter(error.recipients.values()), (0, b""))[0]
        raise MailError(f"De mailserver weigerde het adres (code {code}).", temporary=400 <= code < 500) from None
    except smtplib.SMTPAuthenticationError:
        raise MailError("Inloggen bij de mailserver mislukte.", temporary=False) from None
    except smtplib.SMTPResponseException as error:
        raise MailError(f"De mailserver antwoordde met code {error.smtp_code}.",
                        temporary=400 <= error.smtp_code < 500) from None
    except TEMPORARY_ERRORS:
        raise MailError("De mailserver was niet bereikbaar.", temporary=True) from None
    except (smtplib.SMTPException, OSError) as error:
        raise MailError(f"Versturen mislukte ({type(error).__name__}).", temporary=True) from None
    if refused:
        raise MailError("De mailserver weigerde het adres.", temporary=False)
