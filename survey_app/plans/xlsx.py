"""The overview of a wave's plans as a workbook: one sheet with the totals per gemeente and team, one with
every focus item and action. Text is always stored as text (a description starting with '=' is no formula)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)
SUMMARY_HEADER = ["Gemeente", "Team", "Verbeterpunten", "Acties", "Doelen", "Doelen gehaald", "Volgende meting"]
DETAIL_HEADER = ["Gemeente", "Team", "Verbeterpunt", "Soort", "Doel", "Cijfer deze meting", "Cijfer volgende meting",
                 "Doel gehaald", "Actie", "Eigenaar", "Streefdatum", "Status"]


def _append(sheet: Worksheet, values: list, bold: bool = False) -> None:
    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
        if bold:
            cell.font = BOLD


def workbook(data: dict) -> bytes:
    """The workbook of `overview.overview(wave)` as bytes; totals are computed there, never typed."""
    book = Workbook()
    summary = book.active
    summary.title = "Overzicht"
    _append(summary, [f"Verbeterplannen {data['wave']['label']}"], bold=True)
    _append(summary, SUMMARY_HEADER, bold=True)
    detail = book.create_sheet("Acties")
    _append(detail, DETAIL_HEADER, bold=True)
    for gemeente in data["gemeenten"]:
        for team in gemeente["teams"]:
            _append(summary, [gemeente["label"], team["label"], len(team["foci"]), team["actions"], team["targets"],
                              team["met"], team["next_wave"] or ""])
            for focus in team["foci"]:
                head = [gemeente["label"], team["label"], focus["label"], focus["kind"], focus["target"],
                        focus["before"], focus["after"], focus["verdict"]]
                for action in focus["actions"] or [None]:
                    tail = ([action["description"], action["owner"], action["due"], action["status"]] if action
                            else ["", "", "", ""])
                    _append(detail, head + tail)
        _append(summary, [gemeente["label"], "Totaal gemeente", sum(len(t["foci"]) for t in gemeente["teams"]),
                          gemeente["actions"], gemeente["targets"], gemeente["met"], ""], bold=True)
    for sheet in (summary, detail):
        for column in sheet.columns:
            width = max(len(str(cell.value or "")) for cell in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
