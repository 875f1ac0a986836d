"""Fuzz: mutated codings.csv files give codings or a CodingsError, in bounded time and memory."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from survey_app.coding.codebook_yaml import load_yaml
from survey_app.coding.codings_csv import parse_codings
from survey_app.coding.errors import CodingsError
from survey_app.coding.transcripts import parse_text
from tests.fuzz.conftest import COMMON_TOKENS, FUZZ, mutated, only_own_errors
from tests.fuzz.samples import CODEBOOK_YAML

CODEBOOK = load_yaml(CODEBOOK_YAML)
DOCUMENTS = [parse_text("I: Vraag\nR01: Een\nR02: Twee\n", "focusgroep1.txt"), parse_text("R03: Dit\n", "b.docx")]
SAMPLE = ("document,fragment,coder,code\nfocusgroep1.txt,2,MJ,uitkomst/Sneller handelen\n"
          "b,1,KB, uitkomst / Kosten \nfocusgroep1.txt,3,MJ,uitkomst\n")
TOKENS = COMMON_TOKENS + [",", ";", '"', "\n", "/", "0", "-1", "+2", "2.0", "focusgroep1", "b.docx", "uitkomst/",
                          "x" * 200_000, "focusgroep1.txt,2,MJ,uitkomst\n" * 200]


@FUZZ
@given(st.one_of(mutated(SAMPLE, TOKENS), st.text(max_size=200)))
def test_codings_csv(text):
    codings = only_own_errors(lambda: parse_codings(text, DOCUMENTS, CODEBOOK), (CodingsError,))
    for coding in codings or []:
        document = next(d for d in DOCUMENTS if d.name == coding.document)
        assert 1 <= coding.fragment <= len(document.fragments) and coding.code in CODEBOOK
