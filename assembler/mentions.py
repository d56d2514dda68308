"""A reference as an author writes it: ``[[SEN 1.2]]``, ``[[1.2]]`` in the same chapter,
``[[SEN 1.2|own text]]``, found in a text, its code normalised, and the words it prints.

What a reference means for the plan (its checks, the backlinks) is links.py's; this
module only reads the written form and lays a resolved text out as Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from assembler.models.vocab import GENERATED_SECTIONS
from assembler.plan.items import Item
from assembler.plan.markdown_escape import plain

REFERENCE = re.compile(r"\[\[([^\[\]|\n]*)(?:\|([^\[\]\n]*))?\]\]")
_CHAPTER_CODE = re.compile(r"[A-Za-z]{2,8}")
_FULL = re.compile(r"([A-Za-z]{2,8})\s+(\S+)")
_LOCAL = re.compile(r"\d[\w.]*|P\d+")
_LAST_WORD = re.compile(r"(\w+)\s+$")

# The plan's item of a normalised code, or None.
Lookup = Callable[[str], Item[Any] | None]


class Mention(NamedTuple):
    """One ``[[…]]`` written in a text: its span and what it refers to. (A tuple: a
    1000-measure plan has thousands, made on every check.)"""

    start: int
    end: int
    code: str  # normalised; empty for ``[[ ]]``
    written: str  # the code as written
    target: Item[Any] | None  # None: not in the plan (removed or unknown)
    own: str | None = None  # ``[[SEN 1.2|own text]]``

    def words(self, markdown: str) -> str:
        """What the reference prints in ``markdown`` (its text), with or without a link
        around it: the target's title as plain text (a title is never Markdown), the
        author's own words as written."""
        if self.target is None:
            return f"{plain(self.code or self.written.strip())} (vyřazeno)"
        if self.own:
            return self.own
        return plain(self.target.label if self.kind_said(markdown) else self.target.full_label)

    def kind_said(self, markdown: str) -> bool:
        """ "v opatření [[SEN 1.2]]", "(kapitola [[PRE]])", "ke společnému cíli [[SC1]]":
        the author already said the kind; it must not be printed twice. (The word is
        looked for only just before the reference: bodies are long.)"""
        said = _LAST_WORD.search(markdown, max(0, self.start - 80), self.start)
        stems = self.target.kind.stems if self.target else ()
        return bool(said and said.group(1).lower().startswith(stems))


@dataclass(frozen=True)
class LinkedText:
    """An author text (Markdown) with its references resolved."""

    markdown: str
    mentions: tuple[Mention, ...]

    def render(self, linked: bool = True) -> str:
        """The text with each reference as a Markdown link (or its plain words)."""
        source = self.markdown
        parts: list[str] = []
        last = 0
        for mention in self.mentions:
            words = mention.words(source)
            if linked and mention.target is not None:
                words = f"[{words}](#{mention.target.anchor})"
            parts += [source[last : mention.start], words]
            last = mention.end
        return "".join(parts) + source[last:] if parts else source


def normalise(raw: str, chapter: str | None) -> str:
    """``sen  1.2`` → ``SEN 1.2``; a short ``1.2`` means the current chapter's item."""
    text = " ".join(raw.split())
    if text.lower() in GENERATED_SECTIONS:
        return text.lower()
    if _CHAPTER_CODE.fullmatch(text) or re.fullmatch(r"[Ss][Cc]\d+", text):
        return text.upper()
    full = _FULL.fullmatch(text)
    if full:
        return f"{full.group(1).upper()} {full.group(2)}"
    if chapter and _LOCAL.fullmatch(text):
        return f"{chapter} {text}"
    return text


def find_mentions(masked: str, chapter: str | None, target: Lookup) -> tuple[Mention, ...]:
    """The references of a text whose code spans and blocks are blanked out, each with
    its ``target`` (the plan's item of that code, or None)."""
    return tuple(_mention(match, chapter, target) for match in REFERENCE.finditer(masked))


def _mention(match: re.Match[str], chapter: str | None, target: Lookup) -> Mention:
    written, own = match.group(1), (match.group(2) or "").strip()
    code = normalise(written, chapter)
    item = target(code) if code else None
    return Mention(match.start(), match.end(), code, written, item, own or None)
