"""`flask analyse`: the JSON of the firm contract, from stored answers, with disclosure control."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def two_waves(runner, create_open_wave, tmp_path):
    org = {"zwolle": ["zwolle-noord", "zwolle-zuid"], "elburg": ["team-doeth"]}
    create_open_wave("2016", modules=["samenwerking", "bakens"], org=org)
    from survey_app.extensions import db
    from survey_app.instrument_registry import current_instruments
    from survey_app.models import Wave
    from survey_app.services.waves import create_wave

    db.session.add(create_wave("2017", ["samenwerking", "bakens"], current_instruments(),
                               {"zwolle-noord": 20, "zwolle-zuid": 12, "team-doeth": 8}))
    db.session.commit()
    for name, base in (("2016", 2), ("2017", 4)):
        rows = [f"zwolle,zwolle-noord,{base + (i % 2)},{base}" for i in range(12)]
        rows += [f"zwolle,zwolle-zuid,{base},{base + 1}" for _ in range(6)]
        rows += ["elburg,team-doeth,1,1" for _ in range(3)]
        path = tmp_path / f"{name}.csv"
        path.write_text("gemeente,team,sw_hulp_vragen,bk_vraag_centraal\n" + "\n".join(rows) + "\n")
        result = runner.invoke(args=["responses", "import", name, str(path)])
        assert result.exit_code == 0, result.output
    assert db.session.query(Wave).count() == 2


def test_analyse_writes_the_contract_json(runner, two_waves, tmp_path):
    out = tmp_path / "analyse.json"
    result = runner.invoke(args=["analyse", "2017", "--compare", "2016", "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    scopes = {s["id"]: s for s in data["scopes"]}
    assert scopes["total"]["n"] == 21 and scopes["team:team-doeth"]["suppressed"]
    assert scopes["team:team-doeth"]["reason"]
    assert data["items"]["sw_hulp_vragen"]["team:zwolle-noord"]["mean"] == pytest.approx(4.5)
    assert data["items"]["sw_hulp_vragen"]["team:team-doeth"]["suppressed"] is True
    # Elburg (n=3) is hidden, so the total minus Zwolle must not reveal it: one of them is hidden too.
    assert data["items"]["sw_hulp_vragen"]["gemeente:elburg"]["suppressed"]
    assert data["items"]["sw_hulp_vragen"]["total"].get("suppressed") or \
        data["items"]["sw_hulp_vragen"]["gemeente:zwolle"].get("suppressed")
    assert data["response"]["team:zwolle-noord"] == {"invited": 20, "responded": 12, "rate": 60.0}
    tests = {t["variable"]: t for t in data["comparison"]["tests"]}
    assert tests["sw_hulp_vragen"]["direction"] == "+" and tests["sw_hulp_vragen"]["p"] < 0.05
    assert {"u", "p", "p_holm", "r", "n_a", "n_b"} <= set(tests["sw_hulp_vragen"])


def test_changed_scale_without_factor_is_left_out_with_reason(runner, two_waves, tmp_path):
    out = tmp_path / "analyse.json"
    result = runner.invoke(args=["analyse", "2017", "--compare", "2016", "--changed-scale", "bakens",
                                 "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    skipped = {s["variable"]: s["reason"] for s in data["comparison"]["skipped"]}
    assert skipped["bk_vraag_centraal"] == "changed_scale_without_factor"
    assert "sw_hulp_vragen" in {t["variable"] for t in data["comparison"]["tests"]}


def test_changed_scale_with_calibration_reports_factor(runner, two_waves, tmp_path):
    calibration = tmp_path / "kalibratie.csv"
    calibration.write_text('new,old\n"4,16","3,72"\n')  # Dutch decimal commas, as Excel writes them
    out = tmp_path / "analyse.json"
    result = runner.invoke(args=["analyse", "2017", "--compare", "2016", "--changed-scale", "bakens",
                                 "--calibration", str(calibration), "--json", str(out)])
    assert result.exit_code == 0, result.output
    tests = {t["variable"]: t for t in json.loads(out.read_text())["comparison"]["tests"]}
    assert tests["bk_vraag_centraal"]["factor_rounded"] == pytest.approx(1.12)
    assert "kalibratie" in tests["bk_vraag_centraal"]["basis"]


def test_analyse_bad_input(runner, two_waves, tmp_path):
    out = tmp_path / "a.json"
    result = runner.invoke(args=["analyse", "2017", "--compare", "1999", "--json", str(out)])
    assert result.exit_code == 1 and "golf '1999' bestaat niet" in result.output
    result = runner.invoke(args=["analyse", "2017", "--compare", "2016", "--gemeente", "urk", "--json", str(out)])
    assert result.exit_code == 1 and "gemeente 'urk'" in result.output
    assert not out.exists()


def test_analyse_prints_and_writes_the_holm_family(runner, two_waves, tmp_path):
    out = tmp_path / "analyse.json"
    result = runner.invoke(args=["analyse", "2017", "--compare", "2016", "--holm-family", "module",
                                 "--nominal-tests", "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["settings"]["holm_family"] == "module" and data["settings"]["nominal_tests"] is True
    families = {f["name"]: f for f in data["comparison"]["families"]}
    assert set(families) == {"module:samenwerking", "module:bakens"}
    for name, family in families.items():
        assert f"Holm-familie {name}: {family['significant_holm']} van de {family['size']} getoetste" in result.output
    tests = {t["variable"]: t for t in data["comparison"]["tests"]}
    assert tests["sw_hulp_vragen"]["family"] == "module:samenwerking"
    assert tests["sw_hulp_vragen"]["p_exact"] is None  # 21 + 21 cases: more than 40


def test_analyse_refuses_an_unknown_holm_family(runner, two_waves, tmp_path):
    out = tmp_path / "a.json"
    result = runner.invoke(args=["analyse", "2017", "--compare", "2016", "--holm-family", "golf", "--json", str(out)])
    assert result.exit_code == 1
    assert "--holm-family: 'golf' is geen Holm-familie (kies uit: report, module)" in result.output
    assert not out.exists()
