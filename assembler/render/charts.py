"""Charts of the monitoring report: asked for here, drawn by chart_drawing.py (matplotlib).

Each chart is an SVG made at render time from the year's evaluation; the report's
Markdown names it by a target (``graf-stavy.svg``) that no file on disk has, and
the formats take its bytes from the Document (images.py): Typst draws the vector,
DOCX gets a PNG of it, HTML embeds the SVG. The numbers of every chart are also in
the table next to it, which its alternative text says.

A chart drawn before from the same numbers comes from the chart cache
(chartcache.py) without importing matplotlib at all (a build whose charts are all
cached does not pay for it); the others are drawn on a background thread while
pandoc converts the report's text. Each chart's size is
known before it is drawn, so the formats can lay it out meanwhile (docx.py).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from assembler.render import chartcache


def _font_folder() -> str:
    """matplotlib's own fonts (``matplotlib.get_data_path()``), found without importing it."""
    spec = importlib.util.find_spec("matplotlib")
    assert spec is not None and spec.origin is not None, "matplotlib is a dependency"
    return str(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf")


# Typst takes font folders, not files: this one also holds matplotlib's other fonts,
# which no chart names and the checked report text never needs.
FONT_FOLDERS = (_font_folder(),)
WIDTH = 6.3  # inches: 16 cm, the text width of the A4 layout
_ROW = 0.38  # inches per bar (or pair of bars)
# The tallest chart that fits the A4 page's text under its caption; more rows get less
# room each (the indicators are split into charts of fewer rows before: their labels
# would overlap).
_TALLEST = 9.0


def size(rows: int) -> tuple[float, float]:
    """Width and height in inches of a chart of ``rows`` bars (or pairs of bars)."""
    return WIDTH, 1.2 + min(_ROW * max(rows, 1), _TALLEST - 1.2)


@dataclass(frozen=True)
class Drawn:
    """A chart being drawn (or read from the cache) and its size in inches."""

    svg: Future[bytes]
    size: tuple[float, float]


def status_chart(areas: Sequence[str], statuses: Sequence[tuple[str, Sequence[int]]]) -> Drawn:
    """Stacked horizontal bars: per area (top to bottom) the count of measures in each
    status; ``statuses`` is (label, count per area) in the vocabulary's order."""
    return _later("status_chart", size(len(areas)), areas, statuses)


def attainment_chart(rows: Sequence[tuple[str, Decimal | None, Decimal]]) -> Drawn:
    """Per indicator a bar of its attainment (% of the way from baseline to target) and a
    mark at the share the plan expects for the year; (label, attainment or None, expected)."""
    return _later("attainment_chart", size(len(rows)), rows)


def budget_chart(rows: Sequence[tuple[str, Decimal, Decimal]]) -> Drawn:
    """Per area two bars: planned and actual costs in Kč; (label, planned, actual)."""
    return _later("budget_chart", size(len(rows) * 2), rows)


# One thread draws every chart, in the order they were asked for (matplotlib is not
# thread-safe). Worker processes were measured: on two cores that pandoc and Typst keep
# busy they drew no sooner, and each paid for importing matplotlib again.
_DRAWER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="charts")


def _later(name: str, inches: tuple[float, float], *args: Any) -> Drawn:
    """The SVG chart_drawing's ``name(*args, inches)`` makes: cached, or drawn meanwhile."""
    key = chartcache.key(f"{name}{inches!r}{args!r}")
    # The folder of this build, even if the drawing ends after the build has moved on.
    base = chartcache.folder()
    stored = chartcache.load(key, base)
    if stored is not None:
        done: Future[bytes] = Future()
        done.set_result(stored)
        return Drawn(done, inches)
    return Drawn(_drawing(key, base, name, (*args, inches)), inches)


def _drawing(key: str, base: Path | None, name: str, args: tuple[Any, ...]) -> Future[bytes]:
    """A chart not in the cache, being drawn in the background."""
    return _DRAWER.submit(_draw_and_keep, key, base, name, args)


def _draw_and_keep(key: str, base: Path | None, name: str, args: tuple[Any, ...]) -> bytes:
    """The chart drawn and stored in the cache."""
    # matplotlib is imported only where a chart has to be drawn.
    from assembler.render import chart_drawing

    svg: bytes = getattr(chart_drawing, name)(*args)
    chartcache.store(key, svg, base)
    return svg
