"""The DOCX table of contents as LibreOffice lays it out: every entry with its page.

LibreOffice 7.4 printed "Error: Reference source not found" for every heading whose
bookmark stood right after a table; the test converts whole plans (the sample and
the feature plan) and reads every entry of the contents page.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from helpers import FIXTURES, REPO

from assembler.outputs.build import build

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")


def _copy(name: str, target: Path) -> Path:
    if name == "feature":
        shutil.copytree(FIXTURES / "feature", target)
        return target
    target.mkdir()
    shutil.copy(REPO / "plan.yaml", target / "plan.yaml")
    for folder in ("chapters", "assets"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder)
    return target


def _libreoffice_text(docx: Path, folder: Path) -> str:
    command = [
        str(SOFFICE),
        f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(docx),
    ]
    subprocess.run(command, capture_output=True, check=True, timeout=300)
    pdf = folder / (docx.stem + ".pdf")
    return subprocess.run(
        [str(PDFTOTEXT), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\u00a0", " ")


@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None, reason="LibreOffice nebo pdftotext chybí")
@pytest.mark.parametrize("plan", ["sample", "feature"])
def test_libreoffice_shows_a_page_number_in_every_toc_entry(plan: str, tmp_path: Path) -> None:
    root = _copy(plan, tmp_path / plan)
    assert build(root, only=["plan.docx"]).ok
    docx = root / "output" / "plan.docx"
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r'<w:p><w:pPr><w:pStyle w:val="TOC\d" />.*?</w:p>', xml)
    entries = [
        html.unescape("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))) for p in paragraphs
    ]
    assert len(entries) > 20
    text = _libreoffice_text(docx, tmp_path)
    assert "Reference source not found" not in text and "Chyba" not in text
    start = text.index("Obsah")
    lines = [" ".join(line.split()) for line in text[start:].splitlines()[1 : len(entries) * 3]]
    toc = [line for line in lines if re.search(r"\.{5,} ?\d+$", line)]
    assert len(toc) >= len(entries), (len(toc), len(entries))
    for entry, line in zip(entries, toc, strict=False):
        assert line.startswith(" ".join(entry.replace("\u00a0", " ").split())[:20]), (entry, line)
        assert re.search(r"\.{5,} ?\d+$", line), line
