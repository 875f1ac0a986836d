"""`flask reports build`: every bijlage, gemeente report and the overall report of a wave as PDF files."""

from __future__ import annotations

import click

from survey_app.cli.common import transactional
from survey_app.services.analysis import comparison_options, harmonisation_from_options
from survey_app.services.waves import get_wave


@click.group("reports")
def group() -> None:
    """Rapportages: bijlagen per team en rapportages per gemeente."""


@group.command("build")
@click.argument("name")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Map voor de PDF-bestanden.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Aantal parallelle processen.")
@click.option("--compare", "other", help="Vergelijk met deze (oudere) golf; standaard de vorige golf per gemeente.")
@click.option("--changed-scale", default="", help="Modules, constructen of items met een andere schaal dan in de "
              "oudere golf, komma-gescheiden (bijv. bakens).")
@click.option("--calibration", type=click.Path(dir_okay=False), help="CSV new,old: kalibratie voor de factor.")
@click.option("--nominal-tests", is_flag=True, help="Toets ook nominale variabelen (chi-kwadraat of Fisher, "
              "met Cramérs V); standaard niet.")
@click.option("--holm-family", default="report", show_default=True,
              help="Familie voor de Holm-correctie: report (alle toetsen van een rapportage) of module (per module).")
@transactional
def build(name: str, out_dir: str, jobs: int, other: str | None, changed_scale: str, calibration: str | None,
          nominal_tests: bool, holm_family: str) -> None:
    """Maak alle bijlagen (per team), rapportages (per gemeente) en de totaalrapportage van een golf, parallel."""
    from survey_app.reports import build_reports
    from survey_app.reports.builder import report_count

    wave = get_wave(name)
    compare = get_wave(other) if other else None
    harmonisation = harmonisation_from_options(wave, compare, changed_scale, calibration)
    options = comparison_options(nominal_tests, holm_family)
    click.echo(f"Analyse van golf '{wave.name}' ...")
    with click.progressbar(length=report_count(wave),
                           label="Rapportages maken") as bar:
        files = build_reports(wave, out_dir, jobs=jobs, compare=compare, harmonisation=harmonisation,
                              options=options, progress=lambda done, total, filename: bar.update(1))
    click.echo(f"{len(files)} bestanden geschreven naar {out_dir}.")
