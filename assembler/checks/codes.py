"""Codes are the plan's permanent keys: unique, and consistent with their parents."""

from __future__ import annotations

from collections.abc import Iterator

from assembler.load.sources import Place
from assembler.plan import walk
from assembler.plan.project import Project
from assembler.problems.diagnostics import Problem, did_you_mean


def all_codes(project: Project) -> Iterator[tuple[str, str, Place]]:
    """Every code in the plan as (full code, what it is, where it is written)."""
    for chapter in project.chapters:
        if chapter.chapter.code:
            yield chapter.chapter.code, "kapitola", Place(chapter.source, ("kod",))
    for index, shared in enumerate(project.info.shared_goals):
        yield (
            shared.code,
            "společný cíl",
            Place(project.plan_source, ("spolecne_cile", index, "kod")),
        )
    for priority in walk.priorities(project):
        yield walk.full_code(priority.area, priority.item.code), "priorita", priority.place("kod")
    for goal in walk.goals(project):
        yield walk.full_code(goal.area, goal.item.code), "cíl", goal.place("kod")
    for measure in walk.measures(project):
        yield walk.full_code(measure.area, measure.item.code), "opatření", measure.place("kod")
    for _, activity in walk.activities(project):
        yield walk.full_code(activity.area, activity.item.code), "aktivita", activity.place("kod")
    for _, indicator in walk.indicators(project):
        yield (
            walk.full_code(indicator.area, indicator.item.code),
            "indikátor",
            indicator.place("kod"),
        )


def duplicate_codes(project: Project) -> Iterator[Problem]:
    first: dict[str, Place] = {}
    for code, what, where in all_codes(project):
        if code in first:
            message = (
                f"Kód {code} ({what}) je v plánu už použit ({first[code].location}). Každá "
                "položka potřebuje vlastní kód; tuto přečíslujte (kódy používá i monitoring)."
            )
            yield Problem("duplicitni-kod", message, where.location)
        else:
            first[code] = where


def consistent_codes(project: Project) -> Iterator[Problem]:
    for goal, measure in walk.measures_with_goal(project):
        expected = goal.item.code + "."
        if not measure.item.code.startswith(expected):
            message = (
                f"Opatření {measure.item.code} patří pod cíl {goal.item.code}, jeho kód proto "
                f"musí začínat „{expected}“ (např. {expected}1)."
            )
            yield Problem("kod-nesouhlasi", message, measure.where("kod"))
    for measure, activity in walk.activities(project):
        expected = measure.item.code + "."
        if not activity.item.code.startswith(expected):
            message = (
                f"Aktivita {activity.item.code} patří pod opatření {measure.item.code}, její "
                f"kód proto musí začínat „{expected}“ (např. {expected}1)."
            )
            yield Problem("kod-nesouhlasi", message, activity.where("kod"))
    for measure, indicator in walk.indicators(project):
        if indicator.item.code[:-1] != measure.item.code:
            message = (
                f"Indikátor {indicator.item.code} patří k opatření {measure.item.code}, jeho "
                f"kód proto musí být {measure.item.code} a písmeno (např. {measure.item.code}a)."
            )
            yield Problem("kod-nesouhlasi", message, indicator.where("kod"))


def goal_priorities(project: Project) -> Iterator[Problem]:
    for goal in walk.goals(project):
        known = [p.code for p in goal.area.priorities]
        if goal.item.priority and goal.item.priority not in known:
            listed = ", ".join(known) if known else "kapitola nemá žádné priority (klíč priority)"
            message = (
                f"Priorita {goal.item.priority} v kapitole {goal.area.code} není. "
                f"Možnosti: {listed}.{did_you_mean(goal.item.priority, known)}"
            )
            yield Problem("odkaz-neznamy", message, goal.where("priorita"))


CHECKS = [duplicate_codes, consistent_codes, goal_priorities]
