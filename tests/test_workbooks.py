"""Monitoring workbooks: plan monitor export (sheets, locks, validations, pre-filled values)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest


def _book(folder: Path, name: str) -> openpyxl.Workbook:
    return openpyxl.load_workbook(folder / "output" / "sesity-2026" / name)


def _rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, tuple[object, ...]]:
    return {row[0]: row for row in ws.iter_rows(min_row=2, values_only=True) if row[0]}


def test_export_per_garant(sample: Path, run_cli) -> None:
    code, out, _ = run_cli("monitor", "export", "2026", str(sample))
    assert code == 0, out
    names = sorted(p.name for p in (sample / "output" / "sesity-2026").iterdir())
    assert "mesto-2026.xlsx" in names and "charita-2026.xlsx" in names
    book = _book(sample, "mesto-2026.xlsx")
    assert book.sheetnames == ["Pokyny", "Opatření", "Indikátory", "Náklady", "Seznamy", "Údaje"]
    assert book["Seznamy"].sheet_state == "hidden" and book["Údaje"].sheet_state == "hidden"
    assert book.active.title == "Pokyny"
    meta = {r[0]: r[1] for r in book["Údaje"].iter_rows(values_only=True)}
    assert meta["rok"] == "2026" and meta["skupina"] == "garant" and meta["klic"] == "MESTO"
    assert meta["ico"] == "00296015" and meta["obdobi"] == "2026-2029"

    measures = book["Opatření"]
    assert [c.value for c in measures[1]][:4] == [
        "Kód",
        "Opatření",
        "Stav v roce 2026",
        "Pokrok v %",
    ]
    rows = _rows(measures)
    # Pre-filled from monitoring/2026/10-seniori.yaml.
    assert rows["SEN 1.1"][2] == "Rozpracováno" and rows["SEN 1.1"][3] == 20
    assert "Stavební řízení se protáhlo" in rows["SEN 1.1"][5]
    assert measures.freeze_panes == "C2" and measures.protection.sheet
    assert measures["A2"].protection.locked and measures["B2"].protection.locked
    assert not measures["C2"].protection.locked and not measures["E2"].protection.locked
    last = measures.max_row  # every row styled like the first one
    assert not measures[f"C{last}"].protection.locked and measures[f"B{last}"].protection.locked
    assert measures[f"E{last}"].fill.fgColor.rgb == measures["E2"].fill.fgColor.rgb != "00000000"
    assert measures[f"E{last}"].alignment.wrap_text
    status = next(v for v in measures.data_validations.dataValidation if v.type == "list")
    assert status.formula1 == "Seznamy!$A$2:$A$7" and "C2" in str(status.sqref)
    assert [r[0] for r in book["Seznamy"].iter_rows(min_row=2, values_only=True)][:2] == [
        "Naplněno",
        "Rozpracováno",
    ]

    indicators = _rows(book["Indikátory"])
    # SEN 1.1a: baseline 0 (2025), milestone 25 in 2026, target 60 in 2029; reported 27.
    assert indicators["SEN 1.1a"][4:8] == (0, 60, 25, 27)
    assert indicators["SEN 1.1a"][1] == "SEN 1.1"
    ws = book["Indikátory"]
    assert ws["G2"].protection.locked and not ws["H2"].protection.locked
    number = next(v for v in ws.data_validations.dataValidation if v.type == "decimal")
    assert "H2" in str(number.sqref)

    ws = book["Náklady"]
    costs = [row for row in ws.iter_rows(min_row=2) if row[0].value == "SEN 1.1"]
    assert [(r[3].value, r[4].value, r[5].value) for r in costs] == [
        ("obec", 1450000, 1476000),
        ("mpsv", 2100000, 2002000),
        ("uhrady", 380000, 368000),
        (None, None, None),  # for a source the plan does not foresee
    ]
    # Only the last row's source is chosen, from the plan's sources on the hidden sheet.
    free, planned = costs[-1][2], costs[0][2]
    assert not free.protection.locked and planned.protection.locked
    assert free.fill.fgColor.rgb == costs[0][5].fill.fgColor.rgb != "00000000"
    (chosen,) = [v for v in ws.data_validations.dataValidation if free.coordinate in v.sqref]
    assert chosen.type == "list" and chosen.formula1 == "Seznamy!$C$2:$C$8"
    assert planned.coordinate not in chosen.sqref and "grant nadace" in chosen.prompt
    sources = [r[2] for r in book["Seznamy"].iter_rows(min_row=2, values_only=True)]
    assert sources[0] == "Rozpočet obce" and sources[-1] == "Jiné zdroje" and len(sources) == 7
    assert book["Náklady"].page_setup.orientation == "landscape"
    assert book.security.lockStructure


def test_export_per_area(sample: Path, run_cli) -> None:
    code, out, _ = run_cli("monitor", "export", "2026", str(sample), "--po", "oblast")
    assert code == 0, out
    book = _book(sample, "seniori-2026.xlsx")
    assert list(_rows(book["Opatření"])) == [
        "SEN 1.1",
        "SEN 1.2",
        "SEN 1.4",
        "SEN 2.1",
        "SEN 3.1",
        "SEN 3.2",
    ]
    meta = {r[0]: r[1] for r in book["Údaje"].iter_rows(values_only=True)}
    assert meta["skupina"] == "oblast" and meta["klic"] == "SEN"


@pytest.mark.parametrize("year", ["2031"])
def test_export_year_outside_period(sample: Path, run_cli, year: str) -> None:
    code, _, err = run_cli("monitor", "export", year, str(sample))
    assert code == 2
    assert "mimo období plánu 2026–2029" in err
    assert not (sample / "output" / f"sesity-{year}").exists()


def test_no_header_breaks_inside_a_word(sample: Path, run_cli) -> None:
    # Calc printed "Opatřen-í", "Očekávan-o", "Skutečnos-t 2026": a bold header word needs
    # about three characters of width more than it has letters.
    code, out, _ = run_cli("monitor", "export", "2026", str(sample), "--po", "oblast")
    assert code == 0, out
    book = openpyxl.load_workbook(sample / "output" / "sesity-2026" / "seniori-2026.xlsx")
    for title in ("Opatření", "Indikátory", "Náklady"):
        ws = book[title]
        for cell in ws[1]:
            width = ws.column_dimensions[cell.column_letter].width
            longest = max(len(word) for word in str(cell.value).split())
            assert width >= longest + 3, (title, cell.value, width)
    # "Očekáváno / v roce / 2026" takes three lines in Calc: a two-line row cut the year off.
    assert book["Indikátory"].row_dimensions[1].height >= 45
    assert book["Pokyny"].row_dimensions[1].height >= 20  # the 14 pt title
