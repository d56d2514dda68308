"""What ``plan monitor export|import|status`` do (declared in cli/monitor.py): the
garants' workbooks of a year made, taken back into monitoring/RRRR/, and who has
handed in. Each is stopped by the plan's own errors, and a workbook by the errors of
the reports it is made from or written to (outputs/blocking.py)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from assembler.checks.pipeline import CheckResult
from assembler.cli.commands import environment_ok, relative, report, summary
from assembler.cli.monitor import GROUPS
from assembler.cli.terminal import Terminal
from assembler.outputs.blocking import Blockers, Blocking, blockers
from assembler.outputs.build import check_project

# Only errors of the plan itself stop every workbook (outputs/blocking.py).
_FIX_FIRST = "nejdřív opravte chyby plánu vypsané výše (v plan.yaml nebo v kapitolách)."


def _plan_ok(result: CheckResult, terminal: Terminal, what: str) -> Blockers | None:
    """The errors that stop some workbooks, or None (reported) when the plan's own
    errors stop them all."""
    if result.plan is None:
        report(result, terminal)
        terminal.warn(f"{what}: {_FIX_FIRST}")
        return None
    found = blockers(result.plan, result.problems)
    if found.plan:
        for problem in found.plan:
            terminal.problem(problem)
        terminal.info(summary(result.problems))
        terminal.warn(f"{what}: {_FIX_FIRST}")
        return None
    return found


def _why(blocking: list[Blocking], terminal: Terminal, shown: set[str]) -> str:
    """Print each blocking file's errors once; the files' names for the message."""
    for b in blocking:
        if b.file not in shown:
            shown.add(b.file)
            for problem in b.problems:
                terminal.problem(problem)
    return ", ".join(b.file for b in blocking)


def _year_ok(year: int, period: Any, terminal: Terminal) -> bool:
    if year not in period.years:
        terminal.error(
            f"rok {year} leží mimo období plánu {period.start}–{period.end}; "
            "uveďte rok, za který se vykazuje."
        )
        return False
    return True


def run_export(args: argparse.Namespace, terminal: Terminal) -> int:
    from assembler.outputs.workbook_groups import groups
    from assembler.outputs.workbooks import export
    from assembler.outputs.writing import WriteError, write_all

    if not environment_ok(args.dir, terminal):
        return 2
    result = check_project(args.dir)
    blocked = _plan_ok(result, terminal, "Sešity nebyly vytvořeny")
    if blocked is None or result.plan is None:
        return 1
    plan = result.plan
    if not _year_ok(args.rok, plan.project.info.period, terminal):
        return 2
    made = groups(plan, args.rok, GROUPS[args.po])
    if not made:
        terminal.warn(f"V roce {args.rok} neběží žádné opatření: není co vykazovat.")
        return 0
    shown: set[str] = set()
    kept = []
    for group in made:
        blocking = blocked.blocking(args.rok, {row.area.code for row in group.rows})
        if not blocking:
            kept.append(group)
            continue
        names = _why(blocking, terminal, shown)
        terminal.warn(
            f"Sešit {group.file_name(args.rok)} nebyl vytvořen: předvyplňuje se z hlášení "
            f"{names} a to má chyby vypsané výše. Opravte je a export spusťte znovu."
        )
    files = export(plan, args.rok, kept)
    try:
        written, unchanged = write_all(files)
    except WriteError as err:
        terminal.error(err.describe(relative(err.path, args.dir)))
        return 2
    if result.problems:
        unshown = any(p.is_error and p.location.file not in shown for p in result.problems)
        other = " Chyby v jiných hlášeních tyto sešity neblokují." if unshown else ""
        # Only counted here (the garants' reports are not in yet); plan check lists them.
        terminal.info(f"{summary(result.problems)}{other} Vypíše je plan check.")
    root = Path(args.dir)
    if files:
        terminal.ok(
            f"Sešity za rok {args.rok} ({len(files)}): "
            + ", ".join(relative(p, root) for p in [*written, *unchanged])
        )
    return 1 if len(kept) < len(made) else 0


def run_import(args: argparse.Namespace, terminal: Terminal) -> int:
    from assembler.outputs.merge import Merge
    from assembler.outputs.returned_cells import Reading
    from assembler.outputs.returns import read_workbook
    from assembler.outputs.writing import WriteError, write_all

    paths: list[Path] = list(args.paths)
    root = paths.pop() if len(paths) > 1 and paths[-1].is_dir() else Path(".")
    if not environment_ok(root, terminal):
        return 2
    result = check_project(root)
    blocked = _plan_ok(result, terminal, "Sešity nebyly načteny")
    if blocked is None or result.plan is None:
        return 1
    plan = result.plan
    merges: dict[int, Merge] = {}
    accepted: list[Reading] = []
    refused: list[Reading] = []
    shown: set[str] = set()
    for path in paths:
        reading = read_workbook(plan, path, args.rok)
        problems = reading.problems
        blocking = blocked.blocking(reading.year, {e.area for e in reading.edits})
        if reading.ok and blocking:
            names = _why(blocking, terminal, shown)
            terminal.warn(
                f"Sešit {reading.name} se nenačetl: jeho hodnoty patří do hlášení {names} "
                "a to má chyby vypsané výše. Opravte je a sešit načtěte znovu."
            )
            refused.append(reading)
            continue
        if reading.ok:
            merge = merges.setdefault(reading.year, Merge(plan, reading.year, args.prefer_workbook))
            problems = merge.add(reading)
        for problem in problems:
            terminal.problem(problem)
        (refused if problems else accepted).append(reading)
    files: dict[Path, bytes] = {}
    for merge in merges.values():
        found, problems = merge.check()
        if problems:
            for problem in problems:
                terminal.problem(problem)
            terminal.warn("Načtené hodnoty by monitoring porušily; nic nebylo zapsáno.")
            return 1
        files.update(found)
    try:
        write_all(files)
    except WriteError as err:
        terminal.error(err.describe(relative(err.path, root)))
        return 2
    for reading in accepted:
        terminal.ok(f"Načteno: {reading.name} (nových nebo změněných hodnot: {reading.applied})")
    if refused:
        names = ", ".join(r.name for r in refused)
        terminal.warn(f"Nenačteno (nic z nich nebylo zapsáno): {names}")
    if files:
        terminal.info("Zapsáno: " + ", ".join(sorted(relative(p, root) for p in files)))
    for merge in merges.values():
        for note in merge.notes():
            terminal.warn(note)
    after = check_project(root)
    for problem in after.problems:
        terminal.problem(problem)
    # Named as the check after the import: a bare "Plán je v pořádku." under a refused
    # workbook read as if the workbook had been taken.
    terminal.info(f"Kontrola plánu po načtení: {summary(after.problems)}")
    return 0 if after.ok and not refused else 1


def run_status(args: argparse.Namespace, terminal: Terminal) -> int:
    from assembler.outputs.workbook_groups import groups
    from assembler.outputs.year_status import tally, with_errors, wrong_entries

    if not environment_ok(args.dir, terminal):
        return 2
    result = check_project(args.dir)
    if result.plan is None:
        report(result, terminal)
        return 1
    plan = result.plan
    if not _year_ok(args.rok, plan.project.info.period, terminal):
        return 2
    shown: set[str] = set()
    # Printed as plan check prints them: the coordinator sees what to have fixed.
    erroneous = blockers(plan, result.problems).of_year(args.rok)
    _why(erroneous, terminal, shown)
    rows, missing = [], []
    wrong = wrong_entries(plan, args.rok, result.problems)
    for group in groups(plan, args.rok, GROUPS[args.po]):
        found = tally(group, args.rok, wrong)
        if not found.handed_in:
            missing.append(group.name)
        rows.append([group.name, *found.cells()])
    who = "Garant" if args.po == "garant" else "Oblast"
    headers = [who, "Opatření", "Indikátory", "Náklady", "Chybí hlášení o opatřeních"]
    terminal.table(f"Monitoring za rok {args.rok}", headers, rows)
    if missing:
        terminal.warn("Zatím nic neodevzdali: " + ", ".join(missing))
    elif args.po == "garant":
        terminal.ok("Každý garant už něco odevzdal.")
    else:
        terminal.ok("Za každou oblast už něco přišlo.")
    if erroneous:
        terminal.warn(with_errors(plan, args.rok, [b.file for b in erroneous]))
    if any(p.location.file not in shown for p in result.problems):
        terminal.info(f"{summary(result.problems)} Vypíše je plan check.")
    return 1 if erroneous else 0
