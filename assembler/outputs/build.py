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
from assembler.outputs.registry import (
    Output,
    UnknownMunicipalityError,
    output_folder,
    select,
    selected_municipalities,
    selected_years,
)
from assembler.outputs.writing import write_all
from assembler.problems.diagnostics import Problem, settle
from assembler.render.documents import Document, DocumentKind, Part, make_document
from assembler.render.formats import Files


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


# A document to make: its kind and, for a monitoring report or a municipality's
# extract, its year or municipality key.
Made = tuple[DocumentKind, Part]


def instances(
    plan: CheckedPlan,
    outputs: Iterable[Output],
    years: frozenset[int] | None = None,
    municipalities: frozenset[str] | None = None,
) -> list[tuple[Output, Part]]:
    """Each output once; a yearly one once per monitored year with data, an extract
    once per municipality that gets one (``years`` and ``municipalities`` narrow)."""
    from assembler.render.extract import extract_keys
    from assembler.render.monitoring import years_with_data

    monitored = [y.year for y in years_with_data(plan) if years is None or y.year in years]
    keys = [k for k in extract_keys(plan) if municipalities is None or k.lower() in municipalities]

    def parts(output: Output) -> list[Part]:
        if output.yearly:
            return list(monitored)
        return list(keys) if output.per_municipality else [None]

    return [(output, part) for output in outputs for part in parts(output)]


def render_documents(plan: CheckedPlan, kinds: Iterable[Made]) -> dict[Made, Document]:
    """The document stage: each document needed, made once (plan.docx and plan.pdf share)."""
    with gc_paused():
        return {made: make_document(made[0], plan, made[1]) for made in dict.fromkeys(kinds)}


def convert(
    plan: CheckedPlan,
    documents: dict[Made, Document],
    outputs: Iterable[tuple[Output, Part]],
) -> tuple[dict[Path, bytes], list[Problem]]:
    """The format stage, in memory; the two cores work on independent outputs. An
    output an engine refuses becomes a problem naming the chapter (failures.py)."""
    outputs = list(outputs)
    settings = plan.project.info.outputs
    folder = output_folder(plan.project.root, settings)
    from assembler.outputs import failures
    from assembler.render import pandoc

    def write(output: Output, part: Part) -> Files | Problem:
        document = documents[(output.document, part)]
        try:
            return output.write(document, settings, part)
        except failures.ENGINE_ERRORS as err:
            name = output.file_name(settings, part)
            return failures.explain(
                plan, document, name, err, lambda d: output.write(d, settings, part), part
            )

    # Two workers for two cores, also for a report with charts: a third pandoc run beside
    # the two took the drawing's core, and the PDF waits for the last chart (measured on
    # the 1000-measure report, cold: 13.2 s with three workers, 11.0 s with two).
    pool = ThreadPoolExecutor(max_workers=2)
    with pandoc.stoppable():
        try:
            futures = [pool.submit(write, o, part) for o, part in outputs]
            results = [f.result() for f in futures]
        except BaseException:
            # An interrupted or failed build waits for no other output: those not yet
            # started are dropped, the pandoc runs under way are ended.
            pool.shutdown(wait=False, cancel_futures=True)
            pandoc.stop_all()
            for chart in (c for d in documents.values() for c in d.charts):
                chart.drawing.cancel()  # charts not yet drawn are not drawn
            raise
        finally:
            pool.shutdown(wait=True)
    problems = [r for r in results if isinstance(r, Problem)]
    files = {folder / n: d for r in results if not isinstance(r, Problem) for n, d in r.items()}
    return files, problems


def _known_municipalities(plan: CheckedPlan, wanted: frozenset[str] | None) -> None:
    from assembler.render.extract import extract_keys

    known = [key.lower() for key in extract_keys(plan)]
    unknown = sorted(key for key in wanted or () if key not in known)
    if unknown:
        raise UnknownMunicipalityError([f"obec-{key}" for key in unknown], known)


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
    municipalities = selected_municipalities(only)
    _known_municipalities(result.plan, municipalities)
    made = instances(result.plan, outputs, selected_years(only), municipalities)
    project = result.plan.project
    clashes = settle(names.check_parts(project, made), project.info.rules, strict)
    if clashes:
        return BuildResult([*result.problems, *clashes])
    documents = render_documents(result.plan, ((o.document, part) for o, part in made))
    labels = sorted({o.format.kind.upper() for o, _ in made})
    progress(f"Převádím do {', '.join(labels)}…")
    files, failed = convert(result.plan, documents, made)
    if failed:
        return BuildResult([*result.problems, *failed])  # all or nothing: none written
    written, unchanged = write_all(files)
    return BuildResult(result.problems, written, unchanged)
