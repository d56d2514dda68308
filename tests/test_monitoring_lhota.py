"""A new user's plan (tests/fixtures/lhota), written from the README alone: two area chapters
(RDM, ZAV) with indicators in days, %, calls, hours and contacts, and two monitored years.

Each test is a mistake a garant or coordinator made on it, checked as they see it: the
message, its place and the exit code."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES, edit, position, words

import assembler

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def lhota(tmp_path: Path) -> Path:
    target = tmp_path / "lhota"
    shutil.copytree(FIXTURES / "lhota", target)
    return target


def test_the_plan_as_written_from_the_readme_is_clean(lhota: Path, run_cli: Run) -> None:
    code, out, err = run_cli("check", str(lhota))
    assert (code, out.strip(), err) == (0, "Plán je v pořádku.", "")


def test_a_report_saved_in_the_monitoring_folder_itself_is_an_error(
    lhota: Path, run_cli: Run
) -> None:
    # It was silently ignored: "Plán je v pořádku." while the garant's file was never read.
    shutil.copy(lhota / "monitoring/2028/20-rodiny.yaml", lhota / "monitoring/20-rodiny.yaml")
    code, out, _ = run_cli("check", str(lhota))
    assert code == 1
    assert (
        "monitoring/20-rodiny.yaml: chyba: Soubor monitoring/20-rodiny.yaml leží přímo ve "
        "složce monitoring/, a tak se nenačte: hlášení patří do složky roku, za který se "
        "vykazuje. Přesuňte jej tam (např. monitoring/2027/20-rodiny.yaml). [monitoring-rok]"
    ) in words(out)


def test_a_folder_that_is_not_a_year_names_a_year_of_this_plan(lhota: Path, run_cli: Run) -> None:
    # The example was monitoring/2026/, a year before this plan's period 2027–2029.
    (lhota / "monitoring/letos").mkdir()
    shutil.copy(lhota / "monitoring/2028/20-rodiny.yaml", lhota / "monitoring/letos/")
    code, out, _ = run_cli("check", str(lhota))
    assert code == 1
    assert (
        "monitoring/letos/: chyba: Složka monitoring/letos/ není rok. Hlášení za rok patří do "
        "složky pojmenované rokem, např. monitoring/2027/; složku přejmenujte. [monitoring-rok]"
    ) in words(out)


def test_a_year_outside_the_period_is_one_error_without_timeline_warnings(
    lhota: Path, run_cli: Run
) -> None:
    # A warning per measure ("běží v letech 2027–2029, v roce 2031 ne; hlášení se přesto
    # započítá") buried the one mistake, and no report of 2031 is ever made to count it in.
    (lhota / "monitoring/2031").mkdir()
    text = (lhota / "monitoring/2028/20-rodiny.yaml").read_text(encoding="utf-8")
    (lhota / "monitoring/2031/20-rodiny.yaml").write_text(
        text.replace("rok: 2028", "rok: 2031"), encoding="utf-8"
    )
    code, out, _ = run_cli("check", str(lhota))
    assert code == 1
    assert out.strip().splitlines()[-1] == "Nalezeno: 1 chyba v 1 souboru."
    assert (
        "monitoring/2031/20-rodiny.yaml:2:6: chyba: Složka monitoring/2031/ je za rok 2031, ten "
        "leží mimo období plánu 2027–2029. Přesuňte hlášení do složky roku, za který se "
        "vykazuje (monitoring/2027/ až monitoring/2029/). [monitoring-rok]"
    ) in words(out)
    assert "monitoring-mimo-harmonogram" not in out


def test_every_mistake_of_a_file_in_one_run(lhota: Path, run_cli: Run) -> None:
    name = "monitoring/2028/20-rodiny.yaml"
    edit(lhota, name, "  - kod: 1.2\n    stav: nezahajeno", "  - kod: 1.3\n    stav: Nezahájeno")
    edit(lhota, name, "        hodnota: 62", "        hodnota: 162")
    # A second report of 2.1 whose indicator code is mistyped as well: the duplicate's
    # indicators went unchecked, so the typo surfaced only after merging the two.
    edit(
        lhota,
        name,
        "  - kod: 2.1\n",
        "  - kod: 2.1\n    stav: hotovo\n    indikatory:\n      - {kod: 2.1b, hodnota: 5}\n"
        "  - kod: 2.1\n",
    )
    code, out, _ = run_cli("check", str(lhota))
    assert code == 1
    text = words(out)
    expected = [
        (
            "162",
            0,
            "chyba: Hodnota 162 u indikátoru RDM 1.1b nedává smysl: jednotka je %, procento "
            "musí být 0 až 100. Opravte hodnotu. [monitoring-hodnota]",
        ),
        (
            "1.3",
            0,
            "chyba: Opatření RDM 1.3 v plánu není. Měli jste na mysli „1.2“? V roce 2028 běží "
            "opatření oblasti RDM: 1.1, 1.2, 2.1. [monitoring-kod]",
        ),
        (
            "Nezahájeno",
            0,
            "chyba: Stav „Nezahájeno“ není ve slovníku stavů. Klíč stavu se píše malými "
            "písmeny bez diakritiky, jak jej uvádí plan.yaml: nezahajeno.",
        ),
        ("hotovo", 0, "chyba: Stav „hotovo“ není ve slovníku stavů."),
        (
            "2.1b",
            0,
            "chyba: Opatření RDM 2.1 nemá indikátor RDM 2.1b. Měli jste na mysli „2.1a“? "
            "Jeho indikátory: 2.1a. [monitoring-kod]",
        ),
    ]
    for needle, shift, message in expected:
        line, col = position(lhota, name, needle, shift)
        assert f"{name}:{line}:{col}: {message}" in text, (needle, out)
    line, col = position(lhota, name, "- kod: 2.1\n", shift=len("- kod: "), nth=2)
    first = position(lhota, name, "- kod: 2.1")[0]
    assert (
        f"{name}:{line}:{col}: chyba: Opatření RDM 2.1 je za rok 2028 vykázáno podruhé (poprvé "
        f"na řádku {first}). Obě hlášení slučte do jednoho. [monitoring-duplicita]"
    ) in text


def test_only_names_the_output_as_typed_and_suggests_a_close_one(lhota: Path, run_cli: Run) -> None:
    code, _, err = run_cli("build", str(lhota), "--only", "monitoring-2027.xlsx")
    assert code == 2
    assert words(err).startswith("chyba: --only: neznámý výstup monitoring-2027.xlsx. Možnosti:")
    code, _, err = run_cli("build", str(lhota), "--only", "monitoringg")
    assert code == 2
    assert words(err).startswith(
        "chyba: --only: neznámý výstup monitoringg. Měli jste na mysli „monitoring“? Možnosti:"
    )
    assert not (lhota / "output").exists()


def test_report_of_the_second_year_has_the_figures_a_garant_can_recount(
    lhota: Path, run_cli: Run
) -> None:
    code, out, _ = run_cli("build", str(lhota), "--only", "monitoring-2028.html")
    assert code == 0, out
    html = (lhota / "output/monitoring-2028.html").read_text(encoding="utf-8")
    text = words(_visible(html))
    # RDM: goal 1 (70 % and 0 %) 35 %, goal 2 100 % → 67.5 %; ZAV (66 %, 50 %) 58 %;
    # the plan 62.75 %. Costs: 840 000 planned, 772 000.50 spent (92 %).
    for figure in (
        "Pokrok plánu: 62,8 %.",
        "Pokrok oblasti v roce 2028: 67,5 % (cíl 1: 35,0 %; cíl 2: 100,0 %).",
        "Pokrok oblasti v roce 2028: 58,0 % (cíl 1: 58,0 %).",
        "Náklady: plánováno 840 000 Kč, skutečně vynaloženo 772 000,50 Kč (92 %).",
    ):
        assert figure in text, figure
    # Waiting days 21 → 7 by 2029 (lower is better), 9 in 2028: attained
    # (9 − 21) / (7 − 21) = 86 %, expected 21 − 14 · 2/3 = 11.7, so on track.
    rows = [
        [words(_visible(cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)
    ]
    waiting = next(r for r in rows if r and r[0].startswith("RDM 1.1a"))
    assert waiting == [
        "RDM 1.1a Průměrná čekací doba na první konzultaci",
        "dny",
        "21 (2026)",
        "7 (2029)",
        "11,7",
        "9",
        "86 %",
        "na dobré cestě",
    ]


def _visible(html: str) -> str:
    """The text a reader sees: tags, styles and images out, entities and no-break spaces
    as plain characters (pandoc ends each block with a line break)."""
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", "", html)).replace("\u00a0", " ").replace("\u202f", " ")


SOFFICE = shutil.which("soffice")
PDFTOPPM = shutil.which("pdftoppm")
ACCENT = (0x1F, 0x4E, 0x79)  # the rules of the DOCX tables (tools/docx_styles.ACCENT)


@pytest.mark.skipif(SOFFICE is None or PDFTOPPM is None, reason="LibreOffice nebo poppler chybí")
def test_a_chart_under_a_table_leaves_the_tables_bottom_rule_whole_in_libreoffice(
    lhota: Path, run_cli: Run, tmp_path: Path
) -> None:
    # Each indicator chart sat on the rule under its table: LibreOffice drew the chart's
    # white over the rule's lower half but for a stub at the left edge, a stray dash
    # under every indicator and cost table.
    from PIL import Image

    code, out, _ = run_cli("build", str(lhota), "--only", "monitoring-2028.docx")
    assert code == 0, out
    profile = f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}"
    command = [str(SOFFICE), profile, "--headless", "--convert-to", "pdf", "--outdir"]
    docx_file = lhota / "output/monitoring-2028.docx"
    subprocess.run([*command, str(tmp_path), str(docx_file)], capture_output=True, timeout=300)
    pdf_file = tmp_path / "monitoring-2028.pdf"
    subprocess.run([str(PDFTOPPM), "-r", "100", "-png", str(pdf_file), str(tmp_path / "p")])
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 5
    rules = 0
    for page in pages:
        runs = _accent_runs(Image.open(page).convert("RGB"))
        full = [(x, length) for row in runs for x, length in row if length > 400]
        rules += len(full)
        lefts = {x for x, _ in full}
        # The stub was 18 px; the narrowest table of the report is 300 px wide.
        stubs = [
            (page.name, y, x, length)
            for y, row in enumerate(runs)
            for x, length in row
            if x in lefts and 3 < length < 100
        ]
        assert not stubs, stubs
    assert rules > 20  # the tables' rules were found at all


def _accent_runs(image: Any) -> list[list[tuple[int, int]]]:
    """Per pixel row, the (start, length) of each horizontal run in the accent colour."""
    width, height = image.size
    pixels = image.load()
    rows = []
    for y in range(height):
        row, x = [], 0
        while x < width:
            if all(abs(c - a) < 40 for c, a in zip(pixels[x, y], ACCENT, strict=True)):
                start = x
                while x < width and all(
                    abs(c - a) < 40 for c, a in zip(pixels[x, y], ACCENT, strict=True)
                ):
                    x += 1
                row.append((start, x - start))
            x += 1
        rows.append(row)
    return rows


_DOCX_AND_HTML = "monitoring-2028.docx,monitoring-2028.html"


def _docx_charts(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as docx:
        return [docx.read(n) for n in sorted(docx.namelist()) if n.startswith("word/media/")]


def _html_charts(path: Path) -> list[bytes]:
    page = path.read_text(encoding="utf-8")
    found = re.findall(r'<img\s+src="data:image/svg\+xml;base64,([^"]+)"', page)
    return [base64.b64decode(svg) for svg in found]


def _set_in(svgs: list[bytes], family: bytes) -> list[bytes]:
    """The charts' PNGs as Typst sets them with ``family`` as their only font, from the
    folders a chart may use: matplotlib's and the shipped one."""
    from assembler.render.charts import FONT_FOLDERS
    from assembler.render.images import CHART_PPI, CHART_WIDTH_CM
    from assembler.render.typst_engine import svgs_to_png

    shipped = str(Path(assembler.__file__).parent / "resources" / "fonts")
    named = [re.sub(rb"font-family:[^;\"]*", b"font-family: '" + family + b"'", s) for s in svgs]
    return svgs_to_png(named, CHART_WIDTH_CM, CHART_PPI, (*FONT_FOLDERS, shipped))


