"""PDF through Typst: pandoc writes the body as Typst, our layout wraps it, Typst compiles it."""

from __future__ import annotations

import re

from assembler.render import authored, images, long_text, pandoc, resources, typst_engine
from assembler.render.documents import Document, typst_leads

# Fixed creation date: the same plan always gives the same bytes.
TIMESTAMP = 1767225600  # 2026-01-01T00:00:00Z
# PDF/A-2b for archiving, PDF/UA-1 for accessibility (tagged, with language and title).
STANDARDS = ["a-2b", "ua-1"]


# pandoc escapes list and heading markers at the start of a paragraph but not at the
# start of a table cell, where Typst reads them as markup too: a cell "2. pololetí"
# would become a numbered list. Cells are written one per `[…]` after indentation or ", ".
_CELL_MARKUP = re.compile(r"(?m)(^[ \t]*|, )\[(?=(?:\d+\.|[-+=/])[ ~\t])")


# pandoc writes every table as a figure whose next line is `align(center)[#table(`;
# an author's code never reads so. The layout's `tied-table` keeps rows together.
_TABLE_CALL = re.compile(r"(?m)(#figure\(\n[ \t]*align\(center\)\[#)table\(")


def chart_input(target: str) -> str:
    """The sys.inputs key holding a chart's SVG."""
    return "chart:" + target


def chart_image(target: str) -> str:
    """How the Typst source opens a chart's image: from sys.inputs, not from a file."""
    return f'image(bytes(sys.inputs.at("{chart_input(target)}")), format: "svg"'


def _charts(typst: str, document: Document) -> str:
    """A generated chart is no file under Typst's root: its SVG comes in sys.inputs. One
    pass over the source, not a copy of it per chart."""
    if not document.charts:
        return typst
    opened = {f'image("{c.target}"': chart_image(c.target) for c in document.charts}
    call = re.compile("|".join(map(re.escape, opened)))
    return call.sub(lambda m: opened[m.group(0)], typst)


def font_paths(document: Document) -> list[str]:
    """Font folders Typst needs beyond its own fonts: the charts'."""
    return list(dict.fromkeys(f for chart in document.charts for f in chart.fonts))


def typst_source(document: Document) -> str:
    markdown = typst_leads(images.for_typst(document.markdown, document.root, document.charts))
    markdown, long = long_text.for_typst(markdown)
    body = pandoc.convert(markdown, "typst", {}, ["--wrap=none"] if long else None).decode("utf-8")
    body_text = authored.typst_alt(_CELL_MARKUP.sub(r"\1[\\", body), markdown)
    body_text = _TABLE_CALL.sub(r"\1tied-table(", _charts(body_text, document))
    return resources.read("layout.typ").decode("utf-8") + "\n" + body_text


def inputs(document: Document) -> dict[str, str]:
    meta = {**document.meta, "kind": document.kind}
    for key in ("logo", "esf-logo"):
        path = images.resolve(document.root, meta.get(key, "")) if meta.get(key) else None
        meta[key] = "/" + path.relative_to(document.root.resolve()).as_posix() if path else ""
    for chart in document.charts:
        meta[chart_input(chart.target)] = chart.svg.decode("utf-8")
    return meta


def render(document: Document) -> bytes:
    root = str(document.root.resolve())
    return typst_engine.pdf(
        typst_source(document), root, TIMESTAMP, STANDARDS, inputs(document), font_paths(document)
    )
