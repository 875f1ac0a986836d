"""Downloads from the browser open in Dutch Excel (semicolons, BOM, Dutch headers, decimal commas); the CLI
files of the firm contracts keep their commas; and every importer reads back what the platform exported."""

from __future__ import annotations

import csv
import io

import pandas as pd

from survey_app import csv_safety
from survey_app.exports.frame import anonymous_frame
from survey_app.instrument_registry import wave_instruments
from tests.console.conftest import TEAM_A, csrf_for, login_as

BOM = b"\xef\xbb\xbf"


def _rows(data: bytes, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_excel_rows_use_semicolons_decimal_commas_and_stay_safe():
    data = csv_safety.excel_csv_bytes([["naam", "waarde"], ["=1+1", 4.5], ["één", 3], ["x", -2.0]])
    assert data.startswith(BOM)
    assert data.decode("utf-8-sig").splitlines() == ["naam;waarde", "'=1+1;4,5", "één;3", "x;-2"]


def test_personal_links_download_has_dutch_headers_for_excel(client, world):
    login_as(client, world.researcher)
    token = csrf_for(client.get("/console/golven/2017"))
    response = client.post(f"/console/golven/2017/teams/{TEAM_A}/uitnodigingen",
                           data={"csrf_token": token, "count": "2"})
    assert response.data.startswith(BOM)
    rows = _rows(response.data, ";")
    assert rows[0] == ["golf", "team", "link"] and len(rows) == 3 and all(len(row) == 3 for row in rows)


def test_cli_invitation_file_keeps_the_documented_columns(world, runner, tmp_path):
    out = tmp_path / "links.csv"
    result = runner.invoke(args=["wave", "invite", "2017", "--team", TEAM_A, "--count", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == "wave,team,link"


def _download(client, world, fmt: str) -> bytes:
    login_as(client, world.researcher)
    page = client.get(f"/console/golven/{world.wave.name}")
    response = client.post(f"/console/golven/{world.wave.name}/export", data={"csrf_token": csrf_for(page),
                                                                               "fmt": fmt})
    assert response.status_code == 200
    return response.data


def test_answers_download_is_for_excel_and_reimports_unchanged(client, world, runner, tmp_path):
    data = _download(client, world, "csv")
    assert data.startswith(BOM)
    rows = _rows(data, ";")
    assert rows[0][:2] == ["gemeente", "team"] and len(rows) == 11
    path = tmp_path / "gedownload.csv"
    path.write_bytes(data)
    result = runner.invoke(args=["responses", "import", "2016", str(path)])
    assert result.exit_code == 0, result.output
    again = anonymous_frame(world.closed, wave_instruments(world.closed))
    original = anonymous_frame(world.wave, wave_instruments(world.wave))
    key = list(original.columns)[:6]
    pd.testing.assert_frame_equal(again.sort_values(key).reset_index(drop=True),
                                  original.sort_values(key).reset_index(drop=True))


def test_cli_answers_file_keeps_commas(world, runner, tmp_path):
    out = tmp_path / "antwoorden.csv"
    assert runner.invoke(args=["export", "2017", "--format", "csv", "--out", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8-sig").splitlines()[0].startswith("gemeente,team,")


def test_dictionary_download_has_dutch_headers_in_columns(client, world):
    rows = _rows(_download(client, world, "woordenboek"), ";")
    assert rows[0][:3] == ["Variabele", "Item", "Module"] and all(len(row) == len(rows[0]) for row in rows)
