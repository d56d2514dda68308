"""The build pipeline: check → documents → formats → write. Reads like the pipeline it is.

Each stage is a function of the one before; ``plan build`` runs them all, ``plan
check`` the first, ``plan watch`` the first two and its own cached HTML format.
Nothing is written unless every step succeeded: all outputs are produced in memory
first and only then replace the previous set (``writing.write_all``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from assembler.checks.pipeline import CheckedPlan, CheckResult, check, gc_paused
from assembler.outputs import names
from assembler.outputs.registry import Output, output_folder, select
from assembler.outputs.writing import write_all
from assembler.problems.diagnostics import Problem, settle
from assembler.render.documents import Document, DocumentKind, make_document


@dataclass(frozen=True)
class BuildResult:
    problems: list[Problem]
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def check_project(root: Path, strict: bool = False) -> CheckResult:
    """The check stage of every command: the plan's rules plus its outputs' names."""
    result = check(root, strict)
    if result.plan is None:
        return result
    project = result.plan.project
    found = settle(names.check_names(result.plan), project.info.rules, strict)
    if not found:
        return result
    problems = sorted([*result.problems, *found], key=lambda p: (p.location, p.rule))
    return CheckResult(result.plan, problems)


def render_documents(
    plan: CheckedPlan, kinds: Iterable[DocumentKind]
) -> dict[DocumentKind, Document]:
    """The document stage: each document needed, made once (plan.docx and plan.pdf share)."""
    with gc_paused():
        return {kind: make_document(kind, plan) for kind in dict.fromkeys(kinds)}


def convert(
    plan: CheckedPlan, documents: dict[DocumentKind, Document], outputs: Iterable[Output]
) -> dict[Path, bytes]:
    """The format stage, in memory; the two cores work on independent outputs."""
    settings = plan.project.info.outputs
    folder = output_folder(plan.project.root, settings)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(o.write, documents[o.document], settings) for o in outputs]
        return {folder / name: data for f in futures for name, data in f.result().items()}


def build(
    root: Path,
    only: Iterable[str] | None = None,
    strict: bool = False,
    progress: Callable[[str], None] = lambda step: None,
) -> BuildResult:
    outputs = select(only)
    progress("Kontroluji plán…")
    result = check_project(root, strict)
    if not result.ok or result.plan is None:
        return BuildResult(result.problems)
    progress("Skládám dokumenty…")
    documents = render_documents(result.plan, (o.document for o in outputs))
    labels = sorted({o.format.kind.upper() for o in outputs})
    progress(f"Převádím do {', '.join(labels)}…")
    files = convert(result.plan, documents, outputs)
    written, unchanged = write_all(files)
    return BuildResult(result.problems, written, unchanged)
