"""The researcher's year in Chromium: a wave, invitations, a response arriving, the bijlagen; then the teamleider."""

from __future__ import annotations

import csv

from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.jobs import status
from survey_app.jobs.report_tasks import KIND
from survey_app.models import WaveStatus
from survey_app.services.response_import import import_responses
from survey_app.services.users import create_user
from survey_app.services.waves import get_wave, set_status
from tests.browser.test_coding_browser import log_in
from tests.jobs.helpers import wait_for_job

ORG = {"zwolle": ["zwolle-noord", "zwolle-zuid"]}


def monitor_count(page, base: str, team_label: str) -> int:
    """The 'Ingevuld' figure of one team on the response monitor."""
    page.goto(f"{base}/console/golven/2018/respons")
    row = page.locator("tr", has_text=team_label).first
    return int(row.locator("td").nth(3).inner_text())  # team, uitgenodigd, gestart, ingevuld


def test_researcher_runs_a_wave_and_teamleider_gets_the_bijlage(chromium, live_server, create_org, tmp_path,
                                                                 consumer):
    create_org(ORG)
    create_user("onderzoeker@voorbeeld.nl", "researcher", "een-goed-wachtwoord")
    create_user("leider@voorbeeld.nl", "teamleider", "nog-een-wachtwoord", ["zwolle-noord"])
    db.session.commit()
    researcher = chromium.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    page = researcher.new_page()
    log_in(page, live_server, "onderzoeker@voorbeeld.nl", "een-goed-wachtwoord")

    # A new wave with one module and headcounts, then opened.
    page.goto(f"{live_server}/console/nieuwe-golf")
    page.get_by_label("Naam (kort, bijvoorbeeld 2018)").fill("2018")
    page.get_by_label("Omschrijving (bijvoorbeeld 3-meting 2018)").fill("3-meting 2018")
    page.get_by_label("Onderlinge samenwerking").check()
    page.get_by_label("Team zwolle-noord").fill("12")
    page.get_by_label("Team zwolle-zuid").fill("9")
    with page.expect_navigation():
        page.get_by_role("button", name="Golf aanmaken").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Open voor respondenten").click()

    # Personal links for zwolle-noord, downloaded as CSV.
    page.locator("#aantal-zwolle-noord").fill("6")
    with page.expect_download() as download:
        page.locator("form", has=page.locator("#aantal-zwolle-noord")).get_by_role("button").click()
    path = tmp_path / "links.csv"
    download.value.save_as(path)
    links = [row["link"] for row in csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";")]
    assert len(links) == 6 and all("/s/" in link for link in links)
    assert monitor_count(page, live_server, "Team zwolle-noord") == 0

    # Five earlier answers arrive by import; one respondent answers in the browser.
    wave = get_wave("2018")
    answers = tmp_path / "answers.csv"
    answers.write_text("gemeente,team,sw_hulp_vragen\n" + "zwolle,zwolle-noord,4\n" * 5)
    import_responses(wave, wave_instruments(wave), answers)
    db.session.commit()
    respondent = chromium.new_context().new_page()
    respondent.goto(live_server + "/s/" + links[0].rsplit("/s/", 1)[1])
    with respondent.expect_navigation():
        respondent.get_by_role("link", name="Beginnen").click()
    while "/pagina/" in respondent.url:
        for name in set(respondent.eval_on_selector_all("input[type=radio]", "els => els.map(e => e.name)")):
            respondent.check(f'input[name="{name}"][value="5"]')
        with respondent.expect_navigation():
            respondent.get_by_role("button", name="Volgende").click()
    with respondent.expect_navigation():
        respondent.get_by_role("button", name="Antwoorden versturen").click()
    assert "Hartelijk dank" in respondent.content()
    assert monitor_count(page, live_server, "Team zwolle-noord") == 6

    # Build every bijlage and gemeente report; the status page refreshes until done.
    page.goto(f"{live_server}/rapporten/2018/")
    with page.expect_navigation():
        page.get_by_role("button", name="Alle bijlagen en gemeenterapportages maken").click()
    page.wait_for_selector("text=Klaar:", timeout=120_000)
    assert "2018-zwolle-zwolle-noord.pdf" in page.content() and "2018-zwolle.pdf" in page.content()
    researcher.close()

    # The teamleider sees only the own team and downloads its bijlage.
    leader = chromium.new_context(accept_downloads=True)
    page = leader.new_page()
    log_in(page, live_server, "leider@voorbeeld.nl", "nog-een-wachtwoord")
    assert "/team/" in page.url and "zwolle-zuid" not in page.content()
    assert "verschijnt zodra de meting is gesloten" in page.content()  # the wave is still open: no figures yet
    response = page.request.get(f"{live_server}/team/2018/zwolle-noord/bijlage.pdf")
    assert response.status == 403 and not response.body().startswith(b"%PDF")
    set_status(wave, WaveStatus.CLOSED)  # the last release changes the data: the queue builds the wave again
    db.session.commit()
    response = page.request.get(f"{live_server}/team/2018/zwolle-noord/bijlage.pdf")
    if response.status == 202:
        assert "De bijlage wordt gemaakt" in response.text()
        wait_for_job(status.latest_for_wave(wave.id, KIND).id)
        response = page.request.get(f"{live_server}/team/2018/zwolle-noord/bijlage.pdf")
    assert response.status == 200 and response.body().startswith(b"%PDF")
    assert page.request.get(f"{live_server}/team/2018/zwolle-zuid/bijlage.pdf").status == 404
    assert page.request.get(f"{live_server}/console/").status == 403
    leader.close()
