"""Percentages per answer of a question without a meaningful mean (categories, an ordinal scale such as
"percentage of time", ja/nee), for every column of a report: team, gemeente and totaal, or every gemeente.

A reader of such a question wants "how many said what" in each scope, not only n; the percentages are the
analysis layer's `percent` of shown entries, a hidden scope gets dashes with the footnote mark of its reason.
"""

from __future__ import annotations

from survey_app.instruments.model import Item
from survey_app.reports.dutch import format_n, format_percent
from survey_app.reports.view import hidden_mark, shown


def statement_percentages(item: Item, number: int | str, items_section: dict, scopes: list[str]) -> dict:
    """One question's rows: its label with n per scope, then per answer the % per scope (dashes when hidden)."""
    entries = [shown(items_section, item.name, scope) for scope in scopes]
    marks = [hidden_mark(items_section, item.name, scope) for scope in scopes]
    rows = []
    for choice in item.scale.choices:
        code = str(choice.code)
        rows.append({"label": choice.label, "marks": marks,
                     "cells": [format_percent((entry.get("percent") or {}).get(code)) if entry
                               else format_percent(None) for entry in entries]})
    return {"number": number, "label": item.label,
            "n": [format_n(entry["n"]) if entry else format_n(None) for entry in entries], "rows": rows}


def percentages_table(items: list[Item], start: int, items_section: dict, scopes: list[str]) -> list[dict]:
    """The percentage rows of a run of questions on one scale, numbered from `start` like the chart."""
    return [statement_percentages(item, number, items_section, scopes)
            for number, item in enumerate(items, start=start)]
