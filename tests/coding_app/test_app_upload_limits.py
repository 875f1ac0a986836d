"""Hostile uploads on the coding pages: the project page again as 422 with a Dutch message, nothing stored."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.models import Code, CodingDocument
from tests.coding.test_coding_limits import BILLION_LAUGHS
from tests.conftest import csrf_token_from
from tests.fuzz.samples import BODY_PART, body_xml, docx_bytes, paragraph, replace_member


def counts() -> tuple[int, int]:
    return (db.session.scalar(select(func.count()).select_from(CodingDocument)),
            db.session.scalar(select(func.count()).select_from(Code)))


@pytest.mark.parametrize(("field", "filename", "content", "expected"), [
    ("codebook", "codebook.yaml", BILLION_LAUGHS.encode(), "LIMIT_003 te veel verwijzingen"),
    ("codebook", "codebook.qdc", b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>' + b'<Code name="c">' * 5000,
     "LIMIT_002 te diep genest"),
    ("transcripts", "lang.docx", replace_member(docx_bytes(), BODY_PART, body_xml(paragraph("R01: ja") * 200_000)),
     "LIMIT_006 te veel alinea&#39;s"),
    ("transcripts", "extern.docx", replace_member(docx_bytes(), BODY_PART, body_xml(
        paragraph("&x;"), '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>')), "LIMIT_004"),
    ("transcripts", "kapot.docx", b"PK\x03\x04" + bytes(64), "geen geldig Word-bestand"),
    ("transcripts", "nul.txt", b"R01: ja\x00\n", "regel 1: onleesbare (binaire) tekens"),
])
def test_hostile_upload_is_refused_with_422(researcher, tabel3, field, filename, content, expected):
    before = counts()
    page = researcher.get("/coderen/tabel3").get_data(as_text=True)
    url = "/coderen/tabel3/codeboek" if field == "codebook" else "/coderen/tabel3/transcripten"
    response = researcher.post(url, data={"csrf_token": csrf_token_from(page), field: (io.BytesIO(content), filename)},
                               content_type="multipart/form-data")
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert f"{filename}: " in text and expected in text
    assert counts() == before
