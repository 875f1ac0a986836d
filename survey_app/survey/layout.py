"""How a page's items are drawn: consecutive statements on the same scale become one grid."""

from __future__ import annotations

from dataclasses import dataclass

from survey_app.instruments.model import Item, ItemType


@dataclass(frozen=True)
class Block:
    """A run of items drawn together: `grid` (statements sharing a scale) or `single`."""

    kind: str
    items: tuple[Item, ...]

    @property
    def scale(self):
        return self.items[0].scale


def _grid_key(item: Item) -> tuple | None:
    if item.type != ItemType.SELECT_ONE or item.scale is None:
        return None
    return (item.scale.name, item.scale.codes)


def blocks(items: list[Item]) -> list[Block]:
    """Group consecutive select_one items with the same scale (two or more) into grids."""
    out: list[Block] = []
    run: list[Item] = []

    def flush() -> None:
        if len(run) >= 2:
            out.append(Block("grid", tuple(run)))
        else:
            out.extend(Block("single", (item,)) for item in run)
        run.clear()

    for item in items:
        key = _grid_key(item)
        if run and key is not None and key == _grid_key(run[0]):
            run.append(item)
            continue
        flush()
        if key is not None:
            run.append(item)
        else:
            out.append(Block("single", (item,)))
    flush()
    return out
