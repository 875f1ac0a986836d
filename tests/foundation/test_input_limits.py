"""Hostile files on the command line: `file:line: message` and exit 1, never a traceback, nothing stored."""

from __future__ import annotations

import csv
import shutil
import zipfile

import click
import pytest
from sqlalchemy import func, select

from survey_app.cli.common import transactional
from survey_app.extensions import db
from survey_app.models import CodingProject, Response, Team, Wave
from tests.coding.test_coding_limits import BILLION_LAUGHS
from tests.coding_app.conftest import TABEL3
from tests.fuzz.samples import BODY_PART, body_xml, docx_bytes, paragraph, replace_member


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def refused(result) -> str:
    """The output of a command that must have stopped cleanly with exit status 1."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    return result.output


@pytest.fixture
def wave(create_open_wave):
    return create_open_wave(modules=["samenwerking", "achtergrond"])


@pytest.mark.parametrize(("cell", "expected"), [
    ("1" * 5000, ":2: kolom 'ag_leeftijd': '" + "1" * 30 + "…' is geen geldig getal (te lang: maximaal 30 tekens)"),
    ("4\x00", ":2: onleesbaar teken (code 0x00) in het bestand"),
    ("x" * 200_000, ":2: LIMIT_007 veld is te lang (meer dan 100.000 tekens)"),
])
def test_responses_import_refuses_hostile_cells(runner, wave, tmp_path, cell, expected):
    path = tmp_path / "antwoorden.csv"
    path.write_text(f"gemeente,team,ag_leeftijd\nzwolle,zwolle-noord,{cell}\n", encoding="utf-8")
    output = refused(runner.invoke(args=["responses", "import", "2017", str(path)]))
    assert f"{path}{expected}" in output
    assert count(Response) == 0


def test_responses_import_refuses_too_many_columns(runner, wave, tmp_path):
    path = tmp_path / "breed.csv"
    path.write_text(",".join(f"k{i}" for i in range(2001)) + "\n", encoding="utf-8")
    output = refused(runner.invoke(args=["responses", "import", "2017", str(path)]))
    assert f"{path}:1: LIMIT_006 te veel kolommen (2.001; maximaal 2.000)" in output


def test_earlier_wave_mapping_bombs_and_wrong_shapes_are_refused(runner, wave, tmp_path):
    data = tmp_path / "oud.csv"
    data.write_text("gemeente,team,ag_leeftijd\nzwolle,zwolle-noord,40\n", encoding="utf-8")
    mapping = tmp_path / "koppeling.yaml"
    for text, expected in ((BILLION_LAUGHS, "LIMIT_003"), ("ignore: 5\n", "ignore (een lijst)"),
                           ("variables:\n  V1: " + "[" * 500 + "\n", "LIMIT_002"),
                           ("variables: {V1: x\x00}\n", ":1: ongeldige YAML: onleesbaar teken (code 0x00)")):
        mapping.write_text(text, encoding="utf-8")
        output = refused(runner.invoke(args=["responses", "import-earlier", "2017", str(data),
                                             "--mapping", str(mapping)]))
        assert str(mapping) in output and expected in output
    assert count(Response) == 0


def test_earlier_wave_sav_that_is_no_sav_is_refused(runner, wave, tmp_path):
    data = tmp_path / "oud.sav"
    data.write_bytes(b"$FL2" + bytes(200))
    mapping = tmp_path / "koppeling.yaml"
    mapping.write_text("variables: {}\n", encoding="utf-8")
    output = refused(runner.invoke(args=["responses", "import-earlier", "2017", str(data), "--mapping", str(mapping)]))
    assert f"{data}: kan het SPSS-bestand niet lezen" in output


def test_headcounts_with_unicode_or_huge_digits_are_refused(runner, create_org, tmp_path):
    create_org()
    path = tmp_path / "headcounts.csv"
    path.write_text("team,invited\nzwolle-noord,²\nelburg-oost," + "9" * 5000 + "\n", encoding="utf-8")
    output = refused(runner.invoke(args=["wave", "create", "2018", "--instruments", "samenwerking",
                                         "--headcounts", str(path)]))
    assert f"{path}:2: kolom 'invited': '²' is geen geheel getal" in output
    assert f"{path}:3: kolom 'invited': '{'9' * 30}' is geen geheel getal" in output
    assert count(Wave) == 0


def test_org_load_with_nul_is_refused(runner, tmp_path):
    path = tmp_path / "org.csv"
    path.write_bytes(b"gemeente,team,label\nzwolle,zwolle-noord,Noord\x00\n")
    output = refused(runner.invoke(args=["org", "load", str(path)]))
    assert f"{path}:2: onleesbaar teken (code 0x00)" in output
    assert count(Team) == 0


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("codebook.yaml", BILLION_LAUGHS.encode(), "codebook.yaml: regel "),
    ("focusgroep1.txt", b"R01: ja\x00\n", "focusgroep1.txt: regel 1: onleesbare (binaire) tekens"),
    ("verslag.docx", b"PK\x03\x04kapot", "verslag.docx: geen geldig Word-bestand"),
    ("extern.docx", replace_member(docx_bytes(), BODY_PART, body_xml(
        paragraph("&x;"), '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>')), "LIMIT_004"),
    ("codings.csv", b"document,fragment,coder,code\nfocusgroep1.txt," + b"1" * 5000 + b",MJ,x\n",
     "codings.csv: rij 2: fragment"),
    ("participants.csv", b"pseudonym,consent\n" + b"x" * 200_000 + b",ja\n", "LIMIT_007"),
    ("replace.csv", b"find,replace\n\"open\n", "replace.csv: regel 2: ongeldige CSV"),
])
def test_coding_import_reports_each_bad_file_and_stores_nothing(runner, tmp_path, name, content, expected):
    folder = tmp_path / "project"
    shutil.copytree(TABEL3, folder)
    if name.startswith("codebook"):
        for old in folder.glob("codebook.*"):
            old.unlink()
    (folder / name).write_bytes(content)
    output = refused(runner.invoke(args=["coding", "import", "kapot", str(folder)]))
    assert expected in output
    assert count(CodingProject) == 0


@click.command("lees")
@click.argument("path")
@transactional
def _reads_a_broken_file(path: str) -> None:
    """A command whose parser fails in a way no check anticipated."""
    with open(path, encoding="utf-8") as handle:
        list(csv.reader(handle, strict=True))
    zipfile.ZipFile(path)


def test_unexpected_parser_errors_name_the_file_without_a_traceback(runner, tmp_path):
    path = tmp_path / "kapot.csv"
    path.write_text('a,"b\n', encoding="utf-8")
    output = refused(runner.invoke(_reads_a_broken_file, [str(path)]))
    assert output.strip() == f"{path}: kan niet gelezen worden (Error: unexpected end of data)"
    path.write_text("a,b\n", encoding="utf-8")
    output = refused(runner.invoke(_reads_a_broken_file, [str(path)]))
    assert output.strip() == f"{path}: kan niet gelezen worden (BadZipFile: File is not a zip file)"
