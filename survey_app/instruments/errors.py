"""Stable codes and Dutch messages for every problem an instrument file can have.

Researchers read these messages (``flask instruments check``), so they are in Dutch; the codes never change
meaning, so a code can be looked up in docs/instruments.md or searched for in an issue tracker.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ErrorCode(Enum):
    """One kind of problem: a stable code and a Dutch message template."""

    YAML_001 = ("YAML_001", "ongeldige YAML: {detail}")
    YAML_002 = ("YAML_002", "sleutel {key!r} staat twee keer in dezelfde mapping")
    YAML_003 = ("YAML_003", "bestand kan niet gelezen worden: {detail}")

    # beyond a bound of survey_app/limits.py; the same codes as LimitCode, the message already filled in
    LIMIT_001 = ("LIMIT_001", "{detail}")
    LIMIT_002 = ("LIMIT_002", "{detail}")
    LIMIT_003 = ("LIMIT_003", "{detail}")
    LIMIT_006 = ("LIMIT_006", "{detail}")

    MODULE_001 = ("MODULE_001", "id {id!r} moet gelijk zijn aan de bestandsnaam {stem!r}")
    MODULE_002 = ("MODULE_002", "het bestand moet een mapping zijn (sleutels als id:, title:, pages:)")
    MODULE_003 = ("MODULE_003", "module-id {id!r} komt ook voor in {other}")
    MODULE_004 = ("MODULE_004", "ongeldige module-id {id!r}: gebruik kleine letters, cijfers en underscore")

    KEY_001 = ("KEY_001", "onbekende sleutel {key!r} in {where}; bekende sleutels: {known}")
    KEY_002 = ("KEY_002", "sleutel {key!r} hoort niet bij type {type}; sleutels voor {type}: {known}")
    KEY_003 = ("KEY_003", "ontbrekende sleutel {key!r} in {where}")
    KEY_004 = ("KEY_004", "{key!r} moet {expected} zijn, niet {found}")

    ITEM_001 = ("ITEM_001", "onbekend vraagtype {type!r}; bekende types: {known}")
    ITEM_002 = ("ITEM_002", "vraag {name!r} heeft geen {key} (verplicht voor type {type})")
    ITEM_003 = ("ITEM_003", "vraag {name!r} van type select_one heeft scale: of choices: nodig")
    ITEM_004 = ("ITEM_004", "vraag {name!r} heeft zowel scale: als choices:; kies er een")
    ITEM_005 = ("ITEM_005", "source moet 'verbatim' of 'reconstructed' zijn, niet {value!r}")
    ITEM_006 = ("ITEM_006", "reverse: true kan alleen bij een numerieke vraag met een bereik (min en max of een scale)")
    ITEM_007 = ("ITEM_007", "vraag {name!r} van type select_multiple heeft choices: nodig")
    ITEM_008 = ("ITEM_008", "vraag {name!r} staat zowel in only_gemeenten als in skip_gemeenten: {gemeenten}")

    NAME_001 = ("NAME_001", "naam {name!r} is al gebruikt in {other}; namen moeten uniek zijn over alle modules")
    NAME_002 = ("NAME_002", "ongeldige naam {name!r}: begin met een kleine letter, daarna kleine letters, cijfers, _")
    NAME_003 = ("NAME_003", "naam {name!r} is gereserveerd (gemeente en team komen uit de uitnodiging)")
    NAME_004 = ("NAME_004", "variabelenaam {name!r} is te lang ({length} tekens; maximaal {limit}, voor SPSS-export)")

    SCALE_001 = ("SCALE_001", "schaal {name!r} moet een mapping met choices: zijn")
    SCALE_002 = ("SCALE_002", "ongeldige schaalnaam {name!r}: gebruik kleine letters, cijfers en underscore")

    CHOICE_001 = ("CHOICE_001", "antwoordcode {code!r} moet een geheel getal zijn (bij een scale of select_one)")
    CHOICE_002 = ("CHOICE_002",
                  "antwoordcode {code!r} moet een korte code zijn (kleine letters, cijfers, _) bij select_multiple;"
                  " zet ja/nee/on/off tussen aanhalingstekens")
    CHOICE_003 = ("CHOICE_003", "antwoordcode {code!r} komt twee keer voor")
    CHOICE_004 = ("CHOICE_004", "antwoordcode {code!r} heeft geen label (tekst)")
    CHOICE_005 = ("CHOICE_005", "choices: moet een niet-lege mapping 'code: label' zijn")

    RANGE_001 = ("RANGE_001", "min ({minimum}) is groter dan max ({maximum})")
    RANGE_002 = ("RANGE_002", "max_length moet minstens 1 zijn, niet {value}")

    EXPR_001 = ("EXPR_001", "fout in expressie {key} {text!r}: {detail}")
    EXPR_002 = ("EXPR_002", "'.' (het antwoord zelf) mag alleen in constraint staan, niet in {key} {text!r}")
    EXPR_003 = ("EXPR_003", "{function}() verwacht een select_multiple vraag, maar {name!r} is van type {type}")

    REF_001 = ("REF_001", "expressie {text!r} verwijst naar onbekende vraag {name!r}")
    REF_002 = ("REF_002", "onbekende schaal {name!r}; schalen in deze module: {known}")
    REF_003 = ("REF_003", "expressie {text!r} verwijst naar {name!r}, maar die vraag heeft geen antwoord ({type})")
    REF_004 = ("REF_004", "relevant van {name!r} verwijst naar de vraag zelf: {text!r}")

    LEVEL_001 = ("LEVEL_001", "meetniveau (level) {value!r} is ongeldig; kies nominal, ordinal of interval")
    LEVEL_002 = ("LEVEL_002", "vraag {name!r} is nominaal en kan dus niet omgekeerd gescoord worden (reverse: true)")
    LEVEL_003 = ("LEVEL_003", "{name!r}: vraag {item!r} is nominaal; een schaal- of verschilscore vraagt een"
                              " ordinaal of interval meetniveau")

    GEMEENTE_001 = ("GEMEENTE_001", "{key} moet een lijst van gemeente-slugs zijn (zoals [zwolle, ommen-hardenberg]);"
                                    " ongeldig: {value!r}")

    GRID_001 = ("GRID_001", "yesno_grid {name!r} heeft een niet-lege lijst {key}: nodig")
    GRID_002 = ("GRID_002", "elke rij/kolom van een yesno_grid is een mapping met name: en label:")
    GRID_003 = ("GRID_003", "rij/kolom {name!r} komt twee keer voor in {key}")
    GRID_004 = ("GRID_004", "yesno_grid {name!r}, kolom {column!r}: conditional_on {base!r} is geen andere,"
                            " zelf niet-voorwaardelijke kolom van dit raster")

    PAGE_001 = ("PAGE_001", "pagina-id {id!r} komt twee keer voor in deze module")
    PAGE_002 = ("PAGE_002", "pagina {id!r} heeft geen vragen (items: is leeg)")
    PAGE_003 = ("PAGE_003", "pages: moet een niet-lege lijst van pagina's zijn")

    CONSTRUCT_001 = ("CONSTRUCT_001", "construct {name!r} verwijst naar onbekende vraag {item!r}")
    CONSTRUCT_002 = ("CONSTRUCT_002",
                     "construct {name!r}: vraag {item!r} is van type {type}; alleen numerieke vragen"
                     " (select_one, integer, decimal, rating)")
    CONSTRUCT_003 = ("CONSTRUCT_003", "construct {name!r}: min_items {value} moet tussen 1 en {count} liggen")
    CONSTRUCT_004 = ("CONSTRUCT_004", "construct {name!r}: vraag {item!r} staat in module {other}, niet in deze module")
    CONSTRUCT_005 = ("CONSTRUCT_005", "construct {name!r}: vraag {item!r} staat er twee keer in")
    CONSTRUCT_006 = ("CONSTRUCT_006", "construct {name!r} heeft een niet-lege lijst items: nodig")
    CONSTRUCT_007 = ("CONSTRUCT_007",
                     "construct {name!r}: min_asked {value} moet tussen min_items ({low}) en {count} liggen")

    PAIR_001 = ("PAIR_001", "paar {name!r} verwijst naar onbekende vraag {item!r}")
    PAIR_002 = ("PAIR_002",
                "paar {name!r}: vraag {item!r} is van type {type}; alleen numerieke vragen"
                " (select_one, integer, decimal, rating)")
    PAIR_003 = ("PAIR_003", "paar {name!r}: kind moet 'competence' of 'attitude' zijn, niet {kind!r}")
    PAIR_004 = ("PAIR_004", "paar {name!r}: vraag {item!r} staat in module {other}, niet in deze module")
    PAIR_005 = ("PAIR_005", "paar {name!r}: a en b zijn dezelfde vraag {item!r}")

    def __init__(self, code: str, template: str) -> None:
        self.code = code
        self.template = template

    def format(self, **details: object) -> str:
        """The Dutch message of this code with the details filled in."""
        return self.template.format(**details)


@dataclass(frozen=True)
class Problem:
    """One problem in one file, printed as ``file:line: CODE message``."""

    file: str
    line: int
    code: ErrorCode
    message: str

    @classmethod
    def of(cls, file: str, line: int, code: ErrorCode, /, **details: object) -> Problem:
        """A problem whose message is the code's template filled with ``details``."""
        return cls(str(file), int(line), code, code.format(**details))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.code.code} {self.message}"

    def sort_key(self) -> tuple[str, int, str]:
        """Order problems by file, then line, then code, as a researcher reads them."""
        return (self.file, self.line, self.code.code)


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """The problems in reading order, without exact duplicates."""
    unique = {(p.file, p.line, p.code.code, p.message): p for p in problems}
    return sorted(unique.values(), key=Problem.sort_key)


class InstrumentError(Exception):
    """Raised when instrument files are invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "ongeldige instrumentbestanden")
