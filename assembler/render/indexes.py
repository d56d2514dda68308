"""Plan-wide indexes from the data: who answers for what, for whom, through which services."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from assembler.checks.pipeline import CheckedPlan
from assembler.models.chapter import Service
from assembler.models.plan import Organisation, VocabItem
from assembler.models.vocab import SERVICE_TYPES
from assembler.plan.items import Kind
from assembler.render import czech


@dataclass(frozen=True)
class Responsibility:
    organisation: Organisation
    guarantor: list[str] = field(default_factory=list)
    implementer: list[str] = field(default_factory=list)
    partner: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)  # all of the above, in plan order

    def roles(self, code: str) -> str:
        """``garant, realizátor``: the organisation's roles in one measure, in Czech."""
        roles = zip(
            ("garant", "realizátor", "partner"),
            (self.guarantor, self.implementer, self.partner),
            strict=True,
        )
        return ", ".join(word for word, codes in roles if code in codes)


def responsibilities(plan: CheckedPlan) -> list[Responsibility]:
    """Organisations in Czech alphabetical order with the measures (in plan order) they
    guarantee, implement or support."""
    index = {org.key: Responsibility(org) for org in plan.project.info.organisations}
    for found in plan.items.of(Kind.MEASURE):
        m = found.model
        code = found.code
        roles = (
            ([m.guarantor] if m.guarantor else [], "guarantor"),
            (m.implementers, "implementer"),
            (m.partners, "partner"),
        )
        for keys, role in roles:
            for key in dict.fromkeys(keys):
                if key in index:
                    getattr(index[key], role).append(code)
                    if code not in index[key].measures:
                        index[key].measures.append(code)
    listed = [r for r in index.values() if r.measures]
    return czech.alphabetical(listed, lambda r: r.organisation.name)


def by_target_group(plan: CheckedPlan) -> list[tuple[VocabItem, list[str]]]:
    """Target groups in Czech alphabetical order with their measures in plan order."""
    groups = czech.alphabetical(plan.project.info.target_groups, lambda g: g.name)
    index: dict[str, list[str]] = {g.key: [] for g in groups}
    for found in plan.items.of(Kind.MEASURE):
        for key in dict.fromkeys(found.model.target_groups):
            if key in index:
                index[key].append(found.code)
    return [(g, index[g.key]) for g in groups if index[g.key]]


@dataclass(frozen=True)
class ServiceUse:
    service: Service
    measures: list[str]


def by_service_type(plan: CheckedPlan) -> list[tuple[str, str, list[ServiceUse]]]:
    """(§, name of the type, services with the measures that concern them): types in the
    order of the Act's paragraphs, services of a type in Czech alphabetical order."""
    uses: dict[str, dict[str, ServiceUse]] = {}
    for found in plan.items.of(Kind.MEASURE):
        code = found.code
        for service in found.model.services:
            by_id = uses.setdefault(service.section, {})
            use = by_id.setdefault(service.identifier, ServiceUse(service, []))
            use.measures.append(code)
    ordered = sorted(
        uses, key=lambda s: list(SERVICE_TYPES).index(s) if s in SERVICE_TYPES else 999
    )
    return [(s, SERVICE_TYPES.get(s, ""), _by_name(uses[s].values())) for s in ordered]


def _by_name(uses: Iterable[ServiceUse]) -> list[ServiceUse]:
    """Named services in Czech order, then those without a name by identifier."""
    named = czech.alphabetical([u for u in uses if u.service.name], lambda u: u.service.name or "")
    unnamed = sorted((u for u in uses if not u.service.name), key=lambda u: u.service.identifier)
    return named + unnamed
