"""Where the value of each key is printed, declared once beside the key (``yaml_key``).

``docs/klice.md`` shows it in the column "Kde se tiskne", and a test
(tests/test_key_placement.py) gives every key of the feature plan a value of its own,
builds every output and checks that each value is printed in exactly the documents
its declaration names — so a key the docs describe cannot be left unprinted, nor a
private one (personal contacts, internal notes) leak into a published document.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo


class Output(StrEnum):
    """The documents a plan produces, as authors call them (every format of each:
    the full plan as PDF and DOCX, the public summary as PDF, DOCX and HTML…)."""

    PLAN = "celý plán"
    SUMMARY = "veřejná verze"
    MONITORING = "monitorovací zpráva"
    MUNICIPALITY = "podíl obce"


NOT_PRINTED = "netiskne se"
# Cancelled goals and measures, with everything they hold, are printed (marked
# „zrušeno“ with the reason) only in these documents; the others leave them out.
CANCELLED_PRINTED_IN = frozenset({Output.PLAN})
# A yearly monitoring report prints only the measures that run in its year.
MONITORED_YEAR_ONLY = Output.MONITORING


@dataclass(frozen=True)
class Printed:
    """The documents a key's value is printed in (none: never printed)."""

    places: frozenset[Output]
    # The alias of a key of the same part that must be filled in (or ano) for the value
    # to be printed at all, e.g. a person's e-mail only with verejny_kontakt: ano.
    only_with: str | None = None
    # A register or vocabulary entry: printed in these documents where the plan uses it.
    where_used: bool = False
    # A part written under several keys (Approval: schvaleni, projednano): printed
    # where the key above it says.
    inherited: bool = False
    # Printed in these documents too, but only the value of the latest year reported
    # for its indicator (the plan's overview of indicators shows the latest actual).
    latest_in: frozenset[Output] = frozenset()

    def label(self) -> str:
        """The Czech text of the docs column: "celý plán, veřejná verze"."""
        if self.inherited:
            return "podle nadřazeného klíče"
        if not self.places:
            return NOT_PRINTED
        text = ", ".join(o.value for o in Output if o in self.places)
        if self.only_with:
            text += f" (jen s {self.only_with})"
        if self.where_used:
            text += " (kde je použit)"
        if self.latest_in:
            latest = ", ".join(o.value for o in Output if o in self.latest_in)
            text += f"; {latest} (jen poslední vykázaná hodnota)"
        return text


def printed(
    *places: Output,
    only_with: str | None = None,
    where_used: bool = False,
    latest_in: Iterable[Output] = (),
) -> Printed:
    return Printed(
        frozenset(places),
        only_with=only_with,
        where_used=where_used,
        latest_in=frozenset(latest_in),
    )


NOWHERE = Printed(frozenset())
AS_PARENT = Printed(frozenset(), inherited=True)
EVERYWHERE = printed(*Output)


def attach(field: FieldInfo, placement: Printed | None) -> FieldInfo:
    """Keep the declaration with the field (pydantic ignores metadata it does not know)."""
    if placement is not None:
        field.metadata.append(placement)
    return field


def placement(field: FieldInfo) -> Printed | None:
    """The declaration of a key; None for a key holding parts, which declare their own."""
    return next((m for m in field.metadata if isinstance(m, Printed)), None)


def parts_of(annotation: Any) -> list[type[BaseModel]]:
    """The models a key holds (``Many[Measure]`` → [Measure]); none for a plain value."""
    found: list[type[BaseModel]] = []
    pending = [annotation]
    while pending:
        current = pending.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            found.append(current)
        else:
            pending += typing.get_args(current)
    return found


def never_printed(*roots: type[BaseModel]) -> frozenset[str]:
    """The keys no output prints wherever they are written (interni_poznamka, osnova,
    vystupy with all its keys, pravidla…): a key named so in any part must be
    declared ``NOWHERE`` there, or hold only parts whose keys all are."""
    silent: dict[str, bool] = {}
    seen: set[type[BaseModel]] = set()
    pending = list(roots)
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for field in model.model_fields.values():
            alias = field.alias or ""
            silent[alias] = silent.get(alias, True) and _silent(field)
            pending += parts_of(field.annotation)
    return frozenset(alias for alias, quiet in silent.items() if quiet)


def _silent(field: FieldInfo) -> bool:
    declared = placement(field)
    if declared is not None:
        return not declared.places and not declared.inherited
    parts = parts_of(field.annotation)
    return bool(parts) and all(_silent(f) for p in parts for f in p.model_fields.values())
