"""Acceptance on the demo data: complementary suppression keeps every total that has enough answers."""

from __future__ import annotations

import json


def test_demo_totals_are_shown_whenever_they_have_enough_answers(runner, tmp_path):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    out = tmp_path / "demo.json"
    result = runner.invoke(args=["analyse", "demo-2017", "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    minimum = data["settings"]["min_cell_size"]
    shown = complementary_totals = complementary = 0
    for section in ("items", "constructs", "pairs"):
        for scopes in data[section].values():
            total = scopes["total"]
            if not total.get("suppressed"):
                assert total["n"] >= minimum
                shown += 1
            # a total is hidden only by the primary rule, i.e. because it has fewer answers than the minimum
            complementary_totals += total.get("reason") == "complementary"
            complementary += sum(entry.get("reason") == "complementary" for entry in scopes.values())
    assert complementary_totals == 0 and shown > 150
    # Elburg (5 respondents) is hidden for many items, so other cells protect it instead of the total
    assert complementary > 0
