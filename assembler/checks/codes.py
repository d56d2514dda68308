"""Codes are the plan's permanent keys: unique, and consistent with their parents."""

from __future__ import annotations

from collections.abc import Iterator

from assembler.load.sources import Place
from assembler.plan.items import ItemIndex, Kind
from assembler.plan.project import Project
from assembler.problems.diagnostics import Problem, did_you_mean


def duplicate_codes(project: Project, items: ItemIndex) -> Iterator[Problem]:
    first: dict[str, Place] = {}
    for item in items:
        if item.kind is Kind.SECTION:
            continue  # a generated section's key is not written as a code
        where = item.place("kod")
        if item.code in first:
            message = (
                f"Kód {item.code} ({item.kind.label}) je v plánu už použit "
                f"({first[item.code].location}). Každá položka potřebuje vlastní kód; tuto "
                "přečíslujte (kódy používá i monitoring)."
            )
            yield Problem("duplicitni-kod", message, where.location)
        else:
            first[item.code] = where


def consistent_codes(project: Project, items: ItemIndex) -> Iterator[Problem]:
    for measure in items.of(Kind.MEASURE):
        goal = measure.parent
        assert goal is not None
        expected = goal.model.code + "."
        if not measure.model.code.startswith(expected):
            message = (
                f"Opatření {measure.model.code} patří pod cíl {goal.model.code}, jeho kód proto "
                f"musí začínat „{expected}“ (např. {expected}1)."
            )
            yield Problem("kod-nesouhlasi", message, measure.where("kod"))
    for activity in items.of(Kind.ACTIVITY):
        parent = activity.parent
        assert parent is not None
        expected = parent.model.code + "."
        if not activity.model.code.startswith(expected):
            message = (
                f"Aktivita {activity.model.code} patří pod opatření {parent.model.code}, její "
                f"kód proto musí začínat „{expected}“ (např. {expected}1)."
            )
            yield Problem("kod-nesouhlasi", message, activity.where("kod"))
    for indicator in items.of(Kind.INDICATOR):
        parent = indicator.parent
        assert parent is not None
        if indicator.model.code[:-1] != parent.model.code:
            message = (
                f"Indikátor {indicator.model.code} patří k opatření {parent.model.code}, jeho "
                f"kód proto musí být {parent.model.code} a písmeno (např. {parent.model.code}a)."
            )
            yield Problem("kod-nesouhlasi", message, indicator.where("kod"))


def goal_priorities(project: Project, items: ItemIndex) -> Iterator[Problem]:
    for goal in items.of(Kind.GOAL):
        area = goal.area
        assert goal.parent is not None  # the chapter
        known = [p.model.code for p in items.children(goal.parent, Kind.PRIORITY)]
        wanted = goal.model.priority
        if wanted and wanted not in known:
            listed = ", ".join(known) if known else "kapitola nemá žádné priority (klíč priority)"
            message = (
                f"Priorita {wanted} v kapitole {area.code} není. "
                f"Možnosti: {listed}.{did_you_mean(wanted, known)}"
            )
            yield Problem("odkaz-neznamy", message, goal.where("priorita"))


CHECKS = [duplicate_codes, consistent_codes, goal_priorities]
