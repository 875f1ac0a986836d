"""The cases and scores files of a matrix: `cases.csv` (label plus free attributes) and `scores.csv`.

`scores.csv` holds one row per cell: ``case,aspect,score[,scorer][,note]``. `aspect` is a path or a name that
is unique in the tree; `score` is a level key of the scale (or its label); an empty score with a note keeps the
note on a cell nobody scored yet. Without a scorer column every score belongs to the first scorer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from survey_app.matrix.core.aspects import AspectTree
from survey_app.matrix.core.errors import ErrorCode, MatrixFileError, Problem, problem
from survey_app.matrix.core.scale import Scale
from survey_app.matrix.core.tables import read_csv_rows

LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
FIRST_SCORER = "A"
MAX_SCORERS = 2


@dataclass(frozen=True)
class Case:
    """A pseudonymised case (``C01``) with free attributes such as toegang or situatie."""

    label: str
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Score:
    """One cell of one scorer: the level key (None: a note without a score yet) and a note."""

    case: str
    aspect: str  #: the aspect's path
    scorer: str
    level: str | None
    note: str = ""


def load_cases(text: str, source: str = "cases.csv") -> list[Case]:
    """Parse cases.csv: a `case` (or `label`) column and any other columns as attributes."""
    rows = read_csv_rows(text, source, ())
    if rows and "case" not in rows[0][1] and "label" not in rows[0][1]:
        raise MatrixFileError([problem(source, 1, ErrorCode.FILE_004, detail="case")])
    problems: list[Problem] = []
    cases: list[Case] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        label = row.pop("case", "") or row.pop("label", "")
        row.pop("label", None)
        if not label:
            problems.append(problem(source, line, ErrorCode.CASE_001))
        elif not LABEL.match(label):
            problems.append(problem(source, line, ErrorCode.CASE_003, label=label))
        elif label in seen:
            problems.append(problem(source, line, ErrorCode.CASE_002, label=label, other=seen[label]))
        else:
            seen[label] = line
            cases.append(Case(label, {name: value for name, value in row.items() if value}))
    if not problems and not cases:
        problems.append(problem(source, 1, ErrorCode.FILE_005))
    if problems:
        raise MatrixFileError(problems)
    return cases


def load_scores(text: str, cases: list[Case], tree: AspectTree, scale: Scale,
                source: str = "scores.csv", scorers: tuple[str, ...] = ()) -> tuple[list[Score], tuple[str, ...]]:
    """Parse scores.csv against the cases, the tree and the scale; returns the scores and the scorers in order.

    `scorers` are the ones a project already has; a new one is added while there are fewer than two.
    """
    rows = read_csv_rows(text, source, ("case", "aspect", "score"))
    labels = {case.label for case in cases}
    by_key = {level.key: level.key for level in scale.levels}
    by_key.update({level.label.lower(): level.key for level in scale.levels})
    known_scorers = list(scorers)
    problems: list[Problem] = []
    scores: list[Score] = []
    seen: dict[tuple[str, str, str], int] = {}
    leaves = {aspect.path for aspect in tree.leaves()}
    for line, row in rows:
        found = len(problems)
        label, value = row["case"], row["score"].lower()
        scorer = row.get("scorer") or (known_scorers[0] if known_scorers else FIRST_SCORER)
        if label not in labels:
            problems.append(problem(source, line, ErrorCode.SCORE_001, label=label))
        matches = tree.resolve(row["aspect"])
        if not matches:
            problems.append(problem(source, line, ErrorCode.SCORE_002, name=row["aspect"]))
        elif len(matches) > 1:
            problems.append(problem(source, line, ErrorCode.SCORE_006, name=row["aspect"]))
        elif matches[0].path not in leaves:
            problems.append(problem(source, line, ErrorCode.SCORE_005, name=matches[0].path))
        if value and value not in by_key:
            problems.append(problem(source, line, ErrorCode.SCORE_003, value=row["score"],
                                    known=", ".join(scale.keys())))
        if scorer not in known_scorers:
            if len(known_scorers) >= MAX_SCORERS:
                problems.append(problem(source, line, ErrorCode.SCORE_007, scorer=scorer,
                                        known=", ".join(known_scorers)))
            else:
                known_scorers.append(scorer)
        if len(problems) > found:
            continue
        key = (label, matches[0].path, scorer)
        if key in seen:
            problems.append(problem(source, line, ErrorCode.SCORE_004, label=label, name=matches[0].path,
                                    scorer=scorer, other=seen[key]))
            continue
        seen[key] = line
        scores.append(Score(label, matches[0].path, scorer, by_key[value] if value else None, row.get("note", "")))
    if problems:
        raise MatrixFileError(problems)
    return scores, tuple(known_scorers)
