"""Build ``assembler/resources/reference.docx``, the styles of every plan's DOCX.

    python tools/reference_docx.py

Starts from pandoc's own reference document, so that every part pandoc expects is
there, and replaces what makes a Czech municipal document: the styles (Calibri,
which Word has and LibreOffice replaces by the metric-compatible Carlito; both
cover Czech), Czech language and hyphenation, A4 page with margins, a running
header with the plan title (a TITLE field, filled by ``render/docx_toc.py``) and
page numbers in the footer, none of them on the title page.

The result is committed; ``tests/test_outputs.py`` checks its properties in a built plan.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from docx_styles import R, W, styles  # noqa: E402

from assembler.render.docx_toc import FIXED_DATE  # noqa: E402
from assembler.render.pandoc import executable  # noqa: E402

TARGET = REPO / "assembler" / "resources" / "reference.docx"

# Page: A4, 2.5 cm left and right (text width 9070 twips, used by docx_toc for tab stops).
PAGE = (
    '<w:pgSz w:w="11906" w:h="16838" />'
    '<w:pgMar w:top="1474" w:right="1418" w:bottom="1361" w:left="1418" '
    'w:header="709" w:footer="709" w:gutter="0" />'
)


def field(instruction: str, cached: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin" /></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate" /></w:r>'
        f'<w:r><w:t xml:space="preserve">{cached}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end" /></w:r>'
    )


def part(root: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:{root} xmlns:w="{W}" xmlns:r="{R}">{body}</w:{root}>'
    )


HEADER = part("hdr", f'<w:p><w:pPr><w:pStyle w:val="Header" /></w:pPr>{field("TITLE", "")}</w:p>')
FOOTER = part("ftr", f'<w:p><w:pPr><w:pStyle w:val="Footer" /></w:pPr>{field("PAGE", "1")}</w:p>')
EMPTY_HEADER = part("hdr", '<w:p><w:pPr><w:pStyle w:val="Header" /><w:pBdr /></w:pPr></w:p>')
EMPTY_FOOTER = part("ftr", '<w:p><w:pPr><w:pStyle w:val="Footer" /></w:pPr></w:p>')

HEADER_PARTS = {
    "word/header1.xml": ("header", "rIdPlanHeader", HEADER),
    "word/footer1.xml": ("footer", "rIdPlanFooter", FOOTER),
    "word/header2.xml": ("header", "rIdTitleHeader", EMPTY_HEADER),
    "word/footer2.xml": ("footer", "rIdTitleFooter", EMPTY_FOOTER),
}


def section() -> str:
    # titlePg: the title page gets the empty first-page header and footer.
    return (
        "<w:sectPr>"
        '<w:headerReference w:type="default" r:id="rIdPlanHeader" />'
        '<w:footerReference w:type="default" r:id="rIdPlanFooter" />'
        '<w:headerReference w:type="first" r:id="rIdTitleHeader" />'
        '<w:footerReference w:type="first" r:id="rIdTitleFooter" />'
        '<w:footnotePr><w:numRestart w:val="eachSect" /></w:footnotePr>'
        f"{PAGE}<w:titlePg /></w:sectPr>"
    )


def document(xml: str) -> str:
    start = xml.index("<w:sectPr>")
    end = xml.index("</w:sectPr>") + len("</w:sectPr>")
    return xml[:start] + section() + xml[end:]


def relationships(xml: str) -> str:
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    extra = "".join(
        f'<Relationship Type="{kind}{rel}" Id="{rid}" Target="{name.removeprefix("word/")}" />'
        for name, (rel, rid, _) in HEADER_PARTS.items()
    )
    return xml.replace("</Relationships>", extra + "</Relationships>")


def content_types(xml: str) -> str:
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    extra = "".join(
        f'<Override PartName="/{name}" ContentType="{kind}{rel}+xml" />'
        for name, (rel, _, _) in HEADER_PARTS.items()
    )
    return xml.replace("</Types>", extra + "</Types>")


def settings(xml: str) -> str:
    xml = xml.replace('<w:themeFontLang w:val="en-US" />', '<w:themeFontLang w:val="cs-CZ" />')
    xml = xml.replace('<w:decimalSymbol w:val="." />', '<w:decimalSymbol w:val="," />')
    xml = xml.replace('<w:listSeparator w:val="," />', '<w:listSeparator w:val=";" />')
    # Word and LibreOffice hyphenate only when the document asks for it.
    hyphenation = '<w:autoHyphenation /><w:consecutiveHyphenLimit w:val="2" />'
    hyphenation += '<w:hyphenationZone w:val="357" />'
    return xml.replace("<w:characterSpacingControl", hyphenation + "<w:characterSpacingControl")


def pandoc_reference() -> bytes:
    return subprocess.run(
        [executable(), "--print-default-data-file", "reference.docx"],
        capture_output=True,
        check=True,
    ).stdout


EDITS = {
    "word/styles.xml": lambda _: styles(),
    "word/document.xml": document,
    "word/_rels/document.xml.rels": relationships,
    "[Content_Types].xml": content_types,
    "word/settings.xml": settings,
}


def build() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(pandoc_reference()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist() + list(HEADER_PARTS)
        for name in names:
            if name in HEADER_PARTS:
                text = HEADER_PARTS[name][2]
            else:
                text = source.read(name).decode("utf-8")
                text = EDITS.get(name, lambda x: x)(text)
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, text.encode("utf-8"))
    return out.getvalue()


if __name__ == "__main__":
    TARGET.write_bytes(build())
    print(f"Written {TARGET.relative_to(REPO)}")
