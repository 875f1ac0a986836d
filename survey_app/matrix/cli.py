"""`flask matrix import|export`: thin wrappers over the matrix operations and outputs."""

from __future__ import annotations

import click

from survey_app.cli.common import transactional
from survey_app.matrix import outputs
from survey_app.matrix.operations import import_project, read_directory
from survey_app.matrix.store import find_project, load
from survey_app.services.errors import fail

group = click.Group("matrix", help="Beoordelingsmatrices: casussen gescoord per aspect (groen/oranje/rood/grijs).")


@group.command("import")
@click.argument("project")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--title", default="", help="Titel van de matrix (standaard de naam).")
@transactional
def import_command(project: str, directory: str, title: str) -> None:
    """Maak een matrix uit een map (aspects.yaml|csv, cases.csv, scale.yaml, scores.csv); alles of niets."""
    created = import_project(project, read_directory(directory), None, title)
    loaded = load(created)
    click.echo(f"Matrix '{project}': {len(loaded.cases)} casussen, {len(loaded.tree.leaves())} aspecten, "
               f"{len(loaded.scores)} scores geïmporteerd.")


@group.command("export")
@click.argument("project")
@click.option("--format", "fmt", type=click.Choice(outputs.FORMATS), required=True)
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False))
@transactional
def export_command(project: str, fmt: str, out_path: str) -> None:
    """De matrix als gekleurde tabel met tellingen 'x van de N' (en overeenstemming) als XLSX of PDF."""
    found = find_project(project)
    if found is None:
        raise fail(project, "er is geen matrix met deze naam")
    data = outputs.export(load(found), fmt)
    with open(out_path, "wb") as handle:
        handle.write(data)
    outputs.audit_export(found, fmt, None)
    click.echo(f"Matrix '{project}' geschreven naar {out_path}.")
