"""Fuzz: any text as an answer to any variable of the shipped instruments gives a value or a ValueProblem."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from survey_app.instruments.loader import load_instruments
from survey_app.instruments.values import ValueProblem, parse_value, variable_index
from tests.fuzz.conftest import COMMON_TOKENS, FUZZ, only_own_errors

VARIABLES = sorted(variable_index(load_instruments(["instruments"])).items())
NUMBERS = st.from_regex(r"[+-]?[0-9]{0,40}([.,][0-9]{0,40})?", fullmatch=True)
RAW = st.one_of(st.text(max_size=40), NUMBERS, st.sampled_from(COMMON_TOKENS),
                st.integers(0, 5000).map(lambda n: "7" * n))


@FUZZ
@given(st.sampled_from(VARIABLES), RAW)
def test_parse_value_returns_a_value_or_a_value_problem(entry, raw):
    _name, (item, variable) = entry
    value = only_own_errors(lambda: parse_value(item, variable, raw), (ValueProblem,))
    assert not isinstance(value, float) or math.isfinite(value)
