"""`flask plans export WAVE --out FILE.xlsx`: the teams' action plans of a wave, thin over overview and xlsx."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from survey_app.cli.common import transactional
from survey_app.plans import xlsx
from survey_app.plans.overview import overview
from survey_app.services import audit
from survey_app.services.errors import fail
from survey_app.services.waves import get_wave

group = click.Group("plans", help="Verbeterplannen van de teams.")


def write_whole(path: Path, data: bytes) -> None:
    """Write next to the target and rename, so a failed run leaves no half-written file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@group.command("export")
@click.argument("wave")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False))
@transactional
def export_command(wave: str, out_path: str) -> None:
    """De verbeterplannen van een golf per gemeente en team, met doelen, acties en status, als XLSX."""
    target = Path(out_path)
    if target.suffix.lower() != ".xlsx":
        raise fail("--out", f"'{out_path}' moet op .xlsx eindigen")
    if not target.parent.is_dir():
        raise fail("--out", f"map '{target.parent}' bestaat niet")
    found = get_wave(wave)
    data = overview(found)
    write_whole(target, xlsx.workbook(data))
    audit.record(audit.Action.EXPORT, f"verbeterplannen golf {found.name}, XLSX")
    teams = sum(1 for g in data["gemeenten"] for t in g["teams"] if t["foci"])
    click.echo(f"Verbeterplannen van golf '{found.name}' ({teams} teams met een plan) geschreven naar {out_path}.")
