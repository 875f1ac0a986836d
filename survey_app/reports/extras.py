"""The closing sections of a bijlage: the team's previous wave, coded open answers and the methods page."""

from __future__ import annotations

from survey_app.analysis.cross_wave import visible_previous
from survey_app.instruments.model import InstrumentSet, ItemType
from survey_app.reports.dutch import format_number, hidden_summary, reason_mark
from survey_app.reports.themes import agreement_like
from survey_app.reports.view import item_label, team_scope

ROLE_LABELS = {"_beschik": "Ik beschik over", "_toewerken": "Ik wil toewerken naar",
               "_attitude": "Vind ik belangrijk", "_gedrag": "Doe ik in de praktijk"}


def side_label(instruments: InstrumentSet, name: str) -> str:
    """A short column heading for one side of a pair (beschik/toewerken, belang/praktijk)."""
    for suffix, label in ROLE_LABELS.items():
        if name.endswith(suffix):
            return label
    return instruments.item(name).label


def previous_means(analysis: dict, team: str) -> dict:
    """The team's means of an older wave's analysis, per item variable and per construct, where cross-wave
    disclosure control lets them stand in a previous-wave column (the older wave publishes them itself)."""
    scope = team_scope(team)
    return {section: {name: cells[scope]["mean"] for name, cells in analysis[section].items()
                      if visible_previous(cells.get(scope)) and cells[scope].get("mean") is not None}
            for section in ("items", "constructs")}


def open_themes_section(themes: dict | None, team: str, gemeente: str) -> list[dict]:
    """Per open question the coded themes with respondent counts (team, gemeente, totaal) and the team's quotes;
    empty when nothing was coded."""
    if not themes:
        return []
    scopes = [team_scope(team), f"gemeente:{gemeente}", "total"]
    questions = []
    for question in themes.get("questions", {}).values():
        rows = []
        for theme in question["themes"].values():
            counts = [theme["counts"].get(scope) for scope in scopes]
            if any(count for count in counts):
                rows.append({"label": theme["label"],
                             "cells": [format_number(c, 0) if c is not None else format_number(None) for c in counts],
                             "marks": _marks(theme.get("suppressed", {}), scopes)})
        if not rows:
            continue
        respondents = [question["respondents"].get(scope) for scope in scopes]
        quotes = [quote["text"] for quote in question.get("quotes", []) if quote["team"] == team]
        questions.append({"label": question["label"], "rows": rows, "quotes": quotes,
                          "respondents": [format_number(c, 0) if c is not None else format_number(None)
                                          for c in respondents],
                          "respondent_marks": _marks(question.get("respondents_suppressed", {}), scopes)})
    return questions


def _marks(suppressed: dict, scopes: list[str]) -> list[str]:
    """The footnote mark per column of a theme count ('' when shown)."""
    return [reason_mark(suppressed[scope]) if suppressed.get(scope) else "" for scope in scopes]


def scales_used(instruments: InstrumentSet) -> list[str]:
    """The answer scales of the wave's statements and ratings, in words."""
    seen: dict[str, str] = {}
    for item in instruments.items:
        if item.type == ItemType.SELECT_ONE and agreement_like(item):
            seen.setdefault(item.scale.name, " – ".join(
                f"{format_number(c.code, 0) if isinstance(c.code, int) else c.code} = {c.label}"
                for c in item.scale.choices))
        elif item.type == ItemType.RATING and item.minimum is not None and item.maximum is not None:
            text = f"rapportcijfer van {format_number(item.minimum, 0)} tot en met {format_number(item.maximum, 0)}"
            seen.setdefault(f"rating-{item.minimum}-{item.maximum}", text)
    return list(seen.values())


def harmonisation_notes(analysis: dict) -> list[str]:
    """Factors a comparison used to put an older scale on the current one, with their basis."""
    comparison = analysis.get("comparison") or {}
    notes = list(comparison.get("rules", []))  # the stored rules by name, then each factor as applied
    for test in comparison.get("tests", []):
        if "factor" in test:
            note = (f"Scores van {comparison['with']} vermenigvuldigd met {format_number(test['factor_rounded'], 2)}"
                    f" ({test.get('basis') or 'basis onbekend'}).")
            if note not in notes:
                notes.append(note)
    return notes


def hidden_figures(analysis: dict, instruments: InstrumentSet, scopes: list[dict], asked: set[str],
                   min_cell_size: int) -> list[dict]:
    """Per column and reason which figures are not shown, by label, so the reader knows what is missing."""
    out = []
    for column in scopes:
        reasons: dict[str, list[str]] = {}
        for section in ("constructs", "pairs", "items"):
            for name, entries in analysis[section].items():
                entry = entries.get(column["scope"])
                if not entry or not entry.get("suppressed"):
                    continue
                if section == "items" and name not in asked:
                    continue
                reasons.setdefault(entry["reason"], []).append(_label(instruments, section, name))
        for reason, labels in reasons.items():
            out.append({"scope": column["label"], "summary": hidden_summary(reason, min_cell_size, len(labels)),
                        "labels": labels})
    return out


def _label(instruments: InstrumentSet, section: str, name: str) -> str:
    if section == "pairs":
        for pair in instruments.pairs:
            if pair.name == name:
                return f"verschil: {pair.label}"
    return item_label(instruments, name)
