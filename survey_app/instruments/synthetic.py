"""Synthetic but plausible answers for the demo wave and the benchmarks, following the routing.

Each team gets a small bias so that the demo bijlagen differ from team to team, as real ones do.
"""

from __future__ import annotations

import random

from survey_app.instruments.model import InstrumentSet, Item, ItemType
from survey_app.instruments.relevance import item_is_relevant

OPEN_ANSWERS = (
    "Meer tijd voor overleg met collega's.",
    "Duidelijkheid over wie waarvoor verantwoordelijk is.",
    "Minder registratie en administratie.",
    "Betere samenwerking met de zorgaanbieders.",
    "Een vaste werkplek op het kantoor in de wijk.",
    "Ruimte om te experimenteren met nieuwe werkwijzen.",
    "Scholing over het werken met het informele netwerk.",
    "Meer zicht op de kosten en effecten van ons werk.",
)


def _skewed_index(rng: random.Random, size: int, bias: float) -> int:
    """An index into an ordered scale, leaning towards the top by `bias` (0 = uniform-ish, 1 = strong)."""
    weights = [1.0 + bias * 3 * (i / max(size - 1, 1)) ** 2 for i in range(size)]
    return rng.choices(range(size), weights=weights)[0]


def _value(item: Item, rng: random.Random, bias: float) -> dict[str, object]:
    if item.type == ItemType.SELECT_ONE and item.scale:
        codes = item.scale.codes
        return {item.name: codes[_skewed_index(rng, len(codes), bias)]}
    if item.type == ItemType.SELECT_MULTIPLE and item.scale:
        codes = list(item.scale.codes)
        chosen = sorted(rng.sample(codes, k=rng.randint(1, min(3, len(codes)))), key=codes.index)
        out: dict[str, object] = {item.name: " ".join(str(c) for c in chosen)}
        if item.other and rng.random() < 0.15:
            out[f"{item.name}_other"] = rng.choice(OPEN_ANSWERS)
        return out
    if item.type in (ItemType.RATING, ItemType.INTEGER, ItemType.DECIMAL):
        low = int(item.minimum if item.minimum is not None else (1 if item.type == ItemType.RATING else 0))
        high = int(item.maximum if item.maximum is not None else (10 if item.type == ItemType.RATING else 40))
        value = low + _skewed_index(rng, high - low + 1, bias)
        return {item.name: float(value) if item.type == ItemType.DECIMAL else value}
    if item.type == ItemType.YESNO_GRID:
        return {v.name: 1 if rng.random() < 0.5 + bias / 3 else 0 for v in item.variables()}
    if item.type in (ItemType.TEXT, ItemType.TEXTAREA):
        return {item.name: rng.choice(OPEN_ANSWERS)} if rng.random() < 0.5 else {}
    return {}


def synthetic_answers(instruments: InstrumentSet, gemeente: str, team: str, rng: random.Random,
                      bias: float = 0.5, skip_rate: float = 0.03) -> dict[str, object]:
    """One respondent's answers (variable -> canonical value), asking only what the routing asks."""
    answers: dict[str, object] = {}
    for page in instruments.pages:
        for item in page.items:
            if item.type == ItemType.NOTE or rng.random() < skip_rate and not item.required:
                continue
            if item_is_relevant(item, page, answers, gemeente, team):
                answers.update(_value(item, rng, bias))
    return answers
