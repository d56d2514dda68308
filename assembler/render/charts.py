"""Charts of the monitoring report, drawn by matplotlib behind this one module.

Each chart is an SVG made at render time from the year's evaluation; the report's
Markdown names it by a target (``graf-stavy.svg``) that no file on disk has, and
the formats take its bytes from the Document (images.py): Typst draws the vector,
DOCX gets a PNG of it, HTML embeds the SVG. The numbers of every chart are also in
the table next to it, which its alternative text says.

Byte-reproducible: no date in the metadata, a fixed hash salt for the SVG ids,
glyphs written as paths (the PDF and the PNG do not depend on installed fonts).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from assembler.render import czech
from assembler.render.documents import Chart

# Any: matplotlib types rc keys as a Literal of every parameter name.
_RC: Any = {
    "svg.hashsalt": "plan-assembler",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",  # shipped with matplotlib, has every Czech letter
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_WIDTH = 6.3  # inches: 16 cm, the text width of the A4 layout
# Colour-blind-safe (Okabe–Ito); statuses also differ by their order and the legend.
_COLOURS = ("#009E73", "#56B4E9", "#E69F00", "#CC79A7", "#D55E00", "#999999", "#0072B2")
PLANNED, ACTUAL = "#0072B2", "#E69F00"


def _svg(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return out.getvalue()


def _figure(rows: int) -> tuple[Figure, Axes]:
    figure = Figure(figsize=(_WIDTH, 1.2 + 0.38 * max(rows, 1)), layout="constrained")
    return figure, figure.add_subplot()


def _tick(value: float) -> str:
    """A tick value in Czech: ``1 500 000``, ``2,5``; the float's shortest repr, rounded."""
    return czech.number(Decimal(repr(round(float(value), 6))).normalize())


def _czech_ticks(axes: Axes, suffix: str = "") -> None:
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _tick(x) + suffix))


def status_chart(
    name: str, alt: str, areas: Sequence[str], statuses: Sequence[tuple[str, Sequence[int]]]
) -> Chart:
    """Stacked horizontal bars: per area (top to bottom) the count of measures in each
    status; ``statuses`` is (label, count per area) in the vocabulary's order."""
    with rc_context(_RC):
        figure, axes = _figure(len(areas))
        rows = range(len(areas))
        left = [0] * len(areas)
        # Statuses nobody is in would only crowd the legend; the table lists them all.
        for index, (label, counts) in enumerate(statuses):
            if not any(counts):
                continue
            colour = _COLOURS[index % len(_COLOURS)]
            axes.barh(rows, counts, left=left, label=label, color=colour, height=0.6)
            left = [a + b for a, b in zip(left, counts, strict=True)]
        axes.set_yticks(list(rows), list(areas))
        axes.invert_yaxis()
        axes.set_xlabel("Počet opatření")
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        _czech_ticks(axes)
        figure.legend(loc="outside lower center", ncols=min(len(statuses), 4), frameon=False)
        return Chart(name, alt, _svg(figure))


def attainment_chart(
    name: str, alt: str, rows: Sequence[tuple[str, Decimal | None, Decimal]]
) -> Chart:
    """Per indicator a bar of its attainment (% of the way from baseline to target) and a
    mark at the share the plan expects for the year; (label, attainment or None, expected)."""
    with rc_context(_RC):
        figure, axes = _figure(len(rows))
        ys = range(len(rows))
        values = [float(a * 100) if a is not None else 0.0 for _, a, _ in rows]
        axes.barh(ys, values, color=PLANNED, height=0.6, label="Skutečné plnění")
        expected = [float(e * 100) for _, _, e in rows]
        axes.scatter(expected, ys, marker="|", s=300, color="#222222", label="Očekáváno", zorder=3)
        for y, (_, value, _) in zip(ys, rows, strict=True):
            if value is None:
                axes.text(1, y, "bez údajů", va="center", fontsize=8)
        axes.axvline(100, color="#222222", linewidth=0.8, linestyle="--")
        axes.set_yticks(list(ys), [label for label, _, _ in rows])
        axes.invert_yaxis()
        axes.set_xlabel("Plnění cíle (výchozí hodnota = 0 %, cíl = 100 %)")
        low = min([0.0, *values, *expected])
        axes.set_xlim(low - 5 if low < 0 else 0, max([110.0, *values, *expected]) + 5)
        _czech_ticks(axes, "\u00a0%")
        figure.legend(loc="outside lower center", ncols=2, frameon=False)
        return Chart(name, alt, _svg(figure))


def budget_chart(name: str, alt: str, rows: Sequence[tuple[str, Decimal, Decimal]]) -> Chart:
    """Per area two bars: planned and actual costs in Kč; (label, planned, actual)."""
    with rc_context(_RC):
        figure, axes = _figure(len(rows) * 2)
        ys = [float(i) for i in range(len(rows))]
        planned = [float(p) for _, p, _ in rows]
        actual = [float(a) for _, _, a in rows]
        axes.barh([y - 0.2 for y in ys], planned, height=0.4, color=PLANNED, label="Plánováno")
        axes.barh([y + 0.2 for y in ys], actual, height=0.4, color=ACTUAL, label="Skutečnost")
        axes.set_yticks(ys, [label for label, _, _ in rows])
        axes.invert_yaxis()
        axes.set_xlabel("Náklady (Kč)")
        _czech_ticks(axes)
        figure.legend(loc="outside lower center", ncols=2, frameon=False)
        return Chart(name, alt, _svg(figure))
