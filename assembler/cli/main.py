"""The ``plan`` command. The only place that prints or exits.

Exit codes: 0 ok (warnings allowed), 1 problems in the plan, 2 usage,
environment or internal error.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import re
import signal
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator, Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

from assembler.cli import monitor as monitor_commands
from assembler.cli.terminal import Terminal
from assembler.models.vocab import MunicipalityKind

EXIT_CODES = """\
návratové kódy:
  0  v pořádku (varování nevadí)
  1  plán obsahuje chyby (vypsány jako soubor:řádek:sloupec)
  2  chybné použití příkazu, chyba prostředí nebo vnitřní chyba programu
  130, 143  přerušeno (Ctrl+C, signál SIGTERM); předchozí výstupy zůstanou celé
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help laid out as written, with a Czech usage line."""

    def add_usage(
        self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, "použití: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with Czech messages and headings; usage errors exit with 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
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


def _lazy(module: str, name: str) -> Handler:
    """The handler ``name`` of ``assembler.cli.<module>``, imported only when its command
    runs: each command loads just the libraries it uses (``plan check`` never imports
    openpyxl, Typst or jinja2, which cost a check more than half a second of start-up)."""

    def handler(args: argparse.Namespace, terminal: Terminal) -> int:
        run: Handler = getattr(import_module(f"assembler.cli.{module}"), name)
        return run(args, terminal)

    return handler


def _dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dir",
        nargs="?",
        type=Path,
        default=Path("."),
        metavar="SLOŽKA",
        help="složka plánu s plan.yaml a chapters/ (výchozí: aktuální složka)",
    )


def _subparser(
    sub: argparse._SubParsersAction[_Parser],
    name: str,
    summary: str,
    examples: str,
    handler: Handler,
) -> _Parser:
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


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("plan-assembler")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "(neinstalováno)"


def build_parser() -> _Parser:
    from assembler.outputs import registry

    parser = _Parser(
        prog="plan",
        description=(
            "Sestavení střednědobého plánu rozvoje sociálních služeb z kapitol pracovních\n"
            "skupin: kontrola, plán v DOCX a PDF, veřejná verze."
        ),
        epilog=(
            "příklady:\n"
            "  plan init muj-plan              založí nový plán (zeptá se na obec, IČO, období…)\n"
            '  plan new-chapter "Senioři"      přidá kapitolu oblasti a zařadí ji do osnovy\n'
            "  plan watch                      náhled v prohlížeči, obnoví se po každém uložení\n"
            "  plan check                      zkontroluje plán v aktuální složce\n"
            "  plan build                      sestaví plán a veřejnou verzi do output/\n"
            "  plan monitor export 2026        sešity Excelu pro garanty za rok 2026\n"
            "  plan init --help                nápověda k jednomu příkazu\n\n" + EXIT_CODES
        ),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="zobrazí tuto nápovědu")
    parser.add_argument(
        "--version", action="version", version=f"plan {_version()}", help="vypíše verzi programu"
    )
    sub = parser.add_subparsers(title="příkazy", metavar="PŘÍKAZ", parser_class=_Parser)

    check = _subparser(
        sub,
        "check",
        "zkontroluje plán a vypíše všechny problémy; nic nezapisuje",
        "  plan check\n  plan check muj-plan --strict",
        _lazy("commands", "run_check"),
    )
    _dir_argument(check)
    check.add_argument("--strict", action="store_true", help="varování se počítají jako chyby")

    build = _subparser(
        sub,
        "build",
        "zkontroluje plán a sestaví plán (DOCX, PDF), veřejnou verzi (PDF, DOCX, HTML) a "
        "monitorovací zprávy za každý rok ve složce monitoring/ (PDF, DOCX, HTML) a výpisy "
        "pro zastupitelstva obcí z registru území (PDF, DOCX) do output/",
        "  plan build\n  plan build muj-plan --only pdf\n"
        "  plan build --only plan.docx,summary.html\n  plan build --only monitoring-2026.pdf\n"
        "  plan build --only obec-janov.pdf",
        _lazy("commands", "run_build"),
    )
    _dir_argument(build)
    build.add_argument(
        "--only",
        metavar="SEZNAM",
        help=f"jen vybrané výstupy, oddělené čárkou: {registry.choices()}",
    )
    build.add_argument("--strict", action="store_true", help="varování se počítají jako chyby")

    init = _subparser(
        sub,
        "init",
        "založí nový plán: plan.yaml, vzorové kapitoly a nastavení editoru",
        "  plan init muj-plan                 zeptá se na obec, IČO, období a koordinátora\n"
        '  plan init muj-plan --bez-dotazu --obec "Obec Lhota" --ico 00296015 \\\n'
        '      --od 2027 --do 2030 --koordinator "Jana Nová" --email plan@lhota.cz',
        _lazy("authoring", "run_init"),
    )
    init.add_argument("dir", type=Path, metavar="SLOŽKA", help="kam plán založit (nová složka)")
    init.add_argument(
        "--nazev",
        metavar="NÁZEV",
        help="název plánu (výchozí: Střednědobý plán rozvoje sociálních služeb – obec a období)",
    )
    init.add_argument(
        "--obec", dest="municipality", metavar="NÁZEV", help="úřední název obce nebo kraje"
    )
    init.add_argument("--ico", metavar="IČO", help="IČO obce nebo kraje, 8 číslic (např. 00296015)")
    init.add_argument(
        "--typ",
        choices=[kind.value for kind in MunicipalityKind],
        default=MunicipalityKind.MUNICIPALITY.value,
        metavar="TYP",
        help=f"kdo plán zadává: {MunicipalityKind.choices()} (výchozí: obec)",
    )
    init.add_argument("--od", dest="start", metavar="ROK", help="první rok plánu, např. 2027")
    init.add_argument("--do", dest="end", metavar="ROK", help="poslední rok plánu, např. 2030")
    init.add_argument(
        "--koordinator",
        dest="coordinator",
        metavar="JMÉNO",
        help="jméno a příjmení koordinátora plánování",
    )
    init.add_argument(
        "--email", metavar="E-MAIL", help="pracovní e-mail koordinátora (zveřejňuje se)"
    )
    init.add_argument(
        "--bez-dotazu",
        dest="no_input",
        action="store_true",
        help="nic se neptat, vše zadat přepínači (pro skripty)",
    )

    chapter = _subparser(
        sub,
        "new-chapter",
        "přidá kapitolu oblasti (pracovní skupiny) a zařadí ji do osnovy",
        '  plan new-chapter "Senioři" --kod SEN\n  plan new-chapter "Rodiny s dětmi" muj-plan',
        _lazy("authoring", "run_new_chapter"),
    )
    chapter.add_argument("nazev", metavar="NÁZEV", help="název oblasti, např. Senioři")
    _dir_argument(chapter)
    chapter.add_argument(
        "--kod",
        metavar="KÓD",
        help="kód oblasti, 2–8 velkých písmen bez diakritiky (výchozí: z názvu, např. SEN)",
    )
    chapter.add_argument(  # the older spelling of the folder argument, still accepted
        "-C", "--slozka", type=Path, default=None, help=argparse.SUPPRESS
    )

    watch = _subparser(
        sub,
        "watch",
        "průběžný náhled: po každém uložení přestaví plán a obnoví stránku v prohlížeči",
        "  plan watch\n  plan watch muj-plan --port 8765 --bez-prohlizece",
        _lazy("authoring", "run_watch"),
    )
    _dir_argument(watch)
    watch.add_argument(
        "--port",
        type=int,
        default=8000,
        metavar="ČÍSLO",
        help="port náhledu na tomto počítači (výchozí: 8000)",
    )
    watch.add_argument(
        "--bez-prohlizece",
        dest="no_browser",
        action="store_true",
        help="neotevírat prohlížeč (adresu náhledu vypíše)",
    )

    monitor_commands.add_parser(sub, _subparser, _dir_argument)

    schema = _subparser(
        sub,
        "schema",
        "přegeneruje schema/*.schema.json a docs/ z modelů (pro vývojáře a editory)",
        "  plan schema",
        _lazy("commands", "run_schema"),
    )
    schema.add_argument(
        "--out", type=Path, default=Path("."), metavar="SLOŽKA", help="kořen repozitáře"
    )
    return parser


class Terminated(Exception):
    """SIGTERM arrived (a CI timeout, a system shutdown): unwind like Ctrl+C."""


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """Turn SIGTERM into an exception, so temporary files are removed on the way out
    (Python's default for SIGTERM ends the process without running any cleanup)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum: int, frame: object) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    terminal = Terminal(verbose=args.verbose)
    try:
        with _terminate_cleanly():
            return int(args.handler(args, terminal))
    except KeyboardInterrupt:
        terminal.error("přerušeno uživatelem")
        return 130
    except Terminated:
        terminal.error("přerušeno (signál SIGTERM); dočasné soubory jsou smazány")
        return 143
    except Exception as err:  # the one place a crash becomes a message instead of a traceback
        if args.verbose:
            terminal.traceback()
        else:
            terminal.error(
                f"vnitřní chyba programu ({type(err).__name__}: {err}). Spusťte příkaz znovu "
                "s přepínačem -v a výpis pošlete správci."
            )
        return 2


if __name__ == "__main__":
    sys.exit(main())
