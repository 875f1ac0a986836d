"""Every shipped module survives YAML -> XLSForm -> YAML, and pyxform turns its export into an ODK XForm."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from survey_app.instruments.dictionary import dictionary_rows
from survey_app.instruments.loader import instrument_files, load_module
from survey_app.instruments.model import InstrumentSet
from survey_app.instruments.xlsform.exporter import export_xlsform
from survey_app.instruments.xlsform.importer import import_xlsform
from survey_app.instruments.xlsform.yaml_writer import dump_module

SHIPPED = instrument_files([Path(__file__).parents[2] / "instruments"])


def _without_lines(value):
    """A module's dataclasses as plain tuples, without the line numbers and path that differ per file."""
    if dataclasses.is_dataclass(value):
        return tuple((f.name, _without_lines(getattr(value, f.name))) for f in dataclasses.fields(value)
                     if f.name not in ("line", "path"))
    if isinstance(value, list | tuple):
        return tuple(_without_lines(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _without_lines(v)) for k, v in value.items()))
    return value


def _round_trip(path: Path, folder: Path):
    module, problems = load_module(path)
    assert problems == []
    workbook = folder / f"{module.id}.xlsx"
    export_xlsform(module, workbook)
    data, skipped = import_xlsform(workbook, module.id)
    assert skipped == []
    again_path = folder / f"{module.id}.yaml"
    again_path.write_text(dump_module(data), encoding="utf-8")
    again, problems = load_module(again_path)
    assert [str(p) for p in problems] == []
    return module, again, workbook


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_round_trip_keeps_the_data_dictionary_and_every_field(tmp_path, path):
    module, again, _ = _round_trip(path, tmp_path)
    assert dictionary_rows(InstrumentSet((again,))) == dictionary_rows(InstrumentSet((module,)))
    assert _without_lines(again) == _without_lines(module)


def test_shipped_modules_are_all_covered():
    assert len(SHIPPED) >= 9


@pytest.mark.parametrize("name", ["nieuwe_werken", "samenwerking", "transitiecompetenties"])
def test_pyxform_converts_an_export_into_an_xform(tmp_path, name):
    xls2xform = pytest.importorskip("pyxform.xls2xform")
    module, problems = load_module(Path(__file__).parents[2] / "instruments" / f"{name}.yaml")
    assert problems == []
    workbook = tmp_path / f"{name}.xlsx"
    export_xlsform(module, workbook)
    result = xls2xform.convert(xlsform=str(workbook))
    assert result.warnings == []
    assert f'<data id="{name}"' in result.xform
    for item in module.items:
        assert f"/{item.name}" in result.xform


EVERY_KEY = """\
id: alles
title: Alle sleutels
version: "3"
position: 7
description: Een module met elke sleutel die de export moet bewaren.
scales:
  eens3:
    label: Instemming
    choices: {1: oneens, 2: neutraal, 3: eens}
pages:
  - id: eerste
    title: Eerste pagina
    intro: Inleiding.
    relevant: "${gemeente} != 'elburg'"
    skip_gemeenten: [ommen]
    items:
      - {name: al_stelling, type: select_one, scale: eens3, label: Stelling, reverse: true, source: reconstructed}
      - name: al_leeftijd
        type: integer
        label: Leeftijd
        min: 16
        max: 75
        constraint: ". != 40"
        constraint_message: Geen veertig
        required: true
        required_message: Vul uw leeftijd in
        only_gemeenten: [zwolle, ommen]
      - {name: al_cijfer, type: rating, label: Cijfer, min: 0, max: 5, min_label: slecht, max_label: goed}
      - {name: al_uitleg, type: textarea, label: Uitleg, max_length: 500, relevant: "${al_cijfer} < 3"}
      - {name: al_kort, type: text, label: Kort, max_length: 20}
      - {name: al_bedrag, type: decimal, label: Bedrag, min: 0.5}
      - {name: al_keuze, type: select_one, label: Keuze, choices: {1: a, 2: b}}
      - name: al_redenen
        type: select_multiple
        label: Redenen
        choices: {tijd: Tijd, geld: Geld}
        other: true
        constraint: "count-selected(.) < 2"
      - {name: al_noot, type: note, text: Een notitie., hint: Klein.}
      - name: al_raster
        type: yesno_grid
        label: Raster
        required: true
        rows: [{name: a, label: Rij A}, {name: b, label: Rij B}]
        columns: [{name: x, label: Kolom X}, {name: y, label: Kolom Y}]
constructs:
  - {name: al_construct, label: Construct, items: [al_stelling, al_leeftijd], min_items: 1}
pairs:
  - {name: al_paar, kind: attitude, label: Paar, a: al_stelling, b: al_cijfer}
"""


def test_round_trip_keeps_every_key_of_the_format(tmp_path):
    source = tmp_path / "bron"
    source.mkdir()
    (source / "alles.yaml").write_text(EVERY_KEY, encoding="utf-8")
    module, again, workbook = _round_trip(source / "alles.yaml", tmp_path)
    assert _without_lines(again) == _without_lines(module)
    xls2xform = pytest.importorskip("pyxform.xls2xform")
    xform = xls2xform.convert(xlsform=str(workbook)).xform
    assert 'constraint="(. != 40) and (. &gt;= 16 and . &lt;= 75)"' in xform  # ODK checks the range as well
    assert "<gemeente/>" in xform  # hidden: the invitation's gemeente, referenced by the page
