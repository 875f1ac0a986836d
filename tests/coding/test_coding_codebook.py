"""Codebooks: the tree, three file formats with round trips, and validation errors naming file and row/line."""

from pathlib import Path

import pytest

from survey_app.coding.codebook import Code, Codebook, CodeEntry, build_codebook
from survey_app.coding.codebook_csv import dump_csv, load_csv
from survey_app.coding.codebook_io import read_codebook, write_codebook
from survey_app.coding.codebook_qdc import NAMESPACE, code_guid, dump_qdc, load_qdc
from survey_app.coding.codebook_yaml import dump_yaml, load_yaml
from survey_app.coding.errors import CodebookError

FIXTURES = Path(__file__).parent.parent / "fixtures" / "coding"

SAMPLE_YAML = """\
codes:
  - name: uitkomst
    description: Wat de activiteit oplevert
    children:
      - name: Problemen voorkomen
        children:
          - name: Sneller handelen
            description: "Eerder ingrijpen; ook: korte lijnen"
            examples: ["we konden meteen schakelen", "binnen een week een plan"]
          - name: Beter geïnformeerd
      - name: Oude code
        status: retired
  - name: preventieniveau
    children:
      - name: Primair
      - name: Secundair
"""


@pytest.fixture
def sample() -> Codebook:
    return load_yaml(SAMPLE_YAML, "codebook.yaml")


def test_tree_from_yaml(sample):
    assert [code.path for code in sample.codes] == [
        "uitkomst",
        "uitkomst/Problemen voorkomen",
        "uitkomst/Problemen voorkomen/Sneller handelen",
        "uitkomst/Problemen voorkomen/Beter geïnformeerd",
        "uitkomst/Oude code",
        "preventieniveau",
        "preventieniveau/Primair",
        "preventieniveau/Secundair",
    ]
    code = sample.get("uitkomst/Problemen voorkomen/Sneller handelen")
    assert code == Code(
        path="uitkomst/Problemen voorkomen/Sneller handelen",
        name="Sneller handelen",
        description="Eerder ingrijpen; ook: korte lijnen",
        examples=("we konden meteen schakelen", "binnen een week een plan"),
        parent_path="uitkomst/Problemen voorkomen",
        status="active",
    )
    assert (code.depth, code.axis) == (3, "uitkomst")
    assert [axis.name for axis in sample.axes()] == ["uitkomst", "preventieniveau"]
    assert [c.name for c in sample.children("uitkomst")] == ["Problemen voorkomen", "Oude code"]
    assert len(sample.descendants("uitkomst")) == 4
    assert sample.get("uitkomst/Oude code").status == "retired"
    assert "preventieniveau/Tertiair" not in sample


@pytest.mark.parametrize(("dump", "load"), [(dump_yaml, load_yaml), (dump_csv, load_csv), (dump_qdc, load_qdc)])
def test_round_trip(sample, dump, load):
    text = dump(sample)
    again = load(text)
    assert again.codes == sample.codes
    assert dump(again) == text


@pytest.mark.parametrize("suffix", [".yaml", ".csv", ".qdc"])
def test_write_and_read_files(sample, tmp_path, suffix):
    path = tmp_path / f"codeboek{suffix}"
    write_codebook(sample, path)
    assert read_codebook(path).codes == sample.codes


def test_qdc_has_namespace_and_stable_guids(sample):
    text = dump_qdc(sample)
    assert f'<CodeBook xmlns="{NAMESPACE}" origin="survey_app">' in text
    guid = code_guid("uitkomst/Problemen voorkomen/Sneller handelen")
    assert f'guid="{guid}" name="Sneller handelen" isCodable="true"' in text
    assert code_guid("uitkomst") != guid
    assert 'name="Oude code" isCodable="false"' in text
    assert "Voorbeelden:\n- we konden meteen schakelen\n- binnen een week een plan" in text


def test_qdc_from_another_program():
    codebook = read_codebook(FIXTURES / "codebook.qdc")
    assert [(c.path, c.status) for c in codebook.codes] == [
        ("uitkomst", "active"),
        ("uitkomst/Sneller handelen", "active"),
        ("uitkomst/Oude code", "retired"),
    ]
    code = codebook.get("uitkomst/Sneller handelen")
    assert (code.description, code.examples) == ("Eerder ingrijpen", ("we konden meteen schakelen",))


def test_taguette_csv_with_names_and_paths_as_parent():
    codebook = read_codebook(FIXTURES / "codebook_taguette.csv")
    assert [c.path for c in codebook.codes] == [
        "uitkomst",
        "uitkomst/Sneller handelen",
        "uitkomst/Sneller handelen/Via de huisarts",
        "uitkomst/Beter geïnformeerd",
        "preventieniveau",
        "preventieniveau/Primair",
    ]
    assert codebook.get("uitkomst/Sneller handelen").description == "Eerder ingrijpen"


def test_csv_with_path_column_and_semicolons():
    codebook = load_csv("path;description\nuitkomst;\nuitkomst / Sneller handelen;Eerder\n")
    assert [c.path for c in codebook.codes] == ["uitkomst", "uitkomst/Sneller handelen"]


