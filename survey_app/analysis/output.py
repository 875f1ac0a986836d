"""Turning statistics arrays into the JSON-ready result: floats rounded to 4 decimals, NaN as None.

Every hidden figure becomes {"suppressed": true, "reason": ...}: suppression is always recorded, never a
silently missing key.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from survey_app.analysis.organisation import ScopeIndex
from survey_app.analysis.scopestats import ScopeStats

DECIMALS = 4


def clean_array(values: np.ndarray) -> list:
    """A float array as a list of Python floats rounded to 4 decimals, with None for NaN/inf."""
    values = np.asarray(values, dtype=np.float64)
    out = np.round(values, DECIMALS).astype(object)
    out[~np.isfinite(values)] = None
    return out.tolist()


def json_ready(value):
    """A nested structure with numpy scalars made plain, floats rounded and NaN/inf replaced by None."""
    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return round(float(value), DECIMALS) if math.isfinite(value) else None
    return value


def suppressed(reason: str) -> dict:
    """The entry that stands in for a hidden figure."""
    return {"suppressed": True, "reason": reason}


def scope_entries(stats: ScopeStats, reasons: np.ndarray, index: ScopeIndex,
                  kinds: Mapping[str, str] | None = None) -> dict[str, dict[str, dict]]:
    """{variable: {scope id: {n, mean, sd, median[, percent][, other]} or suppressed}} for shown scopes.

    Variables of kind "codes" (select_multiple) carry n, percent per option and their "anders" texts only.
    """
    kinds = kinds or {}
    n = stats.n.tolist()
    mean, sd, median = (np.array(clean_array(a), dtype=object) for a in (stats.mean, stats.sd, stats.median))
    out: dict[str, dict[str, dict]] = {}
    for j, variable in enumerate(stats.variables):
        codes = list(stats.percent.get(variable, {}))
        columns = [clean_array(vector) for vector in stats.percent.get(variable, {}).values()]
        percent = [dict(zip(codes, values, strict=True)) for values in zip(*columns, strict=True)]
        other = stats.other.get(variable)
        multiple = kinds.get(variable) == "codes"
        per_scope: dict[str, dict] = {}
        for i, scope in enumerate(index.ids):
            reason = reasons[i, j]
            if reason:
                per_scope[scope] = suppressed(reason)
                continue
            entry: dict = {"n": n[i][j]}
            if not multiple:
                entry.update(mean=mean[i, j], sd=sd[i, j], median=median[i, j])
            if percent:
                entry["percent"] = percent[i]
            if other is not None:
                entry["other"] = other[i]
            per_scope[scope] = entry
        out[variable] = per_scope
    return out


def text_entries(texts: Mapping[str, list[list[str]]], reasons: np.ndarray,
                 index: ScopeIndex) -> dict[str, dict[str, dict]]:
    """{text variable: {scope id: {n, texts} or suppressed}}; `reasons` is one column for all text variables."""
    out = {}
    for variable, per_row in texts.items():
        out[variable] = {
            scope: suppressed(reasons[i, 0]) if reasons[i, 0] else {"n": len(per_row[i]), "texts": per_row[i]}
            for i, scope in enumerate(index.ids)
        }
    return out
