"""Every CSV the platform writes is safe to open in a spreadsheet: text never runs as a formula.

Excel and LibreOffice treat a cell that starts with `=`, `+`, `-` or `@` (and, after a TAB or CR, the same)
as a formula, so an open answer such as `=HYPERLINK("http://…","klik")` or `+cmd|' /C calc'!A0` would run on
the researcher's machine. Text values that start so get a leading apostrophe, as OWASP advises and as the
XLSX writers get by storing text as text. Numbers (`-1` in a numeric column) are passed as numbers and stay
numbers. The apostrophe is reversible: `restore` gives the original back, so files the platform writes and
reads again (the wide answer CSV, the codebook CSV) round-trip exactly. Pure module: no Flask, no database.

Two dialects. The files of the firm contracts (`flask wave invite --out`, `flask export --format csv`,
codings.csv, the org CSV) stay comma-separated, as documented. What a researcher downloads in the browser is
opened by double-clicking it in Excel, which on a Dutch Windows splits on its list separator, the semicolon, and
reads a decimal comma: `excel_writer` writes that dialect (semicolons, decimal commas, CRLF; the caller writes
a UTF-8 BOM so ë and é survive). Every importer of the platform reads both dialects (it takes the separator
from the header line and accepts a decimal comma), so a downloaded file can be uploaded or imported again.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from typing import IO

#: a text that a spreadsheet would run, or one that already carries our apostrophe in front of such a text
_NEEDS_QUOTE = re.compile(r"'*[=+\-@\t\r]")
_QUOTED = re.compile(r"'+[=+\-@\t\r]")


def neutralise(value: object) -> object:
    """The value as a CSV cell: formula-like text gets a leading apostrophe; numbers and other text unchanged."""
    if isinstance(value, str) and _NEEDS_QUOTE.match(value):
        return "'" + value
    return value


def restore(text: str) -> str:
    """Undo `neutralise` on text read back from a CSV the platform wrote (or a person saved from it)."""
    return text[1:] if _QUOTED.match(text) else text


#: the list separator of Excel with Dutch regional settings
EXCEL_DELIMITER = ";"
#: the encoding of a download for Excel: UTF-8 with a byte order mark, without which Excel guesses Windows-1252
EXCEL_ENCODING = "utf-8-sig"


def dutch_decimal(value: object) -> object:
    """A number as Dutch Excel reads it ('4,5'; a whole float as '2', not '2.0'); everything else unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return value


class SafeWriter:
    """`csv.writer` with every text cell neutralised (and, for Dutch Excel, fractions with a decimal comma)."""

    def __init__(self, target: IO[str], decimal_comma: bool = False, **options) -> None:
        self._writer = csv.writer(target, **options)
        self._decimal_comma = decimal_comma

    def writerow(self, row: Iterable[object]) -> None:
        """Write one row."""
        cells = [neutralise(value) for value in row]
        if self._decimal_comma:
            cells = [dutch_decimal(value) for value in cells]
        self._writer.writerow(cells)

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write several rows."""
        for row in rows:
            self.writerow(row)


class SafeDictWriter:
    """`csv.DictWriter` with every text cell neutralised."""

    def __init__(self, target: IO[str], fieldnames: list[str], **options) -> None:
        self._writer = csv.DictWriter(target, fieldnames=fieldnames, **options)
        self.fieldnames = fieldnames

    def writeheader(self) -> None:
        """Write the header row (the field names, neutralised like any text)."""
        self._writer.writerow({name: neutralise(name) for name in self.fieldnames})

    def writerow(self, row: Mapping[str, object]) -> None:
        """Write one row."""
        self._writer.writerow({key: neutralise(value) for key, value in row.items()})

    def writerows(self, rows: Iterable[Mapping[str, object]]) -> None:
        """Write several rows."""
        for row in rows:
            self.writerow(row)


def writer(target: IO[str], **options) -> SafeWriter:
    """The one way the platform writes CSV rows (see the module docstring); options as for `csv.writer`."""
    return SafeWriter(target, **options)


def excel_writer(target: IO[str], **options) -> SafeWriter:
    """A writer in the dialect of Dutch Excel (semicolons, decimal commas) for downloads; the caller writes the BOM
    (open the file with EXCEL_ENCODING, or use `excel_csv_bytes`)."""
    return SafeWriter(target, decimal_comma=True, delimiter=EXCEL_DELIMITER, lineterminator="\r\n", **options)


def excel_csv_bytes(rows: Iterable[Iterable[object]]) -> bytes:
    """Rows as a complete download for Dutch Excel: BOM, semicolons, decimal commas, neutralised text."""
    buffer = io.StringIO(newline="")
    excel_writer(buffer).writerows(rows)
    return buffer.getvalue().encode(EXCEL_ENCODING)
