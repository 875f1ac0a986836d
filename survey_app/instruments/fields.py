"""Typed access to the keys of one YAML mapping, collecting problems with the line of each key.

The structure validator reads every module, page and item through a :class:`Fields` so that a missing key,
an unknown key or a value of the wrong type always gives the same code and a message in the same words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .errors import ErrorCode, Problem
from .expressions import ExpressionError, parse
from .model import Level
from .yamlsource import LineDict, LineList

NAME_RE = re.compile(r"[a-z][a-z0-9_]*")
CODE_RE = re.compile(r"[a-z0-9][a-z0-9_]*")
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def describe_type(value: object) -> str:
    """A Dutch name for the kind of a YAML value, used in 'moet ... zijn, niet ...' messages."""
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int):
        return f"een geheel getal ({value})"
    if isinstance(value, float):
        return f"een getal ({value})"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een mapping"
    if isinstance(value, dt.date | dt.datetime):
        return f"een datum ({value})"
    return type(value).__name__


class Problems:
    """The problems found in one file so far."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []

    def add(self, line: int, code: ErrorCode, /, **details: object) -> None:
        """Record one problem at ``line``."""
        self.items.append(Problem.of(self.file, line, code, **details))


class Fields:
    """One YAML mapping being read: typed getters that report problems instead of raising."""

    def __init__(self, data: LineDict, problems: Problems, where: str) -> None:
        self.data = data
        self.problems = problems
        self.where = where

    @property
    def line(self) -> int:
        return self.data.line

    def line_of(self, key: str) -> int:
        """The line of ``key`` (or of the mapping when the key is absent)."""
        return self.data.line_of(key)

    def has(self, key: str) -> bool:
        """True when the key is present and not empty (``key:`` with nothing after it counts as absent)."""
        return self.data.get(key) is not None

    def check_keys(self, allowed: Iterable[str], elsewhere: Iterable[str] = (), type_name: str = "") -> None:
        """Report keys not in ``allowed`` (KEY_002 when valid for another item type, else KEY_001) and doubles."""
        allowed = tuple(allowed)
        elsewhere = set(elsewhere)
        known = ", ".join(allowed)
        for key in self.data:
            if key in allowed:
                continue
            line = self.line_of(key)
            if key in elsewhere:
                self.problems.add(line, ErrorCode.KEY_002, key=key, type=type_name, known=known)
            else:
                self.problems.add(line, ErrorCode.KEY_001, key=key, where=self.where, known=known)
        for key, line in self.data.duplicates:
            self.problems.add(line, ErrorCode.YAML_002, key=key)

    def _wrong(self, key: str, expected: str) -> None:
        self.problems.add(
            self.line_of(key), ErrorCode.KEY_004, key=key, expected=expected, found=describe_type(self.data[key])
        )

    def _missing(self, key: str) -> None:
        self.problems.add(self.line, ErrorCode.KEY_003, key=key, where=self.where)

    def text(self, key: str, required: bool = False, default: str = "", hint: str = "") -> str:
        """A text value; numbers are refused with a hint to quote them when ``hint`` is given."""
        if not self.has(key):
            if required:
                self._missing(key)
            return default
        value = self.data[key]
        if not isinstance(value, str):
            self._wrong(key, "tekst" + hint)
            return default
        if required and not value.strip():
            self._missing(key)
            return default
        return value.strip()

    def boolean(self, key: str, default: bool = False) -> bool:
        """A true/false value."""
        if not self.has(key):
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            self._wrong(key, "true of false")
            return default
        return value

    def integer(self, key: str, default: int | None = None) -> int | None:
        """A whole number."""
        if not self.has(key):
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong(key, "een geheel getal")
            return default
        return value

    def number(self, key: str, default: float | None = None) -> float | None:
        """A number (whole or decimal)."""
        if not self.has(key):
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self._wrong(key, "een getal")
            return default
        return value

    def level(self, key: str = "level") -> Level | None:
        """A measurement level (nominal, ordinal, interval); LEVEL_001 for anything else."""
        if not self.has(key):
            return None
        value = self.data[key]
        try:
            return Level(value)
        except (ValueError, TypeError):
            self.problems.add(self.line_of(key), ErrorCode.LEVEL_001, value=value)
            return None

    def mapping(self, key: str, required: bool = False) -> LineDict | None:
        """A nested mapping."""
        if not self.has(key):
            if required:
                self._missing(key)
            return None
        value = self.data[key]
        if not isinstance(value, LineDict):
            self._wrong(key, "een mapping")
            return None
        return value

    def sequence(self, key: str, required: bool = False) -> LineList | None:
        """A nested list."""
        if not self.has(key):
            if required:
                self._missing(key)
            return None
        value = self.data[key]
        if not isinstance(value, LineList):
            self._wrong(key, "een lijst")
            return None
        return value

    def name(self, key: str, required: bool = True) -> str:
        """An identifier (item, page, construct name): lowercase letters, digits and underscore."""
        if not self.has(key):
            if required:
                self._missing(key)
            return ""
        value = self.data[key]
        if not isinstance(value, str) or not NAME_RE.fullmatch(value):
            self.problems.add(self.line_of(key), ErrorCode.NAME_002, name=value)
            return ""
        return value

    def gemeenten(self, key: str) -> tuple[str, ...]:
        """A list of gemeente slugs (only_gemeenten / skip_gemeenten)."""
        if not self.has(key):
            return ()
        value = self.data[key]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and SLUG_RE.fullmatch(v)
                                                               for v in value):
            self.problems.add(self.line_of(key), ErrorCode.GEMEENTE_001, key=key, value=value)
            return ()
        return tuple(dict.fromkeys(value))

    def expression(self, key: str, allow_current: bool) -> str | None:
        """An expression text, syntax checked (EXPR_001) and, outside constraints, without ``.`` (EXPR_002)."""
        if not self.has(key):
            return None
        value = self.data[key]
        if isinstance(value, bool):
            value = "true()" if value else "false()"
        if not isinstance(value, str):
            self._wrong(key, "een expressie (tekst)")
            return None
        try:
            expression = parse(value)
        except ExpressionError as exc:
            self.problems.add(self.line_of(key), ErrorCode.EXPR_001, key=key, text=value, detail=str(exc))
            return value
        if expression.uses_current and not allow_current:
            self.problems.add(self.line_of(key), ErrorCode.EXPR_002, key=key, text=value)
        return value
