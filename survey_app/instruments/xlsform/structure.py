"""The survey sheet as a tree: groups and repeats holding their rows, with every name made a valid item name.

pyxform reads the flat list of rows with ``begin group``/``end group`` markers; so does this module, reporting
markers that do not match with the row where they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .codes import XlsformCode, XlsformProblem
from .columns import Cells, RowType, parse_type
from .sheets import Sheet

_INVALID = re.compile(r"[^a-z0-9_]+")


@dataclass
class Node:
    """One row of the survey sheet; groups and repeats hold their rows in ``children``."""

    cells: Cells
    type: RowType
    xls_name: str
    name: str = ""  #: the item (or page) name in the module
    children: list[Node] = field(default_factory=list)

    @property
    def row(self) -> int:
        return self.cells.number

    @property
    def is_group(self) -> bool:
        return self.type.kind in ("begin_group", "begin_repeat", "begin_loop")

    @property
    def appearance(self) -> str:
        return self.cells.get("appearance").lower()


def valid_name(text: str) -> str:
    """An XLSForm name as an item name: lower case, other characters as ``_``, starting with a letter."""
    name = _INVALID.sub("_", text.strip().lower()).strip("_")
    name = re.sub(r"_+", "_", name)
    if name and not name[0].isalpha():
        name = "v_" + name
    return name


def build_tree(sheet: Sheet, file: str, problems: list[XlsformProblem]) -> list[Node]:
    """The top-level nodes of the survey sheet; unmatched begin/end markers are reported."""
    root: list[Node] = []
    stack: list[Node] = []
    for row in sheet.rows:
        cells = Cells.of(row)
        type_text, name = cells.get("type"), cells.get("name")
        if not type_text:
            if name:
                problems.append(XlsformProblem.of(file, row.number, XlsformCode.ROW_001, name=name))
            continue
        row_type = parse_type(type_text)
        if row_type.kind.startswith("end_"):
            begun = row_type.kind.replace("end_", "begin_")
            if not stack:
                problems.append(XlsformProblem.of(file, row.number, XlsformCode.GROUP_001, type=type_text))
            else:
                group = stack.pop()
                if group.type.kind != begun:
                    problems.append(XlsformProblem.of(file, row.number, XlsformCode.GROUP_003, type=type_text,
                                                      name=group.xls_name, begun=group.cells.get("type")))
            continue
        if not name and row_type.kind == "note":
            name = f"note_{row.number}"  # a note holds no answer; pyxform names it by its row too
        node = Node(cells, row_type, name)
        if not name:
            problems.append(XlsformProblem.of(file, row.number, XlsformCode.ROW_002, type=type_text))
        (stack[-1].children if stack else root).append(node)
        if node.is_group:
            stack.append(node)
    for group in stack:
        problems.append(XlsformProblem.of(file, group.row, XlsformCode.GROUP_002, name=group.xls_name))
    return root


def walk(nodes: list[Node]):
    """Every node, depth first in sheet order."""
    for node in nodes:
        yield node
        yield from walk(node.children)


def assign_names(nodes: list[Node], file: str, problems: list[XlsformProblem]) -> None:
    """Give every named node its module name; names that clash after conversion are reported."""
    seen: dict[str, int] = {}
    for node in walk(nodes):
        if not node.xls_name:
            continue
        node.name = valid_name(node.xls_name)
        if not node.name:
            problems.append(XlsformProblem.of(file, node.row, XlsformCode.ROW_005, name=node.xls_name))
        elif node.name in seen:
            problems.append(XlsformProblem.of(file, node.row, XlsformCode.ROW_004, name=node.xls_name,
                                              other=seen[node.name]))
        else:
            seen[node.name] = node.row
