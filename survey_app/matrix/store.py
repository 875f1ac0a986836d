"""The one bridge from the matrix tables to the pure core: a project read into cases, tree, scale and scores."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.matrix.core.agreement import Agreement as AgreementFigures
from survey_app.matrix.core.agreement import AspectAgreement, compare
from survey_app.matrix.core.aspects import Aspect, AspectTree
from survey_app.matrix.core.counts import AspectCount, Grid, count_aspects, grid
from survey_app.matrix.core.records import Case, Score
from survey_app.matrix.core.scale import Scale, scale_from_dict
from survey_app.matrix.models import MatrixAspect, MatrixCase, MatrixProject, MatrixScore


@dataclass(frozen=True)
class Loaded:
    """A project in the core's shapes, with the first scorer's matrix and its counts."""

    project: MatrixProject
    scale: Scale
    tree: AspectTree
    cases: list[Case]
    scores: list[Score]
    matrix: Grid
    counts: list[AspectCount]

    def agreement(self) -> tuple[list[AspectAgreement], AgreementFigures] | None:
        """Agreement of the two scorers, or None when the project has one scorer."""
        if not self.project.scorer_b:
            return None
        second = grid(self.tree, self.cases, self.scores, self.project.scorer_b)
        return compare(self.matrix, second, self.scale)


def find_project(name: str) -> MatrixProject | None:
    """The project with this name, or None."""
    return db.session.scalar(select(MatrixProject).where(MatrixProject.name == name))


def aspect_tree(project: MatrixProject) -> AspectTree:
    """The project's aspect tree in stored order."""
    return AspectTree(tuple(_aspect(row) for row in project.aspects))


def _aspect(row: MatrixAspect) -> Aspect:
    return Aspect(row.name, row.parent.name if row.parent else None, row.description)


def path_of(row: MatrixAspect) -> str:
    """The path of a stored aspect, as the core names it."""
    return _aspect(row).path


def load(project: MatrixProject) -> Loaded:
    """Read everything the outputs need in three queries."""
    scale = scale_from_dict(project.scale)
    tree = aspect_tree(project)
    cases = [Case(row.label, dict(row.attributes or {})) for row in project.cases]
    paths = {row.id: path_of(row) for row in project.aspects}
    rows = db.session.execute(
        select(MatrixScore, MatrixCase.label).join(MatrixCase, MatrixScore.case_id == MatrixCase.id)
        .where(MatrixCase.project_id == project.id)).all()
    scores = [Score(label, paths[row.aspect_id], row.scorer, row.level, row.note) for row, label in rows]
    matrix = grid(tree, cases, scores, project.scorer_a)
    return Loaded(project, scale, tree, cases, scores, matrix, count_aspects(matrix, scale))