def test_docx_charts_are_set_in_the_font_of_the_docx_body(lhota: Path, run_cli: Run) -> None:
    # The PNGs were in DejaVu Sans beside Calibri text (Carlito in LibreOffice): a wider,
    # rounder face than every table and caption around them.
    code, out, _ = run_cli(
        "build", str(lhota), "--only", "monitoring-2028.docx,monitoring-2028.html"
    )
    assert code == 0, out
    with zipfile.ZipFile(lhota / "output/monitoring-2028.docx") as docx:
        styles = docx.read("word/styles.xml").decode("utf-8")
    assert re.search(r'<w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri"', styles)
    svgs = _html_charts(lhota / "output/monitoring-2028.html")
    pngs = _docx_charts(lhota / "output/monitoring-2028.docx")
    assert len(svgs) == len(pngs) == 4
    assert sorted(pngs) == sorted(_set_in(svgs, b"Carlito"))
    assert not set(pngs) & set(_set_in(svgs, b"DejaVu Sans"))


def test_a_template_in_another_font_keeps_the_charts_font(lhota: Path, run_cli: Run) -> None:
    # No shipped font matches Arial: the charts stay in their own DejaVu Sans, as in the
    # PDF, rather than in a third face.
    with zipfile.ZipFile(Path(assembler.__file__).parent / "resources/reference.docx") as shipped:
        parts = {n: shipped.read(n) for n in shipped.namelist()}
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(b'"Calibri"', b'"Arial"')
    (lhota / "sablony").mkdir()
    with zipfile.ZipFile(lhota / "sablony/mesto.docx", "w") as own:
        for name, data in parts.items():
            own.writestr(name, data)
    edit(lhota, "plan.yaml", "osnova:", "vystupy:\n  sablona_docx: sablony/mesto.docx\n\nosnova:")
    code, out, _ = run_cli(
        "build", str(lhota), "--only", "monitoring-2028.docx,monitoring-2028.html"
    )
    assert code == 0, out
    svgs = _html_charts(lhota / "output/monitoring-2028.html")
    pngs = _docx_charts(lhota / "output/monitoring-2028.docx")
    assert sorted(pngs) == sorted(_set_in(svgs, b"DejaVu Sans"))


