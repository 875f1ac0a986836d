"""The tree of a parsed expression (immutable nodes) and the one exception the expression language raises."""

from __future__ import annotations

from dataclasses import dataclass


class ExpressionError(Exception):
    """A syntax error in an expression, or a value it cannot work with; ``position`` is 0-based (or None)."""

    def __init__(self, message: str, position: int | None = None) -> None:
        self.message = message
        self.position = position
        where = f" (bij teken {position + 1})" if position is not None else ""
        super().__init__(f"{message}{where}")


@dataclass(frozen=True)
class Number:
    """A number literal; ``text`` keeps the written form for printing."""

    value: float
    text: str

    def to_text(self) -> str:
        return self.text


@dataclass(frozen=True)
class String:
    """A quoted string literal."""

    value: str

    def to_text(self) -> str:
        return f'"{self.value}"' if "'" in self.value else f"'{self.value}'"


@dataclass(frozen=True)
class Ref:
    """``${name}``: the answer to an item (or the respondent's gemeente/team)."""

    name: str

    def to_text(self) -> str:
        return "${" + self.name + "}"


@dataclass(frozen=True)
class Current:
    """``.``: the answer being checked by a constraint."""

    def to_text(self) -> str:
        return "."


@dataclass(frozen=True)
class Negate:
    """Unary minus."""

    operand: Node

    def to_text(self) -> str:
        return "-" + self.operand.to_text()


@dataclass(frozen=True)
class Binary:
    """A binary operator: comparison, ``and``/``or`` or arithmetic."""

    op: str
    left: Node
    right: Node

    def to_text(self) -> str:
        return f"({self.left.to_text()} {self.op} {self.right.to_text()})"


@dataclass(frozen=True)
class Call:
    """A function call such as ``selected(${x}, 'tijd')``."""

    name: str
    args: tuple[Node, ...]

    def to_text(self) -> str:
        return f"{self.name}({', '.join(arg.to_text() for arg in self.args)})"


Node = Number | String | Ref | Current | Negate | Binary | Call


def children(node: Node) -> tuple[Node, ...]:
    """The direct sub-expressions of a node."""
    if isinstance(node, Binary):
        return (node.left, node.right)
    if isinstance(node, Negate):
        return (node.operand,)
    if isinstance(node, Call):
        return node.args
    return ()

