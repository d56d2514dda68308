"""The list of characters the PDF prints (resources/pdf-characters.txt) is Typst's truth.

The list is generated from the fonts embedded in the installed typst and probed
through Typst itself (render/coverage.py). These tests fail when typst is upgraded
without regenerating it: ``python -m assembler.render.coverage``.
"""

from __future__ import annotations

import random
import unicodedata

from assembler.checks.characters import DATA_FILE, printable
from assembler.render import coverage
from assembler.render.resources import read


def test_the_list_names_the_installed_typst_and_its_fonts() -> None:
    found = coverage.embedded()
    assert {font.name for font in found} >= {
        "Libertinus Serif Regular",
        "NewComputerModern10-Regular",
        "DejaVu Sans Mono",
    }
    assert read(DATA_FILE).decode("utf-8").startswith(coverage.header(found))


def test_typst_prints_what_the_list_accepts_and_refuses_the_rest() -> None:
    """A seeded sample of both sides, put through Typst one character at a time, plus the
    characters a guess would get wrong either way."""
    ok = {ord(c) for c in printable() if c not in "\n\t"}
    found = coverage.embedded()
    mapped = coverage.mapped(found)
    rng = random.Random(14)
    refused_but_mapped = sorted(mapped - ok)
    assert 0x2715 in refused_but_mapped  # ✕: in a cmap, yet Typst has no usable glyph
    # Controls and surrogates are refused on purpose (no text; DOCX cannot hold them).
    unmapped = [
        c
        for c in range(0x20, 0x30000)
        if c not in mapped and c not in ok and unicodedata.category(chr(c)) not in ("Cc", "Cs")
    ]
    sample = {
        *rng.sample(sorted(ok), 100),
        *refused_but_mapped,
        *rng.sample(unmapped, 60),
        *rng.sample(sorted(ok - mapped), 80),  # invisible ones Typst prints, no font maps
        0x1F600,
        0x6F22,
        0xFEFF,
        0xFFFE,
        0x2715,
        0x3B1,
        0x416,
        0x10D,
        0x201E,
        0x2026,
        0xA7,
    }
    with coverage.quiet_panics():
        wrong = [f"U+{c:04X}" for c in sorted(sample) if coverage.prints(c) != (c in ok)]
    assert wrong == []
