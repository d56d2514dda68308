"""The monitoring report's charts drawn by matplotlib, behind this one module: each
function returns the SVG of one chart (charts.py asks for them, from the cache or a
background thread, and only then is matplotlib imported).

Byte-reproducible: no date in the metadata, a fixed hash salt for the SVG ids.
Text stays text in DejaVu Sans, the font matplotlib ships (charts.FONT_FOLDERS):
Typst is given that very file, so the PDF and the PNG do not depend on installed
fonts; a browser without it falls back to a narrower sans-serif, which fits the
room laid out for DejaVu, and so does Carlito (four fifths of its width), in which
the DOCX's PNGs are set to match the body text (images.chart_font). Glyphs as paths
made each chart three times slower.

Drawing is most of a report's time, so a chart is laid out once, by hand, instead
of by the constrained layout engine (which draws everything an extra time to
measure it): the margins come from the widest label, computed from per-character
widths, and each series of bars is one collection rather than a patch per bar.
"""

from __future__ import annotations

import io
import math
import os
import types
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from typing import Any

from matplotlib import font_manager, ft2font, rc_context
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.markers import TICKDOWN
from matplotlib.textpath import text_to_path
from matplotlib.ticker import Locator, MaxNLocator
from matplotlib.transforms import offset_copy

from assembler.render import czech


