"""The organisation an analysis reports on (gemeenten and their teams) and the scopes derived from it.

Scopes are the groups every statistic is computed for: `total`, `gemeente:<slug>` and `team:<slug>`.
They are kept in one fixed order (total, gemeenten, teams) so statistics can live in plain arrays with
one row per scope; `ScopeIndex` maps every respondent to their team and gemeente row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

TOTAL = "total"


@dataclass(frozen=True)
class Gemeente:
    """A gemeente (municipality): slug and Dutch label."""

    slug: str
    label: str


@dataclass(frozen=True)
class Team:
    """A team: slug, the slug of its gemeente and its Dutch label."""

    slug: str
    gemeente: str
    label: str


@dataclass(frozen=True)
class Organisation:
    """Gemeenten with their teams, plus the number of professionals invited per team in this wave.

    `headcounts` maps a team slug to its invited count; a team without an entry has an unknown count.
    """

    gemeenten: tuple[Gemeente, ...]
    teams: tuple[Team, ...]
    headcounts: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for kind, slugs in (("gemeente", [g.slug for g in self.gemeenten]), ("team", [t.slug for t in self.teams])):
            doubles = sorted({s for s in slugs if slugs.count(s) > 1})
            if doubles:
                raise ValueError(f"{kind.capitalize()} komt dubbel voor: {', '.join(doubles)}.")
        known = {g.slug for g in self.gemeenten}
        for team in self.teams:
            if team.gemeente not in known:
                raise ValueError(f"Team '{team.slug}' hoort bij onbekende gemeente '{team.gemeente}'.")
        for slug in self.headcounts:
            if slug not in {t.slug for t in self.teams}:
                raise ValueError(f"Aantal uitgenodigden voor onbekend team '{slug}'.")

    def teams_of(self, gemeente: str) -> tuple[Team, ...]:
        """The teams of one gemeente, in organisation order."""
        return tuple(t for t in self.teams if t.gemeente == gemeente)


@dataclass(frozen=True)
class AnalysisSettings:
    """Thresholds and choices of an analysis: the minimum cell size for disclosure control, the test level,
    whether nominal variables are tested between waves, and the Holm family ("report" or "module")."""

    min_cell_size: int = 5
    alpha: float = 0.05
    nominal_tests: bool = False
    holm_family: str = "report"


def scope_id(kind: str, slug: str | None = None) -> str:
    """The id of a scope: `total`, `gemeente:<slug>` or `team:<slug>`."""
    return TOTAL if kind == TOTAL else f"{kind}:{slug}"


class ScopeIndex:
    """Scopes in fixed order (total, gemeenten, teams) and the team/gemeente row of every respondent.

    Rows of every statistics array follow `ids`: row 0 is the total, rows 1..G the gemeenten and rows
    G+1..G+T the teams.
    """

    def __init__(self, organisation: Organisation, teams: pd.Series):
        self.organisation = organisation
        self.gemeente_slugs = [g.slug for g in organisation.gemeenten]
        self.team_slugs = [t.slug for t in organisation.teams]
        self.ids = (
            [TOTAL]
            + [scope_id("gemeente", s) for s in self.gemeente_slugs]
            + [scope_id("team", s) for s in self.team_slugs]
        )
        gemeente_pos = {s: i for i, s in enumerate(self.gemeente_slugs)}
        #: gemeente position (0..G-1) of every team
        self.team_gemeente = np.array([gemeente_pos[t.gemeente] for t in organisation.teams], dtype=np.intp)
        codes = pd.Index(self.team_slugs, dtype=object).get_indexer(pd.Series(teams, dtype=object))
        unknown = codes < 0
        if unknown.any():
            bad = sorted({str(v) for v in np.asarray(teams, dtype=object)[unknown]})
            raise ValueError(f"Antwoorden van onbekende teams: {', '.join(bad)}.")
        #: team position (0..T-1) of every respondent
        self.team = codes.astype(np.intp)
        #: gemeente position (0..G-1) of every respondent
        self.gemeente = self.team_gemeente[self.team] if len(self.team) else np.zeros(0, dtype=np.intp)

    @property
    def n_gemeenten(self) -> int:
        return len(self.gemeente_slugs)

    @property
    def n_teams(self) -> int:
        return len(self.team_slugs)

    @property
    def n_scopes(self) -> int:
        return len(self.ids)

    @property
    def gemeente_rows(self) -> slice:
        """Rows of the gemeenten in a statistics array."""
        return slice(1, 1 + self.n_gemeenten)

    @property
    def team_rows(self) -> slice:
        """Rows of the teams in a statistics array."""
        return slice(1 + self.n_gemeenten, self.n_scopes)

    def respondents(self) -> np.ndarray:
        """Number of respondents per scope (rows as in `ids`)."""
        per_team = np.bincount(self.team, minlength=self.n_teams)
        return self.roll_up(per_team)

    def roll_up(self, per_team: np.ndarray) -> np.ndarray:
        """Stack team-level counts (T x ...) into scope rows by summing teams into gemeenten and total."""
        per_team = np.asarray(per_team)
        per_gemeente = np.zeros((self.n_gemeenten,) + per_team.shape[1:], dtype=per_team.dtype)
        np.add.at(per_gemeente, self.team_gemeente, per_team)
        total = per_team.sum(axis=0, keepdims=True)
        return np.concatenate([total, per_gemeente, per_team], axis=0)

    def kind(self, row: int) -> str:
        """`total`, `gemeente` or `team` for a scope row."""
        if row == 0:
            return TOTAL
        return "gemeente" if row <= self.n_gemeenten else "team"

    def labels(self) -> list[str]:
        """Dutch labels of the scopes, in row order."""
        return (
            ["Totaal"]
            + [g.label for g in self.organisation.gemeenten]
            + [t.label for t in self.organisation.teams]
        )

    def parents(self) -> list[str | None]:
        """The id of each scope's parent scope (None for the total)."""
        return (
            [None]
            + [TOTAL] * self.n_gemeenten
            + [scope_id("gemeente", t.gemeente) for t in self.organisation.teams]
        )
