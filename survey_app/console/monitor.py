"""The live response table of a wave in the shape of Tabel 2: invited, started, responded and % per team."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from survey_app.analysis.formatting import format_percent
from survey_app.extensions import db
from survey_app.models import Invitation, InvitationStatus, Response, Wave
from survey_app.survey.release import held_for_review, sealed_waiting


@dataclass
class MonitorRow:
    """One line: a team, a gemeente total or the grand total."""

    label: str
    invited: int = 0
    started: int = 0
    responded: int = 0
    #: open-link submissions beyond the headcount, waiting for a researcher's decision (not in `responded`)
    held: int = 0
    #: the team's slug, for the review buttons; None on total rows
    slug: str | None = None
    #: which row this is on the page and in the JSON of the live refresh: team:<slug>, gemeente:<slug>, totaal
    key: str = "totaal"

    @property
    def percent(self) -> str:
        """Responded as % of invited, Dutch notation ('72,3%'); '–' when nobody was counted as invited."""
        return format_percent(100 * self.responded / self.invited if self.invited else None)

    def figures(self) -> dict[str, int | str]:
        """The row's numbers as the live refresh sends them (console/static/monitor.js)."""
        return {"invited": self.invited, "started": self.started, "responded": self.responded,
                "percent": self.percent, "held": self.held}

    def add(self, other: MonitorRow) -> None:
        """Count another row into this total."""
        self.invited += other.invited
        self.started += other.started
        self.responded += other.responded
        self.held += other.held


@dataclass
class GemeenteBlock:
    """A gemeente's teams with their total."""

    label: str
    teams: list[MonitorRow] = field(default_factory=list)
    total: MonitorRow = field(default_factory=lambda: MonitorRow("Totaal"))


def _counts(query) -> dict[int, int]:
    return dict(db.session.execute(query).all())


def response_monitor(wave: Wave) -> tuple[list[GemeenteBlock], MonitorRow]:
    """Per gemeente its teams and total, plus the grand total.

    Responded = responses plus submissions still sealed (waiting for their batch, see survey/release.py),
    less those held for review; counts only, never figures.
    """
    responded = _counts(select(Response.team_id, func.count()).where(Response.wave_id == wave.id)
                        .group_by(Response.team_id))
    held = held_for_review(wave)
    for team_id, waiting in sealed_waiting(wave).items():
        responded[team_id] = responded.get(team_id, 0) + waiting - held.get(team_id, 0)
    started = _counts(select(Invitation.team_id, func.count())
                      .where(Invitation.wave_id == wave.id, Invitation.status == InvitationStatus.STARTED)
                      .group_by(Invitation.team_id))
    blocks: dict[str, GemeenteBlock] = {}
    grand = MonitorRow("Totaal")
    for participation in sorted(wave.teams, key=lambda p: (p.team.gemeente.label, p.team.label)):
        team = participation.team
        block = blocks.setdefault(team.gemeente.slug, GemeenteBlock(
            team.gemeente.label, total=MonitorRow("Totaal", key=f"gemeente:{team.gemeente.slug}")))
        row = MonitorRow(team.label, participation.headcount, started.get(team.id, 0), responded.get(team.id, 0),
                         held.get(team.id, 0), team.slug, key=f"team:{team.slug}")
        block.teams.append(row)
        block.total.add(row)
        grand.add(row)
    return list(blocks.values()), grand


def monitor_figures(blocks: list[GemeenteBlock], total: MonitorRow) -> dict[str, dict[str, int | str]]:
    """Every row's numbers by its key: what the monitor page fetches each minute instead of reloading itself."""
    rows = [row for block in blocks for row in [*block.teams, block.total]] + [total]
    return {row.key: row.figures() for row in rows}
