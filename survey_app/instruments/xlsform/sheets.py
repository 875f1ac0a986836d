"""Read an XLSForm workbook (.xlsx, .xls or pyxform's one-file .csv) into plain rows of text.

Every row keeps its spreadsheet row number (for .csv: its line number) so that each message can point at
it. Cell values become text the way pyxform reads them: whole floats without ``.0``, booleans as
``TRUE``/``FALSE``, surrounding spaces stripped, empty cells left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from survey_app.limits import (
    MAX_DOCX_MEMBERS,
    MAX_DOCX_UNCOMPRESSED,
    MAX_ROWS,
    MAX_SPREADSHEET_BYTES,
    LimitExceeded,
    check_count,
    check_size,
    size_text,
)

from .codes import XlsformCode, XlsformError, XlsformProblem

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")
MAX_COLUMNS = 500  #: no XLSForm has more columns; sheets formatted to the last column are cut here
MAX_EMPTY_ROWS = 60  #: as pyxform: after this many empty rows the sheet has ended (junk below is ignored)
_SPACES = re.compile(r"\s+")


@dataclass
class Row:
    """One data row: its row number and the non-empty cells by (cleaned) column header."""

    number: int
    cells: dict[str, str]


@dataclass
class Sheet:
    """One worksheet: its name as written, the header row number, the headers in order and the data rows."""

    name: str
    header_row: int = 1
    headers: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)


def cell_text(value: object) -> str:
    """A cell value as text, as pyxform reads it."""
    if value is None:
        return ""
    if value is True:
        return "TRUE"
    if value is False:
        return "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value).replace("\u00a0", " ").strip()


def _sheet_from_grid(name: str, grid: Iterable[tuple[int, Sequence[object]]], file: str,
                     problems: list[XlsformProblem]) -> Sheet:
    """A sheet from (row number, cells) pairs: the first non-empty row is the header."""
    sheet = Sheet(name)
    header_cells: list[str] | None = None
    empty = 0
    for number, cells in grid:
        check_count(len(sheet.rows) + 1, MAX_ROWS, f"rijen in werkblad {name!r}", number)
        texts = [cell_text(c) for c in cells[:MAX_COLUMNS]]
        empty = 0 if any(texts) else empty + 1
        if empty > MAX_EMPTY_ROWS:
            break
        if header_cells is None:
            if not any(texts):
                continue
            header_cells = [_SPACES.sub(" ", t) for t in texts]
            sheet.header_row = number
            seen: set[str] = set()
            for header in header_cells:
                if header and header in seen:
                    problems.append(XlsformProblem.of(file, number, XlsformCode.XLSFORM_004, column=header,
                                                      sheet=name))
                seen.add(header)
            sheet.headers = [h for h in header_cells if h]
            continue
        row = {header_cells[i]: t for i, t in enumerate(texts) if i < len(header_cells) and header_cells[i] and t}
        if row:
            sheet.rows.append(Row(number, row))
    return sheet


def _check_zip(path: Path) -> None:
    """Refuse a workbook whose zip declares more parts or more unpacked bytes than any form needs (a zip
    bomb), before openpyxl unpacks anything."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_DOCX_MEMBERS or unpacked > MAX_DOCX_UNCOMPRESSED:
        raise XlsformError([XlsformProblem.of(str(path), 1, XlsformCode.XLSFORM_001, detail=(
            f"werkmap pakt uit tot {size_text(unpacked)} in {len(members)} onderdelen (maximaal "
            f"{size_text(MAX_DOCX_UNCOMPRESSED)} in {MAX_DOCX_MEMBERS})"))])


def _read_xlsx(path: Path, file: str, problems: list[XlsformProblem]) -> list[Sheet]:
    import openpyxl

    _check_zip(path)
    with warnings.catch_warnings():  # openpyxl warns about extensions (data validation, macros) it drops
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return [
                _sheet_from_grid(ws.title, enumerate(ws.iter_rows(values_only=True), 1), file, problems)
                for ws in workbook.worksheets
            ]
        finally:
            workbook.close()


def _read_xls(path: Path, file: str, problems: list[XlsformProblem]) -> list[Sheet]:
    import xlrd

    book = xlrd.open_workbook(str(path), on_demand=True)
    sheets = []
    try:
        for ws in book.sheets():
            grid = []
            for index in range(ws.nrows):
                values = []
                for cell in ws.row(index):
                    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
                        values.append(bool(cell.value))
                    elif cell.ctype == xlrd.XL_CELL_DATE:
                        values.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                    else:
                        values.append(cell.value)
                grid.append((index + 1, values))
            sheets.append(_sheet_from_grid(ws.name, grid, file, problems))
    finally:
        book.release_resources()
    return sheets


def _read_csv(path: Path, file: str, problems: list[XlsformProblem]) -> list[Sheet]:
    """pyxform's one-file CSV: a value in the first column starts a sheet; the other columns hold its rows."""
    text = path.read_text(encoding="utf-8-sig")
    grids: dict[str, list[tuple[int, list[object]]]] = {}
    current: str | None = None
    for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), 1):
        if not row:
            continue
        if row[0].strip():
            current = row[0].strip()
            grids.setdefault(current, [])
        if current is not None and any(c.strip() for c in row[1:]):
            grids[current].append((number, row[1:]))
    return [_sheet_from_grid(name, grid, file, problems) for name, grid in grids.items()]


def read_workbook(path: str | Path) -> dict[str, Sheet]:
    """The sheets of an XLSForm by lower-case name; raises XlsformError when unreadable or malformed."""
    path = Path(path)
    file = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise XlsformError([XlsformProblem.of(file, 1, XlsformCode.XLSFORM_002, suffix=path.suffix)])
    readers = {".xlsx": _read_xlsx, ".xlsm": _read_xlsx, ".xls": _read_xls, ".csv": _read_csv}
    problems: list[XlsformProblem] = []
    try:
        check_size(path.stat().st_size, MAX_SPREADSHEET_BYTES)
        sheets = readers[suffix](path, file, problems)
    except XlsformError:
        raise
    except LimitExceeded as exc:
        raise XlsformError([XlsformProblem.of(file, exc.line or 1, XlsformCode.XLSFORM_001,
                                              detail=f"{exc.code.code} {exc.message}")]) from exc
    except Exception as exc:  # noqa: BLE001 - xlrd, openpyxl, zipfile and csv each raise their own types
        raise XlsformError([XlsformProblem.of(file, 1, XlsformCode.XLSFORM_001, detail=str(exc) or
                                              type(exc).__name__)]) from exc
    if problems:
        raise XlsformError(problems)
    if len(sheets) == 1:  # as pyxform: a workbook with one sheet holds the survey, whatever its name
        return {"survey": sheets[0]}
    return {sheet.name.strip().lower(): sheet for sheet in sheets}
