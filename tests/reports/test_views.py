"""The researchers' report pages: access by role, links, the web bijlage, and the background build."""

from __future__ import annotations

import time

import pytest

from survey_app.extensions import db
from survey_app.services.users import create_user
from tests.conftest import csrf_token_from

PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def researcher(small_wave):
    user = create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD)
    db.session.commit()
    return user


def login(client, user) -> None:
    from flask import g

    g.pop("_login_user", None)
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True


def test_teamleider_and_anonymous_are_kept_out(client, small_wave):
    assert client.get("/rapporten/").status_code == 302  # to the login page
    teamleider = create_user("tl@voorbeeld.nl", "teamleider", PASSWORD, ["zwolle-noord"])
    db.session.commit()
    login(client, teamleider)
    assert client.get("/rapporten/2017/").status_code == 403
    assert client.get("/rapporten/2017/team/zwolle-noord.pdf").status_code == 403


def test_wave_page_links_every_report_and_serves_them(client, researcher):
    login(client, researcher)
    page = client.get("/rapporten/2017/").get_data(as_text=True)
    for url in ("/rapporten/2017/team/zwolle-noord", "/rapporten/2017/team/zwolle-noord.pdf",
                "/rapporten/2017/gemeente/elburg", "/rapporten/2017/gemeente/elburg.pdf"):
        assert f'href="{url}"' in page
    html = client.get("/rapporten/2017/team/zwolle-noord")
    assert html.status_code == 200 and "Bijlage Team zwolle-noord" in html.get_data(as_text=True)
    assert "style-src 'self'" in html.headers["Content-Security-Policy"]
    pdf = client.get("/rapporten/2017/gemeente/zwolle.pdf")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert client.get("/rapporten/2017/team/bestaat-niet").status_code == 404
    assert client.get("/rapporten/2017/gemeente/bestaat-niet.pdf").status_code == 404


def test_build_all_runs_on_the_queue_and_offers_downloads(app, client, researcher, consumer):
    login(client, researcher)
    token = csrf_token_from(client.get("/rapporten/2017/").get_data(as_text=True))
    assert client.post("/rapporten/2017/bouwen").status_code == 400  # no CSRF token
    response = client.post("/rapporten/2017/bouwen", data={"csrf_token": token})
    assert response.status_code == 302 and response.location.endswith("/rapporten/2017/status")
    deadline = time.monotonic() + 120
    while True:
        page = client.get("/rapporten/2017/status").get_data(as_text=True)
        if "Klaar:" in page or time.monotonic() > deadline:
            break
        assert 'refresh.js' in page
        time.sleep(0.5)
    assert "Klaar: 8 van 8" in page and "Bestanden (8)" in page  # 2 gemeenten, 5 teams and the overall report
    assert 'refresh.js' not in page
    download = client.get("/rapporten/2017/bestanden/2017-zwolle-zwolle-noord.pdf")
    assert download.status_code == 200 and download.data.startswith(b"%PDF")
    download.close()
    assert client.get("/rapporten/2017/bestanden/..%2Fgeheim.pdf").status_code == 404
