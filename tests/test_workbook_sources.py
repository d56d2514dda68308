"""A cost from a funding source the plan does not foresee for a measure (a foundation's
grant), reported in the workbook: chosen in the measure's free cost row, imported into
``skutecne_naklady``, accepted by plan check and printed in the monitoring report."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import openpyxl

Run = Callable[..., tuple[int, str, str]]
AREA_FILE = "monitoring/2026/10-seniori.yaml"


def _export(root: Path, run_cli: Run) -> Path:
    code, out, _ = run_cli("monitor", "export", "2026", str(root), "--po", "oblast")
    assert code == 0, out
    return root / "output" / "sesity-2026" / "seniori-2026.xlsx"


def _cost_rows(book: openpyxl.Workbook, code: str) -> list[tuple[object, ...]]:
    """(source name, key, planned, actual) of a measure's rows on the sheet Náklady."""
    rows = book["Náklady"].iter_rows(min_row=2, values_only=True)
    return [tuple(row[2:6]) for row in rows if row[0] == code]


def _choose(book: openpyxl.Workbook, code: str, source: object, amount: object) -> int:
    """What a garant does in Excel: picks a source in the measure's row without a key;
    the row's number."""
    for row in book["Náklady"].iter_rows(min_row=2):
        if row[0].value == code and row[3].value is None:
            row[2].value, row[5].value = source, amount
            return row[0].row
    raise AssertionError(f"{code} has no free cost row")


def _area_costs(html: str, area: str) -> dict[str, list[str]]:
    """The cost table of one area in the monitoring report: cells by the source's name."""
    start = html.index(f"<caption>Náklady oblasti {area} v roce")
    table = html[start : html.index("</table>", start)]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = [
            " ".join(re.sub(r"<[^>]+>", "", c).split())
            for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        if cells:
            rows[cells[0]] = cells[1:]
    return rows


def test_unplanned_source_from_workbook_to_report(
    sample: Path, tmp_path: Path, run_cli: Run
) -> None:
    path = _export(sample, run_cli)
    book = openpyxl.load_workbook(path)
    # SEN 1.1 plans the city, MPSV and the users' payments for 2026, no grant.
    assert [r[1] for r in _cost_rows(book, "SEN 1.1")] == ["obec", "mpsv", "uhrady", None]
    _choose(book, "SEN 1.1", "Jiné zdroje", 45000)  # a foundation's grant
    returned = tmp_path / path.name
    book.save(returned)
    before = (sample / AREA_FILE).read_text(encoding="utf-8")

    code, out, _ = run_cli("monitor", "import", str(returned), str(sample))
    assert code == 0, out
    assert "Načteno: seniori-2026.xlsx (nových nebo změněných hodnot: 1)" in out
    after = (sample / AREA_FILE).read_text(encoding="utf-8")
    old = "skutecne_naklady: {obec: 1476000, mpsv: 2002000, uhrady: 368000}"
    assert after == before.replace(old, old[:-1] + ", jine: 45000}", 1) != before

    code, out, _ = run_cli("check", str(sample))
    assert code == 0, out
    assert "neznamy-zdroj" not in out and "chyba" not in out

    code, out, _ = run_cli("build", str(sample), "--only", "monitoring-2026.html")
    assert code == 0, out
    html = (sample / "output" / "monitoring-2026.html").read_text(encoding="utf-8")
    costs = _area_costs(html.replace("\u00a0", " "), "Senioři")
    assert costs["Jiné zdroje"][:2] == ["0", "45 000"], costs

    # Exported again, the grant has a row of its own, and the measure a new free row.
    book = openpyxl.load_workbook(_export(sample, run_cli))
    assert _cost_rows(book, "SEN 1.1")[-2:] == [
        ("Jiné zdroje", "jine", None, 45000),
        (None, None, None, None),
    ]


def _refused(
    sample: Path, tmp_path: Path, run_cli: Run, source: object, amount: object
) -> tuple[str, int]:
    """The one error of the seniors' workbook with SEN 1.1's free cost row filled in (and
    that row's number); nothing written."""
    path = _export(sample, run_cli)
    book = openpyxl.load_workbook(path)
    row = _choose(book, "SEN 1.1", source, amount)
    returned = tmp_path / path.name
    book.save(returned)
    before = (sample / AREA_FILE).read_text(encoding="utf-8")
    code, out, _ = run_cli("monitor", "import", str(returned), str(sample))
    assert code == 1, out
    assert "Nenačteno (nic z nich nebylo zapsáno): seniori-2026.xlsx" in out
    assert (sample / AREA_FILE).read_text(encoding="utf-8") == before
    assert "Traceback" not in out
    (error,) = [line for line in out.splitlines() if ": chyba: " in line]
    return error, row


def test_unknown_source_named_by_sheet_and_cell(sample: Path, tmp_path: Path, run_cli: Run) -> None:
    # Typed over the drop-down (Excel lets a pasted value through).
    error, row = _refused(sample, tmp_path, run_cli, "Nadace Lipovany", 45000)
    assert error.startswith(f"seniori-2026.xlsx:Náklady!C{row}: chyba: Zdroj financování „Nadace")
    assert "není mezi zdroji plánu." in error and "Jiné zdroje" in error
    assert error.endswith("[neznamy-zdroj]")
    error, _ = _refused(sample, tmp_path, run_cli, "Rozpočet kraj", 45000)
    assert "Měli jste na mysli „Rozpočet kraje“?" in error


def test_unplanned_amount_judged_like_any_other(sample: Path, tmp_path: Path, run_cli: Run) -> None:
    where = "seniori-2026.xlsx:Náklady!"
    error, row = _refused(sample, tmp_path, run_cli, "Jiné zdroje", -45000)
    assert error.startswith(f"{where}F{row}: chyba: „-45000“ není platná částka.")
    error, _ = _refused(sample, tmp_path, run_cli, "Jiné zdroje", "45 000,125")
    assert error.startswith(f"{where}F{row}: chyba: „45 000,125“ není platná částka.")
    error, _ = _refused(sample, tmp_path, run_cli, None, 45000)
    assert error.startswith(f"{where}F{row}: chyba: Částka u opatření SEN 1.1 nemá zdroj")
    assert f"(buňka C{row})" in error and error.endswith("[sesit-hodnota]")
    error, _ = _refused(sample, tmp_path, run_cli, "Jiné zdroje", None)
    assert error.startswith(f"{where}C{row}: chyba: U opatření SEN 1.1 je vybrán zdroj")
    assert f"Napište ji do buňky F{row}" in error
    error, _ = _refused(sample, tmp_path, run_cli, "Rozpočet obce", 1000)  # planned: row 2
    assert error.startswith(f"{where}C{row}: chyba: Zdroj „Rozpočet obce“ má opatření SEN 1.1")
    assert "už na řádku 2." in error
