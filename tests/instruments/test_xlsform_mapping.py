"""The XLSForm mapping, one construct per test, with the form written inline as a table (pyxform style)."""

from __future__ import annotations

import pytest
from xlsform_forms import write_form

from survey_app.instruments.loader import check_paths
from survey_app.instruments.xlsform.codes import XlsformError
from survey_app.instruments.xlsform.importer import import_xlsform
from survey_app.instruments.xlsform.yaml_writer import dump_module

LIKERT = [["list_name", "name", "label"], ["eens", "oneens", "Oneens"], ["eens", "neutraal", "Neutraal"],
          ["eens", "eens", "Eens"]]


def convert(tmp_path, survey, choices=None, settings=None, skip=False):
    """Import the inline form, write it as module 'vorm' and check it; returns (module dict, YAML text)."""
    path = write_form(tmp_path / "vorm.xlsx", survey, choices, settings)
    module, _ = import_xlsform(path, "vorm", skip_unsupported=skip)
    text = dump_module(module)
    (tmp_path / "vorm.yaml").write_text(text, encoding="utf-8")
    assert [str(p) for p in check_paths([tmp_path / "vorm.yaml"])] == []
    return module, text


def items(module):
    return [item for page in module["pages"] for item in page["items"]]


def test_dutch_translation_is_used_and_others_kept_as_comments(tmp_path):
    module, text = convert(tmp_path, [
        ["type", "name", "label::English (en)", "label::Nederlands (nl)", "hint::Nederlands (nl)"],
        ["text", "naam", "Your name?", "Uw naam?", "Voornaam is genoeg."],
    ], settings=[["form_title", "version"], ["Kennismaking", "2026.1"]])
    assert items(module)[0]["label"] == "Uw naam?" and items(module)[0]["hint"] == "Voornaam is genoeg."
    assert "# label::English (en): Your name?" in text
    assert module["title"] == "Kennismaking" and module["version"] == "2026.1"


def test_select_one_text_codes_become_integers_in_expressions(tmp_path):
    module, text = convert(tmp_path, [
        ["type", "name", "label", "relevant"],
        ["select_one eens", "stelling", "Het werk is leuk", ""],
        ["text", "waarom", "Waarom niet?", "${stelling} = 'oneens' or selected(${stelling}, 'neutraal')"],
    ], LIKERT)
    assert items(module)[1]["relevant"] == "${stelling} = 1 or ${stelling} = 2"
    assert "# XLSForm-codes: oneens=1, neutraal=2, eens=3" in text


def test_select_multiple_functions_and_not_are_kept(tmp_path):
    expression = "not(selected(${hulp}, 'geld')) and count-selected(${hulp}) >= 2"
    module, _ = convert(tmp_path, [
        ["type", "name", "label", "relevant", "constraint", "constraint_message", "required", "required_message"],
        ["select_multiple hulp", "hulp", "Welke hulp?", "", "count-selected(.) <= 3", "Hoogstens drie", "yes",
         "Kies minstens een"],
        ["integer", "uren", "Hoeveel uur?", expression, ". > 0", "Meer dan nul", "", ""],
    ], [["list_name", "name", "label"], ["hulp", "geld", "Geld"], ["hulp", "Tijd-Nodig", "Tijd"],
        ["hulp", "raad", "Raad"]])
    hulp, uren = items(module)
    assert hulp["choices"] == {"geld": "Geld", "tijd_nodig": "Tijd", "raad": "Raad"}
    assert (hulp["required"], hulp["required_message"]) == (True, "Kies minstens een")
    assert (hulp["constraint"], hulp["constraint_message"]) == ("count-selected(.) <= 3", "Hoogstens drie")
    assert uren["relevant"] == expression and uren["constraint"] == ". > 0"


def test_table_list_of_select_multiple_is_a_yesno_grid(tmp_path):
    module, _ = convert(tmp_path, [
        ["type", "name", "label", "appearance"],
        ["begin group", "werk", "Wat doet u?", "table-list"],
        ["select_multiple doen", "werk_huisbezoek", "Huisbezoek", ""],
        ["select_multiple doen", "werk_overleg", "Overleg", ""],
        ["end group", "", "", ""],
    ], [["list_name", "name", "label"], ["doen", "doe", "Doe ik"], ["doen", "kan", "Kan ik"]])
    grid = items(module)[0]
    assert grid["type"] == "yesno_grid"
    assert grid["rows"] == [{"name": "huisbezoek", "label": "Huisbezoek"}, {"name": "overleg", "label": "Overleg"}]
    assert grid["columns"] == [{"name": "doe", "label": "Doe ik"}, {"name": "kan", "label": "Kan ik"}]


def test_field_list_pages_sections_and_label_list_nolabel_grids(tmp_path):
    module, _ = convert(tmp_path, [
        ["type", "name", "label", "appearance", "relevant", "hint"],
        ["integer", "leeftijd", "Leeftijd", "", "", ""],
        ["begin group", "deel", "Deel B", "", "${leeftijd} > 17", ""],
        ["begin group", "stellingen", "Stellingen", "field-list", "", "Geef aan wat u vindt."],
        ["select_one eens", "kop", "", "label", "", ""],
        ["select_one eens", "st_a", "Stelling A", "list-nolabel", "", ""],
        ["select_one eens", "st_b", "Stelling B", "list-nolabel", "", ""],
        ["end group", "", "", "", "", ""],
        ["end group", "", "", "", "", ""],
    ], LIKERT)
    first, page = module["pages"]
    assert first["items"][0]["name"] == "leeftijd"
    assert (page["id"], page["title"], page["intro"]) == ("stellingen", "Stellingen", "Geef aan wat u vindt.")
    assert page["relevant"] == "${leeftijd} > 17"
    assert [(i["name"], i["scale"]) for i in page["items"]] == [("st_a", "eens"), ("st_b", "eens")]


