"""Every piece of author-written Markdown in the plan, with its owner and its place.

References, abbreviations and raw-markup rules scan the same texts; the renderer
renders them. Each text knows which item owns it (for backlinks and
self-references) and how to turn a position inside it into a file location.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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
    # Printed within its item's line of a list (an activity's popis after its name), where
    # no heading, list or paragraph break can be.
    inline: bool = False

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
# The opening fence is possessive: a line of a million backticks is not rescanned.
_FENCE = re.compile(r"^( {0,3})(`{3,}+|~{3,}+)[^\n]*\n.*?(?:^\1?\2[`~]*+[ \t]*+$|\Z)", re.M | re.S)
# A backslash escape or a run of backticks, whichever comes first.
_TICKS = re.compile(r"\\.|`+", re.S)
_RUN = re.compile(r"`+")


def mask_code(text: str) -> str:
    """Blank out code blocks and code spans, keeping offsets, so scanners skip them."""
    if "`" not in text and "~" not in text:
        return text  # the usual case, and the scan of thousands of texts adds up

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    fenced = _FENCE.sub(blank, text)
    spans = list(_code_spans(fenced))
    if not spans:
        return fenced
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        pieces += [fenced[last:start], re.sub(r"[^\n]", " ", fenced[start:end])]
        last = end
    return "".join([*pieces, fenced[last:]])


def _code_spans(text: str) -> Iterator[tuple[int, int]]:
    """Code spans as pandoc reads them, in linear time: a run of backticks not escaped
    by a backslash opens one, the next run of the same length closes it, and no span
    reaches past a blank line (the end of its paragraph). An opening run without a
    closing one is literal text, and the scan goes on after it."""
    closers: dict[int, list[int]] = {}  # starts of the runs of each length, in order
    for run in _RUN.finditer(text):
        closers.setdefault(run.end() - run.start(), []).append(run.start())
    gaps = [gap.start() for gap in _GAP.finditer(text)]
    position = 0
    while (token := _TICKS.search(text, position)) is not None:
        position = token.end()
        if token.group(0)[0] == "\\":
            continue
        starts = closers[token.end() - token.start()]
        found = bisect_left(starts, token.end())
        paragraph_end = (
            gaps[index] if (index := bisect_left(gaps, token.end())) < len(gaps) else len(text)
        )
        if found < len(starts) and starts[found] < paragraph_end:
            close = starts[found] + token.end() - token.start()
            yield token.start(), close
            position = close


# One or more blank lines: the end of a paragraph. Possessive, so a long line of
# spaces is passed once, not rescanned from each of its positions.
_GAP = re.compile(r"\n(?:[ \t]*+\n)++")


def long_paragraphs(masked: str, limit: int) -> Iterator[tuple[int, int]]:
    """Start and end offsets of each run of non-blank lines longer than ``limit``
    characters (a paragraph, or a list or table written without blank lines)."""
    start = 0
    for gap in _GAP.finditer(masked):
        if gap.start() - start > limit:
            yield from _trimmed(masked, start, gap.start(), limit)
        start = gap.end()
    if len(masked) - start > limit:
        yield from _trimmed(masked, start, len(masked), limit)


def _trimmed(masked: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    piece = masked[start:end]
    first = start + len(piece) - len(piece.lstrip())
    last = start + len(piece.rstrip())
    if last - first > limit:
        yield first, last


# The Markdown fields of each kind of item: (YAML key, model attribute), in reading order.
_FIELDS: dict[Kind, tuple[tuple[str, str], ...]] = {
    Kind.PRIORITY: (("popis", "description"),),
    Kind.GOAL: (("popis", "description"),),
    Kind.MEASURE: (("popis", "description"), ("oduvodneni", "rationale")),
    Kind.ACTIVITY: (("popis", "description"),),
}
_INLINE = frozenset({Kind.ACTIVITY})


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
                    path = (*item.path, key)
                    yield Text(value, item.code, chapter_code, item.source, path, kind in _INLINE)