def test_tag_with_slash_and_no_parent_is_a_path():
    codebook = load_csv("tag,parent\nuitkomst,\nuitkomst/Sneller handelen,\n")
    assert codebook.get("uitkomst/Sneller handelen").parent_path == "uitkomst"


def problems_of(load, text, source="codebook"):
    with pytest.raises(CodebookError) as caught:
        load(text, source)
    assert str(caught.value).startswith(source)
    return caught.value.problems


def test_validation_collects_duplicates_unknown_parents_and_empty_names():
    text = "path,description\nuitkomst,\nuitkomst/A,\nuitkomst/A,nog eens\nniveau/Primair,\nuitkomst//B,\nuitkomst/C,\n"
    assert problems_of(load_csv, text, "codebook.csv") == [
        "rij 4: code 'uitkomst/A' komt dubbel voor (ook in rij 3)",
        "rij 6: lege codenaam in 'uitkomst//B'",
        "rij 5: bovenliggende code 'niveau' van 'niveau/Primair' bestaat niet",
    ]


def test_path_and_parent_must_agree():
    assert problems_of(load_csv, "path,parent\nuitkomst,\nuitkomst/A,niveau\n") == [
        "rij 3: parent 'niveau' past niet bij path 'uitkomst/A'"
    ]


def test_cycles_unknown_and_ambiguous_parents_in_tag_csv():
    text = (
        "tag,parent\n"
        "A,B\n"  # row 2
        "B,A\n"  # row 3: A -> B -> A
        "C,onbekend\n"  # row 4
        "uitkomst,\n"
        "niveau,\n"
        "Overig,uitkomst\n"
        "Overig,niveau\n"
        "Detail,Overig\n"  # row 9: which Overig?
        "Detail2,niveau/Overig\n"  # row 10: a path resolves it
        ",uitkomst\n"  # row 11
    )
    assert problems_of(load_csv, text) == [
        "rij 2: kringverwijzing in parent: A → B → A",
        "rij 4: bovenliggende code 'onbekend' bestaat niet",
        "rij 9: parent 'Overig' is niet eenduidig (rijen 7, 8); geef het volledige pad",
        "rij 11: code zonder naam",
    ]


def test_csv_needs_path_or_tag_column_and_codes():
    assert problems_of(load_csv, "naam,omschrijving\nA,B\n") == ["rij 1: kolom 'path' of 'tag' ontbreekt"]
    assert problems_of(load_csv, "path,description\n") == ["het codeboek bevat geen codes"]


def test_yaml_errors_name_lines():
    text = "codes:\n  - name: uitkomst\n    childs: []\n  - description: zonder naam\n  - name: a/b\n"
    assert problems_of(load_yaml, text, "codebook.yaml") == [
        "regel 2: onbekende sleutel(s) childs",
        "regel 4: code zonder naam",
        "regel 5: naam 'a/b' mag geen '/' bevatten",
    ]
    assert problems_of(load_yaml, "codes:\n  - name: [onaf\n", "codebook.yaml")[0].startswith(
        "regel 3: geen geldige YAML"
    )
    assert problems_of(load_yaml, "name: uitkomst\n") == ["regel 1: het bestand moet een lijst 'codes:' bevatten"]
    duplicate = "codes:\n  - name: a\n  - name: a\n"
    assert problems_of(load_yaml, duplicate) == ["regel 3: code 'a' komt dubbel voor (ook in regel 2)"]
    assert problems_of(load_yaml, "codes:\n  - name: a\n    status: weg\n") == [
        "regel 2: onbekende status 'weg' (kies uit active, retired)"
    ]


def test_qdc_errors_name_lines():
    wrong_namespace = '<?xml version="1.0"?>\n<CodeBook xmlns="urn:iets:anders"><Codes/></CodeBook>'
    assert problems_of(load_qdc, wrong_namespace)[0].startswith("regel 2: verwacht <CodeBook")
    nameless = f'<CodeBook xmlns="{NAMESPACE}">\n<Codes>\n<Code guid="x" isCodable="true"/>\n</Codes>\n</CodeBook>'
    assert problems_of(load_qdc, nameless) == ["regel 3: Code zonder name"]
    assert problems_of(load_qdc, f'<CodeBook xmlns="{NAMESPACE}">\n<Codes>\n</CodeBook>')[0].startswith(
        "regel 3: geen geldige XML"
    )
    entity_bomb = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<CodeBook/>'
    assert problems_of(load_qdc, entity_bomb) == [
        "regel 2: LIMIT_004 DOCTYPE en entiteiten (<!DOCTYPE, <!ENTITY) zijn niet toegestaan"]


def test_unknown_file_type(tmp_path):
    path = tmp_path / "codes.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(CodebookError, match="codes.json: onbekend codeboekformaat .json"):
        read_codebook(path)


def test_build_codebook_orders_parents_first():
    entries = [CodeEntry("a/b", "rij 2"), CodeEntry("a", "rij 3"), CodeEntry("c", "rij 4"), CodeEntry("a/d", "rij 5")]
    assert [c.path for c in build_codebook(entries, "x").codes] == ["a", "a/b", "a/d", "c"]
