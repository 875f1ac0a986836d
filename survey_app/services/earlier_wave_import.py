"""Importing an earlier wave's answers from an SPSS (.sav) or CSV file with a mapping file, all or nothing.

The mapping (YAML) renames old variables to this platform's variable names and translates old codes::

    gemeente: {column: Gemeente, codes: {1: zwolle, 2: elburg}}   # optional; default column `gemeente`
    team: {column: Wijkteam, codes: {1: zwolle-noord}}            # optional; default column `team`
    variables:
      V12: sw_samen_1                                             # same codes
      V13: {variable: bk_vraag_1, codes: {1: 5, 2: 4, 3: 3}}      # old code -> new code
    ignore: [RespondentID, StartDate]                             # columns left out on purpose

Every column of the file must be mapped or ignored and every value of a column with `codes` must have a
translation. The translated rows then go through `response_import.import_responses`, so the answers are
checked exactly like a wide CSV (codes, ranges, routing); its messages are turned back to the old file's
rows and column names.
"""

from __future__ import annotations

import dataclasses
import math
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyreadstat
import yaml

from survey_app import csv_safety
from survey_app.instruments.model import InstrumentSet
from survey_app.instruments.values import variable_index
from survey_app.limits import (
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SAV_BYTES,
    MAX_YAML_BYTES,
    LimitExceeded,
    check_count,
    check_size,
    read_bounded,
)
from survey_app.models import Wave
from survey_app.safe_yaml import error_place, safe_load
from survey_app.services.csv_input import read_csv
from survey_app.services.errors import InputError, InputProblem, fail
from survey_app.services.response_import import FIXED_COLUMNS, import_responses


@dataclass
class ColumnMap:
    """Where one target column (gemeente, team or a variable) comes from, and how its codes translate."""

    target: str
    source: str
    codes: dict[str, str] | None = None
    multiple: bool = False


@dataclass
class OldTable:
    """The rows of the old file as text, each with the row number used in messages."""

    source: str
    header: list[str]
    rows: list[dict[str, str]]
    numbers: list[int] = field(default_factory=list)
    #: the row number of the header in messages (1 for CSV; a .sav file has no header row)
    header_row: int | None = 1


