"""Every rule: its code, where it points and what it says, on edits of the fixture plan."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import at, edit, position, problems_of

from assembler.checks.pipeline import check
from assembler.problems.diagnostics import Severity

SEN = "chapters/10-seniori.md"
ROD = "chapters/20-rodiny.md"
PLAN = "plan.yaml"
UVOD = "chapters/01-uvod.md"
REALIZ = "chapters/90-realizace.md"


@dataclass(frozen=True)
class Case:
    rule: str
    file: str
    old: str
    new: str
    needle: str  # expected location: this text in the edited file…
    says: str  # …and this fragment of the message
    shift: int = 0
    nth: int = 1
    warning: bool = False


ROD_INDICATORS = """        indikatory:
          - kod: 1.1a
            nazev: Počet podpořených rodin
            jednotka: rodiny
            vychozi_hodnota: {hodnota: 20, rok: 2025}
            cilova_hodnota: {hodnota: 25, rok: 2028}
            vyssi_je_lepsi: ano
            zdroj_overeni: výkaz poskytovatele
"""

CASES = [
    Case(
        "neznamy-klic",
        SEN,
        "garant: OBEC",
        "garnat: OBEC",
        "garnat",
        "Měli jste na mysli „garant“?",
    ),
    Case("chybi-klic", SEN, "        druh: rozvoj\n", "", "kod: 1.1", "Chybí povinný klíč „druh“"),
    Case(
        "spatna-hodnota",
        SEN,
        "druh: rozvoj",
        "druh: rozšíření",
        "rozšíření",
        "Povolené: udrzeni, rozvoj, nova_sluzba, systemove",
    ),
    Case(
        "spatna-hodnota",
        SEN,
        "od: 2026, do: 2027",
        "od: 2026, do: příští rok",
        "příští rok",
        "má obsahovat celé číslo",
    ),
    Case("spatna-hodnota", SEN, "vyssi_je_lepsi: ano", "vyssi_je_lepsi: asi", "asi", "ano nebo ne"),
    Case("spatna-hodnota", SEN, "kod: 1.1\n", "kod: A.1\n", "A.1", "není platný kód opatření"),
    Case("castka", SEN, "obec: 110000", "obec: -5", "-5", "není platná částka"),
    Case("castka", SEN, "obec: 110000", "obec: 1100.555", "1100.555", "nejvýše s haléři"),
    Case("ico", PLAN, '"26837153"', '"26837154"', '"26837154"', "nemá platnou kontrolní číslici"),
    Case(
        "duplicitni-kod",
        SEN,
        "kod: 1.2\n",
        "kod: 1.1\n",
        "kod: 1.1\n",
        "je v plánu už použit (chapters/10-seniori.md:",
        shift=5,
        nth=2,
    ),
    Case("kod-nesouhlasi", SEN, "kod: 1.2a", "kod: 1.3a", "1.3a", "musí být 1.2 a písmeno"),
    Case("kod-nesouhlasi", SEN, "kod: 1.2\n", "kod: 2.2\n", "2.2\n", "musí začínat „1.“"),
    Case(
        "rok-mimo-obdobi",
        SEN,
        "od: 2027, do: 2028",
        "od: 2027, do: 2030",
        "2030",
        "mimo období plánu 2026–2028",
    ),
    Case(
        "harmonogram",
        SEN,
        "od: 2026, do: 2027",
        "od: 2027, do: 2026",
        "2026}",
        "Prohoďte hodnoty od a do",
    ),
    Case(
        "vychozi-rok",
        SEN,
        "{hodnota: 0, rok: 2025}",
        "{hodnota: 0, rok: 2027}",
        "rok: 2027}",
        "plán začíná rokem 2026",
        shift=5,
    ),
    Case(
        "cilova-hodnota-smer",
        SEN,
        "{hodnota: 2, rok: 2028}",
        "{hodnota: 12, rok: 2028}",
        "12, rok",
        "vyssi_je_lepsi: ne",
    ),
    Case(
        "neznamy-zdroj",
        SEN,
        "2027: {obec: 50000}",
        "2027: {obecni: 50000}",
        "obecni",
        "Měli jste na mysli „obec“?",
    ),
    Case("chybi-garant", ROD, "        garant: OBEC\n", "", "kod: 1.1\n", "nemá garanta", shift=5),
    Case("chybi-indikator", ROD, ROD_INDICATORS, "", "kod: 1.1\n", "nemá žádný indikátor", shift=5),
    Case(
        "chybi-naklady",
        SEN,
        "          2028: {obec: 0}\n",
        "",
        "2027: {obec: 50000}",
        "na rok 2028",
    ),
    Case(
        "naklady-mimo-harmonogram",
        SEN,
        "2027: {obec: 50000}",
        "2026: {obec: 1}\n          2027: {obec: 50000}",
        "2026: {obec: 1}",
        "mimo harmonogram",
        warning=True,
    ),
    Case(
        "neznama-organizace",
        SEN,
        "realizatori: [CHARITA]",
        "realizatori: [CHARTA]",
        "CHARTA",
        "Měli jste na mysli „CHARITA“?",
    ),
    Case(
        "neznamy-paragraf", SEN, "paragraf: 40", "paragraf: 38", "38", "není druh sociální služby"
    ),
    Case(
        "identifikator-sluzby",
        SEN,
        "identifikator: 4829157",
        "identifikator: 48291",
        "48291",
        "nemá obvyklý tvar 7 číslic",
        warning=True,
    ),
    Case(
        "neznama-cilova-skupina",
        SEN,
        "[seniori, pecujici]",
        "[senjori, pecujici]",
        "senjori",
        "Měli jste na mysli „seniori“?",
    ),
    Case(
        "neznamy-spolecny-cil",
        SEN,
        "spolecne_cile: [SC1]",
        "spolecne_cile: [SC2]",
        "SC2",
        "není v plan.yaml",
    ),
    Case(
        "osnova-chybi-soubor",
        PLAN,
        "- 20-rodiny.md",
        "- 20-rodina.md",
        "20-rodina.md",
        "Měli jste na mysli „20-rodiny.md“?",
    ),
    Case(
        "osnova-chybi-soubor",
        PLAN,
        "- rozpocet",
        "- rozpočet",
        "rozpočet",
        "Měli jste na mysli „rozpocet“?",
    ),
    Case(
        "osnova-neuvadi-soubor",
        PLAN,
        "  - 20-rodiny.md\n",
        "",
        "- 01-uvod.md",
        "Kapitola chapters/20-rodiny.md není v osnově",
    ),
    Case(
        "osnova-duplicita",
        PLAN,
        "  - zkratky\n",
        "  - zkratky\n  - rozpocet\n",
        "rozpocet",
        "vícekrát",
        nth=2,
    ),
    Case(
        "zakon-obsah",
        REALIZ,
        "pokryva: [povinnosti, monitoring, zmeny, strategie]",
        "pokryva: [povinnosti, monitoring, strategie]",
        "- 01-uvod.md",
        "způsob provádění změn plánu",
        warning=True,
    ),
    Case(
        "schvaleni", PLAN, "stav: navrh", "stav: schvaleno", "schvaleno", "chybí údaje o schválení"
    ),
    Case(
        "zkratka-neznama",
        SEN,
        "Seniorů přibývá.",
        "Seniorů (DPS) přibývá.",
        "DPS",
        "Zkratka DPS není v seznamu zkratek",
        warning=True,
    ),
    Case(
        "shrnuti-chybi",
        ROD,
        "shrnuti: Rodiny najdou poradnu a kluby pro rodiče.\n",
        "",
        "ROD",
        "nemá shrnutí pro veřejnost",
        warning=True,
    ),
    Case(
        "shrnuti-dlouhe",
        ROD,
        "shrnuti: Rodiny",
        "shrnuti: " + "Dlouhé shrnutí. " * 90 + "Rodiny",
        "Dlouhé",
        "nejvýše asi 1200",
        warning=True,
    ),
    Case(
        "shrnuti-zkratka",
        ROD,
        "najdou poradnu",
        "najdou poradnu OSPOD",
        "OSPOD",
        "celými slovy (orgán sociálně-právní ochrany dětí)",
        warning=True,
    ),
    Case("surovy-kod", SEN, "Seniorů přibývá.", "Seniorů <b>přibývá</b>.", "<b>", "značka HTML"),
    Case(
        "surovy-kod",
        SEN,
        "Seniorů přibývá.",
        "Seniorů \\textbf{přibývá}.",
        "\\textbf",
        "příkaz LaTeXu",
    ),
    Case(
        "obrazek-bez-popisu",
        SEN,
        "Seniorů přibývá.",
        "Seniorů přibývá.\n\n![](plan.yaml)",
        "![]",
        "nemá alternativní text",
    ),
    Case(
        "obrazek-mimo-projekt",
        SEN,
        "Seniorů přibývá.",
        "![Graf](https://example.com/g.png)",
        "![Graf]",
        "ne adresa na internetu",
    ),
    Case(
        "obrazek-mimo-projekt",
        PLAN,
        '  ico: "00296015"\nobdobi',
        '  ico: "00296015"\n  logo: assets/znak.png\nobdobi',
        "assets/znak.png",
        "Logo assets/znak.png nelze použít",
    ),
    Case(
        "sablona-docx",
        PLAN,
        "zkratky:\n",
        "vystupy:\n  sablona_docx: sablony/mesto.docx\nzkratky:\n",
        "sablony/mesto.docx",
        "Šablona sablony/mesto.docx neexistuje",
    ),
    Case(
        "sablona-docx",
        PLAN,
        "zkratky:\n",
        "vystupy:\n  sablona_docx: plan.yaml\nzkratky:\n",
        "plan.yaml\nzkratky",
        "není soubor .docx",
    ),
    Case(
        "obrazek-mimo-projekt",
        SEN,
        "Seniorů přibývá.",
        "![Graf](../../etc/passwd.png)",
        "![Graf]",
        "uvnitř složky plánu",
    ),
    Case(
        "spatna-hodnota",
        PLAN,
        "zkratky:",
        "pravidla:\n  identifikator-sluzeb: chyba\nzkratky:",
        "identifikator-sluzeb",
        "Měli jste na mysli „identifikator-sluzby“?",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}:{c.new[:24]}")
def test_rule(mini: Path, case: Case) -> None:
    edit(mini, case.file, case.old, case.new)
    result = check(mini)
    found = [p for p in problems_of(result, case.rule) if case.says in p.message]
    assert len(found) == 1, [str(p) for p in result.problems]
    problem = found[0]
    needle_file = PLAN if case.rule in ("zakon-obsah", "osnova-neuvadi-soubor") else case.file
    at(problem, needle_file, position(mini, needle_file, case.needle, case.shift, case.nth))
    expected = Severity.WARNING if case.warning else Severity.ERROR
    assert problem.severity is expected
    assert "Traceback" not in problem.message


def test_fixture_plan_is_clean(mini: Path) -> None:
    result = check(mini)
    assert result.ok and result.problems == [], [str(p) for p in result.problems]


def test_rule_severity_can_be_raised_in_plan_yaml(mini: Path) -> None:
    edit(mini, SEN, "identifikator: 4829157", "identifikator: 48291")
    edit(mini, PLAN, "zkratky:", "pravidla:\n  identifikator-sluzby: chyba\nzkratky:")
    [problem] = problems_of(check(mini), "identifikator-sluzby")
    assert problem.severity is Severity.ERROR


def test_rule_can_be_switched_off(mini: Path) -> None:
    edit(mini, SEN, "identifikator: 4829157", "identifikator: 48291")
    edit(mini, PLAN, "zkratky:", "pravidla:\n  identifikator-sluzby: vypnuto\nzkratky:")
    assert problems_of(check(mini), "identifikator-sluzby") == []


def test_reading_rules_cannot_be_relaxed(mini: Path) -> None:
    edit(mini, PLAN, "zkratky:", "pravidla:\n  yaml-syntaxe: vypnuto\nzkratky:")
    [problem] = problems_of(check(mini), "spatna-hodnota")
    assert "nelze měnit" in problem.message


def test_strict_turns_warnings_into_errors(mini: Path) -> None:
    edit(mini, SEN, "identifikator: 4829157", "identifikator: 48291")
    assert check(mini).ok
    strict = check(mini, strict=True)
    assert not strict.ok
    [problem] = problems_of(strict, "identifikator-sluzby")
    assert problem.severity is Severity.ERROR
