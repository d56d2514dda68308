"""Cross-references [[…]]: resolution, located problems with suggestions, backlinks, indexes."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import at, edit, only, position, problems_of

from assembler.checks.pipeline import check
from assembler.problems.diagnostics import Severity
from assembler.render.indexes import by_target_group, responsibilities

SEN = "chapters/10-seniori.md"
ROD = "chapters/20-rodiny.md"
UVOD = "chapters/01-uvod.md"
PLAN = "plan.yaml"


def test_unknown_reference_in_body_has_position_and_suggestion(mini: Path) -> None:
    edit(mini, SEN, "opatření [[SEN 1.2]]", "opatření [[SEN 1.22]]")
    problem = only(check(mini), "odkaz-neznamy")
    at(problem, SEN, position(mini, SEN, "[[SEN 1.22]]"))
    assert problem.message == (
        "Odkaz míří na kód SEN 1.22, který v plánu není. Měli jste na mysli „SEN 1.2“?"
    )


def test_unknown_reference_in_block_scalar_points_into_the_text(mini: Path) -> None:
    edit(mini, SEN, "Navazuje na [[ROD 1.1]]", "Navazuje na [[ROD 1.9]]")
    problem = only(check(mini), "odkaz-neznamy")
    at(problem, SEN, position(mini, SEN, "[[ROD 1.9]]"))
    assert "Měli jste na mysli „ROD 1.1“?" in problem.message


def test_unknown_reference_in_plain_scalar(mini: Path) -> None:
    edit(mini, ROD, "spolupracují s OSPOD.", "spolupracují s OSPOD, viz [[SEN 3.1]].")
    problem = only(check(mini), "odkaz-neznamy")
    at(problem, ROD, position(mini, ROD, "[[SEN 3.1]]"))


def test_unknown_related_code(mini: Path) -> None:
    edit(mini, SEN, "souvisejici: [SEN 1.1]", "souvisejici: [SEN 1.1, ROD 2.1]")
    problem = only(check(mini), "odkaz-neznamy")
    at(problem, SEN, position(mini, SEN, "ROD 2.1"))
    assert "ROD 2.1" in problem.message


def test_ambiguous_reference_names_both_items(mini: Path) -> None:
    edit(mini, SEN, "kod: 1.2\n", "kod: 1.1\n")
    edit(mini, SEN, "kod: 1.2a", "kod: 1.1b")
    result = check(mini)
    problem = only(result, "odkaz-nejednoznacny")
    at(
        problem,
        ROD.replace("20-rodiny", "10-seniori"),
        position(mini, SEN, "souvisejici: [SEN 1.1]", 14),
    )
    first = position(mini, SEN, "kod: 1.1\n")
    second = position(mini, SEN, "kod: 1.1\n", nth=2)
    assert f"{SEN}:{first[0]}:{first[1]}" in problem.message
    assert f"{SEN}:{second[0]}:{second[1]}" in problem.message
    assert "Přečíslujte jednu z nich" in problem.message
    assert problems_of(result, "duplicitni-kod")


def test_self_reference_full_and_short(mini: Path) -> None:
    edit(mini, SEN, "Navazuje na [[ROD 1.1]]", "Navazuje na [[ROD 1.1]] a [[1.1]]")
    problem = only(check(mini), "odkaz-sam-na-sebe")
    at(problem, SEN, position(mini, SEN, "[[1.1]]"))
    assert problem.message.startswith("Položka SEN 1.1 odkazuje sama na sebe.")
    assert problem.severity is Severity.WARNING


def test_reference_to_cancelled_item_is_a_warning(mini: Path) -> None:
    edit(
        mini,
        SEN,
        "        nazev: Odlehčovací služba\n",
        "        nazev: Odlehčovací služba\n        zruseno: nenašel se poskytovatel\n",
    )
    result = check(mini)
    problem = only(result, "odkaz-zruseny")
    at(problem, SEN, position(mini, SEN, "[[SEN 1.2]]"))
    assert "zrušenou položku: opatření SEN 1.2 Odlehčovací služba" in problem.message
    assert result.ok


def test_reference_to_removed_code_is_a_warning(mini: Path) -> None:
    edit(mini, PLAN, "zkratky:", 'vyrazene_kody:\n  "SEN 1.9": zrušeno dodatkem č. 1\nzkratky:')
    edit(mini, UVOD, "rodin v [[ROD 1.1]]", "rodin v [[ROD 1.1]] a [[SEN 1.9]]")
    problem = only(check(mini), "odkaz-zruseny")
    at(problem, UVOD, position(mini, UVOD, "[[SEN 1.9]]"))
    assert "vyřazen (zrušeno dodatkem č. 1)" in problem.message


def test_malformed_references(mini: Path) -> None:
    edit(mini, UVOD, "rodin v [[ROD 1.1]].", "rodin v [[ROD 1.1.\nA také [[ ]].")
    result = check(mini)
    wrong = problems_of(result, "odkaz-zapis")
    assert len(wrong) == 2, [str(p) for p in result.problems]
    at(wrong[0], UVOD, position(mini, UVOD, "[[ROD 1.1."))
    at(wrong[1], UVOD, position(mini, UVOD, "[[ ]]"))
    assert "nekončí ]]" in wrong[0].message and "prázdný" in wrong[1].message


def test_references_in_code_are_left_alone(mini: Path) -> None:
    text = (mini / SEN).read_text(encoding="utf-8")
    assert "`[[NENI 9.9]]`" in text
    result = check(mini)
    assert problems_of(result, "odkaz-neznamy") == []
    assert result.plan is not None
    rendered = result.plan.links.render("Kód `[[NENI 9.9]]` a [[SEN 1.2]].", "SEN")
    assert rendered == "Kód `[[NENI 9.9]]` a [opatření SEN 1.2 Odlehčovací služba](#sen-1-2)."


def test_rendered_reference_is_label_and_title_without_repeating_the_kind(mini: Path) -> None:
    result = check(mini)
    assert result.plan is not None
    links = result.plan.links
    assert links.render("Viz [[ROD 1.1]].", None) == (
        "Viz [opatření ROD 1.1 Sociálně aktivizační služba pro rodiny](#rod-1-1)."
    )
    assert links.render("v opatření [[ROD 1.1]]", None) == (
        "v opatření [ROD 1.1 Sociálně aktivizační služba pro rodiny](#rod-1-1)"
    )
    assert links.render("kapitola [[SEN]] a [[SC1]]", None) == (
        "kapitola [Senioři](#sen) a [společný cíl SC1 Podpora pečujících](#sc1)"
    )
    assert links.render("(kapitola [[SEN]]) ke společnému cíli [[SC1]]", None) == (
        "(kapitola [Senioři](#sen)) ke společnému cíli [SC1 Podpora pečujících](#sc1)"
    )
    assert links.render("v cílech [[SEN 1]] a [[ROD 1]]", None) == (
        "v cílech [SEN 1 Život doma](#sen-1) a [cíl ROD 1 Podpora rodin](#rod-1)"
    )
    assert links.render("[[ROD 1.1|služba pro rodiny]]", None) == "[služba pro rodiny](#rod-1-1)"
    assert links.render("[[rozpocet]]", None) == "[oddíl Finanční přehled](#rozpocet)"
    assert links.render("[[SEN 1.1a]]", None) == (
        "[indikátor SEN 1.1a Počet klientů o víkendu](#sen-1-1a)"
    )


def test_backlinks_are_computed_from_all_kinds_of_references(mini: Path) -> None:
    result = check(mini)
    assert result.plan is not None
    links = result.plan.links
    assert [t.code for t in links.backlinks("ROD 1.1")] == ["UVOD", "SEN 1.1"]
    assert [t.code for t in links.backlinks("SEN 1.1")] == ["SEN 1.2"]
    assert [t.code for t in links.backlinks("SC1")] == ["SEN 1.1", "ROD 1"]
    assert [t.code for t in links.backlinks("SEN 1.2")] == ["SEN"]


def test_responsibility_index_matches_the_data(mini: Path) -> None:
    result = check(mini)
    assert result.plan is not None
    index = {r.organisation.key: r for r in responsibilities(result.plan)}
    assert index["OBEC"].guarantor == ["SEN 1.1", "SEN 1.2", "ROD 1.1"]
    assert index["CHARITA"].implementer == ["SEN 1.1", "SEN 1.2"]
    assert index["RODINY"].implementer == ["ROD 1.1"]
    assert index["RODINY"].partner == ["SEN 1.2"]
    assert index["CHARITA"].guarantor == []
    assert index["RODINY"].measures == ["SEN 1.2", "ROD 1.1"]  # plan order, each once
    assert [index["RODINY"].roles(c) for c in ("SEN 1.2", "ROD 1.1")] == ["partner", "realizátor"]
    assert index["OBEC"].roles("SEN 1.1") == "garant"


def test_target_group_index(mini: Path) -> None:
    result = check(mini)
    assert result.plan is not None
    groups = {g.key: codes for g, codes in by_target_group(result.plan)}
    assert groups == {"rodiny-s-detmi": ["ROD 1.1"]}


def test_references_into_a_broken_chapter_do_not_cascade(mini: Path) -> None:
    # ROD has its own error; UVOD and SEN still refer to ROD 1.1 — one message, not three.
    edit(mini, ROD, "druh: udrzeni", "druh: udrzet")
    result = check(mini)
    assert [p.rule for p in result.problems] == ["spatna-hodnota"]
    at(result.problems[0], ROD, position(mini, ROD, "udrzet"))


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        ("        garant: OBEC", "\tgarant: OBEC", "yaml-tabulator"),
        ("nazev: Rodiny s dětmi", "nazev: Rodiny: s dětmi", "yaml-syntaxe"),
    ],
)
def test_references_into_an_unreadable_chapter_do_not_cascade(
    mini: Path, old: str, new: str, rule: str
) -> None:
    # ROD's YAML cannot be read at all; its codes are still known from a text scan.
    edit(mini, ROD, old, new)
    result = check(mini)
    assert [p.rule for p in result.problems] == [rule]
