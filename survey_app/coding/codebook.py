"""The code tree of a coding project and the checks every import goes through.

A code is identified by its path, the names from the top down joined by ``/``: ``uitkomst/Sneller handelen``.
Top-level codes are the axes of the analysis (for example ``uitkomst`` and ``preventieniveau``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from survey_app.coding.errors import CodebookError
from survey_app.limits import MAX_CODE_DEPTH, MAX_CODES, LimitCode

SEPARATOR = "/"
STATUSES = ("active", "retired")  #: retired: kept for existing codings, no longer offered for new ones


@dataclass(frozen=True)
class Code:
    """One code of the tree; `examples` are short illustrative quotes or phrases for coders."""

    path: str
    name: str
    description: str = ""
    examples: tuple[str, ...] = ()
    parent_path: str | None = None
    status: str = "active"

    @property
    def depth(self) -> int:
        """1 for an axis (top-level code), 2 for its children, and so on."""
        return self.path.count(SEPARATOR) + 1

    @property
    def axis(self) -> str:
        """The top-level code this code belongs to."""
        return self.path.split(SEPARATOR, 1)[0]


@dataclass(frozen=True)
class CodeEntry:
    """A code as read from a file, before validation; `where` is the row/line for error messages."""

    path: str
    where: str
    description: str = ""
    examples: tuple[str, ...] = ()
    status: str = "active"


@dataclass
class Codebook:
    """A validated code tree in file order (parents always before their children)."""

    codes: list[Code] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_path = {code.path: code for code in self.codes}

    def __contains__(self, path: object) -> bool:
        return path in self._by_path

    def get(self, path: str) -> Code:
        """The code with this path (KeyError when unknown)."""
        return self._by_path[path]

    def axes(self) -> list[Code]:
        """The top-level codes, the axes a crosstab can use."""
        return [code for code in self.codes if code.parent_path is None]

    def children(self, path: str | None) -> list[Code]:
        """Direct children of a code; `None` gives the axes."""
        return [code for code in self.codes if code.parent_path == path]

    def descendants(self, path: str) -> list[Code]:
        """All codes below a code (not the code itself), in codebook order."""
        prefix = path + SEPARATOR
        return [code for code in self.codes if code.path.startswith(prefix)]


def split_path(path: str) -> list[str]:
    """The names of a path, stripped of surrounding spaces."""
    return [part.strip() for part in path.split(SEPARATOR)]


def normalise_path(path: str) -> str:
    """A path with the spaces around its separators removed (`a / b` becomes `a/b`)."""
    return SEPARATOR.join(split_path(path))


def build_codebook(entries: list[CodeEntry], source: str) -> Codebook:
    """Validate entries (empty names, duplicates, unknown parents, statuses) and return the code tree.

    All problems are collected and raised together as one CodebookError naming the file and rows/lines.
    Parents must come before or after their children in the file; the result is ordered parents first.
    """
    problems: list[str] = []
    if len(entries) > MAX_CODES:
        problem = f"{LimitCode.LIMIT_006.code} te veel codes ({len(entries)}; maximaal {MAX_CODES})"
        raise CodebookError(source, [problem])
    seen: dict[str, str] = {}
    valid: list[CodeEntry] = []
    for entry in entries:
        names = split_path(entry.path)
        if any(not name for name in names):
            problems.append(f"{entry.where}: lege codenaam in '{entry.path}'")
            continue
        if len(names) > MAX_CODE_DEPTH:
            problems.append(f"{entry.where}: {LimitCode.LIMIT_002.code} code ligt te diep (meer dan "
                            f"{MAX_CODE_DEPTH} niveaus)")
            continue
        path = SEPARATOR.join(names)
        if path in seen:
            problems.append(f"{entry.where}: code '{path}' komt dubbel voor (ook in {seen[path]})")
            continue
        if entry.status not in STATUSES:
            problems.append(f"{entry.where}: onbekende status '{entry.status}' (kies uit {', '.join(STATUSES)})")
        seen[path] = entry.where
        valid.append(entry)
    for entry in valid:
        names = split_path(entry.path)
        parent = SEPARATOR.join(names[:-1])
        if parent and parent not in seen:
            problems.append(f"{entry.where}: bovenliggende code '{parent}' van '{SEPARATOR.join(names)}' bestaat niet")
    if problems:
        raise CodebookError(source, problems)
    codes = [
        Code(
            path=SEPARATOR.join(names := split_path(entry.path)),
            name=names[-1],
            description=entry.description.strip(),
            examples=tuple(e.strip() for e in entry.examples if e.strip()),
            parent_path=SEPARATOR.join(names[:-1]) or None,
            status=entry.status,
        )
        for entry in valid
    ]
    return Codebook(_parents_first(codes))


def _parents_first(codes: list[Code]) -> list[Code]:
    """Order codes depth-first from the axes, keeping file order among siblings."""
    children: dict[str | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_path, []).append(code)
    ordered: list[Code] = []

    def visit(parent: str | None) -> None:
        for code in children.get(parent, []):
            ordered.append(code)
            visit(code.path)

    visit(None)
    return ordered
