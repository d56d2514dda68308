"""plan monitor import: returned workbooks merged into monitoring/RRRR/, every mistake located."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

SOFFICE = shutil.which("soffice")
Run = Callable[..., tuple[int, str, str]]


def _export(root: Path, run_cli: Run, *extra: str) -> Path:
    code, out, _ = run_cli("monitor", "export", "2026", str(root), *extra)
    assert code == 0, out
    return root / "output" / "sesity-2026"


def _fill(path: Path, target: Path, edit: Callable[[openpyxl.Workbook], None]) -> Path:
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(target)
    return target


def _cell(book: openpyxl.Workbook, sheet: str, code: str, column: int) -> openpyxl.cell.Cell:
    for row in book[sheet].iter_rows(min_row=2):
        if row[0].value == code:
            return row[column]
    raise AssertionError(f"{code} not on {sheet}")


def _monitoring(root: Path) -> dict[str, str]:
    return {
        p.name: p.read_text(encoding="utf-8") for p in sorted((root / "monitoring").rglob("*.yaml"))
    }


def _fill_everything(book: openpyxl.Workbook) -> None:
    """What a diligent garant does: a status, an evaluation, every value and cost."""
    in_progress = book["Seznamy"]["A3"].value  # the second status of the plan's vocabulary
    for row in book["Opatření"].iter_rows(min_row=2):
        row[2].value = in_progress
        row[4].value = f"Za rok 2026 u {row[0].value}: běží podle plánu."
    for row in book["Indikátory"].iter_rows(min_row=2):
        expected = row[6].value
        row[7].value = f"{expected:,}".replace(",", " ").replace(".", ",") + " "  # text
        row[8].value = "výkaz poskytovatele"
    for row in book["Náklady"].iter_rows(min_row=2):
        row[5].value = row[4].value


def _resave_in_calc(path: Path, folder: Path) -> Path:
    folder.mkdir()
    command = [
        str(SOFFICE),
        f"-env:UserInstallation={(folder.parent / 'lo-profile').as_uri()}",
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        str(folder),
        str(path),
    ]
    subprocess.run(command, capture_output=True, check=True, timeout=300)
    return folder / path.name


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_round_trip_through_calc(sample: Path, tmp_path: Path, run_cli: Run) -> None:
    shutil.rmtree(sample / "monitoring" / "2026")
    (sample / "monitoring" / "2026").mkdir()
    folder = _export(sample, run_cli, "--po", "oblast")
    filled = _fill(folder / "seniori-2026.xlsx", tmp_path / "seniori-2026.xlsx", _fill_everything)
    returned = _resave_in_calc(filled, tmp_path / "calc")
    with zipfile.ZipFile(returned) as archive:  # really written by Calc
        assert "LibreOffice" in archive.read("docProps/app.xml").decode()

    code, out, _ = run_cli("monitor", "import", str(returned), str(sample))
    assert code == 0, out
    assert "Načteno: seniori-2026.xlsx" in out
    text = (sample / "monitoring" / "2026" / "10-seniori.yaml").read_text(encoding="utf-8")
    assert "oblast: SEN" in text and "stav: rozpracovano" in text
    assert "Za rok 2026 u SEN 1.1: běží podle plánu." in text
    assert "hodnota: 25\n" in text  # SEN 1.1a expected 25 in 2026, typed as text "25 "

    code, out, _ = run_cli("check", str(sample))
    assert code == 0, out
    assert "chyba" not in out and "[monitoring-" not in out.replace("[monitoring-chybi]", "")

    code, out, _ = run_cli("build", str(sample), "--only", "monitoring-2026.html")
    assert code == 0, out
    html = (sample / "output" / "monitoring-2026.html").read_text(encoding="utf-8")
    html = html.replace("\u00a0", " ")
    assert "Za rok 2026 u SEN 1.1: běží podle plánu." in html
    assert "Za rok 2026 u SEN 3.2: běží podle plánu." in html


def test_values_merged_keeping_comments(sample: Path, tmp_path: Path, run_cli: Run) -> None:
    folder = _export(sample, run_cli)
    path = sample / "monitoring" / "2026" / "10-seniori.yaml"
    before = path.read_text(encoding="utf-8")

    def edit(book: openpyxl.Workbook) -> None:
        _cell(book, "Indikátory", "SEN 1.2a", 9).value = "Ověřeno v registru."
        _cell(book, "Opatření", "SEN 3.1", 6).value = None  # already empty
        ws = book["Indikátory"]
        ws.insert_rows(3, 2)  # empty rows between

    returned = _fill(folder / "mesto-2026.xlsx", tmp_path / "mesto-2026.xlsx", edit)
    code, out, _ = run_cli("monitor", "import", str(returned), str(sample))
    assert code == 0, out
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# Hlášení pracovní skupiny Senioři za rok 2026.\n")
    source = "        zdroj: registr poskytovatelů sociálních služeb\n"
    added = source + "        poznamka: Ověřeno v registru.\n"
    assert after == before.replace(source, added, 1)


def test_conflict_reported_and_nothing_written(sample: Path, tmp_path: Path, run_cli: Run) -> None:
    folder = _export(sample, run_cli)
    before = _monitoring(sample)

    def edit(book: openpyxl.Workbook) -> None:
        _cell(book, "Indikátory", "SEN 1.1b", 7).value = 40  # recorded: 35
        _cell(book, "Indikátory", "PRE 1.1a", 8).value = "nový zdroj"  # fine alone

    returned = _fill(folder / "mesto-2026.xlsx", tmp_path / "mesto-2026.xlsx", edit)
    code, out, _ = run_cli("monitor", "import", str(returned), str(sample))
    assert code == 1
    assert (
        "mesto-2026.xlsx:Indikátory!H3: chyba: Opatření SEN 1.1, indikátor 1.1b, skutečná "
        "hodnota: v sešitu je „40“, v monitoring/2026/10-seniori.yaml je už zapsáno „35“."
    ) in out
    assert _ruled(out, "sesit-konflikt")
    assert _monitoring(sample) == before

    code, out, _ = run_cli("monitor", "import", str(returned), str(sample), "--prednost-sesitu")
    assert code == 0, out
    assert "hodnota: 40\n" in (sample / "monitoring/2026/10-seniori.yaml").read_text(
        encoding="utf-8"
    )


def _returned(
    sample: Path, tmp_path: Path, run_cli: Run, edit: Callable[[openpyxl.Workbook], None]
) -> Path:
    folder = _export(sample, run_cli)
    return _fill(folder / "charita-2026.xlsx", tmp_path / "charita-2026.xlsx", edit)


def _refused(sample: Path, path: Path, run_cli: Run, *extra: str) -> str:
    before = _monitoring(sample)
    code, out, _ = run_cli("monitor", "import", str(path), str(sample), *extra)
    assert code == 1, out
    assert f"Nenačteno (nic z nich nebylo zapsáno): {path.name}" in out
    assert _monitoring(sample) == before
    return out


def _rename_sheet(book: openpyxl.Workbook) -> None:
    book["Náklady"].title = "Rozpočet"


def _rename_header(book: openpyxl.Workbook) -> None:
    book["Indikátory"]["H1"].value = "Hodnota"


def _edit_code(book: openpyxl.Workbook) -> None:
    _cell(book, "Opatření", "VYL 1.2", 0).value = "VYL 1.3"


def _edit_parent(book: openpyxl.Workbook) -> None:
    _cell(book, "Indikátory", "VYL 1.2b", 1).value = "VYL 1.1"


def _not_number(book: openpyxl.Workbook) -> None:
    _cell(book, "Indikátory", "VYL 1.2c", 7).value = "asi dva"


def _bad_status(book: openpyxl.Workbook) -> None:
    _cell(book, "Opatření", "SEN 1.4", 2).value = "Hotovo"


def _negative_cost(book: openpyxl.Workbook) -> None:
    book["Náklady"]["F2"].value = -5


def _percent(book: openpyxl.Workbook) -> None:
    _cell(book, "Opatření", "VYL 1.2", 3).value = 150


def _paused(book: openpyxl.Workbook) -> None:
    _cell(book, "Opatření", "VYL 1.2", 2).value = "Pozastaveno"


def _other_plan(book: openpyxl.Workbook) -> None:
    book["Údaje"]["B4"].value = "12345678"


def _other_year(book: openpyxl.Workbook) -> None:
    book["Údaje"]["B6"].value = "2027"


def _row_without_code(book: openpyxl.Workbook) -> None:
    ws = book["Indikátory"]
    ws.cell(ws.max_row + 2, 8, 12)  # a value typed below the table


def _row_twice(book: openpyxl.Workbook) -> None:
    ws = book["Náklady"]
    ws.append([c.value for c in ws[2]])


def _no_status(book: openpyxl.Workbook) -> None:
    _cell(book, "Opatření", "SEN 1.4", 2).value = None
    _cell(book, "Indikátory", "SEN 1.4a", 7).value = 60


def _meta_broken(book: openpyxl.Workbook) -> None:
    book["Údaje"]["B2"].value = None


def _unknown_source(book: openpyxl.Workbook) -> None:
    book["Náklady"]["D2"].value = "krajj"


def _other_source(book: openpyxl.Workbook) -> None:
    book["Náklady"]["D2"].value = "kraj"  # a real source, but not this row's


def _move_column(book: openpyxl.Workbook) -> None:
    book["Opatření"].move_range("D1:D20", cols=10)  # Pokrok v % dragged to column N


def _swap_columns(book: openpyxl.Workbook) -> None:
    ws = book["Opatření"]
    for row in ws.iter_rows(min_row=1):
        row[4].value, row[5].value = row[5].value, row[4].value


def _status_typo(book: openpyxl.Workbook) -> None:
    _cell(book, "Opatření", "SEN 1.4", 2).value = "Rozpracovno"  # typed over the list


def _date_for_number(book: openpyxl.Workbook) -> None:
    # Czech Excel reads 14.5 typed with a point as 14 May and formats the cell as a date.
    cell = _cell(book, "Indikátory", "VYL 1.2c", 7)
    cell.value, cell.number_format = datetime.datetime(2026, 5, 14), "d.m.yyyy"


def _number_in_date_cell(book: openpyxl.Workbook) -> None:
    # 90000 typed into a cell Excel made a date earlier: shown (and stored) as a date.
    cell = book["Náklady"]["F2"]
    cell.value, cell.number_format = datetime.datetime(2146, 5, 29), "d.m.yyyy"


@pytest.mark.parametrize(
    ("edit", "where", "message", "rule"),
    [
        (
            _row_without_code,
            "charita-2026.xlsx:Indikátory!H7",
            "Řádek 7 má vyplněné hodnoty, ale nemá kód",
            "sesit-kod",
        ),
        # Said "(řádek 7)", the row of the location itself, not the first one.
        (
            _row_twice,
            "charita-2026.xlsx:Náklady!A7",
            "je v listu podruhé (poprvé na řádku 2)",
            "sesit-kod",
        ),
        (
            _meta_broken,
            "charita-2026.xlsx:Údaje!A1",
            "Skrytý list Údaje neříká, ke kterému plánu",
            "sesit-list",
        ),
        (
            _unknown_source,
            "charita-2026.xlsx:Náklady!D2",
            "Klíč zdroje „krajj“ není mezi zdroji financování plánu. Měli jste na mysli „kraj“?",
            "sesit-kod",
        ),
        (
            _other_source,
            "charita-2026.xlsx:Náklady!D2",
            "Klíč zdroje kraj patří zdroji",
            "sesit-kod",
        ),
        (_rename_sheet, "charita-2026.xlsx: chyba", "Sešitu chybí list Náklady", "sesit-list"),
        (
            _rename_header,
            "charita-2026.xlsx:Indikátory!H1",
            "záhlaví „Skutečnost 2026“, ale má „Hodnota“",
            "sesit-list",
        ),
        (
            _edit_code,
            "charita-2026.xlsx:Opatření!A3",
            "Kód opatření „VYL 1.3“ v tomto sešitu není.",
            "sesit-kod",
        ),
        (
            _edit_parent,
            "charita-2026.xlsx:Indikátory!B4",
            "Indikátor patří k opatření VYL 1.2, ve sloupci Opatření je však „VYL 1.1“",
            "sesit-kod",
        ),
        (_not_number, "charita-2026.xlsx:Indikátory!H5", "„asi dva“ není číslo.", "sesit-hodnota"),
        (
            _date_for_number,
            "charita-2026.xlsx:Indikátory!H5",
            "V buňce je datum 14. 5. 2026, ne číslo: Excel číslo napsané s tečkou (14.5) "
            "přečte jako datum",
            "sesit-hodnota",
        ),
        (
            _number_in_date_cell,
            "charita-2026.xlsx:Náklady!F2",
            "V buňce je datum 29. 5. 2146, ne číslo",
            "sesit-hodnota",
        ),
        (
            _move_column,
            "charita-2026.xlsx:Opatření!D1",
            "Sloupec má mít záhlaví „Pokrok v %“, ale záhlaví je prázdné.",
            "sesit-list",
        ),
        (
            _swap_columns,
            "charita-2026.xlsx:Opatření!E1",
            "Sloupec má mít záhlaví „Slovní hodnocení (co se podařilo)“, ale má „Obtíže“; "
            "„Slovní hodnocení (co se podařilo)“ je ve sloupci F.",
            "sesit-list",
        ),
        (
            _status_typo,
            "charita-2026.xlsx:Opatření!C2",
            "Stav „Rozpracovno“ není ve slovníku stavů plánu. Měli jste na mysli „Rozpracováno“?",
            "monitoring-stav",
        ),
        (
            _bad_status,
            "charita-2026.xlsx:Opatření!C2",
            "Stav „Hotovo“ není ve slovníku stavů plánu.",
            "monitoring-stav",
        ),
        (
            _negative_cost,
            "charita-2026.xlsx:Náklady!F2",
            "„-5“ není platná částka.",
            "sesit-hodnota",
        ),
        (
            _percent,
            "charita-2026.xlsx:Opatření!D3",
            "Pokrok 150 nedává smysl: musí být 0 až 100.",
            "sesit-hodnota",
        ),
        (
            _paused,
            "charita-2026.xlsx:Opatření!C3",
            "má stav „Pozastaveno“, u něhož je třeba uvést důvod",
            "monitoring-duvod",
        ),
        (_other_plan, "charita-2026.xlsx:Údaje!B4", "Sešit patří k jinému plánu", "sesit-plan"),
        (
            _other_year,
            "charita-2026.xlsx:Údaje!B6",
            "Sešit je za rok 2027, načítá se však rok 2026.",
            "sesit-plan",
        ),
    ],
)
def test_import_error_located(
    sample: Path,
    tmp_path: Path,
    run_cli: Run,
    edit: Callable[[openpyxl.Workbook], None],
    where: str,
    message: str,
    rule: str,
) -> None:
    path = _returned(sample, tmp_path, run_cli, edit)
    out = _refused(sample, path, run_cli, "--rok", "2026")
    errors = [line for line in out.splitlines() if ": chyba: " in line]
    assert len(errors) == 1, errors  # one mistake, one message
    assert message in errors[0]
    assert errors[0].startswith(where), errors[0]
    assert errors[0].endswith(f"[{rule}]")


def test_decimal_comma_text_and_reordered_rows(sample: Path, tmp_path: Path, run_cli: Run) -> None:
    def edit(book: openpyxl.Workbook) -> None:
        ws = book["Indikátory"]
        rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
        for row in ws.iter_rows(min_row=2):
            for c in row:
                c.value = None
        for i, values in enumerate(reversed(rows), start=4):  # reordered, two empty rows
            for j, value in enumerate(values, start=1):
                ws.cell(i, j, value)
        _cell(book, "Opatření", "SEN 1.4", 2).value = None  # keeps the recorded status
        for row in ws.iter_rows(min_row=2):
            if row[0].value == "VYL 1.2c":
                row[9].value = "poznámka"
        book["Náklady"]["F3"].value = None

    path = _returned(sample, tmp_path, run_cli, edit)
    code, out, _ = run_cli("monitor", "import", str(path), str(sample))
    assert code == 0, out
    assert "poznamka: poznámka" in (
        sample / "monitoring/2026/16-socialni-vylouceni.yaml"
    ).read_text(encoding="utf-8")


def _ruled(out: str, rule: str) -> bool:
    return f"[{rule}]" in out


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "charita-2026.xlsm",
            b"PK\x03\x04rest",
            "je sešit s makry (.xlsm); přijímá se jen sešit .xlsx",
        ),
        (
            "charita-2026.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "ve starém formátu Excel 97–2003 (.xls)",
        ),
        (
            "charita-2026.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
            "je chráněný heslem (zašifrovaný)",
        ),
        (
            "charita-2026.xlsx",
            b"<html>not a workbook</html>",
            "není sešit Excelu .xlsx (nebo je poškozený)",
        ),
    ],
)
def test_refused_files(
    sample: Path, tmp_path: Path, run_cli: Run, name: str, data: bytes, message: str
) -> None:
    path = _write(tmp_path / name, data)
    out = _refused(sample, path, run_cli)
    assert f"{name}: chyba: " in out and message in out and _ruled(out, "sesit-soubor")


def _zip_with(source: Path, target: Path, extra: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, old.read(item.filename))
        for name, data in extra.items():
            new.writestr(name, data)
    return target


def test_external_links_and_bombs_refused(sample: Path, tmp_path: Path, run_cli: Run) -> None:
    folder = _export(sample, run_cli)
    linked = _zip_with(
        folder / "charita-2026.xlsx",
        tmp_path / "charita-2026.xlsx",
        {"xl/externalLinks/externalLink1.xml": b"<externalLink/>"},
    )
    out = _refused(sample, linked, run_cli)
    assert "charita-2026.xlsx: chyba: Sešit charita-2026.xlsx obsahuje odkazy na jiné sešity" in out
    assert _ruled(out, "sesit-externi-odkaz")

    bomb = _zip_with(
        folder / "charita-2026.xlsx",
        tmp_path / "bomb" / "charita-2026.xlsx"
        if (tmp_path / "bomb").mkdir() is None
        else tmp_path,
        {"xl/media/zeros.bin": b"\0" * (210 * 1024 * 1024)},
    )
    out = _refused(sample, bomb, run_cli)
    assert _ruled(out, "sesit-velikost") and "nečte se" in out


def test_entity_expansion_refused(sample: Path, tmp_path: Path, run_cli: Run) -> None:
    folder = _export(sample, run_cli)
    source = folder / "charita-2026.xlsx"
    with zipfile.ZipFile(source) as old:
        sheet = old.read("xl/worksheets/sheet2.xml").decode()
    evil = sheet.replace(
        "<worksheet",
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet',
        1,
    ).replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', "")
    target = tmp_path / "charita-2026.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = (
                evil.encode()
                if item.filename == "xl/worksheets/sheet2.xml"
                else old.read(item.filename)
            )
            new.writestr(item, data)
    out = _refused(sample, target, run_cli)
    assert "charita-2026.xlsx: chyba: Sešit charita-2026.xlsx obsahuje v XML definice entit" in out


def test_status_table(sample: Path, run_cli: Run) -> None:
    (sample / "monitoring/2026/18-prevence.yaml").unlink()
    code, out, _ = run_cli("monitor", "status", "2026", str(sample))
    assert code == 0, out
    assert "Městská policie" in out and "PRE 2.1" in out
    assert "Zatím nic neodevzdali: Městská policie Lipovany" in out


def test_rows_bounded_before_reading(sample: Path, tmp_path: Path, run_cli: Run) -> None:
    folder = _export(sample, run_cli)
    source = folder / "charita-2026.xlsx"
    target = tmp_path / "charita-2026.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet3.xml":  # Indikátory
                text = data.decode()
                start = text.index('<dimension ref="') + len('<dimension ref="')
                end = text.index('"', start)
                data = (text[:start] + "A1:J1048576" + text[end:]).encode()
            new.writestr(item, data)
    out = _refused(sample, target, run_cli)
    assert "charita-2026.xlsx: chyba: List Indikátory sešitu charita-2026.xlsx má víc než" in out
    assert _ruled(out, "sesit-velikost")


def _round_trip(root: Path, tmp_path: Path, run_cli: Run, *extra: str) -> str:
    """Export per area, fill every value cell, import all; returns the import's output."""
    folder = _export(root, run_cli, "--po", "oblast")
    (tmp_path / "filled").mkdir()
    filled = [
        _fill(path, tmp_path / "filled" / path.name, _fill_everything)
        for path in sorted(folder.glob("*.xlsx"))
    ]
    assert filled
    code, out, _ = run_cli("monitor", "import", *map(str, filled), str(root), *extra)
    assert code == 0, out
    return out


