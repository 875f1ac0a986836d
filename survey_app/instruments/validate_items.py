"""Read one item of a page: its keys for its type, scale or choices, ranges, grid rows and columns."""

from __future__ import annotations

from .errors import ErrorCode
from .fields import Fields, Problems, describe_type
from .model import LEVEL_TYPES, GridCell, Item, ItemType, Level, Scale
from .validate_choices import read_choices
from .yamlsource import LineDict

_BASE = ("name", "type", "label", "hint", "required", "required_message", "relevant", "only_gemeenten",
         "skip_gemeenten", "source")
_ANSWER = ("constraint", "constraint_message")

#: the keys each item type accepts (docs/instruments.md, Items)
ITEM_KEYS: dict[ItemType, tuple[str, ...]] = {
    ItemType.SELECT_ONE: _BASE + _ANSWER + ("reverse", "level", "scale", "choices"),
    ItemType.SELECT_MULTIPLE: _BASE + _ANSWER + ("choices", "other"),
    ItemType.INTEGER: _BASE + _ANSWER + ("reverse", "level", "min", "max"),
    ItemType.DECIMAL: _BASE + _ANSWER + ("reverse", "level", "min", "max"),
    ItemType.RATING: _BASE + _ANSWER + ("reverse", "level", "min", "max", "min_label", "max_label"),
    ItemType.TEXT: _BASE + _ANSWER + ("max_length",),
    ItemType.TEXTAREA: _BASE + _ANSWER + ("max_length",),
    ItemType.YESNO_GRID: _BASE + ("rows", "columns"),
    ItemType.NOTE: ("name", "type", "text", "hint", "relevant", "only_gemeenten", "skip_gemeenten"),
}
ALL_ITEM_KEYS = tuple(dict.fromkeys(key for keys in ITEM_KEYS.values() for key in keys))
DEFAULT_MAX_LENGTH = {ItemType.TEXT: 200, ItemType.TEXTAREA: 4000}
SOURCES = ("verbatim", "reconstructed")


def read_item(data: object, line: int, module: str, page: str, scales: dict[str, Scale],
              problems: Problems, expr_lines: dict[tuple[str, str], int]) -> tuple[Item | None, str]:
    """The Item of one ``items:`` entry, or None when it is too broken to use; also returns its name.

    ``expr_lines`` receives the line of the item's relevant and constraint, keyed by (item name, key).
    """
    if not isinstance(data, LineDict):
        problems.add(line, ErrorCode.KEY_004, key="items", expected="een lijst van mappings (vragen)",
                     found="een lijst met " + describe_type(data))
        return None, ""
    fields = Fields(data, problems, "een vraag")
    name = fields.name("name")
    type_text = data.get("type")
    try:
        item_type = ItemType(type_text)
    except ValueError:
        if type_text is None:
            problems.add(data.line, ErrorCode.KEY_003, key="type", where=f"vraag {name or '?'!r}")
        else:
            problems.add(data.line_of("type"), ErrorCode.ITEM_001, type=type_text, known=", ".join(ItemType))
        fields.check_keys(ALL_ITEM_KEYS)
        return None, name
    fields.check_keys(ITEM_KEYS[item_type], ALL_ITEM_KEYS, item_type.value)

    values: dict[str, object] = {
        "hint": fields.text("hint"),
        "relevant": fields.expression("relevant", allow_current=False),
        "only_gemeenten": fields.gemeenten("only_gemeenten"),
        "skip_gemeenten": fields.gemeenten("skip_gemeenten"),
    }
    overlap = set(values["only_gemeenten"]) & set(values["skip_gemeenten"])
    if overlap:
        problems.add(data.line_of("skip_gemeenten"), ErrorCode.ITEM_008, name=name,
                     gemeenten=", ".join(sorted(overlap)))
    if item_type == ItemType.NOTE:
        values["text"] = fields.text("text")
        if not values["text"]:
            problems.add(data.line, ErrorCode.ITEM_002, name=name, key="text", type=item_type.value)
    else:
        values.update(_answer_keys(fields, name, item_type))
    values.update(_type_keys(fields, name, item_type, scales))
    if item_type in LEVEL_TYPES:
        values["level"] = fields.level()
    if not name:
        return None, name
    item = Item(name=name, type=item_type, module=module, page=page, line=data.line, **values)
    for key in ("relevant", "constraint"):
        expr_lines[(name, key)] = data.line_of(key)
    if item.reverse and item.code_range is None:
        problems.add(data.line_of("reverse"), ErrorCode.ITEM_006)
    elif item.reverse and item.measurement_level == Level.NOMINAL:
        problems.add(data.line_of("reverse"), ErrorCode.LEVEL_002, name=name)
    return item, name


def _answer_keys(fields: Fields, name: str, item_type: ItemType) -> dict[str, object]:
    """The keys shared by all items that have an answer."""
    label = fields.text("label")
    if not label:
        fields.problems.add(fields.line, ErrorCode.ITEM_002, name=name, key="label", type=item_type.value)
    source = fields.text("source", default="verbatim")
    if source not in SOURCES:
        fields.problems.add(fields.line_of("source"), ErrorCode.ITEM_005, value=source)
        source = "verbatim"
    return {
        "label": label,
        "required": fields.boolean("required"),
        "required_message": fields.text("required_message"),
        "constraint": fields.expression("constraint", allow_current=True),
        "constraint_message": fields.text("constraint_message"),
        "source": source,
        "reverse": fields.boolean("reverse"),
    }


