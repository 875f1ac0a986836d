"""Write small XLSForms inline, as tables, the way pyxform's own tests do: a test reads like the file."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def write_form(path: Path, survey: list[list[str]], choices: list[list[str]] | None = None,
               settings: list[list[str]] | None = None) -> Path:
    """An .xlsx with the given sheets; the first row of each table is its header."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in (("survey", survey), ("choices", choices), ("settings", settings)):
        if rows:
            sheet = workbook.create_sheet(name)
            for row in rows:
                sheet.append([cell if cell != "" else None for cell in row])
    workbook.save(path)
    return path
