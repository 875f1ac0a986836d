"""Targets on a focus item and whether the next wave met them.

A target is a threshold on one published figure of the team: the % (deels) eens of a statement or a mean
(of a statement, a rating or a construct), "ten minste" or "hoogstens". Whether it was met is judged on the
next wave's figure only (the threshold is absolute, as in "van 48% naar ≥ 60%"), and only when that figure
is published: a figure hidden by disclosure control cannot be judged, and saying "niet gehaald" would leak
that it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from survey_app.analysis.formatting import format_number, format_percent

#: at most this many focus items per team and wave: a plan is a choice, not the whole bijlage
MAX_FOCUS = 5
#: the states of an action, in the order a team moves through them
STATUSES = ("gepland", "bezig", "klaar", "gestopt")
MAX_DESCRIPTION = 1000
MAX_OWNER = 120


class TargetKind(StrEnum):
    """What a target is about."""

    AGREE = "agree"
    MEAN = "mean"


KIND_LABELS = {TargetKind.AGREE: "% (deels) eens", TargetKind.MEAN: "gemiddelde"}
DIRECTION_SIGNS = {"ge": "≥", "le": "≤"}


class Verdict(StrEnum):
    """The outcome of a target in the next wave."""

    MET = "gehaald"
    NOT_MET = "niet gehaald"
    UNKNOWN = "niet te beoordelen"


@dataclass(frozen=True)
class Target:
    """A threshold on one figure: `kind`, `direction` (ge/le) and `value` (a % for agree, a mean otherwise)."""

    kind: TargetKind
    direction: str
    value: float

    def met_by(self, figure: float) -> bool:
        """Whether a published figure reaches the threshold (on the same scale as the threshold)."""
        return figure >= self.value if self.direction == "ge" else figure <= self.value

    def describe(self, factor: float = 1.0) -> str:
        """The target in Dutch: '% (deels) eens ≥ 60,0%' or 'gemiddelde ≥ 3,8'."""
        sign = DIRECTION_SIGNS[self.direction]
        if self.kind == TargetKind.AGREE:
            return f"{KIND_LABELS[self.kind]} {sign} {format_percent(self.value)}"
        return f"{KIND_LABELS[self.kind]} {sign} {format_number(self.value * factor, 1)}"


@dataclass(frozen=True)
class Bounds:
    """The range a target may lie in: 0-100 for a percentage, the answer scale for a mean."""

    low: float
    high: float


def parse_number(text: str) -> float | None:
    """A number as a Dutch reader types it (60, 60%, 3,8 or 3.8); None when it is not a number."""
    cleaned = text.strip().removesuffix("%").strip().replace(",", ".")
    if not cleaned or len(cleaned) > 12:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def check_target(kind: str, direction: str, text: str, bounds: Bounds | None) -> tuple[Target | None, str | None]:
    """(the target, None) for valid input, (None, a Dutch message) otherwise; ('', '') kind means no target.

    `bounds` is None when the focus item has no mean to aim at (then only % (deels) eens is possible).
    """
    if not kind:
        return None, None
    if kind not in {k.value for k in TargetKind}:
        return None, "Kies een soort doel: % (deels) eens of gemiddelde."
    if direction not in DIRECTION_SIGNS:
        return None, "Kies 'ten minste' of 'hoogstens'."
    value = parse_number(text)
    if value is None:
        return None, "Vul bij het doel een getal in, bijvoorbeeld 60 of 3,8."
    if kind == TargetKind.AGREE:
        low, high = 0.0, 100.0
    elif bounds is None:
        return None, "Bij dit onderdeel kan geen gemiddelde als doel worden gekozen."
    else:
        low, high = bounds.low, bounds.high
    if not low <= value <= high:
        what = "percentage" if kind == TargetKind.AGREE else "gemiddelde"
        return None, (f"Het {what} van het doel moet tussen {format_number(low, 0)} en "
                      f"{format_number(high, 0)} liggen.")
    return Target(TargetKind(kind), direction, value), None


def verdict(target: Target | None, figure: float | None, comparable: bool) -> Verdict | None:
    """Met, not met or cannot be judged (hidden figure, or a changed scale without harmonisation); None
    without a target."""
    if target is None:
        return None
    if figure is None or not comparable:
        return Verdict.UNKNOWN
    return Verdict.MET if target.met_by(figure) else Verdict.NOT_MET
