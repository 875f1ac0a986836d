"""What the reports say beside scale scores, on the shipped instruments and a synthetic wave: no Baken 3 or 4
score for Steenwijkerland, werkbeleving over the statements every gemeente got, Tabel 4's conditional
percentages with their base, and reversed statements marked as such beside the reversed scale score."""

from __future__ import annotations

import re

import pytest

from survey_app.analysis import analyse_wave
from survey_app.reports.bijlage import bijlage_context
from survey_app.reports.gemeente import gemeente_context
from survey_app.reports.render import render_html, template_for
from tests.analysis.test_variants import ORG, SHIPPED, synthetic_wave


@pytest.fixture(scope="module")
def analysis():
    return analyse_wave(synthetic_wave(), SHIPPED, ORG)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_steenwijkerland_bijlage_has_no_baken_3_or_4_score(analysis):
    context = bijlage_context(analysis, SHIPPED, "kop", "steenwijkerland", "1 januari 2027")
    rows = {row["number"]: row for row in context["bakens"]["rows"]}
    # Steenwijkerland has one team here, so the bijlage shows one column for team and gemeente, then Totaal
    assert [column["short"] for column in context["columns"]] == ["Team", "Totaal"]
    for number in ("3", "4"):
        assert rows[number]["cells"][0]["mean"] == "–" and rows[number]["cells"][0]["mark"] == "°"
        assert rows[number]["cells"][1]["mean"] != "–"  # the total over the gemeenten that were asked
    assert rows["5"]["cells"][0]["mean"] != "–"
    assert any(note.startswith("Baken 3: Geen schaalscore voor deze gemeente") for note in context["bakens"]["notes"])
    text = _text(render_html(template_for(context), context))
    assert "niet alle stellingen van deze schaal zijn in deze gemeente voorgelegd" in text
    assert "Baken 4: Geen schaalscore voor deze gemeente" in text


def test_gemeente_report_has_no_baken_3_score_for_steenwijkerland(analysis):
    context = gemeente_context(analysis, SHIPPED, "steenwijkerland", "1 januari 2027")
    bakens = next(theme for theme in context["themes"] if theme["title"] == "Bakens Welzijn Nieuwe Stijl")
    row = next(r for r in bakens["tables"][0]["rows"] if r["label"] == "Direct erop af")
    assert set(row["cells"]) == {"–"} and set(row["marks"]) == {"°"}
    assert any("Geen schaalscore voor deze gemeente" in note for note in bakens["notes"])


def test_werkbeleving_names_its_common_statements_and_reversed_ones(analysis):
    context = bijlage_context(analysis, SHIPPED, "noord", "zwolle", "1 januari 2027")
    section = next(c for c in context["constructs"] if c["label"] == "Werkbeleving")
    assert "over de 9 van de 12 stellingen die in alle gemeenten zijn voorgelegd" in section["note"]
    reversed_items = [item for item in section["items"] if item["reverse"]]
    assert len(reversed_items) == 2
    assert all(item["reverse_note"].startswith("omgekeerd gescoord in de schaal Werkbeleving: hier het antwoord "
                                               "zoals gegeven") for item in reversed_items)
    assert "in de schaalscore telt 6 min het antwoord" in reversed_items[0]["reverse_note"]
    text = _text(render_html(template_for(context), context))
    assert "omgekeerd gescoord in de schaal Werkbeleving" in text
    # in the theme's distribution table the same statements carry the note beside their raw answers
    statements = [s for theme in context["themes"] for block in theme["blocks"] for s in block.get("statements", [])
                  if s.get("reverse")]
    assert statements and all("omgekeerd gescoord" in s["reverse_note"] for s in statements)


def test_tabel_4_rows_give_the_share_of_those_who_do_it(analysis):
    context = bijlage_context(analysis, SHIPPED, "noord", "zwolle", "1 januari 2027")
    block = next(b for theme in context["themes"] for b in theme["blocks"]
                 if "Invulling van uw werkzaamheden" in (b.get("question"), b.get("title")))
    labels = [row["label"] for row in block["rows"]]
    assert "Casemanager / trajectbegeleider zijn: Ik beschik over de vaardigheden om dit te doen – van wie dit doet" \
        in labels
    total = analysis["conditional"]["nw_werkzaamheden_casemanager_vaardigheden"]["total"]
    row = block["rows"][labels.index(
        "Casemanager / trajectbegeleider zijn: Ik beschik over de vaardigheden om dit te doen – van wie dit doet")]
    assert row["cells"][2].endswith(f"(van wie dit doet, n={total['n']})")
    assert "van wie dit doet" in block["note"]
