"""The plan's overview of indicators shows, per indicator, the value last reported in
the yearly monitoring and the year it is for (mini plan with one and two monitored
years, and without monitoring)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from helpers import FIXTURES, all_text, edit
from monitoring_data import write_monitoring

from assembler.checks.pipeline import check
from assembler.outputs.build import build
from assembler.render.documents import PLAN, make_document


def _overview(root: Path) -> str:
    plan = check(root).plan
    assert plan is not None
    markdown = make_document(PLAN, plan).markdown.replace("\u00a0", " ")
    return markdown[markdown.index("Indikátory slouží") :].split("\n# ")[0]


def _rows(overview: str) -> dict[str, list[str]]:
    rows = {}
    for line in overview.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        found = re.match(r"\[(\w+ \d+\.\d+\w)", cells[0])
        if found:
            rows[found.group(1)] = cells
    return rows


def _mini(tmp_path: Path) -> Path:
    """The mini plan with the overview of indicators in its outline."""
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    edit(root, "plan.yaml", "  - rozpocet\n", "  - rozpocet\n  - indikatory\n")
    return root


def test_latest_year_wins_and_an_older_value_stays(tmp_path: Path) -> None:
    root = _mini(tmp_path)
    write_monitoring(root, second_year=True)
    overview = _overview(root)
    assert "Sloupec Skutečnost uvádí hodnotu naposledy vykázanou v ročním monitoringu" in overview
    assert "| Cílová hodnota | Skutečnost | Směr |" in overview
    rows = _rows(overview)
    assert rows["SEN 1.1a"][4] == "16 (2027)"  # 6 in 2026, 16 in 2027
    assert rows["ROD 1.1a"][4] == "23 (2026)"  # not reported again in 2027
    assert rows["SEN 1.2a"][4] == "–"  # never reported


def test_built_plan_prints_the_latest_actual(tmp_path: Path) -> None:
    root = _mini(tmp_path)
    write_monitoring(root, second_year=True)
    assert build(root, only=["plan.pdf", "plan.docx"]).ok
    for name in ("plan.pdf", "plan.docx"):
        text = " ".join(all_text(root / "output" / name).replace("\u00a0", " ").split())
        assert "16 (2027)" in text and "23 (2026)" in text, name


def test_without_monitoring_there_is_no_column(tmp_path: Path) -> None:
    overview = _overview(_mini(tmp_path))
    assert "Skutečnost" not in overview
    assert "| Cílová hodnota | Směr |" in overview
