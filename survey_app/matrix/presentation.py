"""A loaded matrix as plain rows for the web page, the PDF and the XLSX: one place decides what is shown.

Every cell carries its level's colour AND symbol and label, so no output relies on colour alone.
"""

from __future__ import annotations

from survey_app.analysis.formatting import format_number, format_percent
from survey_app.matrix.core.agreement import Agreement
from survey_app.matrix.core.counts import AspectCount
from survey_app.matrix.core.scale import Level
from survey_app.matrix.store import Loaded

NOT_SCORED = "niet gescoord"


def level_dict(level: Level) -> dict:
    """What a template needs of a level: key, label, colour, symbol, text colour, hatched or not, definition."""
    return {"key": level.key, "label": level.label, "colour": level.colour, "symbol": level.symbol,
            "ink": "#FFFFFF" if level.dark else "#1A1A1A", "hatched": not level.applies,
            "definition": level.definition, "applies": level.applies}


def matrix_rows(loaded: Loaded) -> list[dict]:
    """Hoofdaspect rows (`main`) followed by their deelaspect rows with one cell per case."""
    levels = {level.key: level_dict(level) for level in loaded.scale.levels}
    leaves = {aspect.path for aspect in loaded.tree.leaves()}
    rows = []
    for aspect in loaded.tree.aspects:
        if aspect.path not in leaves:
            rows.append({"main": True, "name": aspect.name, "description": aspect.description})
            continue
        cells = []
        for case in loaded.cases:
            score = loaded.matrix.cells.get((aspect.path, case.label))
            level = levels.get(score.level) if score and score.level else None
            cells.append({"case": case.label, "level": level, "note": score.note if score else ""})
        rows.append({"main": aspect.parent is None, "leaf": True, "name": aspect.name, "path": aspect.path,
                     "cells": cells})
    return rows


def attribute_rows(loaded: Loaded) -> list[dict]:
    """One row per case attribute (toegang, situatie ...), shown under the matrix as in the source."""
    names: list[str] = []
    for case in loaded.cases:
        names.extend(name for name in case.attributes if name not in names)
    return [{"name": name, "values": [case.attributes.get(name, "") for case in loaded.cases]} for name in names]


def count_rows(loaded: Loaded) -> list[dict]:
    """Per aspect the "x van de N" per applicable level, N, niet van toepassing and niet gescoord."""
    return [_count_row(count, loaded) for count in loaded.counts]


def _count_row(count: AspectCount, loaded: Loaded) -> dict:
    statements = [{"level": level_dict(level), "count": count.per_level[level.key],
                   "text": count.statement(level.key) if count.applicable else "–"}
                  for level in loaded.scale.applicable()]
    return {"main": count.aspect.parent or "", "name": count.aspect.name, "statements": statements,
            "n": count.applicable, "not_applicable": count.not_applicable, "not_scored": count.not_scored}


def agreement_row(name: str, main: str, agreement: Agreement) -> dict:
    """One line of the agreement table, with Dutch numbers (0,82; 86,7%)."""
    return {"main": main, "name": name, "pairs": agreement.pairs, "exact": agreement.exact,
            "percent": format_percent(agreement.percent), "applicability": agreement.applicability_differs,
            "alpha": format_number(agreement.alpha, 2), "note": agreement.note or ""}


def agreement_rows(loaded: Loaded) -> dict | None:
    """The agreement table (per aspect and overall), or None with one scorer."""
    result = loaded.agreement()
    if result is None:
        return None
    per_aspect, overall = result
    return {"scorer_a": loaded.project.scorer_a, "scorer_b": loaded.project.scorer_b,
            "rows": [agreement_row(item.aspect.name, item.aspect.parent or "", item.agreement)
                     for item in per_aspect],
            "overall": agreement_row("Alle aspecten samen", "", overall)}


def context(loaded: Loaded) -> dict:
    """Everything the matrix templates show."""
    return {"title": loaded.project.title or loaded.project.name, "name": loaded.project.name,
            "scorer": loaded.project.scorer_a, "cases": [case.label for case in loaded.cases],
            "levels": [level_dict(level) for level in loaded.scale.levels], "rows": matrix_rows(loaded),
            "attributes": attribute_rows(loaded), "counts": count_rows(loaded),
            "applicable_levels": [level_dict(level) for level in loaded.scale.applicable()],
            "agreement": agreement_rows(loaded), "not_scored": NOT_SCORED}
