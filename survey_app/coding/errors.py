"""One error type for everything a researcher imports, so an import can report all its problems at once."""

from __future__ import annotations

from survey_app.limits import LimitExceeded

MAX_LISTED_PROBLEMS = 20


class CodingImportError(ValueError):
    """A file of a coding project could not be read; names the file and lists the problems (row/line first)."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = list(problems)
        super().__init__(self._message())

    def _message(self) -> str:
        if len(self.problems) == 1:
            return f"{self.source}: {self.problems[0]}"
        listed = self.problems[:MAX_LISTED_PROBLEMS]
        lines = [f"{self.source}: {len(self.problems)} problemen, niets geïmporteerd:"]
        lines += [f"- {problem}" for problem in listed]
        hidden = len(self.problems) - len(listed)
        if hidden:
            lines.append(f"... en nog {hidden} problemen")
        return "\n".join(lines)


def limit_problem(exc: LimitExceeded, unit: str = "regel") -> str:
    """A limit of survey_app.limits as one problem line: ``regel 3: LIMIT_002 te diep genest ...``."""
    where = f"{unit} {exc.line}: " if exc.line else ""
    return f"{where}{exc.code.code} {exc.message}"


class TranscriptError(CodingImportError):
    """A transcript (.txt, .docx, .vtt, .srt) or replacement list is unreadable."""


class CodebookError(CodingImportError):
    """A codebook file (YAML, CSV, REFI-QDA .qdc) is invalid."""


class CodingsError(CodingImportError):
    """A codings.csv does not match the documents and the codebook."""
