"""The gemeente report as plain data: response per team (Tabel 2), the teams side by side per theme, and the
year-over-year tests for the gemeente (Tabel 7/9). Pure: the analysis dicts in, formatted strings out."""

from __future__ import annotations

from survey_app.instruments.model import InstrumentSet, ItemType
from survey_app.reports.dutch import format_mean, format_n, format_number, format_percent
from survey_app.reports.extras import harmonisation_notes, scales_used
from survey_app.reports.gemeente_extra import category_sections, gemeente_open_themes
from survey_app.reports.scale_notes import basis_note, reverse_note
from survey_app.reports.significance import significance_section
from survey_app.reports.themes import agreement_like
from survey_app.reports.view import asked_in, gemeente_scope, hidden_mark, shown

TEAMS_PER_TABLE = 6


def _response(analysis: dict, teams: list[dict], scope: str, label: str) -> list[dict]:
    """Tabel 2: invited, responded and rate per team and for the gemeente. Respondent counts are participation,
    not answers, and are published for every team, also below the minimum (see the verantwoording): hiding
    one team's count while printing its siblings and the gemeente total would not hide it anyway."""
    rows = []
    for team in teams:
        response = analysis["response"].get(team["id"], {})
        rows.append({"label": team["label"], "invited": format_number(response.get("invited"), 0),
                     "responded": format_number(response.get("responded"), 0),
                     "rate": format_percent(response.get("rate")), "total": False})
    response = analysis["response"].get(scope, {})
    rows.append({"label": f"Totaal {label}", "invited": format_number(response.get("invited"), 0),
                 "responded": format_number(response.get("responded"), 0),
                 "rate": format_percent(response.get("rate")), "total": True})
    return rows


def _mean(section: dict, name: str, scope: str) -> str:
    entry = shown(section, name, scope)
    return format_mean(entry.get("mean")) if entry else format_mean(None)


def _cells(section: dict, name: str, scopes: list[str]) -> dict:
    """A row's means per scope, with the footnote mark of every hidden one."""
    return {"cells": [_mean(section, name, s) for s in scopes],
            "marks": [hidden_mark(section, name, s) for s in scopes]}


def _theme_tables(analysis: dict, instruments: InstrumentSet, gemeente: str, teams: list[dict]) -> list[dict]:
    scopes = [team["id"] for team in teams] + [gemeente_scope(gemeente)]
    themes = []
    for module in instruments.modules:
        rows = [{"label": c.label, "scale": True, **_cells(analysis["constructs"], c.name, scopes)}
                for c in module.constructs if c.name in analysis["constructs"]]
        for page in module.pages:
            for item in page.items:
                wanted = (item.type == ItemType.RATING or (item.type == ItemType.SELECT_ONE and agreement_like(item)))
                if wanted and asked_in(page, item, gemeente) and item.name in analysis["items"]:
                    note = reverse_note(instruments, item)
                    rows.append({"label": f"{item.label} ({note})" if note else item.label, "scale": False,
                                 **_cells(analysis["items"], item.name, scopes)})
        if not rows:
            continue
        chunks = []
        for start in range(0, max(len(teams), 1), TEAMS_PER_TABLE):
            picked = list(range(start, min(start + TEAMS_PER_TABLE, len(teams)))) + [len(teams)]
            chunks.append({"heads": [teams[i]["label"] if i < len(teams) else "Gemeente" for i in picked],
                           "rows": [{"label": row["label"], "scale": row["scale"],
                                     "cells": [row["cells"][i] for i in picked],
                                     "marks": [row["marks"][i] for i in picked]} for row in rows]})
        notes = [f"{c.label}: {note}" for c in module.constructs
                 if c.name in analysis["constructs"] and (note := basis_note(analysis, c.name, gemeente))]
        themes.append({"title": module.title, "tables": chunks, "notes": notes})
    return themes


def _significance(comparison: dict | None, analysis: dict, instruments: InstrumentSet, gemeente: str) -> dict | None:
    """The significance section with the harmonisation notes of the comparison."""
    section = significance_section(comparison, analysis, instruments, gemeente)
    if section is not None:
        section["harmonisation"] = harmonisation_notes(comparison)
    return section


def _small_teams(labels: list[str], min_cell: int) -> str | None:
    """The note under Tabel 2 on teams whose answers are not shown, in one grammatical sentence."""
    if not labels:
        return None
    names = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} en {labels[-1]}"
    verb = "telt" if len(labels) == 1 else "tellen elk"
    return (f"Van {names} worden geen antwoorden getoond: {'dit team' if len(labels) == 1 else 'deze teams'} "
            f"{verb} minder dan {min_cell} respondenten. Het aantal respondenten zelf staat wel in de tabel.")


def gemeente_context(analysis: dict, instruments: InstrumentSet, gemeente: str, generated_on: str,
                     comparison: dict | None = None, older: dict | None = None, themes: dict | None = None) -> dict:
    """Everything the gemeente report shows; `comparison` is run_analysis(wave, compare, gemeente=slug)."""
    scope = gemeente_scope(gemeente)
    info = next(s for s in analysis["scopes"] if s["id"] == scope)
    teams = [s for s in analysis["scopes"] if s["parent"] == scope]
    min_cell = analysis["settings"]["min_cell_size"]
    # a one-team gemeente (Elburg): the team's figures are the gemeente's, so one column, not two equal ones
    shown_teams = [team for team in teams if not team["suppressed"]] if len(teams) > 1 else []
    extra_scopes = [team["id"] for team in shown_teams] + [scope]
    return {
        "extra_heads": [team["label"] for team in shown_teams] + [f"Gemeente {info['label']}"],
        "categories": [] if info["suppressed"] else category_sections(analysis, instruments, gemeente, extra_scopes),
        "open_themes": gemeente_open_themes(themes, gemeente, extra_scopes),
        "kind": "gemeente", "wave": analysis.get("wave", {}), "generated_on": generated_on,
        "min_cell_size": min_cell, "gemeente": {"slug": gemeente, "label": info["label"]},
        "n": format_n(info["n"]), "respondents": format_number(info["n"], 0),
        "suppressed": bool(info["suppressed"]),
        "response": _response(analysis, teams, scope, info["label"]),
        "small_teams": _small_teams([team["label"] for team in teams if team["suppressed"]], min_cell),
        "themes": [] if info["suppressed"] else _theme_tables(analysis, instruments, gemeente, shown_teams),
        "significance": _significance(comparison, analysis, instruments, gemeente),
        "older_label": (older or {}).get("wave", {}).get("label") or (older or {}).get("wave", {}).get("name"),
        "scales": scales_used(instruments),
    }