def test_round_trip_on_the_feature_plan(tmp_path: Path, run_cli: Run) -> None:
    root = tmp_path / "feature"
    shutil.copytree(Path(__file__).parent / "fixtures" / "feature", root)
    out = _round_trip(root, tmp_path, run_cli, "--prednost-sesitu")
    assert "chyba" not in out
    texts = "".join(_monitoring(root).values())
    assert texts.count("běží podle plánu.") >= 2
    code, out, _ = run_cli("check", str(root))
    assert code == 0, out


def test_round_trip_on_a_generated_plan(tmp_path: Path, run_cli: Run) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from generate import generate

    root = generate(tmp_path / "generated", 3, 4)
    out = _round_trip(root, tmp_path, run_cli)
    assert "Načteno:" in out and "chyba" not in out
    files = _monitoring(root)
    assert len(files) == 3  # one new file per area chapter
    code, out, _ = run_cli("check", str(root))
    assert code == 0, out
    assert "[monitoring-chybi]" not in out


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_untouched_workbook_through_calc_changes_nothing(
    sample: Path, tmp_path: Path, run_cli: Run
) -> None:
    folder = _export(sample, run_cli)
    before = _monitoring(sample)
    returned = _resave_in_calc(folder / "mesto-2026.xlsx", tmp_path / "calc")
    code, out, _ = run_cli("monitor", "import", str(returned), str(sample))
    assert code == 0, out
    assert "Načteno: mesto-2026.xlsx (nových nebo změněných hodnot: 0)" in out
    assert _monitoring(sample) == before


