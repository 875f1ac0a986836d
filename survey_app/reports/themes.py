"""Per theme (instrument module) of a bijlage: the blocks of statements, tables and chart specifications.

A block is plain data (strings already in Dutch notation, chart values as floats of shown figures only), so it
can be pickled to a worker process and rendered without the database.
"""

from __future__ import annotations

from survey_app.instruments.model import InstrumentSet, Item, ItemType, Level, Module, Page
from survey_app.reports.conditional_cells import conditional_row
from survey_app.reports.distributions import percentages_table
from survey_app.reports.dutch import format_mean, format_n, format_number, format_percent
from survey_app.reports.scale_notes import reverse_note
from survey_app.reports.view import asked_in, hidden_mark, pair_items, shown

MAX_PER_CHART = 8


def agreement_like(item: Item) -> bool:
    """A shared (named) five-point scale of integer codes, such as oneens .. eens, where a mean makes sense.

    Inline choice lists carry the item's own name as scale name; those are categories (opleiding, functie).
    """
    codes = item.codes
    return (len(codes) == 5 and all(isinstance(code, int) for code in codes)
            and item.scale is not None and item.scale.name != item.name)


def previous_cell(previous: dict | None, section: str, name: str) -> str | None:
    """The team's mean of the previous wave (formatted), '–' when not shown then, None without a previous wave."""
    if previous is None:
        return None
    return format_mean(previous[section].get(name))


def _distribution_block(title: str, items: list[Item], analysis: dict, columns: list[dict], start: int,
                        previous: dict | None, instruments: InstrumentSet | None = None) -> dict:
    """Stacked-bar block: per statement the % per answer for each column (team, gemeente, totaal)."""
    scale = items[0].scale
    codes = [str(code) for code in scale.codes]
    with_mean = agreement_like(items[0])
    statements, groups = [], []
    for number, item in enumerate(items, start=start):
        cells = []
        for column in columns:
            entry = shown(analysis["items"], item.name, column["scope"])
            cells.append({"n": format_n(entry["n"]) if entry else format_n(None),
                          "mean": format_mean(entry.get("mean")) if entry and with_mean else format_mean(None),
                          "hidden": entry is None, "mark": hidden_mark(analysis["items"], item.name, column["scope"])})
        statements.append({"number": number, "label": item.label, "reverse": item.reverse, "cells": cells,
                           "reverse_note": reverse_note(instruments, item) if instruments else "",
                           "previous": previous_cell(previous, "items", item.name) if with_mean else None})
        team = shown(analysis["items"], item.name, columns[0]["scope"])  # the chart: the team; the table compares
        values = [team["percent"][c] for c in codes] if team else None
        groups.append({"number": str(number), "bars": [{"label": columns[0]["short"], "values": values}]})
    ordered = with_mean or items[0].measurement_level == Level.ORDINAL
    chart = {"kind": "stacked", "categories": [choice.label for choice in scale.choices],
             "diverging": ordered, "groups": groups}
    percentages = None if with_mean else percentages_table(items, start, analysis["items"],
                                                           [column["scope"] for column in columns])
    return {"kind": "distribution", "title": title, "with_mean": with_mean, "statements": statements,
            "percentages": percentages, "min_cell_size": analysis["settings"]["min_cell_size"], "chart": chart,
            "alt": f"Verdeling van de antwoorden van het team per vraag ({title}); "
                   + ("de gemiddelden staan in de tabel." if with_mean else "de percentages staan in de tabel.")}


def _means_block(title: str, items: list[Item], analysis: dict, columns: list[dict], start: int,
                 previous: dict | None) -> dict:
    """Table block of means (ratings, numbers) per column."""
    rows = []
    for number, item in enumerate(items, start=start):
        cells = []
        for column in columns:
            entry = shown(analysis["items"], item.name, column["scope"])
            cells.append({"n": format_n(entry["n"]) if entry else format_n(None),
                          "mean": format_mean(entry.get("mean")) if entry else format_mean(None),
                          "hidden": entry is None, "mark": hidden_mark(analysis["items"], item.name, column["scope"])})
        scale = (f"{format_number(item.minimum, 0)}–{format_number(item.maximum, 0)}"
                 if item.minimum is not None and item.maximum is not None else "")
        rows.append({"number": number, "label": item.label, "scale": scale, "cells": cells,
                     "previous": previous_cell(previous, "items", item.name)})
    return {"kind": "means", "title": title, "statements": rows}


