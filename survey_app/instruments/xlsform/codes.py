"""Stable codes and Dutch messages for everything an XLSForm import or export can report.

Two kinds: *errors* (the file is malformed: a group that is never closed, a select without its list) always
stop the import; *unsupported* constructs (repeats, geo, media, choice filters, ...) have no equivalent in
the instrument format and stop the import unless the researcher passes ``--skip-unsupported``.
Every message names the file and the spreadsheet row (``file:row: CODE message``), as pyxform does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class XlsformCode(Enum):
    """One kind of problem: a stable code, whether it is 'unsupported' (skippable) and a Dutch template."""

    # the file itself
    XLSFORM_001 = ("XLSFORM_001", False, "bestand kan niet gelezen worden: {detail}")
    XLSFORM_002 = ("XLSFORM_002", False, "onbekend bestandstype {suffix!r}; gebruik .xlsx, .xls of .csv")
    XLSFORM_003 = ("XLSFORM_003", False, "het werkblad 'survey' ontbreekt (werkbladen: {sheets})")
    XLSFORM_004 = ("XLSFORM_004", False, "kolom {column!r} staat twee keer in werkblad {sheet!r}")
    XLSFORM_005 = ("XLSFORM_005", False, "werkblad {sheet!r} heeft geen kolom {column!r}")
    XLSFORM_006 = ("XLSFORM_006", False, "het formulier heeft geen vragen die overgenomen kunnen worden")
    # rows of the survey sheet
    ROW_001 = ("ROW_001", False, "rij zonder type (naam {name!r})")
    ROW_002 = ("ROW_002", False, "vraag of groep van type {type!r} zonder naam")
    ROW_003 = ("ROW_003", False, "onbekend vraagtype {type!r}")
    ROW_004 = ("ROW_004", False, "naam {name!r} komt al voor in rij {other}")
    ROW_005 = ("ROW_005", False, "naam {name!r} kan geen variabelenaam worden (kleine letters, cijfers, _)")
    ROW_006 = ("ROW_006", False, "{kind} zonder label")
    ROW_007 = ("ROW_007", False, "calculate {name!r} heeft geen calculation")
    ROW_008 = ("ROW_008", False, "range {name!r}: parameters {text!r} zijn geen gehele getallen start/end/step")
    # groups
    GROUP_001 = ("GROUP_001", False, "'{type}' zonder bijbehorende begin")
    GROUP_002 = ("GROUP_002", False, "groep {name!r} wordt niet afgesloten (end group ontbreekt)")
    GROUP_003 = ("GROUP_003", False, "'{type}' sluit {name!r} af, maar die is begonnen als {begun!r}")
    GROUP_004 = ("GROUP_004", False, "groep {name!r} heeft geen vragen")
    # choices
    CHOICES_001 = ("CHOICES_001", False, "keuzelijst {list!r} bestaat niet in het werkblad choices")
    CHOICES_002 = ("CHOICES_002", False, "keuze zonder list_name of name")
    CHOICES_003 = ("CHOICES_003", False, "keuze {name!r} staat twee keer in lijst {list!r}")
    CHOICES_004 = ("CHOICES_004", False, "keuze {name!r} van lijst {list!r} wordt code {code!r}, net als een andere"
                                         " keuze; geef de keuzes namen die na omzetting verschillen")
    # expressions
    EXPR_001 = ("EXPR_001", False, "{column} verwijst naar onbekende vraag ${{{name}}}: {text!r}")
    # constructs without an equivalent (skippable)
    UNSUPPORTED_001 = ("UNSUPPORTED_001", True, "herhaalgroep (repeat) {name!r} wordt niet ondersteund;"
                                                " de vragen erin worden niet overgenomen")
    UNSUPPORTED_002 = ("UNSUPPORTED_002", True, "vraagtype {type!r} (locatie) wordt niet ondersteund")
    UNSUPPORTED_003 = ("UNSUPPORTED_003", True, "vraagtype {type!r} (foto, geluid, video, bestand, barcode)"
                                                " wordt niet ondersteund")
    UNSUPPORTED_004 = ("UNSUPPORTED_004", True, "metagegeven {type!r} wordt niet ondersteund (het platform slaat"
                                                " geen apparaat- of tijdgegevens op)")
    UNSUPPORTED_005 = ("UNSUPPORTED_005", True, "vraagtype {type!r} wordt niet ondersteund")
    UNSUPPORTED_006 = ("UNSUPPORTED_006", True, "calculate {name!r}: de berekening {text!r} past niet in de"
                                                " expressietaal ({detail})")
    UNSUPPORTED_007 = ("UNSUPPORTED_007", True, "{column} {text!r} past niet in de expressietaal ({detail});"
                                                " wordt weggelaten")
    UNSUPPORTED_008 = ("UNSUPPORTED_008", True, "choice_filter {text!r} wordt niet ondersteund; alle keuzes"
                                                " worden getoond")
    UNSUPPORTED_009 = ("UNSUPPORTED_009", True, "kolom {column!r} wordt niet ondersteund en niet overgenomen")
    UNSUPPORTED_010 = ("UNSUPPORTED_010", True, "{column} {text!r} verwijst naar {name!r}, dat niet wordt"
                                                " overgenomen; wordt weggelaten")
    UNSUPPORTED_011 = ("UNSUPPORTED_011", True, "label van {name!r} verwijst naar een antwoord ({text!r});"
                                                " het label wordt letterlijk overgenomen")
    UNSUPPORTED_012 = ("UNSUPPORTED_012", True, "range {name!r} met stap {step} of niet-gehele grenzen"
                                                " wordt niet ondersteund (alleen stap 1)")
    UNSUPPORTED_013 = ("UNSUPPORTED_013", True, "required {text!r} als voorwaarde wordt niet ondersteund;"
                                                " de vraag wordt niet verplicht")

    def __init__(self, code: str, unsupported: bool, template: str) -> None:
        self.code = code
        self.unsupported = unsupported
        self.template = template


@dataclass(frozen=True)
class XlsformProblem:
    """One problem at one spreadsheet row, printed as ``file:row: CODE message``."""

    file: str
    row: int
    code: XlsformCode
    message: str

    @classmethod
    def of(cls, file: str, row: int, code: XlsformCode, /, **details: object) -> XlsformProblem:
        """A problem whose message is the code's template filled with ``details``."""
        return cls(str(file), int(row), code, code.template.format(**details))

    @property
    def unsupported(self) -> bool:
        return self.code.unsupported

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.code.code} {self.message}"


class XlsformError(Exception):
    """The workbook cannot be read or converted; carries every problem found."""

    def __init__(self, problems: list[XlsformProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
