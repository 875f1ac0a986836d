"""The expression language of ``relevant`` and ``constraint`` (XLSForm style), parsed and evaluated safely.

A hand-written tokenizer and recursive-descent parser turn the text into a small immutable tree; evaluation
walks the tree. Nothing is ever passed to ``eval``. Arbitrary input can only raise :class:`ExpressionError`:
the text length and nesting depth are limited so deep or huge input fails with a message, not a crash.

Values (docs/instruments.md, Expressions):

* an unanswered item (missing key, ``None`` or ``''``) is the empty string ``''``;
* a select_multiple answer may be a list/tuple/set of codes or a space separated string;
* ``=`` / ``!=`` compare numbers when both sides are numbers or numeric strings, otherwise strings; a number
  never equals a non-numeric string (so ``${x} = 3`` is false and ``${x} != 3`` true when ``x`` is empty);
  ``!=`` is always the negation of ``=``; when a side is a boolean both sides are compared as booleans;
* ``< <= > >=`` compare numbers; when either side is not a number (for example empty) the result is false;
* arithmetic on a non-number, division or ``mod`` by zero, and results that are not a number give the empty
  value ``''`` (which then compares false with any number): evaluation never divides by zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from .evaluation import evaluate_node, to_bool, to_number, to_string
from .expression_tree import (
    Binary,
    Call,
    Current,
    ExpressionError,
    Negate,
    Node,
    Number,
    Ref,
    String,
    children,
)

__all__ = [
    "Binary", "Call", "Current", "Expression", "ExpressionError", "Negate", "Node", "Number", "Ref", "String",
    "parse", "to_bool", "to_number", "to_string",
]

MAX_LENGTH = 2000  #: longest expression text accepted
MAX_DEPTH = 50  #: deepest expression tree accepted (nesting of parentheses, operators and functions)

NAME_PATTERN = r"[A-Za-z_][A-Za-z0-9_]*"
_NAME_RE = re.compile(NAME_PATTERN)
_NUMBER_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z][A-Za-z0-9_]*)*")
_SYMBOLS = ("!=", "<=", ">=", "=", "<", ">", "+", "-", "*", "(", ")", ",")

#: function name -> number of arguments
FUNCTIONS: dict[str, int] = {
    "not": 1,
    "true": 0,
    "false": 0,
    "selected": 2,
    "count-selected": 1,
    "string-length": 1,
    "if": 3,
}
OPERATOR_WORDS = frozenset({"and", "or", "div", "mod"})


@dataclass(frozen=True)
class Expression:
    """A parsed expression: the original text and its tree."""

    text: str
    root: Node

    def __str__(self) -> str:
        """The canonical text (fully parenthesised); parsing it again gives the same tree."""
        return self.root.to_text()

    def walk(self) -> Iterator[Node]:
        """Every node of the tree, parents before children (used by the validators)."""
        stack = [self.root]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(children(node)))

    def references(self) -> set[str]:
        """The names referenced with ``${...}`` (including gemeente and team; ``.`` is not a name)."""
        return {node.name for node in self.walk() if isinstance(node, Ref)}

    @property
    def uses_current(self) -> bool:
        """True when the expression uses ``.``, which only makes sense in a constraint."""
        return any(isinstance(node, Current) for node in self.walk())

    def evaluate(self, values: Mapping[str, object], current: object = None) -> object:
        """The value of the expression for these answers (variable name -> value) and answer ``current``."""
        return evaluate_node(self.root, values, current)

    def evaluate_bool(self, values: Mapping[str, object], current: object = None) -> bool:
        """The expression's value as a boolean (empty and zero are false), as relevant/constraint use it."""
        return to_bool(self.evaluate(values, current))


# ------------------------------------------------------------------------------------------------ tokens


@dataclass(frozen=True)
class _Token:
    kind: str  # "num", "str", "ref", "dot", "sym", "word", "end"
    text: str
    pos: int


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in " \t\r\n":
            i += 1
            continue
        if text.startswith("${", i):
            end = text.find("}", i + 2)
            if end < 0:
                raise ExpressionError("'${' zonder afsluitende '}'", i)
            name = text[i + 2 : end].strip()
            if not _NAME_RE.fullmatch(name):
                raise ExpressionError(f"ongeldige naam in ${{...}}: {name!r}", i)
            tokens.append(_Token("ref", name, i))
            i = end + 1
            continue
        match = _NUMBER_RE.match(text, i)
        if match:
            tokens.append(_Token("num", match.group(), i))
            i = match.end()
            continue
        if ch == ".":
            tokens.append(_Token("dot", ".", i))
            i += 1
            continue
        if ch in "'\"":
            end = text.find(ch, i + 1)
            if end < 0:
                raise ExpressionError("tekst tussen aanhalingstekens is niet afgesloten", i)
            tokens.append(_Token("str", text[i + 1 : end], i))
            i = end + 1
            continue
        symbol = next((s for s in _SYMBOLS if text.startswith(s, i)), None)
        if symbol:
            tokens.append(_Token("sym", symbol, i))
            i += len(symbol)
            continue
        match = _WORD_RE.match(text, i)
        if match:
            tokens.append(_Token("word", match.group(), i))
            i = match.end()
            continue
        raise ExpressionError(f"onverwacht teken {ch!r}", i)
    tokens.append(_Token("end", "", n))
    return tokens


