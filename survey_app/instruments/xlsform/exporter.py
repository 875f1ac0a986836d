"""Instrument module -> XLSForm workbook that pyxform, ODK and KoboToolbox read.

Every page is a ``field-list`` group; a yes/no grid is a ``table-list`` group of select_multiple rows on the
list of its columns; a rating is a ``range``. What XLSForm has no column for (source, reverse, gemeenten,
min/max, max_length, rating labels, measurement level) goes into extra columns that pyxform ignores, and scale labels,
constructs and pairs into extra sheets, so that importing the workbook gives the same module back.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Choice, Item, ItemType, Module, Page
from .extension_sheets import CONSTRUCT_COLUMNS, GRID_COLUMN_COLUMNS, PAIR_COLUMNS, SCALE_COLUMNS, with_range

SURVEY_COLUMNS = ("type", "name", "label", "hint", "required", "required_message", "relevant", "constraint",
                  "constraint_message", "appearance", "parameters", "min", "max", "max_length", "min_label",
                  "max_label", "source", "reverse", "level", "only_gemeenten", "skip_gemeenten")
CHOICES_COLUMNS = ("list_name", "name", "label")
SETTINGS_COLUMNS = ("form_title", "form_id", "version", "position", "description")
DEFAULT_MAX_LENGTH = {ItemType.TEXT: 200, ItemType.TEXTAREA: 4000}
RESERVED = ("gemeente", "team")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _common(item: Item) -> dict[str, str]:
    """The columns every item type may fill, and this platform's own columns."""
    row = {
        "name": item.name, "label": item.label, "hint": item.hint, "required": "yes" if item.required else "",
        "required_message": item.required_message, "relevant": item.relevant or "",
        "constraint": item.constraint or "", "constraint_message": item.constraint_message,
        "source": item.source if item.source != "verbatim" else "", "reverse": "yes" if item.reverse else "",
        "level": item.level.value if item.level is not None else "",
        "only_gemeenten": " ".join(item.only_gemeenten), "skip_gemeenten": " ".join(item.skip_gemeenten),
    }
    if item.type in (ItemType.INTEGER, ItemType.DECIMAL):
        row.update(min=_number(item.minimum), max=_number(item.maximum))
        row["constraint"] = with_range(row["constraint"], row["min"], row["max"])  # so ODK checks the range too
    if item.type in DEFAULT_MAX_LENGTH and item.max_length != DEFAULT_MAX_LENGTH[item.type]:
        row["max_length"] = str(item.max_length)
    return row


class _Sheets:
    """The rows of the survey and choices sheets being written."""

    def __init__(self, module: Module) -> None:
        self.module = module
        self.survey: list[dict[str, str]] = []
        self.choices: list[dict[str, str]] = []
        self.lists: set[str] = set()

    def add_list(self, name: str, choices) -> str:
        if name not in self.lists:
            self.lists.add(name)
            self.choices += [{"list_name": name, "name": str(c.code), "label": c.label} for c in choices]
        return name

    def item(self, item: Item) -> None:
        row = _common(item)
        kind = item.type
        if kind == ItemType.NOTE:
            row.update(type="note", label=item.text)
        elif kind == ItemType.SELECT_ONE:
            named = item.scale is not None and self.module.scales.get(item.scale.name) == item.scale
            list_name = item.scale.name if named else item.name
            row["type"] = "select_one " + self.add_list(list_name, item.scale.choices if item.scale else ())
        elif kind == ItemType.SELECT_MULTIPLE:
            self.add_list(item.name, item.scale.choices if item.scale else ())
            row["type"] = f"select_multiple {item.name}" + (" or_other" if item.other else "")
        elif kind == ItemType.RATING:
            row.update(type="range", parameters=f"start={_number(item.minimum)} end={_number(item.maximum)} step=1",
                       min_label=item.min_label, max_label=item.max_label)
        elif kind == ItemType.TEXTAREA:
            row.update(type="text", appearance="multiline")
        elif kind == ItemType.YESNO_GRID:
            self.grid(item, row)
            return
        else:
            row["type"] = kind.value
        self.survey.append(row)

    def grid(self, item: Item, row: dict[str, str]) -> None:
        """A yes/no grid: a table-list group with one select_multiple per row on the list of its columns."""
        required = row.pop("required")
        self.add_list(item.name, [Choice(cell.name, cell.label) for cell in item.columns])
        self.survey.append({**row, "type": "begin group", "appearance": "table-list"})
        for cell in item.rows:
            self.survey.append({"type": f"select_multiple {item.name}", "name": f"{item.name}_{cell.name}",
                                "label": cell.label, "required": required})
        self.survey.append({"type": "end group"})

    def page(self, page: Page) -> None:
        self.survey.append({
            "type": "begin group", "name": page.id, "label": page.title, "hint": page.intro,
            "appearance": "field-list", "relevant": page.relevant or "",
            "only_gemeenten": " ".join(page.only_gemeenten), "skip_gemeenten": " ".join(page.skip_gemeenten),
        })
        for item in page.items:
            self.item(item)
        self.survey.append({"type": "end group"})


