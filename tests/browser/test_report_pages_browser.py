"""The teamleider's pages and the report web views in Chromium: inside the site layout (header, a way back,
a main landmark) and axe-core clean."""

from __future__ import annotations

from survey_app.extensions import db
from survey_app.models import WaveStatus
from survey_app.services.users import create_user
from survey_app.services.waves import set_status
from tests.browser.axe import assert_accessible
from tests.browser.test_coding_browser import log_in
from tests.reports.conftest import _fresh_analysis_cache, small_wave  # noqa: F401 (fixtures)


def in_site_layout(page) -> None:
    """Header with the site name, exactly one main landmark holding the report, and a way back."""
    assert page.get_by_role("banner").get_by_role("link", name="Monitor sociale teams").is_visible()
    main = page.get_by_role("main")
    assert main.count() == 1
    assert main.get_by_role("heading", level=1).count() == 1
    assert main.get_by_role("link", name="Download als PDF").is_visible()


def test_teamleider_reads_the_bijlage_inside_the_site(chromium, live_server, small_wave):  # noqa: F811
    create_user("leider@voorbeeld.nl", "teamleider", "nog-een-wachtwoord", ["zwolle-noord"])
    db.session.commit()
    page = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    log_in(page, live_server, "leider@voorbeeld.nl", "nog-een-wachtwoord")
    page.goto(f"{live_server}/team/2017/zwolle-noord/bijlage")
    assert "nog niet" in page.content()  # open wave: not yet
    assert_accessible(page, "bijlage nog niet beschikbaar")

    set_status(small_wave.wave, WaveStatus.CLOSED)
    db.session.commit()
    page.goto(f"{live_server}/team/")
    assert_accessible(page, "bijlagen teamleider")
    with page.expect_navigation():
        page.get_by_role("link", name="bekijken").first.click()
    in_site_layout(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Bijlage Team zwolle-noord"
    assert_accessible(page, "bijlage (teamleider)")
    with page.expect_navigation():
        page.get_by_role("link", name="Terug naar de bijlagen van uw team").click()
    assert page.url.endswith("/team/")


def test_researcher_report_web_views_pass_axe(chromium, live_server, small_wave):  # noqa: F811
    create_user("onderzoeker@voorbeeld.nl", "researcher", "een-goed-wachtwoord")
    db.session.commit()
    page = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    log_in(page, live_server, "onderzoeker@voorbeeld.nl", "een-goed-wachtwoord")
    for path, where in (("team/zwolle-noord", "bijlage"), ("team/zwolle-klein", "bijlage verborgen team"),
                        ("gemeente/zwolle", "gemeenterapportage"), ("totaal", "totaalrapportage")):
        page.goto(f"{live_server}/rapporten/2017/{path}")
        in_site_layout(page)
        assert_accessible(page, where)
    for path, where in (("/rapporten/", "rapportages"), ("/verbeterplan/overzicht/2017", "verbeterplannen")):
        page.goto(live_server + path)
        assert_accessible(page, where)
