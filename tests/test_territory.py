"""The plan's territory: the register, what measures serve, who pays, who plans.

Rules are tested on edits of the sample plan (it has two municipalities and two
localities); the generated sections and the reconciliation of the municipalities'
shares on the sample, the feature plan and the mini plan (which has no register).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import FIXTURES, at, edit, position, problems_of

from assembler.checks.pipeline import CheckedPlan, check
from assembler.problems.diagnostics import Severity
from assembler.render import territory
from assembler.render.documents import plan_document, summary_document
from assembler.render.figures import budget_by_source

PLAN = "plan.yaml"
SEN = "chapters/10-seniori.md"
LOK = "chapters/17-vyloucene-lokality.md"


@dataclass(frozen=True)
class Case:
    rule: str
    file: str
    old: str
    new: str
    needle: str  # the problem is located at this text of the edited file…
    says: str  # …and its message contains this
    shift: int = 0


CASES = [
    Case(
        "nezname-uzemi",
        LOK,
        "uzemi: [HORNICKA, ZARECI]",
        "uzemi: [HORNICKA, ZARECII]",
        "ZARECII",
        "Obec ani lokalita „ZARECII“ není v registru území (plan.yaml, uzemi). "
        "Měli jste na mysli „ZARECI“?",
    ),
    Case(
        "nezname-uzemi",
        LOK,
        "uzemi: [HORNICKA, ZARECI]",
        "uzemi: [Hornická, ZARECI]",
        "[Hornická",
        "Měli jste na mysli klíč „HORNICKA“?",
        shift=1,
    ),
    Case(
        "nezname-uzemi",
        SEN,
        "uzemi: [LIPOVANY, BRUSNICE]",
        "uzemi: [LIPOVANY, BRUSNIC]",
        "BRUSNIC]",
        "Měli jste na mysli „BRUSNICE“?",
    ),
    Case(
        "neznama-obec",
        PLAN,
        "obec: LIPOVANY\n      typ: vyloucena_lokalita\n      popis: Šest",
        "obec: LIPOVANI\n      typ: vyloucena_lokalita\n      popis: Šest",
        "LIPOVANI",
        "Lokalita Hornická leží v obci „LIPOVANI“, která není v registru obcí "
        "(plan.yaml, uzemi.obce). Měli jste na mysli „LIPOVANY“?",
    ),
    Case(
        "neznama-obec",
        SEN,
        "2027: {LIPOVANY: 1540000, BRUSNICE: 80000}",
        "2027: {LIPOVANY: 1540000, ZARECI: 80000}",
        "ZARECI",
        "Platící obec „ZARECI“ v podil_obci opatření SEN 1.1 lokalita, ne obec",
    ),
    Case(
        "podil-obci-nesedi",
        SEN,
        "BRUSNICE: 85000",
        "BRUSNICE: 95000",
        "{LIPOVANY: 1595000",
        "Podíl obcí opatření SEN 1.1 na rok 2028 dává dohromady 1\u00a0690\u00a0000\u00a0Kč, ale "
        "náklady ze zdroje obec v naklady na tento rok jsou 1\u00a0680\u00a0000\u00a0Kč "
        "(rozdíl 10\u00a0000\u00a0Kč).",
    ),
    Case(
        "podil-obci-nesedi",
        SEN,
        "          2027: {LIPOVANY: 1540000, BRUSNICE: 80000}\n",
        "          2027: {LIPOVANY: 1540000, BRUSNICE: 80000}\n          2030: {LIPOVANY: 1000}\n",
        "{LIPOVANY: 1000}",
        "na rok 2030 dává dohromady 1\u00a0000\u00a0Kč, ale náklady ze zdroje obec v naklady "
        "na tento rok jsou 0\u00a0Kč",
    ),
    Case(
        "duplicitni-uzemi",
        PLAN,
        "klic: ZARECI",
        "klic: HORNICKA",
        "HORNICKA\n      nazev: Zářečí",
        "Klíč „HORNICKA“ je v registru území (plan.yaml, uzemi) uveden vícekrát.",
    ),
    Case(
        "ico",
        PLAN,
        'ico: "00576310"',
        'ico: "00576311"',
        '"00576311"',
        "IČO 00576311 (Brusnice) nemá platnou kontrolní číslici.",
    ),
    Case(
        "spatna-hodnota",
        PLAN,
        "typ: statutarni_mesto",
        "typ: krajske_mesto",
        "krajske_mesto",
        "Povolené: obec, mesto, mestys, statutarni_mesto, mestsky_obvod",
    ),
    Case(
        "neznama-organizace",
        PLAN,
        "      organizace: CHARITA\n    - jmeno: Jana Malá",
        "      organizace: CHARITAS\n    - jmeno: Jana Malá",
        "CHARITAS",
        "Organizace „CHARITAS“ není v registru organizací (plan.yaml, klíč organizace). "
        "Měli jste na mysli „CHARITA“?",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}:{c.new[:24]}")
def test_territory_rule_code_location_and_message(sample: Path, case: Case) -> None:
    edit(sample, case.file, case.old, case.new)
    found = problems_of(check(sample), case.rule)
    assert len(found) == 1, [str(p) for p in found]
    at(found[0], case.file, position(sample, case.file, case.needle, case.shift))
    assert case.says in found[0].message, found[0].message
    assert found[0].is_error


def test_a_service_outside_its_measures_territory_is_a_warning(feature: Path) -> None:
    name = "chapters/10-seniori.md"
    edit(feature, name, "uzemi: [CHLUM, KAMENNA]", "uzemi: [CHLUM, NADRAZNI]")
    assert not problems_of(check(feature), "uzemi-sluzby")  # Nádražní 14 lies in Horní Bradlo
    edit(feature, name, "uzemi: [BRADLO, LHOTA]", "uzemi: [LHOTA]")
    found = problems_of(check(feature), "uzemi-sluzby")
    assert [p.severity for p in found] == [Severity.WARNING] * 2
    at(found[0], name, position(feature, name, "CHLUM, NADRAZNI", 0))
    assert found[0].message == (
        "Služba opatření SEN 1.1 působí v území Chlum (Horní Bradlo), ale opatření slouží "
        "jen území Lhota u Bradla. Doplňte CHLUM do uzemi opatření, nebo je u služby opravte."
    )


def test_a_territory_without_a_register_says_what_to_do(mini: Path) -> None:
    name = "chapters/10-seniori.md"
    edit(mini, name, "        garant: OBEC", "        uzemi: [JANOV]\n        garant: OBEC")
    found = problems_of(check(mini), "nezname-uzemi")
    assert len(found) == 1
    at(found[0], name, position(mini, name, "JANOV"))
    assert "plán nemá registr území (plan.yaml, uzemi)" in found[0].message
    assert "klíč uzemi smažte" in found[0].message


def _checked(root: Path) -> CheckedPlan:
    result = check(root)
    assert result.ok, [str(p) for p in result.problems]
    assert result.plan is not None
    return result.plan


@pytest.fixture
def feature(tmp_path: Path) -> Path:
    root = tmp_path / "feature"
    shutil.copytree(FIXTURES / "feature", root)
    return root


@pytest.mark.parametrize("plan", ["sample", "feature", "mini"])
def test_municipal_shares_add_up_to_the_municipal_source(
    plan: str, request: pytest.FixtureRequest
) -> None:
    """The invariant: costs by municipality × year equal the obec row of the budget by
    funding source, year by year and in total, whether shares are split or not."""
    checked = _checked(request.getfixturevalue(plan))
    by_municipality = territory.costs_by_municipality(checked)
    by_source = budget_by_source(checked)
    assert by_municipality.total > 0
    assert by_municipality.total == by_source.row_total("obec")
    for year in by_source.years:
        assert by_municipality.year_total(year) == by_source.cell("obec", year)
    split = {row for row in by_municipality.rows if by_municipality.row_total(row)}
    assert len(split) == (1 if plan == "mini" else 2)


def test_an_unsplit_year_is_paid_by_the_commissioner(sample: Path, mini: Path) -> None:
    checked = _checked(sample)
    costs = territory.costs_by_municipality(checked)
    assert costs.cell("BRUSNICE", 2026) == 0 and costs.cell("BRUSNICE", 2027) == 80000
    mini_costs = territory.costs_by_municipality(_checked(mini))
    assert mini_costs.rows == (territory.COMMISSIONER,)


def test_the_public_summary_says_where_the_plan_applies(sample: Path, mini: Path) -> None:
    summary = summary_document(_checked(sample)).markdown
    assert (
        "Plán platí pro 2 obce: Brusnice, Lipovany; některá opatření jsou určena přímo "
        "lokalitám Hornická (Lipovany), Zářečí (Lipovany)." in summary
    )
    assert "Plán platí pro" not in summary_document(_checked(mini)).markdown


def test_costs_by_municipality_section(sample: Path) -> None:
    markdown = plan_document(_checked(sample)).markdown
    section = markdown.split("{#naklady-obci}")[1].split("\n# ")[0]
    assert "| Brusnice | 0 | 80\u00a0000 | 85\u00a0000 | 90\u00a0000 | 255\u00a0000 |" in section
    assert "| **Celkem** |" in section
    assert "platí celý zadavatel, Statutární město Lipovany" in section
    assert "[SEN 1.1 Rozšíření pečovatelské služby o\u00a0večery a\u00a0víkendy](#sen-1-1)" in (
        section
    )


def test_measures_by_municipality_and_locality(feature: Path) -> None:
    markdown = plan_document(_checked(feature)).markdown
    section = markdown.split("{#uzemi}")[1].split("\n# ")[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    names = [row.split("|")[1].strip() for row in rows[2:]]
    assert [n for n in names if n] == [
        "**Horní Bradlo** (město, 4\u00a0210 obyvatel)",
        "Chlum (část obce)",
        "Kamenná (část obce): Nejvzdálenější místní část, bez autobusu o\u00a0víkendu.",
        "Nádražní 14 (sociálně vyloučená lokalita)",
        "Vrbice (část obce)",
        "**Lhota u\u00a0Bradla** (obec)",
    ]
    lhota = section.split("**Lhota u\u00a0Bradla**")[1]
    # the cancelled Senior taxi named Lhota; cancelled measures serve no one
    assert "SEN 1.3" not in lhota and "(#sen-1-1)" in lhota
    assert "**Celé území plánu:** [SEN\u00a01.2](#sen-1-2), [SEN\u00a02.1](#sen-2-1)" in section
    assert "(#rod-1-1)" in section.split("Vrbice")[1].split("**Lhota")[0]


def test_a_measure_prints_its_territory(feature: Path) -> None:
    markdown = plan_document(_checked(feature)).markdown
    measure = markdown.split("{#sen-1-1}")[1].split("{#sen-1-2}")[0]
    # in Czech alphabetical order, as every list of places (H before CH)
    territory = "Horní Bradlo, Chlum (Horní Bradlo), Kamenná (Horní Bradlo), Lhota u\u00a0Bradla"
    assert f"- **Území:** {territory}\n" in measure
    assert "území: Chlum (Horní Bradlo), Kamenná (Horní Bradlo))" in measure
    other = markdown.split("{#sen-1-2}")[1].split("{#sen-1-3}")[0]
    assert "- **Území:** celé území plánu" in other


def test_organisation_of_planning_keeps_personal_contacts_private(feature: Path) -> None:
    checked = _checked(feature)
    markdown = plan_document(checked).markdown
    section = markdown.split("{#organizacni-struktura}")[1].split("\n# ")[0]
    assert "**Koordinace plánování:** Mgr. Radka Bradlová" in section
    assert "**Manažerský tým:** Schvaluje postup plánování" in section
    phone = "+420\u00a0603\u00a0111\u00a0222"
    assert f"| Ing. Petr Bradlec, <petr.bradlec@hornibradlo.example.cz>, {phone} |" in section
    assert "| Marta Lhotská | starostka obce Lhota u\u00a0Bradla |  |" in section
    assert "| Josef Kamenný |  |  |" in section
    seniors = "Senioři a\u00a0pečující"
    assert f"| Pracovní skupina {seniors} | [{seniors}](#sen) |" in section
    summary = summary_document(checked).markdown
    for text in (markdown, summary):
        assert "marta.lhotska" not in text and "654\u00a0321" not in text
