"""A professional completes the whole shipped questionnaire in Chromium: routing, stop, resume, submit, reuse."""

from __future__ import annotations

from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.models import Draft, Response, Wave, WaveStatus
from survey_app.services.waves import set_status

FOLLOW_UP = "nw_aanwenden_redenen"


def answer_page(page, overrides: dict[str, str]) -> None:
    """Answer every question on the current page the way a person would: by clicking and typing."""
    radios = page.eval_on_selector_all(
        "form input[type=radio]", "els => [...new Set(els.map(e => e.name))]")
    for name in radios:
        values = page.eval_on_selector_all(f'input[type=radio][name="{name}"]', "els => els.map(e => e.value)")
        page.check(f'input[type=radio][name="{name}"][value="{overrides.get(name, values[len(values) // 2])}"]')
    boxes = page.eval_on_selector_all("form input[type=checkbox]", "els => [...new Set(els.map(e => e.name))]")
    for name in boxes:
        page.locator(f'input[type=checkbox][name="{name}"]').first.check()
    for field in page.locator("form input[type=number]").all():
        field.fill(field.get_attribute("min") or "1")
    for field in page.locator("form input[inputmode=decimal]").all():
        field.fill("2,5")
    for field in page.locator("form textarea").all():
        field.fill("Meer tijd voor overleg.")


def go(page, role: str, name: str) -> None:
    """Click a button or link and wait for the page it leads to (a form post answers with a redirect)."""
    with page.expect_navigation():
        page.get_by_role(role, name=name).click()


def test_complete_questionnaire_with_stop_and_resume(page, live_server, create_open_wave, invite):
    wave = create_open_wave()
    token = invite(wave, "zwolle-oost")[0]
    overrides = {"nw_aanwenden_kwaliteiten": "1"}
    page.goto(f"{live_server}/s/{token}")
    go(page, "link", "Beginnen")

    pages_done, stopped, follow_up_seen = 0, False, False
    while "/pagina/" in page.url:
        assert page.locator(".progress p").inner_text().startswith("Pagina ")
        answer_page(page, overrides)
        if page.locator(f'input[name="{FOLLOW_UP}"]').count():
            follow_up_seen = True
        if pages_done == 8 and not stopped:
            go(page, "button", "Later verder")
            assert "Uw antwoorden zijn bewaard" in page.content()
            page.goto(f"{live_server}/s/{token}")
            go(page, "link", "Verder waar u gebleven was")
            stopped = True
            continue
        go(page, "button", "Volgende")
        if "vervolgvraag" in page.content():
            answer_page(page, overrides)
            follow_up_seen = True
            go(page, "button", "Volgende")
        pages_done += 1

    assert stopped and follow_up_seen and pages_done > 20
    assert "Klaar om te versturen" in page.content()
    go(page, "button", "Antwoorden versturen")
    assert "Hartelijk dank" in page.content()
    assert "/s/" not in page.url

    page.goto(f"{live_server}/s/{token}")
    assert "al ingevuld" in page.content()
    db.session.expire_all()
    assert db.session.scalar(select(Draft.sealed)) is True  # sealed until its team's batch: here, the closing
    set_status(db.session.get(Wave, wave.id), WaveStatus.CLOSED)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(Response)) == 1
    assert FOLLOW_UP in db.session.scalar(select(Response.answers))


def test_grid_is_a_table_on_wide_screens_and_cards_on_phones(page, live_server, create_open_wave, invite):
    wave = create_open_wave(modules=["samenwerking"])
    token = invite(wave, "zwolle-noord")[0]
    page.goto(f"{live_server}/s/{token}")
    go(page, "link", "Beginnen")
    label = page.locator(".grid .option-label").first
    assert page.locator(".grid-head").first.is_visible()
    assert label.bounding_box()["width"] <= 1  # wide: the column header names the option (label kept for readers)
    page.set_viewport_size({"width": 380, "height": 800})
    assert not page.locator(".grid-head").first.is_visible()
    assert label.bounding_box()["width"] > 20  # phone: every option shows its own label
    # Keyboard: Tab reaches the first radio button and Space selects it.
    page.keyboard.press("Tab")
    for _ in range(6):
        if page.evaluate("document.activeElement.type") == "radio":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") is True
