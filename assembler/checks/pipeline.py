"""The check pipeline: read → validate → index → plan-wide rules → links. Writes nothing."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from assembler.checks import check_plan
from assembler.checks.abbreviations import check_abbreviations
from assembler.checks.characters import check_characters
from assembler.checks.engine import check_engine
from assembler.checks.markup import check_markup
from assembler.checks.monitoring import check_monitoring
from assembler.checks.written import check_written
from assembler.links import Links, check_outside, link
from assembler.load.sources import SourceFile
from assembler.plan.items import ItemIndex, index_items
from assembler.plan.monitoring import Monitoring, monitoring_texts, read_monitoring
from assembler.plan.project import Project, assemble, read_sources
from assembler.plan.texts import plan_texts
from assembler.problems.diagnostics import Problem, count_errors, settle


@dataclass(frozen=True)
class CheckedPlan:
    """A plan that passed validation: the input of every renderer."""

    project: Project
    items: ItemIndex
    links: Links
    monitoring: Monitoring = field(default_factory=Monitoring)


@dataclass(frozen=True)
class CheckResult:
    plan: CheckedPlan | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.plan is not None and count_errors(self.problems) == 0


@contextmanager
def gc_paused() -> Iterator[None]:
    """A plan becomes hundreds of thousands of small acyclic objects; the cyclic garbage
    collector would rescan them again and again (measured: the check ran 2–3× slower)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _printed_sources(project: Project, monitoring: Monitoring) -> Iterator[SourceFile]:
    """Every file whose strings reach an output: the plan, its chapters, the reports."""
    yield project.plan_source
    yield from (chapter.source for chapter in project.chapters)
    for year in monitoring.years:
        if year.info_source is not None:
            yield year.info_source
        yield from (area.source for area in year.areas)


def check(root: Path, strict: bool = False) -> CheckResult:
    with gc_paused():
        return _check(root, strict)


def _check(root: Path, strict: bool) -> CheckResult:
    sources, problems = read_sources(root)
    project, found = assemble(sources)
    problems += found
    monitoring, found = read_monitoring(root, project.info.period.start if project else None)
    problems += found
    if project is None:
        return CheckResult(None, settle(problems, None, strict))
    items = index_items(project)
    problems += check_plan(project, items)
    texts = plan_texts(project, items)
    links, found = link(project, items, texts)
    problems += found
    problems += check_abbreviations(project, items, texts)
    # Reports are rendered like chapters: their texts pass the same link and engine rules.
    reported = tuple(monitoring_texts(monitoring))
    problems += check_outside(links, reported)
    rendered = (*texts, *reported)
    problems += check_markup(project, rendered)
    problems += check_engine(rendered)
    problems += check_characters(_printed_sources(project, monitoring))
    problems += check_written(_printed_sources(project, monitoring))
    problems += check_monitoring(project, items, monitoring)
    checked = CheckedPlan(project, items, links, monitoring)
    return CheckResult(checked, settle(problems, project.info.rules, strict))
