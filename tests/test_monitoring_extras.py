"""The monitoring report's flag for measures whose report states no costs although the
plan gives them costs for the year."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES
from monitoring_data import write_monitoring

from assembler.checks.pipeline import check
from assembler.render.monitoring import monitoring_document, years_with_data

NBSP = "\u00a0"


@pytest.fixture
def monitored(tmp_path: Path) -> Path:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    write_monitoring(root, second_year=True)
    return root


def _report(root: Path, year: int) -> str:
    plan = check(root).plan
    assert plan is not None
    monitored = next(y for y in years_with_data(plan) if y.year == year)
    return monitoring_document(plan, monitored).markdown.replace(NBSP, " ")


def test_report_flags_reported_measures_without_any_actual_costs(monitored: Path) -> None:
    # 2027: ROD 1.1 is reported (pozastaveno) with no skutecne_naklady although the plan
    # gives it 80 000 + 200 000 Kč; SEN 1.2 states an explicit 0 and is not flagged.
    text = _report(monitored, 2027)
    assert "bez vykázaných skutečných nákladů, ačkoli je plán předpokládá: 1 opatření" in text
    flagged = text.split("neuvádějí žádné skutečné náklady")[1].split("\n: ")[0]
    rows = re.findall(r"(?m)^\| (\w+ \d+\.\d+) [^|]*\|[^|]*\|[^|]*\| ([^|]+) \|$", flagged)
    assert rows == [("ROD 1.1", "280 000")]
    assert (
        "| ROD 1.1 Sociálně aktivizační služba pro rodiny | Obec Malá Lhota | Pozastaveno |"
        in flagged
    )
    assert ": Opatření s plánovanými náklady na rok 2027 bez vykázaných skutečných nákladů" in text
    # 2026: every reported measure states its costs, so there is no flag at all.
    clean = _report(monitored, 2026)
    assert "ačkoli je plán předpokládá" not in clean
    assert "bez vykázaných skutečných nákladů" not in clean
