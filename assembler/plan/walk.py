"""Iterate over the items of a plan together with where each one is written.

Checks and the linker need both the item and its place in the source file, so
every item comes wrapped in :class:`Found` with its path in the front matter.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from assembler.load.sources import Place
from assembler.models.chapter import Activity, Area, Goal, Indicator, Measure, Priority
from assembler.plan.project import ChapterFile, Project
from assembler.problems.diagnostics import Location

T = TypeVar("T")
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Found(Generic[T]):
    chapter: ChapterFile
    area: Area
    path: Path
    item: T

    def where(self, *more: str | int) -> Location:
        return self.chapter.source.location((*self.path, *more))

    def place(self, *more: str | int) -> Place:
        return Place(self.chapter.source, (*self.path, *more))


def full_code(area: Area, local: str) -> str:
    """The plan-wide code: chapter prefix and local code, e.g. ``SEN 1.2``."""
    return f"{area.code} {local}"


def priorities(project: Project) -> Iterator[Found[Priority]]:
    for chapter, area in project.areas:
        for i, priority in enumerate(area.priorities):
            yield Found(chapter, area, ("priority", i), priority)


def goals(project: Project) -> Iterator[Found[Goal]]:
    for chapter, area in project.areas:
        for i, goal in enumerate(area.goals):
            yield Found(chapter, area, ("cile", i), goal)


def measures(project: Project) -> Iterator[Found[Measure]]:
    for goal in goals(project):
        for j, measure in enumerate(goal.item.measures):
            yield Found(goal.chapter, goal.area, (*goal.path, "opatreni", j), measure)


def measures_with_goal(project: Project) -> Iterator[tuple[Found[Goal], Found[Measure]]]:
    for goal in goals(project):
        for j, measure in enumerate(goal.item.measures):
            yield goal, Found(goal.chapter, goal.area, (*goal.path, "opatreni", j), measure)


def indicators(project: Project) -> Iterator[tuple[Found[Measure], Found[Indicator]]]:
    for measure in measures(project):
        for k, indicator in enumerate(measure.item.indicators):
            yield (
                measure,
                Found(measure.chapter, measure.area, (*measure.path, "indikatory", k), indicator),
            )


def activities(project: Project) -> Iterator[tuple[Found[Measure], Found[Activity]]]:
    for measure in measures(project):
        for k, activity in enumerate(measure.item.activities):
            yield (
                measure,
                Found(measure.chapter, measure.area, (*measure.path, "aktivity", k), activity),
            )