def test_workbook_cycle_for_a_year_without_reports(lhota: Path, run_cli: Run) -> None:
    # The README's cycle for 2029: export, a garant fills five yellow cells, import.
    import openpyxl

    code, out, _ = run_cli("monitor", "export", "2029", str(lhota))
    assert code == 0, out
    book_file = lhota / "output/sesity-2029/poradna-2029.xlsx"
    book = openpyxl.load_workbook(book_file)
    book["Opatření"]["C2"] = "Rozpracováno"
    book["Opatření"]["D2"] = "85 %"
    book["Indikátory"]["H2"] = "6"
    book["Indikátory"]["H3"] = 120  # a share in %: over 100
    book["Náklady"]["F2"] = "130 000"
    book["Pokyny"]["B13"] = "Mgr. Karel Dvořák"
    book["Pokyny"]["B14"] = "20. 1. 2030"
    returned = lhota.parent / "vracene.xlsx"
    book.save(returned)
    code, out, _ = run_cli("monitor", "import", str(returned), str(lhota))
    text = words(out)
    assert code == 1
    assert (
        "vracene.xlsx:Indikátory!H3: chyba: Hodnota 120 u indikátoru RDM 1.1b nedává smysl: "
        "jednotka je %, procento musí být 0 až 100. Opravte hodnotu. [monitoring-hodnota]"
    ) in text
    assert "Nenačteno (nic z nich nebylo zapsáno): vracene.xlsx" in text
    # It ended with a bare "Plán je v pořádku.", as if the workbook had been taken.
    assert text.endswith("Kontrola plánu po načtení: Plán je v pořádku.")
    assert not (lhota / "monitoring/2029").exists()

    book["Indikátory"]["H3"] = "72,5"
    book.save(returned)
    code, out, _ = run_cli("monitor", "import", str(returned), str(lhota))
    assert code == 0, out
    assert "Načteno: vracene.xlsx (nových nebo změněných hodnot: 5)" in words(out)
    written = (lhota / "monitoring/2029/20-rodiny.yaml").read_text(encoding="utf-8")
    for line in ("vykazal: Mgr. Karel Dvořák", "datum: 2030-01-20", "pokrok: 85", "hodnota: 72.5"):
        assert line in written
    assert "skutecne_naklady: {obec: 130000}" in written


