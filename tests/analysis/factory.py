"""Small builders for instrument objects, organisations and answer frames used by the analysis tests.

They build the dataclasses of survey_app/instruments/model.py directly, without YAML files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from survey_app.analysis.organisation import Gemeente, Organisation, Team
from survey_app.instruments.model import (
    Choice,
    Construct,
    GridCell,
    InstrumentSet,
    Item,
    ItemType,
    Module,
    Page,
    Pair,
    Scale,
)

AGREE = Scale("eens5", tuple(Choice(code, label) for code, label in enumerate(
    ["oneens", "deels oneens", "niet eens/niet oneens", "deels eens", "eens"], start=1)))


def item(name: str, type: ItemType | str = ItemType.SELECT_ONE, **fields) -> Item:
    """An item of module `test`, page `p1`; select_one items get the agreement scale unless given one."""
    type = ItemType(type)
    if type == ItemType.SELECT_ONE:
        fields.setdefault("scale", AGREE)
    if type == ItemType.RATING:
        fields.setdefault("minimum", 1)
        fields.setdefault("maximum", 10)
    return Item(name=name, type=type, module="test", page="p1", line=1, label=fields.pop("label", name), **fields)


def multiple(name: str, codes: Iterable[str], other: bool = False) -> Item:
    """A select_multiple item with string codes (labels equal the codes)."""
    scale = Scale(name, tuple(Choice(code, code) for code in codes))
    return item(name, ItemType.SELECT_MULTIPLE, scale=scale, other=other)


def grid(name: str, rows: Iterable[str], columns: Iterable[str]) -> Item:
    """A yes/no grid item."""
    return item(name, ItemType.YESNO_GRID, rows=tuple(GridCell(r, r) for r in rows),
                columns=tuple(GridCell(c, c) for c in columns))


def construct(name: str, items: Iterable[str], min_items: int) -> Construct:
    """A construct of module `test`."""
    return Construct(name=name, label=name, items=tuple(items), min_items=min_items, module="test", line=1)


def pair(name: str, a: str, b: str, kind: str = "competence") -> Pair:
    """A pair of module `test` (difference a - b)."""
    return Pair(name=name, kind=kind, label=name, a=a, b=b, module="test", line=1)


def instruments(items: Iterable[Item], constructs: Iterable[Construct] = (),
                pairs: Iterable[Pair] = ()) -> InstrumentSet:
    """One module `test` with one page holding the items."""
    page = Page(id="p1", module="test", title="Pagina", line=1, items=tuple(items))
    module = Module(id="test", title="Test", version="1", path="test.yaml", pages=(page,),
                    constructs=tuple(constructs), pairs=tuple(pairs))
    return InstrumentSet((module,))


def organisation(spec: Mapping[str, Mapping[str, int | None]]) -> Organisation:
    """An organisation from {gemeente: {team: invited or None}}; labels are the slugs capitalised."""
    gemeenten = tuple(Gemeente(g, g.capitalize()) for g in spec)
    teams = tuple(Team(t, g, t.capitalize()) for g, members in spec.items() for t in members)
    headcounts = {t: n for members in spec.values() for t, n in members.items() if n is not None}
    return Organisation(gemeenten, teams, headcounts)


def respondents(org: Organisation, per_team: Mapping[str, int]) -> pd.DataFrame:
    """A frame with `gemeente` and `team` columns: the given number of rows per team."""
    gemeente_of = {t.slug: t.gemeente for t in org.teams}
    teams = [team for team, count in per_team.items() for _ in range(count)]
    return pd.DataFrame({"gemeente": [gemeente_of[t] for t in teams], "team": teams})


def random_answers(org: Organisation, per_team: Mapping[str, int], columns: Mapping[str, Iterable[float]],
                   seed: int = 0, missing: float = 0.1) -> pd.DataFrame:
    """Respondents with random answers drawn from the given values per column, `missing` share unanswered."""
    frame = respondents(org, per_team)
    rng = np.random.default_rng(seed)
    for name, values in columns.items():
        drawn = rng.choice(np.asarray(list(values), dtype=np.float64), size=len(frame))
        drawn[rng.random(len(frame)) < missing] = np.nan
        frame[name] = drawn
    return frame