def test_percent_formatted_cells_read_as_typed(sample: Path, tmp_path: Path, run_cli: Run) -> None:
    # Excel keeps "60 %" typed into a cell as 0.6 formatted as a percentage; read as 0.6
    # it silently became a progress of 0.6 % (the 0–100 validation let it through).
    shutil.rmtree(sample / "monitoring" / "2026")
    (sample / "monitoring" / "2026").mkdir()
    folder = _export(sample, run_cli, "--po", "oblast")

    def edit(book: openpyxl.Workbook) -> None:
        _fill_everything(book)
        progress = _cell(book, "Opatření", "SEN 1.1", 3)
        progress.value, progress.number_format = 0.6, "0%"
        share = _cell(book, "Indikátory", "SEN 2.1b", 7)
        share.value, share.number_format = 0.705, "0.0%"
        _cell(book, "Opatření", "SEN 1.2", 3).value = "45 %"  # typed as text with the sign
        literal = _cell(book, "Indikátory", "SEN 1.1a", 7)  # a "%" that is only text
        literal.value, literal.number_format = 25, '0" %"'

    returned = _fill(folder / "seniori-2026.xlsx", tmp_path / "seniori-2026.xlsx", edit)
    code, out, _ = run_cli("monitor", "import", str(returned), str(sample))
    assert code == 0, out
    text = (sample / "monitoring" / "2026" / "10-seniori.yaml").read_text(encoding="utf-8")
    sen_1_1 = text[text.index("kod: '1.1'") : text.index("kod: '1.2'")]
    assert "pokrok: 60\n" in sen_1_1
    assert "pokrok: 45\n" in text[text.index("kod: '1.2'") :]
    assert "kod: 2.1b\n        hodnota: 70.5\n" in text
    assert "kod: 1.1a\n        hodnota: 25\n" in text


