"""Creating, opening and closing waves, and setting their headcounts."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.instruments.model import InstrumentSet
from survey_app.models import Team, Wave, WaveModule, WaveStatus, WaveTeam
from survey_app.models.waves import MIN_CELL_SIZE_FLOOR
from survey_app.services.answers_frame import snapshot_at_close
from survey_app.services.csv_input import read_csv
from survey_app.services.errors import InputError, InputProblem, fail
from survey_app.snapshots.store import attach_snapshot
from survey_app.survey.release import release_all, scrub_after_commit

WAVE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
HEADCOUNT = re.compile(r"[0-9]{1,9}")  # ASCII digits, bounded: str.isdigit() accepts '²' and 5.000 digits


def get_wave(name: str) -> Wave:
    """The wave called `name`, or an InputError that says which waves exist."""
    wave = db.session.scalar(select(Wave).where(Wave.name == name))
    if wave is None:
        names = ", ".join(db.session.scalars(select(Wave.name).order_by(Wave.name))) or "geen"
        raise fail("golf", f"golf '{name}' bestaat niet (bestaande golven: {names})")
    return wave


def read_headcounts(path: str | Path) -> dict[str, int]:
    """Headcounts per team slug from a `team,invited` CSV, every team checked to exist."""
    table = read_csv(path, ["team", "invited"])
    teams = set(db.session.scalars(select(Team.slug)))
    problems: list[InputProblem] = []
    counts: dict[str, int] = {}
    for row, line in zip(table.rows, table.lines, strict=True):
        slug, raw = row["team"].strip(), row["invited"].strip()
        if slug not in teams:
            problems.append(InputProblem(table.source, f"onbekend team '{slug}' (laad eerst de organisatie)", line,
                                         "team"))
        if not HEADCOUNT.fullmatch(raw):
            problems.append(InputProblem(table.source, f"'{raw[:30]}' is geen geheel getal ≥ 0", line, "invited"))
        elif slug in counts:
            problems.append(InputProblem(table.source, f"team '{slug}' komt twee keer voor", line, "team"))
        else:
            counts[slug] = int(raw)
    if problems:
        raise InputError(problems)
    return counts


def create_wave(name: str, module_ids: list[str], instruments: InstrumentSet, headcounts: dict[str, int] | None,
                label: str = "", min_cell_size: int = 5, is_demo: bool = False) -> Wave:
    """A new wave in draft state; without headcounts every known team takes part with headcount 0."""
    problems = []
    if not WAVE_NAME.match(name):
        problems.append(InputProblem("golf", f"'{name}' is geen geldige naam (letters, cijfers, . _ -)"))
    elif db.session.scalar(select(Wave.id).where(Wave.name == name)) is not None:
        problems.append(InputProblem("golf", f"golf '{name}' bestaat al"))
    known = [m.id for m in instruments.modules]
    if not module_ids:
        problems.append(InputProblem("--instruments", "geef minstens één module"))
    for module_id in module_ids:
        if module_id not in known:
            problems.append(InputProblem("--instruments", f"onbekende module '{module_id}' "
                                         f"(beschikbaar: {', '.join(known)})"))
    if len(set(module_ids)) != len(module_ids):
        problems.append(InputProblem("--instruments", "een module staat er twee keer in"))
    if min_cell_size < MIN_CELL_SIZE_FLOOR:
        problems.append(InputProblem("--min-cell-size", f"moet minstens {MIN_CELL_SIZE_FLOOR} zijn: bij kleinere "
                                     "aantallen zijn antwoorden tot één of twee mensen te herleiden"))
    if problems:
        raise InputError(problems)

    wave = Wave(name=name, label=label or name, min_cell_size=min_cell_size, is_demo=is_demo,
                status=WaveStatus.DRAFT)
    for position, module_id in enumerate(module_ids):
        module = instruments.module(module_id)
        wave.modules.append(WaveModule(position=position, module_id=module.id, module_version=module.version))
    attach_snapshot(wave)
    teams = db.session.scalars(select(Team).order_by(Team.slug)).all()
    for team in teams:
        if headcounts is None or team.slug in headcounts:
            wave.teams.append(WaveTeam(team=team, headcount=(headcounts or {}).get(team.slug, 0)))
    db.session.add(wave)
    db.session.flush()
    return wave


def set_status(wave: Wave, status: WaveStatus, actor=None) -> None:
    """Open or close a wave; a wave without teams cannot be opened.

    Closing releases every team's remaining sealed submissions as a last batch, stores the wave's columnar
    answer frame (services/wave_frame_store.py) and, once committed, scrubs what the drafts left on disk (see
    survey/release.py); it also deletes the wave's e-mail addresses (invitations_mail), auditing their number
    under `actor`, and queues the build of every report of the wave.
    """
    if status == WaveStatus.OPEN and not wave.teams:
        raise fail("golf", f"golf '{wave.name}' heeft geen teams; geef headcounts op")
    if status == WaveStatus.OPEN:
        attach_snapshot(wave)  # files edited between creating and opening are taken, until answers exist
    wave.status = status
    if status == WaveStatus.CLOSED:
        release_all(wave)
        snapshot_at_close(wave)
        scrub_after_commit(full=True)
        from survey_app.invitations_mail.operations import forget_addresses

        forget_addresses(wave, actor)
    db.session.flush()
    if status == WaveStatus.CLOSED:
        from survey_app.jobs.report_tasks import queue_wave_build

        queue_wave_build(wave)  # every bijlage ready before a teamleider asks (queued on commit)


def wave_team(wave: Wave, team_slug: str) -> WaveTeam:
    """The wave's participation record for a team, or an InputError naming the teams of the wave."""
    for participation in wave.teams:
        if participation.team.slug == team_slug:
            return participation
    slugs = ", ".join(sorted(p.team.slug for p in wave.teams))
    raise fail("--team", f"team '{team_slug}' doet niet mee aan golf '{wave.name}' (teams: {slugs})")
