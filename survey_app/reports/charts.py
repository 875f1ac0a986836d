"""Charts of the reports as SVG, drawn with matplotlib on a Figure of its own (Agg canvas, no pyplot state).

One palette family per kind of scale, colour-blind safe: ColorBrewer RdBu (up to 5 steps) for every ordered
scale (agreement, percentage of time), Okabe-Ito for unordered answer categories and for the series of the Baken
profile. Categories are told apart without colour as well: the % is printed in every segment that is wide
enough, the legend follows the bar order, and the profile uses a different marker shape per series.
"""

from __future__ import annotations

import base64
import io
import textwrap
import threading

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path
from matplotlib.ticker import FixedLocator, FuncFormatter
from matplotlib.transforms import Affine2D, blended_transform_factory

from survey_app.reports.dutch import format_number, format_percent

RDBU_5 = ("#ca0020", "#f4a582", "#e3e3e3", "#92c5de", "#0571b0")
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
DARK = {"#ca0020", "#0571b0", "#0072B2", "#009E73", "#D55E00", "#000000", "#CC79A7"}
MARKERS = ("o", "s", "^", "D")
WIDTH_IN = 6.7
BAR_IN = 0.165
FONT = {"font.family": "DejaVu Sans", "font.size": 7.5, "svg.fonttype": "none", "svg.hashsalt": "rapport",
        "axes.unicode_minus": True}
MIN_LABEL_PERCENT = 7.0

_LOCK = threading.Lock()  # matplotlib's rcParams are process-wide; renders in threads take turns