def test_range_is_a_rating_and_multiline_text_a_textarea(tmp_path):
    module, _ = convert(tmp_path, [
        ["type", "name", "label", "parameters", "appearance"],
        ["range", "cijfer", "Welk cijfer?", "start=1 end=10 step=1", ""],
        ["text", "toelichting", "Toelichting", "", "multiline"],
    ])
    cijfer, toelichting = items(module)
    assert (cijfer["type"], cijfer["min"], cijfer["max"]) == ("rating", 1, 10)
    assert toelichting["type"] == "textarea"


def test_calculation_is_inlined_into_the_expressions_that_use_it(tmp_path):
    module, _ = convert(tmp_path, [
        ["type", "name", "label", "calculation", "relevant"],
        ["integer", "kinderen", "Aantal kinderen", "", ""],
        ["calculate", "gezin", "", "${kinderen} + 2", ""],
        ["text", "groot", "Grote gezinnen", "", "${gezin} > 4"],
    ])
    assert items(module)[1]["relevant"] == "${kinderen} + 2 > 4"  # the calculation, with only the parentheses it needs


def test_unsupported_constructs_are_reported_and_skipped_on_request(tmp_path):
    survey = [
        ["type", "name", "label", "calculation", "relevant", "choice_filter"],
        ["geopoint", "plek", "Waar?", "", "", ""],
        ["calculate", "nu", "", "today()", "", ""],
        ["text", "als_vandaag", "Vandaag?", "", "${nu} != ''", ""],
        ["begin repeat", "kind", "Kind", "", "", ""],
        ["text", "kind_naam", "Naam", "", "", ""],
        ["end repeat", "", "", "", "", ""],
        ["select_one eens", "st", "Stelling", "", "", "name != 'x'"],
    ]
    with pytest.raises(XlsformError) as failed:
        write_form(tmp_path / "vorm.xlsx", survey, LIKERT)
        import_xlsform(tmp_path / "vorm.xlsx", "vorm")
    assert [(p.row, p.code.code) for p in failed.value.problems] == [
        (2, "UNSUPPORTED_002"), (3, "UNSUPPORTED_006"), (4, "UNSUPPORTED_010"), (5, "UNSUPPORTED_001"),
        (8, "UNSUPPORTED_008")]
    assert not (tmp_path / "vorm.yaml").exists()
    module, _ = convert(tmp_path, survey, LIKERT, skip=True)
    assert [(i["name"], i.get("relevant")) for i in items(module)] == [("als_vandaag", None), ("st", None)]


@pytest.mark.parametrize(("survey", "row", "code"), [
    ([["type", "name", "label"], ["begin group", "g", "G"], ["text", "a", "A"]], 2, "GROUP_002"),
    ([["type", "name", "label"], ["end group", "", ""]], 2, "GROUP_001"),
    ([["type", "name", "label"], ["select_one nergens", "a", "A"]], 2, "CHOICES_001"),
    ([["type", "name", "label"], ["text", "a", "A"], ["text", "A", "Weer a"]], 3, "ROW_004"),
    ([["type", "name", "label", "relevant"], ["text", "a", "A", "${onbekend} = 1"]], 2, "EXPR_001"),
    ([["type", "name", "label"], ["foto maken", "a", "A"]], 2, "ROW_003"),
])
def test_malformed_rows_fail_with_their_row(tmp_path, survey, row, code):
    path = write_form(tmp_path / "vorm.xlsx", survey)
    with pytest.raises(XlsformError) as failed:
        import_xlsform(path, "vorm", skip_unsupported=True)
    assert f"{path}:{row}: {code} " in str(failed.value)


def test_choices_sheet_without_list_name_column(tmp_path):
    path = write_form(tmp_path / "vorm.xlsx", [["type", "name", "label"], ["select_one a", "q", "Q"]],
                      [["lijst", "name", "label"], ["a", "x", "X"]])
    with pytest.raises(XlsformError) as failed:
        import_xlsform(path, "vorm")
    assert str(failed.value) == f"{path}:1: XLSFORM_005 werkblad 'choices' heeft geen kolom 'list_name'"


@pytest.mark.parametrize(("name", "content", "code"), [
    ("kapot.xlsx", "geen zip", "XLSFORM_001"),
    ("kapot.xls", "geen excel", "XLSFORM_001"),
    ("leeg.csv", "survey,,\n,type,name\n", "XLSFORM_006"),
    ("vorm.ods", "", "XLSFORM_002"),
])
def test_unreadable_or_empty_files_fail_cleanly(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(XlsformError) as failed:
        import_xlsform(path, "vorm", skip_unsupported=True)
    assert [p.code.code for p in failed.value.problems] == [code]
    assert str(failed.value).startswith(f"{path}:")
