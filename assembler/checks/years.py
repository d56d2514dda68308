"""Every year in the plan lies in its period; timelines and baselines make sense."""

from __future__ import annotations

from collections.abc import Iterator

from assembler.load.sources import Place
from assembler.plan.items import ItemIndex, Kind
from assembler.plan.project import Project
from assembler.problems.diagnostics import Problem


def _outside(year: int, project: Project, what: str, where: Place) -> Iterator[Problem]:
    period = project.info.period
    if year not in period.years:
        message = (
            f"{what} {year} leží mimo období plánu {period.start}–{period.end}. "
            "Opravte rok, nebo upravte obdobi v plan.yaml."
        )
        yield Problem("rok-mimo-obdobi", message, where.location)


def timelines(project: Project, items: ItemIndex) -> Iterator[Problem]:
    for found in items.of(Kind.MEASURE):
        timeline = found.model.timeline
        if timeline.end < timeline.start:
            message = (
                f"Harmonogram končí rokem {timeline.end} dřív, než začíná ({timeline.start}). "
                "Prohoďte hodnoty od a do."
            )
            yield Problem("harmonogram", message, found.where("harmonogram", "do"))
        yield from _outside(timeline.start, project, "Začátek", found.place("harmonogram", "od"))
        yield from _outside(timeline.end, project, "Konec", found.place("harmonogram", "do"))
        for i, milestone in enumerate(timeline.milestones):
            where = found.place("harmonogram", "milniky", i, "rok")
            yield from _outside(milestone.year, project, "Milník", where)


def cost_years(project: Project, items: ItemIndex) -> Iterator[Problem]:
    period = project.info.period.years
    for found in items.of(Kind.MEASURE):
        timeline = found.model.timeline
        planned = timeline.years
        for year in found.model.costs:
            if year in period and year in planned:
                continue  # nearly always: asked 4000 times in a 1000-measure plan
            where = found.place("naklady", f"[{year}]")
            if year not in period:
                yield from _outside(year, project, "Rok nákladů", where)
            else:
                message = (
                    f"Náklady na rok {year} leží mimo harmonogram opatření "
                    f"{timeline.start}–{timeline.end}. Upravte harmonogram, nebo náklady."
                )
                yield Problem("naklady-mimo-harmonogram", message, where.location)


def indicator_years(project: Project, items: ItemIndex) -> Iterator[Problem]:
    start = project.info.period.start
    for found in items.of(Kind.INDICATOR):
        baseline = found.model.baseline
        if baseline.year > start:
            message = (
                f"Výchozí hodnota je z roku {baseline.year}, ale plán začíná rokem {start}. "
                f"Výchozí hodnota popisuje stav před plánem: uveďte rok {start} nebo dřívější."
            )
            yield Problem("vychozi-rok", message, found.where("vychozi_hodnota", "rok"))
        for i, target in enumerate(found.model.targets):
            where = found.place("cilova_hodnota", i, "rok")
            yield from _outside(target.year, project, "Rok cílové hodnoty", where)


CHECKS = [timelines, cost_years, indicator_years]
