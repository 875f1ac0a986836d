"""Acceptance of the reports on the demo data (`flask demo load`): totals shown, every scope's distribution,
transitiecompetenties with both sides, one column for a one-team gemeente, the overall report and no
near-empty pages."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import Wave
from survey_app.reports.bijlage import bijlage_context
from survey_app.reports.builder import prepare_jobs
from survey_app.reports.gemeente import gemeente_context
from survey_app.reports.render import render_html, render_pdf, with_charts
from survey_app.reports.sources import cached_analysis
from survey_app.reports.totaal import totaal_context
from survey_app.reports.view import shown
from tests.conftest import skip_or_fail

TIME_ITEM = "Hoeveel procent van uw tijd besteedt u doorgaans aan direct contact met de burger?"
#: a page whose text (without spaces) is shorter than this, footer included, is "mostly blank"
NEAR_EMPTY_CHARS = 600


@pytest.fixture
def demo(runner):
    """The demo wave with its analysis and instruments."""
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    wave = db.session.scalar(select(Wave).where(Wave.name == "demo-2017"))
    return wave, cached_analysis(wave), wave_instruments(wave)


def _blocks(context: dict) -> list[dict]:
    return [block for section in context["themes"] for block in section["blocks"]]


def _page_lengths(pdf: bytes, tmp_path: Path) -> list[int]:
    """Characters (without white space) per page, as pdftotext reads them."""
    if subprocess.run(["which", "pdftotext"], capture_output=True).returncode:
        skip_or_fail("pdftotext (poppler-utils) is niet geïnstalleerd")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [len("".join(page.split())) for page in text.split("\f")[:-1]]


def test_bijlage_totals_categories_pairs_and_palette_on_the_demo(demo):
    wave, analysis, instruments = demo
    minimum = analysis["settings"]["min_cell_size"]
    context = bijlage_context(analysis, instruments, "zwolle-noord", "zwolle", "1 januari 2018")
    assert [c["short"] for c in context["columns"]] == ["Team", "Gemeente", "Totaal"]

    # the Totaal is shown for every statement whose total has enough answers
    checked = 0
    for block in _blocks(context):
        if block["kind"] != "distribution":
            continue
        for statement in block["statements"]:
            total = statement["cells"][-1]
            checked += 1
            assert not total["hidden"], statement["label"]
    assert checked > 100
    hidden_totals = [name for name, scopes in analysis["items"].items()
                     if scopes["total"].get("suppressed") and scopes["total"]["reason"] == "complementary"]
    assert hidden_totals == [] and minimum == 5

    # item 31 and other categorical questions: % per answer for team, gemeente and total, not only n
    [time_block] = [b for b in _blocks(context) if b["kind"] == "distribution"
                    and b["statements"][0]["label"] == TIME_ITEM]
    [question] = time_block["percentages"]
    assert [row["label"] for row in question["rows"]] == ["0-25%", "26-50%", "51-75%", "76-100%"]
    assert all(cell.endswith("%") for row in question["rows"] for cell in row["cells"])
    assert len(question["n"]) == 3 and all(n.startswith("n=") for n in question["n"])
    # ... in the palette family of the agreement charts
    drawn = with_charts(context)
    palettes = {swatch for section in drawn["themes"] for block in section["blocks"] if "legend" in block
                for swatch, label in block["legend"] if block["chart"]["diverging"]}
    assert palettes <= {f"sw-rdbu-{i}" for i in range(5)}
    [time_drawn] = [b for s in drawn["themes"] for b in s["blocks"] if b.get("statements", [{}])[0].get("label")
                    == TIME_ITEM]
    assert [swatch for swatch, _ in time_drawn["legend"]] == ["sw-rdbu-0", "sw-rdbu-1", "sw-rdbu-3", "sw-rdbu-4"]

    # the yes/no grid: heading once, Totaal shown, percentages
    [grid] = [b for b in _blocks(context) if b["kind"] == "choices" and b["title"] == "Invulling van uw werkzaamheden"]
    assert grid["question"] is None
    assert all(row["cells"][-1].endswith(")") and "%" in row["cells"][-1] for row in grid["rows"])

    # transitiecompetenties: both sides for team and gemeente with n, the difference per person for all three
    rows = context["competence"]["rows"]
    assert len(rows) == 14
    assert all(len(row["a"]) == len(row["b"]) == 2 and len(row["cells"]) == 3 for row in rows)
    assert all(cell["n"].startswith("n=") for row in rows for cell in row["a"] + row["b"])
    html = render_html("bijlage.html", context)
    assert "Gemiddeld verschil per persoon" in html and "Verschil (eerste − tweede kolom)" not in html


def test_one_team_gemeente_and_the_gemeente_report_on_the_demo(demo):
    wave, analysis, instruments = demo
    elburg = bijlage_context(analysis, instruments, "team-doeth", "elburg", "1 januari 2018")
    assert [c["short"] for c in elburg["columns"]] == ["Team", "Totaal"]  # no gemeente column repeating the team
    [grid] = [b for b in _blocks(elburg) if b["kind"] == "choices" and b["title"] == "Invulling van uw werkzaamheden"]
    assert all(row["cells"][-1] != "–" for row in grid["rows"])  # Totaal shown even where the team is hidden
    html = render_html("bijlage.html", elburg)
    assert "– = niet getoond" in html

    report = gemeente_context(analysis, instruments, "elburg", "1 januari 2018")
    assert all(table["heads"] == ["Gemeente"] for theme in report["themes"] for table in theme["tables"])

    zwolle = gemeente_context(analysis, instruments, "zwolle", "1 januari 2018")
    janee = {item.label for item in instruments.items if item.scale is not None and item.scale.name == "janee"}
    assert janee
    means = {row["label"] for theme in zwolle["themes"] for table in theme["tables"] for row in table["rows"]}
    assert not means & janee  # ja/nee never as a mean
    percentages = {q["label"]: q for section in zwolle["categories"] for q in section["questions"]}
    assert janee <= set(percentages)
    question = percentages[next(iter(janee))]
    assert [row["label"] for row in question["rows"]] == ["ja", "nee", "weet ik niet"]
    assert len(question["n"]) == 6  # five teams and the gemeente
    assert zwolle["extra_heads"][-1] == "Gemeente Zwolle"


def test_overall_report_has_every_part_and_no_near_empty_page(demo, tmp_path):
    wave, analysis, instruments = demo
    context = totaal_context(analysis, instruments, "1 januari 2018")
    assert [c["short"] for c in context["columns"]] == ["Elburg", "Ommen-Hardenberg", "Steenwijkerland", "Zwolle",
                                                         "Totaal"]
    assert context["response"][-1]["responded"] == "138" and context["response"][-1]["total"]
    # figuren 14-37: per statement a bar per gemeente that got it and one for the total, n in the label
    first = _blocks(context)[0]
    item = next(i for i in instruments.items if i.label == first["statements"][0]["label"])
    expected = []  # computed from the analysis: n where the scope's figure is shown, the bare name where hidden
    for column in context["columns"]:
        entry = shown(analysis["items"], item.name, column["scope"])
        expected.append(f"{column['short']} (n={entry['n']})" if entry else column["short"])
    assert [bar["label"] for bar in first["chart"]["groups"][0]["bars"]] == expected
    assert expected[-1].startswith("Totaal (n=")
    # a Zwolle-only question has no bars for other gemeenten and says n.v.t. there
    zwolle_only = [s for b in _blocks(context) for s in b["statements"]
                   if [c["asked"] for c in s["cells"]] == [False, False, False, True, True]]
    assert zwolle_only
    # Tabel 3: means side by side, scale scores included
    assert any(row["scale"] for table in context["means"] for row in table["rows"])
    assert all(len(row["cells"]) == 5 for table in context["means"] for row in table["rows"])

    pdf = render_pdf("totaal.html", context)
    lengths = _page_lengths(pdf, tmp_path)
    assert len(lengths) > 10
    assert [i + 1 for i, n in enumerate(lengths[:-1]) if n < NEAR_EMPTY_CHARS] == []

    jobs = prepare_jobs(wave, tmp_path)
    assert jobs[0].filename == "demo-2017-totaal.pdf" and jobs[0].context["kind"] == "totaal"
    assert len(jobs) == 1 + 4 + 13


@pytest.mark.parametrize(("team", "gemeente"), [("zwolle-noord", "zwolle"), ("team-doeth", "elburg")])
def test_bijlage_and_gemeente_report_have_no_near_empty_page(demo, tmp_path, team, gemeente):
    wave, analysis, instruments = demo
    for template, context in (("bijlage.html", bijlage_context(analysis, instruments, team, gemeente, "vandaag")),
                              ("gemeente.html", gemeente_context(analysis, instruments, gemeente, "vandaag"))):
        lengths = _page_lengths(render_pdf(template, context), tmp_path)
        assert [i + 1 for i, n in enumerate(lengths[:-1]) if n < NEAR_EMPTY_CHARS] == [], template


def test_quotes_of_small_teams_appear_at_gemeente_level(demo):
    from survey_app.coding.codebook import CodeEntry, build_codebook
    from survey_app.coding.codebook_store import merge_codebook
    from survey_app.coding.open_answers import create_open_answers_project
    from survey_app.coding.services import get_code, set_quotable, toggle_coding
    from survey_app.coding.themes import open_answer_themes
    from survey_app.models import CodingDocument

    wave, analysis, instruments = demo
    project = create_open_answers_project(wave, instruments)
    theme = "thema/Administratie"
    merge_codebook(project, build_codebook([CodeEntry(p, "test") for p in ("thema", theme)], "test"), "MJ")
    code = get_code(project, theme)
    quoted = set()
    for document in db.session.scalars(select(CodingDocument).where(CodingDocument.project_id == project.id)):
        for fragment in document.fragments:
            if "administratie" in fragment.text:
                toggle_coding(fragment, code, "MJ")
                team = fragment.attributes["team"]
                if team not in quoted:  # one quote per team
                    quoted.add(team)
                    set_quotable(next(c for c in fragment.codings if c.coder == "MJ"), True)
    db.session.commit()
    themes = open_answer_themes(wave)
    scopes = {q["scope"] for question in themes["questions"].values() for q in question["quotes"]}
    # Ommen-Hardenberg's teams have about 7 respondents, below QUOTE_MIN_CELL_SIZE (10): their quotes go to the
    # gemeente (36); Zwolle's teams (16-17) quote as teams
    assert "gemeente:ommen-hardenberg" in scopes and not any(s.startswith("team:samen-doen") for s in scopes)
    assert not any(s in scopes for s in ("gemeente:elburg", "team:team-doeth"))  # 5 respondents: never quoted

    report = gemeente_context(analysis, instruments, "ommen-hardenberg", "vandaag", themes=themes)
    quotes = [q for question in report["open_themes"] for q in question["quotes"]]
    assert quotes and {q["source"] for q in quotes} == {"gemeente Ommen-Hardenberg"}
    assert any(row["label"] == "Administratie" for question in report["open_themes"] for row in question["rows"])
    html = render_html("gemeente.html", report)
    assert "– gemeente Ommen-Hardenberg" in html and "Open antwoorden" in html

    overall = totaal_context(analysis, instruments, "vandaag", themes=themes)
    assert all(len(question["respondents"]) == 5 for question in overall["open_themes"])  # gemeenten and total
    sources = {q["source"] for question in overall["open_themes"] for q in question["quotes"]}
    assert "gemeente Ommen-Hardenberg" in sources and "Sociaal wijkteam West" in sources
