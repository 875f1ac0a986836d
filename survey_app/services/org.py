"""Loading gemeenten and teams from a CSV file (`gemeente,team,label`)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import Gemeente, Team
from survey_app.services.csv_input import SLUG, read_csv
from survey_app.services.errors import InputError, InputProblem


def default_gemeente_label(slug: str) -> str:
    """`ommen-hardenberg` -> `Ommen-Hardenberg`, for files that give no gemeente label."""
    return "-".join(part.capitalize() for part in slug.split("-"))


def load_org(path: str | Path) -> tuple[int, int]:
    """Create or update gemeenten and teams; returns (gemeenten, teams) touched. All or nothing."""
    table = read_csv(path, ["gemeente", "team", "label"], optional=["gemeente_label"])
    problems: list[InputProblem] = []
    wanted: dict[str, tuple[str, str, int]] = {}
    gemeente_labels: dict[str, str] = {}
    for row, line in zip(table.rows, table.lines, strict=True):
        gemeente, team, label = row["gemeente"].strip(), row["team"].strip(), row["label"].strip()
        for column, value in (("gemeente", gemeente), ("team", team)):
            if not SLUG.match(value):
                problems.append(InputProblem(table.source, f"'{value}' is geen geldige slug (kleine letters, "
                                             "cijfers en koppeltekens, zoals zwolle-noord)", line, column))
        if not label:
            problems.append(InputProblem(table.source, "label is leeg", line, "label"))
        if team in wanted:
            problems.append(InputProblem(table.source, f"team '{team}' staat al op regel {wanted[team][2]}", line,
                                         "team"))
        wanted[team] = (gemeente, label, line)
        gemeente_labels.setdefault(gemeente, row.get("gemeente_label", "").strip() or default_gemeente_label(gemeente))

    existing_teams = {t.slug: t for t in db.session.scalars(select(Team))}
    for slug, (gemeente, _label, line) in wanted.items():
        current = existing_teams.get(slug)
        if current is not None and current.gemeente.slug != gemeente:
            problems.append(InputProblem(table.source, f"team '{slug}' hoort al bij gemeente "
                                         f"'{current.gemeente.slug}'", line, "gemeente"))
    if problems:
        raise InputError(problems)

    gemeenten = {g.slug: g for g in db.session.scalars(select(Gemeente))}
    for slug, label in gemeente_labels.items():
        if slug in gemeenten:
            gemeenten[slug].label = label
        else:
            gemeenten[slug] = Gemeente(slug=slug, label=label)
            db.session.add(gemeenten[slug])
    for slug, (gemeente, label, _line) in wanted.items():
        if slug in existing_teams:
            existing_teams[slug].label = label
        else:
            db.session.add(Team(slug=slug, label=label, gemeente=gemeenten[gemeente]))
    db.session.flush()
    return len(gemeente_labels), len(wanted)
