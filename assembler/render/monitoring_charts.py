"""The monitoring report's charts from the year's evaluation: what each shows and says.

Three kinds: the status of measures per area, each area's indicator attainment and
the planned versus actual costs per area. The alternative text names the table next
to the chart that holds its numbers, and states the main figures itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal

from assembler.models.chapter import Area
from assembler.plan.evaluation import HUNDRED, final_target
from assembler.plan.yearly import AreaResult, IndicatorResult, YearEvaluation
from assembler.render import charts, czech
from assembler.render.charts import FONT_FOLDERS, Drawn
from assembler.render.documents import Chart

STATUSES = "stavy"
COSTS = "naklady"
# Indicators in one chart: 20 rows make a chart as tall as the A4 page's text.
PER_CHART = 20
_LABEL = 38  # characters of an area or indicator name on an axis


def indicators_key(area: Area) -> str:
    return "indikatory-" + str(area.code).lower()


def _label(code: str, title: str) -> str:
    text = f"{code} {title}"
    return text if len(text) <= _LABEL else text[: _LABEL - 1].rstrip() + "…"


def _target(key: str) -> str:
    return f"graf-{key}.svg"


def _status_alt(result: YearEvaluation, name: Callable[[str], str]) -> str:
    parts = [
        f"{_label(a.area.code, a.area.title)}: "
        + ", ".join(f"{name(k)} {n}" for k, n in a.distribution.counts.items() if n)
        for a in result.areas
    ]
    return (
        f"Skládaný pruhový graf počtu opatření podle stavu v jednotlivých oblastech v roce "
        f"{result.year}. " + "; ".join(parts) + ". Data grafu jsou v tabulce nad ním."
    )


def _indicator_rows(
    indicators: Sequence[IndicatorResult],
) -> list[tuple[str, Decimal | None, Decimal]]:
    rows = []
    for i in indicators:
        baseline, target = i.indicator.baseline.value, final_target(i.indicator).value
        span = target - baseline
        expected = (i.expected - baseline) / span if span else Decimal(1)
        rows.append((_label(i.code, i.indicator.name), i.attainment, expected))
    return rows


def _indicator_alt(area: AreaResult, year: int, part: Sequence[IndicatorResult]) -> str:
    parts = [
        f"{i.code} "
        + (czech.percent(i.attainment * HUNDRED) if i.attainment is not None else "bez údajů")
        for i in part
    ]
    return (
        f"Pruhový graf plnění cílových hodnot indikátorů oblasti {area.area.title} v roce {year} "
        f"(od výchozí hodnoty 0 % k cílové 100 %, se značkou očekávaného plnění): "
        + ", ".join(parts)
        + ". Výchozí, očekávané, skutečné a cílové hodnoty jsou v tabulce nad grafem."
    )


def split(count: int, most: int = PER_CHART) -> list[range]:
    """``count`` rows in the fewest charts of at most ``most`` rows, as even as can be
    (45 → 15 + 15 + 15): a taller chart would be shrunk to the page, its text with it."""
    parts = max(1, math.ceil(count / most))
    size = math.ceil(count / parts)
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _cost_alt(result: YearEvaluation) -> str:
    parts = []
    for a in result.areas:
        spent = result.execution.area(a.area.code)
        parts.append(
            f"{a.area.code} plánováno {czech.money(spent.planned)}, "
            f"skutečnost {czech.money(spent.actual)}"
        )
    return (
        f"Pruhový graf plánovaných a skutečných nákladů podle oblastí v roce {result.year}: "
        + "; ".join(parts)
        + ". Data grafu jsou v tabulce nad ním."
    )


def _chart(key: str, alt: str, drawn: Drawn) -> Chart:
    return Chart(_target(key), alt, drawn.svg, drawn.size, FONT_FOLDERS)


def report_charts(
    result: YearEvaluation, status_name: Callable[[str], str]
) -> dict[str, tuple[Chart, ...]]:
    """Every chart of one year's report, by the key the template asks for (an area's
    indicators may take several charts); each is being drawn (or read from the chart
    cache) when this returns."""
    out: dict[str, tuple[Chart, ...]] = {}
    if result.areas:
        statuses = [
            (status_name(key), [a.distribution.counts.get(key, 0) for a in result.areas])
            for key in result.distribution.counts
        ]
        labels = [_label(a.area.code, a.area.title) for a in result.areas]
        alt = _status_alt(result, status_name)
        out[STATUSES] = (_chart(STATUSES, alt, charts.status_chart(labels, statuses)),)
    for area in result.areas:
        indicators = [i for m in area.measures for i in m.indicators]
        key = indicators_key(area.area)
        parts = split(len(indicators)) if indicators else []
        out[key] = tuple(
            _chart(
                key if number == 1 else f"{key}-{number}",
                _indicator_alt(area, result.year, [indicators[i] for i in part]),
                charts.attainment_chart(_indicator_rows([indicators[i] for i in part])),
            )
            for number, part in enumerate(parts, start=1)
        )
    total = result.execution.total
    if total.planned or total.actual:
        rows_c = [
            (
                _label(a.area.code, a.area.title),
                result.execution.area(a.area.code).planned,
                result.execution.area(a.area.code).actual,
            )
            for a in result.areas
        ]
        out[COSTS] = (_chart(COSTS, _cost_alt(result), charts.budget_chart(rows_c)),)
    return out
