"""What author Markdown may not contain: raw HTML/TeX/Typst/OpenXML, links other than
web, e-mail and phone addresses, and images that are not PNG/JPEG/SVG files of the project.

Raw markup would bypass the templates (and could hide content from one output
format); images must be readable by everyone and must come from the project. One
allow-list decides every link of every kind — inline, reference definitions,
autolinks — and every image, so nothing else reaches a published output
(``javascript:``, ``file:``, ``data:``, a link to a chapter file). Every pattern
here is linear in the text: a pasted megabyte costs no more than its length.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from assembler.checks.image_files import ALLOWED_SUFFIXES, image_fault
from assembler.plan.images import find_image
from assembler.plan.project import Project
from assembler.plan.texts import Text, mask_code
from assembler.problems.diagnostics import Problem, shown

# The alternative text stops at a bracket and the title at a line end: each match
# scans forward only to the next "[", so many "![" on one line stay linear.
IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\(\s*<?([^)\s<>]+)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_RAW = [
    (re.compile(r"\{=[A-Za-z]+\}"), "blok surového formátu {=…}"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>|<!--"), "značka HTML"),
    (re.compile(r"\\(?:begin|end|[a-zA-Z]{2,})\{"), "příkaz LaTeXu"),
]
IMAGE_TYPES = ALLOWED_SUFFIXES
LINK_SCHEMES = ("http", "https", "mailto", "tel")
# Problems of one kind reported per text: a pasted block repeating one mistake a
# hundred thousand times is reported by its first occurrences, in bounded time.
MAX_PER_TEXT = 10
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]{0,31}):")
_INLINE_TARGET = re.compile(r"\]\([ \t]{0,100}\n?[ \t]{0,100}(<?)([^\s)>]{0,200})")
_DEFINITION = re.compile(r"(?m)^ {0,3}\[(?!\^)([^\[\]\n]{1,999})\]:[ \t]*<?([^\s>]{0,200})")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}):[^<>\s]{0,200}>")
_REFERENCE_IMAGE = re.compile(r"!\[([^\[\]\n]*)\](?:\[([^\[\]\n]*)\])?(?![(\[])")
_SPACED_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\(\s*<[^<>\n]*\s[^<>\n]*>")
_PUNCTUATION_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def check_markup(project: Project, texts: Iterable[Text]) -> list[Problem]:
    problems: list[Problem] = []
    masked_texts = [(text, mask_code(text.text)) for text in texts]
    # pandoc resolves reference labels across the whole document, so across all texts.
    labels = {
        _label(m.group(1)) for _, masked in masked_texts for m in _DEFINITION.finditer(masked)
    }
    for text, masked in masked_texts:
        for found in (
            _raw(text, masked),
            _images(text, masked, project.root),
            _links(text, masked),
            _reference_images(text, masked, labels),
        ):
            problems += islice(found, MAX_PER_TEXT)
    return problems


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def normalised_target(raw: str) -> str:
    """A link target as pandoc and a browser read it: entities decoded, backslash
    escapes removed, no whitespace or control characters (``java&#115;cript:``)."""
    text = _PUNCTUATION_ESCAPE.sub(r"\1", html.unescape(raw))
    return "".join(ch for ch in text if ch.isprintable() and not ch.isspace())


def link_fault(raw: str) -> str | None:
    """Why a link target is not allowed (a Czech sentence), or None."""
    target = normalised_target(raw)
    if not target:
        return (
            "Odkaz nemá adresu ([text]() nebo prázdná definice). Doplňte adresu, nebo odkaz zrušte."
        )
    if target.startswith("#"):
        return None
    scheme = _SCHEME.match(target)
    if scheme and scheme.group(1).lower() in LINK_SCHEMES:
        return None
    if scheme:
        return (
            f"Odkaz s adresou typu „{shown(scheme.group(1), 20)}:“ plán nepovoluje: do "
            "zveřejněných dokumentů smějí jen webové adresy (https://…, http://…), e-mail "
            "(mailto:…) a telefon (tel:…). Adresu opravte, nebo odkaz zrušte."
        )
    return (
        f"Odkaz míří na soubor „{shown(target, 60)}“; ve zveřejněném plánu by nefungoval "
        "(a soubor se do výstupů nedostane). Odkazujte na položky plánu zápisem [[SEN 1.2]], "
        "na web adresou https://…; obrázek zapište jako ![popis](cesta)."
    )


def _links(text: Text, masked: str) -> Iterator[Problem]:
    images = {m.start(): m.end() for m in IMAGE.finditer(masked)}
    image_brackets = {masked.find("](", start) for start in images}
    position = masked.find("](")
    while position != -1:
        if position not in image_brackets:
            match = _INLINE_TARGET.match(masked, position)
            fault = link_fault(match.group(2)) if match else None
            if fault:
                yield Problem("odkaz-adresa", fault, text.location(position))
        position = masked.find("](", position + 2)
    for match in _DEFINITION.finditer(masked):
        fault = link_fault(match.group(2))
        if fault:
            yield Problem("odkaz-adresa", fault, text.location(match.start(2)))
    for match in _AUTOLINK.finditer(masked):
        if masked[max(0, match.start() - 210) : match.start()].rstrip().endswith("]("):
            continue  # [text](<target>): judged above as the link's target
        fault = link_fault(match.group(0)[1:-1])
        if fault:
            yield Problem("odkaz-adresa", fault, text.location(match.start()))


def _reference_images(text: Text, masked: str, labels: set[str]) -> Iterator[Problem]:
    for match in _REFERENCE_IMAGE.finditer(masked):
        label = match.group(2) if match.group(2) else match.group(1)
        if _label(label) not in labels:
            continue  # "![sic]" without a definition is text, pandoc prints it as written
        message = (
            "Obrázek je zapsán odkazem na definici ([popis][značka]); plán přijímá jen obrázky "
            "zapsané přímo: ![popis](obrazky/mapa.png). Přepište jej tak a definici smažte."
        )
        yield Problem("obrazek-zapis", message, text.location(match.start()))
    for match in _SPACED_IMAGE.finditer(masked):
        message = (
            "Cesta k obrázku obsahuje mezeru. Přejmenujte soubor obrázku bez mezer "
            "(např. obrazky/mapa-sluzeb.png) a cestu napište bez < >."
        )
        yield Problem("obrazek-zapis", message, text.location(match.start()))


_AUTOLINKS = re.compile(r"<(?:https?://|mailto:|tel:)[^<>\s]+>|<[^<>\s@]+@[^<>\s]+>")


def _raw(text: Text, masked: str) -> Iterator[Problem]:
    without_autolinks = _AUTOLINKS.sub("", masked)
    for pattern, what in _RAW:
        match = pattern.search(without_autolinks)
        if match:
            offset = masked.find(match.group(0))
            message = (
                f"Text obsahuje {what} („{shown(match.group(0), 30)}“). Plán se sestavuje do více "
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
                f"Obrázek {shown(target, 60)} nemá alternativní text. Do hranatých závorek "
                "napište, co obrázek ukazuje, např. ![Mapa služeb ve městě](obrazky/mapa.png); "
                "bez něj dokument nesplní požadavky na přístupnost."
            )
            yield Problem("obrazek-bez-popisu", message, where)
        path = find_image(root, target, text.source.path)
        if path is None or path.suffix.lower() not in IMAGE_TYPES:
            message = (
                f"Obrázek {shown(target, 60)} nelze použít: musí to být soubor PNG, JPG nebo "
                "SVG uvnitř složky plánu (např. obrazky/mapa.png), ne adresa na internetu ani "
                "soubor mimo plán."
            )
            yield Problem("obrazek-mimo-projekt", message, where)
            continue
        fault = image_fault(path, root)
        if fault:
            message = (
                f"Obrázek {shown(target, 60)} nelze použít: {fault}. Uložte obrázek jako PNG "
                "nebo JPG (v malování: Soubor → Uložit jako), SVG bez odkazů a skriptů."
            )
            yield Problem("obrazek-obsah", message, where)
