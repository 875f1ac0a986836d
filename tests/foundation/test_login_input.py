"""Whatever is typed into the login form or put into `next=`, the answer is a page in Dutch, never a 500."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from survey_app.auth.views import safe_next
from survey_app.extensions import db
from survey_app.services.users import create_user
from tests.conftest import csrf_token_from

PASSWORD = "een-goed-wachtwoord"


@pytest.fixture
def web(app, extra_app):
    web = extra_app()
    with web.app_context():
        create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD)
        db.session.commit()
    return web


def post_login(client, email: str, password: str, query: str = ""):
    token = csrf_token_from(client.get("/inloggen").get_data(as_text=True))
    return client.post(f"/inloggen{query}", data={"csrf_token": token, "email": email, "password": password})


@pytest.mark.parametrize(("email", "password", "message"), [
    ("onderzoeker@voorbeeld.nl\x00", PASSWORD, "Het e-mailadres bevat tekens die er niet in horen."),
    ("onder\x00zoeker@voorbeeld.nl", PASSWORD, "Het e-mailadres bevat tekens die er niet in horen."),
    ("onderzoeker@voorbeeld.nl\r\nBcc: x@y.nl", PASSWORD, "Het e-mailadres bevat tekens die er niet in horen."),
    ("onderzoeker@voorbeeld.nl", PASSWORD + "\x00", "Het wachtwoord bevat tekens die er niet in horen"),
    ("onderzoeker@voorbeeld.nl", "\x1b[31m" + PASSWORD, "Het wachtwoord bevat tekens die er niet in horen"),
    ("x" * 300 + "@voorbeeld.nl", PASSWORD, "Het e-mailadres is te lang."),
])
def test_control_characters_in_the_login_form_get_a_dutch_message(web, email, password, message):
    response = post_login(web.test_client(), email, password)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


@pytest.mark.parametrize("target", ["/rapporten/\r\nSet-Cookie: x=1", "/rapporten/\n", "/rapporten/\x00",
                                    "/rapporten/\t"])
def test_a_next_with_control_characters_is_refused_at_the_door(web, target):
    response = post_login(web.test_client(), "onderzoeker@voorbeeld.nl", PASSWORD, "?next=" + quote(target, safe=""))
    assert response.status_code == 400 and "tekens die niet zijn toegestaan" in response.get_data(as_text=True)
    assert "Set-Cookie" not in str(response.headers.get("Location"))


@pytest.mark.parametrize("target", [
    "https://evil.example/",
    "javascript:alert(1)", "//evil.example/", "/\\evil.example/", "\\\\evil.example", "/rapporten\\..\\x",
    " /rapporten/", "/rapporten/ü", "rapporten/", "/" + "a" * 3000,
])
def test_an_unsafe_next_is_ignored(web, target):
    response = post_login(web.test_client(), "onderzoeker@voorbeeld.nl", PASSWORD, "?next=" + quote(target, safe=""))
    assert response.status_code == 302
    assert response.location == "/console/"


def test_a_safe_next_is_followed(web):
    response = post_login(web.test_client(), "onderzoeker@voorbeeld.nl", PASSWORD, "?next=/rapporten/2017/%3Fa")
    assert response.status_code == 302 and response.location == "/rapporten/2017/?a"


@pytest.mark.parametrize(("target", "expected"), [
    ("/", "/"), ("/console/golven?x=1&y=2", "/console/golven?x=1&y=2"), ("/a%0d%0ab", "/a%0d%0ab"),
    ("/a\rb", None), ("/a\nb", None), ("/a\x00", None), ("//x", None), ("/\\x", None), ("http://x/", None),
    ("", None), (None, None),
])
def test_safe_next(target, expected):
    assert safe_next(target) == expected
