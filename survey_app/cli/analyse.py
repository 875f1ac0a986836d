"""`flask analyse`."""

from __future__ import annotations

from pathlib import Path

import click
import orjson

from survey_app.cli.common import transactional
from survey_app.exports.trend_csv import write_trend_csv
from survey_app.services.analysis import comparison_options, harmonisation_from_options, run_analysis
from survey_app.services.errors import fail
from survey_app.services.trend import require_trend
from survey_app.services.waves import get_wave


def _write(out: str, result: dict) -> None:
    """The JSON file, written under a temporary name and renamed (never half a file)."""
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".tmp")
    # orjson: the national analysis is some 40 MB of JSON, which the standard library writes with indentation
    # in pure Python (4,5 s); orjson writes the same values (shortest round-trip floats, UTF-8) in 0,3 s
    tmp.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS))
    tmp.replace(target)


@click.command("analyse")
@click.argument("name")
@click.option("--compare", "other", help="Vergelijk met deze (oudere) golf (Mann-Whitney, Holm).")
@click.option("--gemeente", help="Beperk de vergelijking tot deze gemeente.")
@click.option("--changed-scale", default="", help="Modules, constructen of items met een andere schaal "
              "dan in de oudere golf, komma-gescheiden (bijv. bakens).")
@click.option("--calibration", type=click.Path(dir_okay=False), help="CSV new,old: kalibratie voor de factor.")
@click.option("--nominal-tests", is_flag=True, help="Toets ook nominale variabelen (chi-kwadraat of Fisher, "
              "met Cramérs V); standaard niet.")
@click.option("--holm-family", default="report", show_default=True,
              help="Familie voor de Holm-correctie: report (alle toetsen samen) of module (per module).")
@click.option("--trend", is_flag=True, help="De trend over de golven van de reeks tot en met deze golf "
              "(respons, gemiddelden per jaar, omgerekend met de vastgelegde regels).")
@click.option("--csv", "csv_out", type=click.Path(dir_okay=False), help="Met --trend: ook de omgerekende "
              "cijfers als CSV (één regel per cijfer, schaal of item, groep en jaar).")
@click.option("--json", "out", required=True, type=click.Path(dir_okay=False), help="Uitvoerbestand (JSON).")
@transactional
def analyse(name: str, other: str | None, gemeente: str | None, changed_scale: str, calibration: str | None,
            nominal_tests: bool, holm_family: str, trend: bool, csv_out: str | None, out: str) -> None:
    """Analyseer een golf: itemstatistieken, schalen, paren, respons en vergelijking, met celgrootte-controle."""
    wave = get_wave(name)
    if csv_out and not trend:
        raise fail("--csv", "alleen met --trend")
    if trend:
        result = require_trend(wave)
        _write(out, result)
        click.echo(f"Trend van reeks '{result['series']['name']}' tot en met golf '{name}' geschreven naar {out} "
                   f"({', '.join(w['year'] for w in result['waves'])}; {len(result['constructs'])} schalen, "
                   f"{len(result['items'])} variabelen).")
        if csv_out:
            click.echo(f"{write_trend_csv(result, csv_out)} cijfers geschreven naar {csv_out}.")
        for rule in result["rules"]:
            click.echo(rule)
        return
    compare = get_wave(other) if other else None
    harmonisation = harmonisation_from_options(wave, compare, changed_scale, calibration)
    options = comparison_options(nominal_tests, holm_family)
    result = run_analysis(wave, compare, gemeente, harmonisation, options)
    _write(out, result)
    comparison = result["comparison"]
    tests = len(comparison["tests"]) if comparison else 0
    click.echo(f"Analyse van golf '{name}' geschreven naar {out} ({len(result['items'])} variabelen, "
               f"{tests} toetsen).")
    for family in (comparison or {}).get("families", []):
        click.echo(f"Holm-familie {family['name']}: {family['significant_holm']} van de {family['size']} "
                   "getoetste verschillen significant na Holm.")
