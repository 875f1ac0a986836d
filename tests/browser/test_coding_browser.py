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


def code_current_fragment_by_key(page, code: str, counts_before: dict[str, int]) -> tuple[str, dict[str, int]]:
    """Press "1" on the current fragment; wait until the count of `code` changes and check it moved by one."""
    fragment = page.locator("article.fragment.current")
    was_coded = fragment.locator(f'button.code-toggle[data-code="{code}"]').get_attribute("aria-pressed") == "true"
    page.keyboard.press("1")
    page.wait_for_function(
        "([code, n]) => document.querySelector(`.code-panel .code-count[data-code=\"${code}\"]`).textContent.trim()"
        " !== String(n)", arg=[code, counts_before[code]])
    after = counts(page)
    assert after[code] == counts_before[code] + (-1 if was_coded else 1)
    return fragment.get_attribute("data-position"), after


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
    position_1, after_one = code_current_fragment_by_key(page, code, before)
    page.keyboard.press("j")  # second fragment
    position_2, after_two = code_current_fragment_by_key(page, code, after_one)
    assert position_2 != position_1

    page.reload()  # stored on the server, not only drawn
    assert counts(page) == after_two
