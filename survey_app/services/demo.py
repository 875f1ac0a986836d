"""The demo database of `make run`: the 2017 organisation and a clearly labelled synthetic wave."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from survey_app.config import PROJECT_ROOT
from survey_app.extensions import db
from survey_app.instruments.model import InstrumentSet
from survey_app.instruments.synthetic import synthetic_answers
from survey_app.models import Gemeente, Response, WaveStatus
from survey_app.services.answer_store import answers_document, bump_answers_revision
from survey_app.services.invitations import create_invitations
from survey_app.services.org import load_org
from survey_app.services.users import create_user
from survey_app.services.waves import create_wave, read_headcounts

DEMO_WAVE = "demo-2017"
DEMO_PREVIOUS_WAVE = "demo-2016"
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


def _fill_wave(wave, instruments: InstrumentSet, responded: dict[str, int], rng: random.Random,
               shift: float) -> None:
    by_gemeente: dict[str, list] = {}
    for participation in wave.teams:
        by_gemeente.setdefault(participation.team.gemeente.slug, []).append(participation.team)
    responses = []
    for gemeente, teams in sorted(by_gemeente.items()):
        for team, count in zip(teams, _spread(responded.get(gemeente, 0), len(teams)), strict=True):
            bias = min(1.0, max(0.0, rng.uniform(0.2, 0.8) + shift))
            for _ in range(count):
                answers = synthetic_answers(instruments, gemeente, team.slug, rng, bias=bias)
                responses.append(Response(wave_id=wave.id, team_id=team.id, channel="demo",
                                          answers=answers_document(answers)))
    db.session.add_all(responses)
    if responses:
        bump_answers_revision(wave.id)
    db.session.flush()


def load_demo(instruments: InstrumentSet, seed: int = 2017) -> DemoResult:
    """Organisation, a closed demo-2016 and an open demo-2017 wave with synthetic answers, and two accounts."""
    if not database_is_empty():
        return DemoResult(loaded=False)
    rng = random.Random(seed)
    data = Path(PROJECT_ROOT) / "data"
    load_org(data / "org-2017.csv")
    headcounts = read_headcounts(data / "headcounts-2017.csv")
    module_ids = [m.id for m in instruments.modules]

    previous = create_wave(DEMO_PREVIOUS_WAVE, module_ids, instruments, headcounts,
                           label="Demo 2016 (synthetische antwoorden)", is_demo=True)
    _fill_wave(previous, instruments, {g: round(n * 0.75) for g, n in RESPONDED_2017.items()}, rng, shift=-0.1)
    previous.status = WaveStatus.CLOSED

    wave = create_wave(DEMO_WAVE, module_ids, instruments, headcounts,
                       label="Demo 2017 (synthetische antwoorden)", is_demo=True)
    _fill_wave(wave, instruments, RESPONDED_2017, rng, shift=0.0)
    wave.status = WaveStatus.OPEN
    tokens = create_invitations(wave, "zwolle-noord", 3)

    create_user(DEMO_RESEARCHER[0], "researcher", DEMO_RESEARCHER[1])
    create_user(DEMO_TEAMLEIDER[0], "teamleider", DEMO_TEAMLEIDER[1], [DEMO_TEAMLEIDER[2]])
    db.session.flush()
    return DemoResult(loaded=True, respondent_tokens=tokens)
