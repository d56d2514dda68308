"""Money in the plan: cost tables per measure and the plan-wide budget, summed exactly.

Amounts are Decimal end to end, so every total printed equals the sum of the
cells printed next to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from assembler.checks.pipeline import CheckedPlan
from assembler.models.chapter import Measure
from assembler.plan.items import Item, Kind

ZERO = Decimal(0)


@dataclass(frozen=True)
class CostTable:
    """Amounts by row (a funding source or an area) and year, with totals both ways."""

    rows: tuple[str, ...]
    years: tuple[int, ...]
    cells: dict[tuple[str, int], Decimal]

    def cell(self, row: str, year: int) -> Decimal:
        return self.cells.get((row, year), ZERO)

    def row_total(self, row: str) -> Decimal:
        return sum((self.cell(row, y) for y in self.years), ZERO)

    def year_total(self, year: int) -> Decimal:
        return sum((self.cell(r, year) for r in self.rows), ZERO)

    @property
    def total(self) -> Decimal:
        return sum((self.row_total(r) for r in self.rows), ZERO)


def _add(cells: dict[tuple[str, int], Decimal], row: str, year: int, amount: Decimal) -> None:
    cells[(row, year)] = cells.get((row, year), ZERO) + amount


def measure_costs(measure: Measure, source_order: Iterable[str]) -> CostTable:
    cells: dict[tuple[str, int], Decimal] = {}
    for year, by_source in measure.costs.items():
        for source, amount in by_source.items():
            _add(cells, source, year, amount)
    used = {row for row, _ in cells}
    rows = tuple(s for s in source_order if s in used)
    return CostTable(rows, tuple(sorted(measure.costs)), cells)


def _active(plan: CheckedPlan) -> list[Item[Measure]]:
    """Measures that are not cancelled, themselves or with their goal."""
    return [m for m in plan.items.of(Kind.MEASURE) if not m.cancelled]


def budget_by_source(plan: CheckedPlan) -> CostTable:
    """Year × funding source over all measures that are not cancelled."""
    project = plan.project
    cells: dict[tuple[str, int], Decimal] = {}
    for found in _active(plan):
        for year, by_source in found.model.costs.items():
            for source, amount in by_source.items():
                _add(cells, source, year, amount)
    order = [s.key for s in project.info.funding_sources]
    used = {row for row, _ in cells}
    return CostTable(tuple(s for s in order if s in used), tuple(project.info.period.years), cells)


def budget_by_area(plan: CheckedPlan) -> CostTable:
    """Area (chapter code) × year over all measures that are not cancelled."""
    cells: dict[tuple[str, int], Decimal] = {}
    for found in _active(plan):
        for year, by_source in found.model.costs.items():
            _add(cells, found.area.code, year, sum(by_source.values(), ZERO))
    rows = tuple(area.code for _, area in plan.project.areas)
    return CostTable(rows, tuple(plan.project.info.period.years), cells)


def measure_total(measure: Measure) -> Decimal:
    return sum((a for by_source in measure.costs.values() for a in by_source.values()), ZERO)
