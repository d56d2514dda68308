"""The check pipeline: read → validate → plan-wide rules → links. Writes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assembler.checks import check_plan
from assembler.diagnostics import Problem, count_errors, settle
from assembler.project import Project, assemble, read_sources


@dataclass(frozen=True)
class CheckResult:
    project: Project | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.project is not None and count_errors(self.problems) == 0


def check(root: Path, strict: bool = False) -> CheckResult:
    sources, problems = read_sources(root)
    project, found = assemble(sources)
    problems += found
    if project is not None:
        problems += check_plan(project)
    overrides = project.info.rules if project is not None else None
    return CheckResult(project, settle(problems, overrides, strict))
