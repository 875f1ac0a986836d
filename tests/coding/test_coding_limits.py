"""Hostile codebooks, transcripts and CSVs are refused by the bounds of survey_app.limits, naming file and code."""

from __future__ import annotations

import io
import zipfile

import pytest

from survey_app.coding.codebook_csv import load_csv
from survey_app.coding.codebook_io import read_codebook
from survey_app.coding.codebook_qdc import load_qdc
from survey_app.coding.codebook_yaml import load_yaml
from survey_app.coding.codings_csv import parse_codings
from survey_app.coding.errors import CodebookError, CodingImportError, CodingsError, TranscriptError
from survey_app.coding.transcripts import parse_docx, parse_srt, parse_text, parse_vtt, read_transcript
from survey_app.limits import MAX_CODE_DEPTH, MAX_DOCX_UNCOMPRESSED, MAX_FRAGMENTS, MAX_NESTING_DEPTH, MAX_PARAGRAPHS
from tests.fuzz.samples import BODY_PART, body_xml, docx_bytes, paragraph, replace_member

BILLION_LAUGHS = "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
    f"{name}: &{name} [{','.join(['*' + previous] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
) + "codes: *i\n"


def problems(error: pytest.ExceptionInfo) -> list[str]:
    return error.value.problems


def test_billion_laughs_codebook_is_refused_while_reading():
    with pytest.raises(CodebookError) as error:
        load_yaml(BILLION_LAUGHS, "codebook.yaml")
    (problem,) = problems(error)
    assert problem.startswith("regel ") and "LIMIT_003" in problem


def test_deeply_nested_yaml_codebook_is_refused():
    nested = "codes:\n" + "".join("  " * i + "- name: c\n" + "  " * i + "  children:\n" for i in range(200))
    with pytest.raises(CodebookError) as error:
        load_yaml(nested, "codebook.yaml")
    assert f"LIMIT_002 te diep genest (meer dan {MAX_NESTING_DEPTH} niveaus)" in problems(error)[0]


def test_codes_deeper_than_the_code_limit_are_refused():
    depth = MAX_CODE_DEPTH + 1
    nested = "codes:\n" + "".join("    " * i + "- name: c\n" + "    " * i + "  children:\n" for i in range(depth))
    nested += "    " * depth + "[]\n"
    with pytest.raises(CodebookError) as error:
        load_yaml(nested, "codebook.yaml")
    assert any(f"LIMIT_002 code ligt te diep (meer dan {MAX_CODE_DEPTH} niveaus)" in p for p in problems(error))


def test_long_parent_chains_in_a_csv_codebook_are_refused_without_recursion():
    text = "tag,parent\n" + "".join(f"a{i},a{i - 1}\n" for i in range(3000, 0, -1)) + "a0,\n"
    with pytest.raises(CodebookError) as error:
        load_csv(text, "codebook.csv")
    assert f"LIMIT_002 code ligt te diep (meer dan {MAX_CODE_DEPTH} niveaus)" in problems(error)[0]


def test_deeply_nested_qdc_is_refused_at_its_line():
    qdc = ('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n' + '<Code name="c">\n' * 100_000
           + "</Code>" * 100_000 + "</Codes></CodeBook>")
    with pytest.raises(CodebookError) as error:
        load_qdc(qdc, "codebook.qdc")
    assert problems(error) == [f"regel {MAX_NESTING_DEPTH}: LIMIT_002 te diep genest (meer dan {MAX_NESTING_DEPTH} "
                               "niveaus)"]


def test_qdc_with_an_entity_bomb_or_external_entity_is_refused():
    for prolog in ('<!DOCTYPE c [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n',
                   '<!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'):
        with pytest.raises(CodebookError, match="LIMIT_004 DOCTYPE en entiteiten"):
            load_qdc(f'<?xml version="1.0"?>\n{prolog}<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>')


