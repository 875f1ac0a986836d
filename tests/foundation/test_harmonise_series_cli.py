"""`flask harmonise set|list` and `flask series create|list`: rules and series stored once, bad input refused
with a Dutch message naming the option or file:line, nothing half-written."""

from __future__ import annotations

import json

import pytest

from survey_app.extensions import db
from survey_app.models import HarmonisationRule, WaveSeries


@pytest.fixture
def waves(create_open_wave):
    from survey_app.instrument_registry import current_instruments
    from survey_app.services.waves import create_wave

    create_open_wave("m-2015", modules=["samenwerking", "bakens"],
                     org={"zwolle": ["zwolle-noord", "zwolle-zuid"], "elburg": ["team-doeth"]}, headcount=20)
    for name in ("m-2016", "m-2017"):
        create_wave(name, ["samenwerking", "bakens"], current_instruments(),
                    {"zwolle-noord": 20, "zwolle-zuid": 12, "team-doeth": 8})
    db.session.commit()


def test_factor_rule_is_stored_once_and_replaced(runner, waves):
    args = ["harmonise", "set", "m-2016", "m-2017", "--items", "bakens", "--factor", "1,12", "--source", "004"]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert "× 1,12, opgegeven factor; bron: 004" in result.output
    again = runner.invoke(args=args[:-4] + ["--factor", "1.10", "--source", "herzien"])
    assert again.exit_code == 0, again.output
    rules = db.session.query(HarmonisationRule).all()
    assert len(rules) == 1 and rules[0].factor == pytest.approx(1.10) and rules[0].method == "factor"
    listed = runner.invoke(args=["harmonise", "list", "--wave", "m-2017"]).output
    assert "m-2016 → m-2017 (bakens)" in listed and "1,1" in listed


def test_calibration_rule_keeps_its_n(runner, waves, tmp_path):
    calibration = tmp_path / "kalibratie.csv"
    calibration.write_text("new,old\n4,3\n5,4\n4,4\n")
    result = runner.invoke(args=["harmonise", "set", "m-2015", "m-2017", "--items", "baken_1",
                                 "--calibration", str(calibration)])
    assert result.exit_code == 0, result.output
    rule = db.session.query(HarmonisationRule).one()
    assert rule.method == "calibration" and rule.n == 3 and rule.factor == pytest.approx(13 / 11)
    assert "kalibratieset (n=3)" in result.output


@pytest.mark.parametrize(("extra", "message"), [
    (["--items", "bakens"], "geef precies één van --factor en --calibration"),
    (["--items", "bakens", "--factor", "0"], "--factor: de factor moet een getal groter dan 0 zijn"),
    (["--items", "bakens", "--factor", "veel"], "--factor: 'veel' is geen getal"),
    (["--items", "bk_bestaat_niet", "--factor", "1,1"], "--items: 'bk_bestaat_niet' is geen module"),
])
def test_bad_rules_are_refused_with_the_option_named(runner, waves, extra, message):
    result = runner.invoke(args=["harmonise", "set", "m-2016", "m-2017", *extra])
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output
    assert db.session.query(HarmonisationRule).count() == 0


def test_series_with_team_map_and_trend(runner, waves, tmp_path):
    team_map = tmp_path / "teams.csv"
    team_map.write_text("earlier,later\nzwolle-zuid,zwolle-noord\n")
    result = runner.invoke(args=["series", "create", "monitor", "--waves", "m-2015,m-2016,m-2017",
                                 "--label", "Monitor sociale teams", "--team-map", str(team_map)])
    assert result.exit_code == 0, result.output
    assert "2015 (m-2015), 2016 (m-2016), 2017 (m-2017); 1 teamkoppelingen" in result.output
    series = db.session.query(WaveSeries).one()
    assert series.team_map == [["zwolle-zuid", "zwolle-noord"]]
    out = tmp_path / "trend.json"
    result = runner.invoke(args=["analyse", "m-2016", "--trend", "--json", str(out)])
    assert result.exit_code == 0, result.output
    trend = json.loads(out.read_text())
    assert [w["name"] for w in trend["waves"]] == ["m-2015", "m-2016"]  # up to the wave asked for
    assert [e["invited"] for e in trend["response"]["gemeente:zwolle"]] == [40, 32]


def test_bad_series_are_refused(runner, waves, tmp_path):
    team_map = tmp_path / "teams.csv"
    team_map.write_text("earlier,later\nzwolle-zuid,geen-team\nzwolle-zuid,zwolle-zuid\n")
    result = runner.invoke(args=["series", "create", "monitor", "--waves", "m-2015,m-2017", "--team-map",
                                 str(team_map)])
    assert result.exit_code == 1
    assert f"{team_map}:2: kolom 'later': onbekend team 'geen-team'" in result.output
    assert f"{team_map}:3: kolom 'later': een team volgt zichzelf niet op" in result.output
    one = runner.invoke(args=["series", "create", "monitor", "--waves", "m-2015"])
    assert one.exit_code == 1 and "--waves: geef minstens twee verschillende golven" in one.output
    years = runner.invoke(args=["series", "create", "monitor", "--waves", "m-2015,m-2016", "--years", "2015"])
    assert years.exit_code == 1 and "--years: geef evenveel jaren" in years.output
    assert db.session.query(WaveSeries).count() == 0
    alone = runner.invoke(args=["analyse", "m-2017", "--trend", "--json", str(tmp_path / "t.json")])
    assert alone.exit_code == 1 and "hoort niet (als tweede of latere golf) bij een reeks" in alone.output


def test_an_earlier_wave_keeps_its_own_answer_scale_and_the_change_is_recognised(runner, waves, tmp_path):
    from survey_app.config import PROJECT_ROOT
    from survey_app.instrument_registry import wave_instruments
    from survey_app.services.demo_years import AGREEMENT_BLOCK, FREQUENCY_BLOCK
    from survey_app.services.harmonisation import harmonisation_between
    from survey_app.services.waves import get_wave

    folder = tmp_path / "instrumenten-2015"
    folder.mkdir()
    text = (PROJECT_ROOT / "instruments" / "bakens.yaml").read_text(encoding="utf-8")
    (folder / "bakens.yaml").write_text(text.replace(AGREEMENT_BLOCK, FREQUENCY_BLOCK)
                                        .replace("scale: eens5", "scale: altijd5"), encoding="utf-8")
    result = runner.invoke(args=["wave", "create", "oud-2015", "--instruments", "bakens",
                                 "--instruments-dir", str(folder)])
    assert result.exit_code == 0, result.output
    old = get_wave("oud-2015")
    labels = [c.label for c in wave_instruments(old).item("bk_vraag_centraal").scale.choices]
    assert labels == ["nooit", "zelden", "soms", "vaak", "altijd"]
    dictionary = runner.invoke(args=["instruments", "dictionary", "--wave", "oud-2015"]).output
    assert "altijd" in dictionary
    stored = harmonisation_between(old, get_wave("m-2017"))
    assert "bk_vraag_centraal" in stored.changed and not stored.factors
    runner.invoke(args=["harmonise", "set", "oud-2015", "m-2017", "--items", "bakens", "--factor", "1,12"])
    stored = harmonisation_between(old, get_wave("m-2017"))
    assert stored.factors["bk_vraag_centraal"].factor == pytest.approx(1.12)
    assert stored.factors["baken_3"].factor == pytest.approx(1.12)
