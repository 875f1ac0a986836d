"""`flask org load`."""

from __future__ import annotations

import click

from survey_app.cli.common import transactional
from survey_app.services import audit
from survey_app.services.org import load_org

group = click.Group("org", help="Gemeenten en teams.")


@group.command("load")
@click.argument("path", type=click.Path(dir_okay=False))
@transactional
def load(path: str) -> None:
    """Laad gemeenten en teams uit een CSV met kolommen gemeente,team,label."""
    gemeenten, teams = load_org(path)
    audit.record(audit.Action.ORG_LOADED, f"{gemeenten} gemeenten, {teams} teams uit {path}")
    click.echo(f"{gemeenten} gemeenten en {teams} teams geladen.")
