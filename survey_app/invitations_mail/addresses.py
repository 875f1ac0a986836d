"""Reading an address list (`team,email`, CSV or XLSX) into checked rows, every problem named by row and column.

CSV goes through services/csv_input.py (size, rows, cells, control characters, UTF-8). XLSX is read with
openpyxl in read-only mode after the zip's member count and unpacked size are checked against limits.py (a zip
bomb is refused before anything unpacks), with the same row bound as a CSV.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from dataclasses import dataclass
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
from survey_app.services.csv_input import read_csv
from survey_app.services.errors import InputError, InputProblem, fail

COLUMNS = ["team", "email"]
MAX_EMAIL = 254
#: a practical address check: one @, no spaces or brackets, a domain with a dot and a letter top-level part
EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$")


@dataclass(frozen=True)
class AddressRow:
    """One address of the file: the file line (header = 1), the team slug and the address (lower case)."""

    line: int
    team: str
    email: str


def _cell(value: object) -> str:
    return "" if value is None else str(value).replace("\u00a0", " ").strip()


def _read_xlsx(path: Path, source: str) -> list[tuple[int, dict[str, str]]]:
    """The rows of the first sheet of a workbook by header, bounded like a CSV."""
    import openpyxl

    try:
        check_size(path.stat().st_size, MAX_SPREADSHEET_BYTES)
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
        unpacked = sum(member.file_size for member in members)
        if len(members) > MAX_DOCX_MEMBERS or unpacked > MAX_DOCX_UNCOMPRESSED:
            raise fail(source, f"de werkmap pakt uit tot {size_text(unpacked)} (maximaal "
                       f"{size_text(MAX_DOCX_UNCOMPRESSED)})", row=1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            rows = workbook.worksheets[0].iter_rows(values_only=True)
            header = [_cell(value).lower() for value in next(rows, ())]
            missing = [c for c in COLUMNS if c not in header]
            if missing:
                raise InputError([InputProblem(source, f"verplichte kolom '{c}' ontbreekt", 1) for c in missing])
            found = []
            for number, values in enumerate(rows, start=2):
                check_count(number - 1, MAX_ROWS, "rijen", number)
                cells = {column: _cell(values[header.index(column)]) if header.index(column) < len(values) else ""
                         for column in COLUMNS}
                if any(cells.values()):
                    found.append((number, cells))
            return found
        finally:
            workbook.close()
    except LimitExceeded as error:
        raise fail(source, f"{error.code.code} {error.message}", row=error.line or 1) from None
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise fail(source, f"geen leesbaar Excel-bestand (.xlsx): {type(error).__name__}", row=1) from None


def read_rows(path: str | Path, source: str) -> list[tuple[int, dict[str, str]]]:
    """(line, {team, email}) for each non-empty row of a .csv or .xlsx file; `source` names it in messages."""
    path = Path(path)
    suffix = Path(source).suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path, source)
    if suffix != ".csv":
        raise fail(source, "kies een .csv- of .xlsx-bestand met de kolommen team en email")
    try:
        table = read_csv(path, COLUMNS)
    except InputError as error:
        raise InputError([InputProblem(source if p.source == str(path) else p.source, p.message, p.row, p.column)
                          for p in error.problems]) from None
    return [(line, {c: row[c].strip() for c in COLUMNS}) for line, row in zip(table.lines, table.rows, strict=True)]


def check_rows(rows: list[tuple[int, dict[str, str]]], source: str, teams: set[str],
               known_emails: set[str]) -> list[AddressRow]:
    """Checked addresses, or one InputError with every problem (unknown team, bad or repeated address)."""
    problems: list[InputProblem] = []
    seen: dict[str, int] = {}
    checked: list[AddressRow] = []
    for line, cells in rows:
        team, email = cells["team"], cells["email"].lower()
        if team not in teams:
            shown = team[:40] or "(leeg)"
            problems.append(InputProblem(source, f"team '{shown}' doet niet mee aan deze golf (teams: "
                                         f"{', '.join(sorted(teams)) or 'geen'})", line, "team"))
        if not email:
            problems.append(InputProblem(source, "e-mailadres ontbreekt", line, "email"))
        elif len(email) > MAX_EMAIL or not EMAIL.match(email):
            problems.append(InputProblem(source, "dit is geen geldig e-mailadres", line, "email"))
        elif email in seen:
            problems.append(InputProblem(source, f"dit adres staat al op regel {seen[email]}", line, "email"))
        elif email in known_emails:
            problems.append(InputProblem(source, "dit adres is al eerder voor deze golf opgegeven", line, "email"))
        seen.setdefault(email, line)
        checked.append(AddressRow(line, team, email))
    if not rows:
        problems.append(InputProblem(source, "het bestand bevat geen adressen", 2))
    if problems:
        raise InputError(problems)
    return checked
