"""`flask instruments check|dictionary`."""

from __future__ import annotations

import json
import sys

import click
from flask import current_app

from survey_app.instrument_registry import current_instruments
from survey_app.instruments.dictionary import dictionary_rows, render_dictionary_text
from survey_app.instruments.errors import InstrumentError
from survey_app.instruments.loader import check_paths

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


@group.command("dictionary")
@click.option("--json", "as_json", is_flag=True, help="Als JSON in plaats van een tabel.")
def dictionary(as_json: bool) -> None:
    """Het datawoordenboek: elke variabele met module, type, label, codes, omscoring, constructen en paren."""
    try:
        rows = dictionary_rows(current_instruments())
    except InstrumentError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(render_dictionary_text(rows))
