"""Reading the CSV files researchers hand in (often saved from Excel) into rows with line numbers.

Bounded by `survey_app.limits` (size, rows, columns, characters per cell) and refusing control characters
such as NUL, which PostgreSQL cannot store; every refusal names the file and the line.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from survey_app.limits import (
    MAX_COLUMNS,
    MAX_CSV_BYTES,
    MAX_FIELD_CHARS,
    MAX_ROWS,
    LimitCode,
    LimitExceeded,
    check_count,
    read_bounded,
)
from survey_app.services.errors import InputError, InputProblem, fail

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True)
class CsvTable:
    """The header and the data rows of a CSV file; `rows[i]` stands on file line `lines[i]`."""

    source: str
    header: list[str]
    rows: list[dict[str, str]]
    lines: list[int]


def _decode(raw: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) only: a wrong encoding would silently corrupt Dutch labels."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise fail(
            source, f"het bestand is niet in UTF-8 gecodeerd (byte {error.start + 1}); sla het op als 'CSV UTF-8'",
            row=line,
        ) from None


def read_csv(path: str | Path, required: list[str], optional: list[str] | None = None,
             allow_extra: bool = False) -> CsvTable:
    """Read a comma- or semicolon-separated file, checking the header before any row is used."""
    source = str(path)
    try:
        raw = read_bounded(path, MAX_CSV_BYTES)
    except LimitExceeded as error:
        raise fail(source, str(error), row=1) from None
    except OSError as error:
        raise fail(source, f"kan het bestand niet lezen: {error.strerror or error}") from None
    text = _decode(raw, source)
    if not text.strip():
        raise fail(source, "het bestand is leeg", row=1)
    control = _CONTROL.search(text)
    if control:
        raise fail(source, f"onleesbaar teken (code {ord(control.group()):#04x}) in het bestand; is dit wel een "
                   "CSV-bestand?", row=text.count("\n", 0, control.start()) + 1)
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        records = _bounded_records(reader)
    except LimitExceeded as error:
        raise fail(source, str(error), row=error.line) from None
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise fail(source, str(_field_too_long(reader.line_num)), row=reader.line_num) from None
        raise fail(source, f"ongeldige CSV: {error}", row=reader.line_num) from None
    header = [h.strip() for h in records[0]]
    problems = []
    known = set(required) | set(optional or [])
    for column in required:
        if column not in header:
            problems.append(InputProblem(source, f"verplichte kolom '{column}' ontbreekt", 1))
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(InputProblem(source, "kolom komt twee keer voor", 1, column))
        seen.add(column)
        if not allow_extra and column not in known:
            problems.append(InputProblem(source, f"onbekende kolom; verwacht: {', '.join(required)}", 1, column))
    if problems:
        raise InputError(problems)
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.append(InputProblem(source, f"{len(record)} velden, verwacht {len(header)}", number))
            continue
        rows.append((number, dict(zip(header, record, strict=True))))
    if problems:
        raise InputError(problems)
    return CsvTable(source, header, [r for _, r in rows], [n for n, _ in rows])


def _field_too_long(line: int) -> LimitExceeded:
    return LimitExceeded(LimitCode.LIMIT_007, line, limit=f"{MAX_FIELD_CHARS:,}".replace(",", "."))


def _bounded_records(reader) -> list[list[str]]:
    """Every record of the reader, refused beyond MAX_ROWS, MAX_COLUMNS or MAX_FIELD_CHARS per cell."""
    records = []
    for record in reader:
        line = reader.line_num
        check_count(len(records), MAX_ROWS, "rijen", line)
        check_count(len(record), MAX_COLUMNS, "kolommen", line)
        if any(len(cell) > MAX_FIELD_CHARS for cell in record):
            raise _field_too_long(line)
        records.append(record)
    return records
