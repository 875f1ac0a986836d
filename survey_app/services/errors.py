"""Problems with input a user handed us (a CSV, a command's arguments), named by place."""

from __future__ import annotations

from dataclasses import dataclass

MAX_LISTED = 20


@dataclass(frozen=True)
class InputProblem:
    """One problem: the file, the row (1-based, header = 1), the column, and a Dutch message."""

    source: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        place = self.source
        if self.row is not None:
            place += f":{self.row}"
        if self.column:
            place += f": kolom '{self.column}'"
        return f"{place}: {self.message}"


class InputError(Exception):
    """Raised with every problem found; the operation has written nothing."""

    def __init__(self, problems: list[InputProblem]):
        self.problems = problems
        super().__init__(self.summary())

    def summary(self) -> str:
        lines = [str(p) for p in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            lines.append(f"... en nog {len(self.problems) - MAX_LISTED} problemen")
        return "\n".join(lines)


def fail(source: str, message: str, row: int | None = None, column: str | None = None) -> InputError:
    """A one-problem InputError, for the simple cases."""
    return InputError([InputProblem(source, message, row, column)])
