"""The demo database of `make run`: the 2017 organisation and a clearly labelled synthetic wave."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from survey_app.config import PROJECT_ROOT
from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.instruments.model import InstrumentSet
from survey_app.instruments.synthetic import synthetic_answers
from survey_app.models import Gemeente, Response, WaveStatus
from survey_app.services.answer_store import answers_document, bump_answers_revision
from survey_app.services.demo_years import (
    BAKENS,
    RESPONDED,
    RULE_SOURCE,
    SERIES,
    TEAM_RESPONDED,
    frequency_scale_content,
    headcounts_file,
)
from survey_app.services.harmonisation import set_rule
from survey_app.services.invitations import create_invitations
from survey_app.services.org import load_org
from survey_app.services.series import create_series, read_team_map
from survey_app.services.users import create_user
from survey_app.services.waves import create_wave, read_headcounts
from survey_app.snapshots.store import take_snapshot

DEMO_WAVE = "demo-2017"
DEMO_PREVIOUS_WAVE = "demo-2016"
DEMO_FIRST_WAVE = "demo-2015"
DEMO_RESEARCHER = ("onderzoeker@voorbeeld.nl", "demo-onderzoeker")
DEMO_TEAMLEIDER = ("teamleider@voorbeeld.nl", "demo-teamleider", "zwolle-noord")
#: responded per gemeente in 2017 (Tabel 2), spread over the gemeente's teams for the demo
RESPONDED_2017 = {"zwolle": 83, "elburg": 5, "steenwijkerland": 14, "ommen-hardenberg": 36}


@dataclass
class DemoResult:
    """What `flask demo load` tells the person who started the demo."""

    loaded: bool
    respondent_tokens: list[str] = field(default_factory=list)


def database_is_empty() -> bool:
    """The demo goes only into an empty database: it must never mix with real data."""
    return db.session.scalar(select(Gemeente.id).limit(1)) is None


def _spread(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def _team_counts(teams: list, total: int, fixed: dict[str, int]) -> list[int]:
    """Respondents per team: the fixed ones as given, the rest of the gemeente's total spread evenly."""
    free = [t for t in teams if t.slug not in fixed]
    spread = iter(_spread(total - sum(fixed.get(t.slug, 0) for t in teams), len(free)) if free else ())
    return [fixed[t.slug] if t.slug in fixed else next(spread) for t in teams]


def _fill_wave(wave, instruments: InstrumentSet, responded: dict[str, int], rng: random.Random,
               shift: float, team_responded: dict[str, int] | None = None) -> None:
    by_gemeente: dict[str, list] = {}
    for participation in wave.teams:
        by_gemeente.setdefault(participation.team.gemeente.slug, []).append(participation.team)
    responses = []
    for gemeente, teams in sorted(by_gemeente.items()):
        teams.sort(key=lambda t: t.slug)
        counts = _team_counts(teams, responded.get(gemeente, 0), team_responded or {})
        for team, count in zip(teams, counts, strict=True):
            bias = min(1.0, max(0.0, rng.uniform(0.2, 0.8) + shift))
            for _ in range(count):
                answers = synthetic_answers(instruments, gemeente, team.slug, rng, bias=bias)
                responses.append(Response(wave_id=wave.id, team_id=team.id, channel="demo",
                                          answers=answers_document(answers)))
    db.session.add_all(responses)
    if responses:
        bump_answers_revision(wave.id)
    db.session.flush()


def _earlier_wave(name: str, year: str, module_ids: list[str], instruments: InstrumentSet, data: Path,
                  snapshot_id: int, rng: random.Random, shift: float):
    """A closed earlier demo wave fielded with the nooit–altijd Bakens (its own snapshot), sized as Tabel 2."""
    wave = create_wave(name, module_ids, instruments, read_headcounts(headcounts_file(year, data)),
                       label=f"Demo {year} (synthetische antwoorden)", is_demo=True)
    wave.snapshot_id = snapshot_id
    for module in wave.modules:
        if module.module_id == BAKENS:
            module.module_version = "2015.1"
    db.session.flush()
    _fill_wave(wave, wave_instruments(wave), RESPONDED[year], rng, shift, TEAM_RESPONDED.get(year))
    wave.status = WaveStatus.CLOSED
    return wave


def load_demo(instruments: InstrumentSet, seed: int = 2017) -> DemoResult:
    """Organisation, closed demo-2015 and demo-2016 waves (Bakens on the nooit–altijd scale), an open demo-2017
    wave with synthetic answers, the series of the three with the stored 1,12 rule, and two accounts."""
    if not database_is_empty():
        return DemoResult(loaded=False)
    rng = random.Random(seed)
    data = Path(PROJECT_ROOT) / "data"
    load_org(data / "org-2017.csv")
    load_org(data / "demo" / "org-earlier.csv")
    headcounts = read_headcounts(data / "headcounts-2017.csv")
    module_ids = [m.id for m in instruments.modules]

    old_scale = take_snapshot(frequency_scale_content()).id
    first = _earlier_wave(DEMO_FIRST_WAVE, "2015", module_ids, instruments, data, old_scale, rng, shift=-0.45)
    previous = _earlier_wave(DEMO_PREVIOUS_WAVE, "2016", module_ids, instruments, data, old_scale, rng, shift=-0.35)

    wave = create_wave(DEMO_WAVE, module_ids, instruments, headcounts,
                       label="Demo 2017 (synthetische antwoorden)", is_demo=True)
    _fill_wave(wave, instruments, RESPONDED_2017, rng, shift=0.0)
    wave.status = WaveStatus.OPEN
    tokens = create_invitations(wave, "zwolle-noord", 3)
    set_rule(previous, wave, BAKENS, 1.12, RULE_SOURCE)
    create_series(SERIES[0], [first.name, previous.name, wave.name], SERIES[1], ["2015", "2016", "2017"],
                  read_team_map(data / "demo" / "team-map.csv"))

    create_user(DEMO_RESEARCHER[0], "researcher", DEMO_RESEARCHER[1])
    create_user(DEMO_TEAMLEIDER[0], "teamleider", DEMO_TEAMLEIDER[1], [DEMO_TEAMLEIDER[2]])
    db.session.flush()
    return DemoResult(loaded=True, respondent_tokens=tokens)
