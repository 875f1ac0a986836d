"""Sections that depend on other data: the team's previous wave, and coded open answers."""

from __future__ import annotations

import csv
import datetime as dt

from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments, wave_instruments
from survey_app.reports import render_bijlage_html
from survey_app.reports.extras import open_themes_section
from survey_app.services.response_import import import_responses
from survey_app.services.waves import create_wave
from tests.reports.conftest import MODULES, STATEMENT


def test_previous_wave_of_the_team_is_shown_beside_the_current_mean(small_wave, tmp_path):
    older = create_wave("2016", MODULES, current_instruments(), {"zwolle-noord": 8, "zwolle-zuid": 8},
                        label="Meting 2016")
    older.created_on = dt.date(2016, 1, 15)
    db.session.commit()
    path = tmp_path / "2016.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["gemeente", "team", STATEMENT])
        writer.writerows([["zwolle", "zwolle-noord", 5]] * 6 + [["zwolle", "zwolle-zuid", 2]] * 6)
    import_responses(older, wave_instruments(older), path)
    db.session.commit()

    html = render_bijlage_html(small_wave.wave, small_wave.teams["zwolle-noord"])
    assert "Uw team deed ook mee aan Meting 2016" in html
    assert '<span class="sub">2016</span>' in html
    assert '<td class="num prev">5,0</td>' in html  # noord's mean in 2016 beside 4,4 now
    other = render_bijlage_html(small_wave.wave, small_wave.teams["team-doeth"])
    assert "Uw team deed ook mee" not in other  # team-doeth was not in 2016


def test_open_answer_themes_show_published_counts_and_only_the_team_quotes():
    themes = {"questions": {"open_nodig_team": {
        "label": "Wat heeft u nodig?",
        "respondents": {"team:noord": 12, "gemeente:zwolle": 30, "total": 41},
        "respondents_suppressed": {},
        "themes": {
            "tijd": {"label": "Tijd en ruimte", "counts": {"team:noord": 6, "gemeente:zwolle": 14, "total": 26},
                     "suppressed": {}},
            "rust": {"label": "Rust", "counts": {"team:noord": None, "gemeente:zwolle": None, "total": 7},
                     "suppressed": {"team:noord": "complementary"}},
            "leeg": {"label": "Nooit genoemd", "counts": {"team:noord": 0, "gemeente:zwolle": 0, "total": 0},
                     "suppressed": {}},
        },
        "quotes": [{"code": "tijd", "team": "noord", "team_label": "Noord", "text": "Meer tijd per gezin."},
                   {"code": "tijd", "team": "zuid", "team_label": "Zuid", "text": "Minder vergaderen."}],
    }}}
    [question] = open_themes_section(themes, "noord", "zwolle")
    assert question["respondents"] == ["12", "30", "41"] and question["respondent_marks"] == ["", "", ""]
    assert question["rows"] == [{"label": "Tijd en ruimte", "cells": ["6", "14", "26"], "marks": ["", "", ""]},
                                {"label": "Rust", "cells": ["–", "–", "7"], "marks": ["†", "", ""]}]
    assert question["quotes"] == ["Meer tijd per gezin."]
    assert open_themes_section({"questions": {}}, "noord", "zwolle") == []
    assert open_themes_section(None, "noord", "zwolle") == []
