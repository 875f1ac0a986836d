"""The outputs of a coding project (agreement, frequencies, crosstabs, quotes, exports), all via `project_data`.

Each function starts from `store.project_data`, so withdrawn participants are never counted or quoted.
"""

from __future__ import annotations

import io
from itertools import combinations
from pathlib import Path
from typing import IO

from survey_app import csv_safety
from survey_app.coding.agreement import AgreementReport, two_coder_agreement
from survey_app.coding.store import ProjectData, project_data
from survey_app.coding.table_export import Table, write_csv, write_xlsx
from survey_app.coding.tables import Crosstab, FrequencyTable, QuoteTable, crosstab, frequencies, quotes
from survey_app.models import CodingProject
from survey_app.services.errors import fail

EXPORT_FORMATS = ("csv", "xlsx")


def default_coders(data: ProjectData) -> tuple[str, str]:
    """The two coders with the most codings; InputError when the project has fewer than two coders."""
    coders = data.coders_by_count()
    if len(coders) < 2:
        raise fail("--coders", "voor overeenstemming zijn codes van minstens twee codeurs nodig")
    return coders[0], coders[1]


def agreement_report(project: CodingProject, coders: tuple[str, str] | None = None) -> AgreementReport:
    """Kappa, alpha and % agreement per code and overall for two coders (default: the two most active)."""
    data = project_data(project)
    coder_a, coder_b = coders or default_coders(data)
    known = set(data.coders_by_count())
    for coder in (coder_a, coder_b):
        if coder not in known:
            raise fail("--coders", f"codeur '{coder}' heeft in dit project niets gecodeerd")
    if coder_a == coder_b:
        raise fail("--coders", "kies twee verschillende codeurs")
    try:
        return two_coder_agreement(data.codings, data.documents, coder_a, coder_b)
    except ValueError as error:
        raise fail("--coders", str(error)) from None


def frequency_table(project: CodingProject, data: ProjectData | None = None) -> FrequencyTable:
    """Fragments, participants and documents per code (sub-codes included), all coders combined."""
    data = data or project_data(project)
    return frequencies(data.output_codings(), data.documents, data.codebook, withdrawn=data.withdrawn)


def crosstab_table(project: CodingProject, axis_a: str, axis_b: str, data: ProjectData | None = None) -> Crosstab:
    """Fragments per code of axis A and code of axis B, with totals computed from the cells."""
    data = data or project_data(project)
    try:
        return crosstab(data.output_codings(), data.documents, data.codebook, axis_a, axis_b,
                        withdrawn=data.withdrawn)
    except ValueError as error:
        raise fail("AXIS", str(error)) from None


def quote_table(project: CodingProject, data: ProjectData | None = None) -> QuoteTable:
    """Every coded fragment as a quote per code, with the speaker's pseudonym."""
    data = data or project_data(project)
    return quotes(data.output_codings(), data.documents, data.codebook, withdrawn=data.withdrawn)


def export_tables(project: CodingProject) -> list[Table]:
    """Frequencies, the crosstab of every pair of axes, and the quotes: what `flask coding export` writes."""
    data = project_data(project)
    tables: list[Table] = [frequency_table(project, data)]
    tables += [crosstab_table(project, a, b, data) for a, b in combinations(data.axes(), 2)]
    tables.append(quote_table(project, data))
    return tables


def write_tables_csv(tables: list[Table], target: IO[str], excel: bool = False) -> None:
    """Several tables in one CSV: each one headed by its title and followed by an empty row.

    `excel`: the Dutch Excel dialect of a browser download (semicolons, decimal commas; csv_safety).
    """
    writer = csv_safety.excel_writer(target) if excel else csv_safety.writer(target, lineterminator="\n")
    for table in tables:
        writer.writerow([table.title])
        if excel:
            writer.writerows(table.to_rows())
        else:
            buffer = io.StringIO()
            write_csv(table, buffer)  # the core's writer, which neutralises formula-like text
            target.write(buffer.getvalue())
        writer.writerow([])


def write_export(project: CodingProject, fmt: str, target: str | Path | IO, excel: bool = False) -> None:
    """Write the export tables as CSV (UTF-8 with BOM for a file; `excel`: Dutch dialect) or XLSX (a sheet each)."""
    if fmt not in EXPORT_FORMATS:
        raise fail("--format", f"onbekend formaat '{fmt}' (csv of xlsx)")
    tables = export_tables(project)
    if fmt == "xlsx":
        write_xlsx(tables, target)
    elif isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8-sig", newline="") as handle:
            write_tables_csv(tables, handle)
    else:
        write_tables_csv(tables, target, excel)


def write_crosstab_csv(table: Crosstab, target: str | Path) -> None:
    """One crosstab as CSV, for `flask coding crosstab`."""
    write_csv(table, target)
