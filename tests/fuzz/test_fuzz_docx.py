"""Fuzz: Word files damaged at the byte level or with mutated XML parts give fragments or a TranscriptError, in
bounded time and memory (python-docx never sees an unchecked file)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from survey_app.coding.errors import TranscriptError
from survey_app.coding.transcripts import parse_docx
from tests.fuzz.conftest import COMMON_TOKENS, FUZZ, mutated, only_own_errors
from tests.fuzz.samples import BODY_PART, body_xml, docx_bytes, paragraph, replace_member

VALID = docx_bytes(("Verslag", "I: Wat werkt?", "R01: Het spreekuur.", "R02: Eens."))
BODY = body_xml(paragraph("I: Wat werkt?") + paragraph("R01: Het spreekuur.")).decode()
PARTS = ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml", BODY_PART]
XML_TOKENS = COMMON_TOKENS + ["<w:p>", "</w:p>", "<w:p/>" * 500, "<w:r><w:t>", "</w:t></w:r>", "&amp;", "&x;", "&#0;",
                              '<!DOCTYPE w:document [<!ENTITY x "xx">]>', '<!ENTITY x SYSTEM "file:///etc/passwd">',
                              "<![CDATA[", "]]>", "<w:tbl><w:tr><w:tc>", "<w:p>" * 200, "<", ">", "xmlns:w=\"x\""]


@st.composite
def byte_damaged(draw) -> bytes:
    """The valid file with a few bytes overwritten, inserted or cut off."""
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data) - 1))
        edit = draw(st.sampled_from(["overwrite", "insert", "truncate"]))
        if edit == "overwrite":
            data[position] = draw(st.integers(0, 255))
        elif edit == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[position:]
            break
    return bytes(data)


@st.composite
def part_mutated(draw) -> bytes:
    """The valid file with one XML part (mostly the body) replaced by a mutated version of itself."""
    part = draw(st.sampled_from([BODY_PART, BODY_PART, BODY_PART, *PARTS]))
    base = BODY if part == BODY_PART else _read(part)
    return replace_member(VALID, part, draw(mutated(base, XML_TOKENS)).encode("utf-8", "surrogatepass"))


def _read(part: str) -> str:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(VALID)) as archive:
        return archive.read(part).decode("utf-8")


@FUZZ
@given(st.one_of(byte_damaged(), part_mutated(), st.binary(max_size=200)))
def test_damaged_docx(data):
    document = only_own_errors(lambda: parse_docx(data, "t.docx"), (TranscriptError,))
    if document is not None:
        assert all(f.text for f in document.fragments)
