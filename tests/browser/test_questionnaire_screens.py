"""The whole questionnaire at 320, 390 and 1280 px in Chromium: never wider than the screen, axe-core clean on
every page (welcome, each page, the error state, later verder, thanks), grid columns named in the accessibility
tree, and an error summary whose links put the focus on the question."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browser.axe import assert_accessible
from tests.browser.test_questionnaire_browser import answer_page, go

WIDTHS = (320, 390, 1280)
YESNO_GRID = "nw_werkzaamheden"
YESNO_COLUMNS = ("Ik doe dit in de praktijk", "Ik beschik over de vaardigheden om dit te doen", "Ik vind dit leuk")
REQUIRED = "ag_functie"  #: a required question: left empty, the page comes back with the error summary
#: set to a folder (docs/screenshots) to keep a screenshot of every page at 390 px
SCREENSHOT_DIR = os.environ.get("SCREENSHOT_DIR", "")


def fits(page, where: str) -> None:
    """No sideways scrolling: the document is no wider than the viewport."""
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{where}: page is {scroll} px wide in a {inner} px viewport"


def check(page, where: str) -> None:
    fits(page, where)
    assert_accessible(page, where)


def radio_names(snapshot: str) -> list[str]:
    """The accessible names of the radio buttons in an ARIA snapshot (Chromium's accessibility tree)."""
    return re.findall(r'- radio "([^"]*)"', snapshot)


def check_grids_labelled(page) -> None:
    """Every radio of every grid on the page names its column, read from the accessibility tree."""
    for grid in page.locator(".grid").all():
        columns = grid.locator(".grid-head span").all_inner_texts()[1:]
        for row in grid.locator(".grid-row").all():
            names = radio_names(row.aria_snapshot())
            assert len(names) == len(columns)
            assert all(column.strip() in name for name, column in zip(names, columns, strict=True))
    yesno = page.locator(f"#vraag-{YESNO_GRID}")
    if yesno.count():
        names = radio_names(yesno.aria_snapshot())
        assert len(names) == 4 * 3 * 2  # four activities × three columns × ja/nee
        for index, name in enumerate(names):
            assert YESNO_COLUMNS[(index // 2) % 3] in name, name
        # and the column label is on screen on every width (a table head, or each cell's own legend)
        for column in YESNO_COLUMNS:
            assert any(label.is_visible() for label in yesno.get_by_text(column, exact=True).all()), column


def check_error_summary(page) -> None:
    """Volgende with the required question empty: a summary naming it, focused, whose link focuses the input."""
    go(page, "button", "Volgende")
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    link = summary.get_by_role("link").first
    named = r"Vraag \d+ \(Wat is uw functie in het sociale team\?\): Deze vraag is verplicht"
    assert re.match(named, link.inner_text())
    assert_accessible(page, "foutmelding")
    link.click()
    assert page.evaluate("document.activeElement.id") == f"veld-{REQUIRED}"
    assert page.evaluate("document.activeElement.name") == REQUIRED


def shoot(page, name: str) -> None:
    if SCREENSHOT_DIR and page.viewport_size["width"] == 390:
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOT_DIR) / f"vragenlijst-390-{name}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_questionnaire_page_fits_and_passes_axe(chromium, live_server, create_open_wave, invite, width):
    wave = create_open_wave()
    token = invite(wave, "zwolle-oost")[0]
    context = chromium.new_context(viewport={"width": width, "height": 800}, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server}/s/{token}")
    check(page, "welkom")
    assert "ongeveer" in page.content() and "minuten" in page.content()
    shoot(page, "00-welkom")
    go(page, "link", "Beginnen")

    done, saved, errors_seen, grid_seen = 0, False, False, False
    while "/pagina/" in page.url:
        title = page.locator("h1").inner_text().replace("\u00ad", "")
        check(page, title)
        check_grids_labelled(page)
        grid_seen |= page.locator(f"#vraag-{YESNO_GRID}").count() > 0
        shoot(page, f"{done + 1:02d}-{re.sub(r'[^a-z]+', '-', title.lower()).strip('-')}")
        assert page.locator(".page-buttons button").first.inner_text() == "Volgende"
        for question in page.locator("fieldset.question").all():  # the hint of the file and ours: never both
            assert question.inner_text().count("Meerdere antwoorden mogelijk.") <= 1
        if page.locator(f'input[name="{REQUIRED}"]').count() and not errors_seen:
            check_error_summary(page)
            fits(page, "foutmelding")
            shoot(page, "foutmelding")
            errors_seen = True
        answer_page(page, {})
        if done == 2 and not saved:
            go(page, "button", "Later verder")
            check(page, "later verder")
            assert "uit uw uitnodiging" in page.content()  # a personal invitation: the link they were mailed
            page.goto(f"{live_server}/s/{token}")
            go(page, "link", "Verder waar u gebleven was")
            saved = True
            continue
        go(page, "button", "Volgende")
        if "vervolgvraag" in page.content():
            check(page, "vervolgvraag")
            answer_page(page, {})
            go(page, "button", "Volgende")
        done += 1

    assert errors_seen and grid_seen and saved and done > 20
    check(page, "versturen")
    go(page, "button", "Antwoorden versturen")
    check(page, "bedankt")
    context.close()


def test_grid_radios_are_named_by_their_column_on_a_phone(page, live_server, create_open_wave, invite):
    """The ja/nee grid below 600 px: column labels visible per cell and in every radio's accessible name."""
    wave = create_open_wave(modules=["nieuwe_werken"])
    token = invite(wave, "zwolle-noord")[0]
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server}/s/{token}")
    go(page, "link", "Beginnen")
    while page.locator(f"#vraag-{YESNO_GRID}").count() == 0:
        answer_page(page, {"nw_aanwenden_kwaliteiten": "4"})
        go(page, "button", "Volgende")
    check_grids_labelled(page)
    first = page.locator(f"#vraag-{YESNO_GRID} input[type=radio]").first
    assert "Ik doe dit in de praktijk" in first.aria_snapshot()
