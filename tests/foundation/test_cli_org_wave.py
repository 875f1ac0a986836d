"""The firm CLI contract: org load, wave create/open/close/invite, with all-or-nothing bad input."""

from __future__ import annotations

import csv

from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.models import Gemeente, Invitation, Team, Wave, WaveStatus
from survey_app.services.tokens import hash_token


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_org_load_creates_gemeenten_and_teams(runner, tmp_path):
    path = tmp_path / "org.csv"
    path.write_text("gemeente,team,label\nzwolle,zwolle-noord,Sociaal wijkteam Noord\nelburg,team-doeth,Team Doe'th\n")
    result = runner.invoke(args=["org", "load", str(path)])
    assert result.exit_code == 0, result.output
    assert count(Gemeente) == 2 and count(Team) == 2
    assert db.session.scalar(select(Gemeente.label).where(Gemeente.slug == "zwolle")) == "Zwolle"


def test_org_load_accepts_semicolons_and_updates_labels(runner, tmp_path):
    path = tmp_path / "org.csv"
    path.write_text("gemeente;team;label\nzwolle;zwolle-noord;Noord\n")
    assert runner.invoke(args=["org", "load", str(path)]).exit_code == 0
    path.write_text("gemeente;team;label\nzwolle;zwolle-noord;Wijkteam Noord\n")
    assert runner.invoke(args=["org", "load", str(path)]).exit_code == 0
    assert db.session.scalar(select(Team.label)) == "Wijkteam Noord"


def test_org_load_bad_rows_name_line_and_column_and_write_nothing(runner, tmp_path):
    path = tmp_path / "org.csv"
    path.write_text("gemeente,team,label\nzwolle,zwolle-noord,Noord\nZwolle,Zwolle Zuid,Zuid\n")
    result = runner.invoke(args=["org", "load", str(path)])
    assert result.exit_code == 1
    assert f"{path}:3: kolom 'gemeente'" in result.output
    assert f"{path}:3: kolom 'team'" in result.output
    assert count(Team) == 0 and count(Gemeente) == 0


def test_org_load_refuses_wrong_encoding(runner, tmp_path):
    path = tmp_path / "org.csv"
    path.write_bytes("gemeente,team,label\nelburg,team-doeth,Team Doe’th één\n".encode("cp1252"))
    result = runner.invoke(args=["org", "load", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2:" in result.output and "UTF-8" in result.output
    assert count(Team) == 0


def test_org_load_unknown_column(runner, tmp_path):
    path = tmp_path / "org.csv"
    path.write_text("gemeente,team,label,kleur\nzwolle,zwolle-noord,Noord,rood\n")
    result = runner.invoke(args=["org", "load", str(path)])
    assert result.exit_code == 1 and "kolom 'kleur'" in result.output


def test_wave_create_open_close(runner, create_org, tmp_path):
    create_org({"zwolle": ["zwolle-noord", "zwolle-zuid"]})
    headcounts = tmp_path / "hc.csv"
    headcounts.write_text("team,invited\nzwolle-noord,23\nzwolle-zuid,22\n")
    result = runner.invoke(args=["wave", "create", "2017", "--instruments", "samenwerking,bakens",
                                 "--headcounts", str(headcounts)])
    assert result.exit_code == 0, result.output
    wave = db.session.scalar(select(Wave))
    assert wave.module_ids == ["samenwerking", "bakens"]
    assert sorted(p.headcount for p in wave.teams) == [22, 23]
    assert runner.invoke(args=["wave", "open", "2017"]).exit_code == 0
    db.session.refresh(wave)
    assert wave.status == WaveStatus.OPEN
    assert runner.invoke(args=["wave", "close", "2017"]).exit_code == 0
    db.session.refresh(wave)
    assert wave.status == WaveStatus.CLOSED


def test_wave_create_rejects_unknown_module_and_team(runner, create_org, tmp_path):
    create_org({"zwolle": ["zwolle-noord"]})
    headcounts = tmp_path / "hc.csv"
    headcounts.write_text("team,invited\nzwolle-west,4\n")
    result = runner.invoke(args=["wave", "create", "2017", "--instruments", "samenwerking,bestaatniet",
                                 "--headcounts", str(headcounts)])
    assert result.exit_code == 1
    assert f"{headcounts}:2: kolom 'team': onbekend team 'zwolle-west'" in result.output
    result = runner.invoke(args=["wave", "create", "2017", "--instruments", "samenwerking,bestaatniet"])
    assert "onbekende module 'bestaatniet'" in result.output
    assert count(Wave) == 0


def test_wave_invite_writes_links_and_stores_only_hashes(runner, create_open_wave, tmp_path):
    create_open_wave(modules=["samenwerking"])
    out = tmp_path / "links.csv"
    result = runner.invoke(args=["wave", "invite", "2017", "--team", "zwolle-noord", "--count", "3", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.read_text().splitlines()))
    assert len(rows) == 3 and all(r["link"].startswith("http://localhost/s/") for r in rows)
    tokens = [r["link"].rsplit("/", 1)[1] for r in rows]
    assert all(len(t) >= 22 for t in tokens)  # 192 random bits, base64url
    stored = set(db.session.scalars(select(Invitation.token_hash)))
    assert stored == {hash_token(t) for t in tokens}
    assert not any(t in stored for t in tokens)


def test_wave_invite_unknown_team_writes_nothing(runner, create_open_wave, tmp_path):
    create_open_wave(modules=["samenwerking"])
    out = tmp_path / "links.csv"
    result = runner.invoke(args=["wave", "invite", "2017", "--team", "nergens", "--count", "3", "--out", str(out)])
    assert result.exit_code == 1 and "team 'nergens' doet niet mee" in result.output
    assert not out.exists() and count(Invitation) == 0


def test_instruments_check_passes_on_shipped_files(runner):
    result = runner.invoke(args=["instruments", "check"])
    assert result.exit_code == 0, result.output


def test_instruments_check_reports_file_and_line(runner, tmp_path):
    broken = tmp_path / "kapot.yaml"
    broken.write_text("id: kapot\ntitle: Kapot\nversion: '1'\npages:\n  - id: p\n    title: P\n    items:\n"
                      "      - name: x\n        type: slider\n        label: X\n")
    result = runner.invoke(args=["instruments", "check", str(broken)])
    assert result.exit_code == 1
    assert f"{broken}:9:" in result.output


def test_instruments_dictionary_json(runner):
    import json

    result = runner.invoke(args=["instruments", "dictionary", "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    by_name = {row["variable"]: row for row in rows}
    assert "wb_achterstallig" in by_name and by_name["wb_achterstallig"]["reverse"] is True
    assert any("baken_3" in row["constructs"] for row in rows)


def test_demo_load_only_into_empty_database(runner):
    first = runner.invoke(args=["demo", "load"])
    assert first.exit_code == 0, first.output
    assert "Demogolf 'demo-2017' geladen" in first.output and "/s/" in first.output
    waves = {w.name: w for w in db.session.scalars(select(Wave))}
    assert waves["demo-2017"].is_demo and waves["demo-2017"].status == WaveStatus.OPEN
    second = runner.invoke(args=["demo", "load"])
    assert "niet (opnieuw) geladen" in second.output
    assert count(Wave) == 3  # demo-2015, demo-2016, demo-2017
