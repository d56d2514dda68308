"""The territory register and what refers to it: served areas, municipal shares, planners."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from assembler.checks.registry import ico_problem, org_problem
from assembler.load.sources import Place
from assembler.models.territory import Territory
from assembler.models.vocab import MUNICIPAL_SOURCE
from assembler.plan.items import ItemIndex, Kind
from assembler.plan.project import Project
from assembler.problems.diagnostics import Problem, did_you_mean, plain

_REGISTER = "plan.yaml, uzemi"


def _hint(key: str, territory: Territory, keys: list[str]) -> str:
    names = {plain(m.name): m.key for m in territory.municipalities}
    names |= {plain(p.name): p.key for p in territory.localities}
    if plain(key) in names:
        return f" Měli jste na mysli klíč „{names[plain(key)]}“?"
    return did_you_mean(key, keys)


def register(project: Project, items: ItemIndex) -> Iterator[Problem]:
    """Keys unique, IČO valid, every locality inside a registered municipality."""
    plan = project.plan_source
    territory = project.info.territory
    seen: set[str] = set()
    entries = [("obce", i, m.key) for i, m in enumerate(territory.municipalities)]
    entries += [("lokality", i, p.key) for i, p in enumerate(territory.localities)]
    for part, i, key in entries:
        if key in seen:
            message = (
                f"Klíč „{key}“ je v registru území ({_REGISTER}) uveden vícekrát. Každá obec "
                "a lokalita potřebuje vlastní klíč."
            )
            yield Problem(
                "duplicitni-uzemi", message, Place(plan, ("uzemi", part, i, "klic")).location
            )
        seen.add(key)
    for i, municipality in enumerate(territory.municipalities):
        where = Place(plan, ("uzemi", "obce", i, "ico"))
        yield from ico_problem(municipality.ico, municipality.name, where)
    known = [m.key for m in territory.municipalities]
    for i, locality in enumerate(territory.localities):
        owner = locality.municipality
        if owner not in known:
            message = (
                f"Lokalita {locality.name} leží v obci „{owner}“, která není "
                f"v registru obcí ({_REGISTER}.obce).{_hint(owner, territory, known)}"
            )
            where = Place(plan, ("uzemi", "lokality", i, "obec"))
            yield Problem("neznama-obec", message, where.location)


def _served(key: str, territory: Territory, where: Place) -> Iterator[Problem]:
    keys = territory.keys
    if key in keys:
        return
    if not keys:
        message = (
            f"Území „{key}“ nelze ověřit: plán nemá registr území ({_REGISTER}). Doplňte do "
            "plan.yaml obce a lokality, nebo klíč uzemi smažte (pak opatření platí pro celé "
            "území plánu)."
        )
    else:
        message = (
            f"Obec ani lokalita „{key}“ není v registru území ({_REGISTER})."
            f"{_hint(key, territory, keys)} Jde-li o další obec nebo lokalitu, doplňte ji do "
            "registru."
        )
    yield Problem("nezname-uzemi", message, where.location)


def _within(key: str, served: list[str], territory: Territory) -> bool:
    """A place inside a measure's territory: named, or a locality of a named municipality."""
    locality = territory.locality(key)
    return not served or key in served or (locality is not None and locality.municipality in served)


def served_areas(project: Project, items: ItemIndex) -> Iterator[Problem]:
    territory = project.info.territory
    keys = territory.keys
    for found in items.of(Kind.MEASURE):
        served = found.model.territory
        for i, key in enumerate(served):
            yield from _served(key, territory, found.place("uzemi", i))
        for j, service in enumerate(found.model.services):
            for i, key in enumerate(service.territory):
                where = found.place("sluzby", j, "uzemi", i)
                yield from _served(key, territory, where)
                if key in keys and not _within(key, served, territory):
                    names = ", ".join(territory.name(k) for k in served)
                    message = (
                        f"Služba opatření {found.code} působí v území {territory.name(key)}, "
                        f"ale opatření slouží jen území {names}. Doplňte {key} do uzemi "
                        "opatření, nebo je u služby opravte."
                    )
                    yield Problem("uzemi-sluzby", message, where.location)


def _money(amount: Decimal) -> str:
    whole = f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",").removesuffix(",00")
    return f"{whole}\u00a0Kč"


def municipal_shares(project: Project, items: ItemIndex) -> Iterator[Problem]:
    """Every paying municipality is registered; each year's split adds up to its obec amount."""
    territory = project.info.territory
    known = [m.key for m in territory.municipalities]
    for found in items.of(Kind.MEASURE):
        measure = found.model
        for year, shares in measure.municipal_shares.items():
            for key in shares:
                if key not in known:
                    what = (
                        "lokalita, ne obec" if territory.locality(key) else "není v registru obcí"
                    )
                    message = (
                        f"Platící obec „{key}“ v podil_obci opatření {found.code} {what} "
                        f"({_REGISTER}.obce).{_hint(key, territory, known)} Podíl na nákladech "
                        "platí obce; náklady lokality započtěte obci, ve které leží."
                    )
                    yield Problem(
                        "neznama-obec", message, found.where("podil_obci", year, f"[{key}]")
                    )
            split = sum(shares.values(), Decimal(0))
            expected = measure.costs.get(year, {}).get(MUNICIPAL_SOURCE, Decimal(0))
            if split != expected:
                message = (
                    f"Podíl obcí opatření {found.code} na rok {year} dává dohromady "
                    f"{_money(split)}, ale náklady ze zdroje {MUNICIPAL_SOURCE} v naklady na "
                    f"tento rok jsou {_money(expected)} (rozdíl {_money(abs(split - expected))}). "
                    "Opravte částky tak, aby součet podílů byl stejný jako částka obec."
                )
                yield Problem("podil-obci-nesedi", message, found.where("podil_obci", year))


def planners(project: Project, items: ItemIndex) -> Iterator[Problem]:
    """Members of the steering group belong to registered organisations."""
    group = project.info.steering_group
    if group is None:
        return
    known = {org.key for org in project.info.organisations}
    for i, person in enumerate(group.members):
        where = Place(project.plan_source, ("ridici_skupina", "clenove", i, "organizace"))
        yield from org_problem(person.organisation, known, where)


CHECKS = [register, served_areas, municipal_shares, planners]
