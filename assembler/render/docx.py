"""DOCX through pandoc with the shipped (or the plan's own) reference document."""

from __future__ import annotations

import io
import re
import zipfile

from assembler.render import docx_toc, images, pandoc, resources
from assembler.render.documents import ESF_LINE, ESF_LOGO_ALT, Document, logo_alt
from assembler.render.markdown import escape


def metadata(document: Document) -> dict[str, str | list[str]]:
    meta = document.meta
    date = meta["status-line"] + (f"\n\n{meta['approval']}" if meta["approval"] else "")
    result: dict[str, str | list[str]] = {
        "title": escape(meta["title"]),
        "subtitle": escape(meta["author"]),
        "date": escape(date).replace("  ", "\n\n"),
        "lang": "cs-CZ",
        "toc-title": "Obsah",
    }
    own = images.resolve(document.root, meta["logo"]) if meta.get("logo") else None
    if own:
        # The title page has no place for a picture but the author line: the logo
        # goes there, with the same alternative text as in the PDF.
        uri = images.data_uri(own, raster_svg=True)
        result["author"] = [f"![{escape(logo_alt(meta))}]({uri}){{height=2.2cm}}"]
    logo = images.resolve(document.root, meta["esf-logo"]) if meta.get("esf-logo") else None
    if logo:
        uri = images.data_uri(logo, raster_svg=True)
        result["abstract-title"] = "Spolufinancováno Evropskou unií"
        result["abstract"] = (
            f"![{ESF_LOGO_ALT}]({uri}){{height=1.5cm}}\n\n"
            f"{ESF_LINE}\n\n"
            f"{escape(meta['esf-project'])}"
        )
    return result


def reference(document: Document) -> bytes:
    """The plan's own DOCX template (``vystupy.sablona_docx``, checked) or the shipped one."""
    own = document.meta.get("reference-docx")
    if own:
        return (document.root / own).read_bytes()
    return resources.read("reference.docx")


def body_font(template: bytes) -> str | None:
    """The font of the template's body text: its default run font (``w:docDefaults``),
    a theme font looked up in its theme; None when the template names none."""
    with zipfile.ZipFile(io.BytesIO(template)) as archive:
        names = sorted(archive.namelist())
        if "word/styles.xml" not in names:
            return None  # pandoc's own defaults then, which name no font either
        styles = archive.read("word/styles.xml").decode("utf-8", "replace")
        theme = next((n for n in names if n.startswith("word/theme/")), None)
        themed = archive.read(theme).decode("utf-8", "replace") if theme else ""
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S)
    fonts = re.search(r"<w:rFonts\b[^>]*>", defaults.group(0)) if defaults else None
    if fonts is None:
        return None
    named = re.search(r'\bw:ascii="([^"]+)"', fonts.group(0))
    if named:
        return named.group(1)
    slot = re.search(r'\bw:asciiTheme="(major|minor)', fonts.group(0))
    latin = slot and re.search(
        rf'<a:{slot.group(1)}Font>\s*<a:latin typeface="([^"]+)"', themed, re.S
    )
    return latin.group(1) if latin else None


def render(document: Document) -> bytes:
    template = reference(document)
    # Rasterised while pandoc works; the charts' text in the body's font where one is
    # shipped for it (images.chart_font).
    font = body_font(template) if document.charts else None
    charts = images.chart_media_later(document.charts, font)
    markdown = images.for_pandoc(
        document.markdown, document.root, raster_svg=True, charts=document.charts
    )
    data = pandoc.convert(
        markdown,
        "docx+native_numbering",  # "Tabulka 1:" and "Obrázek 1:" captions, as in the PDF
        metadata(document),
        [
            "--toc",
            "--toc-depth=2",
            "--reference-doc={dir}/reference.docx",
            "--lua-filter={dir}/fig-alt.lua",
        ],
        files={"reference.docx": template, "fig-alt.lua": resources.read("fig-alt.lua")},
    )
    return docx_toc.finish(data, charts.result())
