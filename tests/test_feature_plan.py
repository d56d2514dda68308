"""The feature plan (tests/fixtures/feature) uses every key of docs/klice.md and every
Markdown construct the README allows; it checks clean and every output prints what
its authors wrote, in the right place."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest
from helpers import FIXTURES, LINE_SPLIT, REPO

from assembler.checks.pipeline import check
from assembler.outputs.build import build
from assembler.render import pdf
from assembler.render.documents import plan_document

PDFTOTEXT = shutil.which("pdftotext")
NOTES = {
    "Poznámka úvodu: zákon č. 108/2006 Sb. ve znění pozdějších předpisů.",
    "Poznámka analýzy: jízdní řád platný od prosince 2025.",
    "Poznámka seniorů: podle dat ČSÚ k 1. 1. 2025.",
    "Poznámka rodin: šetření mezi rodiči v roce 2025.",
}


@pytest.fixture(scope="module")
def feature(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("feature") / "feature"
    shutil.copytree(FIXTURES / "feature", root)
    return root


@pytest.fixture(scope="module")
def built(feature: Path) -> Path:
    result = build(feature)
    assert result.ok, [str(p) for p in result.problems]
    return feature / "output"


def pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return " ".join(text.replace("\u00a0", " ").replace("\u2060", "").split())


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
        notes = archive.read("word/footnotes.xml").decode("utf-8")
    runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml + notes)
    return " ".join("".join(runs).replace("\u00a0", " ").split())


def test_feature_plan_checks_clean_even_strictly(feature: Path) -> None:
    result = check(feature)
    assert not result.problems, [str(p) for p in result.problems]


def test_every_output_is_built(built: Path) -> None:
    names = {"plan.docx", "plan.pdf", "summary.pdf", "summary.docx", "summary.html"}
    names |= {f"monitoring-2026.{ext}" for ext in ("pdf", "docx", "html")}
    names |= {f"podil-{key}.{ext}" for key in ("bradlo", "lhota") for ext in ("pdf", "docx")}
    assert names <= {p.name for p in built.iterdir()}


@pytest.mark.parametrize("name", ["plan.pdf", "plan.docx"])
def test_each_chapter_keeps_its_own_footnote(built: Path, name: str) -> None:
    text = pdf_text(built / name) if name.endswith(".pdf") else docx_text(built / name)
    for note in NOTES:
        assert text.count(note) == 1, note


def test_every_pdf_image_has_its_description_as_alt_text(feature: Path) -> None:
    source = pdf.typst_source(plan_document(check(feature).plan))
    images = re.findall(r'image\("([^"]+)"(, alt: "[^"]*")?', source.split("#outline")[1])
    assert len(images) == 5
    assert all(alt for _, alt in images), images
    assert ', alt: "Síť služeb: město uprostřed a čtyři spádové vesnice"' in source


def test_only_an_image_title_becomes_a_caption(built: Path) -> None:
    for text in (pdf_text(built / "plan.pdf"), docx_text(built / "plan.docx")):
        assert "Mapa dostupnosti pečovatelské služby v roce 2025" in text
        # descriptions are alternative text, not captions printed under the image
        assert "Síť služeb: město uprostřed" not in text
        assert "Mapa města a osmi místních částí" not in text
    with zipfile.ZipFile(built / "plan.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8").replace("\u00a0", " ")
    assert 'descr="Síť služeb: město uprostřed a čtyři spádové vesnice"' in xml
    assert 'descr="Mapa města a osmi místních částí"' in xml


@pytest.mark.parametrize("name", ["plan.pdf", "plan.docx"])
def test_priorities_activities_and_external_codes_are_printed(built: Path, name: str) -> None:
    text = pdf_text(built / name) if name.endswith(".pdf") else docx_text(built / name)
    for expected in (
        "Priorita SEN P1 Péče doma i ve vesnicích",
        "Služby, díky kterým mohou senioři zůstat doma i v nejmenší vesnici.",
        "Priorita SEN P2 Podpora pečujících",
        "Nákup dvou služebních vozů (Město Horní Bradlo, odbor sociálních věcí), 2026–2027: "
        "Vozy koupí město a zapůjčí je Charitě.",
        "Milník 2026: první setkání klubu",
        "(kód 6 70 01)",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("name", ["plan.pdf", "plan.docx"])
def test_cancelled_items_are_marked_once_with_their_reason(built: Path, name: str) -> None:
    text = pdf_text(built / name) if name.endswith(".pdf") else docx_text(built / name)
    assert "Opatření SEN 1.3 Senior taxi (zrušeno)" in text
    assert "Zrušeno: Službu od roku 2026 zajišťuje kraj v projektu Senior doprava." in text
    assert "Cíl SEN 3 Domov se zvláštním režimem v Horním Bradle (zrušeno)" in text
    assert "Opatření SEN 3.1 Studie proveditelnosti domova (zrušeno)" in text
    assert "Zrušeno se zrušeným cílem SEN 3" in text
    assert "bylo zrušeno" not in text


def test_a_one_year_measure_prints_its_year_once(built: Path) -> None:
    text = pdf_text(built / "plan.pdf")
    assert "Harmonogram: 2026 " in text
    assert "2026–2026" not in text and "2027–2027" not in text


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext chybí")
def test_no_abbreviation_legal_form_or_one_letter_word_ends_a_pdf_line(built: Path) -> None:
    for name in ("plan.pdf", "summary.pdf"):
        text = subprocess.run(
            [str(PDFTOTEXT), str(built / name), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Soused" in text
        bad = [text[max(0, m.start() - 30) : m.end() + 10] for m in LINE_SPLIT.finditer(text)]
        assert not bad, bad


@pytest.mark.parametrize("name", ["plan.pdf", "plan.docx"])
def test_author_dates_and_amounts_are_normalised(built: Path, name: str) -> None:
    text = pdf_text(built / name) if name.endswith(".pdf") else docx_text(built / name)
    assert "zahájil činnost 12. 3. 2026 s ročním rozpočtem 1 250 000 Kč" in text
    assert "12.3.2026" not in text and "1250000" not in text


def test_cancelled_measures_are_marked_in_every_list_and_index(feature: Path) -> None:
    plan = check(feature).plan
    assert plan is not None
    markdown = plan_document(plan).markdown.replace("\u00a0", " ")
    sections = re.split(r"(?m)^# \d+ ", markdown)
    titled = {s.split("{#")[0].strip(): s for s in sections[1:]}
    overview = titled["Senioři a pečující"].split("## Přehled opatření oblasti")[1]
    listed = {
        "Senioři a pečující": overview,
        "Přehled cílů a opatření": titled["Přehled cílů a opatření"],
        "Přehled indikátorů": titled["Přehled indikátorů"],
        "Odpovědnost organizací": titled["Odpovědnost organizací"],
        "Cílové skupiny a opatření": titled["Cílové skupiny a opatření"],
        "Registrované služby v opatřeních": titled["Registrované služby v opatřeních"],
    }
    for where, text in listed.items():
        for code in (
            ("SEN 1.3", "SEN 3.1")
            if "Registr" not in where and "Cílové" not in where
            else ("SEN 1.3",)
        ):
            lines = [ln for ln in text.splitlines() if re.search(rf"\[{code}[a-z]? ", ln)]
            assert lines, (where, code)
            assert all("(zrušeno" in line for line in lines), (where, lines)
    assert "(zrušeno: se zrušeným cílem SEN 3)" in overview
    assert "| – |" in overview  # no amount for a cancelled measure


@pytest.mark.parametrize("name", ["plan.pdf", "plan.docx"])
def test_the_full_plan_prints_the_vision_and_the_coordinators_contact(
    built: Path, name: str
) -> None:
    text = pdf_text(built / name) if name.endswith(".pdf") else docx_text(built / name)
    assert "Vize: Horní Bradlo a všech osm místních částí je místem" in text
    assert "Koordinátor plánování: Mgr. Radka Bradlová, koordinátorka plánování" in text
    assert "planovani@hornibradlo.example.cz" in text and "+420 469 600 111" in text


def test_table_columns_are_as_wide_as_their_content_needs(built: Path) -> None:
    text = subprocess.run(
        [str(PDFTOTEXT or "pdftotext"), "-layout", str(built / "plan.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    villages = text[text.index("Tabulka 1:") : text.index("Chlum", text.index("Tabulka 1:"))]
    assert "Horní Bradlo" in villages.replace("\u00a0", " ")  # not "Horní Bra-dlo"


def test_author_widths_are_kept_and_equal_dashes_follow_the_content() -> None:
    from assembler.render.columns import content_widths

    chosen = "| A | B |\n|:------------|---:|\n| x | 1 |\n"
    assert content_widths(chosen) == chosen
    equal = "| Obec | Počet |\n|:--|--:|\n| Heřmanovice u Bradla | 12 |\n"
    separator = content_widths(equal).splitlines()[1]
    name, number = separator.strip("|").split("|")
    assert name.startswith(":") and number.endswith(":")
    assert name.count("-") > 2 * number.count("-")
    assert separator.count("-") > 72  # past pandoc's --columns, so the widths are used


def test_docx_numbers_captions_and_shows_the_logo_html_the_eu_emblem(built: Path) -> None:
    with zipfile.ZipFile(built / "plan.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8").replace("\u00a0", " ")
    assert 'Tabulka </w:t></w:r><w:fldSimple w:instr="SEQ Table' in xml
    assert 'descr="Logo: Město Horní Bradlo"' in xml
    html = (built / "summary.html").read_text(encoding="utf-8")
    emblem = " ".join(html[html.index('<div class="esf">') :].split())
    assert 'alt="Logo Evropské unie a Operačního programu Zaměstnanost plus"' in emblem
    assert "CZ.03.02.01/00/22_007/0004321" in emblem and "data:image/svg+xml" in emblem


def test_the_feature_plan_uses_every_documented_key() -> None:
    docs = (REPO / "docs" / "klice.md").read_text(encoding="utf-8")
    keys = set(re.findall(r"(?m)^\| `([a-z_]+)` \|", docs))
    folder = FIXTURES / "feature"
    written = "\n".join(
        p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.suffix in {".yaml", ".md"}
    )
    used = set(re.findall(r"(?m)(?:^|[{,\s-])([a-z_]+):", written))
    assert sorted(keys - used) == []
