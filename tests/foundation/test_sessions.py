"""Sessions end for real: a copied session or "remember me" cookie stops working after logout, a new password,
a new role or team list, and blocking the account."""

from __future__ import annotations

import pytest
from flask_login.utils import encode_cookie

from survey_app.extensions import db
from survey_app.models import Role, Team, User
from survey_app.services.org import load_org
from survey_app.services.users import create_user
from tests.conftest import csrf_token_from

PASSWORD = "een-goed-wachtwoord"


@pytest.fixture
def web(app, extra_app, tmp_path):
    """An app whose requests each get their own app context (as in production), with three accounts."""
    web = extra_app()
    org = tmp_path / "org.csv"
    org.write_text("gemeente,team,label\nzwolle,zwolle-noord,Zwolle Noord\nzwolle,zwolle-zuid,Zwolle Zuid\n")
    with web.app_context():
        load_org(str(org))
        create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD)
        create_user("tl@voorbeeld.nl", "teamleider", PASSWORD, ["zwolle-noord"])
        create_user("beheer@voorbeeld.nl", "admin", PASSWORD)
        db.session.commit()
    return web


def login(web, email: str):
    """A test client logged in through the real login form."""
    client = web.test_client()
    token = csrf_token_from(client.get("/inloggen").get_data(as_text=True))
    response = client.post("/inloggen", data={"csrf_token": token, "email": email, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def copy_of(web, client):
    """A second client holding a copy of the first one's session cookie (a stolen cookie)."""
    thief = web.test_client()
    thief.set_cookie(web.config["SESSION_COOKIE_NAME"], client.get_cookie(web.config["SESSION_COOKIE_NAME"]).value)
    return thief


def signed_in(client, page: str = "/console/") -> bool:
    """True when the page opens; False when it sends the visitor to the login page."""
    response = client.get(page)
    assert response.status_code in (200, 302), response.status_code
    return response.status_code == 200


def change(web, address: str, **changes) -> None:
    """Change the account in the database, as any service would."""
    with web.app_context():
        user = db.session.scalar(db.select(User).where(User.email == address))
        for name, value in changes.items():
            setattr(user, name, value)
        db.session.commit()


def test_a_copied_cookie_is_refused_after_logout(web):
    owner = login(web, "onderzoeker@voorbeeld.nl")
    thief = copy_of(web, owner)
    assert signed_in(thief)
    token = csrf_token_from(owner.get("/console/").get_data(as_text=True))
    assert owner.post("/uitloggen", data={"csrf_token": token}).status_code == 302
    assert not signed_in(thief)
    assert not signed_in(owner)


def test_logout_ends_the_sessions_on_other_devices_too(web):
    laptop, phone = login(web, "onderzoeker@voorbeeld.nl"), login(web, "onderzoeker@voorbeeld.nl")
    token = csrf_token_from(laptop.get("/console/").get_data(as_text=True))
    laptop.post("/uitloggen", data={"csrf_token": token})
    assert not signed_in(phone)
    assert signed_in(login(web, "onderzoeker@voorbeeld.nl"))  # logging in again works


def test_a_copied_cookie_is_refused_after_an_admin_sets_a_new_password(web):
    thief = copy_of(web, login(web, "onderzoeker@voorbeeld.nl"))
    admin = login(web, "beheer@voorbeeld.nl")
    with web.app_context():
        user_id = db.session.scalar(db.select(User.id).where(User.email == "onderzoeker@voorbeeld.nl"))
    page = admin.get(f"/console/accounts/{user_id}/wachtwoord")
    response = admin.post(f"/console/accounts/{user_id}/wachtwoord",
                          data={"csrf_token": csrf_token_from(page.get_data(as_text=True)),
                                "password": "nieuw-wachtwoord-1", "confirm": "nieuw-wachtwoord-1"})
    assert response.status_code == 302
    assert not signed_in(thief)
    assert signed_in(admin)  # the admin's own session is untouched


def test_a_copied_cookie_is_refused_after_blocking_the_account(web):
    thief = copy_of(web, login(web, "onderzoeker@voorbeeld.nl"))
    admin = login(web, "beheer@voorbeeld.nl")
    with web.app_context():
        user_id = db.session.scalar(db.select(User.id).where(User.email == "onderzoeker@voorbeeld.nl"))
    page = admin.get("/console/accounts")
    response = admin.post(f"/console/accounts/{user_id}/actief",
                          data={"csrf_token": csrf_token_from(page.get_data(as_text=True))})
    assert response.status_code == 302
    assert not signed_in(thief)
    change(web, "onderzoeker@voorbeeld.nl", active=True)  # unblocking does not bring the old session back
    assert not signed_in(thief)


def test_a_copied_cookie_is_refused_after_a_role_change(web):
    thief = copy_of(web, login(web, "onderzoeker@voorbeeld.nl"))
    change(web, "onderzoeker@voorbeeld.nl", role=Role.ADMIN)
    assert not signed_in(thief)


def test_a_copied_cookie_is_refused_after_a_team_change(web):
    thief = copy_of(web, login(web, "tl@voorbeeld.nl"))
    assert signed_in(thief, "/team/")
    with web.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "tl@voorbeeld.nl"))
        user.teams.append(db.session.scalar(db.select(Team).where(Team.slug == "zwolle-zuid")))
        db.session.commit()
    assert not signed_in(thief, "/team/")


def test_an_unrelated_change_keeps_the_session(web):
    client = login(web, "onderzoeker@voorbeeld.nl")
    change(web, "onderzoeker@voorbeeld.nl", email="onderzoeker2@voorbeeld.nl")
    assert signed_in(client)


def test_a_remember_me_cookie_is_refused_after_logout(web):
    owner = login(web, "onderzoeker@voorbeeld.nl")
    with web.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "onderzoeker@voorbeeld.nl"))
        remembered = encode_cookie(user.get_id())
    device = web.test_client()
    device.set_cookie(web.config.get("REMEMBER_COOKIE_NAME", "remember_token"), remembered)
    assert signed_in(device)
    token = csrf_token_from(owner.get("/console/").get_data(as_text=True))
    owner.post("/uitloggen", data={"csrf_token": token})
    device = web.test_client()
    device.set_cookie(web.config.get("REMEMBER_COOKIE_NAME", "remember_token"), remembered)
    assert not signed_in(device)


def test_a_cookie_without_a_session_version_is_refused(web):
    with web.app_context():
        user_id = db.session.scalar(db.select(User.id).where(User.email == "onderzoeker@voorbeeld.nl"))
    client = web.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(user_id)  # the format before session versions
        session["_fresh"] = True
    assert not signed_in(client)
