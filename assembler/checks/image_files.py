"""Whether a found image file really is an image the outputs may embed, judged by content.

A name ending in ``.png`` proves nothing: a chapter renamed to ``x.png`` would be
embedded whole in the DOCX and HTML (a private-data leak), a fake one stops the
PDF engine. Allowed: PNG and JPEG by their signatures, and SVG that is plain
drawing — no DTD or entities (which expand or read files), no scripts, no
references to anything outside the image itself.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from assembler.checks.characters import printable
from assembler.load.filetext import read_bounded

_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}
ALLOWED_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
# Bounded repetitions: an SVG is scanned in linear time whatever it holds.
_SVG_ROOT = re.compile(r"<svg[\s>]")
_SVG_FORBIDDEN = re.compile(r"<!DOCTYPE|<!ENTITY|<script|<foreignObject|@import", re.I)
_SVG_REFERENCE = re.compile(r"""(?:href\s*=\s*["']\s*|url\(\s*["']?\s*)(.?)""", re.I)
# The drawn text of an SVG: Typst sets it in the plan's fonts like any other text (a
# title or description is not drawn). Inner tags (tspan) are dropped before judging.
# Found opening by opening, each up to its own closing tag: linear on any file.
_SVG_TEXT = re.compile(r"<text\b[^<>]*>")
_TAG = re.compile(r"<[^>]*>")


def image_fault(path: Path, root: Path) -> str | None:
    """Why ``path`` cannot be used as an image (a Czech clause), or None when it can."""
    suffix = path.suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        return "obrázek musí být soubor PNG, JPG nebo SVG"
    data, problems = read_bounded(path, path.name, root)
    if data is None or problems:
        return "soubor obrázku nelze přečíst nebo je příliš velký"
    if suffix != ".svg":
        if not data.startswith(_SIGNATURES[suffix]):
            return f"soubor s příponou {suffix} není obrázek {suffix[1:].upper()} (podle obsahu)"
        return None
    return _svg_fault(data)


def _svg_fault(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "soubor SVG není uložen v kódování UTF-8"
    if not _SVG_ROOT.search(text):
        return "soubor s příponou .svg není obrázek SVG (podle obsahu)"
    if _SVG_FORBIDDEN.search(text):
        return "obrázek SVG obsahuje definice, skripty nebo vložené dokumenty"
    for match in _SVG_REFERENCE.finditer(text):
        if match.group(1) != "#":
            return "obrázek SVG odkazuje na jiný soubor nebo adresu"
    return _svg_text_fault(text)


def _svg_text_fault(text: str) -> str | None:
    ok = printable()
    position = 0
    while match := _SVG_TEXT.search(text, position):
        end = text.find("</text", match.end())
        if end < 0:
            return None
        position = end
        drawn = html.unescape(_TAG.sub("", text[match.end() : end]))
        bad = next((char for char in drawn if char not in ok and not char.isspace()), None)
        if bad is not None:
            return (
                f"text v obrázku SVG obsahuje znak „{bad}“ (U+{ord(bad):04X}), který PDF "
                "nevytiskne (nemá jej žádné písmo plánu); v kreslicím programu převeďte text "
                "na křivky, nebo znak odstraňte"
            )
    return None
