"""``plan monitor export|import|status``: the garants' workbooks of a monitored year."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assembler.checks.pipeline import CheckResult
from assembler.cli.commands import environment_ok, relative, report, summary
from assembler.cli.terminal import Terminal
from assembler.models.vocab import GroupKind
from assembler.outputs.blocking import Blockers, Blocking, blockers
from assembler.outputs.build import check_project

_GROUPS = {"garant": GroupKind.GARANT, "oblast": GroupKind.AREA}


def add_parser(
    sub: Any,
    subparser: Callable[..., argparse.ArgumentParser],
    dir_argument: Callable[[argparse.ArgumentParser], None],
) -> None:
    monitor: argparse.ArgumentParser = subparser(
        sub,
        "monitor",
        "roční monitoring v sešitech Excelu: sešity pro garanty (export), načtení "
        "vrácených sešitů do monitoring/RRRR/ (import), kdo už odevzdal (status)",
        "  plan monitor export 2026\n  plan monitor import vracene/*.xlsx\n"
        "  plan monitor status 2026",
        lambda args, terminal: _usage(monitor),
    )
    actions = monitor.add_subparsers(title="příkazy", metavar="AKCE", parser_class=type(monitor))

    export = subparser(
        actions,
        "export",
        "vytvoří sešity .xlsx pro garanty (nebo pro oblasti) za jeden rok, předvyplněné tím, "
        "co už je v monitoring/RRRR/; zapíše je do output/sesity-RRRR/",
        "  plan monitor export 2026\n  plan monitor export 2026 muj-plan --po oblast",
        run_export,
    )
    _year_argument(export)
    dir_argument(export)
    export.add_argument(
        "--po",
        choices=list(_GROUPS),
        default="garant",
        help="jeden sešit na garanta opatření (výchozí), nebo na kapitolu oblasti",
    )
    add_import_status(actions, subparser, dir_argument)


def _year_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rok", type=int, metavar="RRRR", help="sledovaný rok, např. 2026")


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


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
    made = groups(plan, args.rok, _GROUPS[args.po])
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


def add_import_status(
    actions: Any,
    subparser: Callable[..., argparse.ArgumentParser],
    dir_argument: Callable[[argparse.ArgumentParser], None],
) -> None:
    returned = subparser(
        actions,
        "import",
        "načte vrácené sešity .xlsx do monitoring/RRRR/ (komentáře a úprava souborů "
        "zůstanou), pak plán zkontroluje; sešit s chybou nebo rozporem se nenačte vůbec",
        "  plan monitor import vracene/charita-2026.xlsx vracene/mesto-2026.xlsx\n"
        "  plan monitor import vracene/*.xlsx muj-plan --rok 2026\n"
        "  plan monitor import charita-2026.xlsx --prednost-sesitu",
        run_import,
    )
    returned.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="SOUBOR",
        help="vrácené sešity .xlsx; poslední argument smí být složka plánu (výchozí: aktuální)",
    )
    returned.add_argument("--rok", type=int, metavar="RRRR", help="přijmout jen sešity tohoto roku")
    returned.add_argument(
        "--prednost-sesitu",
        dest="prefer_workbook",
        action="store_true",
        help="liší-li se hodnota v sešitu od už zapsané, platí sešit (jinak je to rozpor)",
    )

    status = subparser(
        actions,
        "status",
        "kdo už za rok vykázal a co chybí: tabulka po garantech (nebo oblastech); chyby "
        "hlášení toho roku vypíše jako plan check a odmítnuté hodnoty nepočítá",
        "  plan monitor status 2026\n  plan monitor status 2026 muj-plan --po oblast",
        run_status,
    )
    _year_argument(status)
    dir_argument(status)
    status.add_argument(
        "--po",
        choices=list(_GROUPS),
        default="garant",
        help="po garantech (výchozí), nebo oblastech",
    )


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
    for group in groups(plan, args.rok, _GROUPS[args.po]):
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