def _type_keys(fields: Fields, name: str, item_type: ItemType, scales: dict[str, Scale]) -> dict[str, object]:
    """The keys that depend on the item type."""
    problems = fields.problems
    if item_type == ItemType.SELECT_ONE:
        return {"scale": _select_one_scale(fields, name, scales)}
    if item_type == ItemType.SELECT_MULTIPLE:
        if not fields.has("choices"):
            problems.add(fields.line, ErrorCode.ITEM_007, name=name)
            choices = ()
        else:
            choices = read_choices(fields.data["choices"], fields.line_of("choices"), problems, integer_codes=False)
        return {"scale": Scale(name, choices), "other": fields.boolean("other")}
    if item_type in (ItemType.INTEGER, ItemType.RATING, ItemType.DECIMAL):
        getter = fields.number if item_type == ItemType.DECIMAL else fields.integer
        default_min, default_max = (1, 10) if item_type == ItemType.RATING else (None, None)
        minimum, maximum = getter("min", default_min), getter("max", default_max)
        if minimum is not None and maximum is not None and minimum > maximum:
            problems.add(fields.line_of("max"), ErrorCode.RANGE_001, minimum=minimum, maximum=maximum)
        out: dict[str, object] = {"minimum": minimum, "maximum": maximum}
        if item_type == ItemType.RATING:
            out.update(min_label=fields.text("min_label"), max_label=fields.text("max_label"))
        return out
    if item_type in DEFAULT_MAX_LENGTH:
        max_length = fields.integer("max_length", DEFAULT_MAX_LENGTH[item_type])
        if max_length is not None and max_length < 1:
            problems.add(fields.line_of("max_length"), ErrorCode.RANGE_002, value=max_length)
            max_length = DEFAULT_MAX_LENGTH[item_type]
        return {"max_length": max_length}
    if item_type == ItemType.YESNO_GRID:
        columns = _conditional_columns(fields, name, _grid_cells(fields, name, "columns"))
        return {"rows": _grid_cells(fields, name, "rows"), "columns": columns}
    return {}


def _select_one_scale(fields: Fields, name: str, scales: dict[str, Scale]) -> Scale | None:
    """The named or inline scale of a select_one item."""
    problems = fields.problems
    has_scale, has_choices = fields.has("scale"), fields.has("choices")
    if has_scale and has_choices:
        problems.add(fields.line_of("choices"), ErrorCode.ITEM_004, name=name)
    if has_scale:
        scale_name = fields.data["scale"]
        if isinstance(scale_name, str) and scale_name in scales:
            return scales[scale_name]
        problems.add(fields.line_of("scale"), ErrorCode.REF_002, name=scale_name,
                     known=", ".join(scales) or "(geen)")
        return None
    if has_choices:
        choices = read_choices(fields.data["choices"], fields.line_of("choices"), problems, integer_codes=True)
        return Scale(name, choices)
    problems.add(fields.line, ErrorCode.ITEM_003, name=name)
    return None


def _grid_cells(fields: Fields, name: str, key: str) -> tuple[GridCell, ...]:
    """The rows or columns of a yes/no grid."""
    problems = fields.problems
    if not fields.has(key):
        problems.add(fields.line, ErrorCode.GRID_001, name=name, key=key)
        return ()
    data = fields.sequence(key)
    if data is None:
        return ()
    if not data:
        problems.add(fields.line_of(key), ErrorCode.GRID_001, name=name, key=key)
    cells: list[GridCell] = []
    seen: set[str] = set()
    for index, entry in enumerate(data):
        line = data.line_of(index)
        if not isinstance(entry, LineDict):
            problems.add(line, ErrorCode.GRID_002)
            continue
        cell = Fields(entry, problems, f"{key} van {name!r}")
        cell.check_keys(("name", "label", "conditional_on", "conditional_label") if key == "columns"
                        else ("name", "label"))
        cell_name, label = cell.name("name"), cell.text("label", required=True)
        if not cell_name:
            continue
        if cell_name in seen:
            problems.add(line, ErrorCode.GRID_003, name=cell_name, key=key)
            continue
        seen.add(cell_name)
        base = cell.text("conditional_on") or None
        cells.append(GridCell(cell_name, label, base, cell.text("conditional_label")))
    return tuple(cells)


def _conditional_columns(fields: Fields, name: str, columns: tuple[GridCell, ...]) -> tuple[GridCell, ...]:
    """Check `conditional_on` of the columns: another column of the grid that is not conditional itself (the
    base of a percentage is one plain ja/nee column). A wrong one is reported and dropped."""
    plain = {c.name for c in columns if c.conditional_on is None}
    out = []
    for column in columns:
        if column.conditional_on is not None and (column.conditional_on == column.name
                                                  or column.conditional_on not in plain):
            fields.problems.add(_conditional_lines(fields).get(column.name, fields.line), ErrorCode.GRID_004,
                                name=name, column=column.name, base=column.conditional_on)
            column = GridCell(column.name, column.label)
        out.append(column)
    return tuple(out)


def _conditional_lines(fields: Fields) -> dict[str, int]:
    """The line of every column's `conditional_on` key."""
    lines = {}
    data = fields.sequence("columns") or ()
    for entry in data:
        if isinstance(entry, LineDict) and "conditional_on" in entry:
            lines[entry.get("name")] = entry.line_of("conditional_on")
    return lines