def _choices_block(title: str, item: Item, analysis: dict, columns: list[dict], variables: list) -> dict:
    """Table block of % per option (select_multiple) or % ja per row (yes/no grid), with n per column."""
    rows = []
    if item.type == ItemType.SELECT_MULTIPLE:
        entries = [shown(analysis["items"], item.name, column["scope"]) for column in columns]
        marks = [hidden_mark(analysis["items"], item.name, column["scope"]) for column in columns]
        for choice in item.scale.choices:
            rows.append({"label": choice.label, "cells": [
                format_percent(entry["percent"].get(str(choice.code))) if entry else format_percent(None)
                for entry in entries], "marks": marks})
        header_n = [format_n(entry["n"]) if entry else format_n(None) for entry in entries]
        note = "Meerdere antwoorden mogelijk; % van wie de vraag beantwoordde."
    else:
        header_n = None
        for variable in variables:
            if (row := conditional_row(item, variable, analysis, columns)) is not None:
                rows.append(row)
                continue
            entries = [shown(analysis["items"], variable.name, column["scope"]) for column in columns]
            rows.append({"label": variable.label.removeprefix(item.label).strip(), "cells": [
                f"{format_percent(entry['percent'].get('1'))} ({format_n(entry['n'])})" if entry
                else format_percent(None) for entry in entries],
                "marks": [hidden_mark(analysis["items"], variable.name, column["scope"]) for column in columns]})
        note = "% ja, met het aantal mensen dat antwoordde."
        bases = sorted({c.base_label for c in item.columns if c.conditional_on})
        if bases and "conditional" in analysis:
            note += (" Rijen met '" + "', '".join(bases) + "': % van die groep (n = hun aantal), niet van iedereen.")
    question = item.label if item.label.strip().rstrip(".:?") != title.strip() else None  # no heading twice
    return {"kind": "choices", "title": title, "question": question, "rows": rows, "header_n": header_n,
            "min_cell_size": analysis["settings"]["min_cell_size"],
            "note": note}


def _page_blocks(page: Page, items: list[Item], analysis: dict, columns: list[dict], counter: list[int],
                 previous: dict | None, instruments: InstrumentSet | None = None) -> list:
    """The blocks of one questionnaire page: runs of same-scale statements become one chart."""
    blocks: list[dict] = []
    run: list[Item] = []

    def flush_run() -> None:
        for start in range(0, len(run), MAX_PER_CHART):
            chunk = run[start:start + MAX_PER_CHART]
            blocks.append(_distribution_block(page.title, chunk, analysis, columns, counter[0], previous,
                                              instruments))
            counter[0] += len(chunk)
        run.clear()

    numbers: list[Item] = []
    for item in items:
        if item.type == ItemType.SELECT_ONE and item.scale:
            if run and run[0].scale.name != item.scale.name:
                flush_run()
            run.append(item)
            continue
        flush_run()
        if item.type in (ItemType.RATING, ItemType.INTEGER, ItemType.DECIMAL):
            numbers.append(item)
        elif item.type in (ItemType.SELECT_MULTIPLE, ItemType.YESNO_GRID):
            variables = [v for v in item.variables() if v.kind != "text" and v.name in analysis["items"]]
            if variables:
                blocks.append(_choices_block(page.title, item, analysis, columns, variables))
    flush_run()
    if numbers:
        blocks.append(_means_block(page.title, numbers, analysis, columns, counter[0], previous))
        counter[0] += len(numbers)
    return blocks


def module_section(module: Module, instruments: InstrumentSet, analysis: dict, columns: list[dict],
                   gemeente: str, previous: dict | None = None) -> dict | None:
    """One theme of the bijlage, or None when none of its questions were asked in the gemeente or analysed."""
    skip = pair_items(instruments, "competence")
    counter = [1]
    blocks = []
    for page in module.pages:
        items = [item for item in page.items
                 if asked_in(page, item, gemeente) and item.name not in skip and item.type != ItemType.NOTE
                 and any(v.name in analysis["items"] for v in item.variables())]
        blocks.extend(_page_blocks(page, items, analysis, columns, counter, previous, instruments))
    if not blocks:
        return None
    return {"id": module.id, "title": module.title, "blocks": blocks}


def theme_sections(instruments: InstrumentSet, analysis: dict, columns: list[dict], gemeente: str,
                   previous: dict | None = None) -> list[dict]:
    """Every theme with something to show for this gemeente, in questionnaire order; with `previous` (the
    team's means of its previous wave) each mean gets the previous one beside it."""
    sections = [module_section(module, instruments, analysis, columns, gemeente, previous)
                for module in instruments.modules]
    return [section for section in sections if section is not None]