@cache
def _font_file(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()


def _face(path: Any, *args: Any, **kwargs: Any) -> ft2font.FT2Font:
    """A font face read from the font file's bytes in memory, not through a file."""
    if isinstance(path, str | os.PathLike):
        return ft2font.FT2Font(io.BytesIO(_font_file(os.fspath(path))), *args, **kwargs)
    return ft2font.FT2Font(path, *args, **kwargs)


def _fonts_from_memory() -> None:
    """matplotlib opens a font as a Python file and FreeType reads the glyphs through it,
    a seek and a read (two system calls) per access: ~600 000 for the 78 charts of a
    1000-measure report, a fifth to a quarter of their drawing. From the file's bytes in
    memory the glyphs and metrics are the same (so are the SVG's bytes, tested). The
    faces are made through font_manager's module attribute ``ft2font``: where a
    matplotlib release no longer does so, this changes nothing (test_chart_drawing says)."""
    if getattr(font_manager, "ft2font", None) is not ft2font:
        return
    in_memory = types.ModuleType(ft2font.__name__, ft2font.__doc__)
    in_memory.__dict__.update(vars(ft2font))
    in_memory.FT2Font = _face  # type: ignore[attr-defined]
    font_manager.ft2font = in_memory  # type: ignore[attr-defined]


_fonts_from_memory()


_SIZE = 9  # points
# Any: matplotlib types rc keys as a Literal of every parameter name.
_RC: Any = {
    "svg.hashsalt": "plan-assembler",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    # DejaVu Sans is shipped with matplotlib and has every Czech letter; the rest is
    # only what the SVG names for a browser that lacks it.
    "font.sans-serif": ["DejaVu Sans", "Verdana", "Arial", "Helvetica"],
    "font.size": _SIZE,
    "figure.dpi": 72,  # the SVG's unit: text is measured at one resolution only
    "axes.spines.top": False,
    "axes.spines.right": False,
}
# Colour-blind-safe (Okabe–Ito); statuses also differ by their order and the legend.
_COLOURS = ("#009E73", "#56B4E9", "#E69F00", "#CC79A7", "#D55E00", "#999999", "#0072B2")
PLANNED, ACTUAL = "#0072B2", "#E69F00"
_BAR = 0.6  # of a row's height


def _svg(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return out.getvalue()


@cache
def _advance(char: str) -> float:
    """The width of one character at the chart's font size, in points."""
    prop = FontProperties(family=_RC["font.sans-serif"][0], size=_SIZE)
    width: float = text_to_path.get_text_width_height_descent(char, prop, ismath=False)[0]
    return width


def _width(text: str) -> float:
    """A label's width in points; kerning only narrows DejaVu Sans, so this is an upper
    bound (a label is never clipped by the margin made for it)."""
    return sum(_advance(c) for c in text)


def _figure(
    labels: Sequence[str], inches: tuple[float, float], legend: int, columns: int
) -> tuple[Figure, Axes]:
    """A figure of ``inches`` whose axes leave room for the row labels on the left and for
    the tick labels, the axis label and a legend of ``legend`` entries in ``columns`` below."""
    width, height = inches
    figure = Figure(figsize=(width, height))
    left = (max((_width(label) for label in labels), default=0) + 12) / 72
    # ticks 9 pt + pad, axis label 9 pt + pad, legend rows of ~14 pt, margins
    below = (44 + 14 * math.ceil(legend / max(columns, 1))) / 72
    figure.subplots_adjust(
        left=left / width, right=1 - 0.3 / width, top=1 - 0.12 / height, bottom=below / height
    )
    return figure, figure.add_subplot()


def _legend(figure: Figure, columns: int) -> None:
    figure.legend(loc="lower center", ncols=columns, frameon=False, bbox_to_anchor=(0.5, 0.0))


def _rows(figure: Figure, axes: Axes, labels: Sequence[str]) -> None:
    """The row labels, top to bottom, as plain texts beside the axis (a tick per row
    would cost a line, a marker and a copy of every tick property each)."""
    axes.set_yticks([])
    axes.set_ylim(len(labels) - 0.5, -0.5)
    beside = offset_copy(axes.get_yaxis_transform(), figure, x=-4, units="points")
    for y, label in enumerate(labels):
        axes.text(0, y, label, transform=beside, ha="right", va="center")


def _bars(
    axes: Axes,
    starts: Sequence[float],
    lengths: Sequence[float],
    offset: float,
    height: float,
    **style: Any,
) -> None:
    """Horizontal bars, one per row, as one collection."""
    boxes = []
    for y, (x, length) in enumerate(zip(starts, lengths, strict=True)):
        low, high = y + offset - height / 2, y + offset + height / 2
        boxes.append([(x, low), (x + length, low), (x + length, high), (x, high)])
    axes.add_collection(PolyCollection(boxes, linewidths=0, **style))


def _tick(value: float) -> str:
    """A tick value in Czech: ``1 500 000``, ``2,5``; the float's shortest repr, rounded."""
    return czech.number(Decimal(repr(round(float(value), 6))).normalize())


def _x_axis(
    figure: Figure, axes: Axes, label: str, locator: Locator | None = None, suffix: str = ""
) -> None:
    """The x axis's tick marks, their labels in Czech and the axis label, where
    matplotlib's axis puts them (3.5 pt marks, labels 3.5 pt below, the axis label 4 pt
    below those), drawn as one line of marks and plain texts: matplotlib's own ticks are
    two lines and two texts each with every property copied, two fifths of a chart's
    drawing. The ticks are the ones its locator picks (``locator`` or its default)."""
    if locator is not None:
        axes.xaxis.set_major_locator(locator)
    low, high = axes.get_xlim()
    slack = (high - low) * 1e-9
    ticks = [t for t in axes.xaxis.get_major_locator()() if low - slack <= t <= high + slack]
    axes.xaxis.set_visible(False)
    axes.yaxis.set_visible(False)
    on_axis = axes.get_xaxis_transform()
    axes.plot(
        ticks,
        [0] * len(ticks),
        linestyle="none",
        marker=TICKDOWN,
        markersize=3.5,
        markeredgewidth=0.8,
        color="black",
        transform=on_axis,
        clip_on=False,
    )
    below = offset_copy(on_axis, figure, y=-7, units="points")
    for tick in ticks:
        axes.text(tick, 0, _tick(tick) + suffix, transform=below, ha="center", va="top")
    # Where matplotlib put it below a line of these labels: 20 pt below the axis.
    under = offset_copy(axes.transAxes, figure, y=-20, units="points")
    axes.text(0.5, 0, label, transform=under, ha="center", va="top")


def status_chart(
    areas: Sequence[str],
    statuses: Sequence[tuple[str, Sequence[int]]],
    inches: tuple[float, float],
) -> bytes:
    """See charts.status_chart."""
    # Statuses nobody is in would only crowd the legend; the table lists them all.
    shown = [(i, label, counts) for i, (label, counts) in enumerate(statuses) if any(counts)]
    columns = min(len(statuses), 4)
    with rc_context(_RC):
        figure, axes = _figure(areas, inches, len(shown), columns)
        left = [0] * len(areas)
        for index, label, counts in shown:
            colour = _COLOURS[index % len(_COLOURS)]
            _bars(axes, left, counts, 0, _BAR, facecolors=colour, label=label)
            left = [a + b for a, b in zip(left, counts, strict=True)]
        _rows(figure, axes, areas)
        axes.set_xlim(0, max([1, *left]) * 1.05)
        _x_axis(figure, axes, "Počet opatření", MaxNLocator(integer=True))
        _legend(figure, columns)
        return _svg(figure)


def attainment_chart(
    rows: Sequence[tuple[str, Decimal | None, Decimal]], inches: tuple[float, float]
) -> bytes:
    """See charts.attainment_chart."""
    labels = [label for label, _, _ in rows]
    with rc_context(_RC):
        figure, axes = _figure(labels, inches, 2, 2)
        ys = range(len(rows))
        values = [float(a * 100) if a is not None else 0.0 for _, a, _ in rows]
        _bars(axes, [0.0] * len(rows), values, 0, _BAR, facecolors=PLANNED, label="Skutečné plnění")
        expected = [float(e * 100) for _, _, e in rows]
        axes.scatter(expected, ys, marker="|", s=300, color="#222222", label="Očekáváno", zorder=3)
        for y, (_, value, _) in zip(ys, rows, strict=True):
            if value is None:
                axes.text(1, y, "bez údajů", va="center", fontsize=8)
        axes.axvline(100, color="#222222", linewidth=0.8, linestyle="--")
        _rows(figure, axes, labels)
        low = min([0.0, *values, *expected])
        axes.set_xlim(low - 5 if low < 0 else 0, max([110.0, *values, *expected]) + 5)
        _x_axis(figure, axes, "Plnění cíle (výchozí hodnota = 0 %, cíl = 100 %)", suffix="\u00a0%")
        _legend(figure, 2)
        return _svg(figure)


def budget_chart(
    rows: Sequence[tuple[str, Decimal, Decimal]], inches: tuple[float, float]
) -> bytes:
    """See charts.budget_chart; in millions from a million on, so the tick labels stay apart."""
    labels = [label for label, _, _ in rows]
    largest = max([Decimal(0), *(max(p, a) for _, p, a in rows)])
    scale = 1e6 if largest >= 1_000_000 else 1.0
    with rc_context(_RC):
        figure, axes = _figure(labels, inches, 2, 2)
        planned = [float(p) / scale for _, p, _ in rows]
        actual = [float(a) / scale for _, _, a in rows]
        zeros = [0.0] * len(rows)
        _bars(axes, zeros, planned, -0.2, 0.4, facecolors=PLANNED, label="Plánováno")
        _bars(axes, zeros, actual, 0.2, 0.4, facecolors=ACTUAL, label="Skutečnost")
        _rows(figure, axes, labels)
        axes.set_xlim(0, max([1 / scale, *planned, *actual]) * 1.05)
        label = "Náklady (mil. Kč)" if scale > 1 else "Náklady (Kč)"
        _x_axis(figure, axes, label, MaxNLocator(nbins=6))
        _legend(figure, 2)
        return _svg(figure)
