"""Plan-wide rules: everything that needs more than one model to decide.

Each module holds a few related rules; each rule is a generator of Problems so
that every problem in every file is reported in one run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from assembler.checks import (
    codes,
    files,
    measures,
    placeholders,
    plan,
    registry,
    territory,
    years,
)
from assembler.plan.items import ItemIndex
from assembler.plan.project import Project
from assembler.problems.diagnostics import Problem

_CHECKS: list[Callable[[Project, ItemIndex], Iterator[Problem]]] = [
    *codes.CHECKS,
    *years.CHECKS,
    *measures.CHECKS,
    *registry.CHECKS,
    *territory.CHECKS,
    *plan.CHECKS,
    *files.CHECKS,
    *placeholders.CHECKS,
]


def check_plan(project: Project, items: ItemIndex) -> list[Problem]:
    return [problem for check in _CHECKS for problem in check(project, items)]
