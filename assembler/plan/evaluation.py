"""The monitoring's arithmetic: status distribution, weighted progress, indicator attainment,
financial execution. Pure functions of models and Decimals, one per figure the report prints.

Decimal end to end: a percentage printed is computed from exact counts and amounts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

from assembler.models.chapter import Indicator, IndicatorValue
from assembler.models.measure_report import MeasureReport
from assembler.models.plan import StatusItem

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
# The distribution's bucket for measures that ran that year and have no report.
MISSING = ""


class Verdict(StrEnum):
    """How an indicator stands in a year."""

    MET = "splněno"
    ON_TRACK = "na dobré cestě"
    BEHIND = "zaostává"
    NO_DATA = "bez údajů"


@dataclass(frozen=True)
class Distribution:
    """How many measures are in each status; ``counts`` keeps the vocabulary's order."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, key: str) -> Decimal:
        """Percentage of all counted measures (0 when nothing was counted)."""
        total = self.total
        return Decimal(self.counts.get(key, 0)) * HUNDRED / total if total else ZERO


def status_distribution(statuses: Iterable[str | None], order: Iterable[str]) -> Distribution:
    """Count statuses (None = no report, counted under MISSING) in vocabulary order; statuses
    that do not occur are kept with 0 so that every table lists the whole vocabulary."""
    counts = dict.fromkeys(order, 0)
    for status in statuses:
        key = MISSING if status is None else status
        counts[key] = counts.get(key, 0) + 1
    if not counts.get(MISSING):
        counts.pop(MISSING, None)
    return Distribution(counts)


def measure_progress(report: MeasureReport, vocabulary: Mapping[str, StatusItem]) -> Decimal | None:
    """The report's own ``pokrok`` if given, else its status's share; None when neither says
    (paused, cancelled, no data): such a measure is left out of the averages."""
    if report.progress is not None:
        return report.progress
    status = vocabulary.get(report.status)
    return status.share if status is not None else None


def weighted_mean(values: Iterable[tuple[Decimal | None, Decimal]]) -> Decimal | None:
    """Σ value·weight / Σ weight over the children that have a value (Decidim's roll-up)."""
    known = [(value, weight) for value, weight in values if value is not None]
    weights = sum((weight for _, weight in known), ZERO)
    if not known or weights == 0:
        return None
    return sum((value * weight for value, weight in known), ZERO) / weights


def _points(indicator: Indicator) -> list[IndicatorValue]:
    return [indicator.baseline, *sorted(indicator.targets, key=lambda t: t.year)]


def final_target(indicator: Indicator) -> IndicatorValue:
    return _points(indicator)[-1]


def expected_value(indicator: Indicator, year: int) -> Decimal:
    """The value the plan implies for ``year``: straight lines from the baseline through each
    milestone to the target; the baseline before it, the target after it."""
    points = _points(indicator)
    if year <= points[0].year:
        return points[0].value
    for before, after in pairwise(points):
        if year <= after.year:
            span = after.year - before.year
            if span <= 0:
                return after.value
            return before.value + (after.value - before.value) * (year - before.year) / span
    return points[-1].value


def reaches(indicator: Indicator, actual: Decimal, value: Decimal) -> bool:
    """Whether ``actual`` is at ``value`` or beyond it in the indicator's good direction."""
    return actual >= value if indicator.higher_is_better else actual <= value


def attainment(indicator: Indicator, actual: Decimal) -> Decimal:
    """(actual − baseline) / (target − baseline) as a fraction (1 = target reached). The sign
    of both differences follows the direction, so a falling indicator is measured alike; an
    indicator whose target equals its baseline (keep the level) is 1 when kept, else 0."""
    baseline, target = indicator.baseline.value, final_target(indicator).value
    if target == baseline:
        return ONE if reaches(indicator, actual, target) else ZERO
    return (actual - baseline) / (target - baseline)


def classify(indicator: Indicator, actual: Decimal | None, year: int) -> Verdict:
    if actual is None:
        return Verdict.NO_DATA
    if reaches(indicator, actual, final_target(indicator).value):
        return Verdict.MET
    if reaches(indicator, actual, expected_value(indicator, year)):
        return Verdict.ON_TRACK
    return Verdict.BEHIND


@dataclass(frozen=True)
class Spending:
    planned: Decimal = ZERO
    actual: Decimal = ZERO

    @property
    def ratio(self) -> Decimal | None:
        """actual / planned as a fraction; None when nothing was planned."""
        return self.actual / self.planned if self.planned else None

    def __add__(self, other: Spending) -> Spending:
        return Spending(self.planned + other.planned, self.actual + other.actual)


@dataclass(frozen=True)
class Execution:
    """Planned and actual costs of one year by (area code, funding source)."""

    year: int
    cells: dict[tuple[str, str], Spending]

    def _sum(self, keep: Iterable[tuple[str, str]]) -> Spending:
        total = Spending()
        for key in keep:
            total += self.cells[key]
        return total

    def area(self, code: str) -> Spending:
        return self._sum(k for k in self.cells if k[0] == code)

    def source(self, key: str) -> Spending:
        return self._sum(k for k in self.cells if k[1] == key)

    def cell(self, code: str, key: str) -> Spending:
        return self.cells.get((code, key), Spending())

    @property
    def total(self) -> Spending:
        return self._sum(self.cells)


def financial_execution(
    year: int,
    planned: Iterable[tuple[str, Mapping[str, Decimal]]],
    actual: Iterable[tuple[str, Mapping[str, Decimal]]],
) -> Execution:
    """Sum planned and actual amounts per (area, source); inputs are (area code, amounts by
    source) per measure: the plan's costs for ``year`` and the reported actual costs."""
    cells: dict[tuple[str, str], Spending] = {}
    for area, amounts in planned:
        for source, amount in amounts.items():
            cells[(area, source)] = cells.get((area, source), Spending()) + Spending(amount, ZERO)
    for area, amounts in actual:
        for source, amount in amounts.items():
            cells[(area, source)] = cells.get((area, source), Spending()) + Spending(ZERO, amount)
    return Execution(year, cells)
