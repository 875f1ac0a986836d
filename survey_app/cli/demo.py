"""`flask demo load`: demo data for `make run`, only into an empty database."""

from __future__ import annotations

import click
from flask import current_app

from survey_app.cli.common import transactional
from survey_app.instrument_registry import current_instruments
from survey_app.services.demo import (
    DEMO_FIRST_WAVE,
    DEMO_PREVIOUS_WAVE,
    DEMO_RESEARCHER,
    DEMO_TEAMLEIDER,
    DEMO_WAVE,
    load_demo,
)
from survey_app.services.demo_years import SERIES
from survey_app.services.invitations import personal_link

group = click.Group("demo", help="Demogegevens.")


@group.command("load")
@transactional
def load() -> None:
    """Laad de organisatie en drie demogolven (2015-2017) met synthetische antwoorden (alleen in een lege database)."""
    result = load_demo(current_instruments())
    if result.loaded:
        click.echo(f"Demogolf '{DEMO_WAVE}' geladen (synthetische antwoorden, geen echte gegevens), met de eerdere "
                   f"golven {DEMO_FIRST_WAVE} en {DEMO_PREVIOUS_WAVE} in de reeks '{SERIES[0]}' en de omrekenregel "
                   "1,12 voor de Bakens.")
        base_url = current_app.config["PUBLIC_BASE_URL"]
        for token in result.respondent_tokens:
            click.echo(f"  Demo-link voor een respondent: {personal_link(base_url, token)}")
    else:
        click.echo("De database bevat al gegevens; de demo is niet (opnieuw) geladen.")
    click.echo(f"Inloggen als onderzoeker: {DEMO_RESEARCHER[0]} / {DEMO_RESEARCHER[1]}")
    click.echo(f"Inloggen als teamleider ({DEMO_TEAMLEIDER[2]}): {DEMO_TEAMLEIDER[0]} / {DEMO_TEAMLEIDER[1]}")
