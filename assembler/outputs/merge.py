"""Returned values merged into the year's monitoring files, keeping their comments and
layout (ruamel.yaml round trip behind load/yamlio.py).

Each workbook's edits are first compared with what is recorded (in the files, or set
by a workbook read earlier in the same import): a different value is a conflict and
the whole workbook is left out, unless the workbook is preferred. The edited files
are then validated and checked like ``plan check`` does before anything is written.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from assembler.checks.monitoring import check_monitoring, reported_area
from assembler.checks.pipeline import CheckedPlan
from assembler.load import yamlio
from assembler.load.sources import yaml_source
from assembler.load.validation import validate_model
from assembler.models.measure_report import MeasureReport
from assembler.models.monitoring import AreaMonitoring
from assembler.outputs.returned_cells import Edit, Reading, recorded, shown_value, target_name
from assembler.plan.monitoring import MONITORING_DIR, AreaReport, MonitoredYear, Monitoring
from assembler.problems.diagnostics import Location, Problem, settle, shown


@dataclass
class EditedFile:
    name: str  # monitoring/2026/10-seniori.yaml
    path: Path
    data: Any
    dump: Callable[[Any], str]
    created: bool
    index: dict[str, int]  # measure code → position in the opatreni list
    reports: dict[str, MeasureReport]
    reported_by: str  # the file's vykazal and datum, which its measures inherit
    date: datetime.date | None
    order: dict[str, int]  # the area's measure codes in the plan's order
    changed: bool = False
    dated_today: bool = False  # created with the import's date: no date in the workbook


@dataclass
class Merge:
    plan: CheckedPlan
    year: int
    prefer_workbook: bool = False
    files: dict[str, EditedFile] = field(default_factory=dict)  # by area code
    overlay: dict[tuple[str, str, tuple[str, ...]], Any] = field(default_factory=dict)

    def add(self, reading: Reading) -> list[Problem]:
        """Apply one workbook's edits, or none of them (returns its conflicts)."""
        conflicts, todo = [], []
        for edit in reading.edits:
            current = self._current(edit)
            if current is None or (current != edit.value and self.prefer_workbook):
                todo.append(edit)
            elif current != edit.value:
                conflicts.append(self._conflict(reading, edit, current))
        if conflicts:
            return conflicts
        undated = self._undated(reading, todo)
        if undated is not None:
            return [undated]
        for edit in todo:
            self._apply(edit, reading)
        reading.applied = len(todo)
        return []

    def _undated(self, reading: Reading, todo: list[Edit]) -> Problem | None:
        """A new file needs a date; the import's date before the year began would be
        refused by plan check as a report "from the future", so the workbook must give
        the date (or be read once the year began)."""
        today = _today()
        if reading.filled_on is not None or today >= datetime.date(self.year, 1, 1):
            return None
        new = [e.area for e in todo if e.area not in self.files and not self._recorded(e.area)]
        if not new:
            return None
        cell = reading.filled_on_cell
        if cell is not None:
            where = Location(reading.name, cell=f"{cell.sheet}!{cell.cell}")
            fix = f"Napište sem datum vyplnění, nebo sešit načtěte nejdřív 1. 1. {self.year}."
        else:  # exported before workbooks had the date row
            where = Location(reading.name)
            fix = (
                f"Načtěte jej nejdřív 1. 1. {self.year}, nebo garantovi pošlete nový sešit "
                f"(plan monitor export {self.year}), v němž datum vyplnění uvede."
            )
        message = (
            f"Sešit za rok {self.year} neuvádí datum vyplnění a rok {self.year} ještě nezačal "
            f"(dnes je {_czech(today)}): nově založené hlášení oblasti {new[0]} by mělo datum "
            f"dřívější než začátek vykazovaného roku. {fix}"
        )
        return Problem("monitoring-rok", message, where)

    def _recorded(self, area: str) -> bool:
        monitored = self.plan.monitoring.get(self.year)
        return monitored is not None and reported_area(monitored, area) is not None

    def notes(self) -> list[str]:
        """What the coordinator should look at in the written files."""
        return [
            f"{f.name}: datum hlášení je dnešní ({_czech(_today())}), sešit datum vyplnění "
            "neuvádí; zkontrolujte je."
            for f in self.files.values()
            if f.created and f.dated_today and f.changed
        ]

    def _current(self, edit: Edit) -> Any:
        key = (edit.area, edit.measure, edit.target)
        if key in self.overlay:
            return self.overlay[key]
        monitored = self.plan.monitoring.get(self.year)
        area = reported_area(monitored, edit.area) if monitored else None
        report = next((m for m in area.measures if m.code == edit.measure), None) if area else None
        return recorded(report, edit.target)

    def _conflict(self, reading: Reading, edit: Edit, current: Any) -> Problem:
        file = self._file_name(edit.area)
        message = (
            f"Opatření {edit.area} {edit.measure}, {target_name(edit.target)}: v sešitu je "
            f"„{shown(shown_value(edit.value), 60)}“, v {file} je už zapsáno "
            f"„{shown(shown_value(current), 60)}“. Nic z tohoto sešitu nebylo uloženo. Platí-li "
            "hodnota ze sešitu, načtěte jej znovu s volbou --prednost-sesitu; jinak hodnotu "
            "v sešitu opravte."
        )
        return Problem(
            "sesit-konflikt",
            message,
            Location(reading.name, cell=f"{edit.cell.sheet}!{edit.cell.cell}"),
        )

    def _file_name(self, area: str) -> str:
        if area in self.files:
            return self.files[area].name
        monitored = self.plan.monitoring.get(self.year)
        found = (
            next((a for a in monitored.areas if a.report.area == area), None) if monitored else None
        )
        return found.source.name if found else f"{MONITORING_DIR}/{self.year}/"

    def _apply(self, edit: Edit, reading: Reading) -> None:
        file = self._open(edit.area, reading)
        entry = self._entry(file, edit.measure)
        _sign(file, entry, reading)
        value = _yaml_value(edit.value, edit.target)
        if edit.target[0] == "indikatory":
            values = entry.get("indikatory")
            if values is None:
                values = entry["indikatory"] = yamlio.edited_sequence([])
            item = next(
                (v for v in values if str(v.get("kod", "")).strip() == edit.target[1]), None
            )
            if item is None:
                item = yamlio.edited_mapping({"kod": edit.target[1]})
                values.append(item)
            item[edit.target[2]] = value
        elif edit.target[0] == "skutecne_naklady":
            costs = entry.get("skutecne_naklady")
            if costs is None:
                costs = entry["skutecne_naklady"] = yamlio.edited_mapping({}, flow=True)
            costs[edit.target[1]] = value
        else:
            entry[edit.target[0]] = value
        file.changed = True
        self.overlay[(edit.area, edit.measure, edit.target)] = edit.value

    def _entry(self, file: EditedFile, code: str) -> Any:
        measures = file.data.get("opatreni")
        if measures is None:
            measures = file.data["opatreni"] = yamlio.edited_sequence([])
        if code not in file.index:  # a new entry goes where the plan has the measure
            order = file.order
            at = next(
                (
                    i
                    for c, i in sorted(file.index.items(), key=lambda x: x[1])
                    if order.get(c, len(order)) > order.get(code, len(order))
                ),
                len(measures),
            )
            measures.insert(at, yamlio.edited_mapping({"kod": code}))
            file.index = {c: i + (i >= at) for c, i in file.index.items()} | {code: at}
        return measures[file.index[code]]

    def _open(self, area: str, reading: Reading) -> EditedFile:
        if area in self.files:
            return self.files[area]
        monitored = self.plan.monitoring.get(self.year)
        found = (
            next((a for a in monitored.areas if a.report.area == area), None) if monitored else None
        )
        if found is not None:
            text, created = found.source.raw.decode("utf-8-sig"), False
            path, name = found.source.path, found.source.name
            reports = list(found.report.measures)
            by, date = found.report.reported_by, found.report.date
        else:
            path, name = self._new_path(area)
            text, created, reports = self._new_text(area, reading), True, []
            by, date = _signer(reading), reading.filled_on or _today()
        # ruamel keeps the CR of a comment line, and CR LF written back doubled it.
        data, dump = yamlio.load_for_edit(text.replace("\r\n", "\n"))
        if "\r\n" in text:  # written back with the file's own line ends
            plain = dump
            dump = lambda edited: plain(edited).replace("\n", "\r\n")  # noqa: E731
        index: dict[str, int] = {}
        for i, report in enumerate(reports):
            index.setdefault(report.code, i)
        planned = next(a for _, a in self.plan.project.areas if a.code == area)
        order = {m.code: i for i, m in enumerate(m for g in planned.goals for m in g.measures)}
        reported = {r.code: r for r in reports}
        edited = EditedFile(name, path, data, dump, created, index, reported, by, date, order)
        edited.dated_today = created and reading.filled_on is None
        self.files[area] = edited
        return edited

    def _new_path(self, area: str) -> tuple[Path, str]:
        chapter = next(c for c, a in self.plan.project.areas if a.code == area)
        relative = f"{MONITORING_DIR}/{self.year}/{Path(chapter.source.name).stem}.yaml"
        return self.plan.project.root / relative, relative

    def _new_text(self, area: str, reading: Reading) -> str:
        title = next(a.title for _, a in self.plan.project.areas if a.code == area)
        who, date = _signer(reading), reading.filled_on or _today()
        return (
            f"# Hlášení oblasti {title} za rok {self.year}, založeno importem sešitu "
            f"{reading.name}.\n"
            f"oblast: {area}\nrok: {self.year}\nvykazal: {yamlio.scalar(who or '(doplňte)')}\n"
            f"datum: {date.isoformat()}\nopatreni:\n"
        )

    def texts(self) -> dict[str, tuple[EditedFile, str]]:
        return {a: (f, f.dump(f.data)) for a, f in self.files.items() if f.changed}

    def check(self) -> tuple[dict[Path, bytes], list[Problem]]:
        """The edited files as bytes, and the errors they would have (then write nothing)."""
        texts = self.texts()
        problems: list[Problem] = []
        replaced: dict[str, AreaReport] = {}
        for area, (file, text) in texts.items():
            source, found = yaml_source(file.path, file.name, text)
            problems += found
            if source is None:
                continue
            report, found = validate_model(AreaMonitoring, source)
            problems += found
            if report is not None:
                replaced[area] = AreaReport(source, report)
        if problems:
            return {}, problems
        monitoring = _with(self.plan.monitoring, self.year, replaced)
        names = {file.name for file, _ in texts.values()}
        # Only errors stop the import: a warning already in the file (a report on a
        # cancelled measure) refused every workbook of its area, printed as an error. The
        # check after writing lists the warnings.
        rules = self.plan.project.info.rules
        found = [
            p
            for p in settle(check_monitoring(self.plan.project, self.plan.items, monitoring), rules)
            if p.location.file in names and p.is_error
        ]
        files = {file.path: text.encode("utf-8") for file, text in texts.values()}
        return files, found


