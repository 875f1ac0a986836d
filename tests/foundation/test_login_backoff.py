"""Login back-off per account: 5 failures lock the e-mail address for 1, then 2, 4 ... minutes, from any address,
for known and unknown addresses alike; a successful login ends the series."""

from __future__ import annotations

import pytest

from survey_app import throttle
from survey_app.extensions import db
from survey_app.services.users import create_user

PASSWORD = "een-goed-wachtwoord"
LOCKED = "Te veel mislukte inlogpogingen voor dit e-mailadres. Probeer het over"


@pytest.fixture
def clock(monkeypatch):
    now = [1_800_000_000.0]
    monkeypatch.setattr(throttle.time, "time", lambda: now[0])
    return now


@pytest.fixture
def web(app, extra_app, clock):
    web = extra_app(WTF_CSRF_ENABLED=False)
    with web.app_context():
        create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD)
        db.session.commit()
    return web


def attempt(web, password: str, email: str = "onderzoeker@voorbeeld.nl", address: str = "192.0.2.1"):
    """One login from its own client and address (the per-address limit is not what is tested here)."""
    return web.test_client().post("/inloggen", data={"email": email, "password": password},
                                  environ_base={"REMOTE_ADDR": address})


def fail(web, times: int, email: str = "onderzoeker@voorbeeld.nl") -> list[int]:
    return [attempt(web, "fout-wachtwoord", email, f"192.0.2.{i}").status_code for i in range(times)]


def test_five_failures_lock_the_account_for_a_minute_even_with_the_right_password(web, clock):
    assert fail(web, 5) == [401] * 5
    locked = attempt(web, PASSWORD, address="198.51.100.7")  # another machine, the right password
    assert locked.status_code == 429
    assert f"{LOCKED} 1 minuut opnieuw" in locked.get_data(as_text=True)
    clock[0] += 61
    assert attempt(web, PASSWORD).status_code == 302


def test_each_new_lock_lasts_twice_as_long(web, clock):
    fail(web, 5)
    clock[0] += 61
    assert fail(web, 5) == [401] * 5
    response = attempt(web, PASSWORD)
    assert response.status_code == 429 and f"{LOCKED} 2 minuten opnieuw" in response.get_data(as_text=True)
    clock[0] += 61
    assert attempt(web, PASSWORD).status_code == 429
    clock[0] += 60
    assert attempt(web, PASSWORD).status_code == 302


def test_a_successful_login_ends_the_series(web, clock):
    fail(web, 4)
    assert attempt(web, PASSWORD).status_code == 302
    assert fail(web, 4) == [401] * 4
    assert attempt(web, PASSWORD).status_code == 302


def test_an_unknown_address_is_locked_the_same_way(web, clock):
    assert fail(web, 5, "niemand@voorbeeld.nl") == [401] * 5
    response = attempt(web, "wat-dan-ook", "niemand@voorbeeld.nl")
    assert response.status_code == 429 and f"{LOCKED} 1 minuut opnieuw" in response.get_data(as_text=True)
    assert attempt(web, PASSWORD).status_code == 302  # other accounts are not affected


def test_the_lock_ignores_case_and_spaces_in_the_address(web, clock):
    fail(web, 5, " Onderzoeker@Voorbeeld.NL")
    assert attempt(web, PASSWORD).status_code == 429
