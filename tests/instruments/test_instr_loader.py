"""Loading instrument files: a valid module, and broken files reported as exact ``file:line: CODE``."""

import pytest
from instr_samples import VALID

from survey_app.instruments.errors import ErrorCode, InstrumentError
from survey_app.instruments.loader import check_paths, instrument_files, load_module
from survey_app.instruments.model import ItemType


def test_valid_module_loads_into_the_dataclasses(folder):
    folder.write("samenwerking.yaml", VALID)
    assert folder.problems() == []
    instruments = folder.load()
    module = instruments.module("samenwerking")
    assert module.version == "2017.1"
    assert module.position == 20
    assert [item.name for item in module.items][:3] == ["sw_hulp_vragen", "sw_ruzie", "sw_waarom"]
    ruzie = instruments.item("sw_ruzie")
    assert ruzie.reverse and ruzie.code_range == (1, 5) and ruzie.scale.name == "eens5"
    assert ruzie.line == 24 and ruzie.page == "problemen_oplossen" and ruzie.module == "samenwerking"
    assert instruments.item("sw_waarom").max_length == 4000
    cijfer = instruments.item("sw_cijfer")
    assert (cijfer.type, cijfer.minimum, cijfer.maximum) == (ItemType.RATING, 1, 10)
    assert [v.name for v in instruments.item("sw_werk").variables()] == ["sw_werk_huisbezoek_doe",
                                                                         "sw_werk_huisbezoek_leuk"]
    assert instruments.item("sw_knelpunten").codes == ("tijd", "regels")
    assert module.constructs[0].min_items == 1
    assert module.pairs[0].a == "sw_hulp_vragen"
    assert module.pages[0].skip_gemeenten == ("steenwijkerland",)


def test_load_module_alone(folder):
    path = folder.write("samenwerking.yaml", VALID)
    module, problems = load_module(path)
    assert problems == [] and module.title == "Onderlinge samenwerking"


def test_modules_are_ordered_by_position_then_file_name(folder):
    folder.write("a_achtergrond.yaml", MINIMAL.format(id="a_achtergrond", item="ach_leeftijd", extra="position: 900"))
    folder.write("b_intro.yaml", MINIMAL.format(id="b_intro", item="intro_vraag", extra="position: 1"))
    folder.write("c_werk.yaml", MINIMAL.format(id="c_werk", item="werk_vraag", extra=""))
    folder.write("b_bakens.yaml", MINIMAL.format(id="b_bakens", item="bk_vraag", extra=""))
    assert [m.id for m in folder.load().modules] == ["b_intro", "b_bakens", "c_werk", "a_achtergrond"]


MINIMAL = """
    id: {id}
    title: Titel
    version: "1"
    {extra}
    pages:
      - id: p1
        title: Pagina
        items:
          - name: {item}
            type: integer
            label: Hoeveel?
"""


def test_folder_expansion_is_sorted_and_ignores_other_files(folder):
    folder.write("b.yaml", "x: 1\n")
    folder.write("a.yml", "x: 1\n")
    folder.write("notities.txt", "geen yaml\n")
    assert [p.name for p in instrument_files([folder.root])] == ["a.yml", "b.yaml"]


def test_load_instruments_raises_with_every_problem(folder):
    folder.write("een.yaml", "id: een\n")
    folder.write("twee.yaml", "- lijst\n")
    with pytest.raises(InstrumentError) as info:
        folder.load()
    codes = [p.code for p in info.value.problems]
    assert ErrorCode.MODULE_002 in codes and ErrorCode.KEY_003 in codes
    assert "twee.yaml:1: MODULE_002" in str(info.value)


def test_missing_path_is_a_problem(tmp_path):
    problems = check_paths([tmp_path / "bestaat_niet.yaml"])
    assert [p.code for p in problems] == [ErrorCode.YAML_003]


def test_problem_prints_as_file_line_code_message(folder):
    folder.write("samenwerking.yaml", VALID.replace("id: samenwerking", "id: samenwerk"))
    assert folder.messages() == [
        "samenwerking.yaml:1: MODULE_001 id 'samenwerk' moet gelijk zijn aan de bestandsnaam 'samenwerking'"
    ]


# --------------------------------------------------------------------------------------------- broken files

