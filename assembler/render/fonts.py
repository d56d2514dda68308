"""Font files behind one module (fontTools): which characters a font has a glyph for.

Typst embeds its fonts in its compiled extension; they are found there by their
OpenType table directory and read here, so the check knows what the PDF can print
from the fonts themselves rather than from a guessed list of Unicode blocks.
"""

from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass

from fontTools.ttLib import TTFont

# An sfnt starts with its version (TrueType 0x00010000, CFF "OTTO") and the number of
# tables; a table record is tag, checksum, offset, length.
_SFNT = re.compile(rb"(?:\x00\x01\x00\x00|OTTO)(?=\x00[\x05-\x40])")
_TAG = re.compile(rb"[A-Za-z0-9/ _]{4}")
_RECORD = struct.Struct(">4sIII")


@dataclass(frozen=True)
class Font:
    name: str  # full name, e.g. "Libertinus Serif Regular"
    characters: frozenset[int]  # code points its cmap maps


def fonts_in(binary: bytes) -> list[Font]:
    """Every distinct font file stored inside ``binary`` (the same font twice counts once)."""
    found: dict[str, Font] = {}
    for match in _SFNT.finditer(binary):
        blob = _font_at(binary, match.start())
        if blob is None:
            continue
        font = TTFont(io.BytesIO(blob), lazy=True)
        name = str(font["name"].getDebugName(4))
        if name not in found:
            found[name] = Font(name, frozenset(font.getBestCmap()))
    return list(found.values())


def _font_at(binary: bytes, start: int) -> bytes | None:
    """The font whose table directory starts at ``start``, or None if it is no font."""
    (count,) = struct.unpack_from(">H", binary, start + 4)
    end, tags = 0, set()
    for i in range(count):
        record = start + 12 + 16 * i
        if record + 16 > len(binary):
            return None
        tag, _, offset, length = _RECORD.unpack_from(binary, record)
        if not _TAG.fullmatch(tag):
            return None
        tags.add(tag)
        end = max(end, offset + length)
    if not {b"cmap", b"name", b"head"} <= tags or start + end > len(binary):
        return None
    return binary[start : start + end]
