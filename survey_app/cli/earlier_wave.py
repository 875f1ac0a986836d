"""`flask responses import-earlier NAME FILE --mapping MAP.yaml` (attached to the `responses` group)."""

from __future__ import annotations

import click

from survey_app.cli.common import transactional
from survey_app.instrument_registry import wave_instruments
from survey_app.services import audit
from survey_app.services.earlier_wave_import import import_earlier_wave
from survey_app.services.waves import get_wave


@click.command("import-earlier")
@click.argument("name")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--mapping", "mapping_path", required=True, type=click.Path(dir_okay=False),
              help="YAML: oude variabelen -> variabelen van deze golf, oude codes -> nieuwe codes.")
@transactional
def import_earlier(name: str, path: str, mapping_path: str) -> None:
    """Importeer antwoorden van een eerdere meting (.sav of .csv) met een koppelbestand; alles of niets."""
    wave = get_wave(name)
    count = import_earlier_wave(wave, wave_instruments(wave), path, mapping_path)
    audit.record(audit.Action.RESPONSES_IMPORTED, f"golf {name}: {count} ingevulde vragenlijsten uit eerdere meting")
    click.echo(f"{count} ingevulde vragenlijsten geïmporteerd in golf '{name}'.")