BROKEN = {
    "yaml_syntax": (
        """
        id: m
        title: Titel
        pages:
          - id: p1
           title: verkeerd ingesprongen
        """,
        ["m.yaml:5: YAML_001"],
    ),
    "duplicate_key": (
        """
        id: m
        title: Titel
        title: Nog een titel
        version: "1"
        pages: []
        """,
        ["m.yaml:3: YAML_002", "m.yaml:5: PAGE_003"],
    ),
    "not_a_mapping": (
        """
        - id: m
        """,
        ["m.yaml:1: MODULE_002"],
    ),
    "missing_keys_and_unquoted_version": (
        """
        id: m
        version: 2017.1
        pages:
          - id: p1
            title: Pagina
            items:
              - {name: vraag, type: text, label: Iets}
        """,
        ["m.yaml:1: KEY_003", "m.yaml:2: KEY_004"],
    ),
    "unknown_keys": (
        """
        id: m
        title: Titel
        version: "1"
        descripton: typfout
        pages:
          - id: p1
            title: Pagina
            items:
              - name: vraag
                type: integer
                label: Leeftijd
                minimum: 18
              - name: vraag2
                type: text
                label: Iets
                max: 10
        """,
        ["m.yaml:4: KEY_001", "m.yaml:12: KEY_001", "m.yaml:16: KEY_002"],
    ),
    "unknown_type_missing_label_bad_name": (
        """
        id: m
        title: Titel
        version: "1"
        pages:
          - id: p1
            title: Pagina
            items:
              - name: vraag
                type: slider
                label: Hoe?
              - name: vraag2
                type: text
              - name: Vraag3
                type: text
                label: Hoofdletter
        """,
        ["m.yaml:9: ITEM_001", "m.yaml:11: ITEM_002", "m.yaml:13: NAME_002"],
    ),
    "scales_and_choices": (
        """
        id: m
        title: Titel
        version: "1"
        scales:
          eens3:
            choices:
              1: oneens
              twee: neutraal
              3: eens
        pages:
          - id: p1
            title: Pagina
            items:
              - name: a
                type: select_one
                scale: eens5
                label: Stelling
              - name: b
                type: select_one
                label: Zonder schaal
              - name: c
                type: select_multiple
                label: Meerdere
                choices:
                  tijd: Tijd
                  Geld: Geld
                  3: Drie
                  no: Nee
        """,
        ["m.yaml:8: CHOICE_001", "m.yaml:16: REF_002", "m.yaml:18: ITEM_003",
         "m.yaml:26: CHOICE_002", "m.yaml:27: CHOICE_002", "m.yaml:28: CHOICE_002"],
    ),
    "duplicate_choice_codes_and_empty_label": (
        """
        id: m
        title: Titel
        version: "1"
        pages:
          - id: p1
            title: Pagina
            items:
              - name: a
                type: select_one
                label: Stelling
                choices:
                  1: ja
                  2:
                  1: nee
        """,
        ["m.yaml:13: CHOICE_004", "m.yaml:14: CHOICE_003"],
    ),
    "ranges": (
        """
        id: m
        title: Titel
        version: "1"
        pages:
          - id: p1
            title: Pagina
            items:
              - name: a
                type: integer
                label: Aantal
                min: 10
                max: 5
              - name: b
                type: text
                label: Tekst
                max_length: 0
              - name: c
                type: integer
                label: Aantal
                reverse: true
        """,
        ["m.yaml:12: RANGE_001", "m.yaml:16: RANGE_002", "m.yaml:20: ITEM_006"],
    ),
    "expression_syntax_and_dot": (
        """
        id: m
        title: Titel
        version: "1"
        pages:
          - id: p1
            title: Pagina
            relevant: ". > 2"
            items:
              - name: a
                type: integer
                label: Aantal
                constraint: ". >= 0 and"
              - name: b
                type: integer
                label: Aantal
                relevant: "${a} => 2"
        """,
        ["m.yaml:7: EXPR_002", "m.yaml:12: EXPR_001", "m.yaml:16: EXPR_001"],
    ),
    "expression_references": (
        """
        id: m
        title: Titel
        version: "1"
        pages:
          - id: p1
            title: Pagina
            items:
              - name: intro
                type: note
                text: Welkom
              - name: a
                type: integer
                label: Aantal
                relevant: "${gemeente} = 'zwolle' and ${team} != '' and ${onbekend} = 1"
              - name: b
                type: integer
                label: Aantal
                relevant: "${intro} = '' or selected(${a}, 'x')"
              - name: c
                type: integer
                label: Aantal
                relevant: "${c} > 1"
        """,
        ["m.yaml:14: REF_001", "m.yaml:18: EXPR_003", "m.yaml:18: REF_003", "m.yaml:22: REF_004"],
    ),
    "constructs_and_pairs": (
        """
        id: m
        title: Titel
        version: "1"
        pages:
          - id: p1
            title: Pagina
            items:
              - {name: a, type: integer, label: A}
              - {name: b, type: integer, label: B}
              - {name: t, type: text, label: T}
        constructs:
          - name: k
            label: Construct
            items: [a, t, x]
            min_items: 4
        pairs:
          - name: p
            kind: gedrag
            label: Paar
            a: a
            b: x
          - name: q
            kind: competence
            label: Paar
            a: b
            b: b
        """,
        ["m.yaml:14: CONSTRUCT_002", "m.yaml:14: CONSTRUCT_001", "m.yaml:15: CONSTRUCT_003",
         "m.yaml:18: PAIR_003", "m.yaml:21: PAIR_001", "m.yaml:26: PAIR_005"],
    ),
    "gemeenten_grid_pages": (
        """
        id: m
        title: Titel
        version: "1"
        pages:
          - id: p1
            title: Pagina
            only_gemeenten: zwolle
            items:
              - name: g
                type: yesno_grid
                label: Raster
                rows: []
                skip_gemeenten: [Zwolle Noord]
          - id: p1
            title: Dubbel
            items: []
        """,
        ["m.yaml:7: GEMEENTE_001", "m.yaml:9: GRID_001", "m.yaml:12: GRID_001", "m.yaml:13: GEMEENTE_001",
         "m.yaml:14: PAGE_001", "m.yaml:16: PAGE_002"],
    ),
    "reserved_and_generated_names": (
        """
        id: m
        title: Titel
        version: "1"
        pages:
          - id: p1
            title: Pagina
            items:
              - {name: gemeente, type: text, label: Gemeente}
              - name: k
                type: select_multiple
                label: Keuze
                other: true
                choices: {a: A, b: B}
              - {name: k_other, type: text, label: Anders}
        """,
        ["m.yaml:8: NAME_003", "m.yaml:14: NAME_001"],
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_is_reported_with_line_and_code(folder, case):
    text, expected = BROKEN[case]
    folder.write("m.yaml", text)
    assert sorted(folder.problems()) == sorted(expected)


def test_duplicate_names_across_modules(folder):
    folder.write("een.yaml", MINIMAL.format(id="een", item="leeftijd", extra=""))
    folder.write("twee.yaml", MINIMAL.format(id="twee", item="leeftijd", extra=""))
    messages = folder.messages()
    assert len(messages) == 1
    assert messages[0].startswith("twee.yaml:9: NAME_001 naam 'leeftijd' is al gebruikt in ")
    assert "een.yaml:9" in messages[0]


def test_relevant_may_refer_to_another_module(folder):
    folder.write("een.yaml", MINIMAL.format(id="een", item="leeftijd", extra=""))
    folder.write("twee.yaml", MINIMAL.format(id="twee", item="vervolg", extra="").replace(
        "label: Hoeveel?", "label: Hoeveel?\n        relevant: ${leeftijd} > 50"))
    assert folder.problems() == []


def test_construct_items_must_be_in_its_own_module(folder):
    folder.write("een.yaml", MINIMAL.format(id="een", item="leeftijd", extra=""))
    folder.write("twee.yaml", MINIMAL.format(id="twee", item="vervolg", extra="") + """
    constructs:
      - {name: k, label: K, items: [leeftijd, vervolg]}
    """)
    assert folder.problems() == ["twee.yaml:14: CONSTRUCT_004"]


def test_broken_item_does_not_cause_follow_up_reference_errors(folder):
    folder.write("m.yaml", """
        id: m
        title: Titel
        version: "1"
        pages:
          - id: p1
            title: Pagina
            items:
              - {name: a, type: slider, label: A}
              - {name: b, type: integer, label: B, relevant: "${a} > 1"}
        constructs:
          - {name: k, label: K, items: [a, b]}
        """)
    assert folder.problems() == ["m.yaml:8: ITEM_001"]


def test_empty_file_and_unreadable_encoding(folder):
    folder.write("leeg.yaml", "")
    (folder.root / "latin.yaml").write_bytes("id: caf\xe9\n".encode("latin-1"))
    assert folder.problems() == ["latin.yaml:1: YAML_003", "leeg.yaml:1: MODULE_002"]
