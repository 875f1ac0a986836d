"""Comparison of two waves per variable with the Mann-Whitney U test, as in Tabel 7 and 9 of the report.

Wave A is the current wave, wave B the older one. Every variable is tested two-sided with the normal
approximation (tie-corrected, continuity correction); the effect size is r = |Z| / sqrt(N) and the p-values
of the whole family of tests are also Holm-adjusted. Variables on a changed answer scale are only compared
with a harmonisation factor, which is applied to wave B first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import mannwhitneyu

from survey_app.analysis.harmonise import HarmonisationFactor

HIGHER = "+"
LOWER = "−"
EQUAL = "="

NOT_IN_BOTH = "not_in_both"
N_BELOW_MIN = "n_below_min"
CHANGED_SCALE = "changed_scale_without_factor"


@dataclass(frozen=True)
class MannWhitney:
    """One Mann-Whitney U test: U of sample a, two-sided p, Z of the normal approximation, direction."""

    u: float
    p: float
    z: float
    direction: str
    n_a: int
    n_b: int

    @property
    def r(self) -> float:
        """Effect size r = |Z| / sqrt(N)."""
        return abs(self.z) / np.sqrt(self.n_a + self.n_b)


def mann_whitney(a: np.ndarray, b: np.ndarray) -> MannWhitney:
    """Two-sided Mann-Whitney U test of a against b (asymptotic, tie-corrected, with continuity correction).

    U and p come from scipy; Z is the same normal approximation (|U - mu| - 0.5) / sigma, signed by the
    direction. When all values are tied there is no difference to test: p = 1 and Z = 0.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    n_a, n_b = len(a), len(b)
    n = n_a + n_b
    mu = n_a * n_b / 2
    counts = np.unique(np.concatenate([a, b]), return_counts=True)[1].astype(np.int64)
    if len(counts) < 2:
        return MannWhitney(mu, 1.0, 0.0, EQUAL, n_a, n_b)
    ties = int((counts**3 - counts).sum())
    sigma = np.sqrt(n_a * n_b / 12 * ((n + 1) - ties / (n * (n - 1))))
    result = mannwhitneyu(a, b, alternative="two-sided", method="asymptotic", use_continuity=True)
    u = float(result.statistic)
    direction = HIGHER if u > mu else LOWER if u < mu else EQUAL
    z = max(abs(u - mu) - 0.5, 0.0) / sigma
    return MannWhitney(u, float(result.pvalue), z if u >= mu else -z, direction, n_a, n_b)


def holm(p_values: Sequence[float]) -> np.ndarray:
    """Holm step-down adjusted p-values (same result as statsmodels' multipletests(method='holm'))."""
    p = np.asarray(p_values, dtype=np.float64)
    m = len(p)
    if m == 0:
        return p
    order = np.argsort(p, kind="stable")
    stepped = np.maximum.accumulate((m - np.arange(m)) * p[order])
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(stepped, 1.0)
    return adjusted


def compare_waves(current: pd.DataFrame, previous: pd.DataFrame, variables: Sequence[tuple[str, str]],
                  min_cell_size: int = 5, alpha: float = 0.05,
                  harmonisation: Mapping[str, HarmonisationFactor] | None = None,
                  changed_scale: frozenset[str] | set[str] = frozenset()) -> dict:
    """Mann-Whitney tests of every (name, kind) variable between the current wave A and an older wave B.

    `current` and `previous` hold one numeric column per variable (items and construct scores), one row
    per respondent. Returns {tests: [...], skipped: [{variable, kind, reason}]} with Holm-adjusted p-values
    over all tests that were run.
    """
    harmonisation = dict(harmonisation or {})
    tests, skipped = [], []
    for name, kind in variables:
        if name not in current.columns or name not in previous.columns:
            skipped.append({"variable": name, "kind": kind, "reason": NOT_IN_BOTH})
            continue
        factor = harmonisation.get(name)
        if name in changed_scale and factor is None:
            skipped.append({"variable": name, "kind": kind, "reason": CHANGED_SCALE})
            continue
        a = pd.to_numeric(current[name], errors="coerce").dropna().to_numpy(dtype=np.float64)
        b = pd.to_numeric(previous[name], errors="coerce").dropna().to_numpy(dtype=np.float64)
        if len(a) < min_cell_size or len(b) < min_cell_size:
            skipped.append({"variable": name, "kind": kind, "reason": N_BELOW_MIN})
            continue
        if factor is not None:
            b = b * factor.factor
        result = mann_whitney(a, b)
        test = {"variable": name, "kind": kind, "n_a": result.n_a, "n_b": result.n_b, "u": result.u,
                "p": result.p, "r": result.r, "direction": result.direction}
        if factor is not None:
            test.update(factor=factor.factor, factor_rounded=factor.rounded, basis=factor.basis)
        tests.append(test)
    adjusted = holm([t["p"] for t in tests])
    for test, p_holm in zip(tests, adjusted, strict=True):
        test["p_holm"] = float(p_holm)
        test["significant"] = bool(test["p"] < alpha)
        test["significant_holm"] = bool(p_holm < alpha)
    return {"tests": tests, "skipped": skipped}
