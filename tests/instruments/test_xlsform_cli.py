"""`flask instruments import-xlsform` and `export-xlsform`: all or nothing, `file:row: CODE` on bad input."""

from __future__ import annotations

from xlsform_forms import write_form

from survey_app.instruments.loader import check_paths


def test_export_works_and_reimport_beside_the_shipped_module_clashes(runner, tmp_path):
    workbook = tmp_path / "samenwerking.xlsx"
    result = runner.invoke(args=["instruments", "export-xlsform", "samenwerking", "--out", str(workbook)])
    assert result.exit_code == 0, result.output
    assert workbook.is_file()
    out = tmp_path / "samenwerking.yaml"  # checked together with instruments/, where these names already live
    result = runner.invoke(args=["instruments", "import-xlsform", str(workbook), "--out", str(out)])
    assert "NAME_001" in result.output and result.exit_code == 1  # same names as instruments/samenwerking.yaml
    assert not out.exists()


def test_import_writes_the_module_and_reports_skipped_rows(runner, tmp_path):
    form = write_form(tmp_path / "kobo.xlsx", [
        ["type", "name", "label"], ["start", "begin", ""], ["integer", "kobo_leeftijd", "Leeftijd"],
    ])
    out = tmp_path / "kobo_vragen.yaml"
    result = runner.invoke(args=["instruments", "import-xlsform", str(form), "--out", str(out)])
    assert result.exit_code == 1
    assert f"{form}:2: UNSUPPORTED_004 " in result.output and "--skip-unsupported" in result.output
    assert not out.exists()
    result = runner.invoke(args=["instruments", "import-xlsform", str(form), "--out", str(out),
                                 "--skip-unsupported"])
    assert result.exit_code == 0, result.output
    assert f"{form}:2: UNSUPPORTED_004 " in result.output
    assert f"{out} geschreven; 1 onderdeel overgeslagen." in result.output
    assert check_paths([out]) == []
    assert list(tmp_path.glob(".*.tmp")) == []


def test_malformed_form_exits_1_and_writes_nothing(runner, tmp_path):
    form = write_form(tmp_path / "kapot.xlsx", [["type", "name", "label"], ["begin group", "g", "G"]])
    out = tmp_path / "kapot.yaml"
    result = runner.invoke(args=["instruments", "import-xlsform", str(form), "--out", str(out), "--skip-unsupported"])
    assert result.exit_code == 1
    assert f"{form}:2: GROUP_002 " in result.output and "Niets geschreven." in result.output
    assert not out.exists()


def test_export_of_an_unknown_module_or_to_a_wrong_suffix_fails(runner, tmp_path):
    result = runner.invoke(args=["instruments", "export-xlsform", "bestaat_niet", "--out", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 1 and "YAML_003" in result.output
    result = runner.invoke(args=["instruments", "export-xlsform", "bakens", "--out", str(tmp_path / "x.csv")])
    assert result.exit_code == 1 and "YAML_003" in result.output
    assert list(tmp_path.iterdir()) == []
