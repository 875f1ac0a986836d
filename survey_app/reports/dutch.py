"""Dutch wording shared by every report: dates without locale, and plain-Dutch reasons for hidden figures."""

from __future__ import annotations

import datetime as dt

from survey_app.analysis.formatting import MISSING, format_n, format_number, format_percent

__all__ = ["MISSING", "format_date", "format_mean", "format_n", "format_number", "format_percent", "reason_text"]

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def format_date(day: dt.date) -> str:
    """A date as Dutch readers write it: 23 november 2026 (no locale needed)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_mean(value: float | None) -> str:
    """A mean with one decimal (4,3), or the dash for a figure that is not shown."""
    return format_number(value, 1)


def reason_text(reason: str, min_cell_size: int) -> str:
    """Why a figure is not shown, in plain Dutch."""
    texts = {
        "scope_n_below_min": f"deze groep heeft minder dan {min_cell_size} respondenten",
        "item_n_below_min": f"minder dan {min_cell_size} mensen hebben deze vraag beantwoord",
        "complementary": "verborgen zodat de cijfers van een kleine groep niet door aftrekken te achterhalen zijn",
        "no_answers": "niemand heeft deze vraag beantwoord",
    }
    return texts.get(reason, "niet getoond ter bescherming van de anonimiteit")
