"""Cross-wave disclosure control: which figures that combine two or more waves may be published.

Each wave's analysis is safe on its own (`disclosure.py`): no small group can be isolated by adding and
subtracting that wave's published figures. Figures that span waves add equations a reader can combine:

- a *change* (wave A's figure minus wave B's, or a significance test of the two, whose n, U, Z and direction
  are computed from both waves' answers) together with one published endpoint gives the other endpoint. If
  that endpoint is hidden in its own wave (too small, or complementary: the gemeente minus its shown teams
  would reveal a small team), the change reveals it. So a change is shown only when **both** endpoints are
  published in their own waves;
- a figure that is published in its own wave (a previous-wave column) adds nothing new, since it is that
  wave's own published output; a hidden one stays hidden;
- a team or gemeente that exists in one wave only has no endpoint in the other: no change is shown for it.

With these rules every published cross-wave figure is a linear combination of figures that are published
per wave (the counts, sums and percentages behind means add up; respondent counts per team are public
anyway). Different waves hold answers of different responses, so the unknowns of different waves are
disjoint, and a hidden cell that cannot be derived within its own wave cannot be derived from the union
either (tests/analysis/test_cross_wave.py checks this as a linear system). The functions take the
per-wave analysis sections as they are in the JSON output (`{variable: {scope: entry}}`, an entry being
the figures or `{"suppressed": true, "reason": ...}`), so a trend over any number of waves can call them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from survey_app.analysis.disclosure import NO_ANSWERS
from survey_app.analysis.variants import NOT_ASKED

#: reasons of a per-wave cell that mean there is no figure at all (nothing to protect, nothing to compare)
NO_FIGURE = frozenset({NO_ANSWERS, NOT_ASKED})

#: the reasons why a cross-wave figure is withheld
HIDDEN_IN_A_WAVE = "hidden_in_a_wave"  #: an endpoint is hidden by that wave's own disclosure control
NOT_IN_EVERY_WAVE = "not_in_every_wave"  #: the variable or scope has no figure in one of the waves

Cell = Mapping | None
Section = Mapping[str, Mapping[str, Mapping]]


def is_published(cell: Cell) -> bool:
    """Whether a per-wave entry is a shown figure (not absent, not suppressed)."""
    return bool(cell) and not cell.get("suppressed")


def change_reason(cell_a: Cell, cell_b: Cell) -> str:
    """Why a figure combining two waves' cells may not be shown ('' when it may).

    A cell that is absent in a wave (the scope or variable did not exist there) or that nobody answered
    (`no_answers`, or `not_asked` for a scale: the questions were not asked there) gives `not_in_every_wave`;
    any other suppressed one `hidden_in_a_wave`.
    """
    if not cell_a or not cell_b or NO_FIGURE.intersection((cell_a.get("reason"), cell_b.get("reason"))):
        return NOT_IN_EVERY_WAVE
    if cell_a.get("suppressed") or cell_b.get("suppressed"):
        return HIDDEN_IN_A_WAVE
    return ""


def visible_change(cell_a: Cell, cell_b: Cell) -> bool:
    """Whether a change (difference, test, or any figure computed from both cells' answers) may be shown:
    only when both waves publish their own figure of that scope and variable."""
    return change_reason(cell_a, cell_b) == ""


def visible_previous(cell_b: Cell) -> bool:
    """Whether an earlier wave's figure may stand in a previous-wave column: when that wave publishes it."""
    return is_published(cell_b)


def change_reasons(sections: Sequence[Section], pairs: Iterable[tuple[int, int]] | None = None,
                   scopes: Iterable[str] | None = None) -> dict[str, dict[str, dict[tuple[int, int], str]]]:
    """For every variable and scope of any wave: per pair of waves (indexes into `sections`, default every
    consecutive pair) the reason why their change may not be shown, '' when it may.

    `sections` are the same section (`items`, `constructs`, `pairs`) of each wave's analysis, in wave order.
    `scopes` limits the scopes considered (default: every scope of any wave).
    """
    pairs = list(pairs) if pairs is not None else [(i, i + 1) for i in range(len(sections) - 1)]
    wanted = set(scopes) if scopes is not None else None
    variables = dict.fromkeys(name for section in sections for name in section)
    out: dict[str, dict[str, dict[tuple[int, int], str]]] = {}
    for name in variables:
        per_wave = [section.get(name, {}) for section in sections]
        all_scopes = dict.fromkeys(scope for cells in per_wave for scope in cells)
        out[name] = {
            scope: {(a, b): change_reason(per_wave[a].get(scope), per_wave[b].get(scope)) for a, b in pairs}
            for scope in all_scopes if wanted is None or scope in wanted
        }
    return out


def withheld_tests(scope: str, current: Section, previous: Section, names: Iterable[str]) -> dict[str, str]:
    """{variable: reason} of the between-wave tests of one scope that must not be shown: every variable whose
    figure of that scope is hidden in either wave. Variables absent from a wave are left to the comparison
    (it skips them as `not_in_both`)."""
    out = {}
    for name in names:
        cell_a, cell_b = current.get(name, {}).get(scope), previous.get(name, {}).get(scope)
        if cell_a is None or cell_b is None:
            continue
        if reason := change_reason(cell_a, cell_b):
            out[name] = reason
    return out
