"""Fuzz: mutated codebooks (YAML, CSV, REFI-QDA .qdc) give a codebook or a CodebookError, in bounded time and memory."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from survey_app.coding.codebook_csv import load_csv
from survey_app.coding.codebook_qdc import load_qdc
from survey_app.coding.codebook_yaml import load_yaml
from survey_app.coding.errors import CodebookError
from tests.fuzz.conftest import COMMON_TOKENS, FUZZ, mutated, only_own_errors
from tests.fuzz.samples import CODEBOOK_CSV, CODEBOOK_QDC, CODEBOOK_YAML

YAML_TOKENS = COMMON_TOKENS + ["&a ", "*a", "&b [*a, *a, *a]", "[", "]", "{", "}", "- ", ": ", "\n  ", "? ",
                               "!!binary x", "!!python/object:os.system ", "<<: *a\n", "%YAML 1.1\n---\n", "---\n",
                               "|\n", "children: ", "name: ", "2024-13-45", "!!float", "[" * 300, "- " * 300]
CSV_TOKENS = COMMON_TOKENS + [",", ";", "\n", '"', '""', "/", " / ", "path", "tag", "parent", "uitkomst",
                              "x" * 200_000, "a/" * 500, ",uitkomst/Kosten,", "\n,,,,\n"]
TAG_CSV = "tag,parent,description\nuitkomst,,\nKosten,uitkomst,Geld\nSneller,Kosten,\n"
# children before their parents, 600 deep (beyond Python's recursion limit at two frames a level)
CHAIN_CSV = "tag,parent\n" + "".join(f"a{i},a{i - 1}\n" for i in range(600, 0, -1)) + "a0,\n"
QDC_TOKENS = COMMON_TOKENS + ['<Code name="a">', "</Code>", '<Code name="x"/>', "<Description>", "</Description>",
                              '<!DOCTYPE x [<!ENTITY a "b">]>', "&a;", "&amp;", "&#0;", "<![CDATA[", "]]>", "<!--",
                              '<?xml version="1.0" encoding="utf-16"?>', 'isCodable="false"', '<Code name="c">' * 300,
                              'xmlns="urn:other"', "Voorbeelden:\n- ", "<", ">"]


@FUZZ
@given(st.one_of(mutated(CODEBOOK_YAML, YAML_TOKENS), st.text(max_size=200)))
def test_yaml_codebook(text):
    only_own_errors(lambda: load_yaml(text, "codebook.yaml"), (CodebookError,))


@FUZZ
@given(st.one_of(mutated(CODEBOOK_CSV, CSV_TOKENS), mutated(TAG_CSV, CSV_TOKENS), mutated(CHAIN_CSV, CSV_TOKENS),
                 st.text(max_size=200)))
def test_csv_codebook(text):
    only_own_errors(lambda: load_csv(text, "codebook.csv"), (CodebookError,))


@FUZZ
@given(st.one_of(mutated(CODEBOOK_QDC, QDC_TOKENS).map(lambda text: text.encode("utf-8", "surrogatepass")),
                 st.binary(max_size=200)))
def test_qdc_codebook(data):
    only_own_errors(lambda: load_qdc(data, "codebook.qdc"), (CodebookError,))
