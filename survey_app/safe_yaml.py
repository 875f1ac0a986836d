"""A YAML SafeLoader that bounds nesting depth and alias expansion before any Python object is built.

PyYAML's SafeLoader refuses arbitrary objects but not size: 763 bytes of nested aliases ("billion laughs")
expand to millions of nodes for whoever walks the result, a few thousand ``[`` overflow Python's recursion,
and a scalar such as a 5.000-digit integer or the date ``2024-13-45`` escapes as a bare ValueError. This loader
counts while composing (each node's size with every alias expanded, and the depth of the current path), so a
hostile file is refused after reading it once, and turns every value error into a YAML error with its line.

Every YAML file of the project (instruments, codebooks, mappings of earlier waves) is read through it.
"""

from __future__ import annotations

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, SequenceNode

from survey_app.limits import MAX_NESTING_DEPTH, MAX_YAML_ALIASES, MAX_YAML_NODES, LimitCode, LimitExceeded


class BoundedSafeLoader(yaml.SafeLoader):
    """SafeLoader with bounded depth, alias count and expanded size; values that fail become ConstructorErrors."""

    def compose_document(self):
        """Start each document with fresh counters."""
        self._depth = 0
        self._aliases = 0
        self._sizes: dict[int, int] = {}  # id(node) -> node count with aliases expanded
        return super().compose_document()

    def compose_node(self, parent, index):
        """Compose one node, refusing too deep a path, too many aliases or too large an expansion."""
        if self.check_event(AliasEvent):
            event = self.peek_event()
            self._aliases += 1
            line = event.start_mark.line + 1
            if self._aliases > MAX_YAML_ALIASES:
                raise LimitExceeded(LimitCode.LIMIT_003, line, detail=f"meer dan {MAX_YAML_ALIASES}")
            target = self.anchors.get(event.anchor)
            if target is not None and id(target) not in self._sizes:
                raise LimitExceeded(LimitCode.LIMIT_003, line,
                                    detail=f"alias *{event.anchor} verwijst naar zichzelf")
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_NESTING_DEPTH:
            raise LimitExceeded(LimitCode.LIMIT_002, self.peek_event().start_mark.line + 1, limit=MAX_NESTING_DEPTH)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        self._count(node)
        return node

    def _count(self, node) -> None:
        """Record the expanded size of a freshly composed node; its children are already counted."""
        size = 1
        if isinstance(node, SequenceNode):
            size += sum(self._sizes[id(child)] for child in node.value)
        elif isinstance(node, MappingNode):
            size += sum(self._sizes[id(key)] + self._sizes[id(value)] for key, value in node.value)
        if size > MAX_YAML_NODES:
            raise LimitExceeded(LimitCode.LIMIT_003, node.start_mark.line + 1,
                                detail=f"uitgevouwen meer dan {MAX_YAML_NODES:,} onderdelen".replace(",", "."))
        self._sizes[id(node)] = size

    def construct_object(self, node, deep=False):
        """Build one value; a scalar Python cannot hold (a huge int, month 13) is reported at its line."""
        try:
            return super().construct_object(node, deep=deep)
        except LimitExceeded:
            raise
        except (ValueError, OverflowError, TypeError):
            shown = node.value if isinstance(node.value, str) else node.tag
            shown = shown if len(shown) <= 30 else shown[:30] + "…"
            raise yaml.constructor.ConstructorError(
                None, None, f"ongeldige waarde '{shown}'", node.start_mark) from None


def safe_load(text: str, loader: type[BoundedSafeLoader] = BoundedSafeLoader) -> object:
    """Parse one YAML document; raises yaml.YAMLError (bad YAML) or LimitExceeded (beyond the bounds)."""
    return yaml.load(text, Loader=loader)  # a SafeLoader subclass: no arbitrary objects


def error_place(exc: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """The 1-based line (None when unknown) and a short description of a YAML error, for messages."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, max(0, exc.position)) + 1
        return line, f"onleesbaar teken (code {exc.character:#04x})" if isinstance(exc.character, int) else str(exc)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        detail = " ".join(part for part in (exc.context, exc.problem) if part) or str(exc)
        return (mark.line + 1 if mark else None), detail
    return None, str(exc)