def test_codebook_files_with_nul_bytes_are_refused(tmp_path):
    for name, data in (("codebook.csv", b"path\nuitkomst\x00\n"), ("codebook.yaml", b"codes:\n  - name: a\x00\n"),
                       ("codebook.qdc", b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\x00</CodeBook>')):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(CodebookError) as error:
            read_codebook(tmp_path / name)
        assert problems(error)[0].startswith("regel ")


def test_docx_with_a_dtd_or_external_entity_is_refused():
    prolog = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    data = replace_member(docx_bytes(), BODY_PART, body_xml(paragraph("&x;"), prolog))
    with pytest.raises(TranscriptError) as error:
        parse_docx(data, "extern.docx")
    assert problems(error) == ["LIMIT_004 DOCTYPE en entiteiten (<!DOCTYPE, <!ENTITY) zijn niet toegestaan"]


def test_zip_bomb_docx_is_refused_before_python_docx_unpacks_it():
    buffer = io.BytesIO(docx_bytes())
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive, \
            archive.open("word/media/bom.bin", "w") as bomb:
        block = bytes(1024 * 1024)
        for _ in range(MAX_DOCX_UNCOMPRESSED // len(block) + 1):
            bomb.write(block)
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024  # a small file ...
    with pytest.raises(TranscriptError) as error:
        parse_docx(data, "bom.docx")
    assert problems(error) == ["LIMIT_005 Word-bestand pakt uit tot meer dan 100 MB of bevat meer dan 1000 onderdelen"]


def test_docx_with_200000_paragraphs_is_refused_with_the_limit():
    data = replace_member(docx_bytes(), BODY_PART, body_xml(paragraph("R01: ja") * 200_000))
    assert len(data) < 200 * 1024
    with pytest.raises(TranscriptError) as error:
        parse_docx(data, "lang.docx")
    assert problems(error) == [f"LIMIT_006 te veel alinea's ({MAX_PARAGRAPHS + 1:,}; maximaal {MAX_PARAGRAPHS:,})"
                               .replace(",", ".")]


@pytest.mark.parametrize("data", [
    b"PK\x03\x04" + bytes(100),
    docx_bytes()[:-100],
    replace_member(docx_bytes(), BODY_PART, b"<w:document><w:body>"),
    replace_member(docx_bytes(), BODY_PART, b"\xff\xfe\x00garbage"),
    replace_member(docx_bytes(), "[Content_Types].xml", b"<Types/>"),
    replace_member(docx_bytes(), "word/_rels/document.xml.rels", b'<Relationships xmlns="x"><R/></Relationships>'),
], ids=["header only", "truncated", "unclosed xml", "binary xml", "no content types", "broken relations"])
def test_malformed_docx_is_reported_not_crashed(data):
    with pytest.raises(TranscriptError, match="geen geldig Word-bestand"):
        parse_docx(data, "kapot.docx")


def test_transcripts_with_nul_bytes_are_refused(tmp_path):
    for name in ("a.txt", "a.vtt", "a.srt"):
        (tmp_path / name).write_bytes(b"WEBVTT\n\nR01: ja\x00nee\n")
        with pytest.raises(TranscriptError, match="regel 3: onleesbare \\(binaire\\) tekens"):
            read_transcript(tmp_path / name)
    data = replace_member(docx_bytes(), BODY_PART, body_xml(paragraph("R01: ja\x01")))
    with pytest.raises(TranscriptError):
        parse_docx(data, "nul.docx")


def test_too_many_fragments_are_refused():
    text = "".join(f"R{i % 7}: zin {i}\n" for i in range(MAX_FRAGMENTS + 1))
    with pytest.raises(TranscriptError, match="LIMIT_006 te veel fragmenten"):
        parse_text(text, "lang.txt")


def test_hostile_subtitle_lines_cost_linear_time_and_huge_hours_are_no_timestamp():
    line = "<v " * 200_000 + "<" * 200_000
    document = parse_vtt(f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{line}\n", "a.vtt")
    assert len(document.fragments) == 1
    with pytest.raises(TranscriptError, match="tijdregel ontbreekt"):
        parse_srt("1\n" + "9" * 5000 + ":00:01,000 --> 00:00:02,000\nR01: ja\n", "a.srt")


def test_csv_files_with_huge_cells_or_numbers_are_refused():
    documents = [parse_text("R01: ja\n", "a.txt")]
    codebook = load_yaml("codes:\n  - name: x\n")
    with pytest.raises(CodingsError, match="LIMIT_007 veld is te lang"):
        parse_codings("document,fragment,coder,code\na.txt,1,MJ," + "x" * 200_000 + "\n", documents, codebook)
    with pytest.raises(CodingsError) as error:
        parse_codings("document,fragment,coder,code\na.txt," + "1" * 5000 + ",MJ,x\n", documents, codebook)
    assert problems(error) == [f"rij 2: fragment '{'1' * 30}' is geen geheel getal"]
    with pytest.raises(CodingImportError, match="regel 2: onleesbare"):
        parse_codings("document,fragment,coder,code\na.txt,1,MJ\x00,x\n", documents, codebook)
