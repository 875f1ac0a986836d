"""Per aspect "x van de N" per colour, as the Rekenkamer reports it ("9 van de 14 tijdig bezocht, bij 1 casus
niet van toepassing").

N counts only the cases where the aspect applies: a case scored with a level that does not apply (grijs) is left
out of N and counted apart, and so is a case nobody scored yet ("niet gescoord"), so a half-filled matrix never
passes for a finished one.
"""

from __future__ import annotations

from dataclasses import dataclass

from survey_app.matrix.core.aspects import Aspect, AspectTree
from survey_app.matrix.core.records import Case, Score
from survey_app.matrix.core.scale import Scale


@dataclass(frozen=True)
class AspectCount:
    """The counts of one aspect: per applicable level, N, not applicable and not scored."""

    aspect: Aspect
    per_level: dict[str, int]  #: level key → number of cases, applicable levels only
    applicable: int  #: N
    not_applicable: int
    not_scored: int

    def statement(self, key: str) -> str:
        """Dutch "x van de N" for one level, e.g. '8 van de 15'."""
        return f"{self.per_level[key]} van de {self.applicable}"


@dataclass(frozen=True)
class Grid:
    """The matrix of one scorer: for every leaf aspect and case the level key and note (None: not scored)."""

    cases: list[Case]
    aspects: list[Aspect]
    cells: dict[tuple[str, str], Score]  #: (aspect path, case label) → score

    def level(self, aspect: Aspect, case: Case) -> str | None:
        """The level key of a cell, or None when nobody scored it."""
        score = self.cells.get((aspect.path, case.label))
        return score.level if score else None


def grid(tree: AspectTree, cases: list[Case], scores: list[Score], scorer: str) -> Grid:
    """The matrix as one scorer filled it in."""
    cells = {(s.aspect, s.case): s for s in scores if s.scorer == scorer}
    return Grid(list(cases), tree.leaves(), cells)


def count_aspects(matrix: Grid, scale: Scale) -> list[AspectCount]:
    """The counts of every leaf aspect in tree order."""
    applicable = [level.key for level in scale.applicable()]
    out = []
    for aspect in matrix.aspects:
        levels = [matrix.level(aspect, case) for case in matrix.cases]
        per_level = {key: levels.count(key) for key in applicable}
        scored = sum(level is not None for level in levels)
        n = sum(per_level.values())
        out.append(AspectCount(aspect, per_level, n, scored - n, len(levels) - scored))
    return out
