"""The test of a nominal variable between two waves: Pearson's chi-square on the waves × categories table, or
Fisher's exact test where a 2×2 table has an expected count below 5, with Cramér's V as effect size.

As SPSS's CROSSTABS prints them: the chi-square without Yates' continuity correction ("Pearson Chi-Square"),
Fisher's exact two-sided p for every 2×2 table ("Exact Sig. (2-sided)"), and Cramér's V from the uncorrected
chi-square. A Mann-Whitney test on codes without an order would compare arbitrary numbers; these tests only
ask whether the distribution over the categories differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.stats import chi2_contingency, fisher_exact
from scipy.stats.contingency import association

CHI_SQUARE = "chi_square"
FISHER = "fisher_exact"
SMALL_EXPECTED = 5.0


@dataclass(frozen=True)
class NominalTest:
    """The outcome for one nominal variable: which test gave p, chi-square, df, Cramér's V and the counts."""

    test: str
    p: float
    chi2: float
    df: int
    cramers_v: float
    n_a: int
    n_b: int
    p_exact: float | None = None  #: Fisher's exact p of a 2×2 table (SPSS prints it for every 2×2 table)
    expected_below_5: int = 0  #: cells with an expected count below 5, as SPSS's footnote counts them
    counts_a: dict[str, int] = field(default_factory=dict)
    counts_b: dict[str, int] = field(default_factory=dict)


def counts_by_code(values: np.ndarray, codes: Sequence[int]) -> np.ndarray:
    """How often each code occurs; values that are not codes of the scale do not count."""
    values = np.asarray(values, dtype=np.float64)
    return np.array([int(np.sum(values == code)) for code in codes], dtype=np.int64)


def nominal_test(a: np.ndarray, b: np.ndarray, codes: Sequence[int]) -> NominalTest:
    """Compare the category distribution of wave A with wave B (both arrays of codes, NaN-free)."""
    counts_a, counts_b = counts_by_code(a, codes), counts_by_code(b, codes)
    labels = [str(code) for code in codes]
    by_code = {"counts_a": dict(zip(labels, counts_a.tolist(), strict=True)),
               "counts_b": dict(zip(labels, counts_b.tolist(), strict=True))}
    n_a, n_b = int(counts_a.sum()), int(counts_b.sum())
    table = np.vstack([counts_a, counts_b])
    table = table[:, table.sum(axis=0) > 0]
    if table.shape[1] < 2:
        # one category only: both waves answered the same thing, there is no difference to test
        return NominalTest(CHI_SQUARE, 1.0, 0.0, 0, 0.0, n_a, n_b, 1.0 if table.shape[1] == 1 else None,
                           **by_code)
    chi2, p, df, expected = chi2_contingency(table, correction=False)
    small = int(np.sum(expected < SMALL_EXPECTED))
    v = float(association(table, method="cramer", correction=False))
    if table.shape == (2, 2):
        exact = float(fisher_exact(table, alternative="two-sided").pvalue)
        if small:
            return NominalTest(FISHER, exact, float(chi2), int(df), v, n_a, n_b, exact, small, **by_code)
        return NominalTest(CHI_SQUARE, float(p), float(chi2), int(df), v, n_a, n_b, exact, small, **by_code)
    return NominalTest(CHI_SQUARE, float(p), float(chi2), int(df), v, n_a, n_b, None, small, **by_code)
