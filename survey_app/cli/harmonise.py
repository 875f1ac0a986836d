"""`flask harmonise set|list`: harmonisation rules between waves, stored once and applied by default."""

from __future__ import annotations

import click

from survey_app.cli.common import transactional
from survey_app.services.analysis import parse_number, read_calibration
from survey_app.services.errors import fail
from survey_app.services.harmonisation import list_rules, set_rule
from survey_app.services.waves import get_wave

group = click.Group("harmonise", help="Omrekenregels tussen golven met een andere antwoordschaal.")


@group.command("set")
@click.argument("old")
@click.argument("new")
@click.option("--items", "targets", required=True, help="Modules, constructen of items, komma-gescheiden (bakens).")
@click.option("--factor", help="De factor waarmee de scores van OLD worden vermenigvuldigd (1,12).")
@click.option("--calibration", type=click.Path(dir_okay=False), help="CSV new,old: bereken de factor.")
@click.option("--source", default="", help="Waar de factor vandaan komt (bijv. rapport 2017, p. 42).")
@transactional
def set_command(old: str, new: str, targets: str, factor: str | None, calibration: str | None, source: str) -> None:
    """Leg vast hoe de scores van golf OLD op de schaal van golf NEW worden gebracht."""
    if (factor is None) == (calibration is None):
        raise fail("--factor", "geef precies één van --factor en --calibration")
    if factor is not None:
        try:
            value = parse_number(factor)
        except ValueError:
            raise fail("--factor", f"'{factor[:30]}' is geen getal") from None
    else:
        value = read_calibration(calibration)
    rule = set_rule(get_wave(old), get_wave(new), targets, value, source)
    click.echo(f"Vastgelegd. {rule.describe()}")


@group.command("list")
@click.option("--wave", help="Alleen de regels van deze golf.")
@transactional
def list_command(wave: str | None) -> None:
    """Toon de vastgelegde omrekenregels."""
    rules = list_rules(get_wave(wave) if wave else None)
    if not rules:
        click.echo("Geen omrekenregels vastgelegd.")
    for rule in rules:
        click.echo(rule.describe())
