"""Themes in the open answers of a wave, for the reports: respondents per theme per scope, and approved quotes.

Counts go through the analysis layer's disclosure control (`disclosure_reasons`): per question the columns are
"answered the question" followed by one column per theme code, the rows the scopes (total, gemeenten, teams)
of the wave's organisation, with the wave's respondents per scope as scope sizes. A count is published when its
reason is empty, or when it is zero and only `no_answers` hides it (a zero reveals nobody). Quotes are the
codings approved as quotable, attributed to the smallest scope that has at least QUOTE_MIN_CELL_SIZE respondents
in the wave: the team, else its gemeente (so a quote from a small team can still appear, as the gemeente's),
never a person and never a scope below that threshold.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

import numpy as np
from flask import current_app
from sqlalchemy import select

from survey_app.analysis.disclosure import NO_ANSWERS, SHOWN, disclosure_reasons
from survey_app.analysis.organisation import Gemeente, Organisation, ScopeIndex, Team
from survey_app.coding.codebook import SEPARATOR
from survey_app.coding.open_answers import latest_open_answers_project
from survey_app.coding.store import ProjectData, project_data
from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.instruments.model import InstrumentSet
from survey_app.models import Code, CodeStatus, Coding, CodingDocument, Fragment, Wave
from survey_app.services.answers_frame import load_answers_frame


def wave_organisation(wave: Wave) -> Organisation:
    """The gemeenten and teams taking part in a wave, as the analysis layer's Organisation."""
    teams = sorted((wave_team.team for wave_team in wave.teams), key=lambda team: (team.gemeente.slug, team.slug))
    gemeenten = {team.gemeente.slug: Gemeente(team.gemeente.slug, team.gemeente.label) for team in teams}
    return Organisation(
        gemeenten=tuple(gemeenten.values()),
        teams=tuple(Team(team.slug, team.gemeente.slug, team.label) for team in teams),
        headcounts={wave_team.team.slug: wave_team.headcount for wave_team in wave.teams},
    )


def _carries(codes: AbstractSet[str], path: str) -> bool:
    return path in codes or any(code.startswith(path + SEPARATOR) for code in codes)


def _published(n: np.ndarray, reasons: np.ndarray, index: ScopeIndex, column: int) -> tuple[dict, dict]:
    counts, hidden = {}, {}
    for row, scope in enumerate(index.ids):
        reason = reasons[row, column]
        if reason == SHOWN or (reason == NO_ANSWERS and n[row, column] == 0):
            counts[scope] = int(n[row, column])
        else:
            counts[scope] = None
            hidden[scope] = str(reason)
    return counts, hidden


def _question_themes(data: ProjectData, document: CodingDocument, theme_codes: list[Code], index: ScopeIndex,
                     scope_n: np.ndarray, min_cell_size: int) -> dict:
    team_position = {slug: i for i, slug in enumerate(index.team_slugs)}
    codes_of: dict[int, set[str]] = {}
    for coding in data.output_codings():
        if coding.document == document.name:
            codes_of.setdefault(coding.fragment, set()).add(coding.code)
    used = set().union(*codes_of.values()) if codes_of else set()
    theme_codes = [code for code in theme_codes if _carries(used, code.path)]  # themes of this question only
    core_document = next(d for d in data.documents if d.name == document.name)
    per_team = np.zeros((index.n_teams, 1 + len(theme_codes)), dtype=np.int64)
    for fragment in core_document.fragments:
        team = data.attributes.get((document.name, fragment.position), {}).get("team")
        if team not in team_position:
            continue
        codes = codes_of.get(fragment.position, set())
        per_team[team_position[team], 0] += 1
        for column, code in enumerate(theme_codes, start=1):
            per_team[team_position[team], column] += _carries(codes, code.path)
    n = index.roll_up(per_team)
    reasons = disclosure_reasons(n, scope_n, index, min_cell_size)
    respondents, respondents_hidden = _published(n, reasons, index, 0)
    themes = {}
    for column, code in enumerate(theme_codes, start=1):
        counts, hidden = _published(n, reasons, index, column)
        themes[code.path] = {"label": code.name, "counts": counts, "suppressed": hidden}
    return {"label": document.label, "respondents": respondents, "respondents_suppressed": respondents_hidden,
            "themes": themes}


