"""The matrix as a workbook: a coloured matrix sheet (fill AND symbol with label in every cell, grijs also
hatched), the counts, the agreement of two scorers, the scale and the notes."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from survey_app.matrix.presentation import context
from survey_app.matrix.store import Loaded

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOLD = Font(bold=True)


def _text(value: object) -> object:
    """Text that a spreadsheet would read as a formula gets a leading quote."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _append(sheet: Worksheet, values: list[object], bold: bool = False) -> None:
    sheet.append([_text(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
        if bold:
            cell.font = BOLD


def cell_text(level: dict) -> str:
    """What a matrix cell says besides its colour: symbol and label, e.g. '+ groen'."""
    return f"{level['symbol']} {level['label'].lower()}"


def _matrix_sheet(sheet: Worksheet, data: dict) -> None:
    _append(sheet, [f"{data['title']} — beoordelaar {data['scorer']}"], bold=True)
    _append(sheet, ["Hoofdaspect", "Deelaspect", *data["cases"]], bold=True)
    main = ""
    for row in data["rows"]:
        if not row.get("leaf"):
            main = row["name"]
            continue
        _append(sheet, [row["name"] if row["main"] else main, "" if row["main"] else row["name"]])
        for column, cell in enumerate(row["cells"], start=3):
            target = sheet.cell(row=sheet.max_row, column=column)
            level = cell["level"]
            if level:
                target.value = cell_text(level)
                target.fill = PatternFill(fill_type="lightUp" if level["hatched"] else "solid",
                                          fgColor="FF" + level["colour"][1:],
                                          bgColor="FFFFFFFF" if level["hatched"] else "FF" + level["colour"][1:])
                target.font = Font(color="FF" + level["ink"][1:], bold=True)
            if cell["note"]:
                target.comment = Comment(cell["note"], "notitie")
            target.alignment = Alignment(horizontal="center")
    for attribute in data["attributes"]:
        _append(sheet, [attribute["name"], "", *attribute["values"]])
    _append(sheet, [])
    _append(sheet, ["Legenda: " + "; ".join(f"{cell_text(level)} = {level['definition'] or level['label']}"
                                             for level in data["levels"]) + f"; lege cel = {data['not_scored']}"])
    sheet.column_dimensions["A"].width = 42
    sheet.column_dimensions["B"].width = 60
    for column in range(3, 3 + len(data["cases"])):
        sheet.column_dimensions[sheet.cell(row=2, column=column).column_letter].width = 11
    sheet.freeze_panes = "C3"


def _counts_sheet(sheet: Worksheet, data: dict) -> None:
    levels = data["applicable_levels"]
    _append(sheet, ["Hoofdaspect", "Deelaspect", *[level["label"] for level in levels], "N (van toepassing)",
                    "Niet van toepassing", "Niet gescoord", "Samenvatting"], bold=True)
    for row in data["counts"]:
        summary = "; ".join(f"{s['level']['label'].lower()} {s['text']}" for s in row["statements"])
        _append(sheet, [row["main"] or row["name"], row["name"] if row["main"] else "",
                        *[s["count"] for s in row["statements"]], row["n"], row["not_applicable"],
                        row["not_scored"], summary])
    sheet.column_dimensions["A"].width = 42
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions[sheet.cell(row=1, column=6 + len(levels)).column_letter].width = 60


def _agreement_sheet(sheet: Worksheet, agreement: dict) -> None:
    _append(sheet, [f"Overeenstemming {agreement['scorer_a']} en {agreement['scorer_b']}: Krippendorff's alpha "
                    "(ordinaal), grijs en lege cellen niet meegeteld"], bold=True)
    _append(sheet, ["Hoofdaspect", "Aspect", "Cellen vergeleken", "Gelijk", "% gelijk", "Alpha (ordinaal)",
                    "Oneens over van toepassing", "Toelichting"], bold=True)
    for row in [*agreement["rows"], agreement["overall"]]:
        _append(sheet, [row["main"], row["name"], row["pairs"], row["exact"], row["percent"], row["alpha"],
                        row["applicability"], row["note"]])
    sheet.column_dimensions["B"].width = 60


def workbook_bytes(loaded: Loaded) -> bytes:
    """The whole workbook as bytes."""
    data = context(loaded)
    workbook = Workbook()
    _matrix_sheet(workbook.active, data)
    workbook.active.title = "Matrix"
    _counts_sheet(workbook.create_sheet("Tellingen"), data)
    if data["agreement"]:
        _agreement_sheet(workbook.create_sheet("Overeenstemming"), data["agreement"])
    scale = workbook.create_sheet("Schaal")
    _append(scale, ["Sleutel", "Label", "Symbool", "Kleur", "Van toepassing", "Betekenis"], bold=True)
    for level in data["levels"]:
        _append(scale, [level["key"], level["label"], level["symbol"], level["colour"],
                        "ja" if level["applies"] else "nee (telt niet mee in N)", level["definition"]])
    notes = workbook.create_sheet("Notities")
    _append(notes, ["Casus", "Aspect", "Score", "Notitie"], bold=True)
    for row in data["rows"]:
        for cell in row.get("cells", []):
            if cell["note"]:
                _append(notes, [cell["case"], row["path"], cell["level"]["label"] if cell["level"] else
                                data["not_scored"], cell["note"]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
