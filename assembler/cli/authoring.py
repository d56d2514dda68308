"""Handlers of the authoring subcommands: init, new-chapter, watch (part of the CLI)."""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import date

from assembler.cli.commands import environment_ok, relative, summary
from assembler.cli.terminal import Terminal


@dataclass(frozen=True)
class _Question:
    attribute: str
    option: str
    what: str  # for messages: "chybí --ico (IČO obce nebo kraje)"
    question: str
    example: str
    default: str = ""


INIT_QUESTIONS = [
    _Question(
        "municipality",
        "--obec",
        "název obce nebo kraje",
        "Název obce nebo kraje (např. Statutární město Lipovany)",
        '"Obec Lhota"',
    ),
    _Question("ico", "--ico", "IČO obce nebo kraje", "IČO obce nebo kraje (8 číslic)", "00296015"),
    _Question(
        "start", "--od", "první rok plánu", "První rok plánu", "2027", str(date.today().year + 1)
    ),
    _Question(
        "end",
        "--do",
        "poslední rok plánu",
        "Poslední rok plánu",
        "2030",
        str(date.today().year + 3),
    ),
    _Question(
        "coordinator",
        "--koordinator",
        "jméno koordinátora",
        "Jméno koordinátora plánování",
        '"Jana Nová"',
    ),
    _Question(
        "email",
        "--email",
        "e-mail koordinátora",
        "Pracovní e-mail koordinátora",
        "plan@lhota.cz",
    ),
]


def _answer(attribute: str, value: str, args: argparse.Namespace) -> str | None:
    """Czech reason why an answer is not acceptable (a clause without the final dot), or None."""
    from assembler.models.common import Ico, Year, accepts, ico_check_digit

    value = value.strip()
    if not value:
        return "nic není vyplněno"
    ico = value.zfill(8)  # as in plan.yaml, where YAML drops leading zeros
    if attribute == "ico" and not (accepts(Ico, ico) and ico_check_digit(ico)):
        return "IČO musí mít 8 číslic s platnou kontrolní číslicí (ověřte je v ARES)"
    if attribute in ("start", "end"):
        if not value.isdigit() or not accepts(Year, int(value)):
            return "napište rok čtyřmi číslicemi, např. 2027"
        if attribute == "end" and int(value) < int(args.start):
            return f"poslední rok nesmí být před prvním rokem plánu ({args.start})"
    if attribute == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        return "e-mail musí mít tvar jmeno@domena.cz"
    return None


def _ask(question: _Question, args: argparse.Namespace, terminal: Terminal) -> str:
    """Ask until the answer is acceptable; a wrong answer is explained and asked again."""
    suffix = f" [{question.default}]" if question.default else ""
    while True:
        value = input(f"{question.question}{suffix}: ").strip() or question.default
        reason = _answer(question.attribute, value, args)
        if reason is None:
            return value
        terminal.warn(f"Tuto odpověď nelze použít: {reason}. Zeptám se znovu.")


def run_init(args: argparse.Namespace, terminal: Terminal) -> int:
    from assembler.authoring.scaffold import (
        NewPlan,
        ScaffoldError,
        check_new_plan_folder,
        create_plan,
    )

    try:
        check_new_plan_folder(args.dir)  # before the questions, not after them
    except ScaffoldError as err:
        terminal.error(str(err))
        return 2
    interactive = sys.stdin.isatty() and not args.no_input
    for q in INIT_QUESTIONS:
        value = getattr(args, q.attribute)
        if value is not None and (reason := _answer(q.attribute, value, args)):
            if not interactive:
                terminal.error(f"{q.option}: {reason}")
                return 2
            given = f"{q.option} {value}" if value.strip() else q.option
            terminal.warn(f"{given}: {reason}. Zeptám se znovu.")
            value = None
        if value is None and not interactive:
            how = (
                "nebo spusťte příkaz bez --bez-dotazu a program se zeptá"
                if args.no_input
                else "program se nemůže zeptat, protože vstup není terminál"
            )
            terminal.error(
                f"chybí {q.option} ({q.what}); doplňte jej, např. {q.option} {q.example}, {how}"
            )
            return 2
        if value is None:
            try:
                value = _ask(q, args, terminal)
            except EOFError:
                terminal.error(
                    "vstup skončil dřív, než byly zodpovězeny všechny otázky; nic nebylo založeno. "
                    "Spusťte plan init znovu."
                )
                return 2
        setattr(args, q.attribute, value.strip())
    title = args.nazev or (
        f"Střednědobý plán rozvoje sociálních služeb – {args.municipality} {args.start}–{args.end}"
    )
    plan = NewPlan(
        title,
        args.municipality,
        args.ico.zfill(8),
        args.typ,
        int(args.start),
        int(args.end),
        args.coordinator,
        args.email,
    )
    try:
        written = create_plan(args.dir, plan)
    except ScaffoldError as err:
        terminal.error(str(err))
        return 2
    for path in written:
        terminal.info(f"vytvořeno: {relative(path, args.dir)}")
    terminal.ok(f"Plán je založen. Pokračujte: cd {args.dir} a plan check")
    return 0


