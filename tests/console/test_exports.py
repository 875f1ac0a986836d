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
from survey_app.exports.spss import sav_variables
from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import AuditEvent, Response
from survey_app.services.answer_store import bump_answers_revision
from survey_app.services.invitations import create_invitations
from tests.console.conftest import TEAM_A, TEAM_B, add_responses, csrf_for, login_as

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
        assert "10 ingevulde vragenlijsten" in result.output
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
    assert list(data.columns) == ["gemeente", "team"] + [v.name for v in sav_variables(instruments)]
    numeric = [v.name for v in instruments.variables() if v.kind in ("code", "number", "yesno")]
    pd.testing.assert_frame_equal(data[numeric].reset_index(drop=True), expected[numeric], check_dtype=False)
    texts = [v.name for v in instruments.variables() if v.kind == "text"] + ["gemeente", "team"]
    for name in texts:
        assert list(data[name]) == [("" if pd.isna(v) else v) for v in expected[name]], name
    item = next(v for v in instruments.variables() if v.kind == "code")
    assert meta.variable_value_labels[item.name] == {float(c.code): c.label for c in item.choices}
    assert meta.column_names_to_labels[item.name] == item.label
    yesno = next(v for v in instruments.variables() if v.kind == "yesno")
    assert meta.variable_value_labels[yesno.name] == {1.0: "ja", 0.0: "nee"}
    multiple = next(v for v in instruments.variables() if v.kind == "codes")
    assert multiple.name not in data.columns  # one 0/1 variable per option instead of a string of codes
    assert meta.column_names_to_labels["team"] == "Team"


def test_sav_measures_follow_the_measurement_level(exported):
    paths, _ = exported
    _, meta = pyreadstat.read_sav(str(paths["sav"]), metadataonly=True)
    measure = meta.variable_measure
    assert measure["ag_geslacht"] == "nominal" and measure["ag_functie"] == "nominal"
    assert measure["ag_opleiding"] == "nominal" and measure["wb_zwolle_innovatiebudget_gebruikt"] == "nominal"
    assert measure["bk_vraag_centraal"] == "ordinal" and measure["ag_jaren_team"] == "ordinal"
    assert measure["ag_leeftijd"] == "scale" and measure["tc_nieuwsgierig_beschik"] == "scale"
    assert measure["nw_werkzaamheden_casemanager_doen"] == "nominal" and measure["sw_verbeteren_op_pad"] == "nominal"
    assert measure["gemeente"] == measure["team"] == measure["open_nodig_team"] == "nominal"


def test_sav_multiple_choice_is_a_dichotomy_set(world, runner, tmp_path):
    unanswered = db.session.scalars(select(Response).where(Response.wave_id == world.wave.id)).first()
    unanswered.answers = {k: v for k, v in unanswered.answers.items() if k != "sw_verbeteren"}
    bump_answers_revision(world.wave.id)
    db.session.commit()
    path = tmp_path / "out.sav"
    assert runner.invoke(args=["export", "2017", "--format", "sav", "--out", str(path)]).exit_code == 0
    expected = anonymous_frame(world.wave, wave_instruments(world.wave))
    data, meta = pyreadstat.read_sav(str(path))
    item = wave_instruments(world.wave).item("sw_verbeteren")
    options = [f"sw_verbeteren_{c.code}" for c in item.scale.choices]
    for row, answer in enumerate(expected["sw_verbeteren"]):
        chosen = set(answer.split()) if isinstance(answer, str) and answer.strip() else None
        values = data.loc[row, options].tolist()
        if chosen is None:  # not answered: missing for every option, not 0
            assert all(pd.isna(v) for v in values), row
        else:
            assert values == [float(c.code in chosen) for c in item.scale.choices], row
    assert expected["sw_verbeteren"].isna().any() and not expected["sw_verbeteren"].isna().all()
    assert meta.variable_value_labels["sw_verbeteren_op_pad"] == {1.0: "gekozen", 0.0: "niet gekozen"}
    assert meta.column_names_to_labels["sw_verbeteren_op_pad"].startswith("samen met een collega op pad te gaan – ")
    assert "sw_verbeteren_other" in data.columns
    syntax = " ".join(" ".join(meta.notes).split())
    assert "MRSETS /MDGROUP NAME=$sw_verbeteren CATEGORYLABELS=VARLABELS VARIABLES=sw_verbeteren_op_pad" in syntax
    assert all(len(line.encode()) <= 80 for line in meta.notes)


def test_sav_string_widths_come_from_the_instrument(exported):
    paths, _ = exported
    _, meta = pyreadstat.read_sav(str(paths["sav"]), metadataonly=True)
    types = meta.original_variable_types
    assert types["gemeente"] == types["team"] == "A64"
    assert types["open_nodig_team"] == "A12000"  # textarea: 4000 characters of up to 3 bytes
    assert types["sw_verbeteren_other"] == "A600" and types["ag_functie_anders"] == "A600"


def test_sav_files_of_two_waves_merge_without_losing_variables(world, runner, tmp_path):
    add_responses(world.closed, TEAM_B, 5, seed=9)
    add_responses(world.closed, "team-doeth", 3, seed=4)
    paths = {}
    for wave in ("2016", "2017"):
        paths[wave] = tmp_path / f"{wave}.sav"
        result = runner.invoke(args=["export", wave, "--format", "sav", "--out", str(paths[wave])])
        assert result.exit_code == 0, result.output
    frames, metas = zip(*(pyreadstat.read_sav(str(paths[w])) for w in ("2016", "2017")), strict=True)
    assert metas[0].original_variable_types == metas[1].original_variable_types  # same name, type and width
    merged = pd.concat([frames[0].assign(meting=2016.0), frames[1].assign(meting=2017.0)], ignore_index=True)
    out = tmp_path / "samen.sav"
    pyreadstat.write_sav(merged, str(out), variable_measure={**metas[1].variable_measure, "meting": "nominal"},
                         variable_value_labels=metas[1].variable_value_labels)
    data, meta = pyreadstat.read_sav(str(out))
    assert list(data.columns) == list(frames[1].columns) + ["meting"]
    assert len(data) == len(frames[0]) + len(frames[1]) == 8 + 10
    assert meta.variable_measure["ag_geslacht"] == "nominal"
    texts = [name for name, kind in metas[1].readstat_variable_types.items() if kind == "string"]
    assert texts and all(name in data.columns for name in texts)


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
