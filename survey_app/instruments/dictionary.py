"""The data dictionary (codebook, REDCap style): one row per variable with everything needed to read the data.

``dictionary_rows`` gives plain dicts (JSON-ready: lists, not tuples) for ``flask instruments dictionary
--json``; ``render_dictionary_text`` prints them as a readable table for the terminal.
"""

from __future__ import annotations

import textwrap

from .model import InstrumentSet, Item, Page

COLUMNS = (  # (row key, Dutch header, column width)
    ("variable", "Variabele", 28),
    ("type", "Type", 15),
    ("level", "Meetniveau", 10),
    ("module", "Module/pagina", 24),
    ("label", "Label", 40),
    ("codes", "Codes", 30),
    ("notes", "Kenmerken", 36),
)

#: Dutch names of the measurement levels (SPSS says nominaal/ordinaal/schaal; interval is its "schaal")
LEVEL_NAMES = {"nominal": "nominaal", "ordinal": "ordinaal", "interval": "interval"}


def _combined_relevant(page: Page, item: Item) -> str | None:
    """The page's and the item's relevant as one expression (None when neither has one)."""
    parts = [text for text in (page.relevant, item.relevant) if text]
    if len(parts) == 2:
        return f"({parts[0]}) and ({parts[1]})"
    return parts[0] if parts else None


def _effective_gemeenten(page: Page, item: Item) -> tuple[list[str], list[str]]:
    """The gemeenten where the item is asked (only) and never asked (skip), combining page and item."""
    only = list(item.only_gemeenten or page.only_gemeenten)
    if item.only_gemeenten and page.only_gemeenten:
        only = [g for g in item.only_gemeenten if g in page.only_gemeenten]
    skip = list(dict.fromkeys(page.skip_gemeenten + item.skip_gemeenten))
    return only, skip


def dictionary_rows(instruments: InstrumentSet) -> list[dict]:
    """One row per variable, in questionnaire order, with codes, reverse coding, constructs and routing."""
    constructs: dict[str, list[str]] = {}
    for construct in instruments.constructs:
        for name in construct.items:
            constructs.setdefault(name, []).append(construct.name)
    pairs: dict[str, list[str]] = {}
    for pair in instruments.pairs:
        for name in dict.fromkeys((pair.a, pair.b)):
            pairs.setdefault(name, []).append(pair.name)
    rows: list[dict] = []
    for page in instruments.pages:
        for item in page.items:
            only, skip = _effective_gemeenten(page, item)
            for variable in item.variables():
                main = variable.name == item.name
                rows.append({
                    "variable": variable.name,
                    "item": item.name,
                    "module": item.module,
                    "page": page.id,
                    "type": item.type.value if main else variable.kind,
                    "level": variable.level.value if variable.level else None,
                    "label": variable.label,
                    "codes": [{"code": c.code, "label": c.label} for c in variable.choices],
                    "reverse": item.reverse and main,
                    "constructs": constructs.get(item.name, []) if main else [],
                    "pairs": pairs.get(item.name, []) if main else [],
                    "only_gemeenten": only,
                    "skip_gemeenten": skip,
                    "relevant": _combined_relevant(page, item),
                    "source": item.source,
                })
    return rows


def _notes(row: dict) -> str:
    """The remarks column: reverse coding, constructs, pairs, gemeenten, routing."""
    notes = []
    if row["reverse"]:
        notes.append("omgekeerd gescoord")
    if row["constructs"]:
        notes.append("construct: " + ", ".join(row["constructs"]))
    if row["pairs"]:
        notes.append("paar: " + ", ".join(row["pairs"]))
    if row["only_gemeenten"]:
        notes.append("alleen: " + ", ".join(row["only_gemeenten"]))
    if row["skip_gemeenten"]:
        notes.append("niet in: " + ", ".join(row["skip_gemeenten"]))
    if row["relevant"]:
        notes.append("alleen als " + row["relevant"])
    if row["source"] != "verbatim":
        notes.append("formulering gereconstrueerd")
    return "; ".join(notes)


def _cells(row: dict) -> dict[str, str]:
    return {
        "variable": row["variable"],
        "type": row["type"],
        "level": LEVEL_NAMES.get(row["level"], "–"),
        "module": f"{row['module']} / {row['page']}",
        "label": row["label"],
        "codes": "; ".join(f"{c['code']}={c['label']}" for c in row["codes"]),
        "notes": _notes(row),
    }


def render_dictionary_text(rows: list[dict]) -> str:
    """The rows as a plain text table with wrapped cells, for reading in a terminal."""
    widths = [width for _, _, width in COLUMNS]
    lines = [
        "  ".join(header.ljust(width) for (_, header, width) in COLUMNS).rstrip(),
        "  ".join("-" * width for width in widths),
    ]
    for row in rows:
        cells = _cells(row)
        wrapped = [textwrap.wrap(cells[key], width, break_long_words=True) or [""] for key, _, width in COLUMNS]
        for index in range(max(len(cell) for cell in wrapped)):
            parts = [(cell[index] if index < len(cell) else "").ljust(width) for cell, width in zip(wrapped, widths,
                                                                                                   strict=True)]
            lines.append("  ".join(parts).rstrip())
    lines.append(f"{len(rows)} variabelen")
    return "\n".join(lines) + "\n"
