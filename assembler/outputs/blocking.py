"""Which errors stop a workbook from being exported or imported.

An error in the plan itself (plan.yaml, a chapter) stops every workbook: its measures
and codes may be wrong. An error in a monitoring file stops only the workbooks of that
file's year and area: an export would pre-fill them from a file the plan could not
trust, an import would write into it. Errors of other years, of other areas and of the
report's own ``zprava.yaml`` concern neither, so one garant's typo does not hold up the
other garants' workbooks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assembler.checks.pipeline import CheckedPlan
from assembler.models.monitoring import REPORT_FILE
from assembler.plan.monitoring import MONITORING_DIR
from assembler.problems.diagnostics import Problem

# The area of a file the loader refused, read from its text: "oblast: SEN".
_AREA_LINE = re.compile(r"(?m)^oblast:[ \t]*[\"']?([^\s\"'#]+)")


@dataclass(frozen=True)
class Blocking:
    """A monitoring file with errors and the area it reports (None: not known, so it
    may be any area's of its year)."""

    file: str  # monitoring/2026/10-seniori.yaml, or the folder monitoring/2026/
    area: str | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Blockers:
    plan: tuple[Problem, ...]  # errors outside monitoring/: no workbook can be made
    files: tuple[Blocking, ...]
    year_of: dict[str, int]  # the year of each file in ``files``

    def of_year(self, year: int) -> list[Blocking]:
        """Every file of ``year`` with errors, whatever area it names."""
        return [b for b in self.files if self.year_of[b.file] == year]

    def blocking(self, year: int, areas: Iterable[str]) -> list[Blocking]:
        """The files of ``year`` whose errors stop a workbook of these areas."""
        wanted = set(areas)
        return [
            b
            for b in self.files
            if self.year_of[b.file] == year and (b.area is None or b.area in wanted)
        ]


def blockers(plan: CheckedPlan, problems: Iterable[Problem]) -> Blockers:
    on_plan: list[Problem] = []
    by_file: dict[str, list[Problem]] = {}
    years: dict[str, int] = {}
    for problem in problems:
        if not problem.is_error:
            continue
        parts = problem.location.file.split("/")
        if parts[0] != MONITORING_DIR:
            on_plan.append(problem)
            continue
        if len(parts) < 2 or not parts[1].isdigit() or parts[-1] == REPORT_FILE:
            continue  # a folder that is no year, or the report's own description
        name = problem.location.file
        by_file.setdefault(name, []).append(problem)
        years[name] = int(parts[1])
    files = tuple(
        Blocking(name, _area(plan, name), tuple(found)) for name, found in by_file.items()
    )
    return Blockers(tuple(on_plan), files, years)


def _area(plan: CheckedPlan, name: str) -> str | None:
    """The area a monitoring file reports: as read, from its ``oblast:`` (as the loader
    found it, or as a line of a file that is no valid YAML), or from its name (named
    after the area's chapter); None for a folder or when unknown."""
    year, _, file = name.removeprefix(f"{MONITORING_DIR}/").partition("/")
    if not file:
        return None
    monitored = plan.monitoring.get(int(year))
    for area_report in monitored.areas if monitored else ():
        if area_report.source.name == name:
            return str(area_report.report.area)
    for unread in monitored.unread if monitored else ():
        if unread.name == file and unread.area:
            return unread.area  # valid YAML, refused by the model
    path = plan.project.root / name
    try:
        found = _AREA_LINE.search(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        found = None
    codes = {area.code for _, area in plan.project.areas}
    if found and found.group(1) in codes:
        return found.group(1)
    stem = Path(file).stem
    return next(
        (a.code for c, a in plan.project.areas if Path(c.source.name).stem == stem),
        None,
    )
