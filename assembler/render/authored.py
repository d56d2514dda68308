"""Author Markdown made safe to join into one document: footnotes and figures.

pandoc's footnote labels are global to a document, so three chapters that each
write ``[^1]`` would print one chapter's note for all three: every text gets its
own label prefix. pandoc also turns an image alone in a paragraph into a figure
captioned with its alternative text, and its Typst writer drops that text
entirely (PDF/UA-1 then refuses the document). Here the author's description
stays the alternative text, a caption is printed only where the author wrote
one — as the image title, ``![popis](obrazky/mapa.png "Popisek")`` — and the
Typst output gets ``alt:`` for every image.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assembler.plan.texts import mask_code
from assembler.render import typography

_NOTE = re.compile(r"\[\^([^\]\s]+)\]")
# An image with an optional "title", alone on its line (pandoc makes a figure of it).
_FIGURE = re.compile(
    r'(?m)^[ \t]*!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"([^"\n]*)")?\s*\)[ \t]*$'
)
# Every image of the assembled document, with the alternative text given for a figure
# (its attributes may carry classes too: a monitoring chart is .graf).
_IMAGE = re.compile(
    r'!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\s*\)'
    r'(?:\{(?:\.[\w-]+\s+)*fig-alt="([^"\n]*)"(?:\s+\.[\w-]+)*\})?'
)
_TYPST_IMAGE = re.compile(r'(?<![\w.])image\("((?:[^"\\]|\\.)*)"')


def own_footnotes(markdown: str, serial: int) -> str:
    """Prefix every footnote label of one text, so it cannot meet another text's label."""
    if "[^" not in markdown:
        return markdown
    masked = mask_code(markdown)
    parts: list[str] = []
    last = 0
    for match in _NOTE.finditer(masked):
        parts += [markdown[last : match.start()], f"[^t{serial}-{match.group(1)}]"]
        last = match.end()
    return "".join([*parts, markdown[last:]])


def figures(markdown: str) -> str:
    """An image alone in its paragraph: captioned by its title, else a plain image."""
    if "![" not in markdown:
        return markdown

    def figure(match: re.Match[str]) -> str:
        alt, target, title = match.group(1), match.group(2), match.group(3)
        if title and title.strip():
            caption = typography.czech(title.strip()).replace("]", "\\]")
            return f'![{caption}]({target}){{fig-alt="{_attribute(alt)}"}}'
        # a non-breaking space after the image keeps pandoc from making it a figure
        return f"![{alt}]({target})\\ "

    masked = mask_code(markdown)
    parts: list[str] = []
    last = 0
    for match in _FIGURE.finditer(masked):
        parts += [markdown[last : match.start()], figure(_reparse(markdown, match))]
        last = match.end()
    return "".join([*parts, markdown[last:]])


def _reparse(markdown: str, masked: re.Match[str]) -> re.Match[str]:
    found = _FIGURE.match(markdown, masked.start(), masked.end())
    assert found is not None  # masking replaces code only, never an image
    return found


def _attribute(text: str) -> str:
    return text.replace("\\", "").replace('"', "“").strip()


@dataclass(frozen=True)
class Image:
    target: str
    alt: str


def images(markdown: str) -> Iterator[Image]:
    """Every image of an assembled document in order, with its alternative text."""
    for match in _IMAGE.finditer(mask_code(markdown)):
        found = _IMAGE.match(markdown, match.start(), match.end())
        assert found is not None
        alt = found.group(3) if found.group(3) is not None else found.group(1)
        yield Image(found.group(2), _plain(alt))


def _plain(markdown: str) -> str:
    """Alternative text is plain text: drop Markdown escapes and emphasis marks."""
    text = re.sub(r"\\(.)", r"\1", markdown)
    return " ".join(re.sub(r"[*_`]", "", text).split())


def typst_alt(typst: str, markdown: str) -> str:
    """Give every ``image("…")`` of pandoc's Typst output the alternative text of its image."""
    pending = list(images(markdown))

    def add(match: re.Match[str]) -> str:
        path = match.group(1).replace('\\"', '"').replace("\\\\", "\\")
        for index, image in enumerate(pending):
            if image.target == path:
                del pending[index]
                return f"{match.group(0)}, alt: {_typst_string(image.alt)}"
        return match.group(0)

    return _TYPST_IMAGE.sub(add, typst)


def _typst_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
