"""Series of waves: which waves form one monitor, in which order, and which teams continue which.

A team map (CSV `earlier,later`) is given once per series: a renamed team is one row, a merged team one row per
earlier team, a split team one row per later team. A trend then follows each team of the latest wave back
through the teams it continues (analysis/trend.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import SeriesWave, Team, Wave, WaveSeries
from survey_app.services.csv_input import read_csv
from survey_app.services.errors import InputError, InputProblem, fail
from survey_app.services.waves import WAVE_NAME, get_wave

YEAR = re.compile(r"[0-9]{4}")


def read_team_map(path: str | Path) -> list[list[str]]:
    """[[earlier, later], ...] from a CSV `earlier,later`; both teams must exist and differ."""
    table = read_csv(path, ["earlier", "later"])
    teams = set(db.session.scalars(select(Team.slug)))
    pairs, problems = [], []
    for row, line in zip(table.rows, table.lines, strict=True):
        earlier, later = row["earlier"].strip(), row["later"].strip()
        for column, slug in (("earlier", earlier), ("later", later)):
            if slug not in teams:
                problems.append(InputProblem(table.source, f"onbekend team '{slug[:64]}'", line, column))
        if earlier == later:
            problems.append(InputProblem(table.source, "een team volgt zichzelf niet op", line, "later"))
        elif [earlier, later] in pairs:
            problems.append(InputProblem(table.source, "deze regel staat er twee keer in", line))
        else:
            pairs.append([earlier, later])
    if problems:
        raise InputError(problems)
    return pairs


def default_year(wave: Wave) -> str:
    """The year printed above a wave's column: the last four digits in its name, else the name."""
    found = YEAR.findall(wave.name)
    return found[-1] if found else wave.name


def create_series(name: str, wave_names: list[str], label: str = "", years: list[str] | None = None,
                  team_map: list[list[str]] | None = None) -> WaveSeries:
    """A new series of at least two waves, oldest first."""
    if not WAVE_NAME.match(name):
        raise fail("reeks", f"'{name[:64]}' is geen geldige naam (letters, cijfers, . _ -)")
    if db.session.scalar(select(WaveSeries.id).where(WaveSeries.name == name)) is not None:
        raise fail("reeks", f"reeks '{name}' bestaat al")
    if len(wave_names) < 2 or len(set(wave_names)) != len(wave_names):
        raise fail("--waves", "geef minstens twee verschillende golven, de oudste eerst")
    if years is not None and len(years) != len(wave_names):
        raise fail("--years", f"geef evenveel jaren ({len(years)}) als golven ({len(wave_names)})")
    waves = [get_wave(n) for n in wave_names]
    series = WaveSeries(name=name, label=label or name, team_map=team_map or [])
    for position, wave in enumerate(waves):
        year = years[position] if years else default_year(wave)
        series.members.append(SeriesWave(wave=wave, position=position, year=year[:32]))
    db.session.add(series)
    db.session.flush()
    return series


def all_series() -> list[WaveSeries]:
    """Every series, by name."""
    return list(db.session.scalars(select(WaveSeries).order_by(WaveSeries.name)))


def series_of(wave: Wave) -> tuple[WaveSeries, list[SeriesWave]] | None:
    """The (first, by name) series holding the wave, with its members up to and including this wave."""
    for series in all_series():
        ids = [m.wave_id for m in series.members]
        if wave.id in ids:
            return series, series.members[:ids.index(wave.id) + 1]
    return None
