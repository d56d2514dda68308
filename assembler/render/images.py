"""Images in the assembled Markdown: paths for Typst, data URIs for pandoc.

pandoc runs sandboxed and cannot open image files, so DOCX and HTML get images
as data URIs. Word has no reliable SVG support without a PNG fallback, so for
DOCX an SVG is rasterised — by Typst, which is already here (``typst_engine``).
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from assembler.checks.markup import IMAGE
from assembler.plan.project import project_file
from assembler.render.typst_engine import svg_to_png

_MIME = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
}


def resolve(root: Path, target: str) -> Path | None:
    """An image named relative to the plan folder (or to chapters/), inside the plan."""
    return project_file(root, target) or project_file(root, target, root / "chapters")


def for_typst(markdown: str, root: Path) -> str:
    """Rewrite image paths to project-absolute ones (``/assets/x.svg``) for Typst's root."""

    def swap(match: re.Match[str]) -> str:
        path = resolve(root, match.group(2))
        if path is None:
            return match.group(0)
        rooted = "/" + path.relative_to(root.resolve()).as_posix()
        return match.group(0).replace(match.group(2), rooted, 1)

    return IMAGE.sub(swap, markdown)


def data_uri(path: Path, raster_svg: bool) -> str:
    data = path.read_bytes()
    mime = _MIME.get(path.suffix.lower(), "application/octet-stream")
    if raster_svg and mime == "image/svg+xml":
        data, mime = svg_to_png(data), "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def for_pandoc(markdown: str, root: Path, raster_svg: bool) -> str:
    def swap(match: re.Match[str]) -> str:
        path = resolve(root, match.group(2))
        if path is None:
            return match.group(0)
        return match.group(0).replace(match.group(2), data_uri(path, raster_svg), 1)

    return IMAGE.sub(swap, markdown)
