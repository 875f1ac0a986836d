"""A small constructed wave for the report tests, with answers written as a CSV and imported.

Zwolle has four teams: noord (10), zuid (8), west (6) and klein (3). Klein is below the minimum of 5, so it is
hidden everywhere, and west with it (complementary: Zwolle minus the shown teams would be klein). Elburg has
team-doeth (5). Klein's answers are distinctive (1, 1, 2 on a statement and on the Zwolle-only rating, so a
mean of 1,3 and 66,7% / 33,3%) while every other answer is 4 or 5 (statements) and 8 to 10 (rating).
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import Team, Wave
from survey_app.services.response_import import import_responses
from tests.conftest import skip_or_fail

ORG = {"zwolle": ["zwolle-noord", "zwolle-zuid", "zwolle-west", "zwolle-klein"], "elburg": ["team-doeth"]}
MODULES = ["samenwerking", "werkbeleving"]
STATEMENT = "sw_hulp_vragen"  #: every team answers it; noord: six 4s and four 5s -> mean 4,4 (n=10)
RATING = "wb_zwolle_training_cijfer"  #: Zwolle only
ELBURG_ONLY_LABEL = "Mijn werk is voldoende afwisselend"  #: wb_afwisseling, skipped in Zwolle
ZWOLLE_ONLY_LABEL = "innovatiebudget"

ANSWERS = {  # team: list of (statement, rating) per respondent
    "zwolle-noord": [(4, 8)] * 6 + [(5, 9)] * 4,
    "zwolle-zuid": [(4, 9)] * 4 + [(5, 10)] * 4,
    "zwolle-west": [(4, 8)] * 3 + [(5, 8)] * 3,
    "zwolle-klein": [(1, 1), (1, 1), (2, 2)],
    "team-doeth": [(5, None)] * 3 + [(4, None)] * 2,
}


@dataclass
class SmallWave:
    wave: Wave
    teams: dict[str, Team]


def write_csv(path: Path) -> Path:
    """The answers above as an import CSV (gemeente, team, variables)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["gemeente", "team", STATEMENT, "wb_plezier", RATING])
        for team, rows in ANSWERS.items():
            gemeente = "zwolle" if team.startswith("zwolle") else "elburg"
            for statement, rating in rows:
                writer.writerow([gemeente, team, statement, statement, "" if rating is None else rating])
    return path


@pytest.fixture
def small_wave(create_open_wave, tmp_path) -> SmallWave:
    """The constructed wave described above, with its responses imported."""
    wave = create_open_wave("2017", modules=MODULES, headcount=16, org=ORG)
    import_responses(wave, wave_instruments(wave), write_csv(tmp_path / "antwoorden.csv"))
    db.session.commit()
    teams = {p.team.slug: p.team for p in wave.teams}
    return SmallWave(wave, teams)


@pytest.fixture(autouse=True)
def _fresh_analysis_cache():
    """Each test starts without cached analyses."""
    from survey_app.reports.sources import clear_cache

    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def pdftext(tmp_path):
    """Text of a PDF (bytes or path) through poppler's pdftotext, as a reader's copy-paste would give it."""
    import subprocess

    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext (poppler-utils) is niet geïnstalleerd")

    def _text(pdf: bytes | Path) -> str:
        path = pdf if isinstance(pdf, Path) else tmp_path / "doc.pdf"
        if not isinstance(pdf, Path):
            path.write_bytes(pdf)
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout

    return _text
