"""XLSForm expressions (relevant, constraint, calculation) rewritten into the instrument expression language.

The languages share their syntax (``${name}``, ``selected()``, ``count-selected()``, ``not()``, ``and``/``or``),
so most expressions stay as written. Three things change: names that had to be made valid follow their item;
a select_one's text codes become its integer codes (``${q} = 'yes'`` -> ``${q} = 1``, and
``selected(${q}, 'yes')`` on a select_one -> ``${q} = 1``); a reference to a ``calculate`` is replaced by its
calculation in parentheses. Anything the language cannot express raises :class:`Unconvertible`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..expressions import (
    Binary,
    Call,
    Current,
    ExpressionError,
    Negate,
    Node,
    Number,
    Ref,
    String,
    parse,
)

RESERVED = ("gemeente", "team")
#: as pyxform: typographic quotes typed by a word processor are plain quotes in an expression
SMART_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_PRECEDENCE = {"or": 1, "and": 2, "=": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4, "+": 5, "-": 5,
               "*": 6, "div": 6, "mod": 6}


@dataclass
class Field:
    """What an XLSForm name stands for in the module: its item name, kind and the codes of its choices."""

    name: str
    kind: str  #: "select_one", "select_multiple", "value", "calculate" or "dropped" (not imported)
    codes: dict[str, int | str] = field(default_factory=dict)  #: XLSForm choice name -> code in the module
    calculation: str = ""


class Unconvertible(Exception):
    """The expression cannot be expressed; ``reason`` is "syntax" (with ``detail``), "unknown" or "dropped"."""

    def __init__(self, reason: str, detail: str = "", name: str = "") -> None:
        super().__init__(detail or name)
        self.reason = reason
        self.detail = detail
        self.name = name


def to_text(node: Node, parent: int = 0) -> str:
    """The expression as text with only the parentheses its operators need."""
    if isinstance(node, Binary):
        own = _PRECEDENCE[node.op]
        text = f"{to_text(node.left, own - 1)} {node.op} {to_text(node.right, own)}"
        return f"({text})" if own <= parent else text
    if isinstance(node, Negate):
        return "-" + to_text(node.operand, 7)
    if isinstance(node, Call):
        return f"{node.name}({', '.join(to_text(arg) for arg in node.args)})"
    return node.to_text()


def _code_node(code: int | str) -> Node:
    return Number(float(code), str(code)) if isinstance(code, int) else String(code)


class ExpressionMapper:
    """Rewrites the expressions of one form, knowing every field by its XLSForm name."""

    def __init__(self, fields: dict[str, Field]) -> None:
        self.fields = fields
        self._calculating: set[str] = set()

    def convert(self, text: str, current: Field | None = None) -> str:
        """The expression in the module's language; ``current`` is the field ``.`` stands for (constraints)."""
        plain = text.translate(SMART_QUOTES)
        root = self._parse(plain)
        rewritten = self._rewrite(root, current)
        return plain.strip() if rewritten == root else to_text(rewritten)

    @staticmethod
    def _parse(text: str) -> Node:
        try:
            return parse(text).root
        except ExpressionError as exc:
            raise Unconvertible("syntax", str(exc)) from exc

    def _field_of(self, node: Node, current: Field | None) -> Field | None:
        if isinstance(node, Ref):
            return self.fields.get(node.name)
        if isinstance(node, Current):
            return current
        return None

    def _rewrite(self, node: Node, current: Field | None) -> Node:
        if isinstance(node, Ref):
            return self._reference(node.name)
        if isinstance(node, Negate):
            return Negate(self._rewrite(node.operand, current))
        if isinstance(node, Binary):
            left, right = node.left, node.right
            if node.op in ("=", "!="):
                left, right = self._codes(left, right, current), self._codes(right, left, current)
            return Binary(node.op, self._rewrite(left, current), self._rewrite(right, current))
        if isinstance(node, Call):
            args = node.args
            if node.name == "selected" and len(args) == 2:
                owner = self._field_of(args[0], current)
                if owner is not None and owner.kind == "select_one":
                    return Binary("=", self._rewrite(args[0], current), self._codes(args[1], args[0], current))
                args = (args[0], self._codes(args[1], args[0], current))
            return Call(node.name, tuple(self._rewrite(arg, current) for arg in args))
        return node

    def _codes(self, node: Node, other: Node, current: Field | None) -> Node:
        """A text literal compared with a select becomes that select's code for the choice."""
        owner = self._field_of(other, current)
        if isinstance(node, String) and owner is not None and node.value in owner.codes:
            return _code_node(owner.codes[node.value])
        return node

    def _reference(self, name: str) -> Node:
        found = self.fields.get(name)
        if found is None:
            if name in RESERVED:
                return Ref(name)
            raise Unconvertible("unknown", name=name)
        if found.kind == "dropped":
            raise Unconvertible("dropped", name=name)
        if found.kind != "calculate":
            return Ref(found.name)
        if name in self._calculating:
            raise Unconvertible("syntax", f"berekening {name!r} verwijst naar zichzelf")
        self._calculating.add(name)
        try:
            return self._rewrite(self._parse(found.calculation.translate(SMART_QUOTES)), None)
        finally:
            self._calculating.discard(name)
