"""Writes of the case matrices: import a project from its files, save one case's scores. Each flushes and
audits; the caller (a view or a command) commits once or rolls back, so an import is all or nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from survey_app.extensions import db
from survey_app.limits import MAX_CSV_BYTES, MAX_YAML_BYTES, LimitExceeded, read_bounded
from survey_app.matrix.core import aspects as aspect_files
from survey_app.matrix.core.errors import ErrorCode, MatrixFileError, Problem
from survey_app.matrix.core.records import FIRST_SCORER, load_cases, load_scores
from survey_app.matrix.core.scale import DEFAULT_SCALE, load_scale
from survey_app.matrix.core.tables import decode
from survey_app.matrix.models import MatrixAspect, MatrixCase, MatrixProject, MatrixScore
from survey_app.matrix.store import find_project
from survey_app.models import User
from survey_app.services.audit import Action, record
from survey_app.services.errors import InputError, InputProblem, fail

NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
ASPECT_FILES = ("aspects.yaml", "aspects.yml", "aspects.csv")


@dataclass(frozen=True)
class Upload:
    """One file handed in: its name (for messages and the format) and its bytes."""

    name: str
    data: bytes


def as_input_error(error: MatrixFileError) -> InputError:
    """The problems of the files as the InputError every command and view knows how to show."""
    return InputError([InputProblem(p.source, p.message, p.line) for p in error.problems])


def read_directory(directory: str | Path) -> dict[str, Upload]:
    """The files of an import directory by role: aspects, cases, and the optional scale and scores."""
    folder = Path(directory)
    if not folder.is_dir():
        raise fail(str(directory), f"{ErrorCode.FILE_001.code} map bestaat niet")
    files: dict[str, Upload] = {}
    for role, names in (("aspects", ASPECT_FILES), ("cases", ("cases.csv",)), ("scale", ("scale.yaml",)),
                        ("scores", ("scores.csv",))):
        found = [folder / name for name in names if (folder / name).is_file()]
        if found:
            limit = MAX_YAML_BYTES if found[0].suffix in (".yaml", ".yml") else MAX_CSV_BYTES
            try:
                files[role] = Upload(found[0].name, read_bounded(found[0], limit))
            except LimitExceeded as exc:
                raise fail(found[0].name, str(exc)) from None
    missing = [f"{folder.name}/{' of '.join(names)}" for role, names in
               (("aspects", ASPECT_FILES), ("cases", ("cases.csv",))) if role not in files]
    if missing:
        raise InputError([InputProblem(name, f"{ErrorCode.FILE_001.code} bestand ontbreekt") for name in missing])
    return files


def _parse(files: dict[str, Upload]):
    """Every file through the core; problems of independent files are reported together."""
    aspects = files["aspects"]
    aspect_loader = aspect_files.load_csv if aspects.name.lower().endswith(".csv") else aspect_files.load_yaml
    parsers = {"aspects": aspect_loader, "cases": load_cases, "scale": load_scale}
    problems: list[Problem] = []
    parsed: dict[str, object] = {"scale": DEFAULT_SCALE}
    for role, parse in parsers.items():
        if role in files:
            upload = files[role]
            try:
                parsed[role] = parse(decode(upload.data, upload.name), upload.name)
            except MatrixFileError as error:
                problems.extend(error.problems)
    if problems:
        raise MatrixFileError(problems)
    tree, cases, scale = parsed["aspects"], parsed["cases"], parsed["scale"]
    scores, scorers = [], (FIRST_SCORER,)
    if "scores" in files:
        upload = files["scores"]
        scores, found = load_scores(decode(upload.data, upload.name), cases, tree, scale, upload.name)
        scorers = found or scorers
    return tree, cases, scale, scores, scorers


def import_project(name: str, files: dict[str, Upload], user: User | None = None, title: str = "") -> MatrixProject:
    """Create a project from its files, all or nothing; InputError lists every problem as file:line: CODE."""
    if not NAME.match(name):
        raise fail(name, "projectnaam: gebruik kleine letters, cijfers en '-' (maximaal 64 tekens)")
    if find_project(name) is not None:
        raise fail(name, f"er bestaat al een matrix met de naam '{name}'")
    try:
        tree, cases, scale, scores, scorers = _parse(files)
    except MatrixFileError as error:
        raise as_input_error(error) from None
    project = MatrixProject(name=name, title=title.strip() or name, scale=scale.to_dict(), scorer_a=scorers[0],
                            scorer_b=scorers[1] if len(scorers) > 1 else None)
    db.session.add(project)
    rows: dict[str, MatrixAspect] = {}
    for position, aspect in enumerate(tree.aspects):
        rows[aspect.path] = MatrixAspect(project=project, name=aspect.name, description=aspect.description,
                                         parent=rows.get(aspect.parent) if aspect.parent else None, position=position)
    case_rows = {case.label: MatrixCase(project=project, label=case.label, attributes=case.attributes, position=i)
                 for i, case in enumerate(cases)}
    for score in scores:
        db.session.add(MatrixScore(case=case_rows[score.case], aspect=rows[score.aspect], scorer=score.scorer,
                                   level=score.level, note=score.note))
    db.session.flush()
    record(Action.MATRIX_IMPORTED, f"matrix {name}: {len(cases)} casussen, {len(tree.leaves())} aspecten, "
                                   f"{len(scores)} scores", user)
    return project


@dataclass(frozen=True)
class CellInput:
    """What the scoring form posted for one aspect: a level key or "" (not scored), and a note."""

    aspect: MatrixAspect
    level: str
    note: str


def save_case(project: MatrixProject, case: MatrixCase, scorer: str, cells: list[CellInput], user: User) -> int:
    """Store one scorer's cells of a case; returns how many changed. Unknown levels are refused as a whole."""
    keys = [level["key"] for level in project.scale["levels"]]
    bad = [cell for cell in cells if cell.level and cell.level not in keys]
    if bad:
        raise fail("formulier", f"onbekende score '{bad[0].level}' bij '{bad[0].aspect.name}'")
    existing = {row.aspect_id: row for row in case.scores if row.scorer == scorer}
    changes = []
    for cell in cells:
        row = existing.get(cell.aspect.id)
        level, note = cell.level or None, cell.note.strip()
        old = (row.level, row.note) if row else (None, "")
        if old == (level, note):
            continue
        if row is None:
            row = MatrixScore(case=case, aspect=cell.aspect, scorer=scorer)
            db.session.add(row)
        row.level, row.note = level, note
        changes.append(f"{cell.aspect.name}: {old[0] or 'niet gescoord'} → {level or 'niet gescoord'}"
                       + (" (notitie)" if old[1] != note else ""))
    if changes:
        db.session.flush()
        record(Action.MATRIX_SCORED, f"matrix {project.name}, casus {case.label}, beoordelaar {scorer}: "
                                     + "; ".join(changes), user)
    return len(changes)
