"""Fuzz: mutated wide answer CSVs and earlier-wave mappings are imported whole or refused with an InputError,
in bounded time and memory; a refused file stores nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import Response
from survey_app.services.earlier_wave_import import read_mapping
from survey_app.services.errors import InputError
from survey_app.services.response_import import import_responses
from tests.fuzz.conftest import COMMON_TOKENS, FUZZ, mutated, only_own_errors

SAMPLE = ("gemeente,team,sw_hulp_vragen,sw_knelpunten,ag_leeftijd,sw_waarom\n"
          "zwolle,zwolle-noord,4,tijd,40,\nzwolle,zwolle-zuid,1,,75,Omdat het zo is.\n")
CSV_TOKENS = COMMON_TOKENS + [",", ";", '"', "\n", "zwolle", "elburg", "team-doeth", "sw_", "ag_leeftijd", "4,5",
                              "x" * 200_000, ",".join(["k"] * 2500), "zwolle,zwolle-noord,4,,40,\n" * 50]
MAPPING = "gemeente: {column: Gemeente, codes: {1: zwolle}}\nvariables:\n  V1: sw_hulp_vragen\n" \
          "  V2: {variable: ag_leeftijd, codes: {1: 40}}\nignore: [Id]\n"
YAML_TOKENS = COMMON_TOKENS + ["&a ", "*a", "[", "{", "- ", ": ", "\n  ", "codes: ", "variable: ", "column: ",
                               "ignore: ", "[" * 300, "<<: *a\n", "!!binary x", "~", "null"]


@pytest.fixture
def wave(create_open_wave):
    return create_open_wave(modules=["samenwerking", "achtergrond"])


def responses() -> int:
    return db.session.scalar(select(func.count()).select_from(Response))


@FUZZ
@given(text=st.one_of(mutated(SAMPLE, CSV_TOKENS), st.text(max_size=200)))
def test_answers_csv(wave, tmp_path, text):
    path = tmp_path / "antwoorden.csv"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        stored = only_own_errors(lambda: import_responses(wave, wave_instruments(wave), path), (InputError,))
        assert responses() == (stored or 0)
    finally:
        db.session.rollback()


@FUZZ
@given(text=st.one_of(mutated(MAPPING, YAML_TOKENS), st.text(max_size=200)))
def test_earlier_wave_mapping(wave, tmp_path, text):
    path = tmp_path / "koppeling.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    only_own_errors(lambda: read_mapping(path, wave_instruments(wave)), (InputError,))
