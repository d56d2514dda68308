"""What the templates look up: the outline, the plan's items in index order, the registers.

Templates get the models of the plan through these lookups, never by walking
chapters → goals → measures themselves: the order, the full codes and the
cancelled state all come from the item index.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

from assembler.checks.pipeline import CheckedPlan
from assembler.models.chapter import (
    Activity,
    Area,
    Goal,
    Indicator,
    Measure,
    Priority,
    Section,
)
from assembler.models.plan import Organisation, PlanInfo
from assembler.models.vocab import GENERATED_SECTIONS
from assembler.plan.items import Item, Kind
from assembler.plan.project import OutlineItem
from assembler.render import czech
from assembler.render.territory import TerritoryView


@dataclass(frozen=True)
class Lookups:
    checked: CheckedPlan

    @property
    def info(self) -> PlanInfo:
        return self.checked.project.info

    @property
    def outline(self) -> tuple[OutlineItem, ...]:
        return self.checked.project.outline

    def number(self, entry: OutlineItem) -> int:
        """The chapter number of an outline entry (chapters and generated sections alike)."""
        return self.outline.index(entry) + 1

    def section_title(self, key: str) -> str:
        return GENERATED_SECTIONS[key]

    # The plan's items, in plan order, from the index.

    @property
    def areas(self) -> list[Area]:
        chapters = self.checked.items.of(Kind.CHAPTER)
        return [c.model for c in chapters if isinstance(c.model, Area)]

    @property
    def sections(self) -> list[Section]:
        chapters = self.checked.items.of(Kind.CHAPTER)
        return [c.model for c in chapters if isinstance(c.model, Section)]

    def priorities(self, area: Area) -> list[Priority]:
        return self._within(area, Kind.PRIORITY)

    def goals(self, area: Area) -> list[Goal]:
        return self._within(area, Kind.GOAL)

    def measures(self, parent: Area | Goal) -> list[Measure]:
        return self._within(parent, Kind.MEASURE)

    def activities(self, measure: Measure) -> list[Activity]:
        return self._within(measure, Kind.ACTIVITY)

    def indicators(self, parent: Area | Measure | None = None) -> list[Indicator]:
        """Indicators of an area or a measure, or of the whole plan."""
        if parent is None:
            return [i.model for i in self.checked.items.of(Kind.INDICATOR)]
        return self._within(parent, Kind.INDICATOR)

    def latest_actual(self, indicator: Indicator) -> tuple[Decimal, int] | None:
        """The value last reported for an indicator and the year it is for (None: never)."""
        return self._actuals.get(id(indicator))

    @property
    def has_actuals(self) -> bool:
        return bool(self._actuals)

    @cached_property
    def _actuals(self) -> dict[int, tuple[Decimal, int]]:
        by_code = {
            (i.area.code, str(i.parent.model.code), str(i.model.code)): id(i.model)
            for i in self.checked.items.of(Kind.INDICATOR)
            if i.parent is not None
        }
        found: dict[int, tuple[Decimal, int]] = {}
        for year in self.checked.monitoring.years:  # ascending: a later year replaces
            for area in year.areas:
                for measure in area.report.measures:
                    for value in measure.indicators:
                        key = (area.report.area, str(measure.code), str(value.code))
                        if key in by_code:
                            found[by_code[key]] = (value.value, year.year)
        return found

    def code(self, model: Any) -> str:
        """The full code of a model of the plan: ``SEN 1.2`` for measure 1.2 of SEN."""
        return self.item(model).code

    def cancelled(self, item: Any) -> bool:
        """Cancelled itself or with its parent (a measure of a cancelled goal, an
        indicator of a cancelled measure); ``item`` is a model or a full code."""
        found = self.checked.items.by_code(item) if isinstance(item, str) else self.item(item)
        return found is not None and found.cancelled

    def mark(self, code: str) -> str:
        """`` (zrušeno)`` after a cancelled item wherever it is listed."""
        return " (zrušeno)" if self.cancelled(code) else ""

    def reason(self, code: str) -> str:
        """Why an item is cancelled: its own ``zruseno`` or the goal it was cancelled with."""
        item = self.checked.items.by_code(code)
        while item is not None and item.cancelled:
            own = getattr(item.model, "cancelled", None)
            if own:
                return str(own) if item.code == code else f"se zrušeným cílem {item.code}"
            item = item.parent
        return ""

    def item(self, model: Any) -> Item[Any]:
        return self._items[id(model)]

    @cached_property
    def _items(self) -> dict[int, Item[Any]]:
        # Models are values, not keys (two equal measures are two items): by identity.
        return {id(item.model): item for item in self.checked.items}

    def _within(self, model: Any, kind: Kind) -> list[Any]:
        return [i.model for i in self.checked.items.within(self.item(model), kind)]

    def backlinks(self, code: str) -> list[Item[Any]]:
        """Items whose text or keys refer to ``code``, in plan order."""
        return self.checked.links.backlinks(code)

    def carriers(self, shared_code: str) -> list[Item[Any]]:
        """Goals and measures that contribute to a shared goal."""
        return self.backlinks(shared_code)

    # The registers of plan.yaml: keys → names.

    @cached_property
    def _organisations(self) -> dict[str, str]:
        return {o.key: o.name for o in self.info.organisations}

    def org(self, key: str | None) -> str:
        return self._organisations.get(key or "", key or "")

    def orgs(self, keys: list[str]) -> str:
        return ", ".join(self.org(k) for k in keys)

    def source(self, key: str) -> str:
        return {s.key: s.name for s in self.info.funding_sources}.get(key, key)

    def group(self, key: str) -> str:
        return {g.key: g.name for g in self.info.target_groups}.get(key, key)

    def groups(self, keys: list[str]) -> str:
        return ", ".join(self.group(k) for k in keys)

    def area_title(self, code: str) -> str:
        return next((a.title for a in self.areas if a.code == code), code)

    @property
    def territory(self) -> TerritoryView:
        return TerritoryView(self.checked)

    @property
    def helpers(self) -> list[Organisation]:
        """Organisations with a public one-line description of the help they give, in
        Czech alphabetical order (a directory to look a name up in)."""
        helpers = [org for org in self.info.organisations if org.help_with]
        return czech.alphabetical(helpers, lambda org: org.name)
