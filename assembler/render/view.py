"""What the templates see: the checked plan plus names, labels and computed tables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from assembler.checks.abbreviations import used_abbreviations
from assembler.checks.pipeline import CheckedPlan
from assembler.models.chapter import Area, Indicator, Measure, Person
from assembler.models.plan import Organisation, PlanInfo, VocabItem
from assembler.models.vocab import GENERATED_SECTIONS, SERVICE_TYPES, PlanStatus, ServiceForm
from assembler.plan.items import Item, Kind
from assembler.plan.project import ChapterFile, OutlineItem
from assembler.render import czech, figures, indexes
from assembler.render.territory import TerritoryView


@dataclass(frozen=True)
class PlanView:
    checked: CheckedPlan

    @property
    def info(self) -> PlanInfo:
        return self.checked.project.info

    @property
    def outline(self) -> tuple[OutlineItem, ...]:
        return self.checked.project.outline

    @property
    def chapters(self) -> list[ChapterFile]:
        return self.checked.project.chapters

    @property
    def areas(self) -> list[Area]:
        return [area for _, area in self.checked.project.areas]

    @property
    def period(self) -> str:
        period = self.info.period
        return czech.years(period.start, period.end)

    @property
    def status(self) -> str:
        return self.info.status.label

    def number(self, item: OutlineItem) -> int:
        return self.outline.index(item) + 1

    def section_title(self, key: str) -> str:
        return GENERATED_SECTIONS[key]

    def org(self, key: str | None) -> str:
        names = {o.key: o.name for o in self.info.organisations}
        return names.get(key or "", key or "")

    def person(self, person: Person) -> str:
        """Name, position and organisation; contacts only where the person made them public."""
        parts = [person.name]
        if person.position:
            parts.append(person.position)
        if person.organisation:
            parts.append(self.org(person.organisation))
        if person.public_contact:
            parts += [c for c in (person.email, person.phone) if c]
        return ", ".join(parts)

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

    def kind(self, measure: Measure) -> str:
        return measure.kind.label

    def service_type(self, section: str) -> str:
        return SERVICE_TYPES.get(section, "")

    def forms(self, forms: list[ServiceForm]) -> str:
        return ", ".join(form.label for form in forms)

    def costs(self, measure: Measure) -> figures.CostTable:
        return figures.measure_costs(measure, [s.key for s in self.info.funding_sources])

    def measure_total(self, measure: Measure) -> Decimal:
        return figures.measure_total(measure)

    def direction(self, indicator: Indicator) -> str:
        final = indicator.targets[-1].value if indicator.targets else indicator.baseline.value
        if final == indicator.baseline.value:
            return "udržet"
        return "zvýšit" if final > indicator.baseline.value else "snížit"

    def backlinks(self, code: str) -> list[Item[Any]]:
        return self.checked.links.backlinks(code)

    def full(self, area: Area, code: str) -> str:
        return f"{area.code} {code}"

    @property
    def budget_by_source(self) -> figures.CostTable:
        return figures.budget_by_source(self.checked)

    @property
    def budget_by_area(self) -> figures.CostTable:
        return figures.budget_by_area(self.checked)

    @property
    def territory(self) -> TerritoryView:
        return TerritoryView(self.checked)

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

    def measures(self, area: Area) -> list[tuple[str, Measure]]:
        chapter = self.checked.items.by_code(area.code)
        assert chapter is not None
        measures = self.checked.items.within(chapter, Kind.MEASURE)
        return [(m.parent.model.code, m.model) for m in measures if m.parent is not None]

    def cancelled(self, code: str) -> bool:
        """Cancelled itself or with its goal (or, for an indicator, with its measure)."""
        item = self.checked.items.by_code(code)
        while item is not None and item.kind is Kind.INDICATOR:
            item = item.parent
        return item is not None and item.cancelled

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

    def any_cancelled(self, area: Area) -> bool:
        return any(self.cancelled(self.full(area, m.code)) for _, m in self.measures(area))

    def area_total(self, area: Area) -> Decimal:
        """What the area's measures cost, cancelled ones left out — as in the budget."""
        return sum(
            (
                figures.measure_total(m)
                for _, m in self.measures(area)
                if not self.cancelled(self.full(area, m.code))
            ),
            Decimal(0),
        )

    def carriers(self, shared_code: str) -> list[Item[Any]]:
        return self.backlinks(shared_code)

    @property
    def goal_count(self) -> int:
        return sum(1 for g in self.checked.items.of(Kind.GOAL) if not g.cancelled)

    @property
    def measure_count(self) -> int:
        return sum(1 for m in self.checked.items.of(Kind.MEASURE) if not m.cancelled)

    @property
    def helpers(self) -> list[Organisation]:
        """Organisations with a public one-line description of the help they give."""
        return [org for org in self.info.organisations if org.help_with]

    @property
    def status_sentence(self) -> str:
        info = self.info
        if info.approval:
            a = info.approval
            return (
                f"Plán byl schválen usnesením č. {a.resolution} ze dne {czech.date(a.date)}. "
                f"Schvalující orgán: {a.body}. Platí pro roky {self.period}."
            )
        if info.status is PlanStatus.CONSULTATION:
            return "Plán je zveřejněn k připomínkám. Své návrhy můžete poslat podle pokynů výše."
        return "Plán je ve fázi návrhu a před schválením se ještě může změnit."

    @property
    def municipality_genitive(self) -> str:
        return self.info.municipality.kind.genitive

    def count(self, number: int, one: str, few: str, many: str) -> Markup:
        """``**3** cíle``: the number bold, the noun in the right Czech plural."""
        text = czech.plural(number, one, few, many)
        value, word = text.split(" ", 1)
        return Markup(f"**{value}** {word}")

    def plain(self, text: str) -> str:
        """Spell out the plan's abbreviations for readers of the public summary."""
        known = self.info.abbreviations

        def spell(match: re.Match[str]) -> str:
            word = match.group(0)
            return f"{word} ({known[word]})" if word in known else word

        return re.sub(r"(?<![\w])[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]{2,}\+?(?![\w])", spell, text)

    def first_sentence(self, markdown: str, chapter: str) -> str:
        """The first sentence of a description, as plain text, for the public summary."""
        text = self.checked.links.linked(markdown, chapter).render(linked=False)
        text = re.sub(r"[*_`#>]|!?\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", text)
        text = " ".join(text.split())
        match = re.match(r"(.+?[.!?])(?=\s+[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]|$)", text)
        sentence = match.group(1) if match else text
        return sentence if len(sentence) <= 240 else sentence[:237].rsplit(" ", 1)[0] + " …"
