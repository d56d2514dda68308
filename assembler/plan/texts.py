"""Every piece of author-written Markdown in the plan, with its owner and its place.

References, abbreviations and raw-markup rules scan the same texts; the renderer
renders them. Each text knows which item owns it (for backlinks and
self-references) and how to turn a position inside it into a file location.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from assembler.load.sources import SourceFile
from assembler.plan.items import ItemIndex, Kind
from assembler.plan.project import Project
from assembler.problems.diagnostics import Location

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Text:
    text: str
    owner: str | None  # full code of the item the text belongs to
    chapter: str | None  # code of the chapter, for short references like [[1.2]]
    source: SourceFile
    path: Path | None  # YAML path of the field; None for the Markdown body

    @cached_property
    def _line_starts(self) -> list[int]:
        """Offsets where lines begin: built once, so a text with many problems locates
        each in logarithmic time instead of rescanning the text from its start."""
        return [0, *(match.end() for match in _NEWLINE.finditer(self.text))]

    def location(self, offset: int) -> Location:
        starts = self._line_starts
        line = bisect_right(starts, offset) - 1
        col = offset - starts[line]
        if self.path is None:
            return self.source.body_location(line, col)
        return self.source.text_location(self.path, line, col)

    def place(self, offset: int) -> TextPlace:
        return TextPlace(self, offset)


@dataclass(frozen=True)
class TextPlace:
    """A position inside a text, turned into a file location only when asked for."""

    text: Text
    offset: int

    @property
    def location(self) -> Location:
        return self.text.location(self.offset)


_NEWLINE = re.compile("\n")
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[`~]*[ \t]*$|\Z)", re.M | re.S)
_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)


def mask_code(text: str) -> str:
    """Blank out code blocks and code spans, keeping offsets, so scanners skip them."""
    if "`" not in text and "~" not in text:
        return text  # the usual case, and the scan of thousands of texts adds up

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _SPAN.sub(blank, _FENCE.sub(blank, text))


# The Markdown fields of each kind of item: (YAML key, model attribute), in reading order.
_FIELDS: dict[Kind, tuple[tuple[str, str], ...]] = {
    Kind.PRIORITY: (("popis", "description"),),
    Kind.GOAL: (("popis", "description"),),
    Kind.MEASURE: (("popis", "description"), ("oduvodneni", "rationale")),
    Kind.ACTIVITY: (("popis", "description"),),
}


def plan_texts(project: Project, items: ItemIndex) -> tuple[Text, ...]:
    """All Markdown texts: plan.yaml fields, chapter fields and bodies, then item fields.

    The order is the order problems are first found in (an unknown abbreviation is
    reported where it first occurs), so it must not change."""
    return tuple(_texts(project, items))


def _texts(project: Project, items: ItemIndex) -> Iterator[Text]:
    plan = project.plan_source
    info = project.info
    for key, value in (("vize", info.vision), ("zapojeni", info.involvement)):
        if value:
            yield Text(value, None, None, plan, (key,))
    for shared in items.of(Kind.SHARED_GOAL):
        if shared.model.description:
            yield Text(shared.model.description, shared.code, None, plan, (*shared.path, "popis"))
    for chapter in project.chapters:
        model = chapter.chapter
        if model.summary:
            yield Text(model.summary, model.code, model.code, chapter.source, ("shrnuti",))
        yield Text(chapter.source.body, model.code, model.code, chapter.source, None)
    for kind, fields in _FIELDS.items():
        for item in items.of(kind):
            for key, attribute in fields:
                value = getattr(item.model, attribute)
                if value:
                    chapter_code = item.area.code
                    yield Text(value, item.code, chapter_code, item.source, (*item.path, key))
