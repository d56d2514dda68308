"""One invariant over every generated table of money: the area overviews, the budget by
area and by source, the measures' own cost tables and the public summary all agree,
with cancelled measures (themselves or with their goal) left out of every total alike."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import FIXTURES, REPO

from assembler.checks.pipeline import check
from assembler.render.documents import plan_document, summary_document

AMOUNT = r"\*\*([\d ]+(?:,\d+)?)(?: Kč)?\*\*"


def money(text: str) -> Decimal:
    return Decimal(text.replace("\u00a0", "").replace(" ", "").replace("Kč", "").replace(",", "."))


def _copy(name: str, target: Path) -> Path:
    if name == "sample":
        target.mkdir()
        shutil.copy(REPO / "plan.yaml", target / "plan.yaml")
        for folder in ("chapters", "assets"):
            shutil.copytree(REPO / folder, target / folder)
    else:
        shutil.copytree(FIXTURES / name, target)
    return target


def measure_totals(plan_md: str) -> dict[str, tuple[Decimal, bool]]:
    """Measure code → (total of its own cost table, cancelled as its heading says)."""
    found: dict[str, tuple[Decimal, bool]] = {}
    for match in re.finditer(r"(?m)^#+ Opatření ([A-Z]+ [\d.]+) (.*)$", plan_md):
        code, cancelled = match.group(1), "(zrušeno)" in match.group(2)
        rest = plan_md[match.end() :]
        section = rest[: re.search(r"(?m)^#", rest).start()]  # type: ignore[union-attr]
        totals = re.findall(rf"(?m)^\| \*\*Celkem\*\* \|.*{AMOUNT} \|$", section)
        found[code] = (money(totals[0]) if totals else Decimal(0), cancelled)
    return found


def area_overviews(plan_md: str) -> dict[str, Decimal]:
    overviews = re.finditer(
        rf"(?ms)^## Přehled opatření oblasti (.+?)$.*?^\| \*\*Celkem\*\* \| \| \| {AMOUNT} \|$",
        plan_md,
    )
    return {m.group(1): money(m.group(2)) for m in overviews}


def budget_table(plan_md: str, first_column: str) -> tuple[dict[str, Decimal], Decimal]:
    start = plan_md.index(f"| {first_column} |", plan_md.index("{#rozpocet}"))
    table = plan_md[start : plan_md.index("\n\n", start)]
    rows = {}
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[re.sub(r"\[(.*)\]\(.*\)", r"\1", cells[0])] = money(cells[-1].strip("*"))
    total = rows.pop("**Celkem**")
    return rows, total


@pytest.mark.parametrize("name", ["feature", "sample", "mini"])
def test_every_total_of_every_table_agrees(name: str, tmp_path: Path) -> None:
    root = _copy(name, tmp_path / name)
    result = check(root)
    assert result.plan is not None
    plan_md = plan_document(result.plan).markdown.replace("\u00a0", " ")
    summary_md = summary_document(result.plan).markdown.replace("\u00a0", " ")

    measures = measure_totals(plan_md)
    assert measures
    active = {code: total for code, (total, cancelled) in measures.items() if not cancelled}
    by_area_code: dict[str, Decimal] = {}
    for code, total in active.items():
        area = code.split()[0]
        by_area_code[area] = by_area_code.get(area, Decimal(0)) + total

    titles = {area.title: area.code for _, area in result.plan.project.areas}
    overviews = area_overviews(plan_md)
    assert set(overviews) == set(titles)
    for title, total in overviews.items():
        assert total == by_area_code.get(titles[title], Decimal(0)), title

    if "{#rozpocet}" in plan_md:
        by_area, area_total = budget_table(plan_md, "Oblast")
        for title, total in by_area.items():
            assert total == overviews[title], title
        _, source_total = budget_table(plan_md, "Zdroj financování")
        assert area_total == source_total == sum(active.values())

    public = re.search(r"\*\*([\d ,]+) Kč\*\* předpokládaných nákladů", summary_md)
    assert public is not None
    assert money(public.group(1)) == sum(active.values())
    years = re.findall(r"(?m)^\| (20\d\d) \| ([\d ,]+) Kč \|$", summary_md)
    assert sum(money(amount) for _, amount in years) == sum(active.values())


def test_the_feature_plan_has_cancelled_money_to_leave_out(tmp_path: Path) -> None:
    root = _copy("feature", tmp_path / "feature")
    result = check(root)
    assert result.plan is not None
    measures = measure_totals(plan_document(result.plan).markdown.replace("\u00a0", " "))
    assert measures["SEN 1.3"] == (Decimal(450000), True)  # cancelled itself
    assert measures["SEN 3.1"] == (Decimal(300000), True)  # cancelled with its goal
