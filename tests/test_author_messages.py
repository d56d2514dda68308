"""Messages that fit the author's mistake: an unclosed quote at its line, amounts with a
decimal comma, keys in capitals, and suggestions from the plan's own registry."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ALBRECHTICE_INIT, at, edit, only, position

from assembler.checks.pipeline import check
from assembler.load import yamlio

Run = Callable[..., tuple[int, str, str]]
SEN = "chapters/10-seniori.md"
PYTHON_WORDS = re.compile(r"\b(None|KeyError|ValueError|True|False|dict|list|str)\b")


@pytest.fixture
def albrechtice(run_cli: Run, tmp_path: Path) -> Path:
    """A new plan whose municipality has the registry key ALB (not MESTO, not OBEC)."""
    root = tmp_path / "albrechtice"
    assert run_cli("init", str(root), *ALBRECHTICE_INIT)[0] == 0
    return root


def _clean(message: str) -> None:
    assert not PYTHON_WORDS.search(message), message
    assert "seniori" not in message or "cilove_skupiny" in message, message


def test_unclosed_quote_is_reported_at_its_line_not_at_a_later_quote(albrechtice: Path) -> None:
    # The template has a quote in a later comment (externi_kod: "6 00 00"), which closes
    # the text for the parser and made it fail some 45 lines further down.
    edit(albrechtice, SEN, "nazev: Název prvního cíle", 'nazev: "Rodiny s dětmi')
    problem = only(check(albrechtice), "yaml-syntaxe")
    at(problem, SEN, position(albrechtice, SEN, '"Rodiny s dětmi'))
    assert problem.message.startswith(
        'Text v uvozovkách začíná na tomto řádku, ale nekončí: chybí koncová uvozovka ".'
    )


def test_unclosed_single_quote_in_plan_yaml(mini: Path) -> None:
    edit(mini, "plan.yaml", "stav: navrh", "stav: 'navrh")
    problem = only(check(mini), "yaml-syntaxe")
    at(problem, "plan.yaml", position(mini, "plan.yaml", "'navrh"))
    assert "chybí koncová uvozovka '" in problem.message


def test_quoted_text_over_two_lines_is_not_blamed_for_another_error() -> None:
    text = 'popis: "první řádek\n  druhý řádek"\nrealizatori: [CHARITA\nnazev: X\n'
    with pytest.raises(yamlio.YamlSyntaxError) as raised:
        yamlio.compose(text)
    fault = raised.value.fault
    assert "hranatých závorkách" in fault.message and fault.line >= 2


def test_quote_in_plain_text_or_comment_is_no_opening() -> None:
    text = 'nazev: Klub "Most # pozn.: "x\nrealizatori: [CHARITA\nkod: 1\n'
    with pytest.raises(yamlio.YamlSyntaxError) as raised:
        yamlio.compose(text)
    assert "uvozovk" not in raised.value.fault.message.split(".")[0]


@pytest.mark.parametrize(
    ("written", "expected", "needle"),
    [
        (
            "{obec: 1,5 mil.}",
            "„1,5 mil.“ se v zápisu {…} rozpadlo na dvě položky, protože čárka v něm "
            "odděluje položky: „obec: 1“ a „5 mil.“ bez hodnoty. Napište částku celou "
            "v korunách: obec: 1500000.",
            "5 mil.",
        ),
        (
            "{obec: 12,50}",
            "„12,50“ se v zápisu {…} rozpadlo na dvě položky, protože čárka v něm "
            "odděluje položky: „obec: 12“ a „50“ bez hodnoty. Částku s desetinnou čárkou "
            'dejte do uvozovek: obec: "12,50".',
            "50}",
        ),
    ],
)
def test_decimal_comma_inside_braces(
    albrechtice: Path, written: str, expected: str, needle: str
) -> None:
    edit(albrechtice, SEN, "2028: {obec: 0}", f"2028: {written}")
    result = check(albrechtice)
    problems = [p for p in result.problems if p.is_error]
    assert len(problems) == 1, [str(p) for p in problems]
    at(problems[0], SEN, position(albrechtice, SEN, needle))
    assert problems[0].message == expected
    _clean(problems[0].message)


def test_empty_amount_names_no_python_value(albrechtice: Path) -> None:
    edit(albrechtice, SEN, "2028: {obec: 0}", "2028: {obec: }")
    problem = only(check(albrechtice), "castka")
    assert problem.message.startswith("Částka chybí.")
    _clean(problem.message)


def test_capital_funding_source_key_says_lowercase(albrechtice: Path) -> None:
    edit(albrechtice, SEN, "2028: {obec: 0}", "2028: {MPSV: 100}")
    problem = only(check(albrechtice), "spatna-hodnota")
    at(problem, SEN, position(albrechtice, SEN, "MPSV"))
    assert problem.message == "Klíč „MPSV“ se píše malými písmeny: mpsv."


def test_capital_target_group_says_lowercase(albrechtice: Path) -> None:
    edit(albrechtice, SEN, "cilove_skupiny: []", "cilove_skupiny: [Seniori]")
    problem = only(check(albrechtice), "spatna-hodnota")
    at(problem, SEN, position(albrechtice, SEN, "Seniori"))
    assert problem.message == "Klíč „Seniori“ se píše malými písmeny: seniori."


def test_missing_garant_suggests_this_plans_municipality(albrechtice: Path) -> None:
    edit(albrechtice, SEN, "        garant: ALB", "        # garant: ALB")
    problem = only(check(albrechtice), "chybi-garant")
    assert "(např. garant: ALB)" in problem.message and "MESTO" not in problem.message


@pytest.mark.parametrize("written", ["Město Albrechtice", "město albrechtice", "Mesto Albrechtice"])
def test_garant_written_as_the_name_suggests_the_key(albrechtice: Path, written: str) -> None:
    edit(albrechtice, SEN, "        garant: ALB", f"        garant: {written}")
    problem = only(check(albrechtice), "spatna-hodnota")
    at(problem, SEN, position(albrechtice, SEN, written))
    assert problem.message == (
        f"„{written}“ není klíč organizace: kapitoly se na organizace odkazují klíčem "
        "z registru v plan.yaml (organizace, klic). Měli jste na mysli ALB (Město Albrechtice)?"
    )


def test_garant_name_of_another_organisation(mini: Path) -> None:
    edit(mini, SEN, "garant: OBEC", "garant: Charita Malá Lhota")
    problem = only(check(mini), "spatna-hodnota")
    assert problem.message.endswith("Měli jste na mysli CHARITA (Charita Malá Lhota)?"), (
        problem.message
    )


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        (
            "        nazev: Název opatření",
            "        nazev:",
            "nazev:  # krátký název opatření",
            "Klíč „nazev“ je prázdný: za dvojtečkou chybí hodnota (Krátký název opatření). "
            "Doplňte ji. Např. nazev: Rozšíření pečovatelské služby o večery a víkendy.",
        ),
        (
            "harmonogram: {od: 2027,",
            "harmonogram: {od: ,",
            "od: ,",
            "Klíč „od“ je prázdný: za dvojtečkou chybí hodnota (Rok zahájení). Doplňte ji. "
            "Např. od: 2026.",
        ),
        (
            "cilove_skupiny: []",
            "cilove_skupiny: [~]",
            "~",
            "Položka „cilove_skupiny, položka 1“ je prázdná: doplňte hodnotu, nebo položku smažte.",
        ),
    ],
)
def test_empty_values_say_what_belongs_there(
    albrechtice: Path, old: str, new: str, needle: str, expected: str
) -> None:
    edit(albrechtice, SEN, old, new)
    problem = only(check(albrechtice), "spatna-hodnota")
    assert problem.message == expected
    assert problem.location.line == position(albrechtice, SEN, needle)[0]
    _clean(problem.message)
