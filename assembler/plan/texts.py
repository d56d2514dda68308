"""Every piece of author-written Markdown in the plan, with its owner and its place.

References, abbreviations and raw-markup rules scan the same texts; the renderer
renders them. Each text knows which item owns it (for backlinks and
self-references) and how to turn a position inside it into a file location.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from assembler.load.sources import SourceFile
from assembler.plan import walk
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

    def location(self, offset: int) -> Location:
        line = self.text.count("\n", 0, offset)
        col = offset - (self.text.rfind("\n", 0, offset) + 1)
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


_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[`~]*[ \t]*$|\Z)", re.M | re.S)
_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)


def mask_code(text: str) -> str:
    """Blank out code blocks and code spans, keeping offsets, so scanners skip them."""
    if "`" not in text and "~" not in text:
        return text  # the usual case, and the scan of thousands of texts adds up

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _SPAN.sub(blank, _FENCE.sub(blank, text))


def plan_texts(project: Project) -> Iterator[Text]:
    """All Markdown texts: plan.yaml fields, chapter fields and chapter bodies."""
    plan = project.plan_source
    info = project.info
    for key, value in (("vize", info.vision), ("zapojeni", info.involvement)):
        if value:
            yield Text(value, None, None, plan, (key,))
    for i, shared in enumerate(info.shared_goals):
        if shared.description:
            yield Text(shared.description, shared.code, None, plan, ("spolecne_cile", i, "popis"))
    for chapter in project.chapters:
        model = chapter.chapter
        if model.summary:
            yield Text(model.summary, model.code, model.code, chapter.source, ("shrnuti",))
        yield Text(chapter.source.body, model.code, model.code, chapter.source, None)
    yield from _item_texts(project)


def _item_texts(project: Project) -> Iterator[Text]:
    for priority in walk.priorities(project):
        yield from _fields(priority, ("popis",), priority.item.description)
    for goal in walk.goals(project):
        yield from _fields(goal, ("popis",), goal.item.description)
    for measure in walk.measures(project):
        yield from _fields(measure, ("popis",), measure.item.description)
        yield from _fields(measure, ("oduvodneni",), measure.item.rationale)
    for _, activity in walk.activities(project):
        yield from _fields(activity, ("popis",), activity.item.description)


def _fields(found: walk.Found[Any], key: Path, value: str | None) -> Iterator[Text]:
    if not value:
        return
    code = getattr(found.item, "code", "")
    owner = walk.full_code(found.area, code)
    yield Text(value, owner, found.area.code, found.chapter.source, (*found.path, *key))
