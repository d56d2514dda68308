"""The plan by territory: which measures serve which municipality and locality, and what
each municipality pays (the ``obec`` funding source split by ``podil_obci``).

Every amount comes from the measures' costs, Decimal end to end: the municipalities'
shares add up exactly to the ``obec`` row of the budget by funding source.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from assembler.checks.pipeline import CheckedPlan
from assembler.models.chapter import Measure
from assembler.models.territory import Locality, RegisteredMunicipality, Territory
from assembler.models.vocab import MUNICIPAL_SOURCE
from assembler.plan.items import Item, Kind
from assembler.render import czech
from assembler.render.figures import ZERO, CostTable

# The row of the commissioner when it is not itself in the territory register.
COMMISSIONER = "zadavatel"


def served_keys(measure: Measure) -> list[str]:
    """The municipalities and localities a measure names, its services' included."""
    keys = list(measure.territory)
    for service in measure.services:
        keys += service.territory
    return list(dict.fromkeys(keys))


@dataclass(frozen=True)
class Served:
    """One municipality or locality with the measures written for it (full codes)."""

    key: str
    name: str
    kind: str
    measures: tuple[str, ...]
    municipality: RegisteredMunicipality | None = None
    locality: Locality | None = None


def _active(plan: CheckedPlan) -> list[Item[Measure]]:
    return [m for m in plan.items.of(Kind.MEASURE) if not m.cancelled]


def whole_area(plan: CheckedPlan) -> list[str]:
    """Measures that name no territory: they serve the whole plan area."""
    return [m.code for m in _active(plan) if not served_keys(m.model)]


def by_place(plan: CheckedPlan) -> list[Served]:
    """Each municipality in Czech alphabetical order, its localities (alphabetical too)
    right after it."""
    territory = plan.project.info.territory
    named: dict[str, list[str]] = {key: [] for key in territory.keys}
    for found in _active(plan):
        for key in served_keys(found.model):
            if key in named:
                named[key].append(found.code)
    rows: list[Served] = []
    localities = czech.alphabetical(territory.localities, lambda p: p.name)
    for municipality in czech.alphabetical(territory.municipalities, lambda m: m.name):
        label = municipality.status.label
        if municipality.population is not None:
            label += f", {czech.number(municipality.population)} obyvatel"
        rows.append(
            Served(
                municipality.key,
                municipality.name,
                label,
                tuple(named[municipality.key]),
                municipality=municipality,
            )
        )
        for locality in localities:
            if locality.municipality == municipality.key:
                rows.append(
                    Served(
                        locality.key,
                        locality.name,
                        locality.kind.label,
                        tuple(named[locality.key]),
                        locality=locality,
                    )
                )
    return rows


def lead_key(plan: CheckedPlan) -> str:
    """Who pays a year's municipal share that is not split: the commissioner, as the
    register municipality with its IČO, or its own row."""
    info = plan.project.info
    lead = next((m for m in info.territory.municipalities if m.ico == info.municipality.ico), None)
    return lead.key if lead else COMMISSIONER


def shares(plan: CheckedPlan, measure: Measure) -> dict[tuple[str, int], Decimal]:
    """(municipality key, year) → amount of one measure's ``obec`` costs."""
    lead = lead_key(plan)
    cells: dict[tuple[str, int], Decimal] = {}
    for year, by_source in measure.costs.items():
        split = measure.municipal_shares.get(year)
        if split:
            for key, amount in split.items():
                cells[(key, year)] = cells.get((key, year), ZERO) + amount
        elif MUNICIPAL_SOURCE in by_source:
            cells[(lead, year)] = cells.get((lead, year), ZERO) + by_source[MUNICIPAL_SOURCE]
    return cells


def _rows(plan: CheckedPlan) -> tuple[str, ...]:
    """The paying municipalities in Czech alphabetical order; the commissioner first when
    it is not one of them."""
    municipalities = plan.project.info.territory.municipalities
    keys = tuple(m.key for m in czech.alphabetical(municipalities, lambda m: m.name))
    lead = lead_key(plan)
    return keys if lead in keys else (lead, *keys)


def costs_by_municipality(plan: CheckedPlan) -> CostTable:
    """Municipality × year of the ``obec`` source over all measures not cancelled."""
    cells: dict[tuple[str, int], Decimal] = {}
    for found in _active(plan):
        for cell, amount in shares(plan, found.model).items():
            cells[cell] = cells.get(cell, ZERO) + amount
    return CostTable(_rows(plan), tuple(plan.project.info.period.years), cells)


def split_measures(plan: CheckedPlan) -> list[tuple[str, CostTable]]:
    """Measures whose municipal share is split, each with its municipality × year table."""
    found = []
    for item in _active(plan):
        if item.model.municipal_shares:
            cells = shares(plan, item.model)
            rows = tuple(r for r in _rows(plan) if any(k == r for k, _ in cells))
            found.append((item.code, CostTable(rows, tuple(sorted(item.model.costs)), cells)))
    return found


def municipality_measures(plan: CheckedPlan, key: str) -> CostTable:
    """One municipality's share per measure (rows: full codes) and year: its extract."""
    cells: dict[tuple[str, int], Decimal] = {}
    rows: list[str] = []
    for found in _active(plan):
        for (payer, year), amount in shares(plan, found.model).items():
            if payer == key and amount:
                cells[(found.code, year)] = amount
                rows += [] if found.code in rows else [found.code]
    return CostTable(tuple(rows), tuple(plan.project.info.period.years), cells)


def serves(plan: CheckedPlan, key: str) -> list[str]:
    """Measures serving a municipality: the whole area, it by name, or one of its localities."""
    territory = plan.project.info.territory
    places = {key} | {p.key for p in territory.localities if p.municipality == key}
    return [
        m.code
        for m in _active(plan)
        if not served_keys(m.model) or places & set(served_keys(m.model))
    ]


def place_names(territory: Territory, keys: list[str]) -> str:
    """Names of municipalities and localities, in Czech alphabetical order."""
    return ", ".join(czech.alphabetical((territory.name(key) for key in keys), str))


@dataclass(frozen=True)
class TerritoryView:
    """What the territory and organisation templates see (``view.territory``)."""

    checked: CheckedPlan

    @property
    def register(self) -> Territory:
        return self.checked.project.info.territory

    @property
    def has_register(self) -> bool:
        return bool(self.register.municipalities)

    @property
    def whole_area(self) -> list[str]:
        return whole_area(self.checked)

    @property
    def places(self) -> list[Served]:
        return by_place(self.checked)

    @property
    def costs(self) -> CostTable:
        return costs_by_municipality(self.checked)

    @property
    def split_measures(self) -> list[tuple[str, CostTable]]:
        return split_measures(self.checked)

    @property
    def municipality_count(self) -> str:
        return czech.plural(len(self.register.municipalities), "obec", "obce", "obcí")

    @staticmethod
    def tight(code: str) -> str:
        """``SEN 1.2`` kept on one line in a long list of codes."""
        return code.replace(" ", "\u00a0")

    def payer(self, key: str) -> str:
        if key == COMMISSIONER:
            return self.checked.project.info.municipality.name
        return self.register.name(key)

    def names(self, keys: list[str]) -> str:
        return place_names(self.register, keys)

    def served(self, measure: Measure) -> str:
        """The printed territory of a measure: the places it names, or the whole area."""
        keys = served_keys(measure)
        return self.names(keys) if keys else "celé území plánu"

    @property
    def municipal_source(self) -> str:
        info = self.checked.project.info
        return next((s.name for s in info.funding_sources if s.key == MUNICIPAL_SOURCE), "")
