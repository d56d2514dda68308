"""One monitored year evaluated against the plan: what the monitoring report prints.

Joins each measure of the plan with its report (by area and code), then rolls the
figures of evaluation.py up measure → goal → area → plan.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from assembler.models.chapter import Area, Goal, Indicator, Measure
from assembler.models.measure_report import IndicatorReport, MeasureReport
from assembler.models.monitoring import AreaMonitoring
from assembler.models.plan import StatusItem
from assembler.plan import evaluation
from assembler.plan.evaluation import ONE, Distribution, Execution, Verdict
from assembler.plan.items import Item, ItemIndex, Kind
from assembler.plan.monitoring import MonitoredYear, active, areas
from assembler.plan.project import Project


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    indicator: Indicator
    reported: IndicatorReport | None
    expected: Decimal
    attainment: Decimal | None
    verdict: Verdict


@dataclass(frozen=True)
class MeasureResult:
    code: str
    measure: Measure
    report: MeasureReport | None
    status: StatusItem | None
    reported_by: str
    date: datetime.date | None
    progress: Decimal | None
    indicators: tuple[IndicatorResult, ...]
    stalled: bool  # reported without progress in a later year of its timeline

    @property
    def weight(self) -> Decimal:
        return self.report.weight if self.report else ONE

    @property
    def paused(self) -> bool:
        """Paused or cancelled in the report: a status that needs a reason."""
        return self.status is not None and self.status.needs_reason

    @property
    def lagging(self) -> list[IndicatorResult]:
        return [i for i in self.indicators if i.verdict is Verdict.BEHIND]

    @property
    def behind(self) -> bool:
        """Falling behind: paused or cancelled, stalled, or an indicator lagging."""
        return self.report is not None and (self.paused or self.stalled or bool(self.lagging))


@dataclass(frozen=True)
class GoalResult:
    code: str
    goal: Goal
    measures: tuple[MeasureResult, ...]
    progress: Decimal | None


@dataclass(frozen=True)
class AreaResult:
    area: Area
    goals: tuple[GoalResult, ...]
    distribution: Distribution
    progress: Decimal | None

    @property
    def measures(self) -> list[MeasureResult]:
        return [m for g in self.goals for m in g.measures]


@dataclass(frozen=True)
class YearEvaluation:
    year: int
    monitored: MonitoredYear
    areas: tuple[AreaResult, ...]
    distribution: Distribution
    progress: Decimal | None
    execution: Execution

    @property
    def measures(self) -> list[MeasureResult]:
        return [m for a in self.areas for m in a.measures]

    @property
    def missing(self) -> list[MeasureResult]:
        return [m for m in self.measures if m.report is None]

    @property
    def no_data(self) -> list[MeasureResult]:
        """Measures without a report, or reported without any figure (a status with no
        progress share that needs no reason: by default bez_udaju)."""
        return [
            m
            for m in self.measures
            if m.report is None
            or (m.progress is None and not (m.status is not None and m.status.needs_reason))
        ]

    @property
    def behind(self) -> list[MeasureResult]:
        return [m for m in self.measures if m.behind]

    @property
    def indicators(self) -> list[IndicatorResult]:
        return [i for m in self.measures for i in m.indicators]

    @property
    def costs_unreported(self) -> list[MeasureResult]:
        """Reported measures the plan gives costs for the year whose report states no
        actual costs at all (an explicit 0 is a statement): the tables count them as
        0 Kč spent, which may only be a forgotten figure."""
        return [
            m
            for m in self.measures
            if m.report is not None and not m.report.actual_costs and planned(m, self.year)
        ]


def planned(measure: MeasureResult, year: int) -> Decimal:
    """What the plan gives a measure for ``year``, all sources together."""
    return sum(measure.measure.costs.get(year, {}).values(), Decimal(0))


def _indicator(item: Item[Indicator], report: MeasureReport | None, year: int) -> IndicatorResult:
    indicator = item.model
    values = {v.code: v for v in report.indicators} if report else {}
    reported = values.get(indicator.code)
    actual = reported.value if reported else None
    return IndicatorResult(
        item.code,
        indicator,
        reported,
        evaluation.expected_value(indicator, year),
        evaluation.attainment(indicator, actual) if actual is not None else None,
        evaluation.classify(indicator, actual, year),
    )


def _stalled(measure: Measure, progress: Decimal | None, year: int) -> bool:
    """No progress in a later year of the timeline (its first year may start at 0 %)."""
    return progress == 0 and measure.timeline.start < year


def _measure(
    items: ItemIndex,
    item: Item[Measure],
    area_file: AreaMonitoring | None,
    report: MeasureReport | None,
    vocabulary: dict[str, StatusItem],
) -> MeasureResult:
    year = area_file.year if area_file else 0
    measure = item.model
    indicators = tuple(_indicator(i, report, year) for i in items.children(item, Kind.INDICATOR))
    status = vocabulary.get(report.status) if report else None
    progress = evaluation.measure_progress(report, vocabulary) if report else None
    stalled = report is not None and _stalled(measure, progress, year)
    by = (report.reported_by if report else None) or (area_file.reported_by if area_file else "")
    date = (report.date if report else None) or (area_file.date if area_file else None)
    return MeasureResult(
        item.code, measure, report, status, by, date, progress, indicators, stalled
    )


def _area(
    items: ItemIndex,
    area: Item[Any],
    monitored: MonitoredYear,
    vocabulary: dict[str, StatusItem],
) -> AreaResult:
    area_file = next((a.report for a in monitored.areas if a.report.area == area.code), None)
    reports = {r.code: r for r in reversed(area_file.measures)} if area_file else {}
    goals = []
    for goal in items.children(area, Kind.GOAL):
        results = tuple(
            _measure(items, m, area_file, reports.get(m.model.code), vocabulary)
            for m in items.children(goal, Kind.MEASURE)
            if not m.cancelled and (m.model.code in reports or active(m, monitored.year))
        )
        if results:
            progress = evaluation.weighted_mean((m.progress, m.weight) for m in results)
            goals.append(GoalResult(goal.code, goal.model, results, progress))
    statuses = [m.report.status if m.report else None for g in goals for m in g.measures]
    distribution = evaluation.status_distribution(statuses, vocabulary)
    progress = evaluation.weighted_mean((g.progress, ONE) for g in goals)
    return AreaResult(area.model, tuple(goals), distribution, progress)


def evaluate(project: Project, items: ItemIndex, monitored: MonitoredYear) -> YearEvaluation:
    vocabulary = {s.key: s for s in project.info.measure_statuses}
    results = (_area(items, area, monitored, vocabulary) for area in areas(items).values())
    area_results = tuple(result for result in results if result.goals)
    statuses = [m.report.status if m.report else None for a in area_results for m in a.measures]
    distribution = evaluation.status_distribution(statuses, vocabulary)
    progress = evaluation.weighted_mean((a.progress, ONE) for a in area_results)
    planned = [
        (m.area.code, m.model.costs.get(monitored.year, {}))
        for m in items.of(Kind.MEASURE)
        if not m.cancelled
    ]
    actual = [
        (a.area.code, m.report.actual_costs) for a in area_results for m in a.measures if m.report
    ]
    execution = evaluation.financial_execution(monitored.year, planned, actual)
    return YearEvaluation(
        monitored.year, monitored, area_results, distribution, progress, execution
    )
