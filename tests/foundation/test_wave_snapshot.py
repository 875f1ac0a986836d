"""A wave keeps its questionnaire: editing an instrument file after the wave closed changes nothing in that
wave's analysis, export, dictionary or bijlage, and `flask instruments check` names the wave."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from sqlalchemy import select

from survey_app.config import PROJECT_ROOT
from survey_app.exports.run import export_wave
from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments, wave_instruments
from survey_app.instruments.dictionary import dictionary_rows
from survey_app.instruments.synthetic import synthetic_answers
from survey_app.models import Gemeente, Response, Team, Wave, WaveStatus
from survey_app.reports.render import render_html, template_for
from survey_app.reports.sources import clear_cache, team_report_context
from survey_app.services.analysis import run_analysis
from survey_app.services.answer_store import answers_document, bump_answers_revision
from survey_app.services.waves import create_wave, set_status

MODULES = ["samenwerking", "achtergrond"]
OLD_LABEL = "Indien nodig kan ik hulp aan een collega vragen."


def _organisation_and_closed_wave() -> None:
    gemeente = Gemeente(slug="zwolle", label="Zwolle")
    teams = [Team(slug=slug, label=f"Team {slug}", gemeente=gemeente) for slug in ("zwolle-noord", "zwolle-zuid")]
    db.session.add_all([gemeente, *teams])
    db.session.flush()
    wave = create_wave("2016", MODULES, current_instruments(), {t.slug: 12 for t in teams})
    instruments = wave_instruments(wave)
    rng = random.Random(7)
    for team in teams:
        for _ in range(8):
            answers = synthetic_answers(instruments, "zwolle", team.slug, rng)
            db.session.add(Response(wave_id=wave.id, team_id=team.id, channel="import",
                                    answers=answers_document(answers)))
    bump_answers_revision(wave.id)
    set_status(wave, WaveStatus.OPEN)
    set_status(wave, WaveStatus.CLOSED)
    db.session.commit()


def _outputs(tmp_path: Path, tag: str) -> dict:
    """The wave's analysis JSON, CSV export, data dictionary and bijlage HTML, read in the current app."""
    clear_cache()
    wave = db.session.scalar(select(Wave).where(Wave.name == "2016"))
    team = db.session.scalar(select(Team).where(Team.slug == "zwolle-noord"))
    export_wave(wave, "csv", tmp_path / f"{tag}.csv")
    context = team_report_context(wave, team)
    context["generated_on"] = "vandaag"
    return {
        "analysis": json.dumps(run_analysis(wave), sort_keys=True, default=str),
        "export": (tmp_path / f"{tag}.csv").read_bytes(),
        "dictionary": json.dumps(dictionary_rows(wave_instruments(wave)), sort_keys=True),
        "bijlage": render_html(template_for(context), context),
    }


def test_editing_a_file_after_closing_changes_nothing_in_the_wave(app, extra_app, tmp_path):
    folder = tmp_path / "instruments"
    shutil.copytree(PROJECT_ROOT / "instruments", folder)
    before_app = extra_app(INSTRUMENTS_DIR=str(folder))
    with before_app.app_context():
        _organisation_and_closed_wave()
        before = _outputs(tmp_path, "before")
        assert OLD_LABEL in before["bijlage"]

    # A researcher edits the file for next year: a new wording, a reversed item, a question removed.
    source = folder / "samenwerking.yaml"
    text = source.read_text(encoding="utf-8")
    assert OLD_LABEL in text
    source.write_text(text.replace(OLD_LABEL, "Wanneer ik ondersteuning zoek"), encoding="utf-8")

    after_app = extra_app(INSTRUMENTS_DIR=str(folder))
    with after_app.app_context():
        assert OLD_LABEL not in json.dumps(dictionary_rows(current_instruments()))  # the edit is in force
        after = _outputs(tmp_path, "after")
        runner = after_app.test_cli_runner()
        checked = runner.invoke(args=["instruments", "check", str(folder)])
        dictionary = runner.invoke(args=["instruments", "dictionary", "--wave", "2016", "--json"])
    for key in before:
        assert after[key] == before[key], f"the closed wave's {key} changed with the file"
    assert checked.exit_code == 0, checked.output
    assert "samenwerking.yaml: module 'samenwerking' wijkt af" in checked.output and "'2016'" in checked.output
    assert dictionary.exit_code == 0 and OLD_LABEL in dictionary.output


def test_a_wave_without_answers_takes_the_files_again_when_it_opens(app, extra_app, tmp_path):
    folder = tmp_path / "instruments"
    shutil.copytree(PROJECT_ROOT / "instruments", folder)
    first = extra_app(INSTRUMENTS_DIR=str(folder))
    with first.app_context():
        db.session.add(Gemeente(slug="elburg", label="Elburg"))
        db.session.flush()
        db.session.add(Team(slug="team-doeth", label="Team Doe'th", gemeente_id=db.session.scalar(
            select(Gemeente.id))))
        create_wave("2018", ["samenwerking"], current_instruments(), {"team-doeth": 8})
        db.session.commit()
    source = folder / "samenwerking.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace(OLD_LABEL, "Nieuwe formulering"),
                      encoding="utf-8")
    second = extra_app(INSTRUMENTS_DIR=str(folder))
    with second.app_context():
        wave = db.session.scalar(select(Wave).where(Wave.name == "2018"))
        assert "Nieuwe formulering" not in json.dumps(dictionary_rows(wave_instruments(wave)))
        set_status(wave, WaveStatus.OPEN)
        db.session.commit()
        second.extensions.pop("survey_instrument_subsets", None)
        assert "Nieuwe formulering" in json.dumps(dictionary_rows(wave_instruments(wave)))
