"""Images in the assembled Markdown: paths for Typst, data URIs for pandoc.

Every image target is looked up once, by :func:`assembler.plan.images.find_image`
(the function the checker uses), while the author's text still knows which file
it came from: :func:`rooted` rewrites it to the found file's plan-relative path.
The format steps below then only turn those paths into what each engine reads.

pandoc runs sandboxed and cannot open image files, so DOCX and HTML get images
as data URIs. Word has no reliable SVG support without a PNG fallback, so for
DOCX an SVG is rasterised — by Typst, which is already here (``typst_engine``).

Charts generated at render time (:class:`~assembler.render.documents.Chart`) are
named by a target no file has; they are looked up in the Document before any file.
pandoc never parses a chart (78 of them as data URIs were 11 MB of Markdown for
DOCX, twice pandoc's time) and never waits for one to be drawn: it gets a blank
stand-in of the same size, or the bare target, and the formats put the chart in
pandoc's output afterwards.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

from assembler.checks.image_files import ALLOWED_SUFFIXES
from assembler.checks.markup import IMAGE
from assembler.plan.images import find_image, project_path
from assembler.plan.project import PLAN_FILE
from assembler.plan.texts import mask_code
from assembler.render import priority
from assembler.render.documents import Chart

_MIME = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
}


def resolve(root: Path, target: str) -> Path | None:
    """An image named in plan.yaml (a logo) or already rooted by :func:`rooted`."""
    return find_image(root, target, root / PLAN_FILE)


def _each_image(markdown: str, new_target: Callable[[str], str | None]) -> str:
    """Replace the target of every image outside code by ``new_target(target)``
    (None keeps it); code spans and blocks show Markdown as it was written."""
    masked = mask_code(markdown)
    pieces: list[str] = []
    end = 0
    for match in IMAGE.finditer(masked):
        new = new_target(match.group(2))
        if new is None:
            continue
        start, stop = match.span(2)
        pieces += [markdown[end:start], new]
        end = stop
    return "".join(pieces) + markdown[end:] if pieces else markdown


def rooted(markdown: str, root: Path, source: Path) -> str:
    """Author Markdown from ``source`` with each image's target as the file
    :func:`find_image` finds, written relative to the plan folder."""

    def found(target: str) -> str | None:
        path = find_image(root, target, source)
        return project_path(root, path) if path else None

    return _each_image(markdown, found)


def _chart(charts: tuple[Chart, ...], target: str) -> Chart | None:
    return next((c for c in charts if c.target == target), None)


def for_typst(markdown: str, root: Path, charts: tuple[Chart, ...] = ()) -> str:
    """Rooted image paths as project-absolute ones (``/assets/x.svg``) for Typst's root;
    chart targets stay as they are (pdf.py hands Typst their bytes)."""

    def absolute(target: str) -> str | None:
        if _chart(charts, target):
            return None
        path = resolve(root, target)
        return "/" + project_path(root, path) if path else None

    return _each_image(markdown, absolute)


def embedded_types() -> list[str]:
    """The MIME types of the image files the plan allows, as they are embedded."""
    return sorted({_MIME[suffix] for suffix in ALLOWED_SUFFIXES})


def data_uri(path: Path, raster_svg: bool) -> str:
    return _uri(
        path.read_bytes(), _MIME.get(path.suffix.lower(), "application/octet-stream"), raster_svg
    )


def _uri(data: bytes, mime: str, raster_svg: bool) -> str:
    if raster_svg and mime == "image/svg+xml":
        from assembler.render.typst_engine import svg_to_png  # only DOCX pays for Typst

        data, mime = svg_to_png(data), "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


# A chart's PNG in DOCX: the full text width, as in the PDF.
CHART_WIDTH_CM = 16
CHART_PPI = 200

# A DOCX template's body font (lower case) → the font shipped here that the chart PNGs
# are set in to match it. Calibri, the shipped template's, cannot be shipped; Carlito
# (SIL OFL, resources/fonts) is its metric-compatible twin, which LibreOffice shows in
# Calibri's place anyway. Typst embeds no sans-serif of its own, and the machine's fonts
# are never used (the PNG would change with the machine). Any other body font keeps the
# charts' own DejaVu Sans, as in the PDF and HTML.
_BODY_FONTS = {"calibri": "Carlito", "carlito": "Carlito"}
_FONT_FOLDER = str(Path(__file__).resolve().parent.parent / "resources" / "fonts")
_FAMILY = re.compile(rb"font-family:\s*")


def chart_font(body_font: str | None) -> str | None:
    """The family the DOCX charts are set in for a template whose body is ``body_font``;
    None keeps the charts' own font."""
    return _BODY_FONTS.get((body_font or "").strip().lower())


def in_family(svg: bytes, family: str) -> bytes:
    """The SVG with ``family`` first in each of its font lists: a text with a character
    the family lacks is set whole in the SVG's own font (no missing glyph)."""
    return _FAMILY.sub(b"font-family: '" + family.encode("ascii") + b"', ", svg)


