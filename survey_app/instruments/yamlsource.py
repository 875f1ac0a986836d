"""Read a YAML file into plain dicts and lists that remember their line numbers.

Every problem in an instrument file is reported with the line of the offending node, so mappings and lists
carry the line where they start and the line of each key or element. Duplicate keys, which PyYAML silently
lets the last one win, are recorded so the validators can report them. Files are read through the bounded
loader of `survey_app.safe_yaml` (size, depth and alias expansion limited), so no file can exhaust the machine.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from survey_app.limits import MAX_YAML_BYTES, LimitExceeded, read_bounded
from survey_app.safe_yaml import BoundedSafeLoader, error_place, safe_load

from .errors import ErrorCode


class LineDict(dict):
    """A mapping from YAML with ``line`` (where it starts), ``key_lines`` and ``duplicates`` (key, line)."""

    line: int = 1

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[object, int] = {}
        self.duplicates: list[tuple[object, int]] = []

    def line_of(self, key: object) -> int:
        """The line of ``key`` when present, else the line where the mapping starts."""
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence from YAML with ``line`` (where it starts) and ``item_lines`` (line of each element)."""

    line: int = 1

    def __init__(self) -> None:
        super().__init__()
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        """The line of element ``index``."""
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _LineLoader(BoundedSafeLoader):
    """Bounded SafeLoader whose mappings and sequences are LineDict / LineList."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode):
    data = LineDict()
    data.line = node.start_mark.line + 1
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError as exc:
            raise yaml.constructor.ConstructorError(
                None, None, "een sleutel moet een enkele waarde zijn, geen lijst of mapping", key_node.start_mark
            ) from exc
        line = key_node.start_mark.line + 1
        if key in data:
            data.duplicates.append((key, line))
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = line


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode):
    data = LineList()
    data.line = node.start_mark.line + 1
    yield data
    for child in node.value:
        data.append(loader.construct_object(child, deep=True))
        data.item_lines.append(child.start_mark.line + 1)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


class YamlProblem(Exception):
    """The file is not valid YAML, cannot be read or exceeds a limit; ``line`` is 1-based, ``code`` an ErrorCode."""

    def __init__(self, detail: str, line: int, unreadable: bool = False, code: ErrorCode | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.line = line
        self.unreadable = unreadable
        self.code = code or (ErrorCode.YAML_003 if unreadable else ErrorCode.YAML_001)

    @classmethod
    def of_limit(cls, exc: LimitExceeded) -> YamlProblem:
        """The problem for a file beyond a bound of survey_app.limits, with that bound's stable code."""
        return cls(exc.message, exc.line or 1, code=ErrorCode[exc.code.code])


def read_yaml(path: Path) -> object:
    """The content of one YAML file with line numbers; raises YamlProblem on unreadable, invalid or huge YAML."""
    try:
        text = read_bounded(path, MAX_YAML_BYTES).decode("utf-8")
    except LimitExceeded as exc:
        raise YamlProblem.of_limit(exc) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlProblem(str(exc), 1, unreadable=True) from exc
    return parse_yaml(text)


def parse_yaml(text: str) -> object:
    """Parse YAML text with line numbers; raises YamlProblem with the line of the syntax error or limit."""
    try:
        return safe_load(text, _LineLoader)
    except LimitExceeded as exc:
        raise YamlProblem.of_limit(exc) from None
    except yaml.YAMLError as exc:
        line, detail = error_place(exc, text)
        raise YamlProblem(detail, line or 1) from exc
