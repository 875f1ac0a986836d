"""Acceptance of the action plans in Chromium on the demo data: a teamleider marks one statement of the 2016
bijlage with a target and two actions; once 2017 is closed its bijlage shows the change, whether the target
was met (computed here from the analysis, not typed) and the actions; another team's teamleider gets 404."""

from __future__ import annotations

import re

from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments
from survey_app.models import WaveStatus
from survey_app.plans.models import PlanFocus
from survey_app.services.demo import DEMO_PREVIOUS_WAVE, DEMO_TEAMLEIDER, DEMO_WAVE, load_demo
from survey_app.services.users import create_user
from survey_app.services.waves import get_wave, set_status
from tests.browser.axe import assert_accessible
from tests.browser.test_coding_browser import log_in

STATEMENT = "sw_hulp_vragen"
ACTIONS = (("Intervisie: elke maand een casus waarbij iemand om hulp vroeg", "Teamleider", "bezig"),
           ("Maatjes voor nieuwe collega's", "Anouk (coach)", "gepland"))


def agree_percent(wave, team: str) -> float:
    """The team's published % (deels) eens on the statement, straight from the wave's analysis."""
    from survey_app.reports.sources import cached_analysis

    entry = cached_analysis(wave)["items"][STATEMENT][f"team:{team}"]
    assert not entry.get("suppressed")
    return entry["percent"]["4"] + entry["percent"]["5"]


def test_teamleider_plans_on_2016_and_the_2017_bijlage_reviews_it(chromium, live_server, app):
    load_demo(current_instruments())
    create_user("zuid@voorbeeld.nl", "teamleider", "ander-wachtwoord", ["zwolle-zuid"])
    db.session.commit()
    email, password, team = DEMO_TEAMLEIDER

    leader = chromium.new_context(viewport={"width": 1200, "height": 900}, locale="nl-NL")
    page = leader.new_page()
    log_in(page, live_server, email, password)
    page.goto(f"{live_server}/team/{DEMO_PREVIOUS_WAVE}/{team}/bijlage")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Verbeterplan van uw team")).click()
    assert page.get_by_role("heading", name=re.compile("Verbeterplan")).is_visible()
    assert_accessible(page, "verbeterplan (leeg)")
    page.get_by_label("Stelling of schaal").select_option(f"item:{STATEMENT}")
    page.locator("#nieuw-doel-soort").select_option("agree")
    page.locator("#nieuw-doel-waarde").fill("60")
    with page.expect_navigation():
        page.get_by_role("button", name="Verbeterpunt toevoegen").click()
    assert "Doel: % (deels) eens ≥ 60,0%." in page.content()
    for description, owner, status in ACTIONS:
        form = page.locator("form", has=page.locator("legend", has_text="Nieuwe actie"))
        form.get_by_label("Omschrijving van de actie").fill(description)
        form.get_by_label("Eigenaar (naam of rol)").fill(owner)
        form.get_by_label("Streefdatum").fill("2016-10-01")
        form.get_by_label("Status").select_option(status)
        with page.expect_navigation():
            form.get_by_role("button", name="Actie toevoegen").click()
        assert "Actie toevoegen" in page.content()
    assert_accessible(page, "verbeterplan met doel en acties")
    focus_id = db.session.query(PlanFocus.id).scalar()

    # 2017 is still open: its bijlage is not there yet. Closed, it looks back at the plan.
    later = get_wave(DEMO_WAVE)
    set_status(later, WaveStatus.CLOSED)
    db.session.commit()
    page.goto(f"{live_server}/team/{DEMO_WAVE}/{team}/bijlage")
    section = page.locator("section.plans-review")
    assert section.get_by_role("heading", name="Verbeterpunten van vorig jaar").is_visible()
    before, after = agree_percent(get_wave(DEMO_PREVIOUS_WAVE), team), agree_percent(later, team)
    row = section.locator("table").first.locator("tbody tr")
    cells = row.locator("td").all_inner_texts()
    from survey_app.analysis.formatting import format_percent

    assert cells[1] == format_percent(before) and cells[2] == format_percent(after)
    change = round(after, 1) - round(before, 1)
    assert cells[3].endswith("procentpunt") and (cells[3].startswith("+") == (change > 0))
    assert cells[4] == "% (deels) eens ≥ 60,0%"
    assert cells[5] == ("gehaald" if after >= 60 else "niet gehaald")
    actions = section.locator("table.plan-actions tbody tr").all_inner_texts()
    assert [line.split("\t")[0] for line in actions] == [description for description, _, _ in ACTIONS]
    assert all(status in line for line, (_, _, status) in zip(actions, ACTIONS, strict=True))
    leader.close()

    # Another team's teamleider: no page, no bijlage, no forged post, and nothing of noord's plan in its own.
    other = chromium.new_context()
    page = other.new_page()
    log_in(page, live_server, "zuid@voorbeeld.nl", "ander-wachtwoord")
    assert page.goto(f"{live_server}/verbeterplan/{DEMO_PREVIOUS_WAVE}/{team}").status == 404
    assert page.goto(f"{live_server}/team/{DEMO_WAVE}/{team}/bijlage").status == 404
    own = f"{live_server}/verbeterplan/{DEMO_PREVIOUS_WAVE}/zwolle-zuid"
    page.goto(own)
    token = page.locator('input[name="csrf_token"]').first.get_attribute("value")
    forged = page.request.post(f"{own}/punten/{focus_id}/acties",
                               form={"csrf_token": token, "omschrijving": "Vervalst", "status": "klaar"})
    assert forged.status == 404
    page.goto(f"{live_server}/team/{DEMO_WAVE}/zwolle-zuid/bijlage")
    assert "Intervisie" not in page.content() and "Verbeterpunten van vorig jaar" not in page.content()
    other.close()
    db.session.expire_all()
    assert [a.description for a in db.session.get(PlanFocus, focus_id).actions] == [d for d, _, _ in ACTIONS]
