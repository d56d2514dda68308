"""How the templates print values: vocabulary labels, periods, counts, directions."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from assembler.models.chapter import Indicator, Measure
from assembler.models.plan import PlanInfo
from assembler.models.vocab import SERVICE_TYPES, ServiceForm
from assembler.render import czech

NO_REPORT = "Nevykázáno"  # the monitoring status column of a measure without a report


@dataclass(frozen=True)
class Formatting:
    info: PlanInfo

    def status_name(self, key: str) -> str:
        """A monitoring status by its name; the empty key counts measures without a report."""
        names = {s.key: s.name for s in self.info.measure_statuses}
        return names.get(key, key or NO_REPORT)

    @property
    def period(self) -> str:
        period = self.info.period
        return czech.years(period.start, period.end)

    @property
    def status(self) -> str:
        return self.info.status.label

    @property
    def municipality_genitive(self) -> str:
        """``obce``, ``kraje``, ``svazku obcí``: "zástupci obce jako zadavatele"."""
        return self.info.municipality.kind.genitive

    def kind(self, measure: Measure) -> str:
        return measure.kind.label

    def service_type(self, section: str) -> str:
        return SERVICE_TYPES.get(section, "")

    def forms(self, forms: list[ServiceForm]) -> str:
        return ", ".join(form.label for form in forms)

    def direction(self, indicator: Indicator) -> str:
        final = indicator.targets[-1].value if indicator.targets else indicator.baseline.value
        if final == indicator.baseline.value:
            return "udržet"
        return "zvýšit" if final > indicator.baseline.value else "snížit"

    def count(self, number: int, one: str, few: str, many: str) -> Markup:
        """``**3** cíle``: the number bold, the noun in the right Czech plural."""
        text = czech.plural(number, one, few, many)
        value, word = text.split(" ", 1)
        return Markup(f"**{value}** {word}")
