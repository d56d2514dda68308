"""Whom the monitoring workbooks of a year are for: one group per garant (or per area
chapter) with its measures that run in the year or are already reported, and what
``monitoring/RRRR/`` records about each. Export, import and ``plan monitor status``
share it, so a workbook is read back against the same measures it was made with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from assembler.checks.monitoring import reported_file
from assembler.checks.pipeline import CheckedPlan
from assembler.load.salvage import SetAside
from assembler.models.chapter import Area, Measure
from assembler.models.measure_report import MeasureReport
from assembler.models.vocab import GroupKind
from assembler.plan.items import Item, Kind
from assembler.plan.monitoring import active
from assembler.render import czech

NO_GARANT = "bez-garanta"


@dataclass(frozen=True)
class Row:
    """One measure of a workbook with what is already recorded about it, and where its
    entry held a value that was refused (paths inside the entry: ``("pokrok",)``)."""

    item: Item[Measure]
    report: MeasureReport | None
    refused: SetAside = field(default_factory=SetAside)

    @property
    def area(self) -> Area:
        return self.item.area

    @property
    def measure(self) -> Measure:
        return self.item.model


@dataclass(frozen=True)
class Group:
    """Whom one workbook is for, and its measures in plan order."""

    kind: GroupKind
    key: str  # organisation key, area code, or "" for measures without a garant
    name: str
    stem: str  # file name without the year: charita, seniori, bez-garanta
    rows: tuple[Row, ...]

    def file_name(self, year: int) -> str:
        return f"{self.stem}-{year}.xlsx"


def _reports(plan: CheckedPlan, year: int) -> dict[str, tuple[MeasureReport, SetAside]]:
    """Recorded reports by full measure code (the first one if written twice), each with
    the values of its entry that were refused."""
    monitored = plan.monitoring.get(year)
    found: dict[str, tuple[MeasureReport, SetAside]] = {}
    if monitored is None:
        return found
    for _, area in plan.project.areas:
        file = reported_file(monitored, area.code)
        for i, measure in enumerate(file.report.measures if file else []):
            refused = file.set_aside.within(("opatreni", i)) if file else SetAside()
            found.setdefault(f"{area.code} {measure.code}", (measure, refused))
    return found


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "sesit"


def groups(plan: CheckedPlan, year: int, kind: GroupKind) -> list[Group]:
    """The workbooks of ``year``: each group with its measures (empty groups left out)."""
    reports = _reports(plan, year)
    names = {org.key: org.name for org in plan.project.info.organisations}
    keyed: dict[str, list[Row]] = {}
    for item in plan.items.of(Kind.MEASURE):
        if item.cancelled:
            continue
        report, refused = reports.get(item.code, (None, SetAside()))
        if report is None and not active(item, year):
            continue
        key = item.area.code if kind is GroupKind.AREA else item.model.guarantor or ""
        keyed.setdefault(key, []).append(Row(item, report, refused))
    found = []
    for key, rows in keyed.items():
        if kind is GroupKind.AREA:
            chapter = rows[0].item.chapter
            stem = re.sub(r"^\d+[-_]?", "", Path(chapter.source.name).stem) if chapter else key
            found.append(Group(kind, key, rows[0].area.title, _slug(stem or key), tuple(rows)))
        else:
            name = names.get(key, key) if key else "opatření bez garanta"
            found.append(Group(kind, key, name, _slug(key) if key else NO_GARANT, tuple(rows)))
    if kind is GroupKind.AREA:
        return found  # areas in plan order
    # Garants in Czech alphabetical order, the measures without one last.
    return sorted(found, key=lambda g: (not g.key, czech.sort_key(g.name)))
