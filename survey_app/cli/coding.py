"""`flask coding import|agreement|crosstab|export|withdraw`: thin wrappers over survey_app.coding."""

from __future__ import annotations

import json

import click

from survey_app.cli.common import transactional
from survey_app.coding import outputs
from survey_app.coding.importer import import_project
from survey_app.coding.services import get_project, withdraw
from survey_app.services.audit import COMMAND_LINE
from survey_app.services.errors import fail

group = click.Group("coding", help="Kwalitatief coderen: projecten, overeenstemming en tabellen.")


@group.command("import")
@click.argument("project")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--title", default="", help="Titel van het project (standaard de naam).")
@transactional
def import_command(project: str, directory: str, title: str) -> None:
    """Maak een codeerproject uit een map (codeboek, transcripten, codings.csv ...); alles of niets."""
    created = import_project(project, directory, COMMAND_LINE, title)
    documents = len(created.documents)
    fragments = sum(len(document.fragments) for document in created.documents)
    codings = sum(len(fragment.codings) for document in created.documents for fragment in document.fragments)
    click.echo(f"Project '{project}': {documents} documenten, {fragments} fragmenten, {len(created.codes)} codes, "
               f"{codings} coderingen geïmporteerd.")


def _coders(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    coders = [coder.strip() for coder in value.split(",") if coder.strip()]
    if len(coders) != 2:
        raise fail("--coders", "geef precies twee codeurs, gescheiden door een komma (A,B)")
    return coders[0], coders[1]


@group.command("agreement")
@click.argument("project")
@click.option("--json", "json_path", required=True, type=click.Path(dir_okay=False), help="Uitvoerbestand (JSON).")
@click.option("--coders", default=None, help="Twee codeurs, A,B (standaard de twee met de meeste coderingen).")
@transactional
def agreement_command(project: str, json_path: str, coders: str | None) -> None:
    """Cohen's kappa en Krippendorff's alpha per code en overall, over alle en over gecodeerde fragmenten."""
    report = outputs.agreement_report(get_project(project), _coders(coders))
    with open(json_path, "w", encoding="utf-8") as handle:
        json.dump(report.to_dict(), handle, ensure_ascii=False, indent=2)
    pooled = report.overall_coded_fragments.pooled.kappa
    shown = "n.v.t." if pooled is None else f"{pooled:.2f}".replace(".", ",")
    click.echo(f"Overeenstemming {report.coder_a} en {report.coder_b} geschreven naar {json_path} "
               f"(kappa over gecodeerde fragmenten: {shown}).")


@group.command("crosstab")
@click.argument("project")
@click.argument("axis_a")
@click.argument("axis_b")
@click.option("--csv", "csv_path", required=True, type=click.Path(dir_okay=False), help="Uitvoerbestand (CSV).")
@transactional
def crosstab_command(project: str, axis_a: str, axis_b: str, csv_path: str) -> None:
    """Aantal fragmenten per code van as A en code van as B, met rij- en kolomtotalen."""
    table = outputs.crosstab_table(get_project(project), axis_a, axis_b)
    outputs.write_crosstab_csv(table, csv_path)
    click.echo(f"Kruistabel {table.title} ({table.grand_total} in totaal) geschreven naar {csv_path}.")


@group.command("export")
@click.argument("project")
@click.option("--format", "fmt", type=click.Choice(outputs.EXPORT_FORMATS), required=True)
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False))
@transactional
def export_command(project: str, fmt: str, out_path: str) -> None:
    """Frequenties, kruistabellen van alle asparen en citaten als CSV of XLSX."""
    outputs.write_export(get_project(project), fmt, out_path)
    click.echo(f"Export van '{project}' geschreven naar {out_path}.")


@group.command("withdraw")
@click.argument("project")
@click.argument("pseudonym")
@transactional
def withdraw_command(project: str, pseudonym: str) -> None:
    """Een deelnemer trekt de toestemming in: diens fragmenten verdwijnen uit alle uitvoer."""
    participant = withdraw(get_project(project), pseudonym)
    click.echo(f"Toestemming van {participant.pseudonym} ingetrokken per {participant.withdrawn_on:%d-%m-%Y}.")
