"""XLSForm -> instrument module: the survey, choices and settings sheets as one module (a YAML-ready dict).

Groups become pages: a group that holds questions (a ``field-list`` group, or any group without groups
inside) is one page; a group that holds groups is a section whose relevant carries over to its pages;
questions outside any group form pages of their own. A ``table-list`` group of select_multiple questions on
one list is a yes/no grid; one of select_one questions becomes consecutive items on one scale (which the
questionnaire draws as a grid), as do the ``label``/``list-nolabel`` rows of the older grid style.
"""

from __future__ import annotations

from pathlib import Path

from .choices import read_choice_lists
from .codes import XlsformCode, XlsformError, XlsformProblem
from .columns import CHOICES_COLUMNS, SURVEY_COLUMNS, Cells, choose_language, split_header
from .context import Context, and_all
from .extension_sheets import (
    apply_grid_columns,
    read_constructs,
    read_grid_columns,
    read_pairs,
    read_scale_labels,
)
from .field_table import collect_fields
from .items import gemeenten, item_dicts
from .sheets import Sheet, read_workbook
from .structure import Node, assign_names, build_tree, walk


def import_xlsform(path: str | Path, module_id: str, skip_unsupported: bool = False) -> tuple[dict, list]:
    """The module of an XLSForm file and the unsupported constructs it skipped.

    Raises XlsformError with every problem when the file is malformed, or when it uses constructs without an
    equivalent and ``skip_unsupported`` is false.
    """
    file = str(path)
    sheets = read_workbook(path)
    survey = sheets.get("survey")
    if survey is None:
        raise XlsformError([XlsformProblem.of(file, 1, XlsformCode.XLSFORM_003, sheets=", ".join(sheets) or "geen")])
    _require_columns(survey, sheets.get("choices"), file)
    settings = _settings(sheets.get("settings"))
    language = choose_language(survey.headers + (sheets["choices"].headers if "choices" in sheets else []),
                               settings.get("default_language"))
    problems: list[XlsformProblem] = []
    _check_headers(survey, SURVEY_COLUMNS, file, problems)
    if "choices" in sheets:
        _check_headers(sheets["choices"], CHOICES_COLUMNS, file, problems)
    ctx = Context(file, module_id, language, read_choice_lists(sheets.get("choices"), language, file, problems))
    ctx.problems = problems
    tree = build_tree(survey, file, problems)
    assign_names(tree, file, problems)
    collect_fields(tree, ctx)
    pages = _pages(tree, ctx, settings)
    apply_grid_columns(pages, read_grid_columns(sheets.get("grid_columns")))
    module = {
        "#": [f"Omgezet uit XLSForm {Path(file).name} (flask instruments import-xlsform)."],
        "id": module_id,
        "title": settings.get("form_title") or settings.get("form_id") or module_id,
        "version": settings.get("version") or "1",
        "position": _int_or_text(settings.get("position", "")),
        "description": settings.get("description", ""),
        "scales": _with_labels(ctx.scales, read_scale_labels(sheets.get("scales"))),
        "pages": pages,
        "constructs": read_constructs(sheets.get("constructs")),
        "pairs": read_pairs(sheets.get("pairs")),
    }
    if not pages:
        ctx.report(survey.header_row, XlsformCode.XLSFORM_006)
    ctx.problems = list(dict.fromkeys(ctx.problems))
    errors = [p for p in ctx.problems if not p.unsupported]
    unsupported = [p for p in ctx.problems if p.unsupported]
    if errors or (unsupported and not skip_unsupported):
        raise XlsformError(sorted(ctx.problems, key=lambda p: (p.row, p.code.code)))
    return module, sorted(unsupported, key=lambda p: p.row)


def _require_columns(survey: Sheet, choices: Sheet | None, file: str) -> None:
    """Without a type column (or list_name and name on a filled choices sheet) nothing can be read."""
    missing = []
    for sheet, required in ((survey, ("type",)), (choices, ("list_name", "name"))):
        if sheet is None or not sheet.rows:
            continue
        columns = {split_header(header)[0] for header in sheet.headers}
        missing += [XlsformProblem.of(file, sheet.header_row, XlsformCode.XLSFORM_005, sheet=sheet.name, column=c)
                    for c in required if c not in columns]
    if missing:
        raise XlsformError(missing)


def _settings(sheet: Sheet | None) -> dict[str, str]:
    if sheet is None or not sheet.rows:
        return {}
    return {split_header(header)[0]: text for header, text in sheet.rows[0].cells.items()}


def _int_or_text(text: str) -> int | str:
    return int(text) if text.strip().lstrip("-").isdigit() else text


def _with_labels(scales: dict[str, dict], labels: dict[str, dict]) -> dict[str, dict]:
    """Each scale with the label and level of the scales sheet first, as a module file writes them."""
    return {name: {**labels.get(name, {}), **body} for name, body in scales.items()}


def _check_headers(sheet: Sheet, known: frozenset[str], file: str, problems: list[XlsformProblem]) -> None:
    """Headers with spaces are an error; columns without an equivalent are reported where first used."""
    for header in sheet.headers:
        column, _ = split_header(header)
        if column in known or column == "choice_filter":
            continue
        first = next((row.number for row in sheet.rows if row.cells.get(header)), None)
        if first is not None:
            problems.append(XlsformProblem.of(file, first, XlsformCode.UNSUPPORTED_009, column=header))


