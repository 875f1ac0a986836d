"""Reading the CSV files of a matrix with the line each row starts on (header = line 1, like an editor)."""

from __future__ import annotations

import csv
import io

from survey_app import csv_safety
from survey_app.matrix.core.errors import ErrorCode, MatrixFileError, problem
from survey_app.text_decoding import UndecodableText, decode_dutch_text


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) or else Windows-1252, the usual Excel export on Dutch PCs."""
    try:
        return decode_dutch_text(data)
    except UndecodableText as exc:
        raise MatrixFileError([problem(source, exc.line, ErrorCode.FILE_002,
                                       detail="onleesbare tekens; sla het op als UTF-8")]) from None


def read_csv_rows(text: str, source: str, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line, record) pairs of a comma- or semicolon-separated file; names lower-case, values stripped."""
    if "\x00" in text:
        raise MatrixFileError([problem(source, 1, ErrorCode.FILE_002, detail="binaire inhoud; is dit een CSV?")])
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=";" if first.count(";") > first.count(",") else ",")
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        if not any(header):
            raise MatrixFileError([problem(source, 1, ErrorCode.FILE_005)])
        missing = [name for name in required if name not in header]
        if missing:
            raise MatrixFileError([problem(source, 1, ErrorCode.FILE_004, detail=", ".join(missing))])
        rows = []
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((line, {name: (csv_safety.restore(row[i].strip()) if i < len(row) else "")
                                    for i, name in enumerate(header) if name}))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise MatrixFileError([problem(source, reader.line_num, ErrorCode.FILE_002, detail=exc)]) from None
    return rows