def _signer(reading: Reading) -> str:
    return reading.filled_by or (reading.group.name if reading.group else "")


def _sign(file: EditedFile, entry: Any, reading: Reading) -> None:
    """A measure from a workbook signed by someone else than the file's reporter, or on
    another day, gets its own vykazal and datum: the report names who reported it. An
    unsigned workbook names nobody (the group's name is no reporter of an existing file)."""
    if reading.filled_by and reading.filled_by != file.reported_by:
        entry["vykazal"] = reading.filled_by
    if reading.filled_on is not None and reading.filled_on != file.date:
        entry["datum"] = _czech(reading.filled_on)


def _today() -> datetime.date:
    """The import's date (one place, so tests can set the day)."""
    return datetime.date.today()


def _czech(date: datetime.date) -> str:
    return f"{date.day}. {date.month}. {date.year}"


def _with(monitoring: Monitoring, year: int, replaced: dict[str, AreaReport]) -> Monitoring:
    old = monitoring.get(year) or MonitoredYear(year, f"{MONITORING_DIR}/{year}")
    kept = [a for a in old.areas if a.report.area not in replaced]
    updated = replace(old, areas=(*kept, *replaced.values()))
    years = [y for y in monitoring.years if y.year != year]
    return Monitoring(tuple(sorted([*years, updated], key=lambda y: y.year)))


def _yaml_value(value: Any, target: tuple[str, ...]) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if target[-1] in ("hodnoceni", "obtize", "duvod", "poznamka"):
        return yamlio.edited_text(str(value))
    return value
