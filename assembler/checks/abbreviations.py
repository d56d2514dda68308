"""Abbreviations: which of the plan's list are used, which used ones are not explained.

The index of abbreviations prints only those the text really uses; an unknown
abbreviation is a warning so the coordinator can add it to ``zkratky``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from assembler.mentions import REFERENCE
from assembler.plan.items import ItemIndex, Kind
from assembler.plan.project import Project
from assembler.plan.texts import Text, mask_code
from assembler.problems.diagnostics import Problem

_UPPER = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_TOKEN = re.compile(rf"(?<![\w+/.@-])([{_UPPER}][{_UPPER}0-9]*[{_UPPER}]\+?)(?![\w@/-])")
# An e-mail address is matched only from the start of its word: tried from every
# letter of a long word, "[\w.+-]+@" made one 80 000-letter word cost 41 s.
_NOISE = re.compile(r"https?://\S+|(?<![\w.+-])[\w.+-]+@[\w.-]+|" + REFERENCE.pattern)
_ROMAN = re.compile(r"[IVXLCDM]+")


def tokens(text: str) -> Iterator[tuple[str, int]]:
    """Abbreviation-like words (two or more capitals) and offsets, skipping code and links."""
    masked = _NOISE.sub(lambda m: " " * len(m.group(0)), mask_code(text))
    for match in _TOKEN.finditer(masked):
        word = match.group(1)
        if not _ROMAN.fullmatch(word):
            yield word, match.start()


def _codes(project: Project, items: ItemIndex) -> set[str]:
    codes = {chapter.code for chapter in items.of(Kind.CHAPTER)}
    codes.update(org.key for org in project.info.organisations)
    return codes


def used_abbreviations(project: Project, items: ItemIndex, texts: Iterable[Text]) -> dict[str, str]:
    """The plan's abbreviations that occur in its texts or titles, in alphabetical order."""
    words: set[str] = set()
    for text in texts:
        words.update(word for word, _ in tokens(text.text))
    titles = [m.title for m in items.of(Kind.MEASURE)] + [g.title for g in items.of(Kind.GOAL)]
    for title in [*titles, project.info.title]:
        words.update(word for word, _ in tokens(title))
    known = project.info.abbreviations
    return {k: known[k] for k in sorted(known, key=str.casefold) if k in words}


MAX_UNKNOWN_PER_TEXT = 30


def check_abbreviations(project: Project, items: ItemIndex, texts: Iterable[Text]) -> list[Problem]:
    known = set(project.info.abbreviations) | _codes(project, items)
    reported: set[str] = set()
    problems = []
    for text in texts:
        in_text = 0
        for word, offset in tokens(text.text):
            if word in known or word in reported:
                continue
            if in_text == MAX_UNKNOWN_PER_TEXT:
                break  # pasted capitals (a table, base64): the first ones say enough
            in_text += 1
            reported.add(word)
            message = (
                f"Zkratka {word} není v seznamu zkratek. Doplňte ji do plan.yaml pod zkratky "
                f"(např. {word}: význam zkratky), nebo ji v textu rozepište."
            )
            problems.append(Problem("zkratka-neznama", message, text.location(offset)))
    return problems + list(_summary_problems(project))


SUMMARY_LIMIT = 1200


def _summary_problems(project: Project) -> Iterator[Problem]:
    for chapter, area in project.areas:
        if not area.summary:
            message = (
                f"Kapitola {area.code} nemá shrnutí pro veřejnost. Doplňte klíč shrnuti: "
                "3–6 vět bez zkratek o tom, co se pro lidi změní."
            )
            yield Problem("shrnuti-chybi", message, chapter.source.location(["kod"]))
            continue
        text = Text(area.summary, area.code, area.code, chapter.source, ("shrnuti",))
        if len(area.summary) > SUMMARY_LIMIT:
            message = (
                f"Shrnutí pro veřejnost má {len(area.summary)} znaků; veřejná verze snese "
                f"nejvýše asi {SUMMARY_LIMIT}. Zkraťte je na to podstatné."
            )
            yield Problem("shrnuti-dlouhe", message, chapter.source.location(["shrnuti"]))
        yield from _unexplained(text, project.info.abbreviations)


def _unexplained(text: Text, meanings: dict[str, str]) -> Iterator[Problem]:
    seen: set[str] = set()
    lowered = text.text.lower()
    for word, offset in tokens(text.text):
        meaning = meanings.get(word, "")
        if word in seen or (meaning and meaning.lower() in lowered):
            continue
        seen.add(word)
        message = (
            f"Shrnutí pro veřejnost používá zkratku {word}. Čtenáři ji nemusí znát: "
            f"napište ji celými slovy{f' ({meaning})' if meaning else ''}."
        )
        yield Problem("shrnuti-zkratka", message, text.location(offset))
