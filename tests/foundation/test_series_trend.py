"""Acceptance of the yearly monitor on the demo: three waves, the stored 1,12 rule applied by default, the trend
as JSON (Tabel 2, Tabel 8, the appendix of 24 statements × 3 years) and in the gemeente report and bijlage."""

from __future__ import annotations

import csv
import json

import pytest

BAKENS = [f"baken_{n}" for n in range(1, 9)]


def _analyse(runner, tmp_path, *args) -> dict:
    out = tmp_path / f"out-{len(list(tmp_path.iterdir()))}.json"
    result = runner.invoke(args=["analyse", *args, "--json", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text())


@pytest.fixture
def demo(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_trend_json_has_tabel_2_tabel_8_and_the_appendix_harmonised_by_the_stored_rule(runner, demo, tmp_path):
    rules = runner.invoke(args=["harmonise", "list"]).output
    assert "demo-2016 → demo-2017 (bakens)" in rules and "1,12" in rules and "004:3549-3596" in rules
    assert "2015 = demo-2015, 2016 = demo-2016, 2017 = demo-2017" in runner.invoke(args=["series", "list"]).output

    csv_path = tmp_path.parent / f"{tmp_path.name}-trend.csv"
    trend = _analyse(runner, tmp_path, "demo-2017", "--trend", "--csv", str(csv_path))
    assert [w["year"] for w in trend["waves"]] == ["2015", "2016", "2017"]
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = {(r["variable"], r["scope"], r["year"]): r for r in csv.DictReader(handle)}
    harmonised = rows[("baken_3", "gemeente:zwolle", "2016")]
    entry = trend["constructs"]["baken_3"]["gemeente:zwolle"][1]
    assert float(harmonised["mean"]) == entry["mean"] and harmonised["factor"] == "1.12"
    assert rows[("baken_1", "team:zwolle-midden", "2015")]["status"] == "verborgen: constituent_hidden"
    assert rows[("baken_1", "team:zwolle-midden", "2015")]["mean"] == ""
    # Tabel 2 as printed in 004: invited and responded per gemeente and year, rates of the totals
    zwolle = [(e["invited"], e["responded"]) for e in trend["response"]["gemeente:zwolle"]]
    assert zwolle == [(105, 56), (120, 61), (114, 83)]
    assert [(e["invited"], e["responded"]) for e in trend["response"]["total"]] == [(113, 63), (128, 69), (191, 138)]
    assert [round(e["rate"], 1) for e in trend["response"]["total"]] == [55.8, 53.9, 72.3]
    assert trend["respondents"]["gemeente:zwolle"] == [56, 61, 83]

    # Tabel 8: Zwolle's Baken means per year; earlier years are their own published means × the stored 1,12
    own = {year: _analyse(runner, tmp_path, f"demo-{year}") for year in ("2015", "2016", "2017")}
    for baken in BAKENS:
        row = trend["constructs"][baken]["gemeente:zwolle"]
        for index, year in enumerate(("2015", "2016", "2017")):
            published = own[year]["constructs"][baken]["gemeente:zwolle"]
            factor = 1.12 if year != "2017" else 1.0
            assert row[index]["mean"] == pytest.approx(published["mean"] * factor, abs=2e-4)
            assert row[index]["n"] == published["n"]
            assert row[index].get("factor", 1.0) == factor
    # the appendix: every Baken statement × every year, with n per year
    statements = [n for n in trend["items"] if n.startswith("bk_")]
    assert len(statements) == 24
    for name in statements:
        assert [e.get("mean") is not None for e in trend["items"][name]["total"]] == [True, True, True]
    assert trend["rules"] and "1,12" in trend["rules"][0]
    # the merged team follows its predecessors; Diezerpoort was hidden in 2015, so Midden's 2015 figure is too
    assert trend["lineage"]["zwolle-midden"]["demo-2015"] == ["zwolle-centrum", "zwolle-diezerpoort"]
    assert trend["constructs"]["baken_1"]["team:zwolle-midden"][0]["reason"] == "constituent_hidden"
    assert trend["constructs"]["baken_1"]["team:zwolle-midden"][1]["mean"] is not None


def test_comparison_uses_the_stored_rule_without_changed_scale(runner, demo, tmp_path):
    for older in ("demo-2016", "demo-2015"):  # directly, and chained through the series (2015 → 2016 → 2017)
        comparison = _analyse(runner, tmp_path, "demo-2017", "--compare", older)["comparison"]
        bakens = {t["variable"]: t for t in comparison["tests"] if t["variable"] in BAKENS}
        assert set(bakens) == set(BAKENS)
        assert all(t["factor_rounded"] == 1.12 and "regel demo-2016 → demo-2017" in t["basis"]
                   for t in bakens.values())
        assert comparison["rules"] and "1,12" in comparison["rules"][0]
    # --changed-scale still overrides the stored rule (here: without a factor, so the Bakens are left out)
    override = _analyse(runner, tmp_path, "demo-2017", "--compare", "demo-2016", "--changed-scale", "bakens")
    skipped = {s["variable"]: s["reason"] for s in override["comparison"]["skipped"]}
    assert skipped["baken_1"] == "changed_scale_without_factor"


def test_without_a_rule_the_changed_scale_is_recognised_from_the_snapshots(runner, demo, tmp_path):
    from survey_app.extensions import db
    from survey_app.models import HarmonisationRule

    db.session.query(HarmonisationRule).delete()
    db.session.commit()
    comparison = _analyse(runner, tmp_path, "demo-2017", "--compare", "demo-2016")["comparison"]
    skipped = {s["variable"]: s["reason"] for s in comparison["skipped"]}
    assert skipped["bk_vraag_centraal"] == "changed_scale_without_factor"
    assert skipped["baken_1"] == "changed_scale_without_factor"
    assert not any(t["variable"].startswith(("bk_", "baken_")) for t in comparison["tests"])
    trend = _analyse(runner, tmp_path, "demo-2017", "--trend")
    assert trend["constructs"]["baken_1"]["gemeente:zwolle"][0]["not_comparable"]


def test_gemeente_report_and_bijlage_show_the_trend_and_name_the_rule(app, demo):
    from sqlalchemy import select

    from survey_app.extensions import db
    from survey_app.models import Team
    from survey_app.reports.render import render_html, template_for
    from survey_app.reports.sources import (
        cached_analysis,
        clear_cache,
        gemeente_report_context,
        previous_for,
        team_report_context,
    )
    from survey_app.services.waves import get_wave

    clear_cache()
    wave = get_wave("demo-2017")
    context = gemeente_report_context(wave, "zwolle")
    trend = context["trend"]
    bakens = next(m for m in trend["modules"] if m["title"] == "Bakens Welzijn Nieuwe Stijl")
    assert len(bakens["rows"]) == 8 and all(len(r["cells"]) == 3 for r in bakens["rows"])
    assert len(bakens["appendix"]) == 24 and all(len(r["cells"]) == 3 for r in bakens["appendix"])
    assert [line["values"][0] is not None for line in bakens["chart"]["lines"]] == [True] * 8
    assert trend["response"]["rates"] == ["55,8%", "53,9%", "72,3%"]
    html = render_html("gemeente.html", context)
    assert "Bakens Welzijn Nieuwe Stijl in Zwolle per jaar (n=resp. 56, 61, 83)" in html
    assert "Bijlage: stellingen onder de schalen van Bakens Welzijn Nieuwe Stijl per jaar" in html
    assert "(1) Ik stel de vraag van de burger centraal" in html
    assert html.count("data:image/svg+xml;base64,") >= 2
    verantwoording = html[html.index("<h2>Verantwoording</h2>"):]
    assert "demo-2016 → demo-2017 (bakens)" in verantwoording and "1,12" in verantwoording

    # a gemeente in its first year gets Tabel 2 but no scale trend
    first_time = gemeente_report_context(wave, "steenwijkerland")["trend"]
    assert first_time["first_time"] and first_time["modules"] == [] and first_time["years"] == ["2017"]

    midden = db.session.scalar(select(Team).where(Team.slug == "zwolle-midden"))
    bijlage = team_report_context(wave, midden)
    assert bijlage["trend"]["years"] == ["2015", "2016", "2017"]
    first = bijlage["trend"]["rows"][0]["cells"]
    assert first[0]["mean"] == "–" and first[0]["mark"] and first[1]["value"] is not None  # team hidden, gemeente
    bijlage_html = render_html(template_for(bijlage), bijlage)
    assert "Ontwikkeling van het team" in bijlage_html
    assert bijlage["trend"]["lineage"] == ["2015 en 2016: de teams waaruit dit team is voortgekomen (Sociaal wijkteam "
                                           "Centrum en Sociaal wijkteam Diezerpoort), samen"]
    assert "1,12" in bijlage_html[bijlage_html.index("<h2>Verantwoording</h2>"):]
    # the previous-wave column of the bijlage is on this wave's scale: 2016's published mean × 1,12
    noord = db.session.scalar(select(Team).where(Team.slug == "zwolle-noord"))
    previous = previous_for(wave, noord)
    plain = cached_analysis(get_wave("demo-2016"))["constructs"]["baken_1"]["team:zwolle-noord"]["mean"]
    assert previous["short"] == "demo-2016" and previous["constructs"]["baken_1"] == pytest.approx(plain * 1.12)
    assert "1,12" in previous["rules"][0]
