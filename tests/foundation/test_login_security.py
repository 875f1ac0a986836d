"""Failed logins are rate-limited per address; session cookies are HttpOnly, SameSite and (by default) Secure."""

from __future__ import annotations

from survey_app.services.users import create_user
from tests.conftest import csrf_token_from


def test_failed_logins_are_rate_limited(app, extra_app, monkeypatch):
    from survey_app import throttle

    monkeypatch.setattr(throttle.time, "time", lambda: 1_800_000_000.0)  # no minute boundary mid-test
    app = extra_app(LOGIN_RATE_LIMIT="3 per minute")
    client = app.test_client()
    with app.app_context():
        from survey_app.extensions import db

        create_user("onderzoeker@voorbeeld.nl", "researcher", "een-goed-wachtwoord")
        db.session.commit()
    token = csrf_token_from(client.get("/inloggen").get_data(as_text=True))
    statuses = [client.post("/inloggen", data={"csrf_token": token, "email": "onderzoeker@voorbeeld.nl",
                                               "password": "fout"}).status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 429, 429]
    assert client.get("/inloggen").status_code == 200  # looking at the form is not counted


def test_session_cookie_flags(extra_app):
    app = extra_app(SESSION_COOKIE_SECURE=True)
    client = app.test_client()
    response = client.get("/inloggen")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie
