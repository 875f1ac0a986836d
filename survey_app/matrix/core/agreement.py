"""Agreement of two scorers: Krippendorff's alpha, ordinal (rood < oranje < groen), per aspect and overall.

Only cells both scorers filled in with a level that applies are compared: a "niet van toepassing" (grijs) or an
empty cell is a missing value, not a disagreement on the colour scale. Cells where one scorer says grijs and the
other gives a colour are counted apart, so that disagreement about whether an aspect applies stays visible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import krippendorff
import numpy as np

from survey_app.matrix.core.aspects import Aspect
from survey_app.matrix.core.counts import Grid
from survey_app.matrix.core.scale import Scale

ONE_VALUE = "er komt maar één waarde voor; alpha is dan niet gedefinieerd"
NO_PAIRS = "geen cellen die beide beoordelaars met een kleur scoorden"


@dataclass(frozen=True)
class Agreement:
    """Agreement over a set of cells; `alpha` is None with a `note` saying why."""

    pairs: int  #: cells both scorers gave an applicable level
    exact: int  #: of those, cells with the same level
    applicability_differs: int  #: cells where one said "niet van toepassing" and the other gave a colour
    alpha: float | None
    note: str | None = None

    @property
    def percent(self) -> float | None:
        """Exact agreement in percent of the pairs."""
        return 100 * self.exact / self.pairs if self.pairs else None


@dataclass(frozen=True)
class AspectAgreement:
    """The agreement on one aspect."""

    aspect: Aspect
    agreement: Agreement


def ordinal_alpha(first: list[float], second: list[float], domain: list[int]) -> float | None:
    """Krippendorff's ordinal alpha for two scorers (NaN = missing); None when undefined."""
    present = {value for value in first + second if not math.isnan(value)}
    if len(present) < 2:
        return None
    data = np.array([first, second], dtype=float)
    try:
        value = krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal",
                                   value_domain=[float(v) for v in domain])
    except ValueError:
        return None
    return None if math.isnan(value) else float(value)


def _agreement(pairs: list[tuple[str | None, str | None]], scale: Scale) -> Agreement:
    first, second, exact, both, differs = [], [], 0, 0, 0
    for a, b in pairs:
        rank_a = scale.rank(a) if a else None
        rank_b = scale.rank(b) if b else None
        if a and b and (rank_a is None) != (rank_b is None):
            differs += 1
        if rank_a is not None and rank_b is not None:
            both += 1
            exact += a == b
            first.append(float(rank_a))
            second.append(float(rank_b))
    domain = sorted(rank for level in scale.applicable() if (rank := scale.rank(level.key)) is not None)
    if not both:
        return Agreement(0, 0, differs, None, NO_PAIRS)
    alpha = ordinal_alpha(first, second, domain)
    return Agreement(both, exact, differs, alpha, None if alpha is not None else ONE_VALUE)


def compare(grid_a: Grid, grid_b: Grid, scale: Scale) -> tuple[list[AspectAgreement], Agreement]:
    """Per aspect and overall (all cells pooled) agreement of two scorers' matrices over the same cases."""
    per_aspect = []
    pooled: list[tuple[str | None, str | None]] = []
    for aspect in grid_a.aspects:
        pairs = [(grid_a.level(aspect, case), grid_b.level(aspect, case)) for case in grid_a.cases]
        pooled.extend(pairs)
        per_aspect.append(AspectAgreement(aspect, _agreement(pairs, scale)))
    return per_aspect, _agreement(pooled, scale)
