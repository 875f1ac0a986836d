"""`flask wave create|open|close|invite`."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app

from survey_app.cli.common import transactional
from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments
from survey_app.instruments.loader import load_instruments
from survey_app.models import WaveStatus
from survey_app.services import audit
from survey_app.services.errors import InputError
from survey_app.services.invitations import create_invitations, write_links_csv
from survey_app.services.waves import create_wave, get_wave, read_headcounts, set_status
from survey_app.snapshots.content import snapshot_content
from survey_app.snapshots.store import take_snapshot

group = click.Group("wave", help="Golven (metingen).")


@group.command("create")
@click.argument("name")
@click.option("--instruments", "modules", required=True, help="Modules, komma-gescheiden, in volgorde.")
@click.option("--headcounts", type=click.Path(dir_okay=False), help="CSV met kolommen team,invited.")
@click.option("--label", default="", help="Leesbare naam, bijvoorbeeld '2-meting 2017'.")
@click.option("--min-cell-size", type=int, default=None, help="Minimale celgrootte (standaard MIN_CELL_SIZE).")
@click.option("--instruments-dir", type=click.Path(file_okay=False, exists=True),
              help="Een eerdere golf met zijn eigen vragenlijst (bijv. de Bakens op de schaal nooit-altijd): de "
                   "modules uit deze map worden bij de golf vastgelegd in plaats van die uit instruments/.")
@transactional
def create(name: str, modules: str, headcounts: str | None, label: str, min_cell_size: int | None,
           instruments_dir: str | None) -> None:
    """Maak een golf met zijn modules en (optioneel) het aantal uitgenodigden per team."""
    counts = read_headcounts(headcounts) if headcounts else None
    module_ids = [m.strip() for m in modules.split(",") if m.strip()]
    instruments = load_instruments([instruments_dir]) if instruments_dir else current_instruments()
    wave = create_wave(name, module_ids, instruments, counts, label=label,
                       min_cell_size=current_app.config["MIN_CELL_SIZE"] if min_cell_size is None else min_cell_size)
    if instruments_dir:
        wave.snapshot_id = take_snapshot(snapshot_content(instruments.subset(tuple(module_ids)))).id
    audit.record(audit.Action.WAVE_CREATED, f"golf {wave.name}")
    click.echo(f"Golf '{wave.name}' gemaakt met {len(wave.modules)} modules en {len(wave.teams)} teams.")


@group.command("open")
@click.argument("name")
@transactional
def open_wave(name: str) -> None:
    """Open een golf voor respondenten."""
    set_status(get_wave(name), WaveStatus.OPEN)
    audit.record(audit.Action.WAVE_STATUS, f"golf {name}: open")
    click.echo(f"Golf '{name}' is open.")


@group.command("close")
@click.argument("name")
@transactional
def close_wave(name: str) -> None:
    """Sluit een golf: links werken niet meer."""
    set_status(get_wave(name), WaveStatus.CLOSED)
    audit.record(audit.Action.WAVE_STATUS, f"golf {name}: gesloten")
    click.echo(f"Golf '{name}' is gesloten.")


@group.command("invite")
@click.argument("name")
@click.option("--team", "team_slug", required=True)
@click.option("--count", type=int, required=True)
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False))
def invite(name: str, team_slug: str, count: int, out_path: str) -> None:
    """Maak persoonlijke links (/s/<token>) voor een team, als CSV voor een mailing."""
    try:
        wave = get_wave(name)
        tokens = create_invitations(wave, team_slug, count)
        write_links_csv(out_path, wave, team_slug, tokens, current_app.config["PUBLIC_BASE_URL"])
        audit.record(audit.Action.INVITATIONS, f"golf {name}, team {team_slug}: {count} links")
    except InputError as error:
        db.session.rollback()
        click.echo(str(error), err=True)
        sys.exit(1)
    try:
        db.session.commit()
    except BaseException:
        Path(out_path).unlink(missing_ok=True)  # links that were never stored must not be mailed
        raise
    click.echo(f"{count} persoonlijke links voor team '{team_slug}' geschreven naar {out_path}.")
