"""Writers from the anonymous answers frame to CSV, Excel and SPSS files."""

from __future__ import annotations

import math

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from survey_app import csv_safety
from survey_app.instruments.dictionary import LEVEL_NAMES, dictionary_rows
from survey_app.instruments.model import InstrumentSet

DICTIONARY_COLUMNS = (  # (dictionary_rows key, Dutch header)
    ("variable", "Variabele"), ("item", "Item"), ("module", "Module"), ("page", "Pagina"), ("type", "Type"),
    ("level", "Meetniveau"), ("label", "Label"), ("codes", "Codes"), ("reverse", "Omgekeerd gescoord"),
    ("constructs", "Constructen"),
    ("pairs", "Paren"), ("only_gemeenten", "Alleen in gemeenten"), ("skip_gemeenten", "Niet in gemeenten"),
    ("relevant", "Routering"), ("source", "Formulering"),
)
SOURCE_LABELS = {"verbatim": "letterlijk uit het rapport", "reconstructed": "gereconstrueerd"}


def plain_value(value: object) -> object:
    """A cell value without pandas types: None for missing, int for whole-number codes."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _text(value: object) -> str:
    plain = plain_value(value)
    return "" if plain is None else str(plain)


def _cell(value: object) -> object:
    """A CSV cell: numbers stay numbers (so -1 is written as -1), missing is empty, text is neutralised."""
    plain = plain_value(value)
    return "" if plain is None else plain


def _writer(out, excel: bool):
    """The firm contract's comma CSV, or (excel) the Dutch Excel dialect of a browser download."""
    return csv_safety.excel_writer(out) if excel else csv_safety.writer(out)


def write_csv(frame: pd.DataFrame, path, excel: bool = False) -> None:
    """The wide CSV of the firm contract (UTF-8 with BOM for Excel), re-importable with `responses import`.

    Text that a spreadsheet would run as a formula gets a leading apostrophe (`csv_safety`); the importer
    takes it off again. `excel`: semicolons and decimal commas for Dutch Excel (the console's download); the
    importer reads that too.
    """
    with open(path, "w", newline="", encoding="utf-8-sig") as out:
        writer = _writer(out, excel)
        writer.writerow(frame.columns)
        for row in frame.itertuples(index=False):
            writer.writerow([_cell(v) for v in row])


def dictionary_table(instruments: InstrumentSet) -> list[list[str]]:
    """The data dictionary as rows of text, header first, for a CSV file or a spreadsheet."""
    rows = [[header for _, header in DICTIONARY_COLUMNS]]
    for entry in dictionary_rows(instruments):
        cells = []
        for key, _ in DICTIONARY_COLUMNS:
            value = entry[key]
            if key == "codes":
                value = "; ".join(f"{c['code']}={c['label']}" for c in value)
            elif isinstance(value, list):
                value = ", ".join(value)
            elif isinstance(value, bool):
                value = "ja" if value else ""
            elif key == "source":
                value = SOURCE_LABELS.get(value, value)
            elif key == "level":
                value = LEVEL_NAMES.get(value, "")
            cells.append("" if value is None else str(value))
        rows.append(cells)
    return rows


def write_dictionary_csv(instruments: InstrumentSet, path, excel: bool = False) -> None:
    """The data dictionary alone, as CSV (`excel`: the Dutch Excel dialect of a download)."""
    with open(path, "w", newline="", encoding="utf-8-sig") as out:
        _writer(out, excel).writerows(dictionary_table(instruments))


def _append(sheet, values: list) -> None:
    """A row of cells, every string stored as text (never as a formula) without illegal control characters."""
    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def write_xlsx(frame: pd.DataFrame, instruments: InstrumentSet, path) -> None:
    """Sheet 'Antwoorden' with the answers and sheet 'Woordenboek' with the data dictionary."""
    book = Workbook()
    answers = book.active
    answers.title = "Antwoorden"
    _append(answers, list(frame.columns))
    for row in frame.itertuples(index=False):
        _append(answers, [plain_value(v) for v in row])
    answers.freeze_panes = "C2"
    dictionary = book.create_sheet("Woordenboek")
    for row in dictionary_table(instruments):
        _append(dictionary, row)
    dictionary.freeze_panes = "B2"
    book.save(path)
