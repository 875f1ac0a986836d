"""Read and check the analysis metadata: constructs (scale scores) and pairs (difference scores).

Reading happens per file; the reference checks run over all modules checked together, because an item
named in a construct must exist, be numeric, and live in the construct's own module (a wave that includes
the module then always has the construct's items).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from .errors import ErrorCode, Problem
from .fields import Fields, describe_type
from .model import Construct, Item, Level, Module, Pair
from .yamlsource import LineDict

PAIR_KINDS = ("competence", "attitude")


def _entries(fields: Fields, key: str) -> Iterable[tuple[Fields, int]]:
    data = fields.sequence(key)
    if data is None:
        return
    for index, entry in enumerate(data):
        if not isinstance(entry, LineDict):
            fields.problems.add(data.line_of(index), ErrorCode.KEY_004, key=key, expected="een lijst van mappings",
                                found="een lijst met " + describe_type(entry))
            continue
        yield Fields(entry, fields.problems, f"{key}"), entry.line


def read_constructs(fields: Fields, module: str, ref_lines: dict[tuple[str, str], int]) -> tuple[Construct, ...]:
    """The ``constructs:`` of a module; min_items defaults to half of the items, rounded up; min_asked (how many
    items a gemeente's variant must include for a score there) lies between min_items and the number of items.

    ``ref_lines`` receives the line of every item name, keyed by (construct, item), for later messages.
    """
    constructs: list[Construct] = []
    for entry, line in _entries(fields, "constructs"):
        entry.check_keys(("name", "label", "items", "min_items", "min_asked"))
        name = entry.name("name")
        label = entry.text("label", required=True)
        items = _item_names(entry, name, ref_lines)
        min_items = entry.integer("min_items", math.ceil(len(items) / 2))
        if items and min_items is not None and not 1 <= min_items <= len(items):
            entry.problems.add(entry.line_of("min_items"), ErrorCode.CONSTRUCT_003, name=name, value=min_items,
                               count=len(items))
        min_asked = entry.integer("min_asked")
        low = min_items if min_items and 1 <= min_items <= len(items) else 1
        if items and min_asked is not None and not low <= min_asked <= len(items):
            entry.problems.add(entry.line_of("min_asked"), ErrorCode.CONSTRUCT_007, name=name, value=min_asked,
                               low=low, count=len(items))
            min_asked = None
        if name:
            constructs.append(Construct(name, label, items, min_items or 1, module, line, min_asked))
    return tuple(constructs)


def _item_names(entry: Fields, name: str, ref_lines: dict[tuple[str, str], int]) -> tuple[str, ...]:
    problems = entry.problems
    data = entry.sequence("items")
    if not data:
        problems.add(entry.line_of("items"), ErrorCode.CONSTRUCT_006, name=name)
        return ()
    names: list[str] = []
    for index, item in enumerate(data):
        if not isinstance(item, str):
            problems.add(data.line_of(index), ErrorCode.NAME_002, name=item)
        elif item in names:
            problems.add(data.line_of(index), ErrorCode.CONSTRUCT_005, name=name, item=item)
        else:
            names.append(item)
            ref_lines[(name, item)] = data.line_of(index)
    return tuple(names)


def read_pairs(fields: Fields, module: str, ref_lines: dict[tuple[str, str], int]) -> tuple[Pair, ...]:
    """The ``pairs:`` of a module (difference a - b); ``ref_lines`` as for read_constructs."""
    pairs: list[Pair] = []
    for entry, line in _entries(fields, "pairs"):
        entry.check_keys(("name", "kind", "label", "a", "b"))
        name = entry.name("name")
        kind = entry.text("kind", required=True)
        if kind and kind not in PAIR_KINDS:
            entry.problems.add(entry.line_of("kind"), ErrorCode.PAIR_003, name=name, kind=kind)
        label = entry.text("label", required=True)
        a, b = entry.text("a", required=True), entry.text("b", required=True)
        ref_lines[(name, a)] = entry.line_of("a")
        ref_lines.setdefault((name, b), entry.line_of("b"))
        if a and a == b:
            entry.problems.add(entry.line_of("b"), ErrorCode.PAIR_005, name=name, item=a)
        if name:
            pairs.append(Pair(name, kind, label, a, b, module, line))
    return tuple(pairs)


def check_analysis(modules: Iterable[Module], broken_names: set[str],
                   ref_lines: dict[tuple[str, str, str], int]) -> list[Problem]:
    """Constructs and pairs must name existing numeric items of their own module.

    ``broken_names`` are items that exist but could not be read (already reported); ``ref_lines`` maps
    (module, construct or pair, item) to the line of the item name.
    """
    modules = tuple(modules)
    items: dict[str, Item] = {item.name: item for module in modules for item in module.items}
    problems: list[Problem] = []

    def check(module: Module, owner: str, line: int, item_name: str, codes: tuple[ErrorCode, ...]) -> None:
        unknown, not_numeric, elsewhere = codes
        line = ref_lines.get((module.id, owner, item_name), line)
        item = items.get(item_name)
        if item is None:
            if item_name not in broken_names:
                problems.append(Problem.of(module.path, line, unknown, name=owner, item=item_name))
        elif item.module != module.id:
            problems.append(Problem.of(module.path, line, elsewhere, name=owner, item=item_name, other=item.module))
        elif not item.is_numeric:
            problems.append(Problem.of(module.path, line, not_numeric, name=owner, item=item_name,
                                       type=item.type.value))
        elif item.measurement_level == Level.NOMINAL:
            problems.append(Problem.of(module.path, line, ErrorCode.LEVEL_003, name=owner, item=item_name))

    construct_codes = (ErrorCode.CONSTRUCT_001, ErrorCode.CONSTRUCT_002, ErrorCode.CONSTRUCT_004)
    pair_codes = (ErrorCode.PAIR_001, ErrorCode.PAIR_002, ErrorCode.PAIR_004)
    for module in modules:
        for construct in module.constructs:
            for item_name in construct.items:
                check(module, construct.name, construct.line, item_name, construct_codes)
        for pair in module.pairs:
            for item_name in (pair.a, pair.b):
                if item_name:
                    check(module, pair.name, pair.line, item_name, pair_codes)
    return problems
