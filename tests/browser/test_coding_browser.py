"""A researcher codes two fragments of a transcript by keyboard in Chromium and sees the counts change."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from survey_app.coding.importer import import_project
from survey_app.extensions import db
from survey_app.models.coding import CodingDocument
from survey_app.services.users import create_user

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "coding" / "tabel3"


def log_in(page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen").click()


def counts(page) -> dict[str, int]:
    return {el.get_attribute("data-code"): int(el.inner_text())
            for el in page.locator(".code-panel .code-count").all()}


def test_code_two_fragments_by_keyboard(page, live_server, app):
    create_user("coder@voorbeeld.nl", "researcher", "geheim-wachtwoord")
    import_project("focusgroepen", FIXTURE, "import")
    db.session.commit()
    document = db.session.scalar(select(CodingDocument).order_by(CodingDocument.id))
    log_in(page, live_server, "coder@voorbeeld.nl", "geheim-wachtwoord")
    page.goto(f"{live_server}/coderen/focusgroepen/documenten/{document.id}")
    before = counts(page)
    code = page.locator(".code-panel .code-group").first.locator(".code-count").first.get_attribute("data-code")

    page.locator("body").press("j")  # first fragment
    first = page.locator("article.fragment.current")
    position_1 = first.get_attribute("data-position")
    was_coded_1 = first.locator(f'button.code-toggle[data-code="{code}"]').get_attribute("aria-pressed") == "true"
    page.keyboard.press("1")
    page.wait_for_function(
        "([code, n]) => document.querySelector(`.code-panel .code-count[data-code=\"${code}\"]`).textContent.trim()"
        " !== String(n)", arg=[code, before[code]])
    after_one = counts(page)
    assert after_one[code] == before[code] + (-1 if was_coded_1 else 1)

    page.keyboard.press("j")  # second fragment
    second = page.locator("article.fragment.current")
    assert second.get_attribute("data-position") != position_1
    was_coded_2 = second.locator(f'button.code-toggle[data-code="{code}"]').get_attribute("aria-pressed") == "true"
    page.keyboard.press("1")
    page.wait_for_function(
        "([code, n]) => document.querySelector(`.code-panel .code-count[data-code=\"${code}\"]`).textContent.trim()"
        " !== String(n)", arg=[code, after_one[code]])
    after_two = counts(page)
    assert after_two[code] == after_one[code] + (-1 if was_coded_2 else 1)

    page.reload()  # stored on the server, not only drawn
    assert counts(page) == after_two
