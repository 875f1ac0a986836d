"""The choices sheet: lists of choices, and the codes they get in the module.

A select_one stores an integer code: choice names that are all whole numbers keep their number, otherwise
the choices are numbered 1, 2, ... in sheet order (the XLSForm names are kept in a comment). A
select_multiple stores short text codes: the name in lower case with other characters as ``_``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .codes import XlsformCode, XlsformProblem
from .columns import Cells
from .sheets import Sheet

_INTEGER = re.compile(r"-?[0-9]+")
_INVALID = re.compile(r"[^a-z0-9_]+")
OTHER_LABEL = "anders, namelijk"


@dataclass
class ChoiceRow:
    """One row of the choices sheet."""

    name: str
    label: str
    translations: dict[str, str]
    row: int


@dataclass
class ChoiceList:
    """One list of the choices sheet, in sheet order."""

    name: str
    row: int
    choices: list[ChoiceRow] = field(default_factory=list)

    def integer_codes(self) -> dict[str, int]:
        """XLSForm choice name -> integer code (the number itself, or the position from 1)."""
        if all(_INTEGER.fullmatch(c.name) for c in self.choices):
            return {c.name: int(c.name) for c in self.choices}
        return {c.name: index for index, c in enumerate(self.choices, 1)}

    def text_codes(self) -> dict[str, str]:
        """XLSForm choice name -> text code (lower case, other characters as ``_``)."""
        codes = {}
        for index, choice in enumerate(self.choices, 1):
            code = re.sub(r"_+", "_", _INVALID.sub("_", choice.name.lower())).strip("_")
            codes[choice.name] = code or f"keuze_{index}"
        return codes

    def translation_comments(self, codes: dict[str, int | str]) -> list[str]:
        """One comment line per other language: ``label::English (en): 1=Yes; 2=No``."""
        languages = list(dict.fromkeys(lang for c in self.choices for lang in c.translations))
        return [
            f"label::{lang}: " + "; ".join(f"{codes[c.name]}={c.translations[lang]}" for c in self.choices
                                           if lang in c.translations)
            for lang in languages
        ]


def read_choice_lists(sheet: Sheet | None, language: str | None, file: str,
                      problems: list[XlsformProblem]) -> dict[str, ChoiceList]:
    """Every list of the choices sheet by name; rows without list or name and doubles are reported."""
    lists: dict[str, ChoiceList] = {}
    if sheet is None:
        return lists
    for row in sheet.rows:
        cells = Cells.of(row)
        list_name, name = cells.get("list_name"), cells.get("name")
        if not list_name or not name:
            if list_name or name or cells.get("label", language):
                problems.append(XlsformProblem.of(file, row.number, XlsformCode.CHOICES_002))
            continue
        choice_list = lists.setdefault(list_name, ChoiceList(list_name, row.number))
        if any(c.name == name for c in choice_list.choices):
            problems.append(XlsformProblem.of(file, row.number, XlsformCode.CHOICES_003, name=name, list=list_name))
            continue
        label = cells.get("label", language) or name
        choice_list.choices.append(ChoiceRow(name, label, cells.others("label", language), row.number))
    return lists


def check_codes(choice_list: ChoiceList, codes: dict[str, int | str], file: str,
                problems: list[XlsformProblem]) -> None:
    """Report choices whose converted codes coincide."""
    seen: set[int | str] = set()
    for choice in choice_list.choices:
        code = codes[choice.name]
        if code in seen:
            problems.append(XlsformProblem.of(file, choice.row, XlsformCode.CHOICES_004, name=choice.name,
                                              list=choice_list.name, code=code))
        seen.add(code)
