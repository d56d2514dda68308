"""An engine that refuses what the check accepted: one Czech problem naming the chapter.

pandoc and Typst report their own English messages without a place in the plan.
The check should have caught the construct; when it did not, the build still must
not end in "vnitřní chyba programu". For the full plan the chapter is found by
converting growing prefixes of the plan (each one chapter longer, links reduced to
their text so a reference to a later chapter does not fail on its own) until the
engine refuses one; that costs a few conversions, and only on this failure path.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from assembler.checks.pipeline import CheckedPlan
from assembler.problems.diagnostics import Location, Problem
from assembler.render.documents import PLAN, Document
from assembler.render.pandoc import PandocError
from assembler.render.typst_engine import TypstError

ENGINE_ERRORS = (PandocError, TypstError)
_CHAPTER_START = re.compile(r"(?m)^# ")
_LOCAL_LINK = re.compile(r"\[([^\]\n]*)\]\(#[^)\s]*\)")
_LABEL = re.compile(r"label `<([^>]+)>` does not exist")


def _engine(err: Exception) -> str:
    return "Typst (PDF)" if isinstance(err, TypstError) else "pandoc"


def _chapters(markdown: str) -> list[str]:
    """The document split before each level-1 heading (the first piece may be empty)."""
    starts = [m.start() for m in _CHAPTER_START.finditer(markdown)]
    bounds = [0, *starts, len(markdown)]
    return [markdown[a:b] for a, b in itertools.pairwise(bounds) if b > a]


def _failing_piece(
    document: Document, pieces: list[str], convert: Callable[[Document], object]
) -> int | None:
    """Index of the first piece whose addition makes the engine refuse the document."""
    low, high = 0, len(pieces) - 1  # invariant: prefix up to `high` fails
    if high < 0:
        return None
    while low < high:
        middle = (low + high) // 2
        prefix = _LOCAL_LINK.sub(r"\1", "".join(pieces[: middle + 1]))
        try:
            convert(replace(document, markdown=prefix))
        except ENGINE_ERRORS:
            high = middle
        else:
            low = middle + 1
    return low


def _chapter_file(plan: CheckedPlan, piece: str) -> str | None:
    """The chapter file whose heading opens ``piece`` (``# 3 Senioři {#sen}``)."""
    heading = piece.split("\n", 1)[0]
    for chapter in plan.project.chapters:
        title = chapter.chapter.title
        code = chapter.chapter.code
        anchor = f"{{#{code.lower()}}}" if code else None
        if (anchor and anchor in heading) or (title and title in heading.replace("\u00a0", " ")):
            return chapter.source.name
    return None


def explain(
    plan: CheckedPlan,
    document: Document,
    name: str,
    err: Exception,
    convert: Callable[[Document], object],
) -> Problem:
    """The problem to report for an output the engine refused."""
    detail = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    where: str | None = None
    label = _LABEL.search(str(err))
    if label:
        where = _referring_file(plan, document.markdown, label.group(1))
    elif document.kind == PLAN:
        pieces = _chapters(document.markdown)
        index = _failing_piece(document, pieces, convert)
        if index is not None:
            where = _chapter_file(plan, pieces[index])
    place = f"v kapitole {where}" if where else "v některé kapitole"
    message = (
        f"Výstup {name} se nepodařilo vytvořit: {_engine(err)} odmítl obsah {place} "
        f"({detail}). Kontrola tuto konstrukci nepoznala; zjednodušte ji (nadpisy bez "
        "přeskočených úrovní, běžné znaky, obrázky PNG nebo SVG) a nahlaste ji správci."
    )
    return Problem("vystup-selhal", message, Location(where or name))


def _referring_file(plan: CheckedPlan, markdown: str, anchor: str) -> str | None:
    link = markdown.find(f"(#{anchor})")
    if link < 0:
        return None
    opening = markdown.rfind("\n# ", 0, link)
    piece = markdown[opening + 1 :] if opening >= 0 else markdown
    return _chapter_file(plan, piece)
