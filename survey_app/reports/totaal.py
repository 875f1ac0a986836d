"""The overall report (`totaalrapport`) across all gemeenten, as chapter 5 of the 2017 report lays it out:
per statement the distribution per gemeente and in total (figuren 14-37), the means side by side per gemeente
(Tabel 3), the themes of the open answers with counts per gemeente and quotes, the response table (Tabel 2)
and the verantwoording. Pure: the analysis dict in, formatted strings and chart specifications out.
"""

from __future__ import annotations

from survey_app.instruments.model import InstrumentSet, Item, ItemType, Level
from survey_app.reports.bijlage import asked_variables
from survey_app.reports.distributions import percentages_table
from survey_app.reports.dutch import format_mean, format_n, format_number, format_percent
from survey_app.reports.extras import hidden_figures, scales_used
from survey_app.reports.open_themes import themes_side_by_side
from survey_app.reports.themes import agreement_like
from survey_app.reports.view import TOTAL, asked_in, hidden_mark, shown

#: a narrow column heading may wrap after the hyphen of "Ommen-Hardenberg" (a zero-width space), not inside a word
BREAK_AFTER_HYPHEN = "-\u200b"
STATEMENTS_PER_CHART = 3  #: one chart of 3 statements × (gemeenten + totaal) bars fits a third of a page


def _columns(analysis: dict) -> list[dict]:
    """Every gemeente, then the total: the columns of every table of this report."""
    columns = [{"scope": scope["id"], "short": scope["label"], "label": scope["label"],
                "head": scope["label"].replace("-", BREAK_AFTER_HYPHEN),
                "slug": scope["id"].removeprefix("gemeente:")}
               for scope in analysis["scopes"] if scope["kind"] == "gemeente"]
    return columns + [{"scope": TOTAL, "short": "Totaal", "head": "Totaal", "label": "Totaal (alle gemeenten)",
                       "slug": None}]


def _asked_somewhere(page, item: Item, columns: list[dict]) -> list[dict]:
    """The columns whose gemeente got the question (the total always, if any gemeente did)."""
    asked = [c for c in columns if c["slug"] is None or asked_in(page, item, c["slug"])]
    return asked if len(asked) > 1 else []


def _bar(entry: dict | None, codes: list[str], label: str) -> dict:
    n = f" ({format_n(entry['n'])})" if entry else ""
    return {"label": f"{label}{n}", "values": [entry["percent"][c] for c in codes] if entry else None}


def _statement_block(title: str, items: list[tuple], analysis: dict, columns: list[dict], start: int) -> dict:
    """A chart of a few statements, one bar per gemeente that got them and one for the total, with the
    statements' means (agreement scales) or percentages (other scales) per gemeente in the table below."""
    first = items[0][1]
    codes = [str(code) for code in first.scale.codes]
    with_mean = agreement_like(first)
    groups, statements = [], []
    for number, (page, item) in enumerate(items, start=start):
        asked = _asked_somewhere(page, item, columns)
        bars = [_bar(shown(analysis["items"], item.name, c["scope"]), codes, c["short"]) for c in asked]
        groups.append({"number": str(number), "bars": bars})
        cells = []
        for column in columns:
            entry = shown(analysis["items"], item.name, column["scope"])
            asked_here = column in asked
            cells.append({"mean": format_mean(entry.get("mean")) if entry and with_mean else format_mean(None),
                          "n": format_n(entry["n"]) if entry else format_n(None),
                          "mark": hidden_mark(analysis["items"], item.name, column["scope"]) if asked_here else "",
                          "asked": asked_here})
        statements.append({"number": number, "label": item.label, "reverse": item.reverse, "cells": cells})
    ordered = with_mean or first.measurement_level == Level.ORDINAL
    percentages = None if with_mean else percentages_table(
        [item for _page, item in items], start, analysis["items"], [c["scope"] for c in columns])
    return {"kind": "distribution", "title": title, "with_mean": with_mean, "statements": statements,
            "percentages": percentages, "min_cell_size": analysis["settings"]["min_cell_size"],
            "chart": {"kind": "stacked", "categories": [c.label for c in first.scale.choices], "diverging": ordered,
                      "groups": groups, "label_in": 1.6},
            "alt": f"Verdeling van de antwoorden per gemeente en in totaal ({title}); "
                   + ("de gemiddelden staan in de tabel." if with_mean else "de percentages staan in de tabel.")}


