"""Reading the text files researchers hand us: encoding detection and simple CSV tables with row numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from survey_app.coding.errors import CodingImportError


def decode_bytes(data: bytes, source: str, error: type[CodingImportError] = CodingImportError) -> str:
    """Decode a file as UTF-8 (with or without BOM) or else Windows-1252, the usual Word/Excel export on Dutch PCs."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(source, [f"regel {line}: onleesbare tekens; sla het bestand op als UTF-8"]) from None


def check_control_characters(text: str, source: str, error: type[CodingImportError], unit: str = "regel") -> None:
    """Refuse binary garbage (NUL and other control characters), naming the first line where it occurs."""
    for number, line in enumerate(text.splitlines(), start=1):
        if any(ord(ch) < 32 and ch not in "\t\r\n\f\v" for ch in line):
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
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = list(reader)
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