def test_a_reference_in_a_garants_evaluation_is_checked_like_the_plans(
    lhota: Path, run_cli: Run
) -> None:
    # [[RDM 1.3]] (no such measure) passed the check and the report printed
    # "RDM 1.3 (vyřazeno)", as if the measure had been removed from the plan.
    name = "monitoring/2028/20-rodiny.yaml"
    edit(
        lhota, name, "spolupracuje se školou.", "spolupracuje se školou, viz [[1.3]] a [[ZAV 1.1]]."
    )
    code, out, _ = run_cli("build", str(lhota), "--only", "monitoring-2028.html")
    assert code == 1
    line, col = position(lhota, name, "[[1.3]]")
    assert out.strip().splitlines()[0] == (
        f"{name}:{line}:{col}: chyba: Odkaz míří na kód RDM 1.3, který v plánu není. Měli jste "
        "na mysli „RDM 1.2“? [odkaz-neznamy]"
    )
    assert not (lhota / "output").exists()
    edit(lhota, name, "[[1.3]]", "[[1.2]]")
    code, out, _ = run_cli("build", str(lhota), "--only", "monitoring-2028.html")
    assert code == 0, out
    text = words(_visible((lhota / "output/monitoring-2028.html").read_text(encoding="utf-8")))
    assert (
        "Poradna spolupracuje se školou, viz opatření RDM 1.2 Krizový telefon pro rodiče "
        "a opatření ZAV 1.1 Terénní program v obci."
    ) in text


