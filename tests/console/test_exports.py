"""Exports: the same anonymous values in every format, labels in SPSS, no token and no date anywhere."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import openpyxl
import pandas as pd
import pyreadstat
import pytest
from sqlalchemy import select

from survey_app.exports.frame import anonymous_frame, export_columns
from survey_app.exports.labels import MAX_VALUE_LABEL, MAX_VARIABLE_LABEL, truncate_bytes
from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import AuditEvent, Response
from survey_app.services.invitations import create_invitations
from tests.console.conftest import TEAM_A, csrf_for, login_as

DATE = re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b|\b\d\d-\d\d-(19|20)\d\d\b")


@pytest.fixture
def exported(world, runner, tmp_path):
    """The 2017 wave exported with the CLI in all three formats, plus tokens that exist for it."""
    tokens = create_invitations(world.wave, TEAM_A, 3)
    db.session.commit()
    paths = {}
    for fmt in ("csv", "xlsx", "sav"):
        paths[fmt] = tmp_path / f"out.{fmt}"
        result = runner.invoke(args=["export", "2017", "--format", fmt, "--out", str(paths[fmt])])
        assert result.exit_code == 0, result.output
        assert "10 responses" in result.output
    return paths, tokens


def test_frame_has_only_gemeente_team_and_variables(world):
    instruments = wave_instruments(world.wave)
    frame = anonymous_frame(world.wave, instruments)
    assert list(frame.columns) == export_columns(instruments)
    assert list(frame.columns[:2]) == ["gemeente", "team"]
    assert len(frame) == 10
    response_ids = set(db.session.scalars(select(Response.id)))
    assert not response_ids & set(map(str, frame.to_numpy().ravel()))


def test_sav_reads_back_with_values_and_labels(world, exported):
    paths, _ = exported
    instruments = wave_instruments(world.wave)
    expected = anonymous_frame(world.wave, instruments)
    data, meta = pyreadstat.read_sav(str(paths["sav"]))
    assert list(data.columns) == list(expected.columns)
    numeric = [v.name for v in instruments.variables() if v.kind in ("code", "number", "yesno")]
    pd.testing.assert_frame_equal(data[numeric].reset_index(drop=True), expected[numeric], check_dtype=False)
    texts = [v.name for v in instruments.variables() if v.kind in ("codes", "text")] + ["gemeente", "team"]
    for name in texts:
        assert list(data[name]) == [("" if pd.isna(v) else v) for v in expected[name]], name
    item = next(v for v in instruments.variables() if v.kind == "code")
    assert meta.variable_value_labels[item.name] == {float(c.code): c.label for c in item.choices}
    assert meta.column_names_to_labels[item.name] == item.label
    yesno = next(v for v in instruments.variables() if v.kind == "yesno")
    assert meta.variable_value_labels[yesno.name] == {1.0: "ja", 0.0: "nee"}
    multiple = next(v for v in instruments.variables() if v.kind == "codes")
    assert meta.readstat_variable_types[multiple.name] == "string"
    assert meta.column_names_to_labels["team"] == "Team"


def test_labels_are_cut_to_spss_limits_without_breaking_characters():
    assert truncate_bytes("é" * 200, MAX_VARIABLE_LABEL) == "é" * 128
    assert len(truncate_bytes("ë" * 100, MAX_VALUE_LABEL).encode()) <= MAX_VALUE_LABEL
    assert truncate_bytes("kort", MAX_VALUE_LABEL) == "kort"


def test_xlsx_has_answers_and_dictionary(world, exported):
    paths, _ = exported
    book = openpyxl.load_workbook(paths["xlsx"])
    assert book.sheetnames == ["Antwoorden", "Woordenboek"]
    header = [c.value for c in book["Antwoorden"][1]]
    assert header == export_columns(wave_instruments(world.wave))
    assert book["Antwoorden"].max_row == 11
    dictionary = [[c.value for c in row] for row in book["Woordenboek"].iter_rows()]
    assert dictionary[0][0] == "Variabele"
    assert [row[0] for row in dictionary[1:]] == header[2:]


def test_csv_is_the_importable_wide_shape(world, exported, runner):
    paths, _ = exported
    rows = list(csv.DictReader(io.StringIO(paths["csv"].read_text(encoding="utf-8-sig"))))
    assert len(rows) == 10 and list(rows[0])[:2] == ["gemeente", "team"]
    result = runner.invoke(args=["responses", "import", "2016", str(paths["csv"])])
    assert result.exit_code == 0, result.output
    again = anonymous_frame(world.closed, wave_instruments(world.closed))
    original = anonymous_frame(world.wave, wave_instruments(world.wave))
    key = list(original.columns)
    pd.testing.assert_frame_equal(again.sort_values(key[:6]).reset_index(drop=True),
                                  original.sort_values(key[:6]).reset_index(drop=True))


def _all_text(paths) -> str:
    texts = [paths["csv"].read_text(encoding="utf-8-sig")]
    book = openpyxl.load_workbook(paths["xlsx"])
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert not isinstance(cell.value, dt.date | dt.datetime), (sheet.title, cell.coordinate)
                texts.append("" if cell.value is None else str(cell.value))
    data, meta = pyreadstat.read_sav(str(paths["sav"]))
    assert not any(fmt.startswith(("DATE", "ADATE", "EDATE", "SDATE", "DATETIME", "TIME"))
                   for fmt in meta.original_variable_types.values())
    texts.append(data.to_csv())
    return "\n".join(texts)


def test_no_export_contains_a_token_or_a_date(world, exported):
    paths, tokens = exported
    text = _all_text(paths)
    for token in tokens:
        assert token not in text
    for raw in (paths["sav"].read_bytes(), paths["xlsx"].read_bytes()):
        assert not any(token.encode() in raw for token in tokens)
    assert not DATE.search(text)
    assert str(dt.date.today()) not in text


def test_console_download_is_audited(client, world):
    login_as(client, world.researcher)
    page = client.get(f"/console/golven/{world.wave.name}")
    response = client.post(f"/console/golven/{world.wave.name}/export",
                           data={"csrf_token": csrf_for(page), "fmt": "sav"})
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="2017-antwoorden.sav"'
    assert response.data[:4] == b"$FL2"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export"))
    assert event.email == world.researcher.email and "sav" in event.detail


def test_teamleider_cannot_export(client, world):
    login_as(client, world.teamleider)
    assert client.post(f"/console/golven/{world.wave.name}/export", data={"fmt": "csv"}).status_code in (400, 403)
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export")) is None
