"""The monitoring report's charts from the year's evaluation: what each shows and says.

Three kinds: the status of measures per area, each area's indicator attainment and
the planned versus actual costs per area. The alternative text names the table next
to the chart that holds its numbers, and states the main figures itself.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from assembler.models.chapter import Area
from assembler.plan.evaluation import HUNDRED, final_target
from assembler.plan.yearly import AreaResult, YearEvaluation
from assembler.render import czech
from assembler.render.documents import Chart

STATUSES = "stavy"
COSTS = "naklady"
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


def _indicator_rows(area: AreaResult) -> list[tuple[str, Decimal | None, Decimal]]:
    rows = []
    for i in (i for m in area.measures for i in m.indicators):
        baseline, target = i.indicator.baseline.value, final_target(i.indicator).value
        span = target - baseline
        expected = (i.expected - baseline) / span if span else Decimal(1)
        rows.append((_label(i.code, i.indicator.name), i.attainment, expected))
    return rows


def _indicator_alt(area: AreaResult, year: int) -> str:
    parts = [
        f"{i.code} "
        + (czech.percent(i.attainment * HUNDRED) if i.attainment is not None else "bez údajů")
        for m in area.measures
        for i in m.indicators
    ]
    return (
        f"Pruhový graf plnění cílových hodnot indikátorů oblasti {area.area.title} v roce {year} "
        f"(od výchozí hodnoty 0 % k cílové 100 %, se značkou očekávaného plnění): "
        + ", ".join(parts)
        + ". Výchozí, očekávané, skutečné a cílové hodnoty jsou v tabulce nad grafem."
    )


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


def report_charts(result: YearEvaluation, status_name: Callable[[str], str]) -> dict[str, Chart]:
    """Every chart of one year's report, by the key the template asks for."""
    # matplotlib is imported only when a report is rendered, never by `plan check`.
    from assembler.render import charts

    out: dict[str, Chart] = {}
    if result.areas:
        statuses = [
            (status_name(key), [a.distribution.counts.get(key, 0) for a in result.areas])
            for key in result.distribution.counts
        ]
        labels = [_label(a.area.code, a.area.title) for a in result.areas]
        alt = _status_alt(result, status_name)
        out[STATUSES] = charts.status_chart(_target(STATUSES), alt, labels, statuses)
    for area in result.areas:
        rows = _indicator_rows(area)
        if rows:
            key = indicators_key(area.area)
            alt = _indicator_alt(area, result.year)
            out[key] = charts.attainment_chart(_target(key), alt, rows)
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
        out[COSTS] = charts.budget_chart(_target(COSTS), _cost_alt(result), rows_c)
    return out
