"""`flask series create|list`: the waves of one monitor, for trends over every year."""

from __future__ import annotations

import click

from survey_app.cli.common import transactional
from survey_app.services.series import all_series, create_series, read_team_map

group = click.Group("series", help="Reeksen van golven (de jaarlijkse monitor).")


@group.command("create")
@click.argument("name")
@click.option("--waves", required=True, help="De golven van de reeks, de oudste eerst, komma-gescheiden.")
@click.option("--years", help="Het jaar boven elke kolom, komma-gescheiden (standaard: uit de golfnaam).")
@click.option("--label", default="", help="Naam van de reeks in rapportages.")
@click.option("--team-map", type=click.Path(dir_okay=False), help="CSV earlier,later: hernoemde, gesplitste "
              "en samengevoegde teams.")
@transactional
def create(name: str, waves: str, years: str | None, label: str, team_map: str | None) -> None:
    """Maak een reeks van golven."""
    pairs = read_team_map(team_map) if team_map else []
    series = create_series(name, [w.strip() for w in waves.split(",") if w.strip()], label,
                           [y.strip() for y in years.split(",")] if years else None, pairs)
    click.echo(f"Reeks '{series.name}' gemaakt: " + ", ".join(f"{m.year} ({m.wave.name})" for m in series.members)
               + f"; {len(pairs)} teamkoppelingen.")


@group.command("list")
@transactional
def list_command() -> None:
    """Toon de reeksen met hun golven."""
    found = all_series()
    if not found:
        click.echo("Geen reeksen.")
    for series in found:
        click.echo(f"{series.name} ({series.label}): "
                   + ", ".join(f"{m.year} = {m.wave.name}" for m in series.members))