def _statement_sections(instruments: InstrumentSet, analysis: dict, columns: list[dict]) -> list[dict]:
    """Per module the single-choice questions (statements first of all) as distribution blocks."""
    sections, number = [], 1
    for module in instruments.modules:
        blocks = []
        for page in module.pages:
            run: list[tuple] = []
            candidates = [(page, item) for item in page.items
                          if item.type == ItemType.SELECT_ONE and item.scale and item.name in analysis["items"]
                          and _asked_somewhere(page, item, columns)]
            for pair in candidates + [None]:
                if run and (pair is None or pair[1].scale.name != run[0][1].scale.name
                            or len(run) == STATEMENTS_PER_CHART):
                    blocks.append(_statement_block(page.title, run, analysis, columns, number))
                    number += len(run)
                    run = []
                if pair is not None:
                    run.append(pair)
        if blocks:
            sections.append({"id": module.id, "title": module.title, "blocks": blocks})
    return sections


def _mean_cell(section: dict, name: str, scope: str, asked: bool = True) -> dict:
    """Mean and n of a shown figure, dashes and the mark of a hidden one, n.v.t. where it was not asked."""
    entry = shown(section, name, scope)
    return {"mean": format_mean(entry.get("mean")) if entry else format_mean(None), "asked": asked,
            "n": format_n(entry["n"]) if entry else format_n(None),
            "mark": hidden_mark(section, name, scope) if asked else ""}


def _means_tables(instruments: InstrumentSet, analysis: dict, columns: list[dict]) -> list[dict]:
    """Tabel 3: per module the scale scores and the means of statements and ratings, gemeenten side by side."""
    scopes = [c["scope"] for c in columns]
    tables = []
    for module in instruments.modules:
        rows = [{"label": c.label, "scale": True, "cells": [_mean_cell(analysis["constructs"], c.name, s)
                                                             for s in scopes]}
                for c in module.constructs if c.name in analysis["constructs"]]
        for page in module.pages:
            for item in page.items:
                wanted = item.type == ItemType.RATING or (item.type == ItemType.SELECT_ONE and agreement_like(item))
                asked = _asked_somewhere(page, item, columns)
                if wanted and item.name in analysis["items"] and asked:
                    rows.append({"label": item.label, "scale": False,
                                 "cells": [_mean_cell(analysis["items"], item.name, c["scope"], c in asked)
                                           for c in columns]})
        if rows:
            tables.append({"title": module.title, "rows": rows})
    return tables


def _response(analysis: dict, columns: list[dict]) -> list[dict]:
    """Tabel 2: invited, responded and rate per gemeente and in total (participation, published for all)."""
    rows = []
    for column in columns:
        response = analysis["response"].get(column["scope"], {})
        rows.append({"label": column["label"], "total": column["scope"] == TOTAL,
                     "invited": format_number(response.get("invited"), 0),
                     "responded": format_number(response.get("responded"), 0),
                     "rate": format_percent(response.get("rate"))})
    return rows


def _hidden(analysis: dict, instruments: InstrumentSet, columns: list[dict], min_cell: int) -> list[dict]:
    """Hidden figures per column, leaving out questions a gemeente was not asked (those are n.v.t., not hidden)."""
    everything = {name for page in instruments.pages for item in page.items
                  for name in (item.name, *(v.name for v in item.variables()))}
    out = []
    for column in columns:
        asked = asked_variables(instruments, column["slug"]) if column["slug"] else everything
        out.extend(hidden_figures(analysis, instruments, [column], asked, min_cell))
    return out


def totaal_context(analysis: dict, instruments: InstrumentSet, generated_on: str, themes: dict | None = None) -> dict:
    """Everything the overall report shows."""
    columns = _columns(analysis)
    total = next(scope for scope in analysis["scopes"] if scope["id"] == TOTAL)
    min_cell = analysis["settings"]["min_cell_size"]
    return {
        "kind": "totaal", "wave": analysis.get("wave", {}), "generated_on": generated_on, "min_cell_size": min_cell,
        "columns": columns, "n": format_n(total["n"]), "respondents": format_number(total["n"], 0),
        "gemeenten": [c["label"] for c in columns if c["scope"] != TOTAL],
        "response": _response(analysis, columns),
        "themes": _statement_sections(instruments, analysis, columns),
        "means": _means_tables(instruments, analysis, columns),
        "open_themes": themes_side_by_side(themes, [c["scope"] for c in columns]),
        "methods": {"scales": scales_used(instruments),
                    "hidden": _hidden(analysis, instruments, columns, min_cell)},
    }
