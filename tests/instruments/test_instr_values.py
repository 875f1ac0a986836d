"""Raw answers to stored values and back, constraints and required items."""

import pytest

from survey_app.instruments.values import (
    ValueProblem,
    check_constraint,
    check_required,
    format_number,
    format_value,
    parse_value,
    variable_index,
)

MODULE = """
    id: waarden
    title: Waarden
    version: "1"
    scales:
      eens5:
        choices: {1: oneens, 2: deels oneens, 3: neutraal, 4: deels eens, 5: eens}
    pages:
      - id: p1
        title: Pagina
        items:
          - {name: stelling, type: select_one, scale: eens5, label: Stelling, required: true}
          - name: knelpunt
            type: select_multiple
            label: Knelpunten
            other: true
            required: true
            choices: {tijd: Tijd, geld: Geld, regels: Regels}
          - {name: leeftijd, type: integer, label: Leeftijd, min: 18, max: 70}
          - {name: uren, type: decimal, label: Uren per week, min: 0, max: 40.5}
          - {name: cijfer, type: rating, label: Cijfer, constraint: ". >= ${minimum}",
             constraint_message: Minstens het minimum.}
          - {name: minimum, type: integer, label: Minimum, required: true, required_message: Vul het minimum in}
          - {name: toelichting, type: text, label: Toelichting, max_length: 10}
          - name: werk
            type: yesno_grid
            label: Werk
            required: true
            rows: [{name: huisbezoek, label: Huisbezoek}]
            columns: [{name: doe, label: Doe ik}, {name: kan, label: Kan ik}]
          - {name: vrij, type: integer, label: Vrij, constraint: ". mod 2 = 0"}
"""


@pytest.fixture
def index(folder):
    folder.write("waarden.yaml", MODULE)
    return variable_index(folder.load())


def parse(index, variable, raw):
    item, var = index[variable]
    return parse_value(item, var, raw)


@pytest.mark.parametrize(
    ("variable", "raw", "expected"),
    [
        ("stelling", "3", 3),
        ("stelling", " 5 ", 5),
        ("stelling", "4.0", 4),
        ("stelling", "", None),
        ("stelling", None, None),
        ("knelpunt", "regels tijd", "tijd regels"),
        ("knelpunt", "geld", "geld"),
        ("knelpunt", "  tijd   geld ", "tijd geld"),
        ("knelpunt_other", " minder papier ", "minder papier"),
        ("leeftijd", "18", 18),
        ("leeftijd", "70", 70),
        ("uren", "4,5", 4.5),
        ("uren", "40.5", 40.5),
        ("uren", "0", 0.0),
        ("cijfer", "10", 10),
        ("toelichting", "kort", "kort"),
        ("werk_huisbezoek_doe", "1", 1),
        ("werk_huisbezoek_kan", "0", 0),
    ],
)
def test_valid_raw_values(index, variable, raw, expected):
    value = parse(index, variable, raw)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(
    ("variable", "raw", "message"),
    [
        ("stelling", "7", "ongeldige code '7'; toegestaan: 1, 2, 3, 4, 5"),
        ("stelling", "eens", "ongeldige code 'eens'; toegestaan: 1, 2, 3, 4, 5"),
        ("stelling", "2,5", "ongeldige code '2,5'; toegestaan: 1, 2, 3, 4, 5"),
        ("knelpunt", "tijd reizen", "ongeldige code 'reizen'; toegestaan: tijd, geld, regels"),
        ("knelpunt", "tijd tijd", "code 'tijd' staat er meer dan een keer in"),
        ("leeftijd", "17", "17 valt buiten het bereik; toegestaan: van 18 tot en met 70"),
        ("leeftijd", "30,5", "'30,5' is geen geheel getal"),
        ("leeftijd", "dertig", "'dertig' is geen geheel getal"),
        ("uren", "41", "41 valt buiten het bereik; toegestaan: van 0 tot en met 40,5"),
        ("uren", "4,5,6", "'4,5,6' is geen getal (gebruik bijvoorbeeld 4,5)"),
        ("uren", "1e3", "'1e3' is geen getal (gebruik bijvoorbeeld 4,5)"),
        ("cijfer", "11", "11 valt buiten het bereik; toegestaan: van 1 tot en met 10"),
        ("cijfer", "0", "0 valt buiten het bereik; toegestaan: van 1 tot en met 10"),
        ("toelichting", "veel te lange tekst", "tekst is te lang (19 tekens; maximaal 10)"),
        ("werk_huisbezoek_doe", "ja", "ongeldige waarde 'ja'; toegestaan: 1 (ja), 0 (nee)"),
    ],
)
def test_invalid_raw_values_name_what_is_allowed(index, variable, raw, message):
    with pytest.raises(ValueProblem) as info:
        parse(index, variable, raw)
    assert info.value.message == message


@pytest.mark.parametrize(
    ("variable", "value", "text"),
    [("stelling", 3, "3"), ("knelpunt", "tijd geld", "tijd geld"), ("uren", 4.5, "4,5"), ("uren", 4.0, "4"),
     ("leeftijd", None, ""), ("werk_huisbezoek_doe", 0, "0"), ("knelpunt_other", "anders", "anders")],
)
def test_format_value_round_trips(index, variable, value, text):
    item, var = index[variable]
    assert format_value(var, value) == text
    assert parse_value(item, var, text) == value


def test_format_number_uses_a_decimal_comma():
    assert format_number(4.25) == "4,25"
    assert format_number(12.0) == "12"


def test_check_constraint_uses_other_answers_and_custom_message(index):
    cijfer, _ = index["cijfer"]
    assert check_constraint(cijfer, 6, {"minimum": 5}, "zwolle", "zwolle-noord") is None
    assert check_constraint(cijfer, 4, {"minimum": 5}, "zwolle", "zwolle-noord") == "Minstens het minimum."
    assert check_constraint(cijfer, None, {"minimum": 5}, "zwolle", "zwolle-noord") is None


def test_check_constraint_default_message(index):
    vrij, _ = index["vrij"]
    assert check_constraint(vrij, 4, {}, None, None) is None
    assert check_constraint(vrij, 3, {}, None, None) == "dit antwoord is niet toegestaan"


def test_check_required(index):
    stelling, _ = index["stelling"]
    knelpunt, _ = index["knelpunt"]
    werk, _ = index["werk_huisbezoek_doe"]
    leeftijd, _ = index["leeftijd"]
    assert check_required(stelling, {"stelling": 2}) is None
    assert check_required(stelling, {"stelling": None}) == "deze vraag is verplicht"
    assert check_required(knelpunt, {"knelpunt": "tijd"}) is None  # "anders, namelijk" is never required
    assert check_required(knelpunt, {"knelpunt": ""}) == "deze vraag is verplicht"
    assert check_required(werk, {"werk_huisbezoek_doe": 1}) == "deze vraag is verplicht"
    assert check_required(werk, {"werk_huisbezoek_doe": 1, "werk_huisbezoek_kan": 0}) is None
    assert check_required(leeftijd, {}) is None
    minimum, _ = index["minimum"]
    assert check_required(minimum, {}) == "Vul het minimum in"  # the item's own required_message
