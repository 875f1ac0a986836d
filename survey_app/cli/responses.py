"""`flask responses import`."""

from __future__ import annotations

import click

from survey_app.cli.common import transactional
from survey_app.instrument_registry import wave_instruments
from survey_app.services import audit
from survey_app.services.response_import import import_responses
from survey_app.services.waves import get_wave

group = click.Group("responses", help="Antwoorden van een golf.")


@group.command("import")
@click.argument("name")
@click.argument("path", type=click.Path(dir_okay=False))
@transactional
def import_command(name: str, path: str) -> None:
    """Importeer antwoorden (brede CSV: gemeente, team, één kolom per variabele); alles of niets."""
    wave = get_wave(name)
    count = import_responses(wave, wave_instruments(wave), path)
    audit.record(audit.Action.RESPONSES_IMPORTED, f"golf {name}: {count} ingevulde vragenlijsten uit {path}")
    click.echo(f"{count} ingevulde vragenlijsten geïmporteerd in golf '{name}'.")
