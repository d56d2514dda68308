"""argparse in Czech for the ``plan`` command: the usage line, headings, error messages
(a mistyped command gets a "did you mean"), the exit codes every help page ends with,
and the shape shared by every subcommand (``subparser``, ``dir_argument``)."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import textwrap
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

from assembler.cli.terminal import Terminal

EXIT_CODES = """\
návratové kódy:
  0  v pořádku (varování nevadí)
  1  plán obsahuje chyby (vypsány jako soubor:řádek:sloupec)
  2  chybné použití příkazu, chyba prostředí nebo vnitřní chyba programu
  130, 143  přerušeno (Ctrl+C, signál SIGTERM); předchozí výstupy zůstanou celé
"""


class CzechFormatter(argparse.RawDescriptionHelpFormatter):
    """Help laid out as written, with a Czech usage line."""

    def add_usage(
        self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, "použití: " if prefix is None else prefix)


class CzechParser(argparse.ArgumentParser):
    """argparse with Czech messages and headings; usage errors exit with 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", CzechFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenty"
        self._optionals.title = "volby"

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        unknown = re.match(r"argument PŘÍKAZ: invalid choice: '([^']*)'", message)
        if unknown:
            commands = [c for a in self._actions if a.choices for c in a.choices]
            typed = unknown.group(1).lower()
            close = [_CZECH_COMMANDS[typed]] if typed in _CZECH_COMMANDS else []
            close = close or difflib.get_close_matches(typed, commands, n=1, cutoff=0.5)
            hint = f" Měli jste na mysli {close[0]}?" if close else ""
            listed = ", ".join(commands)
            message = f"neznámý příkaz „{unknown.group(1)}“.{hint} Příkazy: {listed}."
        else:
            for english, czech in _ARGPARSE_CZECH:
                message = re.sub(english, czech, message)
        self.exit(2, f"plan: chyba: {message}\nNápověda: {self.prog} --help\n")


# What Czech users type for a command (the commands themselves are English).
_CZECH_COMMANDS = {
    "zkontroluj": "check",
    "kontrola": "check",
    "sestav": "build",
    "sestaveni": "build",
    "nahled": "watch",
    "náhled": "watch",
    "zaloz": "init",
    "založ": "init",
    "kapitola": "new-chapter",
    "nova-kapitola": "new-chapter",
    "monitoring": "monitor",
    "sesity": "monitor",
}

# argparse's English error messages (Python 3.11–3.13) and their Czech wording.
_ARGPARSE_CZECH = [
    (r"^argument ([^:]+): ", r"\1: "),
    (r"the following arguments are required", "chybí argumenty"),
    (r"invalid choice", "neznámá volba"),
    (r"unrecognized arguments", "neznámé argumenty"),
    (r"choose from", "vyberte z"),
    (r"invalid int value: (.*)", r"\1 není celé číslo; napište číslo, např. 8765"),
    (r"expected one argument", "chybí hodnota za přepínačem"),
    (r"^PŘÍKAZ: neznámá volba", "neznámý příkaz"),
]


Handler = Callable[[argparse.Namespace, Terminal], int]


def lazy(module: str, name: str) -> Handler:
    """The handler ``name`` of ``assembler.cli.<module>``, imported only when its command
    runs: each command loads just the libraries it uses (``plan check`` never imports
    openpyxl, Typst or jinja2, which cost a check more than half a second of start-up)."""

    def handler(args: argparse.Namespace, terminal: Terminal) -> int:
        run: Handler = getattr(import_module(f"assembler.cli.{module}"), name)
        return run(args, terminal)

    return handler


def dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dir",
        nargs="?",
        type=Path,
        default=Path("."),
        metavar="SLOŽKA",
        help="složka plánu s plan.yaml a chapters/ (výchozí: aktuální složka)",
    )


def subparser(
    sub: argparse._SubParsersAction[CzechParser],
    name: str,
    summary: str,
    examples: str,
    handler: Handler,
) -> CzechParser:
    parser = sub.add_parser(
        name,
        help=summary,
        description=textwrap.fill(summary, 80),
        epilog=f"příklady:\n{examples}\n\n{EXIT_CODES}",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="zobrazí tuto nápovědu")
    parser.add_argument("-v", "--verbose", action="store_true", help="podrobný výpis při chybě")
    parser.set_defaults(handler=handler)
    return parser
