"""Valid sample files the fuzz suite mutates and the limit tests distort: a .docx, a codebook, transcripts."""

from __future__ import annotations

import io
import zipfile

from docx import Document as WordDocument

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY_PART = "word/document.xml"

CODEBOOK_YAML = """codes:
  - name: uitkomst
    description: Wat de preventieve activiteit oplevert
    children:
      - name: Sneller handelen
        examples: ["we konden meteen schakelen"]
      - name: Kosten
  - name: preventieniveau
    children:
      - name: vroegsignalering
"""
CODEBOOK_CSV = "path,description,parent,examples,status\nuitkomst,,,,active\nuitkomst/Kosten,Geld,uitkomst,,active\n"
CODEBOOK_QDC = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test">
  <Codes>
    <Code guid="1" name="uitkomst" isCodable="true">
      <Description>Wat het oplevert</Description>
      <Code guid="2" name="Kosten" isCodable="false"/>
    </Code>
  </Codes>
</CodeBook>
"""
TRANSCRIPT_TXT = "Verslag\n\nI: Wat werkt?\nR01: Het spreekuur.\nDat zeg ik al jaren.\n\nR02: Eens.\n"
TRANSCRIPT_VTT = """WEBVTT

NOTE opname

00:00:01.000 --> 00:00:04.000
<v Interviewer>Welkom bij dit gesprek.

00:00:04.500 --> 00:00:08.000
<v R01>We zien dat mensen eerder binnenlopen.
"""
TRANSCRIPT_SRT = """1
00:00:01,000 --> 00:00:04,000
I: Welkom.

2
00:00:04,500 --> 00:00:08,000
R01: Dank u.
"""


def docx_bytes(paragraphs: tuple[str, ...] = ("I: Wat werkt?", "R01: Het spreekuur.")) -> bytes:
    """A real Word file made by python-docx."""
    word = WordDocument()
    for text in paragraphs:
        word.add_paragraph(text)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def replace_member(data: bytes, name: str, content: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A copy of the zip ``data`` with member ``name`` replaced by ``content`` (and ``extra`` members added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
        for extra_name, extra_content in (extra or {}).items():
            target.writestr(extra_name, extra_content)
    return out.getvalue()


def body_xml(inner: str, prolog: str = "") -> bytes:
    """A word/document.xml whose body holds ``inner`` (paragraph XML), with an optional DOCTYPE prolog."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<w:document xmlns:w="{W}"><w:body>{inner}</w:body></w:document>').encode()


def paragraph(text: str) -> str:
    """One <w:p> with a run of text (text must be XML-safe)."""
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
