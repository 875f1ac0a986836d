"""`flask export NAME --format csv|xlsx|sav --out FILE`."""

from __future__ import annotations

import click

from survey_app.cli.common import transactional
from survey_app.exports.run import ANSWER_FORMATS, export_wave
from survey_app.services.waves import get_wave


@click.command("export")
@click.argument("name")
@click.option("--format", "fmt", required=True, type=click.Choice(ANSWER_FORMATS))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False))
@transactional
def command(name: str, fmt: str, out_path: str) -> None:
    """Exporteer de anonieme antwoorden van een golf (gemeente, team, variabelen) met labels."""
    count = export_wave(get_wave(name), fmt, out_path)
    click.echo(f"{count} ingevulde vragenlijsten van golf '{name}' geëxporteerd naar {out_path}.")
