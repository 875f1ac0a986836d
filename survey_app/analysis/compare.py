"""Comparison of two waves per variable with the test its measurement level allows (Tabel 7 and 9 of the report).

Wave A is the current wave, wave B the older one. Ordinal and interval variables (and construct scores) are
tested with Mann-Whitney U, two-sided, as SPSS's NPAR TESTS prints it, so a researcher can reproduce every
p: "Asymp. Sig." is the normal approximation with the tie correction and *without* a continuity correction,
and for at most 40 cases together also "Exact Sig. [2*(1-tailed Sig.)]", the exact distribution of U not
corrected for ties. The effect size is r = |Z| / sqrt(N). Nominal variables are never in that table: when asked
for, they get chi-square or Fisher's exact test (`crosstab.py`). Holm's correction runs over an explicit
family: every test of the comparison (`report`) or the tests of each module (`module`). Variables on a changed
answer scale are only compared with a harmonisation factor, which is applied to wave B first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import mannwhitneyu

from survey_app.analysis.crosstab import nominal_test
from survey_app.analysis.harmonise import HarmonisationFactor

HIGHER = "+"
LOWER = "−"
EQUAL = "="

NOT_IN_BOTH = "not_in_both"
N_BELOW_MIN = "n_below_min"
CHANGED_SCALE = "changed_scale_without_factor"
NOMINAL_NOT_REQUESTED = "nominal_not_requested"

MANN_WHITNEY = "mann_whitney"
NOMINAL, ORDINAL, INTERVAL = "nominal", "ordinal", "interval"
REPORT_FAMILY, MODULE_FAMILY = "report", "module"
HOLM_FAMILIES = (REPORT_FAMILY, MODULE_FAMILY)
#: SPSS's NPAR TESTS computes the exact significance of Mann-Whitney U for 40 or fewer cases
EXACT_MAX_N = 40


@dataclass(frozen=True)
class Compared:
    """One variable to compare: name, "item" or "construct", measurement level, module, codes if nominal."""

    name: str
    kind: str
    level: str = ORDINAL
    module: str = ""
    codes: tuple[int, ...] = ()


@dataclass(frozen=True)
class MannWhitney:
    """One Mann-Whitney U test: U of sample a, asymptotic and exact two-sided p, signed Z, direction."""

    u: float
    p: float
    z: float
    direction: str
    n_a: int
    n_b: int
    p_exact: float | None = None

    @property
    def r(self) -> float:
        """Effect size r = |Z| / sqrt(N)."""
        return abs(self.z) / np.sqrt(self.n_a + self.n_b)


def mann_whitney(a: np.ndarray, b: np.ndarray) -> MannWhitney:
    """Two-sided Mann-Whitney U test of a against b as SPSS prints it (see the module docstring).

    U and the asymptotic p come from scipy (`method="asymptotic", use_continuity=False`); Z = (U - mu) / sigma
    with the tie-corrected sigma is the Z SPSS prints (negative when A ranks lower). When all values are tied
    there is no difference to test: p = 1 and Z = 0. The exact p is `method="exact"` for N <= 40, else None.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    n_a, n_b = len(a), len(b)
    n = n_a + n_b
    mu = n_a * n_b / 2
    exact = float(mannwhitneyu(a, b, alternative="two-sided", method="exact").pvalue) if n <= EXACT_MAX_N else None
    counts = np.unique(np.concatenate([a, b]), return_counts=True)[1].astype(np.int64)
    if len(counts) < 2:
        return MannWhitney(mu, 1.0, 0.0, EQUAL, n_a, n_b, exact)
    ties = int((counts**3 - counts).sum())
    sigma = np.sqrt(n_a * n_b / 12 * ((n + 1) - ties / (n * (n - 1))))
    result = mannwhitneyu(a, b, alternative="two-sided", method="asymptotic", use_continuity=False)
    u = float(result.statistic)
    direction = HIGHER if u > mu else LOWER if u < mu else EQUAL
    return MannWhitney(u, float(result.pvalue), (u - mu) / sigma, direction, n_a, n_b, exact)


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


def _median_mean(values: np.ndarray) -> dict:
    """Median and mean of one wave's valid values, printed beside an ordinal or interval test."""
    return {"median": float(np.median(values)), "mean": float(np.mean(values))}


def _percentages(counts: dict[str, int]) -> dict:
    """% per category of one wave's valid answers, printed beside a nominal test."""
    total = sum(counts.values())
    return {"percent": {code: 100.0 * count / total if total else 0.0 for code, count in counts.items()}}


def _ordered_test(variable: Compared, a: np.ndarray, b: np.ndarray) -> dict:
    """The Mann-Whitney entry of an ordinal or interval variable."""
    result = mann_whitney(a, b)
    return {"test": MANN_WHITNEY, "n_a": result.n_a, "n_b": result.n_b, "u": result.u, "z": result.z,
            "p": result.p, "p_exact": result.p_exact, "effect": "r", "r": result.r,
            "direction": result.direction, "a": _median_mean(a), "b": _median_mean(b)}


