"""The monitoring report's charts as readers get them: a vector figure with alternative
text in the PDF, a PNG with a description in the DOCX, an SVG with alt in the HTML, the
chart's numbers as text beside it, and the same bytes on every build."""

from __future__ import annotations

import base64
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pypdf
import pytest
from helpers import FIXTURES
from monitoring_data import write_monitoring

from assembler.checks.pipeline import check
from assembler.outputs.build import build
from assembler.plan.yearly import evaluate
from assembler.render import chart_drawing, charts, resources
from assembler.render import images as chart_images
from assembler.render.docx import body_font
from assembler.render.monitoring import monitoring_document, years_with_data

NBSP = "\u00a0"
# Hand-computed from tests/monitoring_data.py (2026): see test_monitoring_report.py.
STATUS_ALT = (
    "Skládaný pruhový graf počtu opatření podle stavu v jednotlivých oblastech v roce 2026. "
    "SEN Senioři: Rozpracováno 1; ROD Rodiny s dětmi: Naplněno 1. "
    "Data grafu jsou v tabulce nad ním."
)
COST_ALT_FIGURES = (
    f"SEN plánováno 350{NBSP}000,50{NBSP}Kč, skutečnost 340{NBSP}000{NBSP}Kč; "
    f"ROD plánováno 280{NBSP}000{NBSP}Kč, skutečnost 260{NBSP}000{NBSP}Kč"
)
CAPTIONS = (
    "Stav opatření podle oblastí v roce 2026",
    "Plnění cílových hodnot indikátorů oblasti Senioři v roce 2026",
    "Plnění cílových hodnot indikátorů oblasti Rodiny s dětmi v roce 2026",
    "Plánované a skutečné náklady podle oblastí v roce 2026",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("charts") / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    write_monitoring(root, second_year=True)
    result = build(root, only=["monitoring-2026"])
    assert result.ok, [str(p) for p in result.problems]
    return root


def _struct_alts(node: Any, found: list[str]) -> list[str]:
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, pypdf.generic.DictionaryObject):
        if node.get("/S") == "/Figure" and "/Alt" in node:
            found.append(str(node["/Alt"]))
        _struct_alts(node.get("/K"), found)
    elif isinstance(node, pypdf.generic.ArrayObject):
        for kid in node:
            _struct_alts(kid, found)
    return found


def test_pdf_draws_each_chart_as_vector_figure_with_alt_text(built: Path) -> None:
    reader = pypdf.PdfReader(built / "output" / "monitoring-2026.pdf")
    alts = _struct_alts(reader.trailer["/Root"]["/StructTreeRoot"], [])
    assert STATUS_ALT in alts
    # Typst's alt strings keep plain spaces where the text had non-breaking ones.
    assert any(COST_ALT_FIGURES.replace(NBSP, " ") in a for a in alts)
    assert sum(a.startswith("Pruhový graf plnění cílových hodnot") for a in alts) == 2
    axis_labels = ("Počet opatření", "Plnění cíle", "Plnění cíle", "Náklady (Kč)")
    for caption, axis in zip(CAPTIONS, axis_labels, strict=True):
        page = next(p for p in reader.pages if caption in " ".join(p.extract_text().split()))
        # The SVG stays vector: Typst draws its bars and axes as paths and its text as
        # text in the chart's font (no raster image on the page).
        content = page.get_contents()
        assert content is not None
        ops = content.get_data().decode("latin-1")
        assert len(re.findall(r"\s(?:l|c|re)\n", ops)) >= 12, caption
        xobjects = page["/Resources"].get("/XObject", {})
        assert all(x.get_object()["/Subtype"] != "/Image" for x in xobjects.values())
        fonts = [str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()]
        assert any(f.endswith("+DejaVuSans") for f in fonts), (caption, fonts)
        assert axis in " ".join(page.extract_text().split()), caption


def test_docx_embeds_each_chart_as_png_with_description(built: Path) -> None:
    with zipfile.ZipFile(built / "output" / "monitoring-2026.docx") as docx:
        media = [n for n in docx.namelist() if n.startswith("word/media/")]
        pngs = [docx.read(n) for n in media if docx.read(n).startswith(b"\x89PNG")]
        xml = docx.read("word/document.xml").decode("utf-8")
    assert len(pngs) == 4
    descriptions = re.findall(r'<wp:docPr descr="([^"]*)"', xml)
    assert STATUS_ALT in descriptions
    assert any(COST_ALT_FIGURES in d for d in descriptions)
    text = re.sub(r"<[^>]+>", "", xml).replace(NBSP, " ")
    for caption in CAPTIONS:
        assert caption in text  # "Obrázek N: …" caption under each chart


