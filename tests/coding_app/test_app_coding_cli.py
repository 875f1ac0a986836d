"""`flask coding import|crosstab|agreement|export|withdraw` on the Tabel 3 project folder (tests/fixtures)."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from survey_app.coding.codebook_io import read_codebook
from survey_app.coding.codings_csv import read_codings
from survey_app.coding.tables import crosstab
from survey_app.coding.transcripts import read_transcript
from survey_app.extensions import db
from survey_app.models import Code, Coding, CodingDocument, CodingProject, Consent, Fragment, Participant
from tests.coding_app.conftest import TABEL3

TABLES = (CodingProject, CodingDocument, Fragment, Code, Coding, Participant)


def row_counts() -> dict[str, int]:
    return {model.__name__: db.session.scalar(select(func.count()).select_from(model)) for model in TABLES}


def append(path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def read_rows(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_import_then_crosstab_has_totals_computed(runner, tabel3, tmp_path):
    assert [d.name for d in tabel3.documents] == ["focusgroep1.txt", "focusgroep2.txt", "focusgroep3.txt"]
    # speakers became participants, interviewers ("Interviewer", "I") did not
    pseudonyms = {p.pseudonym for p in tabel3.participants}
    assert pseudonyms == {f"R0{i}" for i in range(1, 9)}
    out = tmp_path / "tabel3.csv"
    result = runner.invoke(args=["coding", "crosstab", "tabel3", "uitkomst", "preventieniveau", "--csv", str(out)])
    assert result.exit_code == 0, result.output
    rows = read_rows(out)
    assert rows[0] == ["uitkomst", "Primair", "Secundair", "Tertiair", "Totaal"]
    assert rows[1] == ["Sneller handelen", "2", "11", "7", "20"]
    assert rows[-1] == ["Totaal", "15", "44", "27", "86"]
    for row in rows[1:-1]:  # each row total is the sum of its cells
        assert int(row[-1]) == sum(int(cell) for cell in row[1:-1])


def test_unknown_axis_is_a_clear_error(runner, tabel3, tmp_path):
    result = runner.invoke(args=["coding", "crosstab", "tabel3", "uitkomst", "kleur", "--csv", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert "'kleur' is geen as" in result.output


@pytest.mark.parametrize(("breakage", "expected"), [
    (lambda d: append(d / "codings.csv", "focusgroep1.txt,4,MJ,uitkomst/Bestaat niet\n"),
     "codings.csv: rij 226: onbekende code 'uitkomst/Bestaat niet'"),
    (lambda d: append(d / "codings.csv", "focusgroep2.txt,99,MJ,uitkomst/Meer respect\n"),
     "codings.csv: rij 226: fragment 99 bestaat niet in focusgroep2.txt"),
    (lambda d: (d / "codebook.yaml").write_text("codes:\n  - name: a\n  - name: a\n", encoding="utf-8"),
     "codebook.yaml: regel 3: code 'a' komt dubbel voor"),
    (lambda d: (d / "codebook.yaml").write_text("codes: [name: x\n", encoding="utf-8"),
     "codebook.yaml: regel"),
    (lambda d: (d / "participants.csv").write_text("pseudonym,consent\nR01,misschien\n", encoding="utf-8"),
     "participants.csv: rij 2: toestemming 'misschien' onbekend"),
    (lambda d: (d / "codebook.yaml").unlink(), "codebook.yaml, codebook.csv of codebook.qdc ontbreekt"),
])
def test_malformed_import_names_the_problem_and_writes_nothing(runner, app, project_dir, breakage, expected):
    breakage(project_dir)
    result = runner.invoke(args=["coding", "import", "kapot", str(project_dir)])
    assert result.exit_code == 1
    assert expected in result.output
    assert set(row_counts().values()) == {0}


def test_import_collects_problems_of_several_files(runner, app, project_dir):
    (project_dir / "focusgroep2.txt").write_bytes(b"R01: a\x00b\n")
    (project_dir / "replace.csv").write_text("find,replace\n,R09\n", encoding="utf-8")
    result = runner.invoke(args=["coding", "import", "kapot", str(project_dir)])
    assert result.exit_code == 1
    assert "focusgroep2.txt: regel 1: onleesbare (binaire) tekens" in result.output
    assert "replace.csv: rij 2: kolom find is leeg" in result.output
    assert "codings.csv: niet gecontroleerd" in result.output
    assert set(row_counts().values()) == {0}


def test_import_pseudonymises_and_reads_participants(runner, app, tmp_path):
    folder = tmp_path / "interviews"
    folder.mkdir()
    (folder / "codebook.csv").write_text("path,description\nthema,\nthema/Werkdruk,Te veel werk\n", encoding="utf-8")
    (folder / "interview1.txt").write_text(
        "Interviewer: Hoe gaat het, Jan?\nJan de Vries: Druk. Marieke zegt dat ook.\nI: Dank u.\n", encoding="utf-8")
    (folder / "replace.csv").write_text("find,replace\nJan de Vries,R09\nJan,R09\nMarieke,R10\n", encoding="utf-8")
    (folder / "participants.csv").write_text(
        "pseudonym,team,discipline,consent\nR09,zwolle-noord,wmo,given\nR10,zwolle-zuid,jeugd,withdrawn\n",
        encoding="utf-8")
    (folder / "codings.csv").write_text("document,fragment,coder,code\ninterview1,2,KB,thema/Werkdruk\n",
                                        encoding="utf-8")
    result = runner.invoke(args=["coding", "import", "interviews", str(folder), "--title", "Interviews 2017"])
    assert result.exit_code == 0, result.output
    fragments = db.session.scalars(select(Fragment).order_by(Fragment.position)).all()
    assert [f.speaker for f in fragments] == ["Interviewer", "R09", "I"]
    assert fragments[0].text == "Hoe gaat het, R09?" and fragments[1].text == "Druk. R10 zegt dat ook."
    assert [f.participant.pseudonym if f.participant else None for f in fragments] == [None, "R09", None]
    participants = {p.pseudonym: p for p in db.session.scalars(select(Participant))}
    assert participants["R09"].attributes == {"team": "zwolle-noord", "discipline": "wmo"}
    assert participants["R10"].consent == Consent.WITHDRAWN and participants["R10"].withdrawn_on is not None
    project = db.session.scalar(select(CodingProject))
    assert project.title == "Interviews 2017"
    assert [p.pseudonym for p in project.sessions[0].attendees] == ["R09"]
    assert db.session.scalar(select(Coding)).coder == "KB"


def test_agreement_json_per_code_and_overall(runner, tabel3, tmp_path):
    out = tmp_path / "agreement.json"
    result = runner.invoke(args=["coding", "agreement", "tabel3", "--json", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert (report["coder_a"], report["coder_b"]) == ("MJ", "KB")  # the two with the most codings
    assert report["documents"] == ["focusgroep1.txt"]
    assert report["fragments"] > report["coded_fragments"] > 0
    codes = {row["code"]: row for row in report["codes"]}
    assert "uitkomst/Sneller handelen" in codes
    for row in codes.values():
        assert set(row) >= {"all_fragments", "coded_fragments", "count_a", "count_b"}
        assert set(row["coded_fragments"]) >= {"kappa", "alpha", "percent_agreement"}
    pooled = report["overall_coded_fragments"]["pooled"]
    assert 0.8 < pooled["kappa"] < 1.0 and 0.8 < pooled["alpha"] < 1.0
    # the stricter basis never looks better than the basis with all (mostly empty) fragments
    assert pooled["kappa"] <= report["overall_all_fragments"]["pooled"]["kappa"]

    swapped = tmp_path / "swapped.json"
    assert runner.invoke(args=["coding", "agreement", "tabel3", "--json", str(swapped), "--coders", "KB,MJ"]
                         ).exit_code == 0
    assert json.loads(swapped.read_text(encoding="utf-8"))["coder_a"] == "KB"
    result = runner.invoke(args=["coding", "agreement", "tabel3", "--json", str(swapped), "--coders", "KB,XX"])
    assert result.exit_code == 1 and "codeur 'XX' heeft in dit project niets gecodeerd" in result.output


def core_project():
    documents = [read_transcript(path) for path in sorted(TABEL3.glob("*.txt"))]
    codebook = read_codebook(TABEL3 / "codebook.yaml")
    return read_codings(TABEL3 / "codings.csv", documents, codebook), documents, codebook


def test_withdrawal_removes_fragments_from_counts_quotes_agreement_and_exports(runner, tabel3, tmp_path):
    before = tmp_path / "before.json"
    runner.invoke(args=["coding", "agreement", "tabel3", "--json", str(before)])
    result = runner.invoke(args=["coding", "withdraw", "tabel3", "R01"])
    assert result.exit_code == 0, result.output
    assert "Toestemming van R01 ingetrokken" in result.output

    out = tmp_path / "crosstab.csv"
    runner.invoke(args=["coding", "crosstab", "tabel3", "uitkomst", "preventieniveau", "--csv", str(out)])
    expected = crosstab(*core_project(), "uitkomst", "preventieniveau", withdrawn={"R01"})
    assert read_rows(out)[-1] == [str(cell) for cell in expected.to_rows()[-1]]
    assert expected.grand_total < 86

    export = tmp_path / "export.csv"
    assert runner.invoke(args=["coding", "export", "tabel3", "--format", "csv", "--out", str(export)]).exit_code == 0
    rows = read_rows(export)
    quote_header = rows.index(["Code", "Document", "Fragment", "Spreker", "Citaat"])
    speakers = {row[3] for row in rows[quote_header + 1:] if len(row) == 5}
    assert speakers and "R01" not in speakers
    r01_text = "Bij het inloopspreekuur konden we meteen schakelen"
    assert not any(r01_text in cell for row in rows for cell in row)
    frequencies = {row[0]: row for row in rows[2:18]}
    assert int(frequencies["uitkomst"][3]) < 84

    after = tmp_path / "after.json"
    runner.invoke(args=["coding", "agreement", "tabel3", "--json", str(after)])
    assert (json.loads(after.read_text(encoding="utf-8"))["fragments"]
            < json.loads(before.read_text(encoding="utf-8"))["fragments"])

    unknown = runner.invoke(args=["coding", "withdraw", "tabel3", "R99"])
    assert unknown.exit_code == 1 and "onbekende deelnemer 'R99'" in unknown.output


def test_export_csv_and_xlsx_hold_frequencies_crosstab_and_quotes(runner, tabel3, tmp_path):
    xlsx = tmp_path / "export.xlsx"
    result = runner.invoke(args=["coding", "export", "tabel3", "--format", "xlsx", "--out", str(xlsx)])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(xlsx)
    assert workbook.sheetnames == ["Frequenties per code", "uitkomst × preventieniveau", "Citaten per code"]
    crosstab_rows = list(workbook["uitkomst × preventieniveau"].values)
    assert list(crosstab_rows[-1]) == ["Totaal", 15, 44, 27, 86]
    csv_path = tmp_path / "export.csv"
    assert runner.invoke(args=["coding", "export", "tabel3", "--format", "csv", "--out", str(csv_path)]).exit_code == 0
    rows = read_rows(csv_path)
    assert rows[0] == ["Frequenties per code"]
    assert ["uitkomst × preventieniveau"] in rows and ["Citaten per code"] in rows
