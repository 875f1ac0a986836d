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
