"""The trend sections of the reports as plain data (pure): the trend JSON (analysis/trend.py) and the instruments
in, formatted strings out.

Gemeente report: response per gemeente per year (Tabel 2 as printed), per module with scales the scale means
per year with n (Tabel 8) and a line chart (figuur 39), and the appendix of every statement of those scales ×
every year ("Zelfscore aspecten onderliggend aan bakens", 004:6622). Bijlage: the team's scale means per year
beside the gemeente's, for the years the team (or the teams it continues) took part. Nothing is computed here:
every figure is one the trend took from its wave's own published analysis.
"""

from __future__ import annotations

from survey_app.instruments.model import InstrumentSet
from survey_app.reports.dutch import format_mean, format_number, format_percent, reason_mark
from survey_app.reports.view import TOTAL, gemeente_scope, team_scope


def _cell(entry: dict, decimals: int = 1) -> dict:
    """A mean per year: the figure (two decimals in Tabel 8, one in the appendix, as 004 prints them), or a dash
    with the mark of why it is missing."""
    if entry.get("mean") is not None:
        mean = format_number(entry["mean"], decimals) if decimals != 1 else format_mean(entry["mean"])
        return {"mean": mean, "n": format_number(entry.get("n"), 0), "mark": "", "value": entry["mean"]}
    if entry.get("suppressed"):
        # a merged team is hidden for the reasons its hidden predecessors were: † only when all were complementary
        reasons = entry.get("constituent_reasons") or [entry.get("reason")]
        mark = reason_mark("complementary" if set(reasons) == {"complementary"} else reasons[0])
        return {"mean": format_mean(None), "n": "", "mark": mark, "value": None}
    text = "n.v.t." if entry.get("not_comparable") else format_mean(None)
    return {"mean": text, "n": "", "mark": "", "value": None}


