"""The text alternative of every chart: its numbers in words, as the image's alt text (and so the PDF's /Alt).

Why from the chart specification and not from the report section that made it: whatever draws a chart hands
charts.py the same numbers, so describing the specification keeps the picture and its text identical, for every
chart kind, without each section writing its own. Dutch government publications must be readable without
seeing the picture (PDF/UA, WCAG 1.1.1); a screen reader then reads "1. team: oneens 10%, eens 60% ...".
"""

from __future__ import annotations

from survey_app.analysis.formatting import format_number, format_percent

HIDDEN = "niet getoond"


def _bar_text(categories: list[str], values) -> str:
    if values is None:
        return HIDDEN
    return ", ".join(f"{label} {format_percent(value, 0)}" for label, value in zip(categories, values, strict=False))


def stacked_text(spec: dict, intro: str = "") -> str:
    """Per statement (and per bar of it) the percentage of each answer, after an optional introduction."""
    categories = list(spec["categories"])
    parts = []
    for group in spec["groups"]:
        bars = [f"{bar['label']}: {_bar_text(categories, bar['values'])}" for bar in group["bars"]]
        parts.append(f"{group['number']}. " + "; ".join(bars))
    body = "Percentages per stelling. " + " | ".join(parts) + "."
    return f"{intro.rstrip('. ')}. {body}" if intro else body


def profile_text(spec: dict, intro: str = "") -> str:
    """Per row the mean of each series (team, gemeente, totaal)."""
    series = list(spec["series"])
    parts = []
    for row in spec["rows"]:
        values = ", ".join(f"{name} {format_number(value, 1) if value is not None else HIDDEN}"
                           for name, value in zip(series, row["values"], strict=False))
        parts.append(f"{row['label']}: {values}")
    scale = f"{format_number(spec['low'], 0)} tot {format_number(spec['high'], 0)}"
    body = f"Gemiddelden ({scale}). " + " | ".join(parts) + "."
    return f"{intro.rstrip('. ')}. {body}" if intro else body


def trend_text(spec: dict, intro: str = "") -> str:
    """Per line (construct) the mean of each year, as the trend chart (reports/trend_chart.py) draws them."""
    years = list(spec["years"])
    parts = []
    for line in spec["lines"]:
        values = ", ".join(f"{year} {format_number(value, 2) if value is not None else HIDDEN}"
                           for year, value in zip(years, line["values"], strict=False))
        parts.append(f"{line['label']}: {values}")
    body = "Gemiddelde per jaar. " + " | ".join(parts) + "."
    return f"{intro.rstrip('. ')}. {body}" if intro else body


def describe(spec: dict, intro: str = "") -> str:
    """The text alternative of any chart specification the reports draw."""
    if spec.get("kind") == "profile":
        return profile_text(spec, intro)
    if "lines" in spec:
        return trend_text(spec, intro)
    return stacked_text(spec, intro)
