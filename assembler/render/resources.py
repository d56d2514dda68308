"""Files shipped inside the package (Typst layouts, the DOCX reference document)."""

from __future__ import annotations

from importlib import resources


def read(name: str) -> bytes:
    return resources.files("assembler").joinpath("resources", name).read_bytes()