def test_a_wrong_year_is_not_fixed_by_moving_onto_last_years_file(
    lhota: Path, run_cli: Run
) -> None:
    # Copied from 2027 with its year left: "nebo soubor přesuňte do složky monitoring/2027/"
    # would have replaced the 2027 report's description there.
    info = (lhota / "monitoring/2027/zprava.yaml").read_text(encoding="utf-8")
    (lhota / "monitoring/2028/zprava.yaml").write_text(info, encoding="utf-8")
    edit(lhota, "monitoring/2028/20-rodiny.yaml", "rok: 2028", "rok: 2029")
    code, out, _ = run_cli("check", str(lhota))
    assert code == 1
    assert (
        "monitoring/2028/zprava.yaml:1:6: chyba: Soubor je ve složce monitoring/2028/, ale uvádí "
        "rok 2027. Opravte rok na 2028 (složka monitoring/2027/ už soubor zprava.yaml má). "
        "[monitoring-rok]"
    ) in words(out)
    # A folder without such a file is still offered.
    assert (
        "monitoring/2028/20-rodiny.yaml:2:6: chyba: Soubor je ve složce monitoring/2028/, ale "
        "uvádí rok 2029. Opravte rok na 2028, nebo soubor přesuňte do složky monitoring/2029/. "
        "[monitoring-rok]"
    ) in words(out)
