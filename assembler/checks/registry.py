"""References to the plan's registers and vocabularies, and identifiers with check digits."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assembler.load.sources import Place
from assembler.models.chapter import Goal, Measure, Person
from assembler.models.common import ico_check_digit
from assembler.models.vocab import SERVICE_TYPES
from assembler.plan.items import Item, ItemIndex, Kind
from assembler.plan.project import Project
from assembler.problems.diagnostics import Problem, did_you_mean

_SERVICE_ID = re.compile(r"\d{7}")


def ico_problem(ico: str, owner: str, where: Place) -> Iterator[Problem]:
    if not ico_check_digit(ico):
        message = (
            f"IČO {ico} ({owner}) nemá platnou kontrolní číslici. Ověřte je v registru "
            "ARES a opravte překlep."
        )
        yield Problem("ico", message, where.location)


def icos(project: Project, items: ItemIndex) -> Iterator[Problem]:
    plan = project.plan_source
    info = project.info
    yield from ico_problem(
        info.municipality.ico, info.municipality.name, Place(plan, ("zadavatel", "ico"))
    )
    for i, org in enumerate(info.organisations):
        if org.ico:
            yield from ico_problem(org.ico, org.name, Place(plan, ("organizace", i, "ico")))


def org_problem(key: str | None, known: set[str], where: Place) -> Iterator[Problem]:
    # ``where`` is resolved to a line only for a real problem: locating every
    # reference in a 1000-measure plan cost more than all the checks together.
    if key and key not in known:
        message = (
            f"Organizace „{key}“ není v registru organizací (plan.yaml, klíč organizace)."
            f"{did_you_mean(key, known)} Jde-li o novou organizaci, doplňte ji do registru."
        )
        yield Problem("neznama-organizace", message, where.location)


def organisations(project: Project, items: ItemIndex) -> Iterator[Problem]:
    known = {org.key for org in project.info.organisations}
    for found in items.of(Kind.MEASURE):
        m = found.model
        yield from org_problem(m.guarantor, known, found.place("garant"))
        for field, keys in (("realizatori", m.implementers), ("partneri", m.partners)):
            for i, key in enumerate(keys):
                yield from org_problem(key, known, found.place(field, i))
        for i, service in enumerate(m.services):
            yield from org_problem(
                service.provider, known, found.place("sluzby", i, "poskytovatel")
            )
    for activity in items.of(Kind.ACTIVITY):
        yield from org_problem(activity.model.implementer, known, activity.place("realizator"))
    for chapter, area in project.areas:
        group = area.working_group
        people: list[tuple[tuple[str | int, ...], Person]] = [(("manazer",), group.manager)]
        people += [(("clenove", i), person) for i, person in enumerate(group.members)]
        for path, person in people:
            where = Place(chapter.source, ("pracovni_skupina", *path, "organizace"))
            yield from org_problem(person.organisation, known, where)


def services(project: Project, items: ItemIndex) -> Iterator[Problem]:
    for found in items.of(Kind.MEASURE):
        for i, service in enumerate(found.model.services):
            if service.section not in SERVICE_TYPES:
                message = (
                    f"§ {service.section} není druh sociální služby podle zákona č. 108/2006 Sb. "
                    "Uveďte paragraf druhu služby (37, 39–52, 54–70 nebo 60a), jak je v registru."
                )
                yield Problem("neznamy-paragraf", message, found.where("sluzby", i, "paragraf"))
            if not _SERVICE_ID.fullmatch(service.identifier):
                message = (
                    f"Identifikátor služby „{service.identifier}“ nemá obvyklý tvar 7 číslic. "
                    "Ověřte jej v registru poskytovatelů sociálních služeb."
                )
                yield Problem(
                    "identifikator-sluzby", message, found.where("sluzby", i, "identifikator")
                )


def _vocab_problem(key: str, known: list[str], where: Place) -> Iterator[Problem]:
    if key not in known:
        message = (
            f"Cílová skupina „{key}“ není ve slovníku plánu (plan.yaml, cilove_skupiny)."
            f"{did_you_mean(key, known)}"
        )
        yield Problem("neznama-cilova-skupina", message, where.location)


def target_groups(project: Project, items: ItemIndex) -> Iterator[Problem]:
    known = [group.key for group in project.info.target_groups]
    for chapter, area in project.areas:
        for i, key in enumerate(area.target_groups):
            yield from _vocab_problem(key, known, Place(chapter.source, ("cilove_skupiny", i)))
    for found in items.of(Kind.MEASURE):
        for i, key in enumerate(found.model.target_groups):
            yield from _vocab_problem(key, known, found.place("cilove_skupiny", i))


def shared_goals(project: Project, items: ItemIndex) -> Iterator[Problem]:
    known = [goal.code for goal in project.info.shared_goals]
    carriers: list[Item[Goal] | Item[Measure]] = [*items.of(Kind.GOAL), *items.of(Kind.MEASURE)]
    for found in carriers:
        for i, code in enumerate(found.model.shared_goals):
            if code not in known:
                message = (
                    f"Společný cíl {code} není v plan.yaml (klíč spolecne_cile) definován."
                    f"{did_you_mean(code, known)}"
                )
                yield Problem("neznamy-spolecny-cil", message, found.where("spolecne_cile", i))


CHECKS = [icos, organisations, services, target_groups, shared_goals]
