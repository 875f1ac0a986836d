"""Conformance with pyxform's own test corpus (tests/fixtures/xlsform/pyxform, BSD licence in LICENSE).

Supported forms convert without --skip-unsupported and pass ``flask instruments check``; forms with
constructs that have no equivalent are reported row by row and convert once those are skipped; malformed
forms fail with ``file:row`` messages whatever the option.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from survey_app.instruments.loader import check_paths, load_module
from survey_app.instruments.xlsform.codes import XlsformError
from survey_app.instruments.xlsform.importer import import_xlsform
from survey_app.instruments.xlsform.yaml_writer import dump_module

CORPUS = Path(__file__).parents[1] / "fixtures" / "xlsform" / "pyxform"

SUPPORTED = [
    "text_and_integer.xls", "text_and_integer.xlsx", "text_and_integer.csv",
    "yes_or_no_question.xls", "yes_or_no_question.xlsx", "yes_or_no_question.csv",
    "group.xls", "group.xlsx", "group.csv", "field-list.xlsx",
    "specify_other.xls", "specify_other.xlsx", "specify_other.csv",
    "choice_name_same_as_select_name.xls", "cascading_select_test_equivalent.xls", "extra_sheet_names.xlsx",
    "utf_csv.csv",
]
#: form -> (row, code) of constructs without an equivalent (a selection of what each form reports)
UNSUPPORTED = {
    "table-list.xls": [(20, "UNSUPPORTED_009")],  # media column on the choices sheet
    "or_other.xlsx": [(3, "UNSUPPORTED_008")],  # choice_filter
    "loop.xls": [(3, "UNSUPPORTED_001")],  # repeat
    "calculate.xls": [(3, "UNSUPPORTED_011"), (5, "UNSUPPORTED_011")],  # answers piped into labels
    "widgets.xls": [(5, "UNSUPPORTED_005"), (11, "UNSUPPORTED_002"), (13, "UNSUPPORTED_003")],
    "sms_info.xls": [(10, "UNSUPPORTED_002"), (17, "UNSUPPORTED_004")],
    "bug_UCL_Biomass_Plot_Form.xlsx": [(10, "UNSUPPORTED_007"), (11, "UNSUPPORTED_004")],
}
#: form -> (row, code) of an error that stops the import even with --skip-unsupported
MALFORMED = {
    "bug_calculate_without_calculation.xls": (34, "ROW_007"),
    "bug_duplicate_columns.xlsx": (1, "XLSFORM_004"),
    "bug_group_name_test.xls": (3, "ROW_002"),
    "unknown_question_type.xls": (2, "ROW_003"),
    "gps.xls": (1, "XLSFORM_006"),  # nothing is left once the location question is skipped
}


def _convert_and_check(tmp_path: Path, form: str, skip: bool) -> dict:
    module, _ = import_xlsform(CORPUS / form, "conformance", skip_unsupported=skip)
    path = tmp_path / "conformance.yaml"
    path.write_text(dump_module(module), encoding="utf-8")
    assert [str(p) for p in check_paths([path])] == []
    return module


def test_corpus_covers_the_acceptance_list():
    forms = set(SUPPORTED) | set(UNSUPPORTED) | set(MALFORMED)
    assert len(forms) >= 15
    assert all((CORPUS / form).is_file() for form in forms)
    assert (CORPUS.parent / "LICENSE").read_text().startswith("Copyright (c) 2015, XLSForm")


@pytest.mark.parametrize("form", SUPPORTED)
def test_supported_form_converts_and_passes_the_check(tmp_path, form):
    module = _convert_and_check(tmp_path, form, skip=False)
    assert module["pages"] and all(page["items"] for page in module["pages"])


@pytest.mark.parametrize("form", sorted(UNSUPPORTED))
def test_unsupported_constructs_are_reported_with_their_row(tmp_path, form):
    with pytest.raises(XlsformError) as failed:
        import_xlsform(CORPUS / form, "conformance")
    reported = {(p.row, p.code.code) for p in failed.value.problems}
    assert set(UNSUPPORTED[form]) <= reported
    assert all(p.unsupported for p in failed.value.problems)
    assert all(str(p).startswith(f"{CORPUS / form}:{p.row}: UNSUPPORTED_") for p in failed.value.problems)
    _convert_and_check(tmp_path, form, skip=True)


@pytest.mark.parametrize("form", sorted(MALFORMED))
def test_malformed_form_fails_with_file_and_row(form):
    with pytest.raises(XlsformError) as failed:
        import_xlsform(CORPUS / form, "conformance", skip_unsupported=True)
    row, code = MALFORMED[form]
    assert f"{CORPUS / form}:{row}: {code} " in str(failed.value)


def test_group_csv_gives_pages_and_english_labels(tmp_path):
    module = _convert_and_check(tmp_path, "group.csv", skip=False)
    assert [p["id"] for p in module["pages"]] == ["conformance_1", "father"]
    father = module["pages"][1]
    assert father["title"] == "Father"
    assert [(i["name"], i["type"]) for i in father["items"]] == [("phone_number", "text"), ("age", "integer")]


def test_yes_no_codes_become_integers(tmp_path):
    _convert_and_check(tmp_path, "yes_or_no_question.xlsx", skip=False)
    module, _ = load_module(tmp_path / "conformance.yaml")
    item = module.items[0]
    assert [(c.code, c.label) for c in item.scale.choices] == [(1, "yes"), (2, "no")]


def test_specify_other_adds_anders_namelijk(tmp_path):
    module = _convert_and_check(tmp_path, "specify_other.xls", skip=False)
    items = module["pages"][0]["items"]
    assert items[0]["choices"][3] == "anders, namelijk"
    assert items[1] == {"name": "sex_other", "type": "text", "label": "Anders, namelijk:",
                        "relevant": "${sex} = 3"}
