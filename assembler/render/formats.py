"""The builder contract: every output format is one :class:`Format` (Sphinx's builder).

A format declares what it supports — which documents it can build, which image
files it embeds as they are, whether it writes one file or a folder — and how it
writes: ``write(document, name)`` returns the files it produced, as bytes under
names relative to the output folder. Nothing assumes pandoc: a spreadsheet or an
open-data format returns its own bytes the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module

from assembler.render.documents import Document, DocumentKind

# File names relative to the output folder (POSIX, may contain sub-folders) → contents.
Files = Mapping[str, bytes]


class FormatKind(StrEnum):
    """The value is the word ``--only`` accepts and the usual file suffix."""

    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"


@dataclass(frozen=True)
class Format:
    kind: FormatKind
    label: str  # Czech, for messages and --only help
    documents: frozenset[DocumentKind]  # the documents this format can build
    image_types: frozenset[str]  # image suffixes it shows (SVG may be rasterised on the way)
    one_file: bool  # one file named by plan.yaml, or a folder of files under that name
    module: str  # the module with ``render(document) -> bytes``; imported on first use

    def write(self, document: Document, name: str) -> Files:
        if document.kind not in self.documents:
            raise ValueError(f"{self.kind} cannot build {document.kind}")
        return {name: self._render()(document)}

    def _render(self) -> Callable[[Document], bytes]:
        # Imported lazily: `plan check` must not pay for pandoc, Typst or templates.
        render: Callable[[Document], bytes] = import_module(self.module).render
        return render


_ALL = frozenset(DocumentKind)
_IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg"})

DOCX = Format(FormatKind.DOCX, "Word (DOCX)", _ALL, _IMAGES, True, "assembler.render.docx")
PDF = Format(FormatKind.PDF, "PDF", _ALL, _IMAGES, True, "assembler.render.pdf")
HTML = Format(
    FormatKind.HTML, "webová stránka (HTML)", _ALL, _IMAGES, True, "assembler.render.html"
)
FORMATS = (DOCX, PDF, HTML)
