"""The built documents as a reader and an office suite see them: structure, links,
language, metadata, Czech text, typography, reproducibility, public data only."""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest
from helpers import FIXTURES, all_text, edit

from assembler.outputs.build import build
from assembler.render.resources import read as read_resource

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
ONE_LETTER_AT_LINE_END = re.compile(r"(?:^|\s)[ksvzouaiKSVZOUAI]$")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("outputs") / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    result = build(root)
    assert result.ok, [str(p) for p in result.problems]
    return root / "output"


def _docx(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode("utf-8")


def _text(xml: str) -> str:
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def test_all_outputs_are_written(built: Path) -> None:
    names = sorted(p.name for p in built.iterdir())
    assert names == ["plan.docx", "plan.pdf", "summary.docx", "summary.html", "summary.pdf"]


def test_pdf_is_tagged_with_title_language_and_outline(built: Path) -> None:
    reader = pypdf.PdfReader(built / "plan.pdf")
    root = reader.trailer["/Root"]
    assert reader.metadata is not None
    assert reader.metadata.title.startswith("Střednědobý plán rozvoje sociálních služeb")
    assert root["/Lang"] == "cs-CZ"
    assert root["/MarkInfo"]["/Marked"] == True and "/StructTreeRoot" in root  # noqa: E712
    raw = (built / "plan.pdf").read_bytes()  # Typst declares the standards it checked
    for claim in (b"<pdfaid:part>2</pdfaid:part>", b"<pdfaid:conformance>B</pdfaid:conformance>"):
        assert claim in raw
    assert b"<pdfuaid:part>1</pdfuaid:part>" in raw
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top[:5] == [
        "Vize a\u00a0kontakt",
        "1 Úvod a\u00a0postup zpracování",
        "2 Senioři",
        "3 Rodiny s\u00a0dětmi",
        "4 Realizace a\u00a0monitoring",
    ]


def test_pdf_cross_references_are_live_links(built: Path) -> None:
    reader = pypdf.PdfReader(built / "plan.pdf")
    targets = {_name(name) for name in reader.named_destinations}
    links = [
        _name(annot.get_object()["/Dest"])
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/Dest" in annot.get_object()
    ]
    assert {"rod-1-1", "sen-1-2", "sen-1-1", "sc1", "rozpocet"} <= set(links)
    assert set(links) <= targets


def _name(value: object) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext chybí (apt install poppler-utils)")
def test_pdf_text_is_czech_with_non_breaking_spaces(built: Path) -> None:
    text = subprocess.run(
        [str(PDFTOTEXT), "-layout", str(built / "plan.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    plain = text.replace("\u00a0", " ")
    assert "Pečovatelská služba o víkendu" in plain
    assert "1 350 000,50" in plain
    assert "Obec Malá Lhota" in plain
    ends = [line for line in text.splitlines() if ONE_LETTER_AT_LINE_END.search(line.rstrip())]
    assert ends == []


def test_docx_structure_language_and_filled_toc(built: Path) -> None:
    docx = built / "plan.docx"
    document = _docx(docx, "word/document.xml")
    headings = [
        _text(p)
        for p in re.findall(r'<w:p><w:pPr><w:pStyle w:val="Heading1" />.*?</w:p>', document)
    ]
    assert headings[:4] == [
        "Vize a\u00a0kontakt",
        "1 Úvod a\u00a0postup zpracování",
        "2 Senioři",
        "3 Rodiny s\u00a0dětmi",
    ]
    toc = [
        _text(p) for p in re.findall(r'<w:p><w:pPr><w:pStyle w:val="TOC1" />.*?</w:p>', document)
    ]
    assert toc == headings
    bookmarks = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', document))
    anchors = set(re.findall(r'<w:hyperlink w:anchor="([^"]+)"', document))
    assert {"rod-1-1", "sen-1-2", "rozpocet"} <= anchors <= bookmarks
    assert document.count("<w:tbl>") >= 6
    assert "<w:tblHeader" in document
    assert 'w:val="cs-CZ"' in _docx(docx, "word/styles.xml")
    assert "<w:updateFields" in _docx(docx, "word/settings.xml")
    assert "<dc:title>Střednědobý plán" in _docx(docx, "docProps/core.xml")


def test_docx_page_is_a4_with_title_header_page_numbers_and_hyphenation(built: Path) -> None:
    docx = built / "plan.docx"
    document = _docx(docx, "word/document.xml")
    section = document[document.rindex("<w:sectPr>") :]
    assert '<w:pgSz w:h="16838" w:w="11906" />' in section  # A4 in twips
    assert "<w:titlePg />" in section  # no header or page number on the title page
    header_ids = re.findall(r'<w:headerReference r:id="([^"]+)" w:type="default"', section)
    rels = _docx(docx, "word/_rels/document.xml.rels")
    header = re.search(rf'Id="{header_ids[0]}" Target="([^"]+)"', rels)
    assert header is not None
    header_xml = _docx(docx, f"word/{header.group(1)}")
    assert " TITLE " in header_xml
    title = "Střednědobý plán rozvoje sociálních služeb obce Malá Lhota 2026–2028"
    assert _text(header_xml) == title
    footers = [n for n in zipfile.ZipFile(docx).namelist() if n.startswith("word/footer")]
    assert any(" PAGE " in _docx(docx, name) for name in footers)
    styles = _docx(docx, "word/styles.xml")
    assert '<w:rFonts w:ascii="Calibri"' in styles
    assert "<w:autoHyphenation" in _docx(docx, "word/settings.xml")


def test_two_builds_give_identical_bytes(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", again)
    assert build(again).ok
    for name in ("plan.docx", "plan.pdf", "summary.pdf", "summary.docx", "summary.html"):
        assert (again / "output" / name).read_bytes() == (built / name).read_bytes(), name


PRIVATE = ["petr.maly@soukromy.example.cz", "600 111 222", "600\u00a0111\u00a0222"]


@pytest.mark.parametrize(
    "name", ["summary.pdf", "summary.docx", "summary.html", "plan.pdf", "plan.docx"]
)
def test_personal_contacts_never_appear(built: Path, name: str) -> None:
    text = all_text(built / name)
    assert text.strip()
    for secret in PRIVATE:
        assert secret not in text, f"{secret} found in {name}"


@pytest.mark.parametrize("name", ["summary.pdf", "summary.docx", "summary.html"])
def test_summary_holds_no_internal_detail(built: Path, name: str) -> None:
    text = all_text(built / name).replace("\u00a0", " ")
    assert "Pečovatelská služba o víkendu" in text  # it is the summary…
    for internal in ("Petr Malý", "Pracovní skupina Senioři", "4829157", "SEN 1.1"):
        assert internal not in text, f"{internal} found in {name}"


@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None, reason="LibreOffice nebo pdftotext chybí")
def test_libreoffice_opens_the_docx_with_toc_and_whole_tables(built: Path, tmp_path: Path) -> None:
    profile = tmp_path / "lo-profile"
    command = [
        str(SOFFICE),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
        str(built / "plan.docx"),
    ]
    subprocess.run(command, capture_output=True, check=True, timeout=240)
    text = subprocess.run(
        [str(PDFTOTEXT), "-layout", str(tmp_path / "plan.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.replace("\u00a0", " ")
    toc = text[text.index("Obsah") : text.index("Plán (SPRSS)")]
    for entry in ("1 Úvod a postup zpracování", "2 Senioři", "6 Finanční přehled"):
        assert re.search(rf"{entry} ?\.{{5,}} ?\d+\n", toc), toc  # with its page number
    budget = text[text.rindex("Finanční přehled") :]
    last_row = budget[budget.index("Rodiny s dětmi") :]
    assert "840 000" in last_row and "Celkem" in last_row  # the last rows survived


def test_pdf_table_cells_that_look_like_typst_markup_stay_text(tmp_path: Path) -> None:
    from assembler.render import pdf
    from assembler.render.documents import Document

    markdown = "# Harmonogram\n\n| Kdy | Co |\n|---|---|\n| 2. pololetí | - bez změny |\n\n"
    meta = {k: "" for k in ("author", "short-title", "status-line", "approval", "logo")}
    document = Document("plan", markdown, {**meta, "title": "Test", "esf-logo": ""}, tmp_path)
    text = "".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.render(document))).pages
    )
    assert "2. pololetí" in text.replace("\u00a0", " ")
    assert "- bez změny" in text and "•" not in text


def _row_heights(page: pypdf.PageObject) -> dict[int, float]:
    """Row number → vertical position of the text „Řádek N“ on one page."""
    found: dict[int, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        match = re.fullmatch(r"Řádek (\d+)", text.replace("\u00a0", " ").strip())
        if match:
            found[int(match.group(1))] = cm[5] + tm[5] * cm[3]

    page.extract_text(visitor_text=visit)
    return found


def test_pdf_long_table_breaks_across_pages_without_losing_rows(mini: Path) -> None:
    rows = "".join(f"| Řádek {n} | hodnota {n} |\n" for n in range(1, 151))
    table = f"\n\n| Položka | Hodnota |\n|---|---|\n{rows}\n: Dlouhá tabulka\n"
    path = mini / "chapters" / "01-uvod.md"
    path.write_text(path.read_text(encoding="utf-8") + table, encoding="utf-8")
    assert build(mini, only=["plan.pdf"]).ok
    pages = [_row_heights(p) for p in pypdf.PdfReader(mini / "output" / "plan.pdf").pages]
    pages = [p for p in pages if p]
    assert sorted(n for page in pages for n in page) == list(range(1, 151))
    assert len(pages) >= 3  # 150 rows do not fit on one page…
    for page in pages:  # …and on every page each row has a line of its own, top to bottom
        heights = [page[n] for n in sorted(page)]
        assert all(a - b > 5 for a, b in itertools.pairwise(heights)), heights


def test_plan_can_bring_its_own_docx_template(mini: Path) -> None:
    template = mini / "sablony" / "mesto.docx"
    template.parent.mkdir()
    shipped = io.BytesIO(read_resource("reference.docx"))
    with zipfile.ZipFile(shipped) as source, zipfile.ZipFile(template, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/styles.xml":
                data = data.replace(b'w:ascii="Calibri"', b'w:ascii="Georgia"')
            target.writestr(name, data)
    edit(
        mini, "plan.yaml", "zkratky:\n", "vystupy:\n  sablona_docx: sablony/mesto.docx\nzkratky:\n"
    )
    assert build(mini, only=["plan.docx"]).ok
    with zipfile.ZipFile(mini / "output" / "plan.docx") as archive:
        assert b'w:ascii="Georgia"' in archive.read("word/styles.xml")


def test_a_broken_docx_template_is_a_problem_not_a_crash(mini: Path) -> None:
    (mini / "sablona.docx").write_bytes(b"not a zip")
    edit(mini, "plan.yaml", "zkratky:\n", "vystupy:\n  sablona_docx: sablona.docx\nzkratky:\n")
    result = build(mini, only=["plan.docx"])
    assert not result.ok
    assert [p.rule for p in result.problems] == ["sablona-docx"]
    assert "není dokument Wordu" in result.problems[0].message
    assert not (mini / "output").exists()
