"""The plan's yearly monitoring: ``monitoring/RRRR/*.yaml`` read and validated like chapters.

A year is a folder; in it each working group has one file for its area chapter and
the coordinator may add ``zprava.yaml`` describing the report. Reading turns every
mistake into a located Problem; the rules that need the plan are in checks/monitoring.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assembler.load.salvage import SetAside
from assembler.load.sources import SourceFile, read_yaml_file
from assembler.load.validation import validate_salvaged
from assembler.models.chapter import Area, Indicator, Measure
from assembler.models.monitoring import REPORT_FILE, AreaMonitoring, ReportInfo
from assembler.plan.items import Item, ItemIndex, Kind
from assembler.plan.stray_files import Contents, Listing, explorer_fix, hidden_name, is_read
from assembler.plan.texts import Text
from assembler.problems.diagnostics import Location, Problem

MONITORING_DIR = "monitoring"
_YEAR = re.compile(r"\d{4}")

_EMPTY = (
    "Soubor hlášení je prázdný. Doplňte oblast, rok, vykazal, datum a seznam opatreni "
    "(vzor je v README, oddíl Pro garanty opatření), nebo soubor smažte."
)


@dataclass(frozen=True)
class AreaReport:
    """One working group's file for one year. A file read without its refused values
    (load/salvage.py) has errors; ``set_aside`` says where they were: a required number
    holds a stand-in that no rule may judge, and neither it nor a removed value was
    reported."""

    source: SourceFile
    report: AreaMonitoring
    set_aside: SetAside = field(default_factory=SetAside)


@dataclass(frozen=True)
class UnreadFile:
    """An area file refused for its errors, with the area it names when its YAML could be
    read (``oblast: SEN``), so a missing report of another area does not point to it."""

    name: str
    area: str | None = None


@dataclass(frozen=True)
class MonitoredYear:
    year: int
    folder: str
    areas: tuple[AreaReport, ...] = ()
    info: ReportInfo | None = None
    info_source: SourceFile | None = None
    # Area files of the folder that could not be read (their errors are reported):
    # an area without a read file may be in one of them rather than missing.
    unread: tuple[UnreadFile, ...] = ()
    # Reports saved in monitoring/ itself (their error says so): an area without a file
    # may be in one of them, to be moved here rather than written again.
    loose: tuple[str, ...] = ()


@dataclass(frozen=True)
class Monitoring:
    """Every monitored year in ascending order (empty when the plan has no monitoring)."""

    years: tuple[MonitoredYear, ...] = ()

    def get(self, year: int) -> MonitoredYear | None:
        return next((y for y in self.years if y.year == year), None)


# A monitoring file names its area once and the measures and indicators by local code;
# these look them up in the plan's item index.
AreaItem = Item[Any]


def areas(items: ItemIndex) -> dict[str, AreaItem]:
    """Area chapters by their code (SEN)."""
    return {c.code: c for c in items.of(Kind.CHAPTER) if isinstance(c.model, Area)}


def measures_of(items: ItemIndex, area: AreaItem) -> dict[str, Item[Measure]]:
    """The area's measures by local code (1.2)."""
    return {m.model.code: m for m in items.within(area, Kind.MEASURE)}


def indicators_of(items: ItemIndex, measure: Item[Measure]) -> dict[str, Item[Indicator]]:
    return {i.model.code: i for i in items.children(measure, Kind.INDICATOR)}


def active(measure: Item[Measure], year: int) -> bool:
    """Running in ``year`` by its timeline and not cancelled (itself or its goal)."""
    return year in measure.model.timeline.years and not measure.cancelled


def reported_years(root: Path) -> list[int]:
    """The years whose folder holds an area file, without reading any: what ``plan build
    --only monitoring-RRRR`` can make a report of."""
    base = root / MONITORING_DIR
    if not base.is_dir():
        return []
    return sorted(
        int(folder.name)
        for folder in base.iterdir()
        if folder.is_dir()
        and _YEAR.fullmatch(folder.name)
        and any(is_read(p, Contents.REPORTS) and p.name != REPORT_FILE for p in folder.iterdir())
    )


