"""Terminal output prints file names and authors' values exactly as they are."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import edit, position

from assembler.cli.terminal import Terminal
from assembler.problems.diagnostics import Location, Problem

SEN = "chapters/10-seniori.md"
Run = Callable[..., tuple[int, str, str]]


def test_positions_and_values_are_not_read_as_emoji_or_markup(run_cli: Run, mini: Path) -> None:
    here, _ = position(mini, SEN, "Seniorů přibývá.")
    gap = "\n" * (100 - here)
    edit(mini, SEN, "Seniorů přibývá.", f"Seniorů přibývá.{gap}Tento text ZKRX.")
    edit(
        mini,
        "chapters/20-rodiny.md",
        "garant: ",
        'garant: ":smile:[bold]X[/bold]"\n        stare: ',
    )
    code, out, _ = run_cli("check", str(mini))
    assert code == 1
    line, col = position(mini, SEN, "ZKRX")
    assert line == 100  # ":100:" is rich's emoji code for 💯
    assert f"{SEN}:{line}:{col}: varování: Zkratka ZKRX" in out
    assert "„:smile:[bold]X[/bold]“" in out
    assert "💯" not in out and "😄" not in out


def test_a_terminal_prints_plain_text_with_styles(capsys: object) -> None:
    terminal = Terminal()
    terminal.out.force_terminal = True  # as in a real console, where colours are on
    problem = Problem("neznama-organizace", "Organizace „:100:[red]“", Location(SEN, 100, 13))
    terminal.problem(problem)
    terminal.info("soubor [x]:smile:.md")
    terminal.error("složka :thumbs_up: nenalezena")
    out, err = capsys.readouterr()  # type: ignore[attr-defined]
    assert f"{SEN}:100:13:" in out and "„:100:[red]“" in out
    assert "soubor [x]:smile:.md" in out
    assert ":thumbs_up:" in err