def _pages(tree: list[Node], ctx: Context, settings: dict[str, str]) -> list[dict]:
    """The pages of the form (see the module docstring)."""
    pages: list[dict] = []
    title = settings.get("form_title") or ctx.module_id
    _section(tree, ctx, [], title, pages, {n.name for n in walk(tree) if n.is_group})
    return pages


def _is_page(group: Node) -> bool:
    return "field-list" in group.appearance or not any(
        child.is_group and not _is_grid(child) for child in group.children)


def _is_grid(group: Node) -> bool:
    return group.type.kind == "begin_group" and "table-list" in group.appearance


def _section(nodes: list[Node], ctx: Context, relevant: list[str], title: str, pages: list[dict],
             taken: set[str]) -> None:
    """Pages from a run of nodes: groups that hold questions, and pages for questions outside groups."""
    loose: list[Node] = []

    def flush() -> None:
        if loose:
            page_id = _free_id(ctx.module_id, taken)
            _add_page(pages, {"id": page_id, "title": title, "relevant": and_all(relevant)},
                      _items(loose, ctx, []))
            loose.clear()

    for node in nodes:
        if node.type.kind in ("begin_repeat", "begin_loop"):
            continue  # reported in _collect_fields
        if not node.is_group or _is_grid(node):
            loose.append(node)
            continue
        flush()
        if not node.children:
            ctx.report(node.row, XlsformCode.GROUP_004, name=node.xls_name)
            continue
        own = ctx.expression(node, "relevant", relevant) if node.cells.get("relevant") else and_all(relevant)
        label = node.cells.get("label", ctx.language)
        if _is_page(node):
            page = {"id": node.name, "title": label or title, "intro": node.cells.get("hint", ctx.language),
                    "relevant": own}
            _page_extensions(node, page)
            _add_page(pages, page, _items(node.children, ctx, []))
        else:
            _section(node.children, ctx, [own] if own else [], label or title, pages, taken)
    flush()


def _free_id(base: str, taken: set[str]) -> str:
    number = 1
    while f"{base}_{number}" in taken:
        number += 1
    taken.add(f"{base}_{number}")
    return f"{base}_{number}"


def _page_extensions(node: Node, page: dict) -> None:
    for column in ("only_gemeenten", "skip_gemeenten"):
        if node.cells.get(column):
            page[column] = gemeenten(node.cells.get(column))


def _add_page(pages: list[dict], page: dict, items: list[dict]) -> None:
    """A page with at least one item (a group whose rows were all skipped gives no page)."""
    if items:
        page["items"] = items
        pages.append(page)


def _items(nodes: list[Node], ctx: Context, relevant: list[str]) -> list[dict]:
    """The items of a page's rows: questions, grids, and the rows of nested groups."""
    items: list[dict] = []
    for node in nodes:
        if node.type.kind in ("begin_repeat", "begin_loop"):
            continue
        if node.is_group:
            items += _group_items(node, ctx, relevant)
            continue
        field = ctx.fields.get(node.xls_name)
        if field is None or field.kind in ("dropped", "reserved", "calculate"):
            continue
        if node.type.kind == "select_one" and node.appearance == "label":
            continue  # the header row of an old-style grid: it shows the choices, it asks nothing
        items += item_dicts(node, ctx, relevant)
    return items


def _group_items(group: Node, ctx: Context, relevant: list[str]) -> list[dict]:
    """A nested group: a yes/no grid, or its rows with the group's label as a note and its relevant carried."""
    own = ctx.expression(group, "relevant") if group.cells.get("relevant") else None
    rows = [n for n in group.children if ctx.fields.get(n.xls_name) and ctx.fields[n.xls_name].kind != "dropped"]
    lists = {n.type.list_name for n in rows}
    if _is_grid(group) and rows and len(lists) == 1 and all(n.type.kind == "select_multiple" for n in rows):
        return [_yesno_grid(group, rows, ctx, relevant + ([own] if own else []))]
    items: list[dict] = []
    label = group.cells.get("label", ctx.language)
    if label:
        items.append({"name": group.name, "type": "note", "text": label,
                      "relevant": and_all(relevant + ([own] if own else []))})
    return items + _items(group.children, ctx, relevant + ([own] if own else []))


def _yesno_grid(group: Node, rows: list[Node], ctx: Context, relevant: list[str]) -> dict:
    """A table-list of select_multiple rows on one list: rows x columns, each cell ja/nee."""
    choice_list = ctx.lists[rows[0].type.list_name]
    prefix = group.name + "_"
    cells = Cells(group.row, group.cells.values)
    grid = {
        "name": group.name, "type": "yesno_grid", "label": group.cells.get("label", ctx.language),
        "hint": group.cells.get("hint", ctx.language),
        "required": all(n.cells.get("required").strip().lower() in ("yes", "true", "true()", "1") for n in rows),
        "relevant": and_all(relevant),
        "rows": [{"name": n.name[len(prefix):] if n.name.startswith(prefix) else n.name,
                  "label": n.cells.get("label", ctx.language)} for n in rows],
        "columns": [{"name": code, "label": c.label}
                    for c, code in zip(choice_list.choices, choice_list.text_codes().values(), strict=True)],
    }
    for column in ("source", "only_gemeenten", "skip_gemeenten"):
        if cells.get(column):
            grid[column] = gemeenten(cells.get(column)) if column != "source" else cells.get(column)
    return grid