# ------------------------------------------------------------------------------------------------ parser

_LEVELS: tuple[tuple[str, ...], ...] = (
    ("or",),
    ("and",),
    ("=", "!="),
    ("<", "<=", ">", ">="),
    ("+", "-"),
    ("*", "div", "mod"),
)


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.index = 0
        self.depth = 0

    @property
    def token(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, symbol: str) -> None:
        if self.token.kind != "sym" or self.token.text != symbol:
            raise ExpressionError(f"{symbol!r} verwacht, maar {self._describe(self.token)} gevonden", self.token.pos)
        self.advance()

    @staticmethod
    def _describe(token: _Token) -> str:
        return "einde van de expressie" if token.kind == "end" else repr(token.text)

    def parse(self) -> Node:
        node = self.expression()
        if self.token.kind != "end":
            raise ExpressionError(f"onverwacht {self._describe(self.token)}", self.token.pos)
        return node

    def expression(self, level: int = 0) -> Node:
        if level == len(_LEVELS):
            return self.unary()
        operators = _LEVELS[level]
        node = self.expression(level + 1)
        while self.token.kind in ("sym", "word") and self.token.text in operators:
            op = self.advance().text
            node = Binary(op, node, self.expression(level + 1))
        return node

    def _enter(self, pos: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError("expressie is te diep genest", pos)

    def unary(self) -> Node:
        token = self.token
        if token.kind == "sym" and token.text == "-":
            self.advance()
            self._enter(token.pos)
            node = Negate(self.unary())
            self.depth -= 1
            return node
        return self.primary()

    def primary(self) -> Node:
        token = self.advance()
        if token.kind == "num":
            return Number(float(token.text), token.text)
        if token.kind == "str":
            return String(token.text)
        if token.kind == "ref":
            return Ref(token.text)
        if token.kind == "dot":
            return Current()
        if token.kind == "sym" and token.text == "(":
            self._enter(token.pos)
            node = self.expression()
            self.expect(")")
            self.depth -= 1
            return node
        if token.kind == "word":
            return self.call(token)
        raise ExpressionError(f"onverwacht {self._describe(token)}", token.pos)

    def call(self, token: _Token) -> Node:
        name = token.text
        if name in OPERATOR_WORDS:
            raise ExpressionError(f"{name!r} staat op een plek waar een waarde verwacht wordt", token.pos)
        if name not in FUNCTIONS:
            known = ", ".join(f"{f}()" for f in FUNCTIONS)
            raise ExpressionError(f"onbekende functie of woord {name!r}; bekende functies: {known}", token.pos)
        self.expect("(")
        self._enter(token.pos)
        args: list[Node] = []
        if not (self.token.kind == "sym" and self.token.text == ")"):
            args.append(self.expression())
            while self.token.kind == "sym" and self.token.text == ",":
                self.advance()
                args.append(self.expression())
        self.expect(")")
        self.depth -= 1
        if len(args) != FUNCTIONS[name]:
            raise ExpressionError(f"{name}() verwacht {FUNCTIONS[name]} argument(en), niet {len(args)}", token.pos)
        return Call(name, tuple(args))


def _tree_depth(root: Node) -> int:
    deepest = 0
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children(node))
    return deepest


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> Expression:
    root = _Parser(text).parse()
    if _tree_depth(root) > MAX_DEPTH:
        raise ExpressionError("expressie is te diep genest (te veel operatoren achter elkaar)", 0)
    return Expression(text, root)


def parse(text: str) -> Expression:
    """Parse expression text into an :class:`Expression` (cached: pages evaluate the same texts every time)."""
    if not isinstance(text, str):
        raise ExpressionError(f"expressie moet tekst zijn, niet {type(text).__name__}", None)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"expressie is te lang ({len(text)} tekens; maximaal {MAX_LENGTH})", MAX_LENGTH)
    if not text.strip():
        raise ExpressionError("lege expressie", 0)
    return _parse_cached(text)

