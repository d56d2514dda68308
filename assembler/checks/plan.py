"""Rules about the plan as a document: approval data, legal content, rule settings."""

from __future__ import annotations

from collections.abc import Iterator

from assembler.models.chapter import Area
from assembler.models.vocab import LegalItem, PlanStatus
from assembler.plan.items import ItemIndex
from assembler.plan.project import Project
from assembler.problems.diagnostics import Problem, did_you_mean
from assembler.problems.rules import RULES


def approval(project: Project, items: ItemIndex) -> Iterator[Problem]:
    if project.info.status is PlanStatus.APPROVED and project.info.approval is None:
        message = (
            "Plán má stav: schvaleno, ale chybí údaje o schválení. Doplňte klíč schvaleni "
            "(organ, usneseni, datum), nebo změňte stav."
        )
        yield Problem("schvaleni", message, project.plan_source.location(["stav"]))


def legal_content(project: Project, items: ItemIndex) -> Iterator[Problem]:
    covered: set[str] = set()
    for chapter in project.chapters:
        covered.update(chapter.chapter.covers)
        if isinstance(chapter.chapter, Area):
            covered.add(LegalItem.STRATEGY)
    where = project.plan_source.location(["osnova"])
    for item in LegalItem:
        description = item.label
        if item not in covered:
            message = (
                f"Plánu chybí náležitost podle § 3 písm. h) zákona: {description}. Napište ji "
                f"do některé kapitoly a v její hlavičce uveďte pokryva: [{item}]."
            )
            yield Problem("zakon-obsah", message, where)


def rule_settings(project: Project, items: ItemIndex) -> Iterator[Problem]:
    for code in project.info.rules:
        where = project.plan_source.location(["pravidla", f"[{code}]"])
        if code not in RULES:
            message = (
                f"Pravidlo „{code}“ neexistuje.{did_you_mean(code, RULES)} "
                "Seznam pravidel je v docs/pravidla.md."
            )
            yield Problem("spatna-hodnota", message, where)
        elif not RULES[code].configurable:
            message = f"Závažnost pravidla „{code}“ nelze měnit: bez opravy nelze plán sestavit."
            yield Problem("spatna-hodnota", message, where)


def public_contacts(project: Project, items: ItemIndex) -> Iterator[Problem]:
    """The summary's "Kde získat pomoc" lists organisations with ``pomaha_s``; without
    any it is left out, and the coordinator should know why."""
    if any(org.help_with for org in project.info.organisations):
        return
    message = (
        "Veřejná verze nemá komu lidi odkázat: žádná organizace v registru nemá klíč "
        "pomaha_s, a tak oddíl „Kde získat pomoc“ vynechá. U organizací, na které se lidé "
        "mohou obrátit, doplňte pomaha_s (jedna věta, s čím pomáhají) a kontakty "
        "(adresa, telefon, email, web)."
    )
    where = ["organizace"] if project.info.organisations else []
    yield Problem("verejne-kontakty", message, project.plan_source.location(where))


CHECKS = [approval, legal_content, rule_settings, public_contacts]
