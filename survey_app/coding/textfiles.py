"""Reading the text files researchers hand us: encoding detection and simple CSV tables with row numbers.

Every reader here is bounded (`survey_app.limits`): file size, rows, columns and characters per cell, and
refuses control characters such as NUL, which PostgreSQL cannot store in a text column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

from survey_app.coding.errors import CodingImportError, limit_problem
from survey_app.limits import (
    MAX_COLUMNS,
    MAX_FIELD_CHARS,
    MAX_ROWS,
    LimitCode,
    LimitExceeded,
    check_count,
    read_bounded,
)
from survey_app.text_decoding import UndecodableText, decode_dutch_text


def read_file(path: str | Path, limit: int, error: type[CodingImportError] = CodingImportError) -> bytes:
    """The bytes of a file the researcher named, refused when larger than ``limit`` or unreadable."""
    path = Path(path)
    try:
        return read_bounded(path, limit)
    except LimitExceeded as exc:
        raise error(path.name, [limit_problem(exc)]) from None
    except OSError as exc:
        raise error(path.name, [f"kan het bestand niet lezen ({exc.strerror or exc})"]) from None


def decode_bytes(data: bytes, source: str, error: type[CodingImportError] = CodingImportError) -> str:
    """Decode a file as UTF-8 (with or without BOM) or else Windows-1252, the usual Word/Excel export on Dutch PCs."""
    try:
        return decode_dutch_text(data)
    except UndecodableText as exc:
        raise error(source, [f"regel {exc.line}: onleesbare tekens; sla het bestand op als UTF-8"]) from None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def check_control_characters(text: str, source: str, error: type[CodingImportError], unit: str = "regel") -> None:
    """Refuse binary garbage (NUL and other control characters), naming the first line where it occurs."""
    found = _CONTROL.search(text)
    if found:
        number = text.count("\n", 0, found.start()) + 1
        raise error(source, [f"{unit} {number}: onleesbare (binaire) tekens; is dit wel een tekstbestand?"])


def read_csv_records(
    text: str,
    source: str,
    required: tuple[str, ...],
    error: type[CodingImportError],
    alternatives: Callable[[set[str]], str | None] | None = None,
) -> list[tuple[int, dict[str, str]]]:
    """Parse a CSV (comma or semicolon) into (row number, record) pairs; header is row 1, like in a spreadsheet.

    Column names are compared lower-case and stripped; cell values are stripped. `alternatives`, when given,
    checks the header itself and returns a problem text or None.
    """
    check_control_characters(text, source, error, unit="regel")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows = _bounded_rows(reader)
    except LimitExceeded as exc:
        raise error(source, [limit_problem(exc, unit="rij")]) from None
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            exc = LimitExceeded(LimitCode.LIMIT_007, reader.line_num, limit=f"{MAX_FIELD_CHARS:,}".replace(",", "."))
            raise error(source, [limit_problem(exc, unit="regel")]) from None
        raise error(source, [f"regel {reader.line_num}: ongeldige CSV ({exc})"]) from None
    if not rows:
        raise error(source, ["het bestand is leeg"])
    header = [name.strip().lower() for name in rows[0]]
    missing = [name for name in required if name not in header]
    if missing:
        raise error(source, [f"rij 1: kolom(men) ontbreken: {', '.join(missing)}"])
    if alternatives is not None:
        problem = alternatives(set(header))
        if problem:
            raise error(source, [f"rij 1: {problem}"])
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        record = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header) if name}
        records.append((number, record))
    return records


def _bounded_rows(reader) -> list[list[str]]:
    """The rows of a CSV reader, refused beyond MAX_ROWS rows, MAX_COLUMNS columns or MAX_FIELD_CHARS per cell."""
    rows = []
    for row in reader:
        number = len(rows) + 1
        check_count(number - 1, MAX_ROWS, "rijen", number)
        check_count(len(row), MAX_COLUMNS, "kolommen", number)
        if any(len(cell) > MAX_FIELD_CHARS for cell in row):
            raise LimitExceeded(LimitCode.LIMIT_007, number, limit=f"{MAX_FIELD_CHARS:,}".replace(",", "."))
        rows.append(row)
    return rows
