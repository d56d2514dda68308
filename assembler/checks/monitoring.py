"""Rules of the yearly monitoring: each report must name real codes, fit the plan and its year.

Every rule is a generator over the monitored years, so one run reports every
problem of every monitoring file.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator

from assembler.checks.monitoring_reports import (
    costs,
    missing,
    progress,
    statuses,
    unit_mismatch,
)
from assembler.load.sources import Place, SourceFile
from assembler.models.chapter import Measure
from assembler.models.measure_report import MeasureReport
from assembler.models.monitoring import AreaMonitoring
from assembler.plan.items import Item, ItemIndex
from assembler.plan.monitoring import (
    MONITORING_DIR,
    AreaItem,
    AreaReport,
    MonitoredYear,
    Monitoring,
    active,
    areas,
    indicators_of,
    measures_of,
)
from assembler.plan.project import Project
from assembler.problems.diagnostics import Location, Problem, did_you_mean
from assembler.render import czech


def _date(value: datetime.date) -> str:
    return f"{value.day}. {value.month}. {value.year}"


YearCheck = Callable[[Project, ItemIndex, MonitoredYear], Iterator[Problem]]


def _planned(items: ItemIndex, monitored: MonitoredYear) -> Iterator[tuple[AreaReport, AreaItem]]:
    """The area files whose area exists in the plan (unknown areas are reported once)."""
    known = areas(items)
    for area_report in monitored.areas:
        area = known.get(area_report.report.area)
        if area is not None:
            yield area_report, area


def years(project: Project, items: ItemIndex, monitored: MonitoredYear) -> Iterator[Problem]:
    period = project.info.period
    files: list[tuple[SourceFile, int]] = [(a.source, a.report.year) for a in monitored.areas]
    if monitored.info is not None and monitored.info_source is not None:
        files.append((monitored.info_source, monitored.info.year))
    span = f"{period.start}–{period.end}"
    if monitored.year not in period.years:
        outside = (
            f"Složka {monitored.folder}/ je za rok {monitored.year}, ten leží mimo období plánu "
            f"{span}."
        )
        somewhere = (
            f" Přesuňte hlášení do složky roku, za který se vykazuje ({MONITORING_DIR}/"
            f"{period.start}/ až {MONITORING_DIR}/{period.end}/)."
        )
        if not files:
            yield Problem("monitoring-rok", outside + somewhere, Location(f"{monitored.folder}/"))
        for source, year in files:  # one message a file: its own year may be the right one
            move = (
                f" Soubor uvádí rok {year}: přesuňte jej do složky {MONITORING_DIR}/{year}/."
                if year in period.years
                else somewhere
            )
            yield Problem("monitoring-rok", outside + move, source.location(["rok"]))
        return
    for source, year in files:
        if year != monitored.year:
            # Only a year of the plan's period is a folder to move the file to, and only
            # when that does not replace the file of the same name there.
            taken = (source.path.parent.parent / str(year) / source.path.name).exists()
            move = (
                f" (rok {year} leží mimo období plánu {span})"
                if year not in period.years
                else f" (složka {MONITORING_DIR}/{year}/ už soubor {source.path.name} má)"
                if taken
                else f", nebo soubor přesuňte do složky {MONITORING_DIR}/{year}/"
            )
            message = (
                f"Soubor je ve složce {monitored.folder}/, ale uvádí rok {year}. Opravte rok "
                f"na {monitored.year}{move}."
            )
            yield Problem("monitoring-rok", message, source.location(["rok"]))


def dates(project: Project, items: ItemIndex, monitored: MonitoredYear) -> Iterator[Problem]:
    """A year cannot be reported before it began: such a date, or such a year, is a typo."""
    if monitored.year not in project.info.period.years:
        return  # the folder's year is wrong (years() says so), not the dates
    start = datetime.date(monitored.year, 1, 1)
    found: list[tuple[SourceFile, tuple[str | int, ...], datetime.date]] = []
    for area_report in monitored.areas:
        if ("datum",) not in area_report.set_aside.stand_ins:  # refused: its own error
            found.append((area_report.source, ("datum",), area_report.report.date))
        for i, measure in enumerate(area_report.report.measures):
            if measure.date is not None:
                found.append((area_report.source, ("opatreni", i, "datum"), measure.date))
    if monitored.info is not None and monitored.info_source is not None:
        found.append((monitored.info_source, ("datum",), monitored.info.date))
    for source, path, date in found:
        if date < start:
            message = (
                f"Datum {_date(date)} je dřív, než rok {monitored.year} začal: hlášení za "
                f"rok {monitored.year} je tedy z budoucnosti. Opravte datum, nebo přesuňte "
                "hlášení do složky roku, za který se vykazuje."
            )
            yield Problem("monitoring-rok", message, source.location(path))


def area_files(project: Project, items: ItemIndex, monitored: MonitoredYear) -> Iterator[Problem]:
    known = areas(items)
    seen: dict[str, SourceFile] = {}
    for area_report in monitored.areas:
        code, source = area_report.report.area, area_report.source
        if code not in known and code in project.unverified:
            continue  # its chapter has errors of its own: one mistake, one message
        if code not in known:
            message = (
                f"Oblast „{code}“ v plánu není.{did_you_mean(code, known)} Uveďte kód "
                f"kapitoly oblasti (kod v její hlavičce): {', '.join(known)}."
            )
            yield Problem("monitoring-kod", message, source.location(["oblast"]))
        elif code in seen:
            message = (
                f"Oblast {code} má za rok {monitored.year} už soubor {seen[code].name}. "
                "Každá oblast vykazuje jedním souborem: hlášení slučte do jednoho."
            )
            yield Problem("monitoring-duplicita", message, source.location(["oblast"]))
        else:
            seen[code] = source


def measures(project: Project, items: ItemIndex, monitored: MonitoredYear) -> Iterator[Problem]:
    # A folder outside the plan's period is one mistake (years() says so): no measure
    # runs then, and a warning for each would only bury that message.
    in_period = monitored.year in project.info.period.years
    for area_report, area in _planned(items, monitored):
        planned = measures_of(items, area)
        # A typo is offered, and listed, only the measures running that year: one that has
        # ended, not yet begun or was cancelled would lead the garant to report it.
        running = [code for code, m in planned.items() if active(m, monitored.year)]
        seen: dict[str, int] = {}
        for i, reported in enumerate(area_report.report.measures):
            # Located only when reported: finding a position re-reads the file's YAML.
            where = Place(area_report.source, ("opatreni", i, "kod"))
            measure = planned.get(reported.code)
            if measure is None:
                message = (
                    f"Opatření {area.code} {reported.code} v plánu není."
                    f"{did_you_mean(reported.code, running)} "
                    f"{_running_listed(area, running, monitored.year)}"
                )
                yield Problem("monitoring-kod", message, where.location)
                continue
            if reported.code in seen:
                line = area_report.source.location(["opatreni", seen[reported.code]]).line
                message = (
                    f"Opatření {area.code} {reported.code} je za rok {monitored.year} vykázáno "
                    f"podruhé (poprvé na řádku {line}). Obě hlášení slučte do jednoho."
                )
                yield Problem("monitoring-duplicita", message, where.location)
                # Its indicator codes are checked all the same: all mistakes in one run.
                yield from _indicators(items, area_report, i, measure, reported)
                continue
            seen[reported.code] = i
            if measure.cancelled:
                message = (
                    f"Opatření {area.code} {reported.code} je v plánu zrušené; hlášení o něm se "
                    "do zprávy započítá jen jako informace. Není-li potřeba, smažte je."
                )
                yield Problem("monitoring-zrusene", message, where.location)
            elif in_period and monitored.year not in measure.model.timeline.years:
                yield Problem(
                    "monitoring-mimo-harmonogram",
                    _outside_timeline(measure, monitored.year),
                    where.location,
                )
            yield from _indicators(items, area_report, i, measure, reported)


# Codes a message lists before it says how many more there are: a chapter of sixty
# measures made a message of six lines, the suggestion lost in the middle of it.
_LISTED_CODES = 12


def _running_listed(area: AreaItem, running: list[str], year: int) -> str:
    """The area's measures a garant can report on in ``year`` (the ones running), cut
    after _LISTED_CODES with where to find the rest: those that have ended, not begun or
    were cancelled are no code to correct a typo to."""
    if not running:
        return f"V roce {year} žádné opatření oblasti {area.code} neběží."
    listed = ", ".join(running[:_LISTED_CODES])
    rest = len(running) - _LISTED_CODES
    if rest > 0:
        chapter = f" v kapitole {area.chapter.source.name}" if area.chapter else ""
        more = czech.plural(rest, "další", "další", "dalších")
        listed += f" a {more} (všechna jsou{chapter})"
    return f"V roce {year} běží opatření oblasti {area.code}: {listed}."


def _outside_timeline(measure: Item[Measure], year: int) -> str:
    # Counted all the same (an early start is real work), but a "nezahajeno" of a measure
    # that was never due pulls the area's and the plan's progress down unnoticed.
    timeline = measure.model.timeline
    return (
        f"Opatření {measure.code} podle harmonogramu běží v letech {timeline.start}–"
        f"{timeline.end}, v roce {year} ne; hlášení se přesto započítá do zprávy i do pokroku "
        "oblasti a plánu. Začalo-li opatření dřív, upravte harmonogram (a náklady roku) "
        "v kapitole; jinak hlášení o něm smažte."
    )


def _indicators(
    items: ItemIndex,
    area_report: AreaReport,
    index: int,
    measure: Item[Measure],
    reported: MeasureReport,
) -> Iterator[Problem]:
    area = area_report.report.area
    planned = {code: item.model for code, item in indicators_of(items, measure).items()}
    seen: set[str] = set()
    for k, value in enumerate(reported.indicators):
        path: tuple[str | int, ...] = ("opatreni", index, "indikatory", k)
        full = f"{area} {value.code}"
        indicator = planned.get(value.code)
        if indicator is None:
            listed = ", ".join(planned) or "žádné"
            message = (
                f"Opatření {measure.code} nemá indikátor {full}."
                f"{did_you_mean(value.code, planned)} Jeho indikátory: {listed}."
            )
            yield Problem("monitoring-kod", message, area_report.source.location([*path, "kod"]))
            continue
        if value.code in seen:
            message = f"Indikátor {full} je u opatření vykázán podruhé. Ponechte jednu hodnotu."
            where = area_report.source.location([*path, "kod"])
            yield Problem("monitoring-duplicita", message, where)
            continue
        seen.add(value.code)
        if (*path, "hodnota") in area_report.set_aside.stand_ins:
            continue  # the value was refused (spatna-hodnota says so): nothing to judge
        problem = unit_mismatch(indicator, value.value, full)
        if problem:
            yield Problem(
                "monitoring-hodnota", problem, area_report.source.location([*path, "hodnota"])
            )


_CHECKS: list[YearCheck] = [
    years,
    dates,
    area_files,
    measures,
    statuses,
    progress,
    costs,
    missing,
]


def check_monitoring(project: Project, items: ItemIndex, monitoring: Monitoring) -> list[Problem]:
    return [
        p for year in monitoring.years for check in _CHECKS for p in check(project, items, year)
    ]


def reported_file(monitored: MonitoredYear, code: str) -> AreaReport | None:
    """The file an area reports the year by (the first, if written twice)."""
    return next((a for a in monitored.areas if a.report.area == code), None)


def reported_area(monitored: MonitoredYear, code: str) -> AreaMonitoring | None:
    found = reported_file(monitored, code)
    return found.report if found else None
