"""What a team may choose as a focus item, and its published figures in a wave's analysis.

Every figure is read from the analysis output at the team's scope (`reports/view.shown`): a hidden entry stays
hidden, with the reason the analysis gave. "% (deels) eens" is the share of the two highest codes of a
five-point agreement scale (deels eens, eens), summed from the published percentages of that entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from survey_app.instruments.model import InstrumentSet, Item, ItemType
from survey_app.plans.core.targets import Bounds
from survey_app.reports.themes import agreement_like
from survey_app.reports.view import asked_in, team_scope

ITEM = "item"
CONSTRUCT = "construct"


@dataclass(frozen=True)
class Subject:
    """An item or construct a team can choose: its name, label and what a target on it can be."""

    kind: str
    name: str
    label: str
    #: the codes that count as (deels) eens; empty when the item has no agreement scale
    agree_codes: tuple[str, ...] = ()
    #: the range of a mean target; None when a mean is not meaningful
    bounds: Bounds | None = None
    #: the answer scale(s) as plain values, to notice a scale that changed between waves
    scale_signature: tuple = ()

    @property
    def key(self) -> str:
        """The form value that names this subject: 'item:sw_hulp_vragen' or 'construct:baken_1'."""
        return f"{self.kind}:{self.name}"


@dataclass(frozen=True)
class Figure:
    """A team's published figures on a subject in one wave; `hidden` with `reason` when not published, and
    `absent` when the wave did not ask it."""

    agree: float | None = None
    mean: float | None = None
    n: int | None = None
    hidden: bool = False
    reason: str | None = None
    absent: bool = False


def _signature(item: Item) -> tuple:
    if item.type == ItemType.SELECT_ONE and item.scale is not None:
        return tuple((str(c.code), c.label) for c in item.scale.choices)
    return (item.type.value, item.minimum, item.maximum)


def _bounds(item: Item) -> Bounds | None:
    span = item.code_range
    return Bounds(float(span[0]), float(span[1])) if span else None


def item_subject(item: Item) -> Subject:
    """A statement (agreement scale) or a rating as a subject."""
    agree = agreement_like(item)
    codes = tuple(str(code) for code in sorted(item.codes)[-2:]) if agree else ()
    return Subject(ITEM, item.name, item.label, codes, _bounds(item), _signature(item))


def choosable(item: Item) -> bool:
    """Statements on a five-point agreement scale and ratings: the figures a bijlage shows with a mean."""
    return (item.type == ItemType.SELECT_ONE and agreement_like(item)) or item.type == ItemType.RATING


def subjects(instruments: InstrumentSet, analysis: dict, gemeente: str) -> list[Subject]:
    """Every construct and every choosable item the gemeente was asked and the analysis reports, in
    questionnaire order (constructs first: they are what the bijlage summarises)."""
    found: list[Subject] = []
    for construct in instruments.constructs:
        if construct.name not in analysis.get("constructs", {}):
            continue
        items = [instruments.item(name) for name in construct.items]
        spans = [item.code_range for item in items if item.code_range]
        bounds = Bounds(float(min(s[0] for s in spans)), float(max(s[1] for s in spans))) if spans else None
        found.append(Subject(CONSTRUCT, construct.name, construct.label, (), bounds,
                             tuple(_signature(item) for item in items)))
    for page in instruments.pages:
        for item in page.items:
            if choosable(item) and asked_in(page, item, gemeente) and item.name in analysis.get("items", {}):
                found.append(item_subject(item))
    return found


def find_subject(instruments: InstrumentSet, analysis: dict, gemeente: str, key: str) -> Subject | None:
    """The subject a form value names, or None when the team cannot choose it."""
    return next((s for s in subjects(instruments, analysis, gemeente) if s.key == key), None)


def figure(analysis: dict, subject: Subject, team: str) -> Figure:
    """The team's figures on the subject under the analysis' disclosure control."""
    section = analysis.get("items" if subject.kind == ITEM else "constructs", {})
    if subject.name not in section:
        return Figure(absent=True)
    entry = section[subject.name].get(team_scope(team))
    if not entry:
        return Figure(absent=True)
    if entry.get("suppressed"):
        return Figure(hidden=True, reason=entry.get("reason"))
    agree = None
    if subject.agree_codes and entry.get("percent") is not None:
        agree = sum(float(entry["percent"].get(code, 0.0)) for code in subject.agree_codes)
    return Figure(agree=agree, mean=entry.get("mean"), n=entry.get("n"))
