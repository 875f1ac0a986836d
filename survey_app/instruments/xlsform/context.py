"""What converting one form needs everywhere: the file, the language, the choice lists, the fields and the
problems found so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from .choices import ChoiceList
from .codes import XlsformCode, XlsformProblem
from .expression_map import ExpressionMapper, Field, Unconvertible
from .extension_sheets import without_range
from .structure import Node


@dataclass
class Context:
    """The state of one import."""

    file: str
    module_id: str
    language: str | None
    lists: dict[str, ChoiceList]
    fields: dict[str, Field] = field(default_factory=dict)
    problems: list[XlsformProblem] = field(default_factory=list)
    scales: dict[str, dict] = field(default_factory=dict)  #: scale name -> YAML body
    #: list name -> how many select_one items use it (a list used by one item becomes inline choices)
    select_one_uses: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.mapper = ExpressionMapper(self.fields)

    def report(self, row: int, code: XlsformCode, /, **details: object) -> None:
        """Record one problem at a spreadsheet row."""
        self.problems.append(XlsformProblem.of(self.file, row, code, **details))

    def expression(self, node: Node, column: str, extra: list[str] | None = None) -> str | None:
        """The converted expression of ``column`` (and'ed with ``extra``), or None when absent or reported."""
        text = node.cells.get(column)
        if column == "constraint":  # the range the export added for ODK is min/max again
            text = without_range(text, node.cells.get("min"), node.cells.get("max"))
        parts = list(extra or [])
        if text:
            current = self.fields.get(node.xls_name) if column == "constraint" else None
            converted = self.convert(node.row, column, text, current)
            if converted is not None:
                parts.append(converted)
        return and_all(parts)

    def convert(self, row: int, column: str, text: str, current: Field | None = None) -> str | None:
        """One expression converted, or None after reporting why it cannot be."""
        try:
            return self.mapper.convert(text, current)
        except Unconvertible as exc:
            if exc.reason == "unknown":
                self.report(row, XlsformCode.EXPR_001, column=column, name=exc.name, text=text)
            elif exc.reason == "dropped":
                self.report(row, XlsformCode.UNSUPPORTED_010, column=column, text=text, name=exc.name)
            else:
                self.report(row, XlsformCode.UNSUPPORTED_007, column=column, text=text, detail=exc.detail)
            return None


def and_all(parts: list[str]) -> str | None:
    """Expressions joined with ``and`` (each in parentheses when there are several), or None."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return parts[0] if parts else None
    return " and ".join(f"({p})" for p in parts)
