"""Read one instrument file into a Module, reporting every structural problem with its line.

Structural means: what one file can tell on its own (YAML syntax, keys, value types, item types, scales,
choices, ranges, page ids, expression syntax). Checks that need all modules together (unique names,
references) live in validate_names, validate_expressions and validate_analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ErrorCode, Problem
from .fields import NAME_RE, Fields, Problems, describe_type
from .model import Item, Module, Page, Scale
from .validate_analysis import read_constructs, read_pairs
from .validate_choices import read_scales
from .validate_items import read_item
from .yamlsource import LineDict, YamlProblem, read_yaml

MODULE_KEYS = ("id", "title", "version", "description", "position", "scales", "pages", "constructs", "pairs")
PAGE_KEYS = ("id", "title", "intro", "relevant", "only_gemeenten", "skip_gemeenten", "items")
DEFAULT_POSITION = 100


@dataclass
class BuiltModule:
    """The outcome of reading one file: the module (None when unreadable) and what the later checks need."""

    path: str
    module: Module | None
    problems: list[Problem]
    #: names of items that exist in the file but could not be read (so references to them are not reported)
    broken_names: set[str] = field(default_factory=set)
    #: (module, construct or pair, item) -> line of that item name
    ref_lines: dict[tuple[str, str, str], int] = field(default_factory=dict)
    #: (item name or "page:<id>", "relevant" or "constraint") -> line of that expression
    expr_lines: dict[tuple[str, str], int] = field(default_factory=dict)


def build_module(path: Path, display: str | None = None) -> BuiltModule:
    """Read and structurally check one file; ``display`` is the file name used in problems."""
    file = display or str(path)
    problems = Problems(file)
    try:
        data = read_yaml(path)
    except YamlProblem as exc:
        problems.add(exc.line, exc.code, detail=exc.detail)
        return BuiltModule(file, None, problems.items)
    if not isinstance(data, LineDict):
        problems.add(getattr(data, "line", 1), ErrorCode.MODULE_002)
        return BuiltModule(file, None, problems.items)

    fields = Fields(data, problems, "de module")
    fields.check_keys(MODULE_KEYS)
    module_id = _module_id(fields, path)
    built = BuiltModule(file, None, problems.items)
    scales = read_scales(fields)
    pages = _read_pages(fields, module_id, scales, built)
    ref_lines: dict[tuple[str, str], int] = {}
    constructs = read_constructs(fields, module_id, ref_lines)
    pairs = read_pairs(fields, module_id, ref_lines)
    built.ref_lines = {(module_id, owner, item): line for (owner, item), line in ref_lines.items()}
    position = fields.integer("position", DEFAULT_POSITION)
    built.module = Module(
        id=module_id,
        title=fields.text("title", required=True),
        version=fields.text("version", required=True, hint=' (tussen aanhalingstekens, zoals "2017.1")'),
        path=file,
        description=fields.text("description"),
        scales=scales,
        pages=pages,
        constructs=constructs,
        pairs=pairs,
        position=DEFAULT_POSITION if position is None else position,
    )
    return built


def _module_id(fields: Fields, path: Path) -> str:
    """The module id; it must be a valid name and equal the file stem."""
    if not fields.has("id"):
        fields.problems.add(fields.line, ErrorCode.KEY_003, key="id", where="de module")
        return path.stem
    value = fields.data["id"]
    if not isinstance(value, str) or not NAME_RE.fullmatch(value):
        fields.problems.add(fields.line_of("id"), ErrorCode.MODULE_004, id=value)
        return path.stem
    if value != path.stem:
        fields.problems.add(fields.line_of("id"), ErrorCode.MODULE_001, id=value, stem=path.stem)
    return value


def _read_pages(fields: Fields, module_id: str, scales: dict[str, Scale], built: BuiltModule) -> tuple[Page, ...]:
    """The pages of the module; page ids are unique within the module and every page has items."""
    problems = fields.problems
    data = fields.sequence("pages", required=True)
    if data is None:
        return ()
    if not data:
        problems.add(fields.line_of("pages"), ErrorCode.PAGE_003)
        return ()
    pages: list[Page] = []
    seen: set[str] = set()
    for index, entry in enumerate(data):
        if not isinstance(entry, LineDict):
            problems.add(data.line_of(index), ErrorCode.KEY_004, key="pages", expected="een lijst van pagina's"
                         " (mappings met id:, title:, items:)", found="een lijst met " + describe_type(entry))
            continue
        page = _read_page(Fields(entry, problems, "een pagina"), module_id, scales, built)
        if page.id and page.id in seen:
            problems.add(entry.line_of("id"), ErrorCode.PAGE_001, id=page.id)
        seen.add(page.id)
        pages.append(page)
    return tuple(pages)


def _read_page(fields: Fields, module_id: str, scales: dict[str, Scale], built: BuiltModule) -> Page:
    """One page with its items (id '' when the id is missing or invalid, which is reported)."""
    problems = fields.problems
    fields.check_keys(PAGE_KEYS)
    page_id = fields.name("id")
    title = fields.text("title", required=True)
    intro = fields.text("intro")
    relevant = fields.expression("relevant", allow_current=False)
    only, skip = fields.gemeenten("only_gemeenten"), fields.gemeenten("skip_gemeenten")
    items: list[Item] = []
    data = fields.sequence("items")
    if not data:
        if data is not None or not fields.has("items"):
            problems.add(fields.line_of("items"), ErrorCode.PAGE_002, id=page_id or "?")
    else:
        for index, entry in enumerate(data):
            item, name = read_item(entry, data.line_of(index), module_id, page_id, scales, problems,
                                   built.expr_lines)
            if item is not None:
                items.append(item)
            elif name:
                built.broken_names.add(name)
    built.expr_lines[(f"page:{page_id}", "relevant")] = fields.line_of("relevant")
    return Page(page_id, module_id, title, fields.line, intro, relevant, only, skip, tuple(items))
