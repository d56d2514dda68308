"""plan monitor export/import: a monitoring file with errors holds up only the workbooks
of its own year and area, and the message says which file and why; an error in the plan
itself holds up every workbook (sample plan)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

Run = Callable[..., tuple[int, str, str]]
SEN = "monitoring/2026/10-seniori.yaml"
TYPO = (
    "monitoring/2026/10-seniori.yaml:8:11: chyba: Stav „hotovo“ není ve slovníku stavů. "
    "Povolené stavy: naplneno, rozpracovano, nezahajeno, pozastaveno, zruseno, bez_udaju "
    "(plan.yaml, stavy_opatreni). [monitoring-stav]"
)


def _typo(sample: Path) -> None:
    """A garant's typo in the seniors' 2026 report (line 8, column 11)."""
    path = sample / SEN
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("stav: rozpracovano", "stav: hotovo", 1), encoding="utf-8")


def _lines(out: str) -> list[str]:
    return [" ".join(line.split()) for line in out.splitlines()]


def _filled(source: Path, target: Path) -> Path:
    """What a garant returns: a status for every measure, the expected values."""
    book = openpyxl.load_workbook(source)
    status = book["Seznamy"]["A3"].value
    for row in book["Opatření"].iter_rows(min_row=2):
        row[2].value = status
    for row in book["Indikátory"].iter_rows(min_row=2):
        row[7].value = row[6].value
    book.save(target)
    return target


def _returned(sample: Path, tmp_path: Path, run_cli: Run) -> tuple[Path, Path]:
    """The seniors' and the mental-health 2026 workbooks, exported and filled in."""
    code, out, _ = run_cli("monitor", "export", "2026", str(sample), "--po", "oblast")
    assert code == 0, out
    folder = sample / "output/sesity-2026"
    seniors = _filled(folder / "seniori-2026.xlsx", tmp_path / "seniori-2026.xlsx")
    mental = _filled(folder / "dusevni-zdravi-2026.xlsx", tmp_path / "dusevni-zdravi-2026.xlsx")
    return seniors, mental


def test_export_leaves_out_only_the_area_of_the_broken_file(sample: Path, run_cli: Run) -> None:
    _typo(sample)
    code, out, err = run_cli("monitor", "export", "2026", str(sample), "--po", "oblast")
    lines = _lines(out + err)
    assert code == 1
    assert TYPO in lines
    assert (
        "Sešit seniori-2026.xlsx nebyl vytvořen: předvyplňuje se z hlášení "
        "monitoring/2026/10-seniori.yaml a to má chyby vypsané výše. Opravte je a export "
        "spusťte znovu." in lines
    )
    made = sorted(p.name for p in (sample / "output/sesity-2026").iterdir())
    assert "seniori-2026.xlsx" not in made
    assert "dusevni-zdravi-2026.xlsx" in made and len(made) == 8, made
    assert lines.count(TYPO) == 1


def test_another_years_error_does_not_block_the_export(sample: Path, run_cli: Run) -> None:
    _typo(sample)
    code, out, _ = run_cli("monitor", "export", "2027", str(sample), "--po", "oblast")
    assert code == 0, out
    assert "seniori-2027.xlsx" in out and "[monitoring-stav]" not in out
    assert (
        "Nalezeno: 1 chyba v 1 souboru. Chyby v jiných hlášeních tyto sešity neblokují. "
        "Vypíše je plan check." in _lines(out)
    )


def test_import_takes_the_other_areas_and_names_the_blocking_file(
    sample: Path, tmp_path: Path, run_cli: Run
) -> None:
    seniors, mental = _returned(sample, tmp_path, run_cli)
    _typo(sample)
    before = (sample / SEN).read_bytes()
    code, out, _ = run_cli(
        "monitor", "import", str(seniors), str(mental), str(sample), "--prednost-sesitu"
    )
    lines = _lines(out)
    assert code == 1
    assert TYPO in lines
    assert (
        "Sešit seniori-2026.xlsx se nenačetl: jeho hodnoty patří do hlášení "
        "monitoring/2026/10-seniori.yaml a to má chyby vypsané výše. Opravte je a sešit "
        "načtěte znovu." in lines
    )
    assert any(line.startswith("Načteno: dusevni-zdravi-2026.xlsx") for line in lines), lines
    assert "Nenačteno (nic z nich nebylo zapsáno): seniori-2026.xlsx" in lines
    assert (sample / SEN).read_bytes() == before


@pytest.mark.parametrize(
    "broken",
    [
        lambda text: text + "  - kod: [1.9\n",  # no YAML: the oblast line is read as text
        lambda text: text.replace("rok: 2026", "rok: dvacet", 1),  # refused by the model
    ],
    ids=["yaml", "model"],
)
def test_an_unreadable_file_blocks_its_area_by_its_oblast_line(
    sample: Path, tmp_path: Path, run_cli: Run, broken: Callable[[str], str]
) -> None:
    # The loader refused the file, so the plan does not know its area; its "oblast:"
    # line does. Creating a second SEN file, or overwriting this one, would lose it.
    seniors, mental = _returned(sample, tmp_path, run_cli)
    copy = sample / "monitoring/2026/seniori-kopie.yaml"
    (sample / SEN).rename(copy)
    copy.write_text(broken(copy.read_text(encoding="utf-8")), encoding="utf-8")
    before = copy.read_bytes()
    code, out, _ = run_cli(
        "monitor", "import", str(seniors), str(mental), str(sample), "--prednost-sesitu"
    )
    lines = _lines(out)
    assert code == 1
    assert any(line.startswith("monitoring/2026/seniori-kopie.yaml:") for line in lines), lines
    assert (
        "Sešit seniori-2026.xlsx se nenačetl: jeho hodnoty patří do hlášení "
        "monitoring/2026/seniori-kopie.yaml a to má chyby vypsané výše. Opravte je a sešit "
        "načtěte znovu." in lines
    )
    assert any(line.startswith("Načteno: dusevni-zdravi-2026.xlsx") for line in lines), lines
    assert copy.read_bytes() == before
    assert not (sample / SEN).exists()


def test_an_error_in_the_plan_blocks_every_workbook(sample: Path, run_cli: Run) -> None:
    path = sample / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("obdobi:\n  od: 2026", "obdobi:\n  od: dvacet", 1), "utf-8")
    code, out, err = run_cli("monitor", "export", "2026", str(sample))
    both = " ".join((out + err).split())
    assert code == 1
    assert "plan.yaml:" in both
    assert (
        "Sešity nebyly vytvořeny: nejdřív opravte chyby plánu vypsané výše (v plan.yaml "
        "nebo v kapitolách)." in both
    )
    assert not (sample / "output/sesity-2026").exists()
