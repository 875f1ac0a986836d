"""The response monitor in Chromium: new numbers arrive without a reload (scroll and focus stay), also on the
"Vernieuwen" button; without JavaScript the button is a link that reloads; closing asks first."""

from __future__ import annotations

import pytest

from survey_app.extensions import db
from tests.browser.axe import assert_accessible
from tests.browser.test_coding_browser import log_in
from tests.console.conftest import PASSWORD, TEAM_A, World, add_responses, make_world


@pytest.fixture
def world(app, create_org) -> World:
    """The console tests' world: waves 2016-2018, 2017 open with 6 + 4 responses, one account per role."""
    return make_world(create_org)


def _responded(page) -> str:
    return page.locator(f'tr[data-row="team:{TEAM_A}"] [data-figure="responded"]').inner_text()


def test_vernieuwen_updates_numbers_in_place(live_server, chromium, world):
    page = chromium.new_context(viewport={"width": 390, "height": 500}, locale="nl-NL").new_page()
    log_in(page, live_server, world.researcher.email, PASSWORD)
    page.goto(f"{live_server}/console/golven/2017/respons")
    assert page.locator('meta[http-equiv="refresh"]').count() == 0
    assert _responded(page) == "6"
    page.evaluate("() => { window.notReloaded = true; }")
    add_responses(world.wave, TEAM_A, 2, seed=3)
    db.session.commit()
    page.get_by_role("link", name="Vernieuwen").click()
    page.wait_for_function(f"""() => document.querySelector('tr[data-row="team:{TEAM_A}"] [data-figure="responded"]')
                               .textContent === '8'""")
    assert page.evaluate("() => window.notReloaded === true")  # the same page: nothing reloaded
    assert page.locator(f'tr[data-row="team:{TEAM_A}"] [data-figure="percent"]').inner_text() == "66,7%"
    assert page.locator('tr[data-row="totaal"] [data-figure="responded"]').inner_text() == "12"
    assert "Bijgewerkt om" in page.locator("#monitor-status").inner_text()
    assert_accessible(page, "responsmonitor na vernieuwen")


def test_without_javascript_vernieuwen_reloads(live_server, chromium, world):
    page = chromium.new_context(java_script_enabled=False, locale="nl-NL").new_page()
    log_in(page, live_server, world.researcher.email, PASSWORD)
    page.goto(f"{live_server}/console/golven/2017/respons")
    add_responses(world.wave, TEAM_A, 1, seed=4)
    db.session.commit()
    with page.expect_navigation():
        page.get_by_role("link", name="Vernieuwen").click()
    assert _responded(page) == "7"


def test_closing_goes_through_the_confirmation(live_server, chromium, world):
    page = chromium.new_context(locale="nl-NL").new_page()
    log_in(page, live_server, world.researcher.email, PASSWORD)
    page.goto(f"{live_server}/console/golven/2017")
    with page.expect_navigation():
        page.get_by_role("link", name="Sluiten…").click()
    assert page.get_by_role("heading", name="Golf 2017 sluiten?").is_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Nee, terug naar de golf").click()
    assert "Status: open" in page.locator("main").inner_text()
    page.goto(f"{live_server}/console/golven/2017/sluiten")
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, golf 2017 sluiten").click()
    assert "Status: gesloten" in page.locator("main").inner_text()
