"""Cross-wave disclosure control as the reports apply it: the previous-wave column shows only what the earlier
wave publishes, and tests withheld because a figure is hidden in one wave are counted, not shown."""

from __future__ import annotations

from survey_app.reports.extras import previous_means
from survey_app.reports.significance import significance_section
from tests.reports.test_significance import SHIPPED, _analysis, _test


def test_previous_wave_column_takes_only_figures_the_earlier_wave_publishes():
    earlier = {
        "items": {"sw_veilig": {"team:noord": {"n": 8, "mean": 4.25}},
                  "sw_doel_helder": {"team:noord": {"suppressed": True, "reason": "complementary"}},
                  "sw_hulp_vragen": {"team:zuid": {"n": 9, "mean": 3.0}}},
        "constructs": {"werkbeleving": {"team:noord": {"suppressed": True, "reason": "item_n_below_min"}},
                       "baken_1": {"team:noord": {"n": 8, "mean": 3.5}}},
    }
    assert previous_means(earlier, "noord") == {"items": {"sw_veilig": 4.25}, "constructs": {"baken_1": 3.5}}


def test_withheld_tests_are_counted_with_their_reason_in_dutch():
    comparison = {"settings": {"alpha": 0.05}, "comparison": {
        "with": "2016", "tests": [_test("sw_hulp_vragen", 0.0002, 0.0004)], "holm_family": "report",
        "nominal_tests": False,
        "skipped": [{"variable": "sw_veilig", "kind": "item", "level": "ordinal", "reason": "hidden_in_a_wave"},
                    {"variable": "sw_doel_helder", "kind": "item", "level": "ordinal", "reason": "hidden_in_a_wave"},
                    {"variable": "baken_3", "kind": "construct", "level": "interval", "reason": "not_in_every_wave"}],
        "families": [{"name": "report", "size": 1, "significant": 1, "significant_holm": 1}]}}
    section = significance_section(comparison, _analysis("sw_hulp_vragen"), SHIPPED, "zwolle")
    assert section["tested"] == "1"
    assert {"reason": "cijfer in een van beide metingen verborgen (anonimiteit)", "count": "2"} in section["skipped"]
    assert {"reason": "in een van beide metingen door niemand beantwoord", "count": "1"} in section["skipped"]
