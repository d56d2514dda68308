"""YAML syntax errors as the author sees them: Czech explanation, fix, and position.

Each case feeds real broken YAML through ``check`` on a copy of the fixture plan, so
the message libyaml really produces is the one that is explained.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import at, edit, only, position

from assembler.checks.pipeline import check
from assembler.load import yamlio
from assembler.load.yaml_messages import FALLBACK, explain

SEN = "chapters/10-seniori.md"
PLAN = "plan.yaml"
# Words of libyaml's English messages that must never reach the author.
ENGLISH = re.compile(r"\b(while|expected|found|did not|scanning|parsing|allowed|document)\b")

CASES = [
    # (file, old, new, where: (needle, shift), phrase of the explanation)
    pytest.param(
        SEN,
        "realizatori: [CHARITA]",
        "realizatori: [CHARITA",
        ("spolecne_cile: [SC1]", 13),
        "není uzavřen znakem ]",
        id="flow-sequence-not-closed",
    ),
    pytest.param(
        SEN,
        "harmonogram: {od: 2026, do: 2027}",
        "harmonogram: {od: 2026 do: 2027}",
        ("do: 2027}", 2),
        "chybí čárka mezi dvojicemi klíč: hodnota",
        id="flow-mapping-without-comma",
    ),
    pytest.param(
        SEN,
        "realizatori: [CHARITA]",
        "realizatori: [CHARITA, , OBEC]",
        (", OBEC", 0),
        "Smažte přebytečnou čárku",
        id="empty-item-in-brackets",
    ),
    pytest.param(
        SEN,
        "zdroj_overeni: výkaz poskytovatele",
        'zdroj_overeni: "C:\\Dokumenty\\vykaz.xlsx"',
        ("\\Dokumenty", 0),
        "dejte text do jednoduchých uvozovek",
        id="unknown-escape",
    ),
    pytest.param(
        SEN,
        "zdroj_overeni: výkaz poskytovatele",
        'zdroj_overeni: "C:\\Users\\vykaz.xlsx"',
        ("sers\\vykaz", 0),
        "lomítko zdvojte",
        id="escape-looking-like-unicode",
    ),
    pytest.param(
        SEN,
        "zdroj_overeni: evidence žadatelů",
        'zdroj_overeni: "evidence žadatelů',
        ('"evidence', 0),
        'začíná na tomto řádku, ale nekončí: chybí koncová uvozovka ".',
        id="quotes-not-closed-in-chapter",
    ),
    pytest.param(
        PLAN,
        "stav: navrh",
        'stav: "navrh\n---\n',
        ('"navrh', 0),
        "začíná na tomto řádku, ale nekončí",
        id="quotes-not-closed-before-document-line",
    ),
    pytest.param(
        SEN,
        "shrnuti: |",
        "shrnuti: |x",
        ("|x", 1),
        "Text napište až na další řádky",
        id="text-after-block-scalar-sign",
    ),
    pytest.param(
        PLAN,
        "nazev: Střednědobý",
        "%YAML 1.2 x\n---\nnazev: Střednědobý",
        ("1.2 x", 4),
        "text navíc, kde smí být jen komentář",
        id="text-after-directive",
    ),
    pytest.param(
        SEN,
        "cilove_skupiny: [seniori, pecujici]",
        "cilove_skupiny: - seniori",
        ("- seniori", 0),
        "nemohou být na stejném řádku jako klíč",
        id="dash-on-the-key-line",
    ),
    pytest.param(
        SEN,
        "nazev: Život doma",
        "nazev: ? Život doma",
        ("? Život", 0),
        "začíná otazníkem",
        id="value-starting-with-question-mark",
    ),
    pytest.param(
        PLAN,
        "stav: navrh",
        "stav: navrh\n...\nverze: '1'",
        ("verze: '1'", 0),
        "samostatný řádek ... smažte",
        id="document-end-line",
    ),
    pytest.param(
        PLAN,
        "stav: navrh",
        "stav: navrh\n---\nverze: '1'",
        ("---", 0),
        "V plan.yaml řádky --- nepatří",
        id="second-document-in-plan",
    ),
    pytest.param(
        PLAN,
        "nazev: Střednědobý",
        "%YAML 2.0\n---\nnazev: Střednědobý",
        ("%YAML", 0),
        "Řádek %YAML smažte",
        id="incompatible-yaml-version",
    ),
    pytest.param(
        SEN,
        "nazev: Život doma",
        'nazev: "Život" doma',
        ('" doma', 2),
        "za uzavřenými uvozovkami",
        id="text-after-closing-quote",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "where", "phrase"), CASES)
def test_yaml_error_is_explained_in_czech(
    mini: Path, name: str, old: str, new: str, where: tuple[str, int], phrase: str
) -> None:
    edit(mini, name, old, new)
    problem = only(check(mini), "yaml-syntaxe")
    at(problem, name, position(mini, name, where[0], where[1]))
    assert phrase in problem.message
    assert not ENGLISH.search(problem.message), problem.message
    assert "Chyba zápisu YAML" not in problem.message  # not the fallback


def test_control_character_is_named_by_its_code(mini: Path) -> None:
    edit(mini, SEN, "nazev: Život doma", "nazev: Život\x07 doma")
    # Found when the file is read, anywhere in it, so YAML and Markdown get one message.
    problem = only(check(mini), "ridici-znak")
    at(problem, SEN, position(mini, SEN, "\x07"))
    assert "neviditelný řídicí znak U+0007" in problem.message


def test_separator_line_in_chapter_text_is_not_a_yaml_error(mini: Path) -> None:
    """A second ``---`` below the front matter is a Markdown rule, not a second document."""
    edit(mini, SEN, "Seniorů přibývá.", "Seniorů přibývá.\n\n---\n\nDalší část.")
    assert check(mini).problems == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # Unreachable through `plan check`: tab indentation is reported before parsing
        # (yaml-tabulator), so only the parser itself can show the message.
        ("a: |\n  x\n\n\ty\n", "Tabulátor v odsazení víceřádkového textu"),
        ("a: |0\n  x\n", "Za znakem | nebo >"),
    ],
)
def test_parser_messages_unreachable_through_check(text: str, phrase: str) -> None:
    with pytest.raises(yamlio.YamlSyntaxError) as raised:
        yamlio.compose(text)
    assert phrase in raised.value.fault.message
    assert not ENGLISH.search(raised.value.fault.message)


def test_unknown_parser_message_falls_back_to_czech_only() -> None:
    text = "while parsing something new\nfound a problem nobody has seen"
    message = explain(text, "found a problem nobody has seen")
    assert message == FALLBACK
    assert "found" not in message and "(" not in message
    assert "odsazení mezerami" in message and "uvozovky" in message
