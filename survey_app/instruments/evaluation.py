"""Evaluating an expression tree: the value rules of docs/instruments.md (Expressions).

Values inside the evaluator are ``str``, ``float`` or ``bool``; answers are normalised on the way in. Nothing
here raises anything but ExpressionError, and nothing divides by zero (see expressions.py for the rules).
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from decimal import Decimal

from .expression_tree import Binary, Call, Current, ExpressionError, Negate, Node, Number, Ref, String

_NUMERIC_STRING_RE = re.compile(r"\s*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*")


def evaluate_node(root: Node, values: Mapping[str, object], current: object = None) -> object:
    """The value of the tree ``root`` for answers ``values`` (variable name -> value) and answer ``current``."""
    return _Evaluator(values, as_value(current)).eval(root)


def as_value(raw: object) -> object:
    """Normalise an answer to the evaluator's value kinds: str, float or bool."""
    if raw is None:
        return ""
    if isinstance(raw, bool | str):
        return raw
    if isinstance(raw, numbers.Integral):  # also numpy integers
        try:
            return float(raw)
        except OverflowError:
            return math.inf if raw > 0 else -math.inf
    if isinstance(raw, numbers.Real | Decimal):  # also numpy floats; NaN (pandas' missing) is unanswered
        try:
            number = float(raw)
        except (ValueError, OverflowError):  # Decimal('sNaN') and the like
            return ""
        return "" if math.isnan(number) else number
    if isinstance(raw, set | frozenset):
        return " ".join(sorted(to_string(as_value(item)) for item in raw))
    if isinstance(raw, list | tuple):
        return " ".join(to_string(as_value(item)) for item in raw)
    raise ExpressionError(f"waarde van type {type(raw).__name__} kan niet in een expressie gebruikt worden", None)


def to_number(value: object) -> float | None:
    """The number a value stands for, or None (empty or non-numeric text)."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, str) and _NUMERIC_STRING_RE.fullmatch(value):
        return float(value)
    return None


def to_string(value: object) -> str:
    """A value as text: integral numbers without decimals (``3``, not ``3.0``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value):
            return str(int(value))
        return repr(value)
    return str(value)


def to_bool(value: object) -> bool:
    """A value as a boolean: empty text, zero and NaN are false."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return value != 0 and not math.isnan(value)
    return value != ""


def _equals(left: object, right: object) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return to_bool(left) == to_bool(right)
    a, b = to_number(left), to_number(right)
    if a is not None and b is not None:
        return a == b
    if isinstance(left, float) or isinstance(right, float):
        return False
    return to_string(left) == to_string(right)


def _arithmetic(op: str, left: object, right: object) -> object:
    a, b = to_number(left), to_number(right)
    if a is None or b is None:
        return ""
    if op == "+":
        result = a + b
    elif op == "-":
        result = a - b
    elif op == "*":
        result = a * b
    elif b == 0 or math.isinf(a):
        return ""
    elif op == "div":
        result = a / b
    else:
        result = math.fmod(a, b)
    return "" if math.isnan(result) else result


_COMPARE = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


class _Evaluator:
    def __init__(self, values: Mapping[str, object], current: object) -> None:
        self.values = values
        self.current = current

    def eval(self, node: Node) -> object:
        if isinstance(node, Number):
            return node.value
        if isinstance(node, String):
            return node.value
        if isinstance(node, Ref):
            try:
                raw = self.values.get(node.name)
            except Exception as exc:  # a broken mapping must not escape as another exception type
                raise ExpressionError(f"waarde van {node.name!r} kan niet gelezen worden: {exc}", None) from exc
            return as_value(raw)
        if isinstance(node, Current):
            return self.current
        if isinstance(node, Negate):
            number = to_number(self.eval(node.operand))
            return "" if number is None else -number
        if isinstance(node, Binary):
            return self.binary(node)
        return self.call(node)

    def binary(self, node: Binary) -> object:
        op = node.op
        if op == "and":
            return to_bool(self.eval(node.left)) and to_bool(self.eval(node.right))
        if op == "or":
            return to_bool(self.eval(node.left)) or to_bool(self.eval(node.right))
        left, right = self.eval(node.left), self.eval(node.right)
        if op == "=":
            return _equals(left, right)
        if op == "!=":
            return not _equals(left, right)
        if op in _COMPARE:
            a, b = to_number(left), to_number(right)
            return a is not None and b is not None and _COMPARE[op](a, b)
        return _arithmetic(op, left, right)

    def call(self, node: Call) -> object:
        name, args = node.name, node.args
        if name == "true":
            return True
        if name == "false":
            return False
        if name == "not":
            return not to_bool(self.eval(args[0]))
        if name == "if":
            return self.eval(args[1]) if to_bool(self.eval(args[0])) else self.eval(args[2])
        if name == "selected":
            chosen = to_string(self.eval(args[0])).split()
            return to_string(self.eval(args[1])).strip() in chosen
        if name == "count-selected":
            return float(len(to_string(self.eval(args[0])).split()))
        return float(len(to_string(self.eval(args[0]))))
