"""The date of a report created by ``plan monitor import``: the garant's "Datum vyplnění"
from the sheet Pokyny, else the day of the import (said so, to be checked); never a date
that ``plan check`` would refuse as a report from before its year began. The whole cycle
export → fill → import → check → build, for a year that is running and one that is over
(sample plan)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from assembler.outputs import merge

Run = Callable[..., tuple[int, str, str]]
DATE_CELL = "B14"  # Pokyny: "Vyplnil(a):" in row 13, "Datum vyplnění:" in row 14


def _returned(sample: Path, tmp_path: Path, run_cli: Run, year: int, date: Any) -> Path:
    """The seniors' workbook of ``year``, its area file removed first, filled in."""
    (sample / f"monitoring/{year}/10-seniori.yaml").unlink()
    code, out, _ = run_cli("monitor", "export", str(year), str(sample), "--po", "oblast")
    assert code == 0, out
    book = openpyxl.load_workbook(sample / f"output/sesity-{year}/seniori-{year}.xlsx")
    sheet = book["Pokyny"]
    assert sheet["A13"].value == "Vyplnil(a):" and sheet["A14"].value == "Datum vyplnění:"
    sheet["B13"] = "Bc. Jana Kratochvílová"
    if date is not None:
        sheet[DATE_CELL] = date
    status = book["Seznamy"]["A3"].value
    for row in book["Opatření"].iter_rows(min_row=2):
        row[2].value = status
    for row in book["Indikátory"].iter_rows(min_row=2):
        row[7].value = row[6].value
    target = tmp_path / f"seniori-{year}.xlsx"
    book.save(target)
    return target


def _today(monkeypatch: pytest.MonkeyPatch, day: datetime.date) -> None:
    monkeypatch.setattr(merge, "_today", lambda: day)


def _cycle(sample: Path, run_cli: Run, returned: Path, year: int) -> tuple[str, str]:
    """Import, check and build the year's report; the new file and the import's output."""
    code, out, _ = run_cli("monitor", "import", str(returned), str(sample))
    assert code == 0, out
    text = (sample / f"monitoring/{year}/10-seniori.yaml").read_text(encoding="utf-8")
    code, checked, _ = run_cli("check", str(sample))
    assert code == 0 and "chyba" not in checked, checked
    code, built, _ = run_cli("build", str(sample), "--only", f"monitoring-{year}.html")
    assert code == 0, built
    return text, out


@pytest.mark.parametrize(
    "typed",
    [datetime.datetime(2028, 1, 20), "20. 1. 2028", "2028-01-20"],
    ids=["bunka-datum", "text", "iso"],
)
def test_new_report_is_dated_by_the_workbook(
    sample: Path, tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch, typed: Any
) -> None:
    # Imported before 2027 is over, even before it began: the garant's date holds.
    _today(monkeypatch, datetime.date(2026, 12, 2))
    returned = _returned(sample, tmp_path, run_cli, 2027, typed)
    text, out = _cycle(sample, run_cli, returned, 2027)
    assert "vykazal: Bc. Jana Kratochvílová\ndatum: 2028-01-20\n" in text
    assert "datum hlášení je dnešní" not in out
    html = " ".join((sample / "output/monitoring-2027.html").read_text(encoding="utf-8").split())
    assert "Vykázal(a): Bc. Jana Kratochvílová, 20. 1. 2028." in html


def test_running_year_without_a_date_takes_the_import_date(
    sample: Path, tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # December of the year being reported: an early report, still a valid one.
    _today(monkeypatch, datetime.date(2026, 12, 2))
    returned = _returned(sample, tmp_path, run_cli, 2026, None)
    text, out = _cycle(sample, run_cli, returned, 2026)
    assert "datum: 2026-12-02\n" in text
    assert (
        "monitoring/2026/10-seniori.yaml: datum hlášení je dnešní (2. 12. 2026), sešit datum "
        "vyplnění neuvádí; zkontrolujte je." in out
    )


def test_year_not_begun_without_a_date_is_refused_at_the_date_cell(
    sample: Path, tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Dated today, the new file failed plan check at monitoring/2027/10-seniori.yaml:5:8,
    # a file that was never written.
    _today(monkeypatch, datetime.date(2026, 12, 2))
    returned = _returned(sample, tmp_path, run_cli, 2027, None)
    code, out, _ = run_cli("monitor", "import", str(returned), str(sample))
    assert code == 1
    (error,) = [line for line in out.splitlines() if ": chyba: " in line]
    assert error == (
        f"seniori-2027.xlsx:Pokyny!{DATE_CELL}: chyba: Sešit za rok 2027 neuvádí datum "
        "vyplnění a rok 2027 ještě nezačal (dnes je 2. 12. 2026): nově založené hlášení "
        "oblasti SEN by mělo datum dřívější než začátek vykazovaného roku. Napište sem datum "
        "vyplnění, nebo sešit načtěte nejdřív 1. 1. 2027. [monitoring-rok]"
    )
    assert not (sample / "monitoring/2027/10-seniori.yaml").exists()


@pytest.mark.parametrize(
    ("typed", "says", "rule"),
    [
        (
            "2. 12. 2026",
            "Datum vyplnění 2. 12. 2026 je dřív, než rok 2027 začal: hlášení za rok 2027 lze "
            "vyplnit nejdřív 1. 1. 2027. Opravte datum (např. 20. 1. 2028).",
            "monitoring-rok",
        ),
        (
            "příští týden",
            "„příští týden“ není datum. Napište datum vyplnění, např. 20. 1. 2028.",
            "sesit-hodnota",
        ),
        (46000, "„46000“ není datum.", "sesit-hodnota"),
    ],
    ids=["pred-rokem", "text", "cislo"],
)
def test_wrong_date_in_the_workbook_is_located(
    sample: Path, tmp_path: Path, run_cli: Run, typed: Any, says: str, rule: str
) -> None:
    returned = _returned(sample, tmp_path, run_cli, 2027, typed)
    code, out, _ = run_cli("monitor", "import", str(returned), str(sample))
    assert code == 1
    (error,) = [line for line in out.splitlines() if ": chyba: " in line]
    assert error.startswith(f"seniori-2027.xlsx:Pokyny!{DATE_CELL}: chyba: {says}"), error
    assert error.endswith(f"[{rule}]")
    assert not (sample / "monitoring/2027/10-seniori.yaml").exists()
