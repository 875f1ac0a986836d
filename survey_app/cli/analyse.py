"""`flask analyse`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from survey_app.cli.common import transactional
from survey_app.services.analysis import harmonisation_from_options, run_analysis
from survey_app.services.waves import get_wave


@click.command("analyse")
@click.argument("name")
@click.option("--compare", "other", help="Vergelijk met deze (oudere) golf (Mann-Whitney, Holm).")
@click.option("--gemeente", help="Beperk de vergelijking tot deze gemeente.")
@click.option("--changed-scale", default="", help="Modules, constructen of items met een andere schaal "
              "dan in de oudere golf, komma-gescheiden (bijv. bakens).")
@click.option("--calibration", type=click.Path(dir_okay=False), help="CSV new,old: kalibratie voor de factor.")
@click.option("--json", "out", required=True, type=click.Path(dir_okay=False), help="Uitvoerbestand (JSON).")
@transactional
def analyse(name: str, other: str | None, gemeente: str | None, changed_scale: str, calibration: str | None,
            out: str) -> None:
    """Analyseer een golf: itemstatistieken, schalen, paren, respons en vergelijking, met celgrootte-controle."""
    wave = get_wave(name)
    compare = get_wave(other) if other else None
    harmonisation = harmonisation_from_options(wave, compare, changed_scale, calibration)
    result = run_analysis(wave, compare, gemeente, harmonisation)
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".tmp")
    tmp.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(target)
    tests = len(result["comparison"]["tests"]) if result["comparison"] else 0
    click.echo(f"Analyse van golf '{name}' geschreven naar {out} ({len(result['items'])} variabelen, "
               f"{tests} toetsen).")
