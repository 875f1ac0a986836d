"""Trends over the waves of a series: response, item and construct means per year per scope, each figure as its
own wave published it (pure: the per-wave analysis dicts and answers in, a JSON-ready dict out).

Why every figure comes from its wave's own analysis: disclosure control decided per wave what may be shown; a
trend that recomputed figures could show a team's 2015 mean that 2015's tables hid, or let a reader subtract
one published year from another. So a figure hidden in its wave is hidden in the trend, and the change between
two years exists only where both ends are shown.

Teams that were renamed, split or merged are followed through the series' team map (pairs earlier → later).
A team of the latest wave that continues several teams of an earlier wave gets their aggregate there, and only
when every one of those teams' figures was shown in that wave (then the aggregate reveals nothing their own
published n, mean and SD do not). Scores of an earlier wave on another answer scale are multiplied by the
stored harmonisation factor (mean, SD and median scale with it); a figure on a changed scale without a factor
is `not_comparable`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from survey_app.analysis.cross_wave import visible_change
from survey_app.analysis.output import json_ready

SECTIONS = ("items", "constructs")


@dataclass(frozen=True)
class TrendWave:
    """One wave of the trend.

    `analysis` is analyse_wave's output for the wave on its own; `values` the numeric item and construct
    columns (one row per response, `comparison.numeric_frame`) with `teams` the team slug per row; `factors`
    puts the wave's figures on the latest wave's scale; `not_comparable` names figures on a changed scale
    without a factor.
    """

    name: str
    year: str
    analysis: dict
    values: pd.DataFrame
    teams: pd.Series
    factors: Mapping[str, float] = field(default_factory=dict)
    not_comparable: frozenset[str] = frozenset()


def team_lineage(team_map: Sequence[Sequence[str]], latest_teams: Sequence[str],
                 waves: Sequence[TrendWave]) -> dict[str, dict[str, list[str]]]:
    """{team of the latest wave: {wave name: the teams of that wave it continues}}.

    A team present in a wave is itself there; otherwise the map is followed backwards (earlier → later pairs)
    until teams present in that wave are reached, so chains of renames and merges are followed too.
    """
    earlier_of: dict[str, set[str]] = {}
    for earlier, later in team_map:
        earlier_of.setdefault(later, set()).add(earlier)
    out: dict[str, dict[str, list[str]]] = {}
    for team in latest_teams:
        out[team] = {}
        for wave in waves:
            present = _teams_of(wave)
            found, frontier, seen = set(), [team], set()
            while frontier:
                slug = frontier.pop()
                if slug in seen:
                    continue
                seen.add(slug)
                if slug in present:
                    found.add(slug)
                else:
                    frontier.extend(earlier_of.get(slug, ()))
            out[team][wave.name] = sorted(found)
    return out


def _teams_of(wave: TrendWave) -> set[str]:
    return {s["id"].removeprefix("team:") for s in wave.analysis["scopes"] if s["kind"] == "team"}


def _scaled(entry: dict, factor: float | None) -> dict:
    """The published figures n, mean, SD and median, multiplied by the factor when there is one."""
    out = {"n": entry.get("n")}
    for key in ("mean", "sd", "median"):
        value = entry.get(key)
        out[key] = None if value is None else (value * factor if factor else value)
    if factor:
        out["factor"] = factor
    return out


def _aggregate(wave: TrendWave, name: str, teams: list[str]) -> dict:
    """n, mean, SD and median of a variable over the rows of several teams of one wave."""
    if name not in wave.values.columns:
        return {"absent": True}
    rows = wave.teams.isin(teams).to_numpy()
    values = wave.values[name].to_numpy(dtype=np.float64)[rows]
    values = values[~np.isnan(values)]
    if values.size == 0:
        return {"absent": True}
    return {"n": int(values.size), "mean": float(values.mean()),
            "sd": float(values.std(ddof=1)) if values.size > 1 else None, "median": float(np.median(values))}


def _entry(wave: TrendWave, section: str, name: str, scope: str, lineage: list[str] | None) -> dict:
    """The figure of one variable or construct in one scope of one wave, as that wave published it."""
    if name in wave.not_comparable:
        return {"not_comparable": True}
    entries = wave.analysis[section].get(name)
    if entries is None:
        return {"absent": True}
    factor = wave.factors.get(name)
    if lineage is None or lineage == [scope.removeprefix("team:")]:
        entry = entries.get(scope)
    elif not lineage:
        return {"absent": True}
    elif len(lineage) == 1:
        entry = entries.get(f"team:{lineage[0]}")
    else:
        parts = [entries.get(f"team:{slug}") for slug in lineage]
        hidden = [p for p in parts if p is None or p.get("suppressed")]
        if hidden:
            reasons = sorted({(p or {}).get("reason") or "absent" for p in hidden})
            return {"suppressed": True, "reason": "constituent_hidden", "constituent_reasons": reasons}
        aggregate = _aggregate(wave, name, lineage)
        return aggregate if aggregate.get("absent") else _scaled(aggregate, factor) | {"teams": lineage}
    if entry is None:
        return {"absent": True}
    if entry.get("suppressed"):
        return {"suppressed": True, "reason": entry["reason"]}
    if entry.get("mean") is None:
        return {"absent": True}
    scaled = _scaled(entry, factor)
    return scaled | {"teams": lineage} if lineage and lineage != [scope.removeprefix("team:")] else scaled


def _published(entry: dict) -> dict | None:
    """A trend entry as cross-wave disclosure judges it: None when that year has no figure of its own."""
    return None if entry.get("absent") or entry.get("not_comparable") else entry


def _with_changes(row: list[dict]) -> list[dict]:
    """Each year's change from the year before, only where both years are shown (analysis/cross_wave.py: a
    change next to one published end would give the hidden end back)."""
    for before, after in zip(row[:-1], row[1:], strict=True):
        if visible_change(_published(before), _published(after)) and after.get("mean") is not None \
                and before.get("mean") is not None:
            after["change"] = after["mean"] - before["mean"]
        else:
            after["change"] = None
    if row:
        row[0]["change"] = None
    return row


def _response(wave: TrendWave, scope: str, lineage: list[str] | None) -> dict:
    """Invited, responded and rate of a scope (summed over the teams a team continues)."""
    response = wave.analysis["response"]
    if lineage is None:
        entry = response.get(scope)
        return dict(entry) if entry else {"absent": True}
    if not lineage:
        return {"absent": True}
    parts = [response.get(f"team:{slug}", {}) for slug in lineage]
    responded = sum(p.get("responded") or 0 for p in parts)
    invited = None if any(p.get("invited") is None for p in parts) else sum(p["invited"] for p in parts)
    rate = responded / invited * 100 if invited else None
    return {"invited": invited, "responded": responded, "rate": rate}


def _respondents(wave: TrendWave, scope: str, lineage: list[str] | None) -> int | None:
    counts = {s["id"]: s["n"] for s in wave.analysis["scopes"]}
    if lineage is None:
        return counts.get(scope)
    return sum(counts.get(f"team:{slug}", 0) for slug in lineage) if lineage else None


def trend(waves: Sequence[TrendWave], team_map: Sequence[Sequence[str]] = ()) -> dict:
    """The trend over the waves (oldest first; the last is the reference whose scopes and scale are used)."""
    if len(waves) < 2:
        raise ValueError("Een trend vraagt om minstens twee golven.")
    latest = waves[-1].analysis
    scopes = [s for s in latest["scopes"]]
    teams = [s["id"].removeprefix("team:") for s in scopes if s["kind"] == "team"]
    lineage = team_lineage(team_map, teams, waves)

    def line(scope: dict, wave: TrendWave) -> list[str] | None:
        return lineage[scope["id"].removeprefix("team:")][wave.name] if scope["kind"] == "team" else None

    result: dict = {
        "waves": [{"name": w.name, "year": w.year, "min_cell_size": w.analysis["settings"]["min_cell_size"]}
                  for w in waves],
        "scopes": [{"id": s["id"], "kind": s["kind"], "label": s["label"], "parent": s["parent"]} for s in scopes],
        "lineage": {team: {w: slugs for w, slugs in per_wave.items() if slugs != [team]}
                    for team, per_wave in lineage.items()},
        "team_labels": {s["id"].removeprefix("team:"): s["label"] for w in reversed(waves)
                        for s in w.analysis["scopes"] if s["kind"] == "team"},
        "respondents": {s["id"]: [_respondents(w, s["id"], line(s, w)) for w in waves] for s in scopes},
        "response": {s["id"]: [{"wave": w.name, "year": w.year, **_response(w, s["id"], line(s, w))}
                               for w in waves] for s in scopes},
        "factors": {w.name: dict(w.factors) for w in waves if w.factors},
    }
    for section in SECTIONS:
        # select_multiple entries (percent per option, "other" texts) have no mean to follow
        names = [name for name, entries in latest[section].items() if not any("other" in e for e in entries.values())]
        result[section] = {
            name: {s["id"]: _with_changes([{"wave": w.name, "year": w.year,
                                            **_entry(w, section, name, s["id"], line(s, w))} for w in waves])
                   for s in scopes}
            for name in names}
    return json_ready(result)
