"""The computed tables the templates print: budgets, costs, plan-wide indexes, counts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from assembler.checks.abbreviations import used_abbreviations
from assembler.checks.pipeline import CheckedPlan
from assembler.models.chapter import Area, Measure
from assembler.models.plan import VocabItem
from assembler.plan.items import Item, Kind
from assembler.render import czech, figures, indexes

if TYPE_CHECKING:
    from assembler.plan.yearly import YearEvaluation


@dataclass(frozen=True)
class Tables:
    checked: CheckedPlan

    @property
    def evaluations(self) -> list[YearEvaluation]:
        """Every monitored year with reports, evaluated (the vyhodnoceni section)."""
        from assembler.plan.yearly import evaluate

        checked = self.checked
        return [
            evaluate(checked.project, checked.items, year)
            for year in checked.monitoring.years
            if year.areas
        ]

    @property
    def budget_by_source(self) -> figures.CostTable:
        return figures.budget_by_source(self.checked)

    @property
    def budget_by_area(self) -> figures.CostTable:
        return figures.budget_by_area(self.checked)

    def costs(self, measure: Measure) -> figures.CostTable:
        sources = [s.key for s in self.checked.project.info.funding_sources]
        return figures.measure_costs(measure, sources)

    def measure_total(self, measure: Measure) -> Decimal:
        return figures.measure_total(measure)

    def area_total(self, area: Area) -> Decimal:
        """What the area's measures cost, cancelled ones left out — as in the budget."""
        return sum((figures.measure_total(m.model) for m in self._active(area)), Decimal(0))

    def any_cancelled(self, area: Area) -> bool:
        return len(self._active(area)) < len(self._measures(area))

    def _measures(self, area: Area) -> list[Item[Measure]]:
        chapter = self.checked.items.by_code(area.code)
        return self.checked.items.within(chapter, Kind.MEASURE) if chapter else []

    def _active(self, area: Area) -> list[Item[Measure]]:
        return [m for m in self._measures(area) if not m.cancelled]

    @property
    def responsibilities(self) -> list[indexes.Responsibility]:
        return indexes.responsibilities(self.checked)

    @property
    def by_target_group(self) -> list[tuple[VocabItem, list[str]]]:
        return indexes.by_target_group(self.checked)

    @property
    def by_service_type(self) -> list[tuple[str, str, list[indexes.ServiceUse]]]:
        return indexes.by_service_type(self.checked)

    @property
    def abbreviations(self) -> dict[str, str]:
        checked = self.checked
        used = used_abbreviations(checked.project, checked.items, checked.links.texts)
        return {short: used[short] for short in sorted(used, key=czech.sort_key)}

    @property
    def goal_count(self) -> int:
        return sum(1 for g in self.checked.items.of(Kind.GOAL) if not g.cancelled)

    @property
    def measure_count(self) -> int:
        return sum(1 for m in self.checked.items.of(Kind.MEASURE) if not m.cancelled)
