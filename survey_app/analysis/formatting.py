"""Dutch number formatting for reports: decimal comma, '.' as thousands separator, half-up rounding.

SPSS tables and the 2017 report round half up (55,75 -> 55,8), so rounding goes through Decimal rather than
Python's round-half-even on binary floats.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

MISSING = "–"


def format_number(value: float | int | None, decimals: int = 1) -> str:
    """A number in Dutch notation: format_number(4.33, 1) -> '4,3'; format_number(1234.5, 1) -> '1.234,5'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(repr(float(value)) if not isinstance(value, int) else value).quantize(quantum, ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: float | None, decimals: int = 1) -> str:
    """A percentage in Dutch notation: format_percent(72.34) -> '72,3%'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return f"{format_number(value, decimals)}%"


def format_n(value: int | None) -> str:
    """A number of respondents: format_n(138) -> 'n=138', format_n(1234) -> 'n=1.234'."""
    if value is None:
        return MISSING
    return f"n={format_number(int(value), 0)}"
