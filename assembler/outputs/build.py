"""The build pipeline: check → documents → formats → write. Reads like the pipeline it is.

Nothing is written unless every step succeeded: all outputs are produced in
memory first and only then replace the previous files, each atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from assembler.checks.pipeline import CheckedPlan, CheckResult, check, gc_paused
from assembler.outputs.writing import write_atomic
from assembler.problems.diagnostics import Problem
from assembler.render.documents import PLAN, SUMMARY, Document, plan_document, summary_document

FORMATS = ("docx", "pdf", "html")


@dataclass(frozen=True)
class Output:
    """One file to produce: which document, in which format, under which name."""

    document: str
    format: str
    path: Path


@dataclass(frozen=True)
class BuildResult:
    problems: list[Problem]
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


class OutputSelectionError(ValueError):
    """``--only`` named something that is not a document or format."""


SELECTABLE = frozenset(
    {
        *FORMATS,
        PLAN,
        SUMMARY,
        "plan.docx",
        "plan.pdf",
        "summary.pdf",
        "summary.docx",
        "summary.html",
    }
)


def check_selection(only: Iterable[str]) -> None:
    unknown = [w for w in (w.strip().lower() for w in only) if w and w not in SELECTABLE]
    if unknown:
        raise OutputSelectionError(", ".join(unknown))


def planned_outputs(plan: CheckedPlan) -> list[Output]:
    settings = plan.project.info.outputs
    folder = plan.project.root / settings.directory
    return [
        Output(PLAN, "docx", folder / settings.plan_docx),
        Output(PLAN, "pdf", folder / settings.plan_pdf),
        Output(SUMMARY, "pdf", folder / settings.summary_pdf),
        Output(SUMMARY, "docx", folder / settings.summary_docx),
        Output(SUMMARY, "html", folder / settings.summary_html),
    ]


def select(outputs: list[Output], only: Iterable[str] | None) -> list[Output]:
    """Filter by ``--only`` words: a format (pdf), a document (summary) or both (plan.pdf)."""
    if not only:
        return outputs
    check_selection(only)
    words = [w.strip().lower() for w in only if w.strip()]
    return [o for o in outputs if {o.format, o.document, f"{o.document}.{o.format}"} & set(words)]


def render_documents(plan: CheckedPlan, outputs: list[Output]) -> dict[str, Document]:
    makers: dict[str, Callable[[CheckedPlan], Document]] = {
        PLAN: plan_document,
        SUMMARY: summary_document,
    }
    return {kind: makers[kind](plan) for kind in dict.fromkeys(o.document for o in outputs)}


def convert(documents: dict[str, Document], outputs: list[Output]) -> dict[Path, bytes]:
    """Produce every output in memory; the two cores work on independent outputs."""
    from assembler.render.formats import formats

    converters = formats()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            o.path: pool.submit(converters[o.format], documents[o.document]) for o in outputs
        }
        return {path: future.result() for path, future in futures.items()}


def write_outputs(files: dict[Path, bytes]) -> tuple[list[Path], list[Path]]:
    written: list[Path] = []
    unchanged: list[Path] = []
    for path, data in files.items():
        (written if write_atomic(path, data) else unchanged).append(path)
    return written, unchanged


def build(
    root: Path,
    only: Iterable[str] | None = None,
    strict: bool = False,
    progress: Callable[[str], None] = lambda step: None,
) -> BuildResult:
    progress("Kontroluji plán…")
    result: CheckResult = check(root, strict)
    if not result.ok or result.plan is None:
        return BuildResult(result.problems)
    outputs = select(planned_outputs(result.plan), only)
    progress("Skládám dokumenty…")
    with gc_paused():
        documents = render_documents(result.plan, outputs)
    progress(f"Převádím do {', '.join(sorted({o.format.upper() for o in outputs}))}…")
    files = convert(documents, outputs)
    written, unchanged = write_outputs(files)
    return BuildResult(result.problems, written, unchanged)
