"""Hidden figures say why: a footnote mark beside the dash, a legend under the table, grammatical Dutch reasons."""

from __future__ import annotations

import re

from survey_app.reports import render_bijlage_html, render_gemeente_html
from survey_app.reports.dutch import hidden_summary, mark_legend, reason_mark, reason_text
from survey_app.reports.view import mean_cell

COMPLEMENTARY_LEGEND = "verborgen zodat een ander verborgen cijfer niet uit de totalen kan worden afgeleid"


def test_reasons_read_as_dutch_sentences():
    assert hidden_summary("item_n_below_min", 5, 1) == (
        "1 cijfer niet getoond (*), omdat op deze vraag minder dan 5 antwoorden kwamen")
    assert hidden_summary("item_n_below_min", 5, 34) == (
        "34 cijfers niet getoond (*), omdat op elk van deze vragen minder dan 5 antwoorden kwamen")
    assert hidden_summary("complementary", 5, 2) == (
        "2 cijfers niet getoond (†), omdat anders een ander verborgen cijfer uit de totalen afgeleid zou kunnen worden")
    assert hidden_summary("scope_n_below_min", 5, 1).endswith("omdat deze groep minder dan 5 respondenten telt")
    assert reason_text("no_answers", 5, 3) == "niemand deze vragen heeft beantwoord"
    assert reason_mark("complementary") == "†"
    assert {reason_mark(r) for r in ("scope_n_below_min", "item_n_below_min", "no_answers")} == {"*"}


def test_cells_carry_the_mark_of_their_reason_and_the_legend_only_the_marks_used():
    section = {"v": {"team:a": {"suppressed": True, "reason": "complementary"},
                     "team:b": {"suppressed": True, "reason": "item_n_below_min"},
                     "total": {"n": 12, "mean": 3.25, "sd": 1.0, "median": 3.0}}}
    cells = [mean_cell(section, "v", scope) for scope in ("team:a", "team:b", "total", "team:unknown")]
    assert [(c["mean"], c["mark"]) for c in cells] == [("–", "†"), ("–", "*"), ("3,3", ""), ("–", "")]
    assert mark_legend({"rows": [{"cells": cells[1:3]}]}, 5) == [("*", "minder dan 5 antwoorden")]
    assert mark_legend([{"marks": ["", "†"]}, {"cells": cells}], 5) == [
        ("*", "minder dan 5 antwoorden"), ("†", COMPLEMENTARY_LEGEND)]
    assert mark_legend({"rows": [{"cells": [cells[2]]}]}, 5) == []


def test_bijlage_marks_a_complementary_cell_and_explains_it_on_that_page(small_wave):
    # west is hidden (†) because Zwolle minus the other shown teams would reveal klein
    html = render_bijlage_html(small_wave.wave, small_wave.teams["zwolle-west"])
    statement_row = re.search(r"<tr><td class=\"nr\">1</td><td>Indien nodig kan ik hulp.*?</tr>", html, re.S).group(0)
    assert '<td class="num">–<sup class="mark">†</sup> <span class="sub">(–)</span></td>' in statement_row
    assert re.search(r"4,1 <span class=\"sub\">\(n=27\)</span>", statement_row)  # Zwolle is shown
    section = html.split("<h2>Onderlinge samenwerking</h2>")[1].split("</section>")[0]
    assert COMPLEMENTARY_LEGEND in section and "minder dan 5 antwoorden" in section
    methods = html.split("<h2>Verantwoording</h2>")[1]
    assert "Bescherming van de anonimiteit" in methods and "kruisje (–†)" in methods
    assert re.search(r"\d+ cijfers? niet getoond \(†\), omdat anders een ander verborgen cijfer", methods)
    assert "cijfer(s)" not in html and "omdat verborgen" not in html and "mensen hebben deze vraag" not in html


def test_gemeente_report_marks_hidden_means_and_publishes_every_response_count(small_wave):
    html = render_gemeente_html(small_wave.wave, "zwolle")
    assert "–<sup class=\"mark\">†</sup>" in html  # west's mean of the statement
    assert COMPLEMENTARY_LEGEND in html.split("<h2>Onderlinge samenwerking</h2>")[1].split("</section>")[0]
    response = html.split("<h2>Respons per team</h2>")[1].split("</table>")[0]
    assert re.search(r"Team zwolle-klein</td><td class=\"num\">16</td><td class=\"num\">3</td>"
                     r"<td class=\"num\">18,8%</td>", response)
    assert "minder dan" not in response
    assert "Aantal respondenten per team" in html and "wordt wel altijd getoond" in html
