"""The aspect tree of a matrix: hoofdaspecten with their deelaspecten, read and written as YAML or CSV.

Like the code tree of the coding module, an aspect is known by its path (``Hoofdaspect/Deelaspect``); names may
contain a slash themselves ("Huisarts/ POH", as in the source), so a path is matched whole. Two levels at
most, as in the Rekenkamer's analyseschema. Cases are scored on the leaves: the deelaspecten, and a hoofdaspect
that has none.

YAML::

    aspects:
      - name: Kwaliteit ondersteuning Sociaal Wijkteam
        description: ...
        children:
          - name: Tijdige signalering problematiek

CSV (header on line 1): ``hoofdaspect,deelaspect,description``; a row with an empty deelaspect describes the
hoofdaspect itself, a hoofdaspect named only by its deelaspecten is created on the fly.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import yaml

from survey_app import csv_safety
from survey_app.matrix.core.errors import ErrorCode, MatrixFileError, Problem, problem
from survey_app.matrix.core.tables import read_csv_rows
from survey_app.matrix.core.yaml_lines import LINE, load_with_lines

SEPARATOR = "/"
_YAML_KEYS = {"name", "description", "children"}


@dataclass(frozen=True)
class Aspect:
    """One node of the tree; `parent` is the hoofdaspect's name for a deelaspect, None for a hoofdaspect."""

    name: str
    parent: str | None = None
    description: str = ""

    @property
    def path(self) -> str:
        """``Hoofdaspect/Deelaspect`` or just the hoofdaspect's name."""
        return f"{self.parent}{SEPARATOR}{self.name}" if self.parent else self.name


@dataclass(frozen=True)
class AspectTree:
    """Hoofdaspecten in file order, each followed by its deelaspecten."""

    aspects: tuple[Aspect, ...]

    def main_aspects(self) -> list[Aspect]:
        """The hoofdaspecten."""
        return [aspect for aspect in self.aspects if aspect.parent is None]

    def children(self, name: str) -> list[Aspect]:
        """The deelaspecten of a hoofdaspect."""
        return [aspect for aspect in self.aspects if aspect.parent == name]

    def leaves(self) -> list[Aspect]:
        """The aspects a case is scored on, in tree order."""
        parents = {aspect.parent for aspect in self.aspects if aspect.parent}
        return [aspect for aspect in self.aspects if aspect.parent is not None or aspect.name not in parents]

    def resolve(self, text: str) -> list[Aspect]:
        """The aspects a score file may mean by `text`: a full path, or a name (ambiguous when used twice)."""
        wanted = text.strip()
        by_path = [aspect for aspect in self.aspects if aspect.path == wanted]
        return by_path or [aspect for aspect in self.aspects if aspect.name == wanted]


class _Builder:
    """Collects aspects in order and the problems with them (duplicates, names with '/')."""

    def __init__(self, source: str):
        self.source = source
        self.aspects: list[Aspect] = []
        self.lines: dict[str, int] = {}
        self.problems: list[Problem] = []

    def add(self, name: str, parent: str | None, description: str, line: int) -> bool:
        if not name:
            self.problems.append(problem(self.source, line, ErrorCode.ASPECT_001))
            return False
        aspect = Aspect(name, parent, description.strip())
        if aspect.path in self.lines:
            self.problems.append(problem(self.source, line, ErrorCode.ASPECT_002, name=aspect.path,
                                         other=self.lines[aspect.path]))
            return False
        self.lines[aspect.path] = line
        self.aspects.append(aspect)
        return True

    def described(self, name: str) -> bool:
        """True when the hoofdaspect already has a description."""
        return any(a.description for a in self.aspects if a.parent is None and a.name == name)

    def describe(self, name: str, description: str) -> None:
        """Give a hoofdaspect created by its deelaspecten the description of its own row."""
        self.aspects = [Aspect(a.name, None, description.strip()) if a.parent is None and a.name == name else a
                        for a in self.aspects]

    def tree(self) -> AspectTree:
        if self.problems:
            raise MatrixFileError(self.problems)
        if not self.aspects:
            raise MatrixFileError([problem(self.source, 1, ErrorCode.FILE_005)])
        order = [a for a in self.aspects if a.parent is None]
        ordered = [x for main in order for x in [main, *[a for a in self.aspects if a.parent == main.name]]]
        return AspectTree(tuple(ordered))


def load_yaml(text: str, source: str = "aspects.yaml") -> AspectTree:
    """Parse and check a YAML aspect tree; every problem names its line."""
    data = load_with_lines(text, source)
    if not isinstance(data, dict) or not isinstance(data.get("aspects"), list):
        raise MatrixFileError([problem(source, 1, ErrorCode.ASPECT_005)])
    builder = _Builder(source)
    for item in data["aspects"]:
        _yaml_node(item, None, builder, data[LINE])
    return builder.tree()


def _yaml_node(item: object, parent: str | None, builder: _Builder, line: int) -> None:
    if not isinstance(item, dict):
        builder.problems.append(problem(builder.source, line, ErrorCode.ASPECT_001))
        return
    line = item[LINE]
    unknown = sorted(set(item) - _YAML_KEYS - {LINE})
    if unknown:
        builder.problems.append(problem(builder.source, line, ErrorCode.ASPECT_003, detail=", ".join(unknown)))
    name = str(item.get("name") or "").strip()
    children = item.get("children") or []
    if parent is not None and children:
        builder.problems.append(problem(builder.source, line, ErrorCode.ASPECT_004, name=name))
        return
    if builder.add(name, parent, str(item.get("description") or ""), line):
        for child in children if isinstance(children, list) else [children]:
            _yaml_node(child, name, builder, line)


def load_csv(text: str, source: str = "aspects.csv") -> AspectTree:
    """Parse and check a CSV aspect tree (hoofdaspect, deelaspect, description)."""
    builder = _Builder(source)
    for line, row in read_csv_rows(text, source, ("hoofdaspect", "deelaspect")):
        main, sub = row["hoofdaspect"], row["deelaspect"]
        description = row.get("description", "")
        if not main:
            builder.problems.append(problem(source, line, ErrorCode.ASPECT_001))
        elif not sub and main in builder.lines and not builder.described(main):
            builder.describe(main, description)  # the hoofdaspect's own row after its deelaspecten
        elif not sub:
            builder.add(main, None, description, line)
        else:
            if main not in builder.lines:
                builder.add(main, None, "", line)
            builder.add(sub, main, description, line)
    return builder.tree()


def dump_yaml(tree: AspectTree) -> str:
    """The tree as YAML that `load_yaml` reads back unchanged."""

    def node(aspect: Aspect) -> dict:
        out: dict = {"name": aspect.name}
        if aspect.description:
            out["description"] = aspect.description
        children = tree.children(aspect.name) if aspect.parent is None else []
        if children:
            out["children"] = [node(child) for child in children]
        return out

    data = {"aspects": [node(main) for main in tree.main_aspects()]}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def dump_csv(tree: AspectTree) -> str:
    """The tree as CSV that `load_csv` reads back unchanged."""
    buffer = io.StringIO()
    writer = csv_safety.writer(buffer, lineterminator="\n")
    writer.writerow(["hoofdaspect", "deelaspect", "description"])
    for aspect in tree.aspects:
        writer.writerow([aspect.parent or aspect.name, aspect.name if aspect.parent else "", aspect.description])
    return buffer.getvalue()
