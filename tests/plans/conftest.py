"""Two closed waves of three Zwolle teams for the plan tests, with answers imported from CSV.

Statement sw_hulp_vragen (agreement scale, 4 = deels eens, 5 = eens). zwolle-noord: 2016 six answers
4,4,3,3,2,2 (% (deels) eens 33,3%, mean 3,0), 2017 eight answers 5,5,4,4,4,3,3,2 (62,5%, mean 3,75).
In 2017 zwolle-west has three respondents, so it is hidden, and one more team with it (complementary:
Zwolle minus the shown teams would be west): that is zwolle-zuid, the smaller shown team.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments, wave_instruments
from survey_app.models import Team, Wave, WaveStatus
from survey_app.services.response_import import import_responses
from survey_app.services.waves import create_wave

ORG = {"zwolle": ["zwolle-noord", "zwolle-zuid", "zwolle-west"]}
STATEMENT = "sw_hulp_vragen"
ANSWERS = {
    "2016": {"zwolle-noord": [4, 4, 3, 3, 2, 2], "zwolle-zuid": [4, 4, 4, 4, 4, 4], "zwolle-west": [3] * 6},
    "2017": {"zwolle-noord": [5, 5, 4, 4, 4, 3, 3, 2], "zwolle-zuid": [5] * 6, "zwolle-west": [1, 1, 2]},
}


@dataclass
class TwoWaves:
    before: Wave
    after: Wave
    teams: dict[str, Team]


@pytest.fixture(autouse=True)
def _fresh_analysis_cache():
    """Each test starts without cached analyses."""
    from survey_app.reports.sources import clear_cache

    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def two_waves(create_org, tmp_path) -> TwoWaves:
    """The closed waves 2016 and 2017 described above."""
    teams = create_org(ORG)
    instruments = current_instruments()
    waves = []
    for name, answers in ANSWERS.items():
        wave = create_wave(name, ["samenwerking"], instruments, {slug: 10 for slug in teams})
        wave.status = WaveStatus.OPEN
        db.session.flush()
        path = tmp_path / f"{name}.csv"
        lines = ["gemeente,team," + STATEMENT] + [f"zwolle,{team},{value}" for team, values in answers.items()
                                                  for value in values]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        import_responses(wave, wave_instruments(wave), path)
        wave.status = WaveStatus.CLOSED
        db.session.commit()
        waves.append(wave)
    return TwoWaves(waves[0], waves[1], teams)
