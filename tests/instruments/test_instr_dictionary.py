"""The data dictionary rows and their text rendering."""

import json

from survey_app.instruments.dictionary import dictionary_rows, render_dictionary_text

MODULE = """
    id: bakens
    title: Bakens
    version: "2017.1"
    scales:
      eens5:
        choices: {1: oneens, 2: deels oneens, 3: neutraal, 4: deels eens, 5: eens}
    pages:
      - id: baken
        title: Bakens
        only_gemeenten: [zwolle, elburg]
        relevant: "${team} != ''"
        items:
          - {name: bk_vraag, type: select_one, scale: eens5, label: Ik zoek de vraag achter de vraag.}
          - {name: bk_regie, type: select_one, scale: eens5, reverse: true, label: Ik neem de regie over.,
             skip_gemeenten: [elburg], source: reconstructed}
          - {name: bk_open, type: select_multiple, label: "Waarom?", other: true, choices: {tijd: Tijd},
             relevant: "${bk_regie} >= 4", only_gemeenten: [zwolle, ommen]}
    constructs:
      - {name: baken_1, label: Vraag achter de vraag, items: [bk_vraag, bk_regie]}
    pairs:
      - {name: bk_gap, kind: attitude, label: Vraag en regie, a: bk_vraag, b: bk_regie}
"""


def test_rows_per_variable(folder):
    folder.write("bakens.yaml", MODULE)
    rows = dictionary_rows(folder.load())
    assert [row["variable"] for row in rows] == ["bk_vraag", "bk_regie", "bk_open", "bk_open_other"]
    vraag, regie, multi, other = rows
    assert vraag["codes"][0] == {"code": 1, "label": "oneens"} and len(vraag["codes"]) == 5
    assert vraag["constructs"] == ["baken_1"] and vraag["pairs"] == ["bk_gap"] and not vraag["reverse"]
    assert regie["reverse"] and regie["source"] == "reconstructed"
    assert regie["only_gemeenten"] == ["zwolle", "elburg"] and regie["skip_gemeenten"] == ["elburg"]
    assert multi["only_gemeenten"] == ["zwolle"]
    assert multi["relevant"] == "(${team} != '') and (${bk_regie} >= 4)"
    assert multi["type"] == "select_multiple" and multi["codes"] == [{"code": "tijd", "label": "Tijd"}]
    assert other["type"] == "text" and other["item"] == "bk_open" and other["codes"] == []
    assert other["label"] == "Waarom? (anders, namelijk)"
    assert all(row["module"] == "bakens" and row["page"] == "baken" for row in rows)
    json.dumps(rows)  # JSON-ready for `flask instruments dictionary --json`


def test_text_rendering_lists_every_variable(folder):
    folder.write("bakens.yaml", MODULE)
    text = render_dictionary_text(dictionary_rows(folder.load()))
    lines = text.splitlines()
    assert lines[0].startswith("Variabele")
    assert lines[-1] == "4 variabelen"
    assert "1=oneens; 2=deels oneens" in text
    assert "omgekeerd gescoord" in text and "construct: baken_1" in text
    assert all(len(line) <= 200 for line in lines)
