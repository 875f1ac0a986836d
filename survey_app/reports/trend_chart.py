"""The line chart of a trend (figuur 39: the Bakens per year), in the style of reports/charts.py: one
colour-blind-safe Okabe-Ito colour and one marker shape per line, so lines are told apart without colour too.

A year whose figure is hidden has no point, and the line is broken there rather than drawn across it: a line
through a hidden year would suggest a value.
"""

from __future__ import annotations

import textwrap

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter

from survey_app.reports.chart_text import describe
from survey_app.reports.charts import _LOCK, FONT, OKABE_ITO, WIDTH_IN, _svg, data_uri
from survey_app.reports.dutch import format_number

LINE_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


def trend_chart(spec: dict) -> bytes:
    """SVG of the means per year, one line per scale, y from `low` to `high`."""
    with _LOCK, matplotlib.rc_context(FONT):
        return _svg(_trend_figure(spec))


def _trend_figure(spec: dict) -> Figure:
    years, lines = spec["years"], spec["lines"]
    figure = Figure(figsize=(WIDTH_IN, 3.3))
    axes = figure.add_axes((0.08, 0.12, 0.5, 0.83))
    for index, line in enumerate(lines):
        colour = OKABE_ITO[index % len(OKABE_ITO)]
        marker = LINE_MARKERS[index % len(LINE_MARKERS)]
        values = [float("nan") if v is None else v for v in line["values"]]
        shown = any(v is not None for v in line["values"])
        axes.plot(range(len(years)), values, marker=marker, color=colour, linewidth=1.2, markersize=5,
                  label=textwrap.fill(line["label"] + ("" if shown else " (niet getoond)"), 38))
    axes.xaxis.set_major_locator(FixedLocator(range(len(years))))
    axes.set_xticklabels(years)
    axes.set_xlim(-0.3, len(years) - 0.7)
    low, high = spec["low"], spec["high"]
    axes.set_ylim(low, high)
    axes.yaxis.set_major_locator(FixedLocator([low + step * 0.5 for step in range(int((high - low) * 2) + 1)]))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: format_number(value, 1)))
    axes.grid(axis="y", color="#dddddd", linewidth=0.5)
    axes.tick_params(left=False, bottom=False)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), frameon=False, fontsize=6.8)
    return figure


def with_trend_charts(context: dict) -> None:
    """Draw every trend chart of a prepared report (in place) as an SVG data: URI."""
    for module in (context.get("trend") or {}).get("modules", []):
        module["chart_uri"] = data_uri(trend_chart(module["chart"]))
        module["alt"] = describe(module["chart"], module.get("alt", ""))
