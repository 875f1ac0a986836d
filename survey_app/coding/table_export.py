"""Writing the coding tables (anything with `title` and `to_rows()`) to CSV and XLSX files."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Protocol

from openpyxl import Workbook
from openpyxl.styles import Font

from survey_app import csv_safety


class Table(Protocol):
    """What the writers need from a table: a title and its rows, header first."""

    title: str

    def to_rows(self) -> list[list[object]]: ...


def write_csv(table: Table, target: str | Path | IO[str], delimiter: str = ",") -> None:
    """Write one table as UTF-8 CSV (with BOM when writing a file, so Excel shows ë and é correctly)."""
    rows = table.to_rows()  # text that a spreadsheet would run as a formula is neutralised by csv_safety
    if isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8-sig", newline="") as handle:
            csv_safety.writer(handle, delimiter=delimiter, lineterminator="\n").writerows(rows)
    else:
        csv_safety.writer(target, delimiter=delimiter, lineterminator="\n").writerows(rows)


def _sheet_name(title: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "-", title).strip() or "Tabel"
    name, number = base[:31], 2
    while name in used:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name)
    return name


def write_xlsx(tables: Iterable[Table], target: str | Path | IO[bytes]) -> None:
    """Write tables to one workbook, a sheet per table with a bold header; text is never read as a formula."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(_sheet_name(table.title, used))
        for row in table.to_rows():
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # keep text such as "=..." as text, never a formula
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column_cells in sheet.columns:
            width = max(len(str(cell.value or "")) for cell in column_cells)
            sheet.column_dimensions[column_cells[0].column_letter].width = min(max(width + 2, 8), 80)
    if not workbook.sheetnames:
        workbook.create_sheet("Leeg")
    workbook.save(target)
