"""Coded open answers for reports that put several scopes side by side (the gemeente report: its teams and the
gemeente; the overall report: every gemeente and the total): per question the respondents per theme, and the
approved quotes with the scope they are attributed to.

Counts and quotes come from `coding.themes.open_answer_themes`, which already applied disclosure control and the
quote threshold to the scope of each quote; this module only picks and formats them.
"""

from __future__ import annotations

from survey_app.reports.dutch import format_number, reason_mark


def _count(value: int | None) -> str:
    return format_number(value, 0) if value is not None else format_number(None)


def _marks(suppressed: dict, scopes: list[str]) -> list[str]:
    return [reason_mark(suppressed[scope]) if suppressed.get(scope) else "" for scope in scopes]


def themes_side_by_side(themes: dict | None, scopes: list[str], gemeente: str | None = None) -> list[dict]:
    """Per coded question: respondents and per theme the count for each scope (dash and mark where hidden), and
    the quotes (all of them, or with `gemeente` only those of that gemeente and its teams) with their source."""
    if not themes:
        return []
    questions = []
    for question in themes.get("questions", {}).values():
        # a theme hidden in every column still gets its row of dashes: that it came up is not a secret
        rows = [{"label": theme["label"], "cells": [_count(theme["counts"].get(scope)) for scope in scopes],
                 "marks": _marks(theme.get("suppressed", {}), scopes)}
                for theme in question["themes"].values()
                if any(theme["counts"].get(scope) or theme.get("suppressed", {}).get(scope) for scope in scopes)]
        quotes = []
        for quote in question.get("quotes", []):
            picked = {"text": quote["text"], "source": quote.get("scope_label") or quote.get("team_label") or ""}
            if (gemeente is None or quote.get("gemeente") == gemeente) and picked not in quotes:
                quotes.append(picked)  # the same words from two small teams are one gemeente quote
        if not rows and not quotes:
            continue
        questions.append({
            "label": question["label"], "rows": rows, "quotes": quotes,
            "respondents": [_count(question["respondents"].get(scope)) for scope in scopes],
            "respondent_marks": _marks(question.get("respondents_suppressed", {}), scopes),
        })
    return questions
