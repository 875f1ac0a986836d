"""Fuzz: mutated instrument files are reported as problems (file:line: CODE), never a crash, in bounded time and
memory; loading them raises only InstrumentError."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from survey_app.instruments.errors import InstrumentError, Problem
from survey_app.instruments.loader import check_paths, load_instruments
from tests.fuzz.conftest import COMMON_TOKENS, FUZZ, mutated, only_own_errors
from tests.instruments.instr_samples import VALID

BASE = textwrap.dedent(VALID)
TOKENS = COMMON_TOKENS + ["&a ", "*a", "&b [*a, *a, *a, *a]", "[", "]", "{", "}", "- ", ": ", "\n  ", "? ", "<<: *a\n",
                          "!!binary x", "!!python/object/apply:os.system ['x']", "---\n", "|\n", "${", "}", ".",
                          "relevant: ", "constraint: ", "type: ", "scale: ", "2024-13-45", "[" * 300, "{a: " * 100,
                          " && ", "count-selected(", "((((((((((", "min: ", "max: "]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-instruments")


@FUZZ
@given(text=st.one_of(mutated(BASE, TOKENS), st.text(max_size=200)))
def test_instrument_file(folder, text):
    path = folder / "samenwerking.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    problems = only_own_errors(lambda: check_paths([path]), ())
    assert all(isinstance(problem, Problem) and problem.line >= 1 for problem in problems)
    only_own_errors(lambda: load_instruments([path]), (InstrumentError,))