def data_uri(svg: bytes) -> str:
    """An SVG as a data: URI for <img src>, which the strict CSP of the web pages allows."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def _svg(figure: Figure) -> bytes:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


#: which of the five RdBu colours an ordered scale of 2 to 5 answers uses: every ordered scale (agreement,
#: percentage of time) stays in the one palette family, from red at the low end to blue at the high end
RDBU_STEPS = {2: (0, 4), 3: (0, 2, 4), 4: (0, 1, 3, 4), 5: (0, 1, 2, 3, 4)}


def _ordered(count: int, diverging: bool) -> bool:
    return diverging and count in RDBU_STEPS


def _palette(count: int, diverging: bool) -> tuple[str, ...]:
    """RdBu steps for an ordered scale (`diverging`: agreement or another ordinal scale), Okabe-Ito for
    unordered categories."""
    if _ordered(count, diverging):
        return tuple(RDBU_5[i] for i in RDBU_STEPS[count])
    return (OKABE_ITO * (count // len(OKABE_ITO) + 1))[:count]


def legend_classes(count: int, diverging: bool) -> list[str]:
    """CSS classes of the legend swatches (reports.css has the same colours), in bar order."""
    if _ordered(count, diverging):
        return [f"sw-rdbu-{i}" for i in RDBU_STEPS[count]]
    return [f"sw-oi-{index % len(OKABE_ITO)}" for index in range(count)]


def stacked_chart(spec: dict) -> bytes:
    """100% stacked horizontal bars: per statement one bar, or one bar per column (team, gemeente, totaal)."""
    with _LOCK, matplotlib.rc_context(FONT):
        return _svg(_stacked_figure(spec))


def _stacked_figure(spec: dict) -> Figure:
    groups, categories = spec["groups"], spec["categories"]
    colours = _palette(len(categories), spec.get("diverging", False))
    per_group = max(len(g["bars"]) for g in groups)
    single = per_group == 1  # one bar per statement: the statement number is the bar's label
    gap = 0.3 if single else 0.7
    rows = len(groups) * (per_group + gap)
    height = rows * BAR_IN + 0.45
    figure = Figure(figsize=(WIDTH_IN, height))
    label_in = spec.get("label_in", 0.45 if single else 1.0)  # room for the bar labels (gemeente names)
    left, right = label_in / WIDTH_IN, 0.15 / WIDTH_IN
    axes = figure.add_axes((left, 0.3 / height, 1 - left - right, rows * BAR_IN / height))
    number_x = -(label_in - 0.05) / (WIDTH_IN - label_in - 0.15)
    label_axes = blended_transform_factory(axes.transAxes, axes.transData)
    ticks, labels = [], []
    segments: list[list[Path]] = [[] for _ in categories]
    for g, group in enumerate(groups):
        base = g * (per_group + gap)
        if not single and group["number"]:
            axes.text(number_x, base, group["number"], transform=label_axes, ha="left", va="center",
                      fontweight="bold")
        for b, bar in enumerate(group["bars"]):
            y = base + b
            ticks.append(y)
            labels.append(group["number"] if single else bar["label"])
            if bar["values"] is None:
                axes.text(1, y, "niet getoond (zie Verantwoording)", va="center", ha="left", color="#333333")
                continue
            start = 0.0
            for k, (value, colour) in enumerate(zip(bar["values"], colours, strict=False)):
                if value > 0:
                    segments[k].append(Path.unit_rectangle().transformed(
                        Affine2D().scale(value, 0.78).translate(start, y - 0.39)))
                    if value >= MIN_LABEL_PERCENT:
                        axes.text(start + value / 2, y, format_percent(value, 0), ha="center", va="center",
                                  fontsize=6.5, color="white" if colour in DARK else "black")
                start += value
    for k, rectangles in enumerate(segments):
        if rectangles:  # one compound path per answer category keeps the SVG small and quick to draw
            axes.add_patch(PathPatch(Path.make_compound_path(*rectangles), facecolor=colours[k],
                                     edgecolor="white", linewidth=0.6))
    axes.set_ylim(rows - gap - 0.5, -0.5)
    axes.set_xlim(0, 100)
    axes.yaxis.set_major_locator(FixedLocator(ticks))
    axes.set_yticklabels(labels, fontweight="bold" if single else "normal")
    axes.xaxis.set_major_locator(FixedLocator([0, 25, 50, 75, 100]))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: format_percent(value, 0)))
    axes.tick_params(left=False, bottom=False)  # labels only: fewer SVG nodes for WeasyPrint to draw
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    return figure  # the legend is HTML beside the image (legend_classes), drawn once per chart by the page


def profile_chart(spec: dict) -> bytes:
    """Dot plot of scale means (1-5) per row, one marker shape and colour per series (team, gemeente, totaal)."""
    with _LOCK, matplotlib.rc_context(FONT):
        return _svg(_profile_figure(spec))


def _profile_figure(spec: dict) -> Figure:
    rows, series = spec["rows"], spec["series"]
    height = 0.45 + len(rows) * 0.36 + 0.35
    figure = Figure(figsize=(WIDTH_IN, height))
    left = 2.7 / WIDTH_IN
    axes = figure.add_axes((left, 0.35 / height, 1 - left - 0.2 / WIDTH_IN, len(rows) * 0.36 / height))
    for s, name in enumerate(series):
        offset = (s - (len(series) - 1) / 2) * 0.16  # a small vertical dodge keeps equal means apart
        points = [(row["values"][s], r + offset) for r, row in enumerate(rows) if row["values"][s] is not None]
        if points:
            axes.plot([p[0] for p in points], [p[1] for p in points], linestyle="none", marker=MARKERS[s],
                      markersize=6 - s, color=OKABE_ITO[s], label=name, alpha=0.9)
        else:
            axes.plot([], [], linestyle="none", marker=MARKERS[s], color=OKABE_ITO[s], label=f"{name} (niet getoond)")
    axes.yaxis.set_major_locator(FixedLocator(range(len(rows))))
    axes.set_yticklabels([textwrap.fill(row["label"], 44) for row in rows])
    axes.set_ylim(len(rows) - 0.5, -0.5)
    low, high = spec["low"], spec["high"]
    axes.set_xlim(low - 0.1, high + 0.1)
    axes.xaxis.set_major_locator(FixedLocator([low + step * 0.5 for step in range(int((high - low) * 2) + 1)]))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: format_number(value, 1)))
    axes.grid(axis="x", color="#dddddd", linewidth=0.5)
    axes.grid(axis="y", color="#f0f0f0", linewidth=0.5)
    axes.tick_params(left=False, bottom=False)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.legend(loc="upper center", ncol=len(series), frameon=False, fontsize=7, bbox_to_anchor=(0.5, 1.0))
    return figure