def test_docx_charts_are_the_drawn_pngs_where_pandoc_placed_stand_ins(built: Path) -> None:
    plan = check(built).plan
    assert plan is not None
    monitored = next(y for y in years_with_data(plan) if y.year == 2026)
    drawn = monitoring_document(plan, monitored).charts
    # In the shipped template's body font (Calibri → the shipped Carlito).
    family = chart_images.chart_font(body_font(resources.read("reference.docx")))
    assert family == "Carlito"
    pngs = chart_images.chart_pngs(drawn, family)
    with zipfile.ZipFile(built / "output" / "monitoring-2026.docx") as docx:
        media = [docx.read(n) for n in docx.namelist() if n.startswith("word/media/")]
    assert sorted(media) == sorted(pngs)  # no stand-in left, none lost
    for chart, png in zip(drawn, pngs, strict=True):
        # pandoc sized the image by its stand-in: the same pixels as the PNG put there.
        assert chart_images.stand_in(chart)[16:24] == png[16:24], chart.target


def test_html_embeds_each_chart_as_svg_with_alt(built: Path) -> None:
    page = (built / "output" / "monitoring-2026.html").read_text(encoding="utf-8")
    images = re.findall(
        r'<img\s+src="data:image/svg\+xml;base64,([^"]+)"\s+class="graf"\s+alt="([^"]*)"', page
    )
    assert len(images) == 4
    svg = base64.b64decode(images[0][0])
    assert svg.startswith(b"<?xml") and b"<svg" in svg and b"<path" in svg
    assert images[0][1] == STATUS_ALT
    assert 'src="graf-' not in page  # every chart target pandoc kept got its SVG
    for caption in CAPTIONS:
        assert f"<figcaption>{caption}</figcaption>" in " ".join(page.split())


def test_each_chart_follows_the_table_with_its_numbers(built: Path) -> None:
    """The alternative text says the data is in the table above: it must be right there."""
    plan = check(built).plan
    assert plan is not None
    monitored = next(y for y in years_with_data(plan) if y.year == 2026)
    md = monitoring_document(plan, monitored).markdown
    blocks = md.split("\n\n")
    figures = [i for i, b in enumerate(blocks) if b.startswith("![") and "graf-" in b]
    assert len(figures) == 4
    for index in figures:
        assert blocks[index - 1].startswith(": "), blocks[index - 1]  # a table caption
        assert blocks[index - 2].lstrip().startswith("|")
    costs = next(blocks[i - 2] for i in figures if "graf-naklady" in blocks[i])
    assert "| SEN Senioři | 350 000,50 | 340 000 |" in costs.replace(NBSP, " ")


def test_sample_report_has_a_chart_per_area_with_indicators(sample: Path) -> None:
    """A second plan: three charts of the whole report plus one per area whose reported
    measures have indicators; the PDF and HTML builds take every one of them."""
    plan = check(sample).plan
    assert plan is not None
    for monitored in years_with_data(plan):
        result = evaluate(plan.project, plan.items, monitored)
        areas = [a for a in result.areas if any(m.indicators for m in a.measures)]
        document = monitoring_document(plan, monitored)
        targets = [c.target for c in document.charts]
        assert targets[0] == "graf-stavy.svg" and targets[-1] == "graf-naklady.svg"
        assert len(targets) == len(areas) + 2
        assert all(f"]({t})" in document.markdown for t in targets)
    result_build = build(sample, only=["monitoring.pdf", "monitoring.html"])
    assert result_build.ok, [str(p) for p in result_build.problems]
    page = next((sample / "output").glob("monitoring-*.html")).read_text(encoding="utf-8")
    assert page.count('src="data:image/svg+xml') >= 3


def test_chart_svg_is_reproducible_and_czech() -> None:
    rows = [
        ("A 1 Počet klientů", Decimal("0.625"), Decimal("0.5")),
        ("A 2 Lůžka", None, Decimal(1)),
    ]
    inches = charts.size(len(rows))
    first = chart_drawing.attainment_chart(rows, inches)
    again = chart_drawing.attainment_chart(rows, inches)
    assert first == again
    assert b"<dc:date>" not in first
    # The labels are text, in the font the PDF and PNG get (FONT_FOLDERS).
    assert "A 1 Počet klientů" in first.decode("utf-8")
    assert b"font-family: 'DejaVu Sans'" in first
    other = chart_drawing.attainment_chart([("A 1 Pocet klientu", *rows[0][1:]), rows[1]], inches)
    assert other != first
    assert chart_drawing._tick(2.5) == "2,5"
    assert chart_drawing._tick(1500000.0) == f"1{NBSP}500{NBSP}000"