def _and(words: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


def _years(trend: dict) -> list[str]:
    return [w["year"] for w in trend["waves"]]


def response_table(trend: dict) -> dict:
    """Tabel 2: invited and responded per gemeente per year, the totals and the response rate per year."""
    gemeenten = [s for s in trend["scopes"] if s["kind"] == "gemeente"]
    rows = []
    for scope in gemeenten + [{"id": TOTAL, "label": "Totaal"}]:
        cells = []
        for entry in trend["response"][scope["id"]]:
            absent = entry.get("absent") or not entry.get("responded") and not entry.get("invited")
            cells += ["", ""] if absent else [format_number(entry.get("invited"), 0),
                                              format_number(entry.get("responded"), 0)]
        rows.append({"label": scope["label"], "cells": cells, "total": scope["id"] == TOTAL})
    rates = [format_percent(e.get("rate")) for e in trend["response"][TOTAL]]
    return {"years": _years(trend), "rows": rows, "rates": rates}


def scale_groups(instruments: InstrumentSet, trend: dict) -> list[dict]:
    """Per module with scales in the trend: its constructs and, numbered by construct, their statements."""
    groups = []
    for module in instruments.modules:
        constructs = [c for c in module.constructs if c.name in trend["constructs"]]
        if not constructs:
            continue
        statements = [(number, name) for number, c in enumerate(constructs, start=1) for name in c.items
                      if name in trend["items"]]
        groups.append({"module": module, "constructs": constructs, "statements": statements})
    return groups


def _n_range(trend: dict, names: list[str], scope: str) -> list[str]:
    """Per year the n of the statements, as the appendix header prints it (one n, or the lowest and highest)."""
    out = []
    for index in range(len(trend["waves"])):
        counts = sorted({trend["items"][name][scope][index].get("n") for name in names} - {None})
        out.append("" if not counts else format_number(counts[0], 0) if len(counts) == 1
                   else f"{format_number(counts[0], 0)}, {format_number(counts[-1], 0)}")
    return out


def _chart(title: str, years: list[str], lines: list[dict]) -> dict:
    return {"years": years, "lines": lines, "low": 1, "high": 5, "title": title}


def gemeente_trend(trend: dict | None, instruments: InstrumentSet, gemeente: str) -> dict | None:
    """Everything the trend section of a gemeente report shows, or None without a trend."""
    if not trend:
        return None
    scope = gemeente_scope(gemeente)
    if scope not in trend["respondents"]:
        return None
    taken = [i for i, n in enumerate(trend["respondents"][scope]) if n]
    years = [trend["waves"][i]["year"] for i in taken]
    respondents = [format_number(trend["respondents"][scope][i], 0) for i in taken]
    label = next(s["label"] for s in trend["scopes"] if s["id"] == scope)
    modules = []
    for group in scale_groups(instruments, trend) if len(taken) > 1 else []:
        rows, lines = [], []
        for number, construct in enumerate(group["constructs"], start=1):
            entries = trend["constructs"][construct.name][scope]
            cells = [_cell(entries[i], 2) for i in taken]
            rows.append({"label": construct.label, "number": number, "cells": cells})
            lines.append({"label": f"{number}. {construct.label}", "values": [c["value"] for c in cells]})
        names = [name for _, name in group["statements"]]
        appendix = [{"number": number, "label": instruments.item(name).label,
                     "cells": [_cell(trend["items"][name][scope][i]) for i in taken]}
                    for number, name in group["statements"]]
        counts = _n_range(trend, names, scope)
        title = group["module"].title
        modules.append({
            "title": title, "rows": rows, "appendix": appendix, "appendix_n": [counts[i] for i in taken],
            "chart": _chart(title, years, lines),
            "alt": f"Lijndiagram: gemiddelde score per jaar ({', '.join(years)}) van {title} in {label}",
        })
    return {"years": years, "respondents": respondents, "label": label, "series": trend["series"]["label"],
            "all_years": _years(trend), "first_time": len(taken) < 2,
            "response": response_table(trend), "modules": modules, "rules": trend.get("rules", []),
            "factors": bool(trend.get("factors"))}


def team_trend(trend: dict | None, instruments: InstrumentSet, team: str, gemeente: str) -> dict | None:
    """The bijlage's trend: per scale the team's and the gemeente's mean for each year the team took part."""
    if not trend:
        return None
    team_id, gemeente_id = team_scope(team), gemeente_scope(gemeente)
    if team_id not in trend["respondents"]:
        return None
    taken = [i for i, n in enumerate(trend["respondents"][team_id]) if n]
    if len(taken) < 2:
        return None
    years = [trend["waves"][i]["year"] for i in taken]
    rows = []
    for group in scale_groups(instruments, trend):
        for construct in group["constructs"]:
            team_cells = [_cell(e) for e in trend["constructs"][construct.name][team_id]]
            gemeente_cells = [_cell(e) for e in trend["constructs"][construct.name].get(gemeente_id, [])]
            rows.append({"label": construct.label, "cells": [
                cell for i in taken for cell in (team_cells[i], gemeente_cells[i] if gemeente_cells else _cell({}))]})
    lineage = trend["lineage"].get(team, {})
    labels = trend.get("team_labels", {})
    years_of: dict[tuple[str, ...], list[str]] = {}
    for wave in trend["waves"]:
        if lineage.get(wave["name"]):
            years_of.setdefault(tuple(lineage[wave["name"]]), []).append(wave["year"])
    notes = []
    for slugs, in_years in years_of.items():
        names = _and([labels.get(slug, slug) for slug in slugs])
        notes.append(f"{_and(in_years)}: {'de teams' if len(slugs) > 1 else 'het team'} waaruit dit team is "
                     f"voortgekomen ({names}){', samen' if len(slugs) > 1 else ''}")
    return {"years": years, "rows": rows, "lineage": notes, "rules": trend.get("rules", []),
            "respondents": [format_number(trend["respondents"][team_id][i], 0) for i in taken]}
