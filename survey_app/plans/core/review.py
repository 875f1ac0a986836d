"""The "Verbeterpunten van vorig jaar" section of a bijlage, as plain data: per focus item of the previous
wave's plan the team's figure then and now, the change, whether the target was met, and the actions.

Figures come from each wave's own analysis output (`figures.figure`), so disclosure control is the analysis'
own. Where the answer scale of a subject changed between the waves, a mean is put on the new scale with a
harmonisation factor when one is given (old × factor, threshold too, as analysis/harmonise.py does for the
comparison); without one, or for a percentage, the change is not shown and the target cannot be judged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from survey_app.analysis.formatting import format_number, format_percent
from survey_app.plans.core.figures import ITEM, Figure, Subject
from survey_app.plans.core.targets import KIND_LABELS, Target, TargetKind, Verdict, verdict
from survey_app.reports.dutch import MISSING, reason_mark


@dataclass(frozen=True)
class FocusRecord:
    """A stored focus item as the core needs it (no database objects)."""

    subject: Subject
    target: Target | None
    actions: tuple[dict, ...] = field(default_factory=tuple)  #: {description, owner, due, status}


@dataclass(frozen=True)
class WaveFigures:
    """One wave's view of a subject: its figure, and the subject as that wave's questionnaire defines it."""

    figure: Figure
    subject: Subject | None


def measure_of(record: FocusRecord) -> TargetKind:
    """Which figure the review shows: the target's, else % (deels) eens where the item has it, else the mean."""
    if record.target is not None:
        return record.target.kind
    return TargetKind.AGREE if record.subject.agree_codes else TargetKind.MEAN


def _value(figure: Figure, measure: TargetKind) -> float | None:
    return figure.agree if measure == TargetKind.AGREE else figure.mean


def _cell(figure: Figure, measure: TargetKind, factor: float = 1.0) -> dict:
    """A formatted figure with the footnote mark of a hidden one ('' when shown or simply not asked)."""
    value = _value(figure, measure)
    if figure.hidden:
        return {"text": MISSING, "mark": reason_mark(figure.reason)}
    if value is None:
        return {"text": MISSING, "mark": ""}
    if measure == TargetKind.AGREE:
        return {"text": format_percent(value), "mark": ""}
    return {"text": format_number(value * factor, 1), "mark": ""}


def _signed(value: float, decimals: int) -> str:
    text = format_number(abs(value), decimals)
    if text == format_number(0, decimals):
        return text
    return ("+" if value > 0 else "−") + text


def _unknown_reason(before: WaveFigures, after: WaveFigures, comparable: bool) -> str:
    if after.figure.absent or after.subject is None:
        return "dit onderdeel is dit jaar niet gevraagd"
    if after.figure.hidden:
        return "het cijfer van dit jaar wordt niet getoond om de anonimiteit te beschermen"
    if not comparable:
        return "de antwoordschaal is veranderd en er is geen omrekening naar de nieuwe schaal"
    return "er is dit jaar geen cijfer"


def review_row(record: FocusRecord, before: WaveFigures, after: WaveFigures,
               factor: float | None = None) -> dict:
    """One focus item of the review; `factor` puts an older mean on the new scale when the scale changed."""
    measure = measure_of(record)
    changed = (after.subject is not None and before.subject is not None
               and after.subject.scale_signature != before.subject.scale_signature)
    comparable = not changed or (measure == TargetKind.MEAN and factor is not None)
    scale = factor if changed and comparable else 1.0
    old, new = _value(before.figure, measure), _value(after.figure, measure)
    change = MISSING
    if comparable and old is not None and new is not None and not before.figure.hidden and not after.figure.hidden:
        change = (f"{_signed(new - old, 1)} procentpunt" if measure == TargetKind.AGREE
                  else _signed(new - old * scale, 1))
    shown_new = None if after.figure.hidden else new
    judged = record.target
    if judged is not None and judged.kind == TargetKind.MEAN and scale != 1.0:
        judged = threshold_on_new_scale(judged, scale)
    outcome = verdict(judged, shown_new, comparable)
    row = {
        "label": record.subject.label,
        "kind": "stelling" if record.subject.kind == ITEM else "schaal",
        "measure": KIND_LABELS[measure],
        "before": _cell(before.figure, measure, scale),
        "after": _cell(after.figure, measure),
        "change": change,
        "harmonised": changed and comparable,
        "target": record.target.describe(scale) if record.target else None,
        "verdict": outcome.value if outcome else None,
        "verdict_class": {Verdict.MET: "met", Verdict.NOT_MET: "not-met", Verdict.UNKNOWN: "unknown"}.get(outcome),
        "verdict_note": _unknown_reason(before, after, comparable) if outcome == Verdict.UNKNOWN else None,
        "actions": list(record.actions),
    }
    if outcome is not None and outcome != Verdict.UNKNOWN and record.target is not None:
        row["target_met"] = outcome == Verdict.MET
    return row


def threshold_on_new_scale(target: Target, factor: float) -> Target:
    """A mean threshold set on the old scale, put on the new one (used when the target is judged)."""
    return Target(target.kind, target.direction, target.value * factor)


def review(records: list[FocusRecord], figures: Mapping[str, tuple[WaveFigures, WaveFigures]],
           factors: Mapping[str, float], previous_label: str) -> dict | None:
    """The whole section: one row per focus item (figures keyed by subject key), or None without a plan."""
    if not records:
        return None
    rows = [review_row(record, *figures[record.subject.key], factors.get(record.subject.name))
            for record in records]
    judged_rows = [row for row in rows if "target_met" in row]
    return {"previous_label": previous_label, "rows": rows,
            "targets": sum(1 for row in rows if row["target"]),
            "met": sum(1 for row in judged_rows if row["target_met"])}
