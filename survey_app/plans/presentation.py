"""The plan page as plain data: the team's published figures on each focus item and on every item it may
still choose, read from the wave's analysis (the bijlage's own cached analysis, so the same figures)."""

from __future__ import annotations

from survey_app.analysis.formatting import format_n, format_number, format_percent
from survey_app.instrument_registry import wave_instruments
from survey_app.models import Team, Wave
from survey_app.plans.core.figures import CONSTRUCT, Figure, Subject, figure, subjects
from survey_app.plans.core.targets import DIRECTION_SIGNS, KIND_LABELS, MAX_FOCUS, STATUSES
from survey_app.plans.store import action_dict, foci_of, target_of
from survey_app.reports.dutch import MISSING, reason_mark


def figure_text(fig: Figure) -> str:
    """The team's figures in one line: '% (deels) eens 48,0% · gemiddelde 3,4 (n=12)', or why not shown."""
    if fig.absent:
        return "niet gevraagd"
    if fig.hidden:
        return f"{MISSING} {reason_mark(fig.reason)} niet getoond om de anonimiteit te beschermen"
    parts = []
    if fig.agree is not None:
        parts.append(f"% (deels) eens {format_percent(fig.agree)}")
    if fig.mean is not None:
        parts.append(f"gemiddelde {format_number(fig.mean, 1)}")
    return " · ".join(parts) + (f" ({format_n(fig.n)})" if fig.n is not None else "")


def _subject_option(subject: Subject, fig: Figure) -> dict:
    kind = "schaal" if subject.kind == CONSTRUCT else "stelling"
    return {"key": subject.key, "label": subject.label, "kind": kind, "figure": figure_text(fig),
            "agree": bool(subject.agree_codes), "mean": subject.bounds is not None}


def plan_context(wave: Wave, team: Team) -> dict:
    """Everything the plan page shows for one team and wave."""
    from survey_app.reports.sources import cached_analysis

    analysis = cached_analysis(wave)
    available = subjects(wave_instruments(wave), analysis, team.gemeente.slug)
    by_key = {subject.key: subject for subject in available}
    foci = []
    for focus in foci_of(wave, team):
        key = f"{focus.subject_kind}:{focus.subject}"
        subject = by_key.get(key) or Subject(focus.subject_kind, focus.subject, focus.label)
        target = target_of(focus)
        foci.append({"id": focus.id, "subject": _subject_option(subject, figure(analysis, subject, team.slug)),
                     "target": target, "target_text": target.describe() if target else None,
                     "target_value": format_number(target.value, 1) if target else "",
                     "actions": [action_dict(action) for action in focus.actions]})
    chosen = {focus["subject"]["key"] for focus in foci}
    options = [_subject_option(s, figure(analysis, s, team.slug)) for s in available if s.key not in chosen]
    return {"foci": foci, "options": options, "room": len(foci) < MAX_FOCUS, "max_focus": MAX_FOCUS,
            "statuses": STATUSES, "kinds": KIND_LABELS, "directions": DIRECTION_SIGNS}
