"""Fuzz: mutated transcripts (.txt, .vtt, .srt, bytes in any encoding) and replace lists give fragments or a
TranscriptError, in bounded time and memory."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from survey_app.coding.errors import TranscriptError
from survey_app.coding.textfiles import decode_bytes
from survey_app.coding.transcripts import parse_replacements, parse_srt, parse_text, parse_vtt, pseudonymise_document
from tests.fuzz.conftest import COMMON_TOKENS, FUZZ, mutated, only_own_errors
from tests.fuzz.samples import TRANSCRIPT_SRT, TRANSCRIPT_TXT, TRANSCRIPT_VTT

TEXT_TOKENS = COMMON_TOKENS + ["R01: ", "I: ", "Jan van der Berg: ", "Let op: ", ":", "\n\n", "\n" * 300,
                               "R01: x\n" * 300, "A" * 5000 + ":"]
CUE_TOKENS = TEXT_TOKENS + ["WEBVTT\n", "-->", " --> ", "00:00:01.000 --> 00:00:02.000\n", "00:00:01,000",
                            "9" * 5000 + ":00:01.000",
                            "\n\n1\n" + "9" * 5000 + ":00:01,000 --> 00:00:02,000\nR01: ja\n\n",
                            "<v R01>", "<v ", "</v>", "<b>", "<" * 300, "<v " * 300,
                            "NOTE ", "STYLE\n", "1\n"]
PARSERS = {"txt": (parse_text, TRANSCRIPT_TXT, TEXT_TOKENS), "vtt": (parse_vtt, TRANSCRIPT_VTT, CUE_TOKENS),
           "srt": (parse_srt, TRANSCRIPT_SRT, CUE_TOKENS)}


@st.composite
def transcripts(draw):
    kind = draw(st.sampled_from(sorted(PARSERS)))
    parse, base, tokens = PARSERS[kind]
    return parse, draw(st.one_of(mutated(base, tokens), st.text(max_size=200))), f"t.{kind}"


@FUZZ
@given(transcripts())
def test_text_transcripts(case):
    parse, text, name = case
    document = only_own_errors(lambda: parse(text, name), (TranscriptError,))
    if document is not None:
        assert [f.position for f in document.fragments] == list(range(1, len(document.fragments) + 1))
        assert all(f.text for f in document.fragments)


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_are_refused(data):
    only_own_errors(lambda: parse_text(decode_bytes(data, "t.txt", TranscriptError), "t.txt"), (TranscriptError,))


@FUZZ
@given(mutated("find,replace\nJan de Vries,R01\nJan,R02\n", COMMON_TOKENS + [",", ";", '"', "\n", "(", "[", "\\b"]),
       st.text(max_size=100))
def test_replace_lists_and_pseudonymisation(text, transcript):
    def run():
        replacements = parse_replacements(text, "replace.csv")
        document = parse_text(transcript or "R01: Jan", "t.txt")
        return pseudonymise_document(document, replacements)

    only_own_errors(run, (TranscriptError,))
