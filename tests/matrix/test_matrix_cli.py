"""`flask matrix import|export`: all or nothing, errors as file:line: CODE message with exit 1, and exports
whose XLSX cells carry fill AND text and whose PDF text holds the counts."""

from __future__ import annotations

import io
import subprocess

from openpyxl import load_workbook
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.matrix.models import MatrixCase, MatrixProject, MatrixScore


def _stored() -> tuple[int, int, int]:
    count = lambda model: db.session.scalar(select(func.count()).select_from(model))  # noqa: E731
    return count(MatrixProject), count(MatrixCase), count(MatrixScore)


def _replace_line(path, number: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[number - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_unknown_colour_names_file_and_line_and_stores_nothing(runner, zwolle_dir):
    _replace_line(zwolle_dir / "scores.csv", 5, "C04,Tijdige signalering problematiek,paars,")
    _replace_line(zwolle_dir / "scores.csv", 9, "C99,Tijdige signalering problematiek,groen,")
    result = runner.invoke(args=["matrix", "import", "zwolle", str(zwolle_dir)])
    assert result.exit_code == 1
    assert "scores.csv:5: MATRIX_SCORE_003 onbekende score 'paars'" in result.output
    assert "scores.csv:9: MATRIX_SCORE_001 onbekende casus 'C99'" in result.output
    assert "Traceback" not in result.output
    assert _stored() == (0, 0, 0)


def test_problems_in_several_files_are_reported_together(runner, zwolle_dir):
    _replace_line(zwolle_dir / "cases.csv", 4, "C01,SWT,stabiel")
    (zwolle_dir / "aspects.yaml").write_text("aspects:\n  - name: A\n    kinderen: []\n", encoding="utf-8")
    result = runner.invoke(args=["matrix", "import", "zwolle", str(zwolle_dir)])
    assert result.exit_code == 1
    assert "aspects.yaml:2: MATRIX_ASPECT_003 onbekende sleutel(s) kinderen" in result.output
    assert "cases.csv:4: MATRIX_CASE_002 casus 'C01' komt dubbel voor (ook op regel 2)" in result.output
    assert _stored() == (0, 0, 0)


def test_bad_yaml_and_bad_scale_name_their_line(runner, zwolle_dir):
    (zwolle_dir / "scale.yaml").write_text(
        "levels:\n  - key: goed\n    colour: '#00FF00'\n    symbol: '+'\n  - key: slecht\n    colour: rood\n"
        "    symbol: '-'\n", encoding="utf-8")
    result = runner.invoke(args=["matrix", "import", "zwolle", str(zwolle_dir)])
    assert result.exit_code == 1
    assert "scale.yaml:5: MATRIX_SCALE_002 niveau 'slecht': colour moet een kleur zijn" in result.output
    (zwolle_dir / "scale.yaml").unlink()
    (zwolle_dir / "aspects.yaml").write_text("aspects:\n  - name: [niet\n", encoding="utf-8")
    result = runner.invoke(args=["matrix", "import", "zwolle", str(zwolle_dir)])
    assert result.exit_code == 1 and "aspects.yaml:" in result.output and "MATRIX_FILE_003" in result.output
    assert _stored() == (0, 0, 0)


def test_missing_cases_file_and_existing_project_are_refused(runner, zwolle_dir, imported):
    result = runner.invoke(args=["matrix", "import", "zwolle", str(zwolle_dir)])
    assert result.exit_code == 1 and "er bestaat al een matrix met de naam 'zwolle'" in result.output
    (zwolle_dir / "cases.csv").unlink()
    result = runner.invoke(args=["matrix", "import", "ander", str(zwolle_dir)])
    assert result.exit_code == 1 and "zwolle/cases.csv: MATRIX_FILE_001 bestand ontbreekt" in result.output
    assert _stored()[0] == 1


def test_aspects_as_csv_with_a_second_scorer(runner, tmp_path):
    folder = tmp_path / "klein"
    folder.mkdir()
    (folder / "aspects.csv").write_text("hoofdaspect,deelaspect,description\nToegang,,Hoe kwam het gezin binnen\n"
                                        "Toegang,Tijdig,\nEffect,,\n", encoding="utf-8")
    (folder / "cases.csv").write_text("case\nC1\nC2\n", encoding="utf-8")
    (folder / "scores.csv").write_text("case;aspect;score;scorer;note\nC1;Toegang/Tijdig;groen;JdV;\n"
                                       "C1;Tijdig;oranje;MK;twijfel\nC2;Effect;grijs;JdV;\n", encoding="utf-8")
    result = runner.invoke(args=["matrix", "import", "klein", str(folder)])
    assert result.exit_code == 0, result.output
    project = db.session.scalar(select(MatrixProject).where(MatrixProject.name == "klein"))
    assert (project.scorer_a, project.scorer_b) == ("JdV", "MK")
    assert [a.name for a in project.aspects] == ["Toegang", "Tijdig", "Effect"]


def test_xlsx_cells_have_fill_and_text(runner, imported, tmp_path):
    out = tmp_path / "matrix.xlsx"
    result = runner.invoke(args=["matrix", "export", "zwolle", "--format", "xlsx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(io.BytesIO(out.read_bytes()))["Matrix"]
    header = [cell.value for cell in sheet[2]]
    row = next(r for r in sheet.iter_rows(min_row=3) if r[1].value == "Tijdige signalering problematiek")
    rood = row[header.index("C03")]
    assert rood.value == "− rood" and rood.fill.fgColor.rgb == "FFB2182B"
    assert rood.comment is not None and "kinderarts" in rood.comment.text
    grijs_row = next(r for r in sheet.iter_rows(min_row=3) if r[1].value == "Tijdig bezoek van SWT")
    grijs = grijs_row[header.index("C09")]
    assert grijs.value == "nvt grijs" and grijs.fill.fill_type == "lightUp"
    counts = load_workbook(io.BytesIO(out.read_bytes()))["Tellingen"]
    summaries = {r[1].value: r[-1].value for r in counts.iter_rows(min_row=2)}
    assert "groen 9 van de 14" in summaries["Tijdig bezoek van SWT"]


def test_pdf_text_holds_the_counts(runner, imported, tmp_path):
    out = tmp_path / "matrix.pdf"
    result = runner.invoke(args=["matrix", "export", "zwolle", "--format", "pdf", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Casusonderzoek Zwolle" in text and "Tellingen per aspect" in text
    line = next(line for line in text.splitlines()
                if line.strip().startswith("Tijdig bezoek van SWT") and "van de" in line)
    assert "9 van de 14" in line and "3 van de 14" in line
    assert "2 van de 10" in text and "Niet gescoord" in text


def test_export_of_unknown_project_fails_cleanly(runner, tmp_path):
    result = runner.invoke(args=["matrix", "export", "geen", "--format", "pdf", "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1 and "geen: er is geen matrix met deze naam" in result.output


def test_an_alias_bomb_and_an_oversized_file_are_refused_within_bounds(runner, zwolle_dir):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
    (zwolle_dir / "aspects.yaml").write_text(bomb + "aspects: []\n", encoding="utf-8")
    result = runner.invoke(args=["matrix", "import", "zwolle", str(zwolle_dir)])
    assert result.exit_code == 1 and "MATRIX_FILE_003" in result.output and "LIMIT_003" in result.output
    (zwolle_dir / "aspects.yaml").unlink()
    (zwolle_dir / "aspects.csv").write_bytes(b"hoofdaspect,deelaspect\n" + b"x" * (50 * 1024 * 1024 + 1))
    result = runner.invoke(args=["matrix", "import", "zwolle", str(zwolle_dir)])
    assert result.exit_code == 1 and "LIMIT_001" in result.output and "Traceback" not in result.output
    assert _stored() == (0, 0, 0)