def _code_text(value: object) -> str:
    """A code as text: 3.0 -> '3', ' a ' -> 'a', NaN/None -> ''."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _codes(spec: dict) -> dict[str, str] | None:
    """The `codes:` of a mapping entry as text -> text, or None when there is none."""
    return {_code_text(old): _code_text(new) for old, new in (spec.get("codes") or {}).items()} or None


def _entry_ok(spec: object, source: str, where: str, problems: list) -> bool:
    """A mapping entry is a plain name or a mapping with an optional `codes:` mapping."""
    if isinstance(spec, str) or (isinstance(spec, dict) and isinstance(spec.get("codes") or {}, dict)):
        return True
    problems.append(InputProblem(source, "verwacht een naam of {variable/column: ..., codes: {oud: nieuw}}",
                                 column=where))
    return False


def _fixed_map(fixed: str, spec: object, source: str, problems: list) -> ColumnMap | None:
    """Where gemeente or team comes from: a column name, or {column: ..., codes: {old: slug}}."""
    if not _entry_ok(spec, source, fixed, problems):
        return None
    if isinstance(spec, str):
        return ColumnMap(fixed, spec)
    return ColumnMap(fixed, str(spec.get("column", fixed)), _codes(spec))


def _variable_map(old: str, spec: object, source: str, problems: list) -> ColumnMap | None:
    """Which variable an old column becomes: a variable name, or {variable: ..., codes: {old: new}}."""
    where = f"variables.{old}"
    if not _entry_ok(spec, source, where, problems):
        return None
    if isinstance(spec, str):
        return ColumnMap(spec, old)
    if "variable" not in spec:
        problems.append(InputProblem(source, "'variable' ontbreekt", column=where))
        return None
    return ColumnMap(str(spec["variable"]), old, _codes(spec))


def read_mapping(path: str | Path, instruments: InstrumentSet) -> tuple[list[ColumnMap], set[str]]:
    """The column maps (gemeente, team, variables) and the ignored columns, checked against the wave."""
    source = str(path)
    try:
        text = read_bounded(path, MAX_YAML_BYTES).decode("utf-8")
        data = safe_load(text) or {}
    except LimitExceeded as error:
        raise fail(source, str(error), row=error.line) from None
    except yaml.YAMLError as error:
        line, detail = error_place(error, text)
        raise fail(source, f"ongeldige YAML: {detail}", row=line) from None
    except (OSError, UnicodeDecodeError) as error:
        raise fail(source, f"kan het koppelbestand niet lezen: {error}") from None
    if (not isinstance(data, dict) or not isinstance(data.get("variables") or {}, dict)
            or not isinstance(data.get("ignore") or [], list)):
        raise fail(source, "verwacht de sleutels gemeente, team, variables (een mapping) en ignore (een lijst)")
    problems: list[InputProblem] = [InputProblem(source, "onbekende sleutel", column=str(key))
                                    for key in data if key not in ("gemeente", "team", "variables", "ignore")]
    known = variable_index(instruments)
    maps = [m for fixed in FIXED_COLUMNS if (m := _fixed_map(fixed, data.get(fixed, fixed), source, problems))]
    for old, spec in (data.get("variables") or {}).items():
        column = _variable_map(str(old), spec, source, problems)
        if column is None:
            continue
        if column.target not in known:
            problems.append(InputProblem(source, f"'{column.target}' is geen variabele van deze golf",
                                         column=f"variables.{old}"))
            continue
        column.multiple = known[column.target][1].kind == "codes"
        maps.append(column)
    targets = [m.target for m in maps]
    for target in sorted({t for t in targets if targets.count(t) > 1}):
        problems.append(InputProblem(source, f"meer dan één oude variabele wijst naar '{target}'"))
    if problems:
        raise InputError(problems)
    return maps, {str(name) for name in (data.get("ignore") or [])}


def read_old_file(path: str | Path) -> OldTable:
    """A .sav (rows numbered as SPSS cases) or .csv (rows numbered as file lines) as text cells."""
    source = str(path)
    if Path(path).suffix.lower() != ".sav":
        table = read_csv(path, [], allow_extra=True)
        return OldTable(source, table.header, table.rows, table.lines)
    try:
        check_size(Path(path).stat().st_size, MAX_SAV_BYTES)
        _, meta = pyreadstat.read_sav(str(path), metadataonly=True)
        check_count(meta.number_columns or 0, MAX_COLUMNS, "variabelen")
        check_count(meta.number_rows or 0, MAX_ROWS, "cases")
        frame, _meta = pyreadstat.read_sav(str(path), apply_value_formats=False, row_limit=MAX_ROWS + 1)
        check_count(len(frame), MAX_ROWS, "cases")
    except LimitExceeded as error:
        raise fail(source, str(error)) from None
    except Exception as error:  # pyreadstat raises its own error types for unreadable files
        raise fail(source, f"kan het SPSS-bestand niet lezen: {error}") from None
    header = [str(c) for c in frame.columns]
    rows = [{name: _code_text(value) for name, value in zip(header, record, strict=True)}
            for record in frame.itertuples(index=False)]
    return OldTable(source, header, rows, list(range(1, len(rows) + 1)), header_row=None)


def _translate(table: OldTable, maps: list[ColumnMap], ignored: set[str], mapping_source: str):
    """The rows in the wide CSV shape, or every problem (unknown column, missing column, unmapped code)."""
    problems: list[InputProblem] = []
    used = {m.source for m in maps}
    for column in table.header:
        if column not in used and column not in ignored:
            problems.append(InputProblem(table.source, f"onbekende variabele: niet gekoppeld of genegeerd in "
                                         f"{mapping_source}", table.header_row, column))
    for m in maps:
        if m.source not in table.header:
            problems.append(InputProblem(table.source, f"kolom ontbreekt (genoemd in {mapping_source})",
                                         table.header_row, m.source))
    if problems:
        raise InputError(problems)
    wide = []
    for row, number in zip(table.rows, table.numbers, strict=True):
        out = {}
        for m in maps:
            raw = row.get(m.source, "").strip()
            if m.codes is None or not raw:
                out[m.target] = raw
                continue
            parts = raw.replace(",", " ").split() if m.multiple else [raw]
            missing = [p for p in parts if p not in m.codes]
            for code in missing:
                problems.append(InputProblem(table.source, f"code '{code}' heeft geen vertaling in "
                                             f"{mapping_source}", number, m.source))
            out[m.target] = " ".join(m.codes.get(p, p) for p in parts)
        wide.append(out)
    if problems:
        raise InputError(problems)
    return wide


def _back_to_old(error: InputError, table: OldTable, tmp: str, maps: list[ColumnMap]) -> InputError:
    """The importer's problems restated with the old file's name, row numbers and column names."""
    old_name = {m.target: m.source for m in maps}
    problems = []
    for problem in error.problems:
        if problem.source != tmp:
            problems.append(problem)
            continue
        row = problem.row
        if row is not None and row >= 2 and row - 2 < len(table.numbers):
            row = table.numbers[row - 2]
        problems.append(dataclasses.replace(problem, source=table.source, row=row,
                                            column=old_name.get(problem.column or "", problem.column)))
    return InputError(problems)


def import_earlier_wave(wave: Wave, instruments: InstrumentSet, data_path: str | Path,
                        mapping_path: str | Path) -> int:
    """Check mapping and file, translate, then store through the wide CSV importer; returns responses stored."""
    maps, ignored = read_mapping(mapping_path, instruments)
    table = read_old_file(data_path)
    wide = _translate(table, maps, ignored, str(mapping_path))
    columns = [m.target for m in maps]
    with tempfile.TemporaryDirectory(prefix="import-") as folder:
        tmp = str(Path(folder) / "wide.csv")
        with open(tmp, "w", newline="", encoding="utf-8") as out:
            writer = csv_safety.SafeDictWriter(out, fieldnames=columns)  # the importer restores
            writer.writeheader()
            writer.writerows(wide)
        try:
            return import_responses(wave, instruments, tmp)
        except InputError as error:
            raise _back_to_old(error, table, tmp, maps) from None