def run_new_chapter(args: argparse.Namespace, terminal: Terminal) -> int:
    from assembler.authoring.scaffold import ScaffoldError, default_code, new_chapter
    from assembler.load.validation import validate_model
    from assembler.models.common import ChapterCode, accepts
    from assembler.models.plan import PlanInfo
    from assembler.models.vocab import TriadRole
    from assembler.plan.project import read_sources

    root = args.slozka or args.dir
    if not environment_ok(root, terminal):
        return 2
    sources, problems = read_sources(root)
    info = None
    if sources.plan is not None:
        info, problems = validate_model(PlanInfo, sources.plan)
    if info is None:
        for problem in problems:
            terminal.problem(problem)
        terminal.error("plan.yaml je třeba nejdřív opravit (viz výše)")
        return 1
    code = (args.kod or default_code(args.nazev)).upper()
    used = {str(s.data.get("kod")): s.name for s in sources.chapters if isinstance(s.data, dict)}
    if not accepts(ChapterCode, code):
        terminal.error(
            f"kód {code} nelze použít: musí mít 2–8 písmen bez diakritiky; "
            "zvolte jiný přepínačem --kod"
        )
        return 2
    if code in used:
        terminal.error(
            f"kód {code} nelze použít: má jej už kapitola {used[code]}; "
            "zvolte jiný přepínačem --kod"
        )
        return 2
    commissioner = TriadRole.COMMISSIONER
    key = next((o.key for o in info.organisations if o.role is commissioner), "OBEC")
    try:
        path = new_chapter(root, args.nazev, code, key, info.period.years)
    except ScaffoldError as err:
        terminal.error(str(err))
        return 2
    terminal.ok(f"vytvořeno: {relative(path, root)} (kód {code}); kapitola je přidána do osnovy")
    return 0


def run_watch(args: argparse.Namespace, terminal: Terminal) -> int:
    from assembler.authoring.preview import Build, Preview, serve, watch

    if not environment_ok(args.dir, terminal):
        return 2
    preview = Preview(args.dir)
    try:  # before the first build, so a port in use is said at once, not after it
        server = serve(preview, args.port)
    except OSError as err:
        terminal.error(port_problem(args.port, err))
        return 2

    def show(build: Build) -> None:
        for problem in build.problems:
            terminal.problem(problem)
        state = summary(build.problems) if build.problems else "Plán je v pořádku."
        terminal.info(f"{state} Náhled obnoven za {seconds(build.seconds)}.")

    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        show(preview.rebuild())
        terminal.ok(f"Náhled plánu: {url}  (ukončíte klávesami Ctrl+C)")
        if not args.no_browser:
            import webbrowser

            webbrowser.open(url)
        watch(preview, show)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    terminal.info("Náhled ukončen.")
    return 0


def seconds(value: float) -> str:
    """``9,50 s``: a duration as Czech text (decimal comma)."""
    from decimal import Decimal

    from assembler.render import czech

    return f"{czech.number(Decimal(f'{value:.2f}'), 2)} s"


def port_problem(port: int, err: OSError) -> str:
    """Why the preview cannot listen on ``port``, in Czech, with what to do instead."""
    import errno

    other = 8765 if port != 8765 else 8766
    if err.errno == errno.EADDRINUSE:
        reason = "už jej používá jiný program (třeba jiný běžící plan watch)"
    elif err.errno == errno.EACCES:
        reason = "tento port smí používat jen správce počítače"
    else:
        reason = f"systém jej odmítl (chyba {err.errno})"
    return f"port {port} nelze použít: {reason}. Zvolte jiný, např. --port {other}"
