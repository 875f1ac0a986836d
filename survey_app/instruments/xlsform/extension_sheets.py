"""This platform's own sheets in an exported XLSForm: scale labels, constructs and pairs.

pyxform, ODK and KoboToolbox ignore sheets they do not know, so the analysis metadata of a module travels in
the workbook and comes back on import; a form from elsewhere simply has none of these sheets.
"""

from __future__ import annotations

import re

from .columns import Cells
from .sheets import Sheet

SCALE_COLUMNS = ("list_name", "label", "level")
CONSTRUCT_COLUMNS = ("name", "label", "items", "min_items", "min_asked")
PAIR_COLUMNS = ("name", "kind", "label", "a", "b")
GRID_COLUMN_COLUMNS = ("grid", "name", "conditional_on", "conditional_label")


def range_constraint(minimum: str, maximum: str) -> str:
    """The check ODK needs for this platform's ``min``/``max`` columns: ``. >= 16 and . <= 75``."""
    return " and ".join(part for part in (f". >= {minimum}" if minimum else "",
                                          f". <= {maximum}" if maximum else "") if part)


def with_range(constraint: str, minimum: str, maximum: str) -> str:
    """The constraint column of the export: the item's own constraint and its range."""
    bounds = range_constraint(minimum, maximum)
    if not bounds or not constraint:
        return constraint or bounds
    return f"({constraint}) and ({bounds})"


def without_range(constraint: str, minimum: str, maximum: str) -> str:
    """The item's own constraint again, when the export added the range to it (the reverse of with_range)."""
    bounds = range_constraint(minimum, maximum)
    if not bounds:
        return constraint
    if constraint.strip() == bounds:
        return ""
    suffix = f") and ({bounds})"
    if constraint.startswith("(") and constraint.endswith(suffix):
        return constraint[1:-len(suffix)]
    return constraint


def _rows(sheet: Sheet | None) -> list[Cells]:
    return [Cells.of(row) for row in sheet.rows] if sheet is not None else []


def read_scale_labels(sheet: Sheet | None) -> dict[str, dict]:
    """Scale name -> its label and measurement level, where the sheet gives them."""
    return {c.get("list_name"): {key: c.get(key) for key in ("label", "level") if c.get(key)}
            for c in _rows(sheet) if c.get("list_name")}


def read_constructs(sheet: Sheet | None) -> list[dict]:
    """The ``constructs:`` of the module."""
    constructs = []
    for cells in _rows(sheet):
        construct: dict = {"name": cells.get("name"), "label": cells.get("label"),
                           "items": [p for p in re.split(r"[\s,]+", cells.get("items")) if p]}
        for key in ("min_items", "min_asked"):
            if value := cells.get(key):
                construct[key] = int(value) if value.isdigit() else value
        constructs.append(construct)
    return constructs


def read_pairs(sheet: Sheet | None) -> list[dict]:
    """The ``pairs:`` of the module."""
    return [{column: cells.get(column) for column in PAIR_COLUMNS} for cells in _rows(sheet)]


def read_grid_columns(sheet: Sheet | None) -> dict[tuple[str, str], dict]:
    """(grid, column) -> its `conditional_on` / `conditional_label` (the grid's choice list has no place for them)."""
    return {(c.get("grid"), c.get("name")): {key: c.get(key) for key in GRID_COLUMN_COLUMNS[2:] if c.get(key)}
            for c in _rows(sheet) if c.get("grid") and c.get("name")}


def apply_grid_columns(pages: list[dict], extra: dict[tuple[str, str], dict]) -> None:
    """Put the `grid_columns` sheet's keys back on the columns of the module's yes/no grids, in place."""
    for page in pages:
        for item in page.get("items", []):
            if item.get("type") == "yesno_grid":
                for column in item.get("columns", []):
                    column.update(extra.get((item["name"], column["name"]), {}))
