"""`flask instruments check|dictionary|import-xlsform|export-xlsform`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import current_app
from sqlalchemy.exc import SQLAlchemyError

from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments, wave_instruments
from survey_app.instruments.dictionary import dictionary_rows, render_dictionary_text
from survey_app.instruments.errors import InstrumentError
from survey_app.instruments.loader import check_paths, instrument_files
from survey_app.instruments.xlsform.codes import XlsformError
from survey_app.instruments.xlsform.files import export_to_file, import_to_file
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


@group.command("import-xlsform")
@click.argument("file", type=click.Path())
@click.option("--out", required=True, type=click.Path(), help="Het modulebestand, zoals instruments/MODULE.yaml.")
@click.option("--skip-unsupported", is_flag=True, help="Sla onderdelen zonder tegenhanger over (ze worden gemeld).")
def import_xlsform(file: str, out: str, skip_unsupported: bool) -> None:
    """Zet een XLSForm (.xlsx, .xls, .csv van ODK/KoboToolbox) om in een modulebestand."""
    target = Path(out).resolve()
    others = [p for p in instrument_files([current_app.config["INSTRUMENTS_DIR"]]) if p.resolve() != target]
    try:
        skipped = import_to_file(file, out, skip_unsupported, others)
    except (XlsformError, InstrumentError) as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        if isinstance(error, XlsformError) and any(p.unsupported for p in error.problems) and not skip_unsupported:
            click.echo("Gebruik --skip-unsupported om onderdelen zonder tegenhanger over te slaan.", err=True)
        click.echo("Niets geschreven.", err=True)
        sys.exit(1)
    for problem in skipped:
        click.echo(str(problem), err=True)
    count = len(skipped)
    suffix = f"; {count} {'onderdeel' if count == 1 else 'onderdelen'} overgeslagen" if skipped else ""
    click.echo(f"{out} geschreven{suffix}.")


@group.command("export-xlsform")
@click.argument("module")
@click.option("--out", required=True, type=click.Path(), help="Het XLSForm-bestand (.xlsx).")
def export_xlsform(module: str, out: str) -> None:
    """Schrijf een module als XLSForm, om in KoboToolbox of ODK te laden."""
    path = Path(module)
    if not path.suffix:
        path = Path(current_app.config["INSTRUMENTS_DIR"]) / f"{module}.yaml"
    try:
        export_to_file(path, out)
    except InstrumentError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo("Niets geschreven.", err=True)
        sys.exit(1)
    click.echo(f"{out} geschreven.")
