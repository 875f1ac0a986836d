"""Open answers of a wave as a coding project, and their themes through the disclosure control."""

from __future__ import annotations

from sqlalchemy import inspect, select

from survey_app.coding.codebook import CodeEntry, build_codebook
from survey_app.coding.codebook_store import merge_codebook
from survey_app.coding.open_answers import create_open_answers_project
from survey_app.coding.services import get_code, get_fragment, set_quotable, toggle_coding
from survey_app.coding.themes import open_answer_themes
from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import CodingDocument, CodingProject, Fragment, ProjectKind, Wave
from survey_app.services.response_import import import_responses
from tests.coding_app.conftest import csrf_token_from, log_in

ORG = {"zwolle": ["zwolle-noord", "zwolle-zuid", "zwolle-west"], "elburg": ["team-doeth"]}
# respondents per team, and how many of them mention "tijd" (time and room) in open_nodig_team
TEAMS = {"zwolle-noord": (10, 6), "zwolle-zuid": (8, 5), "zwolle-west": (3, 2)}
THEME = "thema/Tijd en ruimte"


def import_wave(create_open_wave, tmp_path):
    wave = create_open_wave(modules=["open_vragen"], org=ORG)
    lines = ["gemeente,team,open_nodig_team,open_nodig_competenties"]
    for team, (respondents, with_time) in TEAMS.items():
        for i in range(respondents):
            text = f"Meer tijd voor overleg ({team} {i})" if i < with_time else f"Duidelijke taken {i}"
            skills = "Training gespreksvoering" if i == 0 else ""
            lines.append(f"zwolle,{team},{text},{skills}")
    path = tmp_path / "antwoorden.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_responses(wave, wave_instruments(wave), path)
    db.session.commit()
    return wave


def code_time_answers(project: CodingProject, coder: str = "MJ") -> None:
    """Give the theme to every answer about time; approve one quote per team."""
    entries = [CodeEntry(path, "test") for path in ("thema", THEME, "thema/Duidelijkheid")]
    merge_codebook(project, build_codebook(entries, "test"), coder)
    document = db.session.scalar(select(CodingDocument).where(CodingDocument.name == "open_nodig_team"))
    code = get_code(project, THEME)
    quoted = set()
    for fragment in document.fragments:
        if "tijd" in fragment.text:
            toggle_coding(fragment, code, coder)
            team = fragment.attributes["team"]
            if team not in quoted:
                quoted.add(team)
                set_quotable(next(c for c in fragment.codings if c.coder == coder), True)
    db.session.commit()


def test_project_has_one_document_per_question_and_no_response_link(app, create_open_wave, tmp_path):
    wave = import_wave(create_open_wave, tmp_path)
    project = create_open_answers_project(wave, wave_instruments(wave))
    db.session.commit()
    assert project.kind == ProjectKind.OPEN_ANSWERS and project.wave_id == wave.id and project.name == "open-2017"
    documents = {d.name: d for d in project.documents}
    assert set(documents) == {"open_nodig_team", "open_nodig_competenties"}
    assert len(documents["open_nodig_team"].fragments) == 21
    assert len(documents["open_nodig_competenties"].fragments) == 3
    assert documents["open_nodig_team"].label.startswith("Wat heeft u nodig")
    fragment = documents["open_nodig_competenties"].fragments[0]
    assert fragment.attributes == {"gemeente": "zwolle", "team": "zwolle-noord"}
    assert not any("response" in column.name for column in inspect(Fragment).columns)
    again = create_open_answers_project(wave, wave_instruments(wave))
    assert again.name == "open-2017-2"


def test_themes_are_counted_per_scope_and_suppressed_for_small_teams(app, create_open_wave, tmp_path):
    wave = import_wave(create_open_wave, tmp_path)
    project = create_open_answers_project(wave, wave_instruments(wave))
    code_time_answers(project)
    themes = open_answer_themes(wave)
    assert themes["project"] == project.name
    question = themes["questions"]["open_nodig_team"]
    counts = question["themes"][THEME]["counts"]
    hidden = question["themes"][THEME]["suppressed"]
    assert counts["team:zwolle-noord"] == 6
    assert counts["gemeente:zwolle"] == 13 and counts["total"] == 13
    assert counts["team:zwolle-west"] is None and hidden["team:zwolle-west"] == "scope_n_below_min"
    # zwolle-west (2) could be recovered as zwolle minus noord minus zuid: zuid is hidden too
    assert counts["team:zwolle-zuid"] is None and hidden["team:zwolle-zuid"] == "complementary"
    assert counts["team:team-doeth"] is None  # no respondents
    assert "thema/Duidelijkheid" not in question["themes"]  # not used in this question
    assert question["themes"]["thema"]["counts"]["total"] == 13  # an axis counts its sub-codes
    assert question["respondents"]["team:zwolle-noord"] == 10
    # a quote goes to the team when it has at least QUOTE_MIN_CELL_SIZE (10) respondents, else to the gemeente
    # when that has (zwolle: 21), never to a smaller scope
    assert question["quotes"][0] == {
        "code": THEME, "scope": "team:zwolle-noord", "scope_label": "Team zwolle-noord", "gemeente": "zwolle",
        "team": "zwolle-noord", "team_label": "Team zwolle-noord", "text": "Meer tijd voor overleg (zwolle-noord 0)"}
    assert [(q["scope"], q["team"], q["text"]) for q in question["quotes"][1:]] == [
        ("gemeente:zwolle", None, "Meer tijd voor overleg (zwolle-west 0)"),
        ("gemeente:zwolle", None, "Meer tijd voor overleg (zwolle-zuid 0)")]
    assert question["quotes"][1]["scope_label"] == "gemeente Zwolle"
    assert themes["questions"]["open_nodig_competenties"]["themes"] == {}


def test_quote_threshold_is_configurable(extra_app, create_open_wave, tmp_path):
    wave = import_wave(create_open_wave, tmp_path)
    project = create_open_answers_project(wave, wave_instruments(wave))
    code_time_answers(project)
    wave_id = wave.id
    other = extra_app(QUOTE_MIN_CELL_SIZE=8)
    with other.app_context():
        themes = open_answer_themes(db.session.get(Wave, wave_id))
    scopes = [quote["scope"] for quote in themes["questions"]["open_nodig_team"]["quotes"]]
    assert scopes == ["team:zwolle-noord", "gemeente:zwolle", "team:zwolle-zuid"]  # west (3) only as the gemeente


def test_themes_without_project_are_empty(app, create_open_wave):
    wave = create_open_wave(modules=["open_vragen"], org=ORG)
    assert open_answer_themes(wave)["questions"] == {}


def test_console_button_creates_the_project(client, create_open_wave, tmp_path):
    wave = import_wave(create_open_wave, tmp_path)
    log_in(client, "onderzoeker@lectoraat.nl")
    page = client.get("/coderen/").get_data(as_text=True)
    assert "Maak codeerproject van open antwoorden" in page
    response = client.post("/coderen/open-antwoorden", data={"csrf_token": csrf_token_from(page),
                                                             "wave_id": wave.id})
    assert response.status_code == 302 and response.headers["Location"].endswith("/coderen/open-2017")
    html = client.get("/coderen/open-2017").get_data(as_text=True)
    assert "open_nodig_team" in html
    document = db.session.scalar(select(CodingDocument).where(CodingDocument.name == "open_nodig_team"))
    assert get_fragment(document, 1).attributes["team"] == "zwolle-noord"
