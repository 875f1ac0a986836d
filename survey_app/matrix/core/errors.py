"""Stable codes and Dutch messages for every problem a matrix file can have.

A message reads `file:line: CODE message`, like the instrument checks, so a researcher can open the file at
the line and a code can be looked up in docs or an issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ErrorCode(Enum):
    """One kind of problem: a stable code and a Dutch message template."""

    FILE_001 = ("MATRIX_FILE_001", "bestand ontbreekt: {detail}")
    FILE_002 = ("MATRIX_FILE_002", "bestand kan niet gelezen worden: {detail}")
    FILE_003 = ("MATRIX_FILE_003", "ongeldige YAML: {detail}")
    FILE_004 = ("MATRIX_FILE_004", "kolom(men) ontbreken: {detail}")
    FILE_005 = ("MATRIX_FILE_005", "het bestand bevat geen regels")

    ASPECT_001 = ("MATRIX_ASPECT_001", "aspect zonder naam")
    ASPECT_002 = ("MATRIX_ASPECT_002", "aspect {name!r} komt dubbel voor (ook op regel {other})")
    ASPECT_003 = ("MATRIX_ASPECT_003", "onbekende sleutel(s) {detail}")
    ASPECT_004 = ("MATRIX_ASPECT_004", "een deelaspect kan geen deelaspecten hebben ({name!r}); maximaal twee niveaus")
    ASPECT_005 = ("MATRIX_ASPECT_005", "het bestand moet een lijst 'aspects:' bevatten")

    CASE_001 = ("MATRIX_CASE_001", "casus zonder label")
    CASE_002 = ("MATRIX_CASE_002", "casus {label!r} komt dubbel voor (ook op regel {other})")
    CASE_003 = ("MATRIX_CASE_003", "label {label!r}: gebruik letters, cijfers, - en _ (hooguit 32 tekens)")

    SCALE_001 = ("MATRIX_SCALE_001", "het bestand moet een lijst 'levels:' bevatten")
    SCALE_002 = ("MATRIX_SCALE_002", "niveau {key!r}: {detail}")
    SCALE_003 = ("MATRIX_SCALE_003", "niveau {key!r} komt dubbel voor")
    SCALE_004 = ("MATRIX_SCALE_004", "de schaal heeft minstens twee niveaus nodig die van toepassing zijn")

    SCORE_001 = ("MATRIX_SCORE_001", "onbekende casus {label!r}")
    SCORE_002 = ("MATRIX_SCORE_002", "onbekend aspect {name!r}")
    SCORE_003 = ("MATRIX_SCORE_003", "onbekende score {value!r}; kies uit {known}")
    SCORE_004 = ("MATRIX_SCORE_004", "casus {label!r} heeft op {name!r} al een score van {scorer!r} (regel {other})")
    SCORE_005 = ("MATRIX_SCORE_005", "aspect {name!r} is een hoofdaspect met deelaspecten; scoor de deelaspecten")
    SCORE_006 = ("MATRIX_SCORE_006", "aspect {name!r} is niet eenduidig; geef het pad 'hoofdaspect/deelaspect'")
    SCORE_007 = ("MATRIX_SCORE_007", "derde beoordelaar {scorer!r}; een matrix heeft er hooguit twee ({known})")

    def __init__(self, code: str, template: str):
        self.code = code
        self.template = template


@dataclass(frozen=True)
class Problem:
    """One problem at a place: file, 1-based line (header = 1 in a CSV) and a coded Dutch message."""

    source: str
    line: int | None
    code: ErrorCode
    values: tuple[tuple[str, object], ...] = ()

    @property
    def message(self) -> str:
        """The code followed by the filled-in Dutch message."""
        return f"{self.code.code} {self.code.template.format(**dict(self.values))}"

    def __str__(self) -> str:
        place = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{place}: {self.message}"


def problem(source: str, line: int | None, code: ErrorCode, **values: object) -> Problem:
    """Build a Problem with keyword values for its template."""
    return Problem(source, line, code, tuple(values.items()))


class MatrixFileError(ValueError):
    """Raised with every problem found in the files of one import; nothing has been stored."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
