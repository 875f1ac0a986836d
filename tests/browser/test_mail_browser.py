"""Acceptance of e-mail invitations in Chromium: upload 20 addresses for two teams, preview, send through a real
SMTP server, 5 respondents submit through their links, a reminder reaches exactly the other 15, and after
closing no address is left anywhere in the database."""

from __future__ import annotations

import re
import threading
import time

import pytest
from sqlalchemy import JSON, String, Text, func, select
from werkzeug.serving import make_server

from survey_app.extensions import db
from survey_app.models import Base, Response
from survey_app.services.users import create_user
from tests.browser.axe import assert_accessible
from tests.browser.test_coding_browser import log_in

ORG = {"zwolle": ["zwolle-noord", "zwolle-zuid"]}
ADDRESSES = [f"medewerker{n:02d}@{team}.example.org" for team in ORG["zwolle"] for n in range(10)]
LINK = re.compile(r"(http://127\.0\.0\.1:\d+/s/[A-Za-z0-9_-]+)")


@pytest.fixture
def mail_live_server(extra_app, smtp_server):
    """The app on a local port, sending through the test SMTP server; its public base URL is its own."""
    app = extra_app(SERVER_NAME=None, MAIL_RATE_PER_MINUTE=6000, **smtp_server.config())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    base = f"http://127.0.0.1:{server.server_port}"
    app.config["PUBLIC_BASE_URL"] = base
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    thread.join(timeout=5)


def _fill_in(respondent, link: str) -> None:
    """Open a personal link and answer every question with 5."""
    respondent.goto(link)
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


def _texts_in_database() -> str:
    """Every text-like value of every table, as one string (to search for addresses)."""
    values = []
    for table in Base.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, String | Text | JSON)]
        if columns:
            values += [str(v) for row in db.session.execute(select(*columns)).all() for v in row]
    return "\n".join(values)


def _wait_for_status(page, expected: str, timeout: float = 30.0) -> None:
    """Reload the mail page until the per-address counts show what the worker did."""
    deadline = time.monotonic() + timeout
    while True:
        page.reload()
        counts = page.locator(".mail-counts").inner_text()
        if expected in counts or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    assert expected in counts


def test_invitations_and_reminders_by_mail(chromium, consumer, mail_live_server, create_open_wave, smtp_server,
                                           tmp_path):
    base = mail_live_server
    create_open_wave("2018", modules=["samenwerking"], org=ORG, headcount=10)
    create_user("onderzoeker@voorbeeld.nl", "researcher", "een-goed-wachtwoord")
    db.session.commit()
    page = chromium.new_page()
    log_in(page, base, "onderzoeker@voorbeeld.nl", "een-goed-wachtwoord")
    page.goto(f"{base}/console/golven/2018")
    page.get_by_role("link", name="Adressen, teksten en versturen").click()
    assert_accessible(page, "mail page")

    # Upload 20 addresses for two teams.
    csv_file = tmp_path / "adressen.csv"
    csv_file.write_text("team,email\n" + "".join(f"{a.split('@')[1].split('.')[0]},{a}\n" for a in ADDRESSES))
    page.get_by_label("Adressenbestand (CSV of Excel, kolommen team en email)").set_input_files(csv_file)
    with page.expect_navigation():
        page.get_by_role("button", name="Adressen toevoegen").click()
    assert "20 adressen toegevoegd" in page.content()

    # An unknown placeholder is refused by name; then a good text is saved.
    page.get_by_label("Tekst uitnodiging").fill("Beste {collega}, vul in: {link}")
    with page.expect_navigation():
        page.get_by_role("button", name="Teksten opslaan").click()
    assert "onbekende plaatshouder {collega}" in page.content()
    page.get_by_label("Tekst uitnodiging").fill("Beste collega van {team},\n\nVul de vragenlijst in: {link}\n"
                                                 "Dat kan tot {sluitingsdatum}.")
    page.get_by_label("Sluitingsdatum (voor {sluitingsdatum})").fill("2018-03-31")
    with page.expect_navigation():
        page.get_by_role("button", name="Teksten opslaan").click()
    assert "De teksten zijn opgeslagen." in page.content()

    # Preview, and a test mail to the researcher's own address.
    page.get_by_role("link", name="Voorbeeld bekijken").click()
    assert "Dat kan tot 31 maart 2018." in page.content() and "/s/voorbeeld-persoonlijke-link" in page.content()
    assert_accessible(page, "preview")
    page.go_back()
    with page.expect_navigation():
        page.get_by_role("button", name="Testmail naar mijzelf").click()
    assert smtp_server.wait_for(1)[0].envelope_to == ["onderzoeker@voorbeeld.nl"]

    # Send: 20 invitations, each with its own working link.
    with page.expect_navigation():
        page.get_by_role("button", name="Uitnodigingen versturen").click()
    invitations = smtp_server.wait_for(21, timeout=60)[1:]  # sent by a queue worker, not by the request
    _wait_for_status(page, "verzonden: 20")
    assert sorted(m.envelope_to[0] for m in invitations) == sorted(ADDRESSES)
    links = {m.envelope_to[0]: LINK.search(m.body).group(1) for m in invitations}
    assert len(set(links.values())) == 20
    assert "Team zwolle-noord" in invitations[0].body or "Team zwolle-zuid" in invitations[0].body

    # Five respondents fill in the questionnaire through their links; a sixth only opens it.
    respondents = ADDRESSES[:3] + ADDRESSES[10:12]
    for address in respondents:
        context = chromium.new_context()
        _fill_in(context.new_page(), links[address])
        context.close()
    context = chromium.new_context()
    opened = context.new_page()
    opened.goto(links[ADDRESSES[5]])
    assert opened.get_by_role("link", name="Beginnen").is_visible()
    context.close()

    # The reminder reaches exactly the other 15.
    page.goto(f"{base}/console/golven/2018/mail/")
    with page.expect_navigation():
        page.get_by_role("button", name="Herinnering versturen aan wie nog niet heeft ingevuld").click()
    reminders = smtp_server.wait_for(36, timeout=60)[21:]
    assert sorted(m.envelope_to[0] for m in reminders) == sorted(set(ADDRESSES) - set(respondents))
    assert all(m.subject.startswith("Herinnering") for m in reminders)

    # One of them unsubscribes through the link in the mail (asked first, then confirmed).
    context = chromium.new_context()
    leaving = context.new_page()
    leaving.goto(re.search(r"(http://\S+/afmelden/\S+)", reminders[0].body).group(1))
    assert_accessible(leaving, "afmelden")
    with leaving.expect_navigation():
        leaving.get_by_role("button", name="Ja, meld mij af").click()
    assert "U bent afgemeld" in leaving.content()
    context.close()
    page.goto(f"{base}/console/golven/2018/mail/")
    assert "uitgeschreven: 1" in page.locator(".mail-counts").inner_text()

    # Closing the wave deletes every address; the console says so; no table holds one.
    page.goto(f"{base}/console/golven/2018")
    with page.expect_navigation():
        page.get_by_role("link", name="Sluiten…").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, golf 2018 sluiten").click()
    assert "alle e-mailadressen van deze golf zijn verwijderd" in page.content()
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Response)) == 5  # the batch release still works
    stored = _texts_in_database()
    assert "onderzoeker@voorbeeld.nl" in stored  # the check does read the tables (the account's own address)
    assert not [address for address in ADDRESSES if address in stored]
    page.close()