def _references_reserved(module: Module) -> list[str]:
    """gemeente and team where an expression uses them: hidden fields the invitation would fill."""
    texts = [text for page in module.pages for text in [page.relevant] + [
        t for item in page.items for t in (item.relevant, item.constraint)] if text]
    return [name for name in RESERVED if any("${" + name + "}" in text for text in texts)]


def workbook_rows(module: Module) -> dict[str, tuple[tuple[str, ...], list[dict[str, str]]]]:
    """Every sheet of the XLSForm as (columns, rows)."""
    sheets = _Sheets(module)
    sheets.survey += [{"type": "hidden", "name": name} for name in _references_reserved(module)]
    for page in module.pages:
        sheets.page(page)
    for name in sorted(module.scales):
        sheets.add_list(name, module.scales[name].choices)
    out = {
        "survey": (SURVEY_COLUMNS, sheets.survey),
        "choices": (CHOICES_COLUMNS, sheets.choices),
        "settings": (SETTINGS_COLUMNS, [{
            "form_title": module.title, "form_id": module.id, "version": module.version,
            "position": str(module.position), "description": module.description,
        }]),
    }
    scale_rows = [{"list_name": s.name, "label": s.label, "level": s.level.value if s.level is not None else ""}
                  for s in module.scales.values() if s.label or s.level is not None]
    if scale_rows:
        out["scales"] = (SCALE_COLUMNS, scale_rows)
    if module.constructs:
        out["constructs"] = (CONSTRUCT_COLUMNS, [
            {"name": c.name, "label": c.label, "items": " ".join(c.items), "min_items": str(c.min_items),
             "min_asked": str(c.min_asked) if c.min_asked is not None else ""}
            for c in module.constructs])
    grid_columns = [{"grid": item.name, "name": c.name, "conditional_on": c.conditional_on,
                     "conditional_label": c.conditional_label}
                    for item in module.items for c in item.columns if c.conditional_on]
    if grid_columns:
        out["grid_columns"] = (GRID_COLUMN_COLUMNS, grid_columns)
    if module.pairs:
        out["pairs"] = (PAIR_COLUMNS, [{"name": p.name, "kind": p.kind, "label": p.label, "a": p.a, "b": p.b}
                                       for p in module.pairs])
    return out


def export_xlsform(module: Module, path: str | Path) -> None:
    """Write the module as an .xlsx XLSForm (every cell as text, as XLSForm expects)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, (columns, rows) in workbook_rows(module).items():
        sheet = workbook.create_sheet(name)
        sheet.append(list(columns))
        for row in rows:
            sheet.append([row.get(column, "") or None for column in columns])
    workbook.save(path)
