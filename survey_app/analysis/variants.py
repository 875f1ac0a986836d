"""Constructs across questionnaire variants: in which gemeenten a scale score exists, and on which items.

Gemeenten may get different variants of a module (`only_gemeenten` / `skip_gemeenten`): Steenwijkerland was
not asked some Baken 3 and 4 statements, Zwolle fewer werkbeleving statements. A mean over whatever items a
respondent was asked would then be a different scale per gemeente, and the total would mix them. So:

1. a gemeente whose variant holds fewer than the construct's `min_asked` items gets no score at all (its
   respondents are left out of every scope, the total included: the report's Baken 3 n=124 is 138 minus
   Steenwijkerland's 14);
2. the other gemeenten are scored on the items **all** of them were asked, so team, gemeente and total
   compare like with like (werkbeleving: the 9 statements Zwolle was asked too);
3. when those common items are fewer than `min_items`, each gemeente keeps its own items and the construct
   is marked not comparable (`comparable: false`), which the reports print as "niet vergelijkbaar".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from survey_app.instruments.model import Construct, InstrumentSet
from survey_app.instruments.relevance import asked_in_gemeente

#: reason of a construct's entry in a gemeente (and its teams) whose variant lacks too many of its items
NOT_ASKED = "not_asked"


@dataclass(frozen=True)
class ConstructBasis:
    """How one construct is scored in one wave: per scored gemeente the items used, and the rest."""

    name: str
    items_per_gemeente: dict[str, tuple[str, ...]]  #: the scored gemeenten and the items each is scored on
    not_asked: tuple[str, ...] = ()  #: gemeenten asked fewer than `min_asked` items: no score there
    comparable: bool = True  #: every scored gemeente uses the same items
    all_items: tuple[str, ...] = field(default=())  #: the construct's items present in the wave

    @property
    def items(self) -> tuple[str, ...]:
        """The items the scores rest on: the common items when comparable, else every item used anywhere."""
        if self.comparable:
            return next(iter(self.items_per_gemeente.values()), ())
        used = {name for items in self.items_per_gemeente.values() for name in items}
        return tuple(name for name in self.all_items if name in used)

    def as_json(self) -> dict:
        """The `construct_basis` entry of the analysis output (docs/analysis-output.md)."""
        return {"items": list(self.items), "k": len(self.items), "of": len(self.all_items),
                "comparable": self.comparable, "not_asked": list(self.not_asked),
                "items_per_gemeente": None if self.comparable else
                {g: list(items) for g, items in self.items_per_gemeente.items()}}


def asked_items(construct: Construct, instruments: InstrumentSet, gemeente: str,
                present: Iterable[str]) -> tuple[str, ...]:
    """The construct's items (in the wave's data) that the gemeente's variant of the questionnaire holds."""
    present = set(present)
    pages = {item.name: page for page in instruments.pages for item in page.items}
    return tuple(name for name in construct.items
                 if name in present and name in pages and asked_in_gemeente(pages[name], instruments.item(name),
                                                                            gemeente))


def construct_basis(construct: Construct, instruments: InstrumentSet, gemeenten: Iterable[str],
                    present: Iterable[str]) -> ConstructBasis:
    """Which gemeenten (of those with respondents) get a score on the construct, and on which items."""
    present = [name for name in construct.items if name in set(present)]
    asked = {g: asked_items(construct, instruments, g, present) for g in sorted(set(gemeenten))}
    scored = {g: items for g, items in asked.items() if len(items) >= construct.required_asked}
    not_asked = tuple(g for g in asked if g not in scored)
    common = tuple(name for name in present if all(name in items for items in scored.values()))
    if len({items for items in scored.values()}) <= 1:
        return ConstructBasis(construct.name, scored, not_asked, True, tuple(present))
    if len(common) >= construct.min_items:
        return ConstructBasis(construct.name, dict.fromkeys(scored, common), not_asked, True, tuple(present))
    return ConstructBasis(construct.name, scored, not_asked, False, tuple(present))
