"""Reading the CSV files researchers hand in (often saved from Excel) into rows with line numbers."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from survey_app.services.errors import InputError, InputProblem, fail

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
        raw = Path(path).read_bytes()
    except OSError as error:
        raise fail(source, f"kan het bestand niet lezen: {error.strerror}") from None
    text = _decode(raw, source)
    if not text.strip():
        raise fail(source, "het bestand is leeg", row=1)
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise fail(source, f"ongeldige CSV: {error}") from None
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
