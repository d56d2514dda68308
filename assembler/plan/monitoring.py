"""The plan's yearly monitoring: ``monitoring/RRRR/*.yaml`` read and validated like chapters.

A year is a folder; in it each working group has one file for its area chapter and
the coordinator may add ``zprava.yaml`` describing the report. Reading turns every
mistake into a located Problem; the rules that need the plan are in checks/monitoring.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from assembler.load.sources import SourceFile, read_yaml_file
from assembler.load.validation import validate_model
from assembler.models.chapter import Area, Measure
from assembler.models.monitoring import REPORT_FILE, AreaMonitoring, ReportInfo
from assembler.plan.project import Project
from assembler.problems.diagnostics import Location, Problem

MONITORING_DIR = "monitoring"
_YEAR = re.compile(r"\d{4}")
_SUFFIXES = (".yaml", ".yml")

_EMPTY = (
    "Soubor hlášení je prázdný. Doplňte oblast, rok, vykazal, datum a seznam opatreni "
    "(vzor je v README, oddíl Pro garanty opatření), nebo soubor smažte."
)


@dataclass(frozen=True)
class AreaReport:
    """One working group's file for one year."""

    source: SourceFile
    report: AreaMonitoring


@dataclass(frozen=True)
class MonitoredYear:
    year: int
    folder: str
    areas: tuple[AreaReport, ...] = ()
    info: ReportInfo | None = None
    info_source: SourceFile | None = None


@dataclass(frozen=True)
class Monitoring:
    """Every monitored year in ascending order (empty when the plan has no monitoring)."""

    years: tuple[MonitoredYear, ...] = ()

    def get(self, year: int) -> MonitoredYear | None:
        return next((y for y in self.years if y.year == year), None)


# Lookups by code within an area file (a monitoring file names its area once).
def area_by_code(project: Project) -> dict[str, Area]:
    return {area.code: area for _, area in project.areas}


def measures_of(area: Area) -> dict[str, Measure]:
    return {m.code: m for goal in area.goals for m in goal.measures}


def cancelled(area: Area, measure: Measure) -> bool:
    """Cancelled in the plan: the measure itself or its goal."""
    return bool(measure.cancelled) or any(
        goal.cancelled and measure in goal.measures for goal in area.goals
    )


def active(area: Area, measure: Measure, year: int) -> bool:
    return year in measure.timeline.years and not cancelled(area, measure)


def read_monitoring(root: Path) -> tuple[Monitoring, list[Problem]]:
    base = root / MONITORING_DIR
    if not base.is_dir():
        return Monitoring(), []
    problems: list[Problem] = []
    years = []
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
        name = f"{MONITORING_DIR}/{folder.name}/"
        if not _YEAR.fullmatch(folder.name):
            message = (
                f"Složka {name} není rok. Hlášení za rok patří do složky pojmenované rokem, "
                f"např. {MONITORING_DIR}/2026/; složku přejmenujte."
            )
            problems.append(Problem("monitoring-rok", message, Location(name)))
            continue
        year, found = _read_year(root, folder, int(folder.name))
        problems += found
        years.append(year)
    return Monitoring(tuple(years)), problems


def _read_year(root: Path, folder: Path, year: int) -> tuple[MonitoredYear, list[Problem]]:
    problems: list[Problem] = []
    areas = []
    info = info_source = None
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in _SUFFIXES):
        name = f"{MONITORING_DIR}/{folder.name}/{path.name}"
        source, found = read_yaml_file(path, name, root, _EMPTY)
        problems += found
        if source is None:
            continue
        if path.name == REPORT_FILE:
            info, found = validate_model(ReportInfo, source)
            info_source = source if info is not None else None
            problems += found
            continue
        report, found = validate_model(AreaMonitoring, source)
        problems += found
        if report is not None:
            areas.append(AreaReport(source, report))
    folder_name = f"{MONITORING_DIR}/{folder.name}"
    return MonitoredYear(year, folder_name, tuple(areas), info, info_source), problems
