"""The monitoring report's pages as a reader sees them: the title page's status line
never starts a line with "·", every heading level looks different, and no heading is
left alone at the bottom of a page — in the PDF (Typst) and in the DOCX as LibreOffice
lays it out.

The heading sweep is a generated variant: chapter k puts k one-line paragraphs before a
heading of each level, so across the chapters a page break falls right after each one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest
from helpers import FIXTURES
from monitoring_data import write_monitoring

from assembler.outputs.build import build
from assembler.render import docx, pdf
from assembler.render.documents import Document, lead

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext chybí")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None, reason="LibreOffice nebo pdftotext chybí"
)
POSITIONS = 56
SWEEP_TITLE = "Nadpisy na konci stránky"  # also the DOCX running header
LEVELS = (2, 3, 4, 5, 6)


def _lines(pdf_file: Path) -> list[list[str]]:
    """Each page's non-empty text lines (spaces collapsed, no-break spaces kept)."""
    text = subprocess.run(
        [str(PDFTOTEXT), "-layout", str(pdf_file), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [re.sub(" +", " ", line).strip() for line in page.splitlines() if line.strip()]
        for page in text.split("\f")
    ]


def _libreoffice_pdf(docx_file: Path, folder: Path) -> Path:
    command = [str(SOFFICE), f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}"]
    command += ["--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx_file)]
    subprocess.run(command, capture_output=True, check=True, timeout=300)
    return folder / (docx_file.stem + ".pdf")


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's 2027 report, with a garant's evaluation that has headings of its own."""
    root = tmp_path_factory.mktemp("layout") / "sample"
    root.mkdir()
    repo = FIXTURES.parent.parent
    shutil.copy(repo / "plan.yaml", root / "plan.yaml")
    for folder in ("chapters", "monitoring", "assets"):
        shutil.copytree(repo / folder, root / folder)
    report = root / "monitoring/2027/10-seniori.yaml"
    text = report.read_text(encoding="utf-8")
    first = (
        "      Realizátoři v roce 2027 pokračovali podle plánu; spolupráce s městem i dalšími "
        "službami funguje.\n"
    )
    headed = (
        "\n      ## Co se podařilo\n\n      Večerní směny běží od dubna ve všech čtvrtích.\n"
        "\n      ### Večerní směny\n\n      Služba má dvě večerní směny.\n"
    )
    assert first in text
    report.write_text(text.replace(first, first + headed, 1), encoding="utf-8")
    assert build(root, only=["monitoring-2027.pdf", "monitoring-2027.docx"]).ok
    return root / "output"


def _status_line_ok(pages: list[list[str]]) -> None:
    title_page = pages[0]
    assert any("Zpracoval(a):" in line for line in title_page), title_page
    starts = [line for line in title_page if line.replace("\u00a0", " ").lstrip().startswith("·")]
    assert not starts, title_page


@needs_pdftotext
def test_title_page_never_starts_a_line_with_the_separator(sample_report: Path) -> None:
    pages = _lines(sample_report / "monitoring-2027.pdf")
    _status_line_ok(pages)
    # The sample's long title fills its line: the separator ends it, with the title.
    assert any(line.endswith("2026–2029 ·") for line in pages[0]), pages[0]


@needs_soffice
def test_title_page_of_the_docx_keeps_the_separator_too(
    sample_report: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(sample_report / "monitoring-2027.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "2026–2029\u00a0· Zpracoval(a): Mgr. Alena Horáková" in xml
    pages = _lines(_libreoffice_pdf(sample_report / "monitoring-2027.docx", tmp_path))
    _status_line_ok(pages)


def _runs(pdf_file: Path, page_numbers: list[int]) -> dict[str, tuple[str, float]]:
    """The font and size each text run is shown in, by its text."""
    found: dict[str, tuple[str, float]] = {}
    reader = pypdf.PdfReader(pdf_file)

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
        key = " ".join(text.split())
        if key:
            found.setdefault(key, (re.sub(r"^/?[A-Z]{6}\+", "", name), round(size * tm[0], 2)))

    for number in page_numbers:
        reader.pages[number].extract_text(visitor_text=visit)
    return found


def _style_of(runs: dict[str, tuple[str, float]], start: str) -> tuple[str, float]:
    """The style of the run that is ``start`` (a heading), else that begins with it."""
    if start in runs:
        return runs[start]
    return next(style for text, style in runs.items() if text.startswith(start))


def test_heading_levels_look_different_in_the_pdf(sample_report: Path) -> None:
    reader = pypdf.PdfReader(sample_report / "monitoring-2027.pdf")
    pages = [i for i, p in enumerate(reader.pages) if "Co se podařilo" in p.extract_text()]
    runs = _runs(sample_report / "monitoring-2027.pdf", pages)
    styles = {
        "oddíl hodnocení (3)": _style_of(runs, "Hodnocení garantů"),
        "opatření (4)": _style_of(runs, "SEN 1.1 Rozšíření"),
        "nadpis garanta (5)": _style_of(runs, "Co se podařilo"),
        "podnadpis garanta (6)": _style_of(runs, "Večerní směny"),
        "text": _style_of(runs, "Služba má dvě"),
    }
    assert len(set(styles.values())) == len(styles), styles


def test_heading_levels_look_different_and_keep_with_next_in_the_docx(sample_report: Path) -> None:
    with zipfile.ZipFile(sample_report / "monitoring-2027.docx") as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
        document = archive.read("word/document.xml").decode("utf-8")
    looks = {}
    for level in LEVELS:
        style = re.search(rf'<w:style [^>]*w:styleId="Heading{level}"[^>]*>.*?</w:style>', styles)
        assert style, level
        assert "<w:keepNext />" in style.group(0), level
        run = re.search(r"<w:rPr>.*?</w:rPr>", style.group(0))
        assert run, level
        looks[level] = run.group(0)
    assert len(set(looks.values())) == len(LEVELS), looks
    # The garant's own headings sit two and three levels under the measure's.
    assert re.search(r'<w:pStyle w:val="Heading5" />.*?Co se podařilo', document)
    assert re.search(r'<w:pStyle w:val="Heading6" />.*?Večerní směny', document)


def _sweep() -> Document:
    chapters = []
    for k in range(POSITIONS):
        lines = "\n\n".join(f"Odstavec {i}." for i in range(k))
        headings = "".join(
            f"{'#' * level} Nadpis H{level}K{k}\n\n{lead(f'*Řádek pod nadpisem H{level}K{k}.*')}"
            f"\nText pod nadpisem H{level}K{k}.\n\n"
            for level in LEVELS
        )
        chapters.append(f"# Kapitola {k}\n\n{lines}\n\n{headings}")
    meta = {key: "" for key in ("author", "short-title", "status-line", "approval", "logo")}
    meta |= {"title": SWEEP_TITLE, "esf-logo": "", "esf-project": ""}
    return Document("plan", "\n".join(chapters), meta, Path.cwd())


def _assert_no_lone_headings(pages: list[list[str]]) -> int:
    """No page ends with a heading or with the lead line under it; returns how many
    headings start a page (the sweep reached the places where one would have been
    left alone)."""
    alone = re.compile(r"^(Nadpis H\dK\d+|Řádek pod nadpisem H\dK\d+\.)$")
    moved = 0
    for number, lines in enumerate(pages, 1):
        body = [line for line in lines if not line.isdigit() and line != SWEEP_TITLE]
        if not body:
            continue
        assert not alone.match(body[-1]), f"strana {number} končí řádkem {body[-1]}"
        moved += body[0].startswith("Nadpis H")
    return moved


def test_sample_report_pages_never_end_with_a_heading_and_its_one_line(
    sample_report: Path,
) -> None:
    # Seen in the sample before: "SEN 3.2 …" and its status line "Rozpracováno, …
    # Vykázal(a): …" ended a page, the garant's evaluation started the next; an area's
    # heading and its "Pokrok oblasti …" ended a page, its table started the next.
    measure = re.compile(r"^[A-Z]{3} \d+\.\d+ \S")
    for number, lines in enumerate(_lines(sample_report / "monitoring-2027.pdf"), 1):
        body = [line for line in lines if not line.isdigit()]
        if not body:
            continue
        assert not body[-1].startswith("Pokrok oblasti v roce"), number
        status = [i for i, line in enumerate(body) if "Vykázal(a):" in line]
        if status and status[-1] >= len(body) - 2 and status[-1] > 0:
            assert not measure.match(body[status[-1] - 1]), (number, body[-3:])


@needs_pdftotext
def test_pdf_never_leaves_a_heading_at_the_bottom_of_a_page(tmp_path: Path) -> None:
    pdf_file = tmp_path / "nadpisy.pdf"
    pdf_file.write_bytes(pdf.render(_sweep()))
    assert _assert_no_lone_headings(_lines(pdf_file)) >= 3


@needs_soffice
def test_libreoffice_never_leaves_a_heading_at_the_bottom_of_a_page(tmp_path: Path) -> None:
    docx_file = tmp_path / "nadpisy.docx"
    docx_file.write_bytes(docx.render(_sweep()))
    assert _assert_no_lone_headings(_lines(_libreoffice_pdf(docx_file, tmp_path))) >= 3


def test_fixture_report_title_keeps_the_separator(tmp_path: Path) -> None:
    # A second plan with a shorter title: the status line's parts are joined the same way.
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    write_monitoring(root)
    assert build(root, only=["monitoring-2026.docx"]).ok
    with zipfile.ZipFile(root / "output/monitoring-2026.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert re.search(r"\u00a0· Zpracoval\(a\): [^<]+\u00a0· \d", xml), xml[:2000]
    assert " · " not in xml
