"""An image names the same file for the check and for every output.

A chapter's image path is read from the chapter's folder first, then from the plan
folder; the check, the DOCX, the PDF and the HTML all follow that one lookup, so
the file the check approved is the file the reader sees.
"""

from __future__ import annotations

import base64
import struct
import zipfile
import zlib
from pathlib import Path

from helpers import at, edit, only, position

from assembler.checks.pipeline import check
from assembler.outputs.build import build
from assembler.render.documents import summary_document
from assembler.render.pdf import typst_source

SEN = "chapters/10-seniori.md"


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A valid, tiny RGB PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


CHAPTER_IMAGE = png(3, 2, (200, 30, 30))  # chapters/obrazky/mapa.png
PLAN_IMAGE = png(2, 5, (30, 30, 200))  # obrazky/mapa.png, a different file of the same name


def _two_maps(root: Path) -> None:
    for folder, data in (
        (root / "chapters" / "obrazky", CHAPTER_IMAGE),
        (root / "obrazky", PLAN_IMAGE),
    ):
        folder.mkdir(parents=True)
        (folder / "mapa.png").write_bytes(data)
    edit(
        root,
        SEN,
        "Senioři dostanou pomoc",
        "![Mapa služeb](obrazky/mapa.png)\n\n  Senioři dostanou pomoc",
    )


def test_check_and_outputs_use_the_chapter_folder_image(mini: Path) -> None:
    _two_maps(mini)
    result = build(mini, only=["summary.docx", "summary.html", "summary.pdf"])
    assert result.ok, [str(p) for p in result.problems]
    out = mini / "output"
    with zipfile.ZipFile(out / "summary.docx") as archive:
        media = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    assert CHAPTER_IMAGE in media and PLAN_IMAGE not in media
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert base64.b64encode(CHAPTER_IMAGE).decode() in html
    assert base64.b64encode(PLAN_IMAGE).decode() not in html
    plan = check(mini).plan
    assert plan is not None
    typst = typst_source(summary_document(plan))
    assert (
        'image("/chapters/obrazky/mapa.png", alt: ' in typst
        and '/obrazky/mapa.png"' not in typst.replace("/chapters/obrazky", "")
    )


def test_plan_folder_image_is_found_from_a_chapter(mini: Path) -> None:
    (mini / "obrazky").mkdir()
    (mini / "obrazky" / "mapa.png").write_bytes(PLAN_IMAGE)
    edit(mini, SEN, "Seniorů přibývá.", "Seniorů přibývá.\n\n![Mapa služeb](obrazky/mapa.png)")
    result = build(mini, only=["plan.docx"])
    assert result.ok, [str(p) for p in result.problems]
    with zipfile.ZipFile(mini / "output" / "plan.docx") as archive:
        media = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    assert media == [PLAN_IMAGE]


def test_plan_yaml_text_does_not_see_chapter_folder_images(mini: Path) -> None:
    (mini / "chapters" / "obrazky").mkdir()
    (mini / "chapters" / "obrazky" / "mapa.png").write_bytes(CHAPTER_IMAGE)
    vision = "vize: Lidé v Malé Lhotě dostanou pomoc včas a blízko domova."
    edit(mini, "plan.yaml", vision, "vize: '![Mapa](obrazky/mapa.png) Pomoc včas.'")
    problem = only(check(mini), "obrazek-mimo-projekt")
    at(problem, "plan.yaml", position(mini, "plan.yaml", "![Mapa]"))
    assert "Obrázek obrazky/mapa.png nelze použít" in problem.message
