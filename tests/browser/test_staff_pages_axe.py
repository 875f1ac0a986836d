"""axe-core finds 0 violations on every console, coding and matrix page, with data shaped like the demo's.

One test per area logs in once and visits each page; it collects the violations of all pages before failing,
so one run shows everything that is wrong. The pages are filled the way a researcher sees them in use: an
open wave with responses, a respondent still busy, a submission held for review, an open link just made;
the Tabel 3 coding project with two coders; the 15-case Zwolle matrix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from survey_app.coding.importer import import_project
from survey_app.extensions import db
from survey_app.models import CodingDocument, Draft, Invitation, InvitationStatus, User
from survey_app.services.users import create_user
from tests.browser.axe import axe_violations
from tests.browser.test_coding_browser import log_in
from tests.console.conftest import ORG, PASSWORD, TEAM_A, add_responses

TABEL3 = Path(__file__).resolve().parent.parent / "fixtures" / "coding" / "tabel3"
MATRIX = Path(__file__).resolve().parent.parent / "fixtures" / "matrix" / "zwolle"


def _check(page, url: str, found: dict[str, list[str]]) -> None:
    """Visit the page (already loaded when url is empty) and keep its violations under its address."""
    if url:
        response = page.goto(url)
        assert response is not None and response.status == 200, (url, response and response.status)
    violations = axe_violations(page)
    if violations:
        found[page.url] = [f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes']}" for v in violations]


def _report(found: dict[str, list[str]]) -> None:
    if found:
        pytest.fail("axe-core violations:\n" + "\n".join(f"{url}\n  " + "\n  ".join(lines)
                                                       for url, lines in found.items()))


@pytest.fixture
def wave_in_fieldwork(create_org):
    """Waves 2016 (closed), 2017 (open, responses, one respondent busy, one held), 2018 (draft); an admin."""
    from survey_app.instrument_registry import current_instruments
    from survey_app.models import WaveStatus
    from survey_app.services.waves import create_wave

    create_org(ORG)
    instruments = current_instruments()
    modules = [m.id for m in instruments.modules]
    waves = {}
    for name, status in (("2016", WaveStatus.CLOSED), ("2017", WaveStatus.OPEN), ("2018", WaveStatus.DRAFT)):
        waves[name] = create_wave(name, modules, instruments, {TEAM_A: 12, "zwolle-zuid": 9, "team-doeth": 8},
                                  label=f"Meting {name}")
        waves[name].status = status
    admin = create_user("beheer@voorbeeld.nl", "admin", PASSWORD)
    create_user("tl@voorbeeld.nl", "teamleider", PASSWORD, [TEAM_A])
    db.session.commit()
    add_responses(waves["2017"], TEAM_A, 6)
    add_responses(waves["2017"], "zwolle-zuid", 4, seed=2)
    team_id = next(p.team_id for p in waves["2017"].teams if p.team.slug == TEAM_A)
    busy = Invitation(wave_id=waves["2017"].id, team_id=team_id, token_hash="b" * 64, status=InvitationStatus.STARTED)
    busy.draft = Draft(answers={"sw_hulp_vragen": 4})
    held = Invitation(wave_id=waves["2017"].id, team_id=team_id, token_hash="c" * 64,
                      status=InvitationStatus.SUBMITTED, from_open_link=True)
    held.draft = Draft(answers={"sw_hulp_vragen": 3}, sealed=True, held=True)
    db.session.add_all([busy, held])
    db.session.commit()
    return admin


def test_every_console_page_passes_axe(live_server, chromium, wave_in_fieldwork):
    from survey_app.instrument_registry import current_instruments

    admin = wave_in_fieldwork
    other = db.session.scalar(select(User).where(User.email == "tl@voorbeeld.nl"))
    page = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    log_in(page, live_server, admin.email, PASSWORD)
    found: dict[str, list[str]] = {}
    module = current_instruments().modules[0].id
    for path in ("/console/", "/console/golven", "/console/nieuwe-golf", "/console/golven/2017",
                 "/console/golven/2016", "/console/golven/2018", "/console/golven/2017/sluiten",
                 "/console/golven/2017/respons", "/console/organisatie", "/console/instrumenten",
                 f"/console/instrumenten/{module}", "/console/accounts", "/console/accounts/nieuw",
                 f"/console/accounts/{other.id}/wachtwoord", "/console/logboek"):
        _check(page, live_server + path, found)
    page.goto(f"{live_server}/console/golven/2017")
    with page.expect_navigation():
        page.locator("tr", has_text="(team-doeth)").get_by_role("button", name="Maak open link").click()
    _check(page, "", found)  # the open link, shown once
    page.goto(f"{live_server}/console/golven/2017")
    with page.expect_navigation():
        page.locator("tr", has_text="(team-doeth)").get_by_role("button", name="Vervang").click()
    _check(page, "", found)  # a replacement, which says that the earlier link stopped working
    page.goto(f"{live_server}/console/nieuwe-golf")
    with page.expect_navigation():
        page.get_by_role("button", name="Golf aanmaken").click()
    _check(page, "", found)  # the form with its errors
    _report(found)


def test_every_coding_page_passes_axe(live_server, chromium, app):
    create_user("mj@lectoraat.nl", "researcher", PASSWORD)
    project = import_project("tabel3", TABEL3, "mj@lectoraat.nl", "Tabel 3: focusgroepen")
    db.session.commit()
    document = db.session.scalar(select(CodingDocument).where(CodingDocument.project_id == project.id,
                                                               CodingDocument.name == "focusgroep1.txt"))
    page = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    log_in(page, live_server, "mj@lectoraat.nl", PASSWORD)
    found: dict[str, list[str]] = {}
    base = f"{live_server}/coderen/tabel3"
    for url in (f"{live_server}/coderen/", base, f"{base}/documenten/{document.id}",
                f"{base}/documenten/{document.id}/verschillen?a=MJ&b=KB", f"{base}/overeenstemming",
                f"{base}/uitvoer"):
        _check(page, url, found)
    page.goto(f"{base}/documenten/{document.id}")
    fragment = page.locator("article.fragment").nth(2)
    fragment.locator("button.code-toggle").first.click()  # coding.js posts it and redraws the fragment
    fragment.locator(".quotable-state").wait_for()
    _check(page, "", found)  # a fragment with the coder's own coding and its "Citeerbaar" state
    _report(found)


def test_every_matrix_page_passes_axe(live_server, chromium, runner):
    result = runner.invoke(args=["matrix", "import", "zwolle", str(MATRIX), "--title", "Casusonderzoek Zwolle"])
    assert result.exit_code == 0, result.output
    create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD)
    db.session.commit()
    page = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    log_in(page, live_server, "onderzoeker@voorbeeld.nl", PASSWORD)
    found: dict[str, list[str]] = {}
    base = f"{live_server}/matrices"
    for url in (f"{base}/", f"{base}/zwolle", f"{base}/zwolle/casus/C01", f"{base}/zwolle/overeenstemming"):
        _check(page, url, found)
    _report(found)
