"""Dutch wording shared by every report: dates without locale, and plain-Dutch reasons for hidden figures."""

from __future__ import annotations

import datetime as dt

from survey_app.analysis.formatting import MISSING, format_n, format_number, format_percent

__all__ = ["MISSING", "format_date", "format_mean", "format_n", "format_number", "format_percent", "hidden_summary",
           "mark_text", "reason_mark", "reason_text"]

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def format_date(day: dt.date) -> str:
    """A date as Dutch readers write it: 23 november 2026 (no locale needed)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_mean(value: float | None) -> str:
    """A mean with one decimal (4,3), or the dash for a figure that is not shown."""
    return format_number(value, 1)


#: the footnote mark beside a hidden figure, per reason of the analysis layer; every reason without its own
#: mark means too few answers (a scope below the minimum, an item below it, or nobody answering)
COMPLEMENTARY_MARK = "†"
SMALL_MARK = "*"
NOT_ASKED_MARK = "°"
MARK_ORDER = (SMALL_MARK, COMPLEMENTARY_MARK, NOT_ASKED_MARK)
#: reasons that hide a figure to protect another hidden one (the † mark)
PROTECTING = frozenset({"complementary", "complement_below_min"})


def reason_mark(reason: str | None) -> str:
    """The footnote mark of a hidden figure: † when it hides another hidden figure, ° for a scale whose
    statements the gemeente did not all get, * for too few answers."""
    if reason == "not_asked":
        return NOT_ASKED_MARK
    return COMPLEMENTARY_MARK if reason in PROTECTING else SMALL_MARK


def mark_text(mark: str, min_cell_size: int) -> str:
    """The legend line of a footnote mark, as printed under a table."""
    if mark == COMPLEMENTARY_MARK:
        return "verborgen zodat een ander verborgen cijfer niet uit de totalen kan worden afgeleid"
    if mark == NOT_ASKED_MARK:
        return "geen score: niet alle stellingen van deze schaal zijn in deze gemeente voorgelegd"
    return f"minder dan {min_cell_size} antwoorden"


def reason_text(reason: str, min_cell_size: int, count: int = 1) -> str:
    """Why `count` figures are not shown, as a Dutch clause that follows "omdat"."""
    question = "deze vraag" if count == 1 else "elk van deze vragen"
    texts = {
        "scope_n_below_min": f"deze groep minder dan {min_cell_size} respondenten telt",
        "item_n_below_min": f"op {question} minder dan {min_cell_size} antwoorden kwamen",
        "complementary": "anders een ander verborgen cijfer uit de totalen afgeleid zou kunnen worden",
        "no_answers": "niemand deze vraag heeft beantwoord" if count == 1 else "niemand deze vragen heeft beantwoord",
        "complement_below_min": "anders de antwoorden van een kleine groep uit het verschil met het gewone"
                                " percentage afgeleid zouden kunnen worden",
        "not_asked": "niet alle stellingen van deze schaal in deze gemeente zijn voorgelegd",
    }
    return texts.get(reason, "dat nodig is om de anonimiteit te beschermen")


def hidden_summary(reason: str, min_cell_size: int, count: int) -> str:
    """One line of the verantwoording: how many figures are hidden, with their mark, and why."""
    figures = "1 cijfer" if count == 1 else f"{format_number(count, 0)} cijfers"
    return f"{figures} niet getoond ({reason_mark(reason)}), omdat {reason_text(reason, min_cell_size, count)}"


def _marks_in(data, found: set[str]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "mark" and isinstance(value, str):
                found.add(value)
            elif key == "marks" and isinstance(value, list):
                found.update(mark for mark in value if isinstance(mark, str))
            else:
                _marks_in(value, found)
    elif isinstance(data, list | tuple):
        for value in data:
            _marks_in(value, found)


def mark_legend(data, min_cell_size: int) -> list[tuple[str, str]]:
    """The legend of the footnote marks used anywhere in a piece of report data (cells carry `mark`, rows of
    plain strings a parallel `marks` list), in a fixed order, so each table explains only its own marks."""
    found: set[str] = set()
    _marks_in(data, found)
    return [(mark, mark_text(mark, min_cell_size)) for mark in MARK_ORDER if mark in found]