def _nominal_test(variable: Compared, a: np.ndarray, b: np.ndarray) -> dict:
    """The chi-square / Fisher entry of a nominal variable."""
    result = nominal_test(a, b, variable.codes)
    return {"test": result.test, "n_a": result.n_a, "n_b": result.n_b, "chi2": result.chi2, "df": result.df,
            "p": result.p, "p_exact": result.p_exact, "effect": "cramers_v", "cramers_v": result.cramers_v,
            "expected_below_5": result.expected_below_5, "direction": None,
            "a": _percentages(result.counts_a), "b": _percentages(result.counts_b)}


def _valid(frame: pd.DataFrame, variable: Compared) -> np.ndarray:
    """A wave's valid values of the variable: numbers, and for coded variables only codes of the scale."""
    values = pd.to_numeric(frame[variable.name], errors="coerce").dropna().to_numpy(dtype=np.float64)
    return values[np.isin(values, variable.codes)] if variable.codes else values


def _skip_reason(variable: Compared, current: pd.DataFrame, previous: pd.DataFrame, nominal_tests: bool,
                 factor: HarmonisationFactor | None, changed_scale) -> str | None:
    """Why the variable is not tested before looking at its n (None: it is tested when n allows)."""
    if variable.name not in current.columns or variable.name not in previous.columns:
        return NOT_IN_BOTH
    if variable.name in changed_scale and (factor is None or variable.level == NOMINAL):
        return CHANGED_SCALE
    if variable.level == NOMINAL and not nominal_tests:
        return NOMINAL_NOT_REQUESTED
    return None


def family_of(variable: Compared, holm_family: str) -> str:
    """The name of the Holm family a test belongs to: `report`, or `module:<id>` per module."""
    return f"module:{variable.module}" if holm_family == MODULE_FAMILY else REPORT_FAMILY


def compare_waves(current: pd.DataFrame, previous: pd.DataFrame, variables: Sequence[Compared | tuple],
                  min_cell_size: int = 5, alpha: float = 0.05,
                  harmonisation: Mapping[str, HarmonisationFactor] | None = None,
                  changed_scale: frozenset[str] | set[str] = frozenset(), nominal_tests: bool = False,
                  holm_family: str = REPORT_FAMILY, withheld: Mapping[str, str] | None = None) -> dict:
    """Test every variable between the current wave A and an older wave B with the test of its level.

    `current` and `previous` hold one numeric column per variable (items and construct scores), one row
    per respondent; `variables` are `Compared` (a plain `(name, kind)` tuple is an ordinal variable).
    `withheld` ({variable: reason}, from cross-wave disclosure control) are skipped with that reason and
    stay out of the Holm families.
    Returns {tests, skipped, holm_family, families}: every test carries its family and its Holm-adjusted p
    within that family; `families` lists each family's name and size (the number of tests corrected together).
    """
    if holm_family not in HOLM_FAMILIES:
        raise ValueError(f"Onbekende Holm-familie '{holm_family}' (kies uit: {', '.join(HOLM_FAMILIES)}).")
    harmonisation = dict(harmonisation or {})
    tests, skipped = [], []
    for variable in (v if isinstance(v, Compared) else Compared(*v) for v in variables):
        factor = harmonisation.get(variable.name)
        reason = _skip_reason(variable, current, previous, nominal_tests, factor, changed_scale)
        if reason is None and withheld and variable.name in withheld:
            reason = withheld[variable.name]
        if reason is None:
            a, b = _valid(current, variable), _valid(previous, variable)
            if len(a) < min_cell_size or len(b) < min_cell_size:
                reason = N_BELOW_MIN
        if reason is not None:
            skipped.append({"variable": variable.name, "kind": variable.kind, "level": variable.level,
                            "reason": reason})
            continue
        head = {"variable": variable.name, "kind": variable.kind, "level": variable.level,
                "family": family_of(variable, holm_family)}
        if variable.level == NOMINAL:
            tests.append(head | _nominal_test(variable, a, b))
            continue
        if factor is not None:
            b = b * factor.factor
        tests.append(head | _ordered_test(variable, a, b))
        if factor is not None:
            tests[-1].update(factor=factor.factor, factor_rounded=factor.rounded, basis=factor.basis)
    return {"tests": tests, "skipped": skipped, "holm_family": holm_family,
            "families": _correct(tests, alpha)}


def _correct(tests: list[dict], alpha: float) -> list[dict]:
    """Holm within each family (in order of first appearance); returns [{name, size, significant_holm}]."""
    families: dict[str, list[dict]] = {}
    for test in tests:
        families.setdefault(test["family"], []).append(test)
    out = []
    for name, members in families.items():
        for test, p_holm in zip(members, holm([t["p"] for t in members]), strict=True):
            test["p_holm"] = float(p_holm)
            test["significant"] = bool(test["p"] < alpha)
            test["significant_holm"] = bool(p_holm < alpha)
        out.append({"name": name, "size": len(members),
                    "significant_holm": sum(t["significant_holm"] for t in members),
                    "significant": sum(t["significant"] for t in members)})
    return out