def test_mistyped_status_does_not_hide_the_rest_of_its_row(
    sample: Path, tmp_path: Path, run_cli: Run
) -> None:
    # A progress of 150 % beside a mistyped status was reported only after the status
    # was fixed and the workbook sent back a second time.
    def edit(book: openpyxl.Workbook) -> None:
        _cell(book, "Opatření", "VYL 1.2", 2).value = "Hotovo"
        _cell(book, "Opatření", "VYL 1.2", 3).value = 150

    path = _returned(sample, tmp_path, run_cli, edit)
    out = _refused(sample, path, run_cli)
    errors = [line for line in out.splitlines() if ": chyba: " in line]
    assert len(errors) == 2, errors
    assert errors[0].startswith("charita-2026.xlsx:Opatření!C3: chyba: Stav „Hotovo“")
    assert errors[1].startswith("charita-2026.xlsx:Opatření!D3: chyba: Pokrok 150 nedává smysl")


def test_status_by_area_counts_only_planned_costs(mini: Path, run_cli: Run) -> None:
    # SEN 1.2 plans {obec: 0} for 2028: nothing to report, as the report's list of measures
    # without actual costs agrees; the status table asked for it all the same.
    folder = mini / "monitoring" / "2028"
    folder.mkdir(parents=True)
    (folder / "10-seniori.yaml").write_text(
        "oblast: SEN\nrok: 2028\nvykazal: Petr Malý\ndatum: 2029-01-20\nopatreni:\n"
        "  - kod: 1.2\n    stav: rozpracovano\n",
        encoding="utf-8",
    )
    (folder / "20-rodiny.yaml").write_text(
        "oblast: ROD\nrok: 2028\nvykazal: Eva Dvořáková\ndatum: 2029-01-25\nopatreni:\n"
        "  - kod: 1.1\n    stav: naplneno\n",
        encoding="utf-8",
    )
    code, out, _ = run_cli("monitor", "status", "2028", str(mini), "--po", "oblast")
    assert code == 0, out
    rows = {line.split("│")[1].strip(): line for line in out.splitlines() if "│" in line}
    senior = next(line for name, line in rows.items() if name.startswith("Senio"))
    assert [cell.strip() for cell in senior.split("│")[2:5]] == ["1 z 1", "0 z 1", "0 z 0"]
    assert "Za každou oblast už něco přišlo." in out
    assert "garant" not in out.splitlines()[-1]


