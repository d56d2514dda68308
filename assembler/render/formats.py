"""Output formats, each one small function behind one contract: Document → bytes."""

from __future__ import annotations

from collections.abc import Callable

from assembler.render.documents import Document

Format = Callable[[Document], bytes]


def formats() -> dict[str, Format]:
    # Imported lazily: `plan check` must not pay for pandoc, Typst or templates.
    from assembler.render import docx, html, pdf

    return {"docx": docx.render, "pdf": pdf.render, "html": html.render}
