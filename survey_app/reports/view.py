"""Reading the analysis dict the way every report does: shown figures only, and which questions a gemeente got.

Nothing here computes a statistic; it only picks published values out of the analysis layer's output.
"""

from __future__ import annotations

from survey_app.instruments.model import InstrumentSet, Item, Page
from survey_app.reports.dutch import format_mean, format_n, reason_mark

TOTAL = "total"


def team_scope(slug: str) -> str:
    """The analysis scope id of a team."""
    return f"team:{slug}"


def gemeente_scope(slug: str) -> str:
    """The analysis scope id of a gemeente."""
    return f"gemeente:{slug}"


def shown(section: dict, name: str, scope: str) -> dict | None:
    """The published entry of one variable/construct/pair in one scope, or None when hidden or absent."""
    entry = section.get(name, {}).get(scope)
    if not entry or entry.get("suppressed"):
        return None
    return entry


def hidden_mark(section: dict, name: str, scope: str) -> str:
    """The footnote mark of a hidden figure (see dutch.reason_mark), '' when it is shown or not analysed."""
    entry = section.get(name, {}).get(scope)
    return reason_mark(entry.get("reason")) if entry and entry.get("suppressed") else ""


def mean_cell(section: dict, name: str, scope: str) -> dict:
    """A table cell with the formatted mean and n, or dashes and the footnote mark of the reason when hidden."""
    entry = shown(section, name, scope)
    if entry is None or entry.get("mean") is None:
        return {"mean": format_mean(None), "n": format_n(None), "hidden": True,
                "mark": hidden_mark(section, name, scope)}
    return {"mean": format_mean(entry["mean"]), "n": format_n(entry["n"]), "hidden": False, "mark": ""}


def asked_in(page: Page, item: Item, gemeente: str) -> bool:
    """Whether the gemeente's professionals got this question (only_gemeenten / skip_gemeenten of page and item)."""
    for holder in (page, item):
        if holder.only_gemeenten and gemeente not in holder.only_gemeenten:
            return False
        if gemeente in holder.skip_gemeenten:
            return False
    return True


def pair_items(instruments: InstrumentSet, kind: str) -> set[str]:
    """Names of the items that belong to pairs of one kind (competence or attitude)."""
    return {name for pair in instruments.pairs if pair.kind == kind for name in (pair.a, pair.b)}


def item_label(instruments: InstrumentSet, name: str) -> str:
    """The label of a variable, construct or pair, for tables that list them by name."""
    for construct in instruments.constructs:
        if construct.name == name:
            return construct.label
    for variable in instruments.variables():
        if variable.name == name:
            return variable.label
    return name
