"""Measurement levels: declared on an item or a scale, derived from the type otherwise, and checked."""

import json

import pytest
from click.testing import CliRunner

from survey_app.instrument_registry import current_instruments
from survey_app.instruments.dictionary import dictionary_rows, render_dictionary_text
from survey_app.instruments.model import Level

MODULE = """
    id: levels
    title: Meetniveaus
    version: "1"
    scales:
      eens5:
        choices: {1: oneens, 2: deels oneens, 3: neutraal, 4: deels eens, 5: eens}
      janee:
        choices: {1: ja, 2: nee, 3: weet ik niet}
      kleur:
        level: nominal
        choices: {1: rood, 2: groen, 3: blauw}
    pages:
      - id: p
        title: P
        items:
          - {name: stelling, type: select_one, scale: eens5, label: Stelling}
          - {name: janee, type: select_one, scale: janee, label: Ja of nee}
          - {name: kleur, type: select_one, scale: kleur, label: Kleur}
          - {name: kleur_geordend, type: select_one, scale: kleur, level: ordinal, label: Kleur op volgorde}
          - {name: geslacht, type: select_one, choices: {1: man, 2: vrouw}, label: Geslacht}
          - {name: functie, type: select_one, choices: {1: medewerker, 2: leider, 3: "anders, namelijk"},
             label: Functie}
          - {name: cijfer, type: rating, label: Cijfer}
          - {name: klasse, type: integer, level: ordinal, label: Klasse}
          - {name: redenen, type: select_multiple, choices: {tijd: Tijd}, other: true, label: Redenen}
          - {name: toelichting, type: text, label: Toelichting}
          - name: rooster
            type: yesno_grid
            label: Rooster
            rows: [{name: a, label: A}]
            columns: [{name: doen, label: Doen}]
"""


def levels(folder) -> dict[str, Level | None]:
    return {v.name: v.level for v in folder.load().variables()}


def test_declared_and_derived_levels(folder):
    folder.write("levels.yaml", MODULE)
    assert levels(folder) == {
        "stelling": Level.ORDINAL,            # an ordered scale of five
        "janee": Level.NOMINAL,               # "weet ik niet" has no place in an order
        "kleur": Level.NOMINAL,               # declared on the scale
        "kleur_geordend": Level.ORDINAL,      # the item's own level wins over its scale's
        "geslacht": Level.NOMINAL,            # two categories
        "functie": Level.NOMINAL,             # "anders, namelijk"
        "cijfer": Level.INTERVAL,
        "klasse": Level.ORDINAL,
        "redenen": Level.NOMINAL,
        "redenen_other": None,
        "toelichting": None,
        "rooster_a_doen": Level.NOMINAL,
    }


@pytest.mark.parametrize(("line", "expected"), [
    ("{name: x, type: select_one, scale: eens5, level: ratio, label: X}", "LEVEL_001"),
    ("{name: x, type: select_one, scale: eens5, level: 3, label: X}", "LEVEL_001"),
    ("{name: x, type: select_multiple, choices: {a: A}, level: ordinal, label: X}", "KEY_002"),
    ("{name: x, type: select_one, scale: eens5, level: nominal, reverse: true, label: X}", "LEVEL_002"),
])
def test_bad_levels_are_reported_with_a_stable_code(folder, line, expected):
    folder.write("bad.yaml", f"""
        id: bad
        title: Fout
        version: "1"
        scales:
          eens5:
            choices: {{1: oneens, 2: neutraal, 3: eens}}
        pages:
          - id: p
            title: P
            items:
              - {line}
    """)
    assert folder.problems() == [f"bad.yaml:11: {expected}"]


def test_scale_level_is_validated_and_nominal_items_cannot_make_a_score(folder):
    folder.write("bad.yaml", """
        id: bad
        title: Fout
        version: "1"
        scales:
          soort:
            level: categorical
            choices: {1: a, 2: b, 3: c}
        pages:
          - id: p
            title: P
            items:
              - {name: x, type: select_one, choices: {1: man, 2: vrouw}, label: X}
              - {name: y, type: select_one, scale: soort, label: Y}
        constructs:
          - {name: score, label: Score, items: [x, y]}
    """)
    messages = folder.messages()
    assert messages[0].startswith("bad.yaml:6: LEVEL_001 meetniveau (level) 'categorical' is ongeldig")
    assert messages[1].startswith("bad.yaml:15: LEVEL_003 'score': vraag 'x' is nominaal")
    assert len(messages) == 2


def test_dictionary_shows_the_level(folder):
    folder.write("levels.yaml", MODULE)
    rows = {row["variable"]: row for row in dictionary_rows(folder.load())}
    assert rows["geslacht"]["level"] == "nominal" and rows["stelling"]["level"] == "ordinal"
    assert rows["toelichting"]["level"] is None
    json.dumps(list(rows.values()))
    text = render_dictionary_text(list(rows.values()))
    assert text.splitlines()[0].split()[:3] == ["Variabele", "Type", "Meetniveau"]
    line = next(line for line in text.splitlines() if line.startswith("geslacht "))
    assert "nominaal" in line


def test_shipped_instruments_declare_the_nominal_background_questions(app):
    with app.app_context():
        variables = {v.name: v.level for v in current_instruments().variables()}
    for name in ("ag_geslacht", "ag_functie", "ag_opleiding", "wb_zwolle_innovatiebudget_gebruikt",
                 "nw_werkzaamheden_casemanager_doen", "sw_verbeteren"):
        assert variables[name] == Level.NOMINAL, name
    assert variables["bk_vraag_centraal"] == Level.ORDINAL
    assert variables["ag_jaren_team"] == Level.ORDINAL
    assert variables["ag_leeftijd"] == Level.INTERVAL and variables["tc_nieuwsgierig_beschik"] == Level.INTERVAL


def test_dictionary_command_prints_levels_as_json(app):
    from survey_app.cli.instruments import group

    with app.app_context():
        result = CliRunner().invoke(group, ["dictionary", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["variable"]: row for row in json.loads(result.output)}
    assert rows["ag_geslacht"]["level"] == "nominal"
