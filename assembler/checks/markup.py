"""What author Markdown may not contain: raw HTML/TeX/Typst/OpenXML, and images
without alternative text or from outside the project.

Raw markup would bypass the templates (and could hide content from one output
format); images must be readable by everyone and must come from the project.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from assembler.plan.images import find_image
from assembler.plan.project import Project
from assembler.plan.texts import Text, mask_code
from assembler.problems.diagnostics import Problem

IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_RAW = [
    (re.compile(r"\{=[A-Za-z]+\}"), "blok surového formátu {=…}"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>|<!--"), "značka HTML"),
    (re.compile(r"\\(?:begin|end|[a-zA-Z]{2,})\{"), "příkaz LaTeXu"),
]
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".svg", ".gif")


def check_markup(project: Project, texts: Iterable[Text]) -> list[Problem]:
    problems: list[Problem] = []
    for text in texts:
        masked = mask_code(text.text)
        problems += _raw(text, masked)
        problems += _images(text, masked, project.root)
    return problems


def _raw(text: Text, masked: str) -> Iterator[Problem]:
    without_autolinks = re.sub(r"<(?:https?://|mailto:)[^>\s]+>|<[^>\s@]+@[^>\s]+>", "", masked)
    for pattern, what in _RAW:
        match = pattern.search(without_autolinks)
        if match:
            offset = masked.find(match.group(0))
            message = (
                f"Text obsahuje {what} („{match.group(0)[:30]}“). Plán se sestavuje do více "
                "formátů a surový kód by se v nich lišil nebo ztratil; napište text v Markdownu "
                "(např. **tučně**, *kurzívou*), nebo znaky < a \\ uveďte jako `kód`."
            )
            yield Problem("surovy-kod", message, text.location(max(offset, 0)))


def _images(text: Text, masked: str, root: Path) -> Iterator[Problem]:
    for match in IMAGE.finditer(masked):
        alt, target = match.group(1).strip(), match.group(2)
        where = text.location(match.start())
        if not alt:
            message = (
                f"Obrázek {target} nemá alternativní text. Do hranatých závorek napište, co "
                "obrázek ukazuje, např. ![Mapa služeb ve městě](obrazky/mapa.png); bez něj "
                "dokument nesplní požadavky na přístupnost."
            )
            yield Problem("obrazek-bez-popisu", message, where)
        path = find_image(root, target, text.source.path)
        if path is None or path.suffix.lower() not in IMAGE_TYPES:
            message = (
                f"Obrázek {target} nelze použít: musí to být soubor PNG, JPG nebo SVG uvnitř "
                "složky plánu (např. obrazky/mapa.png), ne adresa na internetu ani soubor "
                "mimo plán."
            )
            yield Problem("obrazek-mimo-projekt", message, where)