def test_export_says_where_its_warnings_are_listed(sample: Path, run_cli: Run) -> None:
    (sample / "monitoring/2026/18-prevence.yaml").unlink()
    code, out, _ = run_cli("monitor", "export", "2026", str(sample))
    assert code == 0, out
    assert "varování" in out and "Vypíše je plan check." in out


def test_a_warning_already_in_the_area_file_does_not_refuse_the_workbook(
    mini: Path, tmp_path: Path, run_cli: Run
) -> None:
    # A report on a cancelled measure (a warning of plan check) refused every workbook of
    # its area: "chyba: … je v plánu zrušené … Načtené hodnoty by monitoring porušily".
    from monitoring_data import SEN_FILE, write_monitoring

    write_monitoring(mini)
    chapter = mini / "chapters/10-seniori.md"
    text = chapter.read_text(encoding="utf-8")
    text = text.replace(
        "      - kod: 1.2\n", "      - kod: 1.2\n        zruseno: Služba nevznikla.\n"
    )
    chapter.write_text(text, encoding="utf-8")
    report = mini / SEN_FILE
    report.write_text(
        report.read_text(encoding="utf-8") + "  - kod: 1.2\n    stav: nezahajeno\n",
        encoding="utf-8",
    )
    code, out, _ = run_cli("check", str(mini))
    assert code == 0 and "[monitoring-zrusene]" in out, out
    folder = mini / "output" / "sesity-2026"
    code, out, _ = run_cli("monitor", "export", "2026", str(mini), "--po", "oblast")
    assert code == 0, out

    def edit(book: openpyxl.Workbook) -> None:
        _cell(book, "Opatření", "SEN 1.1", 5).value = "Chybí tři pečovatelky."

    returned = _fill(folder / "seniori-2026.xlsx", tmp_path / "seniori-2026.xlsx", edit)
    code, out, _ = run_cli("monitor", "import", str(returned), str(mini), "--prednost-sesitu")
    assert code == 0, out
    assert "chyba" not in out and "Načteno: seniori-2026.xlsx" in out
    assert "varování: Opatření SEN 1.2 je v plánu zrušené" in out
    assert "obtize: Chybí tři pečovatelky." in report.read_text(encoding="utf-8")


