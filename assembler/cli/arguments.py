"""What the ``plan`` command accepts: every subcommand with its options, help text and
handler. Declaration only; cli/main.py parses and dispatches."""

from __future__ import annotations

import argparse
from pathlib import Path

from assembler.cli import monitor as monitor_commands
from assembler.cli.czech_argparse import (
    EXIT_CODES,
    CzechParser,
    dir_argument,
    lazy,
    subparser,
)
from assembler.models.vocab import MunicipalityKind


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("plan-assembler")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "(neinstalováno)"


def build_parser() -> CzechParser:
    from assembler.outputs import registry

    parser = CzechParser(
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
    sub = parser.add_subparsers(title="příkazy", metavar="PŘÍKAZ", parser_class=CzechParser)

    check = subparser(
        sub,
        "check",
        "zkontroluje plán a vypíše všechny problémy; nic nezapisuje",
        "  plan check\n  plan check muj-plan --strict",
        lazy("commands", "run_check"),
    )
    dir_argument(check)
    check.add_argument("--strict", action="store_true", help="varování se počítají jako chyby")

    build = subparser(
        sub,
        "build",
        "zkontroluje plán a sestaví plán (DOCX, PDF), veřejnou verzi (PDF, DOCX, HTML) a "
        "monitorovací zprávy za každý rok ve složce monitoring/ (PDF, DOCX, HTML) a výpisy "
        "pro zastupitelstva obcí z registru území (PDF, DOCX) do output/",
        "  plan build\n  plan build muj-plan --only pdf\n"
        "  plan build --only plan.docx,summary.html\n  plan build --only monitoring-2026.pdf\n"
        "  plan build --only obec-janov.pdf",
        lazy("commands", "run_build"),
    )
    dir_argument(build)
    build.add_argument(
        "--only",
        metavar="SEZNAM",
        help=f"jen vybrané výstupy, oddělené čárkou: {registry.choices()}",
    )
    build.add_argument("--strict", action="store_true", help="varování se počítají jako chyby")

    init = subparser(
        sub,
        "init",
        "založí nový plán: plan.yaml, vzorové kapitoly a nastavení editoru",
        "  plan init muj-plan                 zeptá se na obec, IČO, období a koordinátora\n"
        '  plan init muj-plan --bez-dotazu --obec "Obec Lhota" --ico 00296015 \\\n'
        '      --od 2027 --do 2030 --koordinator "Jana Nová" --email plan@lhota.cz',
        lazy("authoring", "run_init"),
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

    chapter = subparser(
        sub,
        "new-chapter",
        "přidá kapitolu oblasti (pracovní skupiny) a zařadí ji do osnovy",
        '  plan new-chapter "Senioři" --kod SEN\n  plan new-chapter "Rodiny s dětmi" muj-plan',
        lazy("authoring", "run_new_chapter"),
    )
    chapter.add_argument("nazev", metavar="NÁZEV", help="název oblasti, např. Senioři")
    dir_argument(chapter)
    chapter.add_argument(
        "--kod",
        metavar="KÓD",
        help="kód oblasti, 2–8 velkých písmen bez diakritiky (výchozí: z názvu, např. SEN)",
    )
    chapter.add_argument(  # the older spelling of the folder argument, still accepted
        "-C", "--slozka", type=Path, default=None, help=argparse.SUPPRESS
    )

    watch = subparser(
        sub,
        "watch",
        "průběžný náhled: po každém uložení přestaví plán a obnoví stránku v prohlížeči",
        "  plan watch\n  plan watch muj-plan --port 8765 --bez-prohlizece",
        lazy("authoring", "run_watch"),
    )
    dir_argument(watch)
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

    monitor_commands.add_parser(sub)

    schema = subparser(
        sub,
        "schema",
        "přegeneruje schema/*.schema.json a docs/ z modelů (pro vývojáře a editory)",
        "  plan schema",
        lazy("commands", "run_schema"),
    )
    schema.add_argument(
        "--out", type=Path, default=Path("."), metavar="SLOŽKA", help="kořen repozitáře"
    )
    return parser
