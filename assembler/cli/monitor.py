"""``plan monitor export|import|status``: the garants' workbooks of a monitored year.

Declaration only, as cli/arguments.py for the other commands: the actions run in
cli/monitor_workbooks.py, imported when one of them runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from assembler.cli.czech_argparse import CzechParser, dir_argument, lazy, subparser
from assembler.models.vocab import GroupKind

# --po: one workbook (and one row of the status) per guarantor or per area chapter.
GROUPS = {"garant": GroupKind.GARANT, "oblast": GroupKind.AREA}


def add_parser(sub: Any) -> None:
    monitor: CzechParser = subparser(
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
        lazy("monitor_workbooks", "run_export"),
    )
    _year_argument(export)
    dir_argument(export)
    export.add_argument(
        "--po",
        choices=list(GROUPS),
        default="garant",
        help="jeden sešit na garanta opatření (výchozí), nebo na kapitolu oblasti",
    )
    _add_import_status(actions)


def _year_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rok", type=int, metavar="RRRR", help="sledovaný rok, např. 2026")


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _add_import_status(actions: Any) -> None:
    returned = subparser(
        actions,
        "import",
        "načte vrácené sešity .xlsx do monitoring/RRRR/ (komentáře a úprava souborů "
        "zůstanou), pak plán zkontroluje; sešit s chybou nebo rozporem se nenačte vůbec",
        "  plan monitor import vracene/charita-2026.xlsx vracene/mesto-2026.xlsx\n"
        "  plan monitor import vracene/*.xlsx muj-plan --rok 2026\n"
        "  plan monitor import charita-2026.xlsx --prednost-sesitu",
        lazy("monitor_workbooks", "run_import"),
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
        lazy("monitor_workbooks", "run_status"),
    )
    _year_argument(status)
    dir_argument(status)
    status.add_argument(
        "--po",
        choices=list(GROUPS),
        default="garant",
        help="po garantech (výchozí), nebo oblastech",
    )
