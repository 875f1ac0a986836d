"""Upper bounds for every file and number a user hands us, in one place.

A parser that trusts its input can be made to spend minutes and gigabytes on a file of a few hundred bytes
(nested YAML aliases, a zip bomb, a Word file of 200.000 empty paragraphs) or to crash on a number of 5.000
digits. Every parser checks these bounds *before* the expensive step and raises `LimitExceeded`, which each
layer turns into its own error type (``file:line: CODE message`` on the command line, a Dutch message in the
web). The figures are far above anything a real instrument, codebook, transcript or data file needs.

This module imports nothing from the project, so the pure layers (instruments, coding core) may use it.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

KB = 1024
MB = 1024 * KB

#: size of an instrument module, a codebook or a mapping file (the largest shipped instrument is 16 KB)
MAX_YAML_BYTES = 2 * MB
#: size of a CSV file (answers, participants, codings, codebook, organisation, headcounts, replace list)
MAX_CSV_BYTES = 50 * MB
#: size of a transcript in .txt, .vtt or .srt, and of a .qdc codebook
MAX_TEXT_BYTES = 20 * MB
#: size of a .docx as uploaded (compressed)
MAX_DOCX_BYTES = 20 * MB
#: size of an SPSS .sav file of an earlier wave
MAX_SAV_BYTES = 200 * MB
#: a spreadsheet (XLSForm .xlsx/.xls/.csv) as uploaded; its unpacked parts are bounded like a .docx's
MAX_SPREADSHEET_BYTES = 20 * MB

#: nesting of YAML mappings/lists and of XML elements (a real instrument file nests about 8 deep)
MAX_NESTING_DEPTH = 64
#: levels of a code path in a codebook (`as/code/subcode` is 3)
MAX_CODE_DEPTH = 20
#: codes in one codebook
MAX_CODES = 10_000
#: aliases (`*name`) in one YAML file; the shipped files use none
MAX_YAML_ALIASES = 100
#: YAML nodes after expanding every alias (stops "billion laughs": a few aliases that each repeat the last)
MAX_YAML_NODES = 200_000

#: members of a .docx zip and their total size once uncompressed (stops zip bombs)
MAX_DOCX_MEMBERS = 1_000
MAX_DOCX_UNCOMPRESSED = 100 * MB
#: paragraphs in a .docx and lines in a text transcript
MAX_PARAGRAPHS = 50_000
MAX_LINES = 200_000
#: names in a replace list (replace.csv); each becomes one alternative of the pseudonymising pattern
MAX_REPLACEMENTS = 2_000
#: fragments (speaker turns, paragraphs, cues) in one transcript
MAX_FRAGMENTS = 20_000

#: data rows and columns of a CSV (or .sav) file, and characters in one cell
MAX_ROWS = 200_000
MAX_COLUMNS = 2_000
MAX_FIELD_CHARS = 100_000

#: characters of a number written as text, sign and decimal comma included (Python refuses int() above 4.300
#: digits with a ValueError, and float() turns 400 digits into infinity)
MAX_NUMBER_CHARS = 30


class LimitCode(Enum):
    """A stable code per kind of limit, with the Dutch message template shown to the user."""

    LIMIT_001 = ("LIMIT_001", "bestand is te groot ({size}; maximaal {limit})")
    LIMIT_002 = ("LIMIT_002", "te diep genest (meer dan {limit} niveaus)")
    LIMIT_003 = ("LIMIT_003", "te veel verwijzingen (YAML-aliassen *naam): {detail}")
    LIMIT_004 = ("LIMIT_004", "DOCTYPE en entiteiten (<!DOCTYPE, <!ENTITY) zijn niet toegestaan")
    LIMIT_005 = ("LIMIT_005", "Word-bestand pakt uit tot meer dan {limit} of bevat meer dan {members} onderdelen")
    LIMIT_006 = ("LIMIT_006", "te veel {what} ({count}; maximaal {limit})")
    LIMIT_007 = ("LIMIT_007", "veld is te lang (meer dan {limit} tekens)")
    LIMIT_008 = ("LIMIT_008", "getal heeft te veel tekens (maximaal {limit})")

    def __init__(self, code: str, template: str) -> None:
        self.code = code
        self.template = template


class LimitExceeded(ValueError):
    """Input beyond one of the bounds above; ``line`` (1-based) when the place is known."""

    def __init__(self, code: LimitCode, line: int | None = None, **details: object) -> None:
        self.code = code
        self.line = line
        self.message = code.template.format(**details)
        super().__init__(f"{code.code} {self.message}")


def size_text(size: int) -> str:
    """A byte count the Dutch way for messages: ``2 MB``, ``1,5 MB``, ``800 KB``."""
    if size >= MB:
        return f"{size / MB:.1f}".rstrip("0").rstrip(".").replace(".", ",") + " MB"
    return f"{max(1, round(size / KB))} KB"


def check_size(size: int, limit: int) -> None:
    """Refuse a file of ``size`` bytes above ``limit``."""
    if size > limit:
        raise LimitExceeded(LimitCode.LIMIT_001, 1, size=size_text(size), limit=size_text(limit))


def check_count(count: int, limit: int, what: str, line: int | None = None) -> None:
    """Refuse more than ``limit`` things (``what`` in Dutch, plural: "regels", "fragmenten")."""
    if count > limit:
        raise LimitExceeded(LimitCode.LIMIT_006, line, what=what, count=f"{count:,}".replace(",", "."),
                            limit=f"{limit:,}".replace(",", "."))


def read_bounded(path: str | Path, limit: int) -> bytes:
    """The bytes of a file, refused before reading when it is larger than ``limit``."""
    path = Path(path)
    check_size(path.stat().st_size, limit)
    with path.open("rb") as handle:
        data = handle.read(limit + 1)  # the file may have grown since stat()
    check_size(len(data), limit)
    return data
