"""Handlers of the ``plan`` subcommands (part of the CLI: they talk to the terminal)."""

from __future__ import annotations

import argparse
from pathlib import Path

from assembler import czech
from assembler.check import CheckResult, check
from assembler.diagnostics import Problem, count_errors
from assembler.terminal import Terminal


def _environment_ok(root: Path, terminal: Terminal) -> bool:
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


def run_check(args: argparse.Namespace, terminal: Terminal) -> int:
    if not _environment_ok(args.dir, terminal):
        return 2
    result = check(args.dir, strict=args.strict)
    report(result, terminal)
    return 0 if result.ok else 1


def run_schema(args: argparse.Namespace, terminal: Terminal) -> int:
    from assembler.schema import generated_files
    from assembler.writing import write_atomic

    for relative, text in generated_files().items():
        write_atomic(args.out / relative, text.encode("utf-8"))
        terminal.info(f"zapsáno: {relative}")
    return 0


def run_build(args: argparse.Namespace, terminal: Terminal) -> int:
    from assembler.build import OutputSelectionError, build, check_selection

    if not _environment_ok(args.dir, terminal):
        return 2
    only = args.only.split(",") if args.only else None
    try:
        check_selection(only or [])
    except OutputSelectionError as err:
        terminal.error(f"--only: neznámý výstup {err}. Možnosti: docx, pdf, html, plan, summary.")
        return 2
    with terminal.progress("Sestavuji plán…"):
        result = build(args.dir, only, strict=args.strict)
    for problem in result.problems:
        terminal.problem(problem)
    if not result.ok:
        terminal.info(summary(result.problems))
        terminal.warn("Nic nebylo zapsáno; předchozí výstupy zůstaly beze změny.")
        return 1
    if result.problems:
        terminal.info(summary(result.problems))
    names = [_relative(p, args.dir) for p in result.written]
    same = [_relative(p, args.dir) for p in result.unchanged]
    if names:
        terminal.ok("Zapsáno: " + ", ".join(names))
    if same:
        terminal.info("Beze změny: " + ", ".join(same))
    return 0


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