def read_monitoring(root: Path, first_year: int | None = None) -> tuple[Monitoring, list[Problem]]:
    """Every year folder of ``monitoring/``; ``first_year`` (the plan's, when its plan.yaml
    could be read) is the example year of the messages about misplaced files."""
    base = root / MONITORING_DIR
    if not base.is_dir():
        return Monitoring(), []
    example = f"{MONITORING_DIR}/{first_year or 2026}/"
    entries = sorted(base.iterdir())
    loose = list(_loose_files(entries, example))
    problems: list[Problem] = [problem for _, problem in loose]
    loose_names = tuple(name for name, _ in loose)
    years = []
    for folder in (p for p in entries if p.is_dir() and not p.name.startswith(".")):
        name = f"{MONITORING_DIR}/{folder.name}/"
        if not _YEAR.fullmatch(folder.name):
            message = (
                f"Složka {name} není rok. Hlášení za rok patří do složky pojmenované rokem, "
                f"např. {example}; složku přejmenujte."
            )
            problems.append(Problem("monitoring-rok", message, Location(name)))
            continue
        year, found = _read_year(root, folder, int(folder.name))
        problems += found
        years.append(replace(year, loose=loose_names))
    return Monitoring(tuple(years)), problems


def _loose_files(entries: list[Path], example: str) -> Iterator[tuple[str, Problem]]:
    """A report saved in ``monitoring/`` itself belongs to no year: it would never be read,
    and its area would only be reported missing without a word about the file. Each such
    file's name and its error."""
    for path in entries:
        if not path.is_file():
            continue
        name = f"{MONITORING_DIR}/{path.name}"
        where = f"Soubor {name} leží přímo ve složce {MONITORING_DIR}/"
        belongs = "hlášení patří do složky roku, za který se vykazuje"
        fixed = hidden_name(path, Contents.REPORTS)
        if is_read(path, Contents.REPORTS):
            message = (
                f"{where}, a tak se nenačte: {belongs}. Přesuňte jej tam "
                f"(např. {example}{path.name})."
            )
        elif fixed is not None:
            message = (
                f"{where} a jmenuje se {path.name}, ne {fixed}, a tak se nenačte: {belongs}. "
                f"Přesuňte jej tam (např. do {example}). {explorer_fix(fixed)}"
            )
        else:
            continue
        yield name, Problem("monitoring-rok", message, Location(name))


def _read_year(root: Path, folder: Path, year: int) -> tuple[MonitoredYear, list[Problem]]:
    problems: list[Problem] = []
    areas = []
    unread: list[UnreadFile] = []
    info = info_source = None
    folder_name = f"{MONITORING_DIR}/{folder.name}"
    listing = Listing.of(folder, folder_name, Contents.REPORTS)
    problems += listing.problems()
    # 10-seniori.yaml.txt may be the area missing: the message must not say "založte jej".
    unread += (UnreadFile(path.name) for path in listing.misnamed)
    for path in listing.read:
        name = f"{folder_name}/{path.name}"
        source, found = read_yaml_file(path, name, root, _EMPTY)
        problems += found
        if source is None:
            if path.name != REPORT_FILE:
                unread.append(UnreadFile(path.name))
            continue
        if path.name == REPORT_FILE:
            # It has no required number, so nothing of it stands in for a refused value.
            info, found, _ = validate_salvaged(ReportInfo, source)
            info_source = source if info is not None else None
            problems += found
            continue
        report, found, set_aside = validate_salvaged(AreaMonitoring, source)
        problems += found
        if report is not None:
            areas.append(AreaReport(source, report, set_aside))
        else:
            unread.append(UnreadFile(path.name, _named_area(source.data)))
    monitored = MonitoredYear(year, folder_name, tuple(areas), info, info_source, tuple(unread))
    return monitored, problems


def _named_area(data: Any) -> str | None:
    area = data.get("oblast") if isinstance(data, dict) else None
    return " ".join(str(area).split()) if isinstance(area, str | int) else None


# Markdown fields of the reports: they reach the monitoring report, so the same link,
# image and engine rules as the plan's own texts must see them.
_MEASURE_TEXTS = (
    ("duvod", "reason"),
    ("hodnoceni", "evaluation"),
    ("obtize", "difficulties"),
    ("neplanovane_vysledky", "unplanned"),
)


def monitoring_texts(monitoring: Monitoring) -> Iterator[Text]:
    """Every Markdown text of every monitored year, placed in its report file."""
    for year in monitoring.years:
        if year.info is not None and year.info_source is not None and year.info.introduction:
            yield Text(year.info.introduction, None, None, year.info_source, ("uvod",))
        for area in year.areas:
            for i, measure in enumerate(area.report.measures):
                for key, attribute in _MEASURE_TEXTS:
                    value = getattr(measure, attribute)
                    if value:
                        path = ("opatreni", i, key)
                        yield Text(value, None, area.report.area, area.source, path)
