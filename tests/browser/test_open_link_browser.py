"""An open-link respondent in Chromium: the personal link shown with a copy button, mailed on request through a
real SMTP server without the address being stored anywhere, and "Later verder" pointing to that link."""

from __future__ import annotations

import threading

import pytest
from playwright.sync_api import expect
from sqlalchemy import select, text
from werkzeug.serving import make_server

from survey_app.extensions import db
from survey_app.models import Team, WaveTeam
from survey_app.services.tokens import hash_token, new_token
from tests.browser.axe import assert_accessible
from tests.browser.test_questionnaire_browser import answer_page, go
from tests.browser.test_questionnaire_screens import fits, shoot

ADDRESS = "respondent.privé@voorbeeld.nl"


@pytest.fixture
def mail_server_app(extra_app, smtp_server):
    """The app served on a local port, sending its mail to the test SMTP server; yields the base URL."""
    app = extra_app(SERVER_NAME=None, **smtp_server.config())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def open_link_for(wave, team_slug: str) -> str:
    """A team's open link token (stored hashed, as the console makes it)."""
    token = new_token()
    participation = db.session.scalar(select(WaveTeam).join(Team).where(WaveTeam.wave_id == wave.id,
                                                                        Team.slug == team_slug))
    participation.open_link_hash = hash_token(token)
    db.session.commit()
    return token


def stored_text() -> str:
    """Every row of every table as text: where an address would be if anything kept it."""
    rows = []
    for table in db.metadata.sorted_tables:
        rows.extend(str(tuple(row)) for row in db.session.execute(text(f'SELECT * FROM "{table.name}"')))
    return "\n".join(rows)


def test_open_link_respondent_sees_copies_and_mails_the_personal_link(chromium, mail_server_app, smtp_server,
                                                                      create_open_wave):
    wave = create_open_wave(modules=["samenwerking"])
    token = open_link_for(wave, "zwolle-noord")
    context = chromium.new_context(viewport={"width": 390, "height": 800}, locale="nl-NL")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{mail_server_app}/o/{token}")
    assert_accessible(page, "teamlink")
    fits(page, "teamlink")
    go(page, "button", "Beginnen")

    personal = page.url.split("/s/")[1]
    field = page.get_by_role("textbox", name="Uw persoonlijke link")
    assert field.input_value().endswith(f"/s/{personal}")
    page.get_by_role("button", name="Kopieer link").click()
    expect(page.locator("#kopieer-status")).to_have_text("De link is gekopieerd.")  # the copy is a promise
    assert page.evaluate("navigator.clipboard.readText()") == field.input_value()
    assert_accessible(page, "welkom (teamlink)")
    fits(page, "welkom (teamlink)")
    shoot(page, "teamlink-welkom")

    page.get_by_label("Mail mij deze link").fill("geen adres")
    go(page, "button", "Mail mij deze link")
    assert "Vul een geldig e-mailadres in" in page.content()
    assert_accessible(page, "link mailen, fout adres")
    page.get_by_label("Mail mij deze link").fill(ADDRESS)
    go(page, "button", "Mail mij deze link")
    assert "De link is verstuurd" in page.content()
    mail = smtp_server.wait_for(1)[0]
    assert mail.envelope_to == [ADDRESS]
    assert f"/s/{personal}" in mail.body
    db.session.expire_all()
    assert ADDRESS not in stored_text() and "respondent.priv" not in stored_text()

    go(page, "link", "Beginnen")
    answer_page(page, {})
    go(page, "button", "Later verder")
    body = page.content()
    assert "uit uw uitnodiging" not in body
    assert page.get_by_role("textbox", name="Uw persoonlijke link").input_value().endswith(f"/s/{personal}")
    assert_accessible(page, "later verder (teamlink)")
    fits(page, "later verder (teamlink)")
    shoot(page, "teamlink-later-verder")
    context.close()
