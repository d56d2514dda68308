"""What Typst would refuse is a located problem of plan check, and then the build succeeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import at, edit, only, position

from assembler.checks.pipeline import check
from assembler.outputs.build import build

SEN = "chapters/10-seniori.md"
BODY = "Seniorů přibývá."


def test_a_heading_that_skips_a_level(mini: Path) -> None:
    edit(mini, SEN, BODY, f"{BODY}\n\n## Oddíl\n\nText.\n\n#### Pododdíl\n\nText.")
    problem = only(check(mini), "nadpis-preskakuje")
    at(problem, SEN, position(mini, SEN, "#### Pododdíl"))
    assert "###" in problem.message


def test_headings_in_order_pass(mini: Path) -> None:
    edit(mini, SEN, BODY, f"{BODY}\n\n## A\n\n### B\n\n## C\n\n### D\n\n#### E")
    assert check(mini).problems == []


@pytest.mark.parametrize("character", ["😀", "漢", "한", "\ufe0f"])
def test_characters_no_font_has(mini: Path, character: str) -> None:
    edit(mini, SEN, BODY, f"{BODY} Smajlík {character} tady.")
    problem = only(check(mini), "znak-bez-pisma")
    at(problem, SEN, position(mini, SEN, character))
    assert f"U+{ord(character):04X}" in problem.message


def test_fifty_nested_list_levels(mini: Path) -> None:
    nested = "\n".join("  " * i + f"- úroveň {i}" for i in range(50))
    edit(mini, SEN, BODY, f"{BODY}\n\n{nested}\n")
    problem = only(check(mini), "vnoreni-hloubka")
    assert problem.location.file == SEN


def test_fifty_nested_quotes(mini: Path) -> None:
    edit(mini, SEN, BODY, f"{BODY}\n\n{'> ' * 50}citace\n")
    only(check(mini), "vnoreni-hloubka")


def test_ordinary_lists_pass(mini: Path) -> None:
    items = "\n".join(f"- bod {i}\n  - podbod\n    1. číslo" for i in range(30))
    edit(mini, SEN, BODY, f"{BODY}\n\n{items}\n\n> citace\n> > odpověď\n")
    assert check(mini).problems == []


def test_what_the_check_passes_builds_as_pdf(mini: Path) -> None:
    """The constructs the check now allows right next to those it refuses."""
    edit(mini, SEN, BODY, f"{BODY}\n\n## A\n\n### B\n\n- a\n  - b\n    - c\n\n> x\n> > y\n")
    result = build(mini, only=["plan.pdf"])
    assert result.ok, [str(p) for p in result.problems]
