"""The researcher writes the wave's contact line on the console wave page; the respondent reads it on the welcome
page. Both pages axe-core clean."""

from __future__ import annotations

from survey_app.extensions import db
from survey_app.services.users import create_user
from tests.browser.axe import assert_accessible
from tests.browser.test_coding_browser import log_in

CONTACT = "Marieke de Vries (onderzoeker), m.devries@example.nl, 038 123 45 67"


def test_contact_line_from_console_to_welcome_page(chromium, live_server, create_open_wave, invite):
    wave = create_open_wave(modules=["samenwerking"])
    token = invite(wave, "zwolle-noord")[0]
    create_user("onderzoeker@voorbeeld.nl", "researcher", "een-goed-wachtwoord")
    db.session.commit()
    page = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    log_in(page, live_server, "onderzoeker@voorbeeld.nl", "een-goed-wachtwoord")
    page.goto(f"{live_server}/console/golven/{wave.name}")
    assert_accessible(page, "golfpagina")
    page.get_by_label("Contact voor vragen van respondenten").fill(CONTACT)
    with page.expect_navigation():
        page.get_by_role("button", name="Contactregel bewaren").click()
    assert "De contactregel is bewaard." in page.content()

    page.goto(f"{live_server}/s/{token}")
    assert page.locator(".contact").inner_text() == f"Vragen over de vragenlijst? {CONTACT}"
    assert_accessible(page, "welkom met contactregel")
