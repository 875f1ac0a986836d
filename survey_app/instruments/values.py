"""Answers as text (a web form field, a CSV cell) to stored values and back, with Dutch messages.

Stored (canonical) values per variable kind:

* ``code`` (select_one): ``int`` code of the scale;
* ``codes`` (select_multiple): ``str`` of the chosen codes separated by one space, in the order of the
  choices in the instrument file (``"tijd geld"``), the same form as a cell of the wide CSV;
* ``number``: ``int`` for integer and rating, ``float`` for decimal;
* ``text``: ``str`` without surrounding white space;
* ``yesno`` (yes/no grid cell): ``int`` 1 (ja) or 0 (nee).

An empty field is "not answered" and parses to ``None``. Numbers accept a Dutch decimal comma (``4,5``) and are
bounded in length (`MAX_NUMBER_CHARS`) before any conversion: Python's int() refuses more than 4.300 digits with
a bare ValueError, and float() turns a few hundred digits into infinity.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from survey_app.limits import MAX_NUMBER_CHARS

from .expressions import parse
from .model import OTHER_MAX_LENGTH, InstrumentSet, Item, ItemType, Variable
from .relevance import expression_values

_INTEGER_RE = re.compile(r"[+-]?[0-9]+(?:[.,]0+)?")
_DECIMAL_RE = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
DEFAULT_CONSTRAINT_MESSAGE = "dit antwoord is niet toegestaan"
REQUIRED_MESSAGE = "deze vraag is verplicht"


class ValueProblem(ValueError):
    """A raw answer that cannot be stored; the message (Dutch) says what is allowed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def format_number(value: float) -> str:
    """A number the Dutch way: ``4,5``; whole numbers without decimals."""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", ",")


def variable_index(instruments: InstrumentSet) -> dict[str, tuple[Item, Variable]]:
    """Every variable name of the instruments with its item, for importers that read columns by name."""
    return {variable.name: (item, variable) for item in instruments.items for variable in item.variables()}


def _allowed(codes: tuple[int | str, ...]) -> str:
    return ", ".join(str(code) for code in codes)


def _shown(text: str) -> str:
    """The raw answer quoted in a message, shortened so a hostile value cannot flood the page."""
    return text if len(text) <= MAX_NUMBER_CHARS else text[:MAX_NUMBER_CHARS] + "…"


def _check_length(text: str) -> None:
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueProblem(f"'{_shown(text)}' is geen geldig getal (te lang: maximaal {MAX_NUMBER_CHARS} tekens)")


def _integer(text: str) -> int:
    _check_length(text)
    if not _INTEGER_RE.fullmatch(text):
        raise ValueProblem(f"'{text}' is geen geheel getal")
    return int(re.split(r"[.,]", text)[0])


def _check_range(item: Item, number: float) -> None:
    low, high = item.minimum, item.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        if low is not None and high is not None:
            allowed = f"van {format_number(low)} tot en met {format_number(high)}"
        elif low is not None:
            allowed = f"minimaal {format_number(low)}"
        else:
            allowed = f"maximaal {format_number(high)}"
        raise ValueProblem(f"{format_number(number)} valt buiten het bereik; toegestaan: {allowed}")


def parse_value(item: Item, variable: Variable, raw: str | None) -> object:
    """The stored value of ``raw`` for ``variable`` of ``item``; None when empty; ValueProblem when invalid."""
    text = "" if raw is None else str(raw).strip()
    if not text:
        return None
    kind = variable.kind
    if kind == "text":
        limit = item.max_length if variable.name == item.name else OTHER_MAX_LENGTH
        if limit is not None and len(text) > limit:
            raise ValueProblem(f"tekst is te lang ({len(text)} tekens; maximaal {limit})")
        return text
    if kind == "yesno":
        if text not in ("0", "1"):
            raise ValueProblem(f"ongeldige waarde '{_shown(text)}'; toegestaan: 1 (ja), 0 (nee)")
        return int(text)
    if kind == "code":
        codes = item.codes
        try:
            code = _integer(text)
        except ValueProblem:
            code = None
        if code not in codes:
            raise ValueProblem(f"ongeldige code '{_shown(text)}'; toegestaan: {_allowed(codes)}")
        return code
    if kind == "codes":
        return _parse_codes(item, text)
    if item.type == ItemType.DECIMAL:
        _check_length(text)
        if not _DECIMAL_RE.fullmatch(text):
            raise ValueProblem(f"'{text}' is geen getal (gebruik bijvoorbeeld 4,5)")
        number: float = float(text.replace(",", "."))
    else:
        number = _integer(text)
    _check_range(item, number)
    return number


def _parse_codes(item: Item, text: str) -> str:
    """A select_multiple answer: known codes, each once, stored in the order of the choices."""
    codes = [str(code) for code in item.codes]
    chosen = text.replace(",", " ").split()
    for code in chosen:
        if code not in codes:
            raise ValueProblem(f"ongeldige code '{_shown(code)}'; toegestaan: {_allowed(item.codes)}")
        if chosen.count(code) > 1:
            raise ValueProblem(f"code '{code}' staat er meer dan een keer in")
    return " ".join(code for code in codes if code in chosen)


def format_value(variable: Variable, value: object) -> str:
    """The text form of a stored value (for a form field or a CSV cell); '' for not answered."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and variable.kind == "number":
        return format_number(value)
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return str(value)


def is_answered(value: object) -> bool:
    """True when a stored value counts as an answer (not None, not empty)."""
    return value is not None and value != "" and value != () and value != []


def check_constraint(item: Item, value: object, answers: Mapping[str, object], gemeente: str | None,
                     team: str | None) -> str | None:
    """The Dutch message when ``value`` breaks the item's constraint, else None (also when not answered)."""
    if item.constraint is None or not is_answered(value):
        return None
    values = expression_values(answers, gemeente, team)
    if parse(item.constraint).evaluate_bool(values, current=value):
        return None
    return item.constraint_message or DEFAULT_CONSTRAINT_MESSAGE


def check_required(item: Item, answers: Mapping[str, object]) -> str | None:
    """The Dutch message when a required item is not (fully) answered, else None.

    Call it for relevant items only. A yes/no grid needs every cell; "anders, namelijk" text is never required.
    """
    if not item.required:
        return None
    if all(is_answered(answers.get(v.name)) for v in item.answer_variables()):
        return None
    return item.required_message or REQUIRED_MESSAGE
