"""Dutch number formatting."""

import math

import pytest

from survey_app.analysis.formatting import MISSING, format_n, format_number, format_percent


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (4.33, 1, "4,3"),
    (4.35, 1, "4,4"),
    (55.75, 1, "55,8"),
    (1234, 0, "1.234"),
    (1234567.891, 2, "1.234.567,89"),
    (-0.04, 1, "0,0"),
    (-1.25, 1, "-1,3"),
    (1.12, 2, "1,12"),
])
def test_format_number(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_percent_and_n():
    assert format_percent(72.34) == "72,3%"
    assert format_percent(63 / 113 * 100) == "55,8%"
    assert format_n(138) == "n=138"
    assert format_n(1234) == "n=1.234"


def test_missing_values():
    assert format_number(None) == MISSING
    assert format_number(math.nan) == MISSING
    assert format_percent(None) == MISSING
    assert format_n(None) == MISSING
