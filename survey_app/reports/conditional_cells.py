"""Rows of a yes/no grid in a report where a column is conditional ("van wie dit doet"): the % ja among those
who answered ja in the base column, with that base named and its n, from the analysis' `conditional` section
(already through disclosure control)."""

from __future__ import annotations

from survey_app.instruments.model import Item
from survey_app.reports.dutch import format_n, format_percent
from survey_app.reports.view import hidden_mark, shown


def conditional_column(item: Item, variable_name: str):
    """The grid column of a cell variable when that column is conditional, else None."""
    for row in item.rows:
        for column in item.columns:
            if f"{item.name}_{row.name}_{column.name}" == variable_name and column.conditional_on:
                return column
    return None


def conditional_row(item: Item, variable, analysis: dict, columns: list[dict]) -> dict | None:
    """The report row of a conditional grid cell, or None for an ordinary one (or an older analysis)."""
    column = conditional_column(item, variable.name)
    section = analysis.get("conditional", {})
    if column is None or variable.name not in section:
        return None
    entries = [shown(section, variable.name, c["scope"]) for c in columns]
    return {"label": f"{variable.label.removeprefix(item.label).strip()} – {column.base_label}",
            "cells": [f"{format_percent(e['percent'].get('1'))} ({column.base_label}, {format_n(e['n'])})" if e
                      else format_percent(None) for e in entries],
            "marks": [hidden_mark(section, variable.name, c["scope"]) for c in columns]}
