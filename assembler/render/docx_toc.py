"""Finish pandoc's DOCX: fill the table of contents and the running header, keep table
rows together (docx_tables.py), and make the file reproducible.

pandoc writes the table of contents as an empty field that only Word fills on
request; LibreOffice (and Word before an update) show an empty page. We replace
that field by the entries themselves — each a hyperlink to its heading's bookmark
with a PAGEREF field for the page. Outside a TOC field LibreOffice computes those
page numbers when it lays the document out (inside one it keeps them as static
text), and Word updates them when it opens the file. The price: Word's "Update
table" has no TOC field to rebuild; the plan's DOCX is rebuilt by `plan build`.
The running header of the reference document holds a TITLE field; its shown text
is filled with the document title for the same reason.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Mapping

from assembler.render import docx_tables

_HEADING = re.compile(
    r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)" />\s*'
    r'<w:p><w:pPr><w:pStyle w:val="Heading([12])" />.*?</w:p>',
    re.S,
)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_EMPTY_TOC = re.compile(
    r'<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="true" />'
    r'<w:instrText xml:space="preserve">TOC [^<]*</w:instrText>'
    r'<w:fldChar w:fldCharType="separate" /><w:fldChar w:fldCharType="end" /></w:r></w:p>'
)
_TITLE_FIELD = re.compile(
    r'(<w:instrText xml:space="preserve"> TITLE </w:instrText></w:r>'
    r'<w:r><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:t xml:space="preserve">)'
    r"[^<]*(</w:t>)"
)
_CORE_TITLE = re.compile(r"<dc:title>([^<]*)</dc:title>")
_TAB_POS = 9070  # right edge of the text area of the A4 reference document, in twips
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def headings(document_xml: str) -> list[tuple[str, int, str]]:
    """(bookmark, level, text) of every level-1 and level-2 heading, in order."""
    found = []
    for match in _HEADING.finditer(document_xml):
        text = "".join(_TEXT.findall(match.group(0)))
        found.append((match.group(1), int(match.group(2)), html.unescape(text)))
    return found


def _entry(bookmark: str, level: int, text: str) -> str:
    run = f'<w:r><w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'
    page = (
        '<w:r><w:fldChar w:fldCharType="begin" /></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> PAGEREF {bookmark} \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate" /></w:r>'
        "<w:r><w:t></w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end" /></w:r>'
    )
    return (
        f'<w:p><w:pPr><w:pStyle w:val="TOC{level}" /><w:tabs>'
        f'<w:tab w:val="right" w:leader="dot" w:pos="{_TAB_POS}" /></w:tabs></w:pPr>'
        f'<w:hyperlink w:anchor="{bookmark}" w:history="1">{run}<w:r><w:tab /></w:r>{page}'
        "</w:hyperlink></w:p>"
    )


def fill_toc(document_xml: str) -> str:
    entries = "".join(_entry(*heading) for heading in headings(document_xml))

    # The whole paragraph holding the empty field becomes the entries.
    return _EMPTY_TOC.sub(lambda _: entries, document_xml, count=1)


# pandoc opens a section's bookmark before its heading paragraph and closes it where the
# section ends. LibreOffice 7.4 cannot resolve a PAGEREF to such a bookmark when a
# table precedes it ("Error: Reference source not found"), so each bookmark that
# stands before a paragraph is moved into it and closed at the paragraph's end.
_OPEN_BEFORE_PARAGRAPH = re.compile(r'<w:bookmarkStart w:id="(\d+)" w:name="[^"]+" />\s*(?=<w:p>)')
_PARAGRAPH = re.compile(r"<w:p>(?:<w:pPr>.*?</w:pPr>)?(.*?)</w:p>", re.S)
_END = re.compile(r'<w:bookmarkEnd w:id="(\d+)" />')


def bookmarks_into_paragraphs(document_xml: str) -> str:
    moved: set[str] = set()
    pieces: list[str] = []
    end = 0
    for match in _OPEN_BEFORE_PARAGRAPH.finditer(document_xml):
        paragraph = _PARAGRAPH.match(document_xml, match.end())
        if paragraph is None:
            continue
        ident = match.group(1)
        pieces += [
            document_xml[end : match.start()],
            document_xml[paragraph.start() : paragraph.start(1)],
            match.group(0).strip(),
            paragraph.group(1),
            f'<w:bookmarkEnd w:id="{ident}" />',
            "</w:p>",
        ]
        moved.add(ident)
        end = paragraph.end()
    result = "".join([*pieces, document_xml[end:]])
    return _drop_section_ends(result, moved) if moved else result


def _drop_section_ends(document_xml: str, moved: set[str]) -> str:
    """Remove the section-end closes of the moved bookmarks: the first close of each
    id is the one now inside its heading paragraph, the later one is pandoc's."""
    seen: set[str] = set()

    def keep_first(match: re.Match[str]) -> str:
        ident = match.group(1)
        if ident not in moved:
            return match.group(0)
        if ident in seen:
            return ""
        seen.add(ident)
        return match.group(0)

    return _END.sub(keep_first, document_xml)


