"""Every CSV the platform writes is safe to open in a spreadsheet: text never runs as a formula.

Excel and LibreOffice treat a cell that starts with `=`, `+`, `-` or `@` (and, after a TAB or CR, the same)
as a formula, so an open answer such as `=HYPERLINK("http://…","klik")` or `+cmd|' /C calc'!A0` would run on
the researcher's machine. Text values that start so get a leading apostrophe, as OWASP advises and as the
XLSX writers get by storing text as text. Numbers (`-1` in a numeric column) are passed as numbers and stay
numbers. The apostrophe is reversible: `restore` gives the original back, so files the platform writes and
reads again (the wide answer CSV, the codebook CSV) round-trip exactly. Pure module: no Flask, no database.
"""

from __future__ import annotations

import csv
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


class SafeWriter:
    """`csv.writer` with every text cell neutralised."""

    def __init__(self, target: IO[str], **options) -> None:
        self._writer = csv.writer(target, **options)

    def writerow(self, row: Iterable[object]) -> None:
        """Write one row."""
        self._writer.writerow([neutralise(value) for value in row])

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
