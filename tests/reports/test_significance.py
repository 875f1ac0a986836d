"""The gemeente report's significance section: the Holm headline, survivors apart from 'niet significant na
correctie', the family printed, nominal variables never in the Mann-Whitney table."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments, wave_instruments
from survey_app.instruments.loader import load_instruments
from survey_app.reports import build_gemeente_pdf, render_gemeente_html
from survey_app.reports.significance import format_p, significance_section
from survey_app.services.response_import import import_responses
from survey_app.services.waves import create_wave
from tests.reports.conftest import MODULES, ORG, STATEMENT

SHIPPED = load_instruments([Path(__file__).resolve().parents[2] / "instruments"])


def _test(variable, p, p_holm, level="ordinal", **extra):
    base = {"variable": variable, "kind": "item", "level": level, "family": "report", "n_a": 20, "n_b": 18,
            "p": p, "p_exact": 0.0123, "p_holm": p_holm, "significant": p < 0.05, "significant_holm": p_holm < 0.05}
    if level == "nominal":
        base.update(test="fisher_exact", cramers_v=0.31, direction=None,
                    a={"percent": {"1": 40.0, "2": 60.0}}, b={"suppressed": True, "reason": "complementary"})
    else:
        base.update(test="mann_whitney", u=120.0, z=-2.1, r=0.34, direction="+",
                    a={"median": 4.0, "mean": 4.25}, b={"median": 3.0, "mean": 3.5})
    return base | extra


def _analysis(*names):
    entry = {"n": 20, "mean": 4.2, "sd": 1.0, "median": 4.0}
    return {"items": {name: {"gemeente:zwolle": entry} for name in names}, "constructs": {}}


def test_survivors_and_uncorrected_are_apart_and_the_family_is_counted():
    tests = [_test("sw_hulp_vragen", 0.0002, 0.0008), _test("sw_veilig", 0.03, 0.09),
             _test("ag_geslacht", 0.02, 0.08, level="nominal"), _test("sw_doel_helder", 0.4, 1.0),
             _test("wb_plezier", 0.01, 0.04, a={"suppressed": True, "reason": "complementary"})]
    comparison = {"settings": {"alpha": 0.05}, "comparison": {
        "with": "2016", "tests": tests, "holm_family": "report", "nominal_tests": True,
        "skipped": [{"variable": "ag_functie", "kind": "item", "level": "nominal", "reason": "nominal_not_requested"}],
        "families": [{"name": "report", "size": 5, "significant": 4, "significant_holm": 2}]}}
    analysis = _analysis("sw_hulp_vragen", "sw_veilig", "ag_geslacht", "sw_doel_helder", "wb_plezier")
    section = significance_section(comparison, analysis, SHIPPED, "zwolle")
    assert (section["tested"], section["significant_holm"], section["by_module"]) == ("5", "2", False)
    [survivor] = section["survivors"]
    assert survivor["label"].startswith("Indien nodig kan ik hulp")
    assert (survivor["p"], survivor["p_exact"], survivor["p_holm"], survivor["r"]) == ("< 0,001", "0,012", "0,001",
                                                                                         "0,34")
    assert (survivor["mean_a"], survivor["mean_b"], survivor["median_a"], survivor["direction"]) == (
        "4,3", "3,5", "4,0", "hoger")
    assert [r["label"][:20] for r in section["uncorrected"]] == ["Binnen het team voel"]
    [nominal] = section["uncorrected_nominal"]
    assert nominal["test_name"] == "Fisher (exact)" and nominal["v"] == "0,31"
    assert nominal["categories"] == [{"label": "man", "now": "40,0%", "then": "–"},
                                     {"label": "vrouw", "now": "60,0%", "then": "–"}]
    assert section["hidden"] == "1"  # wb_plezier: Zwolle's own figure is hidden in this wave
    assert section["skipped"] == [{"reason": "nominale variabele (geen rangorde; niet om een toets gevraagd)",
                                   "count": "1"}]


def test_module_families_are_printed_by_title():
    tests = [_test("sw_hulp_vragen", 0.001, 0.002, family="module:samenwerking")]
    comparison = {"settings": {"alpha": 0.05}, "comparison": {
        "with": "2016", "tests": tests, "skipped": [], "holm_family": "module",
        "families": [{"name": "module:samenwerking", "size": 20, "significant": 1, "significant_holm": 1},
                     {"name": "module:bakens", "size": 24, "significant": 0, "significant_holm": 0}]}}
    section = significance_section(comparison, _analysis("sw_hulp_vragen"), SHIPPED, "zwolle")
    assert section["by_module"] and section["tested"] == "44"
    assert section["families"] == ["Onderlinge samenwerking: 1 van de 20", "Bakens Welzijn Nieuwe Stijl: 0 van de 24"]


def test_p_values_in_dutch():
    assert (format_p(0.04999), format_p(0.0004), format_p(None), format_p(1.0)) == ("0,050", "< 0,001", "–", "1,000")


def _older_wave(tmp_path):
    older = create_wave("2016", MODULES, current_instruments(), {team: 8 for teams in ORG.values() for team in teams},
                        label="Meting 2016")
    older.created_on = dt.date(2016, 1, 15)
    db.session.commit()
    path = tmp_path / "2016.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["gemeente", "team", STATEMENT, "wb_plezier", "wb_zwolle_innovatiebudget_gebruikt"])
        for team, answer in (("zwolle-noord", 2), ("zwolle-zuid", 2), ("zwolle-west", 3)):
            writer.writerows([["zwolle", team, answer, 4, 1 + i % 3] for i in range(7)])
    import_responses(older, wave_instruments(older), path)
    db.session.commit()
    return older


def test_gemeente_report_headlines_holm_and_leaves_nominal_variables_out(small_wave, tmp_path, pdftext):
    _older_wave(tmp_path)
    html = render_gemeente_html(small_wave.wave, "zwolle")
    assert "van de 2 getoetste verschillen significant na Holm" in html
    assert "over alle 2 toetsen van deze rapportage" in html
    assert "Significant na Holm-correctie" in html
    assert "nominale variabele (geen rangorde; niet om een toets gevraagd)" in html
    text = " ".join(pdftext(build_gemeente_pdf(small_wave.wave, "zwolle")).split())
    assert "getoetste verschillen significant na Holm" in text
    assert "Gemiddelde" in text and "Mediaan" in text and "Verschil" in text
    assert "p Richting" not in text and "Significant (na Holm)" not in text
    significance = text.split("Verschillen ten", 1)[1].split("Verantwoording", 1)[0]
    assert "Heeft uw team het afgelopen jaar" not in significance


def test_report_options_reach_the_gemeente_report(small_wave, tmp_path):
    from survey_app.reports.sources import gemeente_report_context
    from survey_app.services.analysis import ComparisonOptions

    _older_wave(tmp_path)
    options = ComparisonOptions(nominal_tests=True, holm_family="module")
    section = gemeente_report_context(small_wave.wave, "zwolle", options=options)["significance"]
    assert section["by_module"] and section["nominal_tests"]
    assert section["families"] == ["Onderlinge samenwerking: 1 van de 1", "Werkbeleving: 1 van de 1"]
    assert section["tested"] == "2"
