"""Sentences the templates print: the plan's status, plain text for the public summary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assembler.checks.pipeline import CheckedPlan
from assembler.models.chapter import Measure, Person
from assembler.models.vocab import MeasureKind, PlanStatus
from assembler.render import czech
from assembler.render.formatting import Formatting
from assembler.render.lookups import Lookups


@dataclass(frozen=True)
class Prose:
    checked: CheckedPlan
    lookups: Lookups

    def person(self, person: Person) -> str:
        """Name, position and organisation; contacts only where the person made them public."""
        parts = [person.name]
        if person.position:
            parts.append(person.position)
        if person.organisation:
            parts.append(self.lookups.org(person.organisation))
        if person.public_contact:
            parts += [c for c in (person.email, person.phone) if c]
        return ", ".join(parts)

    @property
    def status_sentence(self) -> str:
        info = self.checked.project.info
        if info.approval:
            a = info.approval
            return (
                f"Plán byl schválen usnesením č. {a.resolution} ze dne {czech.date(a.date)}. "
                f"Schvalující orgán: {a.body}. Platí pro roky {Formatting(info).period}."
            )
        if info.status is PlanStatus.CONSULTATION:
            return "Plán je zveřejněn k připomínkám. Své návrhy můžete poslat podle pokynů výše."
        return "Plán je ve fázi návrhu a před schválením se ještě může změnit."

    def plain(self, text: str) -> str:
        """Spell out the plan's abbreviations for readers of the public summary."""
        known = self.checked.project.info.abbreviations

        def spell(match: re.Match[str]) -> str:
            word = match.group(0)
            return f"{word} ({known[word]})" if word in known else word

        return re.sub(r"(?<![\w])[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]{2,}\+?(?![\w])", spell, text)

    def measure_text(self, measure: Measure, chapter: str) -> str:
        """What the public summary says of a measure: the author's own words for the
        public (verejne_shrnuti), else a sentence from its kind and years. Never its
        description, which often describes today's problem rather than the change."""
        if measure.public_summary:
            return self._plain_text(measure.public_summary, chapter)
        start, end = measure.timeline.start, measure.timeline.end
        when = f"v roce {start}" if start == end else f"v letech {start}–{end}"
        return f"{_KIND_SENTENCES[measure.kind].format(when=when, start=start)}."

    def _plain_text(self, markdown: str, chapter: str) -> str:
        text = self.checked.links.linked(markdown, chapter).render(linked=False)
        text = re.sub(r"[*_`#>]|!?\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", text)
        return " ".join(text.split())


# A measure's kind as a sentence for readers of the public summary.
_KIND_SENTENCES = {
    MeasureKind.MAINTENANCE: "Služba bude {when} dál fungovat ve stávajícím rozsahu",
    MeasureKind.DEVELOPMENT: "Stávající služba se {when} rozšíří nebo zlepší",
    MeasureKind.NEW_SERVICE: "Nová služba začne fungovat v roce {start}",
    MeasureKind.SYSTEMIC: "Zlepší se {when} to, jak služby spolupracují a jak jsou organizovány",
}
