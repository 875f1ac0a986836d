"""Scale harmonisation between waves that asked the same items on different answer scales.

The 2017 report's Bakens items used a nooit-altijd scale in 2015/2016 and an agreement scale in 2017. A
calibration set of respondents who answered both gave means 4,16 (new) and 3,72 (old), so the old scores are
multiplied by 4,16 / 3,72 = 1,12 before testing (004:3549-3596).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from survey_app.analysis.formatting import format_number


@dataclass(frozen=True)
class HarmonisationFactor:
    """A factor applied to the older wave's scores, with where it comes from and on how many respondents."""

    factor: float
    basis: str
    n: int

    @property
    def rounded(self) -> float:
        """The factor to two decimals, as reports quote it (1,12)."""
        return round(self.factor, 2)


def calibration_factor(new_scores, old_scores, basis: str = "kalibratie") -> HarmonisationFactor:
    """mean(new) / mean(old) over a calibration set where the same respondents answered both scales.

    Scores are array-likes of equal shape (one row per respondent, optionally one column per item); only
    positions answered on both scales count. Full precision is kept; `rounded` gives the quoted factor.
    """
    new = np.asarray(new_scores, dtype=np.float64)
    old = np.asarray(old_scores, dtype=np.float64)
    if new.shape != old.shape:
        raise ValueError("De kalibratiescores op de nieuwe en de oude schaal moeten even groot zijn.")
    both = ~np.isnan(new) & ~np.isnan(old)
    respondents = both if both.ndim == 1 else both.reshape(both.shape[0], -1).any(axis=1)
    n = int(respondents.sum())
    if n == 0:
        raise ValueError("De kalibratieset bevat geen respondenten die beide schalen beantwoordden.")
    mean_new = new[both].mean()
    mean_old = old[both].mean()
    if mean_old == 0:
        raise ValueError("Het gemiddelde op de oude schaal is 0; er is geen factor te berekenen.")
    description = (f"{basis}: gemiddelde {format_number(mean_new, 2)} / {format_number(mean_old, 2)}, "
                   f"n={n}")
    return HarmonisationFactor(float(mean_new / mean_old), description, n)


def apply_factor(frame: pd.DataFrame, variables: Iterable[str], factor: float | HarmonisationFactor) -> pd.DataFrame:
    """A copy of the (older wave's) frame with the given columns multiplied by the factor."""
    value = factor.factor if isinstance(factor, HarmonisationFactor) else float(factor)
    out = frame.copy()
    for name in variables:
        if name in out.columns:
            out[name] = pd.to_numeric(out[name], errors="coerce").astype(np.float64) * value
    return out
