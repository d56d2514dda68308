"""An engine that refuses what the check accepted: one Czech problem naming the chapter.

pandoc and Typst report their own English messages without a place in the plan.
The check should have caught the construct; when it did not, the build still must
not end in "vnitřní chyba programu". For the full plan the chapter is found by
converting growing prefixes of the plan (each one chapter longer, links reduced to
their text so a reference to a later chapter does not fail on its own) until the
engine refuses one; that costs a few conversions, and only on this failure path.
A monitoring report is cut before every heading instead, and the piece that fails
names the garant's report file and the measure (or the report's introduction).
The public summary is cut the same way: an area's section names its chapter, the
rest plan.yaml.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from assembler.checks.pipeline import CheckedPlan
from assembler.plan.items import anchor_for
from assembler.problems.diagnostics import Location, Problem
from assembler.render.documents import MONITORING, PLAN, SUMMARY, Document, Part
from assembler.render.pandoc import TIMEOUT, PandocError, PandocTimeout
from assembler.render.typst_engine import TypstError

ENGINE_ERRORS = (PandocError, TypstError)
_CHAPTER_START = re.compile(r"(?m)^# ")
_ANY_HEADING = re.compile(r"(?m)^#{1,6} ")
_ANCHOR = re.compile(r"\{#([^}\s]+)\}")
_AREA_ANCHOR = re.compile(r"\{#oblast-([^}\s]+)\}")
_MEASURE_HEADING = re.compile(r"(?m)^#### (\S+[ \u00a0]\S+)")
_LOCAL_LINK = re.compile(r"\[([^\]\n]*)\]\(#[^)\s]*\)")
_LABEL = re.compile(r"label `<([^>]+)>` does not exist")


def _engine(err: Exception) -> str:
    return "Typst (PDF)" if isinstance(err, TypstError) else "pandoc"


def _chapters(markdown: str, heading: re.Pattern[str] = _CHAPTER_START) -> list[str]:
    """The document split before each level-1 heading (the first piece may be empty)."""
    starts = [m.start() for m in heading.finditer(markdown)]
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
    part: Part = None,
) -> Problem:
    """The problem to report for an output the engine refused."""
    detail = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    where: str | None = None
    located: Location | None = None
    label = _LABEL.search(str(err))
    if isinstance(err, PandocTimeout):
        # Converting prefixes would run into the same timeout a few times more.
        return Problem("vystup-selhal", _timeout_message(name), Location(name))
    if label:
        where = _referring_file(plan, document.markdown, label.group(1))
    elif document.kind == PLAN:
        pieces = _chapters(document.markdown)
        index = _failing_piece(document, pieces, convert)
        if index is not None:
            where = _chapter_file(plan, pieces[index])
    elif document.kind == SUMMARY:
        where = _summary_file(plan, document, convert)
    elif document.kind == MONITORING and isinstance(part, int):
        located, place = _report_place(plan, document, part, convert)
        message = _message(name, err, place, detail)
        return Problem("vystup-selhal", message, located or Location(name))
    place = "v některé kapitole"
    if where:
        place = "v plan.yaml" if where == plan.project.plan_source.name else f"v kapitole {where}"
    return Problem("vystup-selhal", _message(name, err, place, detail), Location(where or name))


def _message(name: str, err: Exception, place: str, detail: str) -> str:
    return (
        f"Výstup {name} se nepodařilo vytvořit: {_engine(err)} odmítl obsah {place} "
        f"({detail}). Kontrola tuto konstrukci nepoznala; zjednodušte ji (nadpisy bez "
        "přeskočených úrovní, běžné znaky, obrázky PNG nebo SVG) a nahlaste ji správci."
    )


def _timeout_message(name: str) -> str:
    return (
        f"Výstup {name} se nepodařilo vytvořit: převod textu (pandoc) nedoběhl za "
        f"{TIMEOUT // 60} minut. Obvyklá příčina je text s tisíci neuzavřenými hranatými "
        "závorkami „[“ nebo mimořádně dlouhý odstavec; najděte jej a "
        "zjednodušte, případně nahlaste správci."
    )


def _summary_file(
    plan: CheckedPlan, document: Document, convert: Callable[[Document], object]
) -> str | None:
    """The file of the public summary's failing part: an area's section (under its
    chapter's anchor) comes from the chapter, everything else from plan.yaml (vision,
    organisations, approval)."""
    pieces = _chapters(document.markdown, _ANY_HEADING)
    index = _failing_piece(document, pieces, convert)
    if index is None:
        return None
    before = "".join(pieces[: index + 1])
    section = before[before.rfind("\n# ") + 1 :]
    by_anchor = {anchor_for(c.chapter.code): c for c in plan.project.chapters if c.chapter.code}
    for anchor in reversed(_ANCHOR.findall(section)):
        if anchor in by_anchor:
            return by_anchor[anchor].source.name
    return plan.project.plan_source.name


def _report_place(
    plan: CheckedPlan, document: Document, year: int, convert: Callable[[Document], object]
) -> tuple[Location | None, str]:
    """The report file (and measure) of a monitoring report the engine refused: the
    report is converted in growing prefixes, one heading longer each, and the file is
    the one of the area (or the measure, or the introduction) that prefix ends in."""
    monitored = plan.monitoring.get(year)
    pieces = _chapters(document.markdown, _ANY_HEADING)
    index = _failing_piece(document, pieces, convert)
    if monitored is None or index is None:
        return None, "v některém hlášení"
    before = "".join(pieces[: index + 1])
    areas = list(_AREA_ANCHOR.finditer(before))
    if not areas:
        source = monitored.info_source
        if source is None:
            return None, "v úvodu zprávy"
        return source.location(("uvod",)), f"v úvodu zprávy ({source.name})"
    anchor = areas[-1].group(1)
    report = next((a for a in monitored.areas if anchor_for(a.report.area) == anchor), None)
    if report is None:
        return None, "v některém hlášení"
    measures = list(_MEASURE_HEADING.finditer(before, areas[-1].end()))
    if measures:
        code = measures[-1].group(1).replace("\u00a0", " ")
        for i, measure in enumerate(report.report.measures):
            if f"{report.report.area} {measure.code}" == code:
                place = f"v hlášení {report.source.name} (opatření {code})"
                return report.source.location(("opatreni", i)), place
    return Location(report.source.name), f"v hlášení {report.source.name}"


def _referring_file(plan: CheckedPlan, markdown: str, anchor: str) -> str | None:
    link = markdown.find(f"(#{anchor})")
    if link < 0:
        return None
    opening = markdown.rfind("\n# ", 0, link)
    piece = markdown[opening + 1 :] if opening >= 0 else markdown
    return _chapter_file(plan, piece)
