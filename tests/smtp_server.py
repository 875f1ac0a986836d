"""A real SMTP server (aiosmtpd) on a free local port for the tests that send mail; never a mock."""

from __future__ import annotations

import email
import email.policy
import socket
import time
from dataclasses import dataclass, field

import pytest


@dataclass
class ReceivedMail:
    """What the test server accepted: the envelope and the parsed message."""

    envelope_to: list[str]
    message: email.message.EmailMessage

    @property
    def to(self) -> str:
        return self.message["To"]

    @property
    def subject(self) -> str:
        return self.message["Subject"]

    @property
    def body(self) -> str:
        return self.message.get_body(preferencelist=("plain",)).get_content()


@dataclass
class MailServer:
    host: str
    port: int
    received: list[ReceivedMail] = field(default_factory=list)

    def config(self, sender: str = "monitor@example.org") -> dict:
        """App settings that send through this server (plain SMTP, no login)."""
        return {"SMTP_HOST": self.host, "SMTP_PORT": self.port, "SMTP_STARTTLS": False, "SMTP_USER": "",
                "SMTP_PASSWORD": "", "MAIL_FROM": sender}

    def wait_for(self, count: int, timeout: float = 10.0) -> list[ReceivedMail]:
        """The received mails once there are at least `count` (sending may run in another thread)."""
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return list(self.received)


class _Handler:
    def __init__(self, server: MailServer):
        self.server = server

    async def handle_DATA(self, smtp, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.server.received.append(ReceivedMail(list(envelope.rcpt_tos), message))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    """A running SMTP server; `smtp_server.config()` gives the app settings, `.received` the mails."""
    try:
        from aiosmtpd.controller import Controller
    except ImportError:
        from tests.conftest import skip_or_fail

        skip_or_fail("aiosmtpd is not installed")
    server = MailServer("127.0.0.1", _free_port())
    controller = Controller(_Handler(server), hostname=server.host, port=server.port)
    controller.start()
    yield server
    controller.stop()
