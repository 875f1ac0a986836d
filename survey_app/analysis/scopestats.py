"""Vectorised statistics per scope: n, mean, SD (ddof=1) and median for every scope row at once.

Two routes, both without loops over respondents or teams:
- coded answers (a scale, yes/no) are counted per team and code with one `np.bincount`; gemeente and
  total counts are sums of team counts, and n, mean, SD, median and percentages all follow from counts;
- free numbers (integer, decimal, rating, construct and difference scores) use pandas groupby per level.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from survey_app.analysis.organisation import ScopeIndex


@dataclass
class ScopeStats:
    """Statistics of several variables for every scope: arrays of shape (scopes, variables).

    `percent` holds, per variable that has answer codes, the percentage per code (code -> scope vector);
    `other` holds, per select_multiple variable with "anders, namelijk", the texts per scope row.
    """

    variables: list[str]
    n: np.ndarray
    mean: np.ndarray
    sd: np.ndarray
    median: np.ndarray
    percent: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)
    other: dict[str, list[list[str]]] = field(default_factory=dict)

    @classmethod
    def concat(cls, parts: list[ScopeStats], n_scopes: int) -> ScopeStats:
        """Join statistics of disjoint variable sets side by side."""
        if not parts:
            empty = np.zeros((n_scopes, 0))
            return cls([], empty.astype(np.int64), empty, empty.copy(), empty.copy())
        out = cls(
            [v for p in parts for v in p.variables],
            np.concatenate([p.n for p in parts], axis=1),
            np.concatenate([p.mean for p in parts], axis=1),
            np.concatenate([p.sd for p in parts], axis=1),
            np.concatenate([p.median for p in parts], axis=1),
        )
        for p in parts:
            out.percent.update(p.percent)
            out.other.update(p.other)
        return out


def code_counts(values: np.ndarray, codes: np.ndarray, index: ScopeIndex) -> np.ndarray:
    """Count answers per scope row and code (shape scopes x codes); values outside `codes` are not counted.

    `codes` must be sorted ascending.
    """
    k = len(codes)
    position = np.searchsorted(codes, values)
    valid = ~np.isnan(values) & (position < k)
    valid[valid] = codes[position[valid]] == values[valid]
    flat = index.team[valid] * k + position[valid]
    per_team = np.bincount(flat, minlength=index.n_teams * k).reshape(index.n_teams, k)
    return index.roll_up(per_team)


def stats_from_counts(counts: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, ...]:
    """n, mean, sample SD and median per row of a (rows x codes) count matrix over sorted codes."""
    counts = counts.astype(np.float64)
    n = counts.sum(axis=1)
    total = counts @ codes
    squares = counts @ (codes * codes)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, total / n, np.nan)
        variance = np.where(n > 1, (squares - total * total / np.where(n > 0, n, 1)) / (n - 1), np.nan)
    sd = np.sqrt(np.clip(variance, 0.0, None))
    cumulative = counts.cumsum(axis=1)
    lower_pos = np.floor((n - 1) / 2)
    upper_pos = np.floor(n / 2)
    lower = codes[np.minimum((cumulative > lower_pos[:, None]).argmax(axis=1), len(codes) - 1)]
    upper = codes[np.minimum((cumulative > upper_pos[:, None]).argmax(axis=1), len(codes) - 1)]
    median = np.where(n > 0, (lower + upper) / 2, np.nan)
    return n.astype(np.int64), mean, sd, median


def percent_from_counts(counts: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """Percentages of a (rows x codes) count matrix relative to a per-row denominator (NaN when 0)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator[:, None] > 0, counts * 100.0 / denominator[:, None], np.nan)


def stats_from_frame(frame: pd.DataFrame, index: ScopeIndex) -> ScopeStats:
    """n, mean, sample SD and median of every column of a numeric frame (one row per respondent) per scope."""
    variables = [str(c) for c in frame.columns]
    frame = frame.astype(np.float64)
    frame.columns = range(len(variables))
    levels = (
        (np.zeros(len(frame), dtype=np.intp), 1),
        (index.gemeente, index.n_gemeenten),
        (index.team, index.n_teams),
    )
    blocks: dict[str, list[np.ndarray]] = {"count": [], "mean": [], "std": [], "median": []}
    for keys, size in levels:
        grouped = frame.groupby(keys, sort=True)
        for stat in blocks:
            result = getattr(grouped, stat)().reindex(range(size))
            blocks[stat].append(result.to_numpy(dtype=np.float64))
    n = np.nan_to_num(np.concatenate(blocks["count"]), nan=0.0).astype(np.int64)
    return ScopeStats(
        variables,
        n,
        np.concatenate(blocks["mean"]),
        np.concatenate(blocks["std"]),
        np.concatenate(blocks["median"]),
    )


def texts_per_scope(texts: pd.Series, index: ScopeIndex) -> list[list[str]]:
    """The non-empty texts of every scope row, sorted so that the order reveals nothing about respondents."""
    raw = texts.to_numpy(dtype=object)
    stripped = np.array([t.strip() if isinstance(t, str) else "" for t in raw], dtype=object)
    keep = stripped != ""
    kept = pd.Series(stripped[keep], dtype=object)
    per_team = _lists(kept.groupby(index.team[keep]).agg(sorted), index.n_teams)
    per_gemeente = _lists(kept.groupby(index.gemeente[keep]).agg(sorted), index.n_gemeenten)
    return [sorted(kept.tolist())] + per_gemeente + per_team


def _lists(grouped: pd.Series, size: int) -> list[list[str]]:
    """Lists per group position 0..size-1 from a groupby result (groups without texts get an empty list)."""
    out: list[list[str]] = [[] for _ in range(size)]
    for position, values in grouped.items():
        out[int(position)] = list(values)
    return out
