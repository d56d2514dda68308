"""What Typst would refuse is a located problem of plan check, and then the build succeeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import at, edit, only, position
from monitoring_data import SEN_FILE, write_monitoring

from assembler.checks.pipeline import check
from assembler.outputs.build import build
from assembler.problems.diagnostics import Severity

SEN = "chapters/10-seniori.md"
BODY = "Seniorů přibývá."


def test_a_heading_that_skips_a_level(mini: Path) -> None:
    edit(mini, SEN, BODY, f"{BODY}\n\n## Oddíl\n\nText.\n\n#### Pododdíl\n\nText.")
    problem = only(check(mini), "nadpis-preskakuje")
    at(problem, SEN, position(mini, SEN, "#### Pododdíl"))
    assert "###" in problem.message


def test_a_body_that_starts_two_levels_down(mini: Path) -> None:
    """Under the level-1 chapter title a body's #### skips two levels (was: check passed,
    Typst refused "skipped from heading level 1 to 4")."""
    edit(mini, SEN, "## Popis oblasti", "#### Popis oblasti")
    problem = only(check(mini), "nadpis-preskakuje")
    at(problem, SEN, position(mini, SEN, "#### Popis oblasti"))
    assert "prvním nadpisem textu" in problem.message and "Začněte nadpisem ##" in problem.message


EVALUATION = "hodnoceni: Víkendové směny běží od dubna, v [[ROD 1.1]] spolupracujeme s rodinami."


def _evaluation(root: Path, markdown: str) -> None:
    """The garant's evaluation of SEN 1.1 in the 2026 report as a block of Markdown."""
    write_monitoring(root)
    block = "".join(f"      {line}\n" if line else "\n" for line in markdown.split("\n"))
    edit(root, SEN_FILE, EVALUATION, f"hodnoceni: |\n{block}")


def test_a_heading_that_skips_a_level_in_a_monitoring_report(mini: Path) -> None:
    """A YAML text field is checked too (was: skipped, and the report PDF failed)."""
    _evaluation(mini, "Úvod.\n\n## Přehled\n\nText.\n\n#### Podrobnosti\n\nDalší text.")
    problem = only(check(mini), "nadpis-preskakuje")
    at(problem, SEN_FILE, position(mini, SEN_FILE, "#### Podrobnosti"))
    assert "úrovně 4 (####) následuje po nadpisu úrovně 2" in problem.message


def test_a_heading_inside_a_quote_counts(mini: Path) -> None:
    """Typst numbers a heading in a quote with the others (was: unseen, report PDF failed
    with "skipped from heading level 2 to 4")."""
    _evaluation(mini, "Úvod.\n\n> ## Citace\n>\n> #### Hluboko")
    problem = only(check(mini), "nadpis-preskakuje")
    at(problem, SEN_FILE, position(mini, SEN_FILE, "#### Hluboko"))


def test_a_yaml_text_starting_deep_is_refused(mini: Path) -> None:
    _evaluation(mini, "Úvod.\n\n### Přehled\n\nText.")
    problem = only(check(mini), "nadpis-preskakuje")
    at(problem, SEN_FILE, position(mini, SEN_FILE, "### Přehled"))
    assert "úrovně 3 (###) je prvním nadpisem" in problem.message


def test_a_level_one_heading_in_a_monitoring_text_is_a_warning_with_the_fix(mini: Path) -> None:
    """README asks garants for ## (was: # accepted and printed as ##, unsaid)."""
    _evaluation(mini, "Úvod.\n\n# Přehled\n\nText.\n\n## Podrobnosti\n\nDalší text.")
    result = check(mini)
    problem = only(result, "nadpis-uroven")
    at(problem, SEN_FILE, position(mini, SEN_FILE, "# Přehled"))
    assert problem.severity is Severity.WARNING and result.ok
    assert problem.message == (
        "Nadpis # v textu „hodnoceni“: text pole se tiskne pod nadpisem, ke kterému patří "
        "(např. hodnocení pod názvem opatření), a nadpis # se v něm vytiskne stejně jako ##. "
        "Nadpisy v poli začínají ##: každému nadpisu tohoto textu přidejte jeden znak # "
        "(# → ##, ## → ###)."
    )
    assert [p.rule for p in result.problems] == ["nadpis-uroven"]


def test_a_chapter_body_may_start_at_level_one(mini: Path) -> None:
    # The warning is for YAML text fields only: a body's # is moved under the chapter title.
    edit(mini, SEN, "## Popis oblasti", "# Popis oblasti")
    edit(mini, SEN, BODY, f"{BODY}\n\n## Pododdíl\n\nText.")
    assert check(mini).problems == []


def test_headings_in_order_pass(mini: Path) -> None:
    edit(mini, SEN, BODY, f"{BODY}\n\n## A\n\n### B\n\n## C\n\n### D\n\n#### E")
    assert check(mini).problems == []


@pytest.mark.parametrize("character", ["😀", "漢", "한", "\ufeff"])
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


def test_headings_the_check_passes_in_a_report_build(mini: Path) -> None:
    _evaluation(mini, "Úvod.\n\n## Přehled\n\n### Podrobnosti\n\n## Závěr\n\nText.")
    assert check(mini).problems == []
    result = build(mini, only=["monitoring-2026.pdf"])
    assert result.ok, [str(p) for p in result.problems]