def chart_pngs(charts: Sequence[Chart], family: str | None = None) -> list[bytes]:
    """Each chart's PNG for Word, at the text width, its text in ``family`` (a value of
    :func:`chart_font`) when given: from the chart cache when the same SVG was
    rasterised before, the others in Typst runs of a few charts each. A run waits only
    for its own charts: it rasterises the first ones while the later ones are still
    being drawn (Typst leaves the interpreter to the drawing meanwhile)."""
    from assembler.render import chartcache
    from assembler.render.typst_engine import PER_RUN, svgs_to_png

    base = chartcache.folder()
    pngs: list[bytes] = []
    for start in range(0, len(charts), PER_RUN):
        run = charts[start : start + PER_RUN]
        svgs = [in_family(c.svg, family) if family else c.svg for c in run]
        keys = [
            chartcache.key(f"png {CHART_WIDTH_CM} cm {hashlib.sha256(svg).hexdigest()}")
            for svg in svgs
        ]
        found = [chartcache.load(key, base) for key in keys]
        missing = [i for i, png in enumerate(found) if png is None]
        if missing:
            fonts = tuple(dict.fromkeys(f for c in run for f in c.fonts))
            fonts += (_FONT_FOLDER,) if family else ()
            drawn = svgs_to_png([svgs[i] for i in missing], CHART_WIDTH_CM, CHART_PPI, fonts)
            for i, png in zip(missing, drawn, strict=True):
                chartcache.store(keys[i], png, base)
                found[i] = png
        pngs.extend(png for png in found if png is not None)
    return pngs


@lru_cache(maxsize=64)
def _blank_rows(width: int, height: int) -> bytes:
    """The compressed pixels of a blank 1-bit image: the same for every stand-in of a size
    (compressing them took 1.3 ms, twice for each of a report's 78 charts)."""
    return zlib.compress(bytes(((width + 7) // 8 + 1) * height), 9)


def stand_in(chart: Chart) -> bytes:
    """A blank PNG of the size of the chart's PNG, naming the chart (so no two are the
    same file): pandoc lays out the DOCX with it while the chart is still being drawn,
    and the real PNG replaces it in the finished file (docx.py)."""
    width_in, height_in = chart.size
    width = round(CHART_WIDTH_CM / 2.54 * CHART_PPI)
    height = round(width * height_in / width_in)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit grey
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            chunk(b"tEXt", b"Title\0" + chart.target.encode("utf-8")),
            chunk(b"IDAT", _blank_rows(width, height)),
            chunk(b"IEND", b""),
        )
    )


def chart_media(charts: Sequence[Chart], body_font: str | None = None) -> dict[bytes, bytes]:
    """Each chart's stand-in PNG → its PNG, for the finished DOCX whose body text is set
    in ``body_font``."""
    pngs = chart_pngs(charts, chart_font(body_font))
    return dict(zip((stand_in(c) for c in charts), pngs, strict=True))


# One thread rasterises charts for Word, beside the drawing and the format workers: a
# DOCX's charts are made while pandoc lays out its text, not after it (Typst leaves the
# interpreter while it works). 1000-measure report, cold, all formats: 0.1-0.5 s sooner.
# At a lower priority (priority.py): the PDF, which waits for the charts' drawing and
# then for Typst, is the longer path.
_RASTERISER = ThreadPoolExecutor(
    max_workers=1, thread_name_prefix="chart-png", initializer=priority.lower_this_thread
)


def chart_media_later(
    charts: Sequence[Chart], body_font: str | None = None
) -> Future[dict[bytes, bytes]]:
    """:func:`chart_media`, begun now on the rasterising thread."""
    return _RASTERISER.submit(chart_media, charts, body_font)


def with_chart_svgs(page: bytes, charts: Sequence[Chart]) -> bytes:
    """The HTML page with each chart's SVG embedded where pandoc left its target (in an
    image tag: a text showing ``src="graf-…"`` has its ``<`` escaped). One pass over the
    page: a replace per chart copied the whole page 78 times (0.18 s of a report)."""
    if not charts:
        return page
    uris = {c.target.encode(): _uri(c.svg, "image/svg+xml", raster_svg=False) for c in charts}
    tag = re.compile(b'<img src="(' + b"|".join(map(re.escape, uris)) + b')"')
    return tag.sub(lambda m: b'<img src="' + uris[m.group(1)].encode() + b'"', page)


def for_pandoc(markdown: str, root: Path, raster_svg: bool, charts: tuple[Chart, ...] = ()) -> str:
    """Rooted image paths as data URIs (pandoc is sandboxed and reads no files). A chart
    is not waited for: for DOCX it is its stand-in PNG, for HTML its target stays
    (:func:`stand_in`, :func:`with_chart_svgs`), and pandoc does not read its bytes."""

    def embedded(target: str) -> str | None:
        chart = _chart(charts, target)
        if chart and raster_svg:
            return f"data:image/png;base64,{base64.b64encode(stand_in(chart)).decode('ascii')}"
        if chart:
            return None
        path = resolve(root, target)
        return data_uri(path, raster_svg) if path else None

    return _each_image(markdown, embedded)
