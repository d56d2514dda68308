"""Handlers of the ``plan`` subcommands (part of the CLI: they talk to the terminal)."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
from pathlib import Path

from assembler.checks.pipeline import CheckResult
from assembler.cli.terminal import Terminal
from assembler.outputs import buildcache
from assembler.outputs.build import check_project
from assembler.problems.diagnostics import Problem, count_errors
from assembler.render import czech


def environment_ok(root: Path, terminal: Terminal) -> bool:
    if not root.is_dir():
        terminal.error(f"složka {root} neexistuje")
        return False
    return True


def report(result: CheckResult, terminal: Terminal) -> None:
    for problem in result.problems:
        terminal.problem(problem)
    terminal.info(summary(result.problems))


def summary(problems: list[Problem]) -> str:
    errors = count_errors(problems)
    warnings = len(problems) - errors
    if not problems:
        return "Plán je v pořádku."
    files = len({p.location.file for p in problems})
    parts = []
    if errors:
        parts.append(czech.plural(errors, "chyba", "chyby", "chyb"))
    if warnings:
        parts.append(f"{warnings} varování")
    where = czech.plural(files, "souboru", "souborech", "souborech")
    return f"Nalezeno: {' a '.join(parts)} v {where}."


def one_shot() -> None:
    """For a command that checks or builds once and ends: the cyclic collector stays off
    (it would only rescan the plan's objects, 0.4 s of a cold report build), and what is
    left at the end is frozen, so the interpreter's exit skips its final full collection
    of every object the build made (0.4–0.8 s after a 1000-measure report, measured)."""
    gc.disable()
    atexit.unregister(gc.freeze)  # once, however often the CLI runs in one process
    atexit.register(gc.freeze)


def run_check(args: argparse.Namespace, terminal: Terminal) -> int:
    if not environment_ok(args.dir, terminal):
        return 2
    one_shot()
    result = check_project(args.dir, strict=args.strict)
    report(result, terminal)
    return 0 if result.ok else 1


def run_schema(args: argparse.Namespace, terminal: Terminal) -> int:
    from assembler.authoring.schema import generated_files
    from assembler.outputs.writing import write_atomic

    for relative, text in generated_files().items():
        write_atomic(args.out / relative, text.encode("utf-8"))
        terminal.info(f"zapsáno: {relative}")
    return 0


def run_build(args: argparse.Namespace, terminal: Terminal) -> int:
    from assembler.outputs.build import build
    from assembler.outputs.registry import (
        SelectionError,
        UnknownMunicipalityError,
        choices,
        select,
        suggestion,
    )
    from assembler.outputs.writing import WriteError

    if not environment_ok(args.dir, terminal):
        return 2
    only = args.only.split(",") if args.only else None
    try:
        select(only)
    except SelectionError as err:
        hint = suggestion(err.unknown[0]) if len(err.unknown) == 1 else ""
        listed = ", ".join(err.unknown)
        terminal.error(f"--only: neznámý výstup {listed}.{hint} Možnosti: {choices()}.")
        return 2
    options = [",".join(only or []), str(args.strict)]
    inputs = buildcache.inputs(args.dir, options, buildcache.tool_versions())
    cached = buildcache.fresh(args.dir, inputs)
    if cached is not None:
        for line in cached.report:
            terminal.info(line)
        listed = ", ".join(relative(p, args.dir.resolve()) for p in cached.outputs)
        terminal.info(f"Beze změny od posledního sestavení: {listed}")
        return 0
    one_shot()
    try:
        with terminal.progress("Sestavuji plán…") as step:
            result = build(args.dir, only, strict=args.strict, progress=step)
    except WriteError as err:
        terminal.error(err.describe(relative(err.path, args.dir)))
        return 2
    except UnknownMunicipalityError as err:
        listed = ", ".join(f"obec-{key}" for key in err.known)
        has = (
            f"Výpisy pro obce tohoto plánu: {listed}."
            if listed
            else (
                "Plán nemá v registru území (plan.yaml, uzemi) více obcí, výpisy obcí se netvoří."
            )
        )
        terminal.error(f"--only: {', '.join(err.unknown)} není obec z registru území. {has}")
        return 2
    for problem in result.problems:
        terminal.problem(problem)
    if not result.ok:
        terminal.info(summary(result.problems))
        terminal.warn("Nic nebylo zapsáno; předchozí výstupy zůstaly beze změny.")
        return 1
    # A silent exit 0 left the user looking for a report that was never made.
    missing = _missing_years(args.dir, only) if only else ""
    if missing:
        terminal.warn(missing)
    if only and not (result.written or result.unchanged):
        if not missing:
            terminal.warn(_nothing_made(only))
        return 2
    lines = [str(p) for p in result.problems] + ([missing] if missing else [])
    if result.problems:
        terminal.info(summary(result.problems))
        lines.append(summary(result.problems))
    # Without the record the next build is a full one, nothing worse.
    with contextlib.suppress(WriteError):
        buildcache.record(args.dir, inputs, [*result.written, *result.unchanged], lines)
    names = [relative(p, args.dir) for p in result.written]
    same = [relative(p, args.dir) for p in result.unchanged]
    if names:
        terminal.ok("Zapsáno: " + ", ".join(names))
    if same:
        terminal.info("Beze změny: " + ", ".join(same))
    return 0


def _missing_years(root: Path, only: list[str]) -> str:
    """A note on the years ``--only`` names whose report cannot be made (no reports)."""
    from assembler.outputs.registry import selected_years
    from assembler.plan.monitoring import MONITORING_DIR, reported_years

    have = reported_years(root)
    missing = sorted((selected_years(only) or set()) - set(have))
    if not missing:
        return ""
    known = (
        f"Hlášení jsou za roky {', '.join(map(str, have))}."
        if have
        else f"Složka {MONITORING_DIR}/ žádná hlášení nemá."
    )
    return (
        f"Za rok {', '.join(map(str, missing))} nejsou ve složce {MONITORING_DIR}/ žádná "
        f"hlášení oblastí, a tak monitorovací zpráva za něj nevznikla. {known}"
    )


def _nothing_made(only: list[str]) -> str:
    return (
        f"Nic nebylo sestaveno: výběr --only {','.join(only)} v tomto plánu nedává žádný "
        "výstup. Monitorovací zprávy vznikají jen za roky s hlášeními ve složce monitoring/, "
        "výpisy obcí jen s více obcemi v registru území (plan.yaml, uzemi)."
    )


def relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
