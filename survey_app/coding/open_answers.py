"""A coding project from the open answers of a wave: one document per text question, one fragment per answer.

Text questions are the variables of kind "text" of the wave's instruments: text and textarea items and the
"anders, namelijk" texts (`<item>_other`). A fragment keeps the respondent's gemeente and team, never the
response id, and the answers of a question are ordered by gemeente, team and text (not by response), so
answers to different questions cannot be linked to one respondent through their order.
"""

from __future__ import annotations

import re

import pandas as pd
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.instruments.model import InstrumentSet
from survey_app.models import CodingDocument, CodingProject, Fragment, ProjectKind, Wave
from survey_app.services.answers_frame import load_answers_frame
from survey_app.services.errors import fail


def text_variables(instruments: InstrumentSet) -> list:
    """The wave's variables holding free text, in questionnaire order."""
    return [variable for variable in instruments.variables() if variable.kind == "text"]


def _free_name(base: str) -> str:
    base = re.sub(r"[^a-z0-9-]+", "-", base.lower()).strip("-")[:56] or "open-antwoorden"
    taken = set(db.session.scalars(select(CodingProject.name).where(CodingProject.name.like(f"{base}%"))))
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name


def _answers(frame: pd.DataFrame, variable: str) -> list[tuple[str, str, str]]:
    """(gemeente, team, text) of every non-empty answer, sorted so the response order is not kept."""
    if variable not in frame.columns:
        return []
    rows = [
        (str(gemeente), str(team), str(text).strip())
        for gemeente, team, text in zip(frame["gemeente"], frame["team"], frame[variable], strict=True)
        if isinstance(text, str) and text.strip()
    ]
    return sorted(rows)


def create_open_answers_project(wave: Wave, instruments: InstrumentSet, name: str | None = None) -> CodingProject:
    """Turn the wave's open answers into a new project of kind open_answers (InputError when there are none)."""
    frame = load_answers_frame(wave, instruments)
    questions = [(variable, _answers(frame, variable.name)) for variable in text_variables(instruments)]
    questions = [(variable, answers) for variable, answers in questions if answers]
    if not questions:
        raise fail("golf", f"golf '{wave.name}' heeft (nog) geen open antwoorden")
    if name is None:
        name = _free_name(f"open-{wave.name}")
    elif db.session.scalar(select(CodingProject.id).where(CodingProject.name == name)) is not None:
        raise fail("PROJECT", f"codeerproject '{name}' bestaat al")
    project = CodingProject(name=name, title=f"Open antwoorden {wave.label or wave.name}",
                            kind=ProjectKind.OPEN_ANSWERS, wave_id=wave.id)
    db.session.add(project)
    for variable, answers in questions:
        document = CodingDocument(project=project, name=variable.name, label=variable.label)
        for position, (gemeente, team, text) in enumerate(answers, start=1):
            document.fragments.append(
                Fragment(position=position, speaker=None, text=text, attributes={"gemeente": gemeente, "team": team})
            )
        db.session.add(document)
    db.session.flush()
    return project


def latest_open_answers_project(wave: Wave) -> CodingProject | None:
    """The most recently created open-answers project of a wave, the one reports use."""
    return db.session.scalar(
        select(CodingProject)
        .where(CodingProject.wave_id == wave.id, CodingProject.kind == ProjectKind.OPEN_ANSWERS)
        .order_by(CodingProject.id.desc())
        .limit(1)
    )
