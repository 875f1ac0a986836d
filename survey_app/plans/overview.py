"""The researchers' overview of a wave's plans per gemeente: which items the teams chose, how many actions
(by status), and how many targets were met in each team's next wave (judged by `review.review_for`, so under
the same disclosure control as the team's own bijlage)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.models import Response, Team, Wave
from survey_app.plans.core.targets import STATUSES
from survey_app.plans.review import review_for
from survey_app.plans.store import foci_of_wave, target_of


def next_wave_of_team(wave: Wave, team: Team) -> Wave | None:
    """The first later wave in which the team answered and whose bijlage looks back at `wave`."""
    from survey_app.reports.sources import previous_wave_of_team

    later = db.session.scalars(select(Wave).where(Wave.id != wave.id)
                               .order_by(Wave.created_on, Wave.id)).all()
    for candidate in later:
        if (candidate.created_on, candidate.id) <= (wave.created_on, wave.id):
            continue
        answered = db.session.scalar(select(func.count()).select_from(Response)
                                     .where(Response.wave_id == candidate.id, Response.team_id == team.id))
        if answered:
            earlier = previous_wave_of_team(candidate, team)
            return candidate if earlier is not None and earlier.id == wave.id else None
    return None


def _status_text(counts: Counter) -> str:
    return ", ".join(f"{counts[status]} {status}" for status in STATUSES if counts[status]) or "geen acties"


def _team_entry(wave: Wave, team: Team, foci: list) -> dict:
    later = next_wave_of_team(wave, team) if foci else None
    reviewed = review_for(later, team) if later is not None else None
    rows = (reviewed or {}).get("rows", [])  # one per focus item, in the same order (by id)
    entries = []
    for position, focus in enumerate(foci):
        target = target_of(focus)
        row = rows[position] if position < len(rows) else {}
        entries.append({"label": focus.label, "kind": "schaal" if focus.subject_kind == "construct" else "stelling",
                        "target": target.describe() if target else "",
                        "actions": [{"description": a.description, "owner": a.owner,
                                     "due": a.due_on.isoformat() if a.due_on else "", "status": a.status}
                                    for a in focus.actions],
                        "statuses": _status_text(Counter(a.status for a in focus.actions)),
                        "before": row.get("before", {}).get("text", ""), "after": row.get("after", {}).get("text", ""),
                        "verdict": row.get("verdict") or ("" if target is None else "nog geen volgende meting")})
    return {"label": team.label, "slug": team.slug, "foci": entries,
            "next_wave": (later.label or later.name) if later is not None else None,
            "actions": sum(len(e["actions"]) for e in entries),
            "targets": sum(1 for e in entries if e["target"]),
            "met": sum(1 for e in entries if e["verdict"] == "gehaald")}


def overview(wave: Wave) -> dict:
    """Per gemeente its teams of the wave with their plans, the items chosen (by how many teams) and totals."""
    by_team: dict[int, list] = {}
    for focus in foci_of_wave(wave):
        by_team.setdefault(focus.team_id, []).append(focus)
    teams = sorted((p.team for p in wave.teams), key=lambda t: (t.gemeente.label, t.label))
    gemeenten: dict[str, dict] = {}
    for team in teams:
        gemeente = gemeenten.setdefault(team.gemeente.slug, {"label": team.gemeente.label, "teams": []})
        gemeente["teams"].append(_team_entry(wave, team, by_team.get(team.id, [])))
    for gemeente in gemeenten.values():
        chosen = Counter(focus["label"] for team in gemeente["teams"] for focus in team["foci"])
        gemeente["choices"] = [{"label": label, "teams": count} for label, count in
                               sorted(chosen.items(), key=lambda pair: (-pair[1], pair[0]))]
        for key in ("actions", "targets", "met"):
            gemeente[key] = sum(team[key] for team in gemeente["teams"])
        gemeente["with_plan"] = sum(1 for team in gemeente["teams"] if team["foci"])
    return {"wave": {"name": wave.name, "label": wave.label or wave.name}, "gemeenten": list(gemeenten.values())}
