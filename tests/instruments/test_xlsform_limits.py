"""A hostile spreadsheet is refused with its file and a limit, before openpyxl unpacks it."""

from __future__ import annotations

import zipfile

import pytest

from survey_app.instruments.xlsform.codes import XlsformError
from survey_app.instruments.xlsform.sheets import read_workbook
from survey_app.limits import MAX_DOCX_MEMBERS, MAX_SPREADSHEET_BYTES


def test_a_zip_bomb_workbook_is_refused_before_unpacking(tmp_path):
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (120 * 1024 * 1024) + b"</a>")
    assert bomb.stat().st_size < 1024 * 1024  # small on disk, 120 MB unpacked
    with pytest.raises(XlsformError) as refused:
        read_workbook(bomb)
    assert f"{bomb}:1: XLSFORM_001" in str(refused.value) and "pakt uit tot" in str(refused.value)


def test_a_workbook_of_many_parts_is_refused(tmp_path):
    parts = tmp_path / "delen.xlsx"
    with zipfile.ZipFile(parts, "w") as archive:
        for number in range(MAX_DOCX_MEMBERS + 1):
            archive.writestr(f"xl/part{number}.xml", b"<a/>")
    with pytest.raises(XlsformError, match="onderdelen"):
        read_workbook(parts)


def test_an_oversized_file_is_refused_by_its_size(tmp_path):
    big = tmp_path / "groot.csv"
    big.write_bytes(b"survey,type,name\n" + b"," * (MAX_SPREADSHEET_BYTES + 1))
    with pytest.raises(XlsformError, match="LIMIT_001"):
        read_workbook(big)
