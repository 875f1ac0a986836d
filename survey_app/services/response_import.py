"""Importing a wave's answers from the wide CSV of the firm contract, all or nothing.

Every value is checked against the wave's instruments (code lists, ranges, routing) before anything is
written, so a rejected file leaves the database exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

from survey_app import csv_safety
from survey_app.extensions import db
from survey_app.instruments.model import InstrumentSet
from survey_app.instruments.relevance import relevant_variables
from survey_app.instruments.values import ValueProblem, parse_value, variable_index
from survey_app.models import Response, Wave
from survey_app.services.answer_store import answers_document, bump_answers_revision
from survey_app.services.csv_input import read_csv
from survey_app.services.errors import MAX_LISTED, InputError, InputProblem

FIXED_COLUMNS = ("gemeente", "team")


def _check_row(table, index, row, variables, teams, instruments, problems) -> tuple[int, dict] | None:
    line = table.lines[index]
    team_slug, gemeente_slug = row["team"].strip(), row["gemeente"].strip()
    if team_slug not in teams:
        problems.append(InputProblem(table.source, f"team '{team_slug}' doet niet mee aan deze golf", line, "team"))
        return None
    team_id, team_gemeente = teams[team_slug]
    if gemeente_slug != team_gemeente:
        problems.append(InputProblem(table.source, f"team '{team_slug}' hoort bij gemeente '{team_gemeente}', "
                                     f"niet bij '{gemeente_slug}'", line, "gemeente"))
        return None
    answers: dict[str, object] = {}
    for name, variable in variables.items():
        raw = csv_safety.restore(row.get(name, "").strip())  # the export's formula apostrophe
        if not raw:
            continue
        try:
            answers[name] = parse_value(*variable, raw)
        except ValueProblem as problem:
            problems.append(InputProblem(table.source, str(problem), line, name))
    asked = relevant_variables(instruments, answers, gemeente_slug, team_slug)
    for name in sorted(set(answers) - asked):
        problems.append(InputProblem(table.source, f"deze vraag wordt niet gesteld aan team '{team_slug}' "
                                     "(routering of gemeentevariant), maar heeft een antwoord", line, name))
    return team_id, answers


def import_responses(wave: Wave, instruments: InstrumentSet, path: str | Path) -> int:
    """Check the whole file, then store one response per row; returns the number stored."""
    table = read_csv(path, list(FIXED_COLUMNS), allow_extra=True)
    variables = variable_index(instruments)
    problems = [InputProblem(table.source, "onbekende kolom: geen variabele van deze golf", 1, column)
                for column in table.header if column not in FIXED_COLUMNS and column not in variables]
    if problems:
        raise InputError(problems)
    teams = {p.team.slug: (p.team_id, p.team.gemeente.slug) for p in wave.teams}
    checked = []
    for index, row in enumerate(table.rows):
        result = _check_row(table, index, row, variables, teams, instruments, problems)
        if len(problems) > MAX_LISTED:
            break
        if result:
            checked.append(result)
    if problems:
        raise InputError(problems)

    responses = [Response(wave_id=wave.id, team_id=team_id, channel="import", answers=answers_document(answers))
                 for team_id, answers in checked]
    db.session.add_all(responses)
    if responses:
        bump_answers_revision(wave.id)
    db.session.flush()
    return len(responses)
