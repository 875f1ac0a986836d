"""Codebook as a Taguette-style CSV table.

Columns: either `path` (the full path per row, `parent` optional and then checked) or `tag` with `parent` (a path
or a unique name; empty for an axis; a tag without parent that contains ``/`` is read as a full path). Optional
columns `description`, `examples` (one per line inside the cell) and `status`; other columns (such as Taguette's
"number of highlights") are ignored. Rows are counted like a spreadsheet: the header is row 1.
"""

from __future__ import annotations

import io

from survey_app import csv_safety
from survey_app.coding.codebook import SEPARATOR, Codebook, CodeEntry, build_codebook, normalise_path, split_path
from survey_app.coding.errors import CodebookError
from survey_app.coding.textfiles import read_csv_records
from survey_app.limits import MAX_CODE_DEPTH, LimitCode


def _check_header(header: set[str]) -> str | None:
    if "path" not in header and "tag" not in header:
        return "kolom 'path' of 'tag' ontbreekt"
    return None


def load_csv(text: str, source: str = "codebook.csv") -> Codebook:
    """Parse and validate a CSV codebook; errors name the file and the row."""
    records = read_csv_records(text, source, (), CodebookError, alternatives=_check_header)
    records = [(row, {name: csv_safety.restore(value) for name, value in record.items()}) for row, record in records]
    if not records:
        raise CodebookError(source, ["het codeboek bevat geen codes"])
    by_path = "path" in records[0][1]
    entries, problems = (_entries_by_path if by_path else _entries_by_tag)(records)
    if problems:
        raise CodebookError(source, problems)
    return build_codebook(entries, source)


def _entry(row: int, path: str, record: dict[str, str]) -> CodeEntry:
    examples = tuple(line for line in record.get("examples", "").splitlines() if line.strip())
    return CodeEntry(
        path=path,
        where=f"rij {row}",
        description=record.get("description", ""),
        examples=examples,
        status=record.get("status") or "active",
    )


def _entries_by_path(records: list[tuple[int, dict[str, str]]]) -> tuple[list[CodeEntry], list[str]]:
    entries, problems = [], []
    for row, record in records:
        path = normalise_path(record["path"])
        parent = record.get("parent", "")
        if parent and normalise_path(parent) != SEPARATOR.join(split_path(path)[:-1]):
            problems.append(f"rij {row}: parent '{parent}' past niet bij path '{path}'")
            continue
        entries.append(_entry(row, path, record))
    return entries, problems


def _entries_by_tag(records: list[tuple[int, dict[str, str]]]) -> tuple[list[CodeEntry], list[str]]:
    """Resolve tag + parent (name or path) into full paths, reporting unknown, ambiguous and circular parents."""
    by_name: dict[str, list[int]] = {}
    for i, (_, record) in enumerate(records):
        by_name.setdefault(split_path(record["tag"])[-1], []).append(i)
    problems: list[str] = []
    resolved: dict[int, str | None] = {}

    def path_of(i: int, stack: tuple[int, ...]) -> str | None:
        if i in resolved:
            return resolved[i]
        row, record = records[i]
        if i in stack:
            loop = [records[j][1]["tag"] for j in stack[stack.index(i) :]] + [record["tag"]]
            problems.append(f"rij {row}: kringverwijzing in parent: {' → '.join(loop)}")
            resolved[i] = None
            return None
        tag, parent = record["tag"], record.get("parent", "")
        result: str | None
        if len(stack) >= MAX_CODE_DEPTH:  # a chain of parents this long only ends in a code that is too deep
            problems.append(f"rij {row}: {LimitCode.LIMIT_002.code} code ligt te diep (meer dan {MAX_CODE_DEPTH} "
                            "niveaus)")
            result = None
        elif not parent:
            result = normalise_path(tag)
        elif SEPARATOR in tag:
            problems.append(f"rij {row}: naam '{tag}' mag geen '{SEPARATOR}' bevatten als parent is ingevuld")
            result = None
        else:
            result = _with_parent(i, row, tag, parent, stack)
        resolved[i] = result
        return result

    def _with_parent(i: int, row: int, tag: str, parent: str, stack: tuple[int, ...]) -> str | None:
        candidates = by_name.get(split_path(parent)[-1], [])
        if SEPARATOR in parent:
            wanted = normalise_path(parent)
            candidates = [j for j in candidates if j != i and path_of(j, (*stack, i)) == wanted]
        if not candidates:
            problems.append(f"rij {row}: bovenliggende code '{parent}' bestaat niet")
            return None
        if len(candidates) > 1:
            rows = ", ".join(str(records[j][0]) for j in candidates)
            problems.append(f"rij {row}: parent '{parent}' is niet eenduidig (rijen {rows}); geef het volledige pad")
            return None
        parent_path = path_of(candidates[0], (*stack, i))
        return None if parent_path is None else f"{parent_path}{SEPARATOR}{tag.strip()}"

    entries = []
    for i, (row, record) in enumerate(records):
        if not record["tag"]:
            problems.append(f"rij {row}: code zonder naam")
            resolved[i] = None
            continue
        path = path_of(i, ())
        if path is not None:
            entries.append(_entry(row, path, record))
    return entries, problems


def dump_csv(codebook: Codebook) -> str:
    """Write a codebook as CSV with columns path, description, parent, examples, status (readable by `load_csv`)."""
    buffer = io.StringIO()
    writer = csv_safety.writer(buffer, lineterminator="\n")  # `load_csv` takes the apostrophes off again
    writer.writerow(["path", "description", "parent", "examples", "status"])
    for code in codebook.codes:
        writer.writerow([code.path, code.description, code.parent_path or "", "\n".join(code.examples), code.status])
    return buffer.getvalue()
