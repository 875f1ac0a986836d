"""Codings from a `codings.csv` (columns document, fragment, coder, code), checked all-or-nothing.

`document` is the transcript's file name (``focusgroep1.txt``; the name without extension is accepted when it
is unambiguous), `fragment` the 1-based fragment position, `code` a code path such as
``uitkomst/Sneller handelen``. Every problem is collected with its row number (the header is row 1) and one
CodingsError lists the first 20, so nothing is imported from a file with errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath

from survey_app.coding.codebook import Codebook, normalise_path
from survey_app.coding.errors import CodingsError
from survey_app.coding.textfiles import decode_bytes, read_csv_records, read_file
from survey_app.coding.transcripts import Document
from survey_app.limits import MAX_CSV_BYTES

COLUMNS = ("document", "fragment", "coder", "code")
_POSITION = re.compile(r"[+-]?[0-9]{1,9}")  # ASCII digits, bounded before int() (which refuses 4.300+ digits)


@dataclass(frozen=True)
class Coding:
    """One code applied by one coder to one fragment."""

    document: str  #: Document.name of the transcript
    fragment: int  #: 1-based fragment position
    coder: str
    code: str  #: code path


def document_lookup(documents: Iterable[Document]) -> dict[str, Document]:
    """Map file names, and unambiguous names without extension, to their documents."""
    documents = list(documents)
    lookup = {document.name: document for document in documents}
    stems: dict[str, list[Document]] = {}
    for document in documents:
        stems.setdefault(PurePath(document.name).stem, []).append(document)
    for stem, matches in stems.items():
        if len(matches) == 1 and stem not in lookup:
            lookup[stem] = matches[0]
    return lookup


def parse_codings(
    text: str, documents: Iterable[Document], codebook: Codebook, source: str = "codings.csv"
) -> list[Coding]:
    """Check every row against the documents and codebook and return the codings, or raise one CodingsError."""
    records = read_csv_records(text, source, COLUMNS, CodingsError)
    lookup = document_lookup(documents)
    problems: list[str] = []
    codings: list[Coding] = []
    first_row: dict[Coding, int] = {}
    for row, record in records:
        found = _check_row(row, record, lookup, codebook, problems)
        if found is None:
            continue
        if found in first_row:
            problems.append(f"rij {row}: dubbel, staat al in rij {first_row[found]}")
            continue
        first_row[found] = row
        codings.append(found)
    if problems:
        raise CodingsError(source, problems)
    return codings


def _check_row(
    row: int, record: dict[str, str], lookup: dict[str, Document], codebook: Codebook, problems: list[str]
) -> Coding | None:
    before = len(problems)
    document = lookup.get(record["document"])
    if document is None:
        problems.append(f"rij {row}: onbekend document '{record['document']}'")
    position = None
    if _POSITION.fullmatch(record["fragment"]):
        position = int(record["fragment"])
    else:
        problems.append(f"rij {row}: fragment '{record['fragment'][:30]}' is geen geheel getal")
    if document is not None and position is not None and not 1 <= position <= len(document.fragments):
        problems.append(
            f"rij {row}: fragment {position} bestaat niet in {document.name} (1 t/m {len(document.fragments)})"
        )
    if not record["coder"]:
        problems.append(f"rij {row}: codeur ontbreekt")
    code = normalise_path(record["code"]) if record["code"] else ""
    if not code:
        problems.append(f"rij {row}: code ontbreekt")
    elif code not in codebook:
        problems.append(f"rij {row}: onbekende code '{record['code']}'")
    if len(problems) > before or document is None or position is None:
        return None
    return Coding(document.name, position, record["coder"], code)


def read_codings(path: str | Path, documents: Iterable[Document], codebook: Codebook) -> list[Coding]:
    """Read a codings.csv file from disk (see `parse_codings`)."""
    path = Path(path)
    data = read_file(path, MAX_CSV_BYTES, CodingsError)
    return parse_codings(decode_bytes(data, path.name, CodingsError), documents, codebook, path.name)
