"""A region's plan (tests/fixtures/kraj) run through the yearly cycle as a new coordinator
would from the README: made with plan init, three areas with a cancelled measure each in
SEN and ROD, indicators in osob, %, lůžek, Kč and dní (two of them falling is better),
milestones, its own status vocabulary (splneno 100, probiha 60, v_priprave 20,
nezahajeno 0, odlozeno and zruseno with a reason, neuvedeno), 2026 written by hand with
weights, 2027 collected in the Excel workbooks that garants filled in, mistakes included.

Figures are computed here by hand from the fixture's files, never by the code under test.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from helpers import FIXTURES, words

from assembler.checks.pipeline import check
from assembler.render.monitoring import monitoring_document, years_with_data

Run = Callable[..., tuple[int, str, str]]
NBSP = "\u00a0"


@pytest.fixture
def kraj(tmp_path: Path) -> Path:
    target = tmp_path / "kraj"
    shutil.copytree(FIXTURES / "kraj", target)
    return target


def _report(root: Path, year: int) -> str:
    plan = check(root).plan
    assert plan is not None
    monitored = next(y for y in years_with_data(plan) if y.year == year)
    markdown = monitoring_document(plan, monitored).markdown
    markdown = markdown.replace(NBSP, " ").replace("\\", "").replace("**", "")
    return re.sub(r"\s+", " ", markdown.replace("−", "-"))  # the minus is typeset later


def test_the_plan_is_clean_and_speaks_its_own_vocabulary(kraj: Path, run_cli: Run) -> None:
    code, out, _ = run_cli("check", str(kraj))
    assert code == 0
    assert (
        "monitoring/2026/12-rodiny-s-detmi.yaml:6:3: varování: Za rok 2026 chybí hlášení o "
        "opatřeních garanta KRA (Pomoravský kraj): ROD 2.1. Doplňte je do "
        "monitoring/2026/12-rodiny-s-detmi.yaml (nejsou-li údaje, uveďte stav neuvedeno). "
        "[monitoring-chybi]"
    ) in words(out)


def test_2026_figures_match_the_hand_computation(kraj: Path) -> None:
    text = _report(kraj, 2026)
    # Tracked: SEN 1.1, 2.1 (1.2 starts 2027, 2.2 cancelled), DUS 1.1, 1.2, 2.1,
    # ROD 1.1, 1.3, 2.1 (1.2 cancelled) = 8; ROD 2.1 has no report.
    assert "Sledovaná opatření: 8 (počet oblastí: 3), z toho s hlášením: 7." in text
    assert "| Probíhá | 4 | 50,0 % |" in text and "| Odloženo | 1 | 12,5 % |" in text
    assert "| Nevykázáno | 1 | 12,5 % |" in text
    # SEN: goal 1 = 60 (probiha, weight 2 alone in its goal), goal 2 = 20 → 40.
    # DUS: goal 1 = (70 + 60) / 2 = 65, goal 2 odlozeno has no share → 65.
    # ROD: goal 1 = (60 + 0) / 2 = 30, goal 2 unreported → 30. Plan (40 + 65 + 30) / 3 = 45.
    assert "Pokrok plánu: 45,0 %." in text
    assert "Pokrok oblasti v roce 2026: 40,0 % (cíl 1: 60,0 %; cíl 2: 20,0 %)." in text
    assert "Pokrok oblasti v roce 2026: 65,0 % (cíl 1: 65,0 %; cíl 2: –)." in text
    # SEN 2.1a falls: 350 (2025) → 150 (2028), expected 350 − 200/3 = 283,3; 340 is
    # (340 − 350) / (150 − 350) = 5 %. ROD 1.3a: 60 → 40 (2027) → 14, expected 50; 62 is
    # (62 − 60) / (14 − 60) = −4 %.
    assert "| 283,3 | 340 | 5 % | zaostává |" in text
    assert "| 50 | 62 | -4 % | zaostává |" in text
    assert "Indikátory: splněno 0, na dobré cestě 3, zaostává 3, bez údajů 2." in text
    # Planned 20 400 000 + 14 400 000 + 7 450 000; spent 17 250 000 + 13 600 000 +
    # 4 950 000,50 = 35 800 000,50 (85 %).
    assert "Náklady: plánováno 42 250 000 Kč, skutečně vynaloženo 35 800 000,50 Kč (85 %)" in text


def test_no_progress_in_the_first_year_is_not_given_as_a_reason(kraj: Path) -> None:
    # ROD 1.3 starts 2026 and is nezahajeno in 2026: behind for its indicator only. The
    # report said "bez pokroku, ač opatření běží od roku 2026", a rule the count did not use.
    text = _report(kraj, 2026)
    behind = text[text.index("# Opatření, která zaostávají") :]
    assert "| ROD 1.3 Raná péče | Diakonie ČCE – středisko Vsetín | indikátor ROD 1.3a pod " in (
        behind
    )
    assert "bez pokroku" not in behind
    assert "| DUS 2.1 Destigmatizační kampaň | Pomoravský kraj | stav odloženo |" in behind


def _export(root: Path, run_cli: Run) -> Path:
    code, out, _ = run_cli("monitor", "export", "2027", str(root))
    assert code == 0, out
    return root / "output" / "sesity-2027"


def _row(sheet: openpyxl.worksheet.worksheet.Worksheet, code: str, source: str = "") -> int:
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == code and (not source or row[3].value == source):
            return row[0].row
    raise AssertionError(f"{code} {source} not on {sheet.title}")


def _sign(book: openpyxl.Workbook, who: str, when: str) -> None:
    for row in book["Pokyny"].iter_rows():
        if row[0].value == "Vyplnil(a):":
            row[1].value = who
        elif row[0].value == "Datum vyplnění:":
            row[1].value = when


def _charita(book: openpyxl.Workbook) -> None:
    """As typed in Excel into text cells: "50 %", "2 600 000", a date as text."""
    measures, indicators, costs = book["Opatření"], book["Indikátory"], book["Náklady"]
    measures.cell(_row(measures, "SEN 1.1"), 3, "Probíhá")
    measures.cell(_row(measures, "SEN 1.1"), 4, "50 %")
    indicators.cell(_row(indicators, "SEN 1.1a"), 8, "465")
    costs.cell(_row(costs, "SEN 1.1", "kraj"), 6, "2 600 000")
    costs.cell(_row(costs, "SEN 1.1", "mpsv"), 6, 5400000)
    costs.cell(_row(costs, "SEN 1.1", "uhrady"), 6, 980000)
    _sign(book, "Jana Malá, Oblastní charita Zábřeh", "31. 1. 2028")


def _kraj_office(book: openpyxl.Workbook) -> None:
    """The region reports measures of all three areas, on another day, with a blank row."""
    measures, indicators, costs = book["Opatření"], book["Indikátory"], book["Náklady"]
    for code, status in (("SEN 1.2", "V přípravě"), ("SEN 2.1", "Probíhá")):
        measures.cell(_row(measures, code), 3, status)
    measures.cell(_row(measures, "DUS 2.1"), 3, "Splněno")
    measures.cell(_row(measures, "ROD 2.1"), 3, "Odloženo")
    measures.cell(_row(measures, "ROD 2.1"), 7, "Koordinátorka odešla na mateřskou dovolenou.")
    for code, value in (("SEN 1.2a", 12), ("SEN 2.1a", 290), ("DUS 2.1a", 420000)):
        indicators.cell(_row(indicators, code), 8, value)
    indicators.cell(_row(indicators, "ROD 2.1a"), 8, "40")
    for code, source, amount in (
        ("SEN 1.2", "kraj", 200000),
        ("SEN 1.2", "esf", 0),
        ("SEN 2.1", "kraj", 16500000),
        ("SEN 2.1", "mpsv", 4000000),
        ("DUS 2.1", "kraj", 300000),
        ("DUS 2.1", "nadace", 120000),
        ("ROD 2.1", "kraj", 20000),
    ):
        costs.cell(_row(costs, code, source), 6, amount)
    costs.insert_rows(5)
    _sign(book, "Ing. Marta Šebestová", "10.2.2028")


def _fill(folder: Path, name: str, target: Path, edit: Callable[[openpyxl.Workbook], None]) -> Path:
    book = openpyxl.load_workbook(folder / name)
    edit(book)
    book.save(target / name)
    return target / name


def test_workbooks_of_several_garants_keep_who_reported_each_measure(
    kraj: Path, tmp_path: Path, run_cli: Run
) -> None:
    folder = _export(kraj, run_cli)
    returned = tmp_path / "vracene"
    returned.mkdir()
    charita = _fill(folder, "charita-2027.xlsx", returned, _charita)
    office = _fill(folder, "kra-2027.xlsx", returned, _kraj_office)
    code, out, _ = run_cli("monitor", "import", str(charita), str(office), str(kraj))
    assert code == 0, out
    seniors = (kraj / "monitoring/2027/10-seniori.yaml").read_text(encoding="utf-8")
    # The file was created from the Charita's workbook; the region's measures were printed
    # as reported by the Charita's Jana Malá on 31. 1. 2028.
    assert "vykazal: Jana Malá, Oblastní charita Zábřeh\ndatum: 2028-01-31\n" in seniors
    assert seniors.count("    vykazal: Ing. Marta Šebestová\n    datum: 10. 2. 2028\n") == 2
    # In the plan's order, not in the order the workbooks were read.
    codes = re.findall(r"- kod: '(\S+)'", seniors)
    assert codes == ["1.1", "1.2", "2.1"]
    text = _report(kraj, 2027)
    assert "Vykázal(a): Jana Malá, Oblastní charita Zábřeh, 31. 1. 2028." in text
    assert "*Probíhá, pokrok 60 %. Vykázal(a): Ing. Marta Šebestová, 10. 2. 2028.*" in text
    # SEN goal 1: (50 + 20) / 2 = 35; goal 2: probiha 60 → (35 + 60) / 2 = 47,5.
    assert "Pokrok oblasti v roce 2027: 47,5 % (cíl 1: 35,0 %; cíl 2: 60,0 %)." in text
    # SEN 1.1a: milestone 480 in 2027, 465 is (465 − 420) / (600 − 420) = 25 %.
    assert "| 480 | 465 | 25 % | zaostává |" in text


def test_the_instructions_name_the_plans_own_statuses_needing_a_reason(
    kraj: Path, tmp_path: Path, run_cli: Run
) -> None:
    book = openpyxl.load_workbook(_export(kraj, run_cli) / "kra-2027.xlsx")
    lines = [row[0].value or "" for row in book["Pokyny"].iter_rows()]
    assert any(line.endswith("U stavu Odloženo nebo Zrušeno napište důvod.") for line in lines)
    assert not any("Pozastaveno" in line for line in lines)
    assert book["Opatření"]["G1"].value == "Důvod (povinný u některých stavů, viz Pokyny)"


def test_a_workbook_exported_with_the_former_reason_header_is_read(
    kraj: Path, tmp_path: Path, run_cli: Run
) -> None:
    def old_header(book: openpyxl.Workbook) -> None:
        _kraj_office(book)
        book["Opatření"]["G1"] = "Důvod (jen u pozastaveno, zrušeno)"

    returned = tmp_path / "vracene"
    returned.mkdir()
    office = _fill(_export(kraj, run_cli), "kra-2027.xlsx", returned, old_header)
    code, out, _ = run_cli("monitor", "import", str(office), str(kraj))
    assert code == 0, out
    assert "Koordinátorka odešla" in (kraj / "monitoring/2027/12-rodiny-s-detmi.yaml").read_text(
        encoding="utf-8"
    )


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            _zip({"readme.txt": b"ahoj"}),
            "Soubor kra-2027.xlsx je archiv ZIP, ne sešit Excelu (jen má příponu .xlsx).",
        ),
        (
            _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
            "Soubor kra-2027.xlsx je dokument Wordu, ne sešit Excelu (jen má příponu .xlsx).",
        ),
    ],
)
def test_a_zip_or_a_document_named_xlsx_is_said_to_be_one(
    kraj: Path, tmp_path: Path, run_cli: Run, data: bytes, message: str
) -> None:
    # Was: "Sešit … je poškozený a nelze jej přečíst (KeyError)."
    path = tmp_path / "kra-2027.xlsx"
    path.write_bytes(data)
    code, out, _ = run_cli("monitor", "import", str(path), str(kraj))
    assert code == 1
    assert f"kra-2027.xlsx: chyba: {message}" in words(out) and "[sesit-soubor]" in out
    assert "Error" not in out
    assert not (kraj / "monitoring/2027").exists()


def test_a_damaged_workbook_names_no_python_exception(
    kraj: Path, tmp_path: Path, run_cli: Run
) -> None:
    source = _export(kraj, run_cli) / "kra-2027.xlsx"
    path = tmp_path / "kra-2027.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            if item.filename != "xl/workbook.xml":
                new.writestr(item, old.read(item.filename))
    code, out, _ = run_cli("monitor", "import", str(path), str(kraj))
    assert code == 1
    assert (
        "kra-2027.xlsx: chyba: Sešit kra-2027.xlsx je poškozený a nelze jej přečíst. Otevřete "
        "jej v Excelu nebo Calcu, uložte znovu jako .xlsx a pošlete znovu. [sesit-soubor]"
    ) in words(out)


def test_a_huge_report_is_not_called_a_chapter(kraj: Path, run_cli: Run) -> None:
    report = kraj / "monitoring/2026/11-dusevni-zdravi.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text + "# " + "x" * (5 * 1024 * 1024) + "\n", encoding="utf-8")
    code, out, _ = run_cli("check", str(kraj))
    assert code == 1
    assert (
        "monitoring/2026/11-dusevni-zdravi.yaml:1:1: chyba: Soubor má 5 MiB, kapitola plánu "
        "i roční hlášení mívají desítky KiB (limit je 4 MiB)."
    ) in words(out)


def test_a_windows_file_with_comments_keeps_single_line_ends(
    kraj: Path, tmp_path: Path, run_cli: Run
) -> None:
    # Notepad's CR LF and a comment: the import wrote the comment line back as CR CR LF.
    report = kraj / "monitoring/2026/12-rodiny-s-detmi.yaml"
    text = report.read_text(encoding="utf-8").replace(
        "  - kod: 1.3\n", "  # Raná péče: poradkyně chybí\n  - kod: 1.3\n"
    )
    report.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))

    def network(book: openpyxl.Workbook) -> None:
        book["Opatření"].cell(_row(book["Opatření"], "ROD 2.1"), 3, "Probíhá")
        _sign(book, "Ing. Marta Šebestová", "3. 2. 2027")

    code, out, _ = run_cli("monitor", "export", "2026", str(kraj))
    assert code == 0, out
    returned = tmp_path / "vracene"
    returned.mkdir()
    office = _fill(kraj / "output/sesity-2026", "kra-2026.xlsx", returned, network)
    code, out, _ = run_cli("monitor", "import", str(office), str(kraj))
    assert code == 0, out
    written = report.read_bytes().decode("utf-8")
    assert "\r\r" not in written and "\n" not in written.replace("\r\n", "")
    assert "  # Raná péče: poradkyně chybí\r\n  - kod: 1.3\r\n" in written
    assert written.endswith(
        "  - kod: '2.1'\r\n    vykazal: Ing. Marta Šebestová\r\n    datum: 3. 2. 2027\r\n"
        "    stav: probiha\r\n"
    )
