"""Czech habits of the command line: dates, decimal commas, --version, command
suggestions, the folder argument and the port check of plan watch."""

from __future__ import annotations

import datetime
import errno
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import at, edit, only, position

from assembler.checks.pipeline import check
from assembler.cli.authoring import port_problem, seconds

Run = Callable[..., tuple[int, str, str]]
APPROVED = "stav: schvaleno\nschvaleni:\n  organ: Zastupitelstvo obce\n  usneseni: ZO/3/2026\n"


@pytest.mark.parametrize("written", ["10. 12. 2026", "10.12.2026", "2026-12-10", '"10. 12. 2026"'])
def test_approval_date_in_czech_or_iso_form(mini: Path, written: str) -> None:
    edit(mini, "plan.yaml", "stav: navrh\n", f"{APPROVED}  datum: {written}\n")
    result = check(mini)
    assert result.plan is not None, [str(p) for p in result.problems]
    approval = result.plan.project.info.approval
    assert approval is not None and approval.date == datetime.date(2026, 12, 10)


def test_a_date_that_is_not_in_the_calendar(mini: Path) -> None:
    edit(mini, "plan.yaml", "stav: navrh\n", f"{APPROVED}  datum: 31. 2. 2026\n")
    problem = only(check(mini), "spatna-hodnota")
    at(problem, "plan.yaml", position(mini, "plan.yaml", "31. 2. 2026"))
    assert problem.message == (
        "„31. 2. 2026“ není skutečné datum (takový den v kalendáři není). "
        "Napište je např. jako 10. 12. 2026."
    )


def test_a_date_in_another_form_names_the_czech_one(mini: Path) -> None:
    edit(mini, "plan.yaml", "stav: navrh\n", f"{APPROVED}  datum: prosinec 2026\n")
    problem = only(check(mini), "spatna-hodnota")
    at(problem, "plan.yaml", position(mini, "plan.yaml", "prosinec 2026"))
    assert "např. 10. 12. 2025 (nebo 2025-12-10)" in problem.message
    assert "None" not in problem.message


def test_durations_are_printed_with_a_decimal_comma() -> None:
    assert seconds(9.5) == "9,50 s"
    assert seconds(0.264) == "0,26 s"
    assert seconds(1234.5).replace("\u00a0", " ") == "1 234,50 s"


def test_version(run_cli: Run, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        run_cli("--version")
    assert ended.value.code == 0
    assert capsys.readouterr().out == "plan 0.1.0\n"


@pytest.mark.parametrize(("typed", "meant"), [("buidl", "build"), ("chekc", "check")])
def test_mistyped_command_gets_a_suggestion(
    run_cli: Run, capsys: pytest.CaptureFixture[str], typed: str, meant: str
) -> None:
    with pytest.raises(SystemExit) as ended:
        run_cli(typed)
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert f"plan: chyba: neznámý příkaz „{typed}“. Měli jste na mysli {meant}?" in err
    assert "invalid choice" not in err


def test_new_chapter_takes_the_folder_like_the_other_commands(run_cli: Run, mini: Path) -> None:
    code, out, _ = run_cli("new-chapter", "Osoby bez domova", str(mini), "--kod", "BEZ")
    assert code == 0, out
    assert list((mini / "chapters").glob("*-osoby-bez-domova.md")), out
    code, out, _ = run_cli("new-chapter", "Závislosti", "-C", str(mini), "--kod", "ZAV")
    assert code == 0, out


def test_port_messages_are_czech() -> None:
    in_use = OSError(errno.EADDRINUSE, "Address already in use")
    assert port_problem(8000, in_use) == (
        "port 8000 nelze použít: už jej používá jiný program (třeba jiný běžící plan watch). "
        "Zvolte jiný, např. --port 8765"
    )
    denied = port_problem(80, OSError(errno.EACCES, "Permission denied"))
    assert "jen správce počítače" in denied and "Permission" not in denied


def test_port_in_use_is_reported_before_building(mini: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "assembler.cli.main", "watch", str(mini), "--port", str(port)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=30,
        )
    assert done.returncode == 2
    assert f"port {port} nelze použít: už jej používá jiný program" in done.stderr
    assert "already" not in done.stderr
    assert "Náhled obnoven" not in done.stdout  # nothing was built first


def test_zero_is_never_printed_as_minus_zero_whatever_was_printed_before() -> None:
    from decimal import Decimal

    from assembler.render import czech

    # A chart tick at -0.0 printed first used to make every later 0 print as "-0"
    # ("0 (-0 %)" in the plan's evaluation table).
    assert czech.number(Decimal("-0")) == "0"
    assert czech.number(Decimal("-0.3"), 0) == "0"
    assert czech.percent(Decimal("0")) == "0\u00a0%"
    assert czech.percent(Decimal("-0.2")) == "0\u00a0%"
    assert czech.number(Decimal("-1.5"), 1) == "-1,5"
    assert czech.number(1234567) == "1\u00a0234\u00a0567"
