"""Scale scores and difference scores of a bijlage: the Baken profile, other constructs (werkbeleving) with
their items, the transitiecompetenties and the attitude/behaviour gaps. Values come from the analysis only."""

from __future__ import annotations

from survey_app.instruments.model import Construct, InstrumentSet
from survey_app.reports.scale_notes import basis_note, in_score, reverse_note
from survey_app.reports.themes import previous_cell
from survey_app.reports.view import TOTAL, mean_cell, shown


def is_baken(construct: Construct) -> bool:
    """The eight Bakens Welzijn Nieuwe Stijl are the constructs named baken_1 .. baken_8."""
    return construct.name.startswith("baken_")


def baken_profile(instruments: InstrumentSet, analysis: dict, columns: list[dict],
                  previous: dict | None = None) -> dict | None:
    """Table and dot-plot spec of the Baken means (1-5) for team, gemeente and totaal."""
    bakens = [c for c in instruments.constructs if is_baken(c) and c.name in analysis["constructs"]]
    if not bakens:
        return None
    rows, points = [], []
    for construct in bakens:
        number = construct.name.removeprefix("baken_")
        rows.append({"number": number, "label": construct.label,
                     "cells": [mean_cell(analysis["constructs"], construct.name, c["scope"]) for c in columns],
                     "previous": previous_cell(previous, "constructs", construct.name)})
        points.append({"label": f"{number}. {construct.label}", "values": [
            (entry["mean"] if (entry := shown(analysis["constructs"], construct.name, c["scope"])) else None)
            for c in columns]})
    chart = {"kind": "profile", "series": [c["short"] for c in columns], "rows": points, "low": 1, "high": 5}
    gemeente = _gemeente_of(columns)
    notes = [f"Baken {c.name.removeprefix('baken_')}: {note}" for c in bakens
             if (note := basis_note(analysis, c.name, gemeente))]
    return {"rows": rows, "chart": chart, "notes": notes,
            "alt": "Profiel van de acht Bakens (gemiddelde 1-5) voor " + ", ".join(c["short"] for c in columns)}


def _gemeente_of(columns: list[dict]) -> str | None:
    """The gemeente slug of a report's columns (team, gemeente, totaal): of its gemeente column, else the one the
    team column names (a one-team gemeente shows no gemeente column)."""
    return next((c["scope"].removeprefix("gemeente:") for c in columns if c["scope"].startswith("gemeente:")),
                next((c["gemeente"] for c in columns if c.get("gemeente")), None))


def other_constructs(instruments: InstrumentSet, analysis: dict, columns: list[dict], gemeente_items,
                     previous: dict | None = None) -> list[dict]:
    """Every construct that is not a Baken (werkbeleving): its score and the means of its items."""
    sections = []
    for construct in instruments.constructs:
        if is_baken(construct) or construct.name not in analysis["constructs"]:
            continue
        items = []
        for name in construct.items:
            if name not in analysis["items"] or name not in gemeente_items:
                continue
            item = instruments.item(name)
            items.append({"label": item.label, "reverse": item.reverse,
                          "reverse_note": reverse_note(instruments, item),
                          "in_score": in_score(analysis, construct.name, name),
                          "cells": [mean_cell(analysis["items"], name, c["scope"]) for c in columns],
                          "previous": previous_cell(previous, "items", name)})
        sections.append({"label": construct.label,
                         "cells": [mean_cell(analysis["constructs"], construct.name, c["scope"]) for c in columns],
                         "previous": previous_cell(previous, "constructs", construct.name), "items": items,
                         "note": basis_note(analysis, construct.name, _gemeente_of(columns))})
    return sections


def pair_table(instruments: InstrumentSet, analysis: dict, columns: list[dict], kind: str) -> list[dict]:
    """Rows of a difference table: the mean of a and of b with n for the team and the gemeente (every column
    but the all-gemeenten total), and the mean of the per-person difference a − b for every column.

    The difference is computed per respondent who answered both, so it is not the difference of the two means
    beside it (those include people who answered one side only); the table says so in its heading.
    """
    sides = [column for column in columns if column["scope"] != TOTAL]
    rows = []
    for pair in instruments.pairs:
        if pair.kind != kind or pair.name not in analysis["pairs"]:
            continue
        rows.append({
            "label": pair.label,
            "a": [mean_cell(analysis["items"], pair.a, c["scope"]) for c in sides],
            "b": [mean_cell(analysis["items"], pair.b, c["scope"]) for c in sides],
            "cells": [mean_cell(analysis["pairs"], pair.name, c["scope"]) for c in columns],
        })
    return rows
