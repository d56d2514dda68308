"""What the PDF engine (Typst, PDF/A and PDF/UA) would refuse, found by the check first.

Typst stops the whole build, in English and without a place, at a heading that
skips a level (PDF/UA) and at lists or quotes nested deeper than its show rules go.
Each is a located Czech problem here, so ``plan check`` passing means ``plan build``
can succeed. (Characters no font has and control characters are found by
checks/characters.py in every string, image formats by the image rules.)
A paragraph of a hundred pages is no error, but Typst's justified line breaking
of it takes minutes (a 900 KB paragraph: over a minute, against seconds for the
same text in ordinary paragraphs): it is a warning here, and the PDF sets such a
paragraph with simple line breaking (render/long_text.py), which is linear.
A # heading in a YAML text field passes too, but is printed as ## (render.markdown.under):
a warning with the fix, since the author wrote a level the output does not show. In a
field printed within a line (an activity's popis) a heading is no heading at all: a
warning too, and no level of it is judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from assembler.plan.texts import Text, long_paragraphs, mask_code
from assembler.problems.diagnostics import Problem

MAX_NESTING = 10
MAX_PER_TEXT = 10
# About three pages of one paragraph: longer ones are almost always text pasted from
# a PDF or a web page that lost the blank lines between its paragraphs.
MAX_PARAGRAPH = 10_000
# A heading may open a line inside a quote or a list item too ("> ## Citace"): Typst
# numbers those levels with the others.
_HEADING = re.compile(
    r"(?m)^ {0,3}(?:(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])))+[ \t]*)?(#{1,6})[ \t]"
)
_LINE_NESTING = re.compile(r"(?m)^((?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))+)")
_MARKER = re.compile(r">|[-*+]|\d{1,9}[.)]")


def check_engine(texts: Iterable[Text]) -> list[Problem]:
    problems: list[Problem] = []
    for text in texts:
        masked = mask_code(text.text)
        for found in (_headings(text, masked), _nesting(text, masked), _paragraphs(text, masked)):
            problems += islice(found, MAX_PER_TEXT)
    return problems


def _headings(text: Text, masked: str) -> Iterator[Problem]:
    if "#" not in masked:
        return
    found = [(len(m.group(1)), m.start(1)) for m in _HEADING.finditer(masked)]
    if not found:
        return
    if text.inline:
        yield _in_line(text, found[0][1])
        return
    # What the text's first heading follows in the document. A chapter body sits under
    # the chapter title (level 1); its level-1 headings are moved one level down (see
    # render.markdown.body), so a body may start at # or ##. A YAML text field is printed
    # as written under a heading of level 1 or deeper (the plan's vision under the level-1
    # "Vize a kontakt", a garant's evaluation under its measure's level 4: the templates
    # print every such field through render.markdown.under, which moves its headings below
    # that level): starting at ## skips no level in any of them.
    previous = min(level for level, _ in found) - 1 if text.path is None else 1
    previous = min(previous, 1)
    if text.path is not None:
        yield from _top_level(text, found)
    for index, (level, offset) in enumerate(found):
        if level > previous + 1:
            message = _skip(level, None if index == 0 else previous)
            yield Problem("nadpis-preskakuje", message, text.location(offset))
        previous = level


def _top_level(text: Text, found: list[tuple[int, int]]) -> Iterator[Problem]:
    """A # in a YAML text field passes the engine but is printed a level deeper than
    written (a garant's evaluation under its measure's heading, as ##). Said once per
    text: its other headings move with it, so the fix is the same for all of them."""
    offset = next((offset for level, offset in found if level == 1), None)
    if offset is None:
        return
    message = (
        f"Nadpis # v textu „{_key(text)}“: text pole se tiskne pod nadpisem, ke kterému patří "
        "(např. hodnocení pod názvem opatření), a nadpis # se v něm vytiskne stejně jako ##. "
        "Nadpisy v poli začínají ##: každému nadpisu tohoto textu přidejte jeden znak # "
        "(# → ##, ## → ###)."
    )
    yield Problem("nadpis-uroven", message, text.location(offset))


def _in_line(text: Text, offset: int) -> Problem:
    message = (
        f"Nadpis v textu „{_key(text)}“ se nevytiskne jako nadpis: text pole se tiskne "
        "v jednom řádku seznamu (např. popis aktivity za jejím názvem), a tak se z nadpisu "
        "stane text se znaky #. Znaky # na začátku řádku smažte; text s nadpisy patří "
        "do popisu opatření."
    )
    return Problem("nadpis-v-radku", message, text.location(offset))


def _key(text: Text) -> str:
    return next((part for part in reversed(text.path or ()) if isinstance(part, str)), "")


def _skip(level: int, previous: int | None) -> str:
    marks = "#" * level
    if previous is None:
        return (
            f"Nadpis úrovně {level} ({marks}) je prvním nadpisem textu a přeskočil by úroveň "
            "pod nadpisem, pod nímž se text tiskne; přístupné PDF to nepovoluje. Začněte "
            "nadpisem ## a každou hlubší úroveň přidávejte po jedné (##, ###, …)."
        )
    return (
        f"Nadpis úrovně {level} ({marks}) následuje po nadpisu úrovně {previous} "
        f"a jednu úroveň přeskakuje; přístupné PDF to nepovoluje. Použijte "
        f"{'#' * (previous + 1)}, nebo doplňte nadpis chybějící úrovně nad ním."
    )


def _nesting(text: Text, masked: str) -> Iterator[Problem]:
    stack: list[int] = []  # indentation of the open list levels
    for match in _LINE_NESTING.finditer(masked):
        prefix = match.group(1)
        indent = len(prefix) - len(prefix.lstrip(" \t"))
        while stack and stack[-1] >= indent:
            stack.pop()
        markers = len(_MARKER.findall(prefix))
        depth = len(stack) + markers
        if depth > MAX_NESTING:
            message = (
                f"Seznam nebo citace je vnořená {depth}× (nejvýše {MAX_NESTING}); tak hluboké "
                "vnoření PDF nevysází. Zmenšete odsazení nebo seznam rozdělte."
            )
            yield Problem("vnoreni-hloubka", message, text.location(match.start()))
            return  # once per text: the levels below it are the same mistake
        stack.append(indent)


def _paragraphs(text: Text, masked: str) -> Iterator[Problem]:
    for start, end in long_paragraphs(masked, MAX_PARAGRAPH):
        length = f"{end - start:,}".replace(",", "\u00a0")
        limit = f"{MAX_PARAGRAPH:,}".replace(",", "\u00a0")
        message = (
            f"Odstavec má {length} znaků bez prázdného řádku (čeká se nejvýše {limit}, asi "
            "tři strany). Text vložený z PDF nebo z webu často ztratí prázdné řádky mezi "
            "odstavci: oddělte odstavce prázdným řádkem. Takto dlouhý odstavec PDF vysází "
            "jednodušším zalamováním řádků (mezery mezi slovy budou méně vyrovnané)."
        )
        yield Problem("odstavec-dlouhy", message, text.location(start))
