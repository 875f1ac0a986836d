"""`flask instruments check|dictionary`."""

from __future__ import annotations

import json
import sys

import click
from flask import current_app
from sqlalchemy.exc import SQLAlchemyError

from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments, wave_instruments
from survey_app.instruments.dictionary import dictionary_rows, render_dictionary_text
from survey_app.instruments.errors import InstrumentError
from survey_app.instruments.loader import check_paths
from survey_app.services.errors import InputError
from survey_app.services.waves import get_wave
from survey_app.snapshots.drift import closed_wave_drift

group = click.Group("instruments", help="Vragenlijstbestanden controleren en beschrijven.")


@group.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
def check(paths: tuple[str, ...]) -> None:
    """Controleer instrumentbestanden (standaard: de map instruments/)."""
    problems = check_paths(list(paths) or [current_app.config["INSTRUMENTS_DIR"]])
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"{len(problems)} probleem/problemen gevonden.", err=True)
        sys.exit(1)
    click.echo("Alle instrumentbestanden zijn geldig.")
    for drift in _closed_wave_drift(list(paths) or [current_app.config["INSTRUMENTS_DIR"]]):
        click.echo(str(drift))


def _closed_wave_drift(paths: list[str]) -> list:
    """Closed waves whose stored questionnaire differs from these files; nothing when there is no database yet
    (`make run` checks the files before it migrates)."""
    try:
        return closed_wave_drift(paths)
    except SQLAlchemyError:
        db.session.rollback()
        return []


@group.command("dictionary")
@click.option("--json", "as_json", is_flag=True, help="Als JSON in plaats van een tabel.")
@click.option("--wave", "wave_name", default=None, help="Het woordenboek van de vragenlijst van deze golf.")
def dictionary(as_json: bool, wave_name: str | None) -> None:
    """Het datawoordenboek: elke variabele met module, type, label, codes, omscoring, constructen en paren."""
    try:
        instruments = wave_instruments(get_wave(wave_name)) if wave_name else current_instruments()
        rows = dictionary_rows(instruments)
    except (InstrumentError, InputError) as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(render_dictionary_text(rows))