def fill_title(header_xml: str, title: str) -> str:
    """Show the title in the header's TITLE field without waiting for a field update."""
    return _TITLE_FIELD.sub(lambda m: m.group(1) + title + m.group(2), header_xml)


def update_fields_on_open(settings_xml: str) -> str:
    """Ask Word to refresh fields (the TOC's page numbers) when the document is opened."""
    if "<w:updateFields" in settings_xml:
        return settings_xml
    # Word validates the order of settings: updateFields precedes these elements.
    later = [settings_xml.find(tag) for tag in _AFTER_UPDATE_FIELDS]
    at = min((i for i in later if i >= 0), default=settings_xml.rindex("</w:settings>"))
    return settings_xml[:at] + '<w:updateFields w:val="true" />' + settings_xml[at:]


_AFTER_UPDATE_FIELDS = (
    "<w:hdrShapeDefaults",
    "<w:footnotePr",
    "<w:endnotePr",
    "<w:compat",
    "<w:docVars",
    "<w:rsids",
    "<m:mathPr",
    "<w:attachedSchema",
    "<w:themeFontLang",
    "<w:clrSchemeMapping",
    "<w:doNotIncludeSubdocsInStats",
    "<w:doNotAutoCompressPictures",
    "<w:forceUpgrade",
    "<w:captions",
    "<w:readModeInkLockDown",
    "<w:smartTagType",
    "<sl:schemaLibrary",
    "<w:shapeDefaults",
    "<w:doNotEmbedSmartTags",
    "<w:decimalSymbol",
    "<w:listSeparator",
)


def _compression(name: str) -> int:
    if name.startswith("word/media/") and name.lower().endswith((".png", ".jpg", ".jpeg")):
        return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


def finish(docx: bytes, media: Mapping[bytes, bytes] | None = None) -> bytes:
    """Fill the TOC and rewrite the zip with fixed dates and order, for identical bytes;
    an image whose bytes are a key of ``media`` gets the value's (a chart's stand-in
    its PNG). Images are stored, not compressed again: PNG and JPEG are compressed."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    core = source.read("docProps/core.xml").decode("utf-8")
    title = next(iter(_CORE_TITLE.findall(core)), "")  # already XML-escaped
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                xml = bookmarks_into_paragraphs(fill_toc(data.decode("utf-8")))
                data = docx_tables.keep_rows(xml).encode("utf-8")
            elif name == "word/settings.xml":
                data = update_fields_on_open(data.decode("utf-8")).encode("utf-8")
            elif name.startswith("word/header"):
                data = fill_title(data.decode("utf-8"), title).encode("utf-8")
            elif name.startswith("word/media/"):
                data = (media or {}).get(data, data)
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = _compression(name)
            target.writestr(info, data)
    return out.getvalue()
