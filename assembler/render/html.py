"""Self-contained HTML: one file, CSS inline, images embedded, no scripts needed."""

from __future__ import annotations

from assembler.render import images, pandoc, resources
from assembler.render.documents import ESF_LINE, ESF_LOGO_ALT, SUMMARY, Document, logo_alt
from assembler.render.markdown import escape


def page_meta(document: Document) -> dict[str, str]:
    """The variables of resources/page.html around the body: title, author, status, the
    municipality's logo and the EU emblem with its publicity line when the plan is
    financed by the ESF."""
    meta = document.meta
    logo = images.resolve(document.root, meta["esf-logo"]) if meta.get("esf-logo") else None
    esf = (
        {
            "esf-logo": images.data_uri(logo, raster_svg=False),
            "esf-logo-alt": ESF_LOGO_ALT,
            "esf-line": ESF_LINE,
            "esf-project": meta["esf-project"],
        }
        if logo
        else {}
    )
    own = images.resolve(document.root, meta["logo"]) if meta.get("logo") else None
    if own:  # the municipality's logo in the masthead, alt text as in the PDF and DOCX
        esf |= {"logo": images.data_uri(own, raster_svg=False), "logo-alt": logo_alt(meta)}
    return esf | {
        "title": escape(document.meta["title"]),
        "pagetitle": document.meta["title"],
        "lang": "cs",
        "author-name": document.meta["author"],
        "status-line": document.meta["status-line"],
        "approval": document.meta["approval"],
    }


def render(document: Document) -> bytes:
    # The summary lists one heading per organisation: its contents show main sections only.
    depth = 2 if document.kind == SUMMARY else 3
    markdown = images.for_pandoc(
        document.markdown, document.root, raster_svg=False, charts=document.charts
    )
    meta = {**page_meta(document), "toc-title": "Obsah"}
    page = pandoc.convert(
        markdown,
        "html5",
        meta,
        [
            "--standalone",
            "--template={dir}/page.html",
            "--toc",
            f"--toc-depth={depth}",
            "--section-divs",
            # The page title is the only <h1>; the document's own headings start at <h2>.
            "--shift-heading-level-by=1",
            "--lua-filter={dir}/fig-alt.lua",
            "--lua-filter={dir}/table-scroll.lua",
        ],
        files={
            "page.html": resources.read("page.html"),
            "fig-alt.lua": resources.read("fig-alt.lua"),
            "table-scroll.lua": resources.read("table-scroll.lua"),
        },
    )
    return images.with_chart_svgs(page, document.charts)
