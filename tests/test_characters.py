"""Characters the PDF cannot print, in every string that reaches an output: located problems.

Before, only Markdown texts were scanned, for a guessed list of Unicode blocks: an
emoji in a measure title, the vision or a municipality's name passed the check and
the PDF build failed in English ("could not be displayed with font").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import at, edit, only, position
from monitoring_data import SEN_FILE, write_monitoring

from assembler.checks.pipeline import check
from assembler.outputs.build import build

SEN = "chapters/10-seniori.md"
TITLE = "nazev: Pečovatelská služba o víkendu"
VISION = "vize: Lidé v Malé Lhotě dostanou pomoc včas a blízko domova."
EVALUATION = "hodnoceni: Víkendové směny běží od dubna"
REFUSED = ["😀", "漢", "한", "✕"]  # ✕: in a font's cmap, yet Typst cannot use its glyph


def _inserted(root: Path, name: str, old: str, char: str) -> tuple[int, int]:
    edit(root, name, old, f"{old} {char} konec")
    return position(root, name, f" {char} konec", shift=1)


@pytest.mark.parametrize("char", REFUSED)
def test_a_measure_title(mini: Path, char: str) -> None:
    where = _inserted(mini, SEN, TITLE, char)
    problem = only(check(mini), "znak-bez-pisma")
    at(problem, SEN, where)
    assert f"Znak „{char}“ (U+{ord(char):04X}) nelze vytisknout do PDF" in problem.message


def test_the_plans_vision(mini: Path) -> None:
    where = _inserted(mini, "plan.yaml", VISION, "😀")
    at(only(check(mini), "znak-bez-pisma"), "plan.yaml", where)


def test_a_monitoring_text(mini: Path) -> None:
    write_monitoring(mini)
    where = _inserted(mini, SEN_FILE, EVALUATION, "漢")
    at(only(check(mini), "znak-bez-pisma"), SEN_FILE, where)


def test_a_working_group_members_name_and_a_key(mini: Path) -> None:
    """Any string, not only texts: a person's name; an abbreviation is printed by its key."""
    edit(mini, "plan.yaml", "  OSPOD:", "  OSPOD😀:")
    result = check(mini)
    at(only(result, "znak-bez-pisma"), "plan.yaml", position(mini, "plan.yaml", "😀"))


def test_a_municipality_name(tmp_path: Path) -> None:
    import shutil

    from helpers import FIXTURES

    root = tmp_path / "feature"
    shutil.copytree(FIXTURES / "feature", root)
    where = _inserted(root, "plan.yaml", "nazev: Lhota u Bradla", "🏠")
    at(only(check(root), "znak-bez-pisma"), "plan.yaml", where)


def test_a_quoted_value_spread_over_lines(mini: Path) -> None:
    edit(mini, SEN, TITLE, 'nazev: "Pečovatelská služba\n          o víkendu 😀"')
    problem = only(check(mini), "znak-bez-pisma")
    at(problem, SEN, position(mini, SEN, "😀"))


@pytest.mark.parametrize(
    ("escape", "code"),
    [("\\e", "U+001B"), ("\\x01", "U+0001"), ("\\uFFFE", "U+FFFE"), ("\\0", "U+0000")],
)
def test_a_control_character_written_as_an_escape(mini: Path, escape: str, code: str) -> None:
    """The file itself is clean text; the YAML escape makes the control character."""
    edit(mini, SEN, TITLE, f'nazev: "Pečovatelská {escape}služba o víkendu"')
    problem = only(check(mini), "ridici-znak")
    at(problem, SEN, position(mini, SEN, '"Pečovatelská'))
    assert code in problem.message and "zpětným lomítkem" in problem.message


def test_an_internal_note_is_never_printed(mini: Path) -> None:
    edit(mini, SEN, "        druh: rozvoj", "        druh: rozvoj\n        interni_poznamka: 👍 ok")
    assert check(mini).problems == []


def test_a_refused_character_in_the_body_is_located(mini: Path) -> None:
    edit(mini, SEN, "Seniorů přibývá.", "Seniorů přibývá ✕ a `kód 😀`.")
    problems = [p for p in check(mini).problems if p.rule == "znak-bez-pisma"]
    # Code is printed too (in DejaVu Sans Mono): an emoji in it fails the PDF the same way.
    assert [(p.location.line, p.location.col) for p in problems] == [
        position(mini, SEN, "✕"),
        position(mini, SEN, "😀"),
    ]


# Just inside: Czech, typographic punctuation, §, Greek, Cyrillic, subscript two, the
# no-break and thin spaces, soft hyphen, zero-width joiner, the emoji variation selector
# (shaping drops it) and a dingbat heart DejaVu Sans Mono has.
ACCEPTED = "Příliš žluťoučký kůň Ěš Čř Žý Áí Éů Úd „uvozovky“ ‚jednoduché‘ – — … "
ACCEPTED += "§ 12 € ± × αβγΩ Жж CO₂ "
ACCEPTED += "1\u00a0000 a\u2009b ro\u00adzdělit a\u200db \u2764\ufe0f"


def test_characters_just_inside_pass_check_and_build_the_pdf(mini: Path) -> None:
    edit(mini, SEN, TITLE, f'nazev: "{ACCEPTED}"')
    edit(mini, "plan.yaml", VISION, f'vize: "Vize: {ACCEPTED}"')
    edit(mini, SEN, "Seniorů přibývá.", f"Seniorů přibývá. {ACCEPTED}")
    assert check(mini).problems == []
    result = build(mini, only=["plan.pdf", "summary.pdf"])
    assert result.ok, [str(p) for p in result.problems]


def test_before_the_check_the_build_failed_on_the_same_title(mini: Path) -> None:
    """What the old check let through (a title is no Markdown text) is now its error."""
    _inserted(mini, SEN, TITLE, "😀")
    result = build(mini, only=["plan.pdf"])
    assert [p.rule for p in result.problems] == ["znak-bez-pisma"]
    assert not (mini / "output").exists()


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><title>{title}</title>'
    '<text x="5" y="30">Graf <tspan>{text}</tspan></text></svg>'
)


def _svg_image(root: Path, title: str, text: str) -> None:
    (root / "obrazky").mkdir()
    (root / "obrazky" / "graf.svg").write_text(SVG.format(title=title, text=text), "utf-8")
    edit(root, SEN, "Seniorů přibývá.", "Seniorů přibývá.\n\n![Graf služeb](obrazky/graf.svg)\n")


def test_text_drawn_in_an_svg_image(mini: Path) -> None:
    """Typst sets an SVG's text in the plan's fonts: 漢 there failed the PDF after a clean
    check (also written as the character reference &#x6F22;)."""
    _svg_image(mini, "Graf", "&#x6F22;")
    problem = only(check(mini), "obrazek-obsah")
    at(problem, SEN, position(mini, SEN, "![Graf služeb]"))
    assert "text v obrázku SVG obsahuje znak „漢“ (U+6F22)" in problem.message


def test_an_svg_whose_drawn_text_is_printable_builds(mini: Path) -> None:
    """Only drawn text counts: a title (not drawn) may hold anything."""
    _svg_image(mini, "漢字", "Příliš žluťoučký kůň – „graf“ &amp; CO₂")
    assert check(mini).problems == []
    result = build(mini, only=["plan.pdf"])
    assert result.ok, [str(p) for p in result.problems]
