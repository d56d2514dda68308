"""No page holds a lone table row: the header and two rows move together, and the last
row never starts a page alone — in the PDF (Typst) and in the DOCX as LibreOffice
lays it out.

The generated variant has one chapter per starting position: chapter k puts k
one-line paragraphs before a 45-row table, so across the chapters a page break falls
after every row of the table, from the header to the last row. The feature plan's
120-row table is checked in its built outputs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from helpers import FIXTURES

from assembler.outputs.build import build
from assembler.render import docx, pdf
from assembler.render.documents import Document

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
needs_tools = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None, reason="LibreOffice nebo pdftotext chybí"
)
ROWS, POSITIONS = 45, 48
MONTH_ROW = re.compile(r"^\s*20(?:1[6-9]|2[0-5])\s+[^\W\d]+\s+\d", re.M)


def _variant() -> Document:
    chapters = []
    for k in range(POSITIONS):
        lines = "\n\n".join(f"Odstavec {i}." for i in range(k))
        rows = "".join(f"| T{k}R{r} | hodnota {r} |\n" for r in range(1, ROWS + 1))
        chapters.append(
            f"# Kapitola {k}\n\n{lines}\n\n| Položka | Hodnota |\n|---|---|\n{rows}\n"
            f": Popisek T{k}\n\nKonec kapitoly {k}.\n"
        )
    meta = {key: "" for key in ("author", "short-title", "status-line", "approval", "logo")}
    meta |= {"title": "Dlouhé tabulky", "esf-logo": "", "esf-project": ""}
    return Document("plan", "\n".join(chapters), meta, Path.cwd())


def _pages(pdf_file: Path) -> list[str]:
    text = subprocess.run(
        [str(PDFTOTEXT), "-layout", str(pdf_file), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.replace("\u00a0", " ").split("\f")


def _libreoffice_pdf(docx_file: Path, folder: Path) -> Path:
    command = [str(SOFFICE), f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}"]
    command += ["--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx_file)]
    subprocess.run(command, capture_output=True, check=True, timeout=300)
    return folder / (docx_file.stem + ".pdf")


def _assert_no_lone_rows(pages: list[str]) -> tuple[set[int], set[int]]:
    """Every table of the variant: on each page at least two rows in order, under the
    header; the caption on the page of the first row. Returns how many rows the first
    and the last page of a broken table held, to show where the breaks fell."""
    placed: dict[int, list[list[int]]] = defaultdict(list)
    for number, page in enumerate(pages, 1):
        found: dict[int, list[int]] = defaultdict(list)
        for table, row in re.findall(r"\bT(\d+)R(\d+)\b", page):
            found[int(table)].append(int(row))
        for table, rows in found.items():
            where = f"strana {number}, tabulka {table}: řádky {rows}"
            assert len(rows) >= 2, where
            assert rows == list(range(rows[0], rows[-1] + 1)), where
            assert page.count("Položka") >= len(found), where  # the header repeats
            assert (1 not in rows) or f"Popisek T{table}" in page, where
            placed[table].append(rows)
    assert sorted(placed) == list(range(POSITIONS))
    for table, parts in placed.items():
        assert [row for part in parts for row in part] == list(range(1, ROWS + 1)), table
    broken = [parts for parts in placed.values() if len(parts) > 1]
    return {len(parts[0]) for parts in broken}, {len(parts[-1]) for parts in broken}


def test_pdf_never_leaves_a_lone_table_row(tmp_path: Path) -> None:
    pdf_file = tmp_path / "varianta.pdf"
    pdf_file.write_bytes(pdf.render(_variant()))
    first, last = _assert_no_lone_rows(_pages(pdf_file))
    # The breaks fell right after the header's two rows and right before the last two:
    # the sweep reached the places where a lone row would have been.
    assert 2 in first and 2 in last, (first, last)


@needs_tools
def test_libreoffice_lays_out_the_docx_without_a_lone_table_row(tmp_path: Path) -> None:
    docx_file = tmp_path / "varianta.docx"
    docx_file.write_bytes(docx.render(_variant()))
    first, last = _assert_no_lone_rows(_pages(_libreoffice_pdf(docx_file, tmp_path)))
    assert 2 in first and 2 in last, (first, last)


@pytest.fixture(scope="module")
def feature_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("breaks") / "feature"
    shutil.copytree(FIXTURES / "feature", root)
    assert build(root, only=["plan.pdf", "plan.docx"]).ok
    return root / "output"


def _month_rows(pages: list[str]) -> list[int]:
    """Rows of the feature plan's 120-row table (one per month) on each page holding some."""
    counts = [len(MONTH_ROW.findall(page)) for page in pages]
    for page, count in zip(pages, counts, strict=True):
        assert not count or "Hodiny péče" in page  # the header repeats on every page
    return [count for count in counts if count]


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext chybí")
def test_feature_plan_long_table_in_the_pdf(feature_output: Path) -> None:
    counts = _month_rows(_pages(feature_output / "plan.pdf"))
    assert sum(counts) == 120 and len(counts) >= 3, counts
    assert min(counts) >= 2, counts


@needs_tools
def test_feature_plan_long_table_in_libreoffice(feature_output: Path, tmp_path: Path) -> None:
    counts = _month_rows(_pages(_libreoffice_pdf(feature_output / "plan.docx", tmp_path)))
    assert sum(counts) == 120 and len(counts) >= 3, counts
    assert min(counts) >= 2, counts


def test_docx_rows_never_split_and_keep_the_header_with_two_rows(feature_output: Path) -> None:
    with zipfile.ZipFile(feature_output / "plan.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    tables = re.findall(r"(<w:p>(?:(?!<w:p>).)*?</w:p>)\s*(<w:tbl>.*?</w:tbl>)", xml, re.S)
    assert len(tables) > 10
    long_tables = 0
    for caption, table in tables:
        rows = re.findall(r"<w:tr>.*?</w:tr>", table, re.S)
        kept = [row.count("<w:keepNext />") == row.count("<w:p>") for row in rows]
        assert all("<w:trPr><w:cantSplit />" in row for row in rows), caption
        assert "<w:tblHeader" in rows[0], caption
        if "TableCaption" in caption:
            assert '<w:pStyle w:val="TableCaption" /><w:keepNext />' in caption
        if len(rows) <= 4:  # header and up to three rows: the whole table moves together
            assert kept == [True] * (len(rows) - 1) + [False], caption
            continue
        long_tables += 1
        # header with the first two rows, the last two rows together, the rest free
        assert kept == [True, True] + [False] * (len(rows) - 4) + [True, False], caption
    assert long_tables >= 3
