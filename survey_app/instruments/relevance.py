"""Routing: which pages and items a respondent is asked, given the answers so far and gemeente and team.

Used by the web questionnaire (which pages to show, which answers to keep) and by the importer (answers to
questions that were not asked are dropped). ``answers`` always maps variable names to stored values
(see values.py); ``gemeente`` and ``team`` are slugs and are available to expressions as ``${gemeente}``
and ``${team}``. Expressions that cannot be evaluated raise ExpressionError.
"""

from __future__ import annotations

from collections.abc import Mapping

from .expressions import parse
from .model import InstrumentSet, Item, ItemType, Page


def expression_values(answers: Mapping[str, object], gemeente: str | None, team: str | None) -> dict[str, object]:
    """The values an expression sees: the answers plus the respondent's gemeente and team."""
    values = dict(answers)
    values["gemeente"] = gemeente or ""
    values["team"] = team or ""
    return values


def _gemeente_allows(only: tuple[str, ...], skip: tuple[str, ...], gemeente: str | None) -> bool:
    """only_gemeenten / skip_gemeenten: an unknown gemeente gets no gemeente-specific questions."""
    if only and gemeente not in only:
        return False
    return not (skip and gemeente in skip)


def asked_in_gemeente(page: Page, item: Item, gemeente: str | None) -> bool:
    """Whether the gemeente's variant of the questionnaire holds the item (only_gemeenten / skip_gemeenten of
    its page and of the item itself; a `relevant` depends on the answers, not on the variant)."""
    return (_gemeente_allows(page.only_gemeenten, page.skip_gemeenten, gemeente)
            and _gemeente_allows(item.only_gemeenten, item.skip_gemeenten, gemeente))


def _holds(text: str | None, answers: Mapping[str, object], gemeente: str | None, team: str | None) -> bool:
    """Evaluate a condition; the values are only assembled when there is one (most items have none)."""
    return text is None or parse(text).evaluate_bool(expression_values(answers, gemeente, team))


def page_conditions_hold(page: Page, answers: Mapping[str, object], gemeente: str | None, team: str | None) -> bool:
    """The page's own only_gemeenten / skip_gemeenten / relevant, without looking at its items."""
    if not _gemeente_allows(page.only_gemeenten, page.skip_gemeenten, gemeente):
        return False
    return _holds(page.relevant, answers, gemeente, team)


def item_is_relevant(item: Item, page: Page, answers: Mapping[str, object], gemeente: str | None,
                     team: str | None) -> bool:
    """True when the item is asked: its page's conditions and its own gemeente lists and relevant hold."""
    if not page_conditions_hold(page, answers, gemeente, team):
        return False
    if not _gemeente_allows(item.only_gemeenten, item.skip_gemeenten, gemeente):
        return False
    return _holds(item.relevant, answers, gemeente, team)


def page_is_relevant(page: Page, answers: Mapping[str, object], gemeente: str | None, team: str | None) -> bool:
    """True when the page is shown: it has at least one relevant item that is not a note."""
    return any(
        item.type != ItemType.NOTE and item_is_relevant(item, page, answers, gemeente, team) for item in page.items
    )


def relevant_items(instruments: InstrumentSet, answers: Mapping[str, object], gemeente: str | None,
                   team: str | None) -> list[Item]:
    """The items asked of this respondent, in questionnaire order (notes included)."""
    return [
        item
        for page in instruments.pages
        for item in page.items
        if item_is_relevant(item, page, answers, gemeente, team)
    ]


def relevant_variables(instruments: InstrumentSet, answers: Mapping[str, object], gemeente: str | None,
                       team: str | None) -> set[str]:
    """The variable names of every relevant item."""
    return {v.name for item in relevant_items(instruments, answers, gemeente, team) for v in item.variables()}


def drop_irrelevant(instruments: InstrumentSet, answers: Mapping[str, object], gemeente: str | None,
                    team: str | None) -> dict[str, object]:
    """The answers without those to questions not asked, repeated until nothing changes.

    Dropping an answer can make another item irrelevant (routing on routing), so this iterates to a fixed
    point; answers only ever disappear, so it ends. Keys that are not variables of ``instruments`` are kept
    as they are: they are not this function's business.
    """
    known = {v.name for v in instruments.variables()}
    current = dict(answers)
    while True:
        relevant = relevant_variables(instruments, current, gemeente, team)
        kept = {name: value for name, value in current.items() if name not in known or name in relevant}
        if len(kept) == len(current):
            return kept
        current = kept
