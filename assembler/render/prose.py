"""Sentences the templates print: the plan's status, plain text for the public summary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assembler.checks.pipeline import CheckedPlan
from assembler.models.chapter import Person
from assembler.models.vocab import PlanStatus
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

    def first_sentence(self, markdown: str, chapter: str) -> str:
        """The first sentence of a description, as plain text, for the public summary."""
        text = self.checked.links.linked(markdown, chapter).render(linked=False)
        text = re.sub(r"[*_`#>]|!?\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", text)
        text = " ".join(text.split())
        match = re.match(r"(.+?[.!?])(?=\s+[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]|$)", text)
        sentence = match.group(1) if match else text
        return sentence if len(sentence) <= 240 else sentence[:237].rsplit(" ", 1)[0] + " …"