def test_dates_typed_into_text_cells_are_kept_as_written(
    sample: Path, tmp_path: Path, run_cli: Run
) -> None:
    # Excel makes "1.3.2026" typed into the Obtíže column a date; it reached the report
    # as "2026-03-01 00:00:00".
    shutil.rmtree(sample / "monitoring" / "2026")
    (sample / "monitoring" / "2026").mkdir()
    folder = _export(sample, run_cli, "--po", "oblast")

    def edit(book: openpyxl.Workbook) -> None:
        _fill_everything(book)
        hard = _cell(book, "Opatření", "SEN 1.1", 5)
        hard.value, hard.number_format = datetime.datetime(2026, 3, 1), "d.m.yyyy"
        _cell(book, "Indikátory", "SEN 1.1a", 8).value = datetime.datetime(2027, 1, 15, 9, 30)
        _cell(book, "Opatření", "SEN 1.2", 4).value = 12.5

    returned = _fill(folder / "seniori-2026.xlsx", tmp_path / "seniori-2026.xlsx", edit)
    code, out, _ = run_cli("monitor", "import", str(returned), str(sample))
    assert code == 0, out
    text = (sample / "monitoring" / "2026" / "10-seniori.yaml").read_text(encoding="utf-8")
    assert "obtize: 1. 3. 2026\n" in text
    assert "zdroj: 15. 1. 2027 9:30\n" in text
    assert "hodnoceni: 12,5\n" in text or "hodnoceni: '12,5'\n" in text
    assert "00:00:00" not in text


def test_a_path_that_is_no_workbook_is_said_in_czech(
    sample: Path, tmp_path: Path, run_cli: Run
) -> None:
    # Was "Sešit neni.xlsx nelze otevřít (No such file or directory)."
    code, out, _ = run_cli("monitor", "import", str(tmp_path / "neni.xlsx"), str(sample))
    assert code == 1, out
    assert "neni.xlsx: chyba: Sešit neni.xlsx neexistuje. Zkontrolujte cestu" in out
    folder = tmp_path / "vracene"
    folder.mkdir()
    code, out, _ = run_cli("monitor", "import", str(folder), str(sample))
    assert code == 1, out
    assert "vracene je složka, ne sešit. Uveďte sešity v ní (např. vracene/*.xlsx)" in out
    assert "directory" not in out.lower()