def _quotes(data: ProjectData, index: ScopeIndex, scope_n: np.ndarray, quote_min: int) -> dict[str, list[dict]]:
    scope_size = dict(zip(index.ids, scope_n.tolist(), strict=True))
    team_of = {team.slug: team for team in index.organisation.teams}
    gemeente_label = {gemeente.slug: gemeente.label for gemeente in index.organisation.gemeenten}
    rows = db.session.execute(
        select(CodingDocument.name, Fragment.position, Fragment.text, Code.path)
        .select_from(Coding)
        .join(Fragment, Fragment.id == Coding.fragment_id)
        .join(CodingDocument, CodingDocument.id == Fragment.document_id)
        .join(Code, Code.id == Coding.code_id)
        .where(CodingDocument.project_id == data.project.id, Coding.quotable.is_(True))
        .order_by(CodingDocument.name, Code.position, Fragment.position)
    ).all()
    quotes: dict[str, list[dict]] = {}
    seen = set()
    for document, position, text, path in rows:
        attributes = data.attributes.get((document, position))
        if attributes is None or (document, position, path) in seen:  # withdrawn, or approved by two coders
            continue
        seen.add((document, position, path))
        team = team_of.get(attributes.get("team"))
        if team is None:
            continue
        if scope_size.get(f"team:{team.slug}", 0) >= quote_min:
            quote = {"scope": f"team:{team.slug}", "scope_label": team.label, "team": team.slug,
                     "team_label": team.label}
        elif scope_size.get(f"gemeente:{team.gemeente}", 0) >= quote_min:
            quote = {"scope": f"gemeente:{team.gemeente}", "scope_label": f"gemeente {gemeente_label[team.gemeente]}",
                     "team": None, "team_label": None}
        else:
            continue
        quotes.setdefault(document, []).append({"code": path, "gemeente": team.gemeente, "text": text, **quote})
    return quotes


def open_answer_themes(wave: Wave, instruments: InstrumentSet | None = None) -> dict:
    """Per text question, per theme code, per scope the respondents with that theme (disclosure-controlled),
    plus approved quotes attributed to the team, or else its gemeente, when that scope is large enough; empty
    `questions` without a project.

    Shape: {"wave", "project", "min_cell_size", "quote_min_cell_size", "questions": {variable: {"label",
    "respondents": {scope: n or None}, "respondents_suppressed": {scope: reason}, "themes": {code path:
    {"label", "counts": {scope: n or None}, "suppressed": {scope: reason}}}, "quotes": [{"code", "scope",
    "scope_label", "gemeente", "team" (None for a gemeente quote), "team_label", "text"}]}}}. Scopes are
    `total`, `gemeente:<slug>` and `team:<slug>`.
    """
    quote_min = int(current_app.config.get("QUOTE_MIN_CELL_SIZE", 10))
    result = {"wave": wave.name, "project": None, "min_cell_size": wave.min_cell_size,
              "quote_min_cell_size": quote_min, "questions": {}}
    project = latest_open_answers_project(wave)
    if project is None:
        return result
    result["project"] = project.name
    frame = load_answers_frame(wave, instruments or wave_instruments(wave))
    index = ScopeIndex(wave_organisation(wave), frame["team"])
    scope_n = index.respondents()
    data = project_data(project)
    theme_codes = list(db.session.scalars(
        select(Code).where(Code.project_id == project.id, Code.status != CodeStatus.RETIRED).order_by(Code.position)
    ))
    quotes = _quotes(data, index, scope_n, quote_min)
    for document in project.documents:
        question = _question_themes(data, document, theme_codes, index, scope_n, wave.min_cell_size)
        question["quotes"] = quotes.get(document.name, [])
        result["questions"][document.name] = question
    return result
