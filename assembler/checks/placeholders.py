"""Template text left in the plan: the placeholders of ``plan init`` and ``plan new-chapter``.

The placeholders are read out of the scaffold templates themselves (``templates/init``,
where each is written as ``placeholder("…")``), so a template that gains or rewords one
is checked without a second list to keep in step.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from importlib import resources
from typing import Any

from assembler.plan.items import ItemIndex
from assembler.plan.project import Project
from assembler.problems.diagnostics import Location, Problem

_MARK = re.compile(r'placeholder\("((?:[^"\\]|\\.)*)"\)')


@functools.cache
def placeholders() -> tuple[str, ...]:
    """Every placeholder text of the scaffold templates, in the order they appear."""
    folder = resources.files("assembler").joinpath("templates", "init")
    found: list[str] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".j2"):
            text = entry.read_text(encoding="utf-8")
            found += [json.loads(f'"{raw}"') for raw in _MARK.findall(text)]
    return tuple(dict.fromkeys(found))


@functools.cache
def _pattern() -> re.Pattern[str]:
    # Longest first, so "[[KOD 1.2]]" is reported as itself, not as "[[KOD" of "[[KOD]]".
    texts = sorted(placeholders(), key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in texts))


def template_text(project: Project, items: ItemIndex) -> Iterator[Problem]:
    sources = [project.plan_source, *(c.source for c in project.chapters)]
    for source in sources:
        for path, value in _strings(source.data, ()) if _may_hold(source.yaml_text) else ():
            for match in _pattern().finditer(value):
                line, col = _line_col(value, match.start())
                yield _problem(match.group(0), source.text_location(path, line, col))
        for match in _pattern().finditer(source.body):
            line, col = _line_col(source.body, match.start())
            yield _problem(match.group(0), source.body_location(line, col))


def _may_hold(yaml_text: str) -> bool:
    """Whether a value of this YAML may hold a placeholder, from its text alone (walking a
    1000-measure plan's 200 000 values cost 0.1 s): a value's text is the file's, but for
    line breaks that became spaces (any white space between words matches here) and
    escapes (then the values are searched)."""
    return "\\" in yaml_text or _loose_pattern().search(yaml_text) is not None


@functools.cache
def _loose_pattern() -> re.Pattern[str]:
    """The placeholders with any white space (a line break and indentation) between words."""
    texts = sorted(placeholders(), key=len, reverse=True)
    return re.compile("|".join(r"\s+".join(map(re.escape, t.split(" "))) for t in texts))


def _strings(
    value: Any, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1)


def _problem(found: str, where: Location) -> Problem:
    if found.startswith("[["):
        message = (
            f"Vzorový odkaz {found} ze šablony: KOD nahraďte kódem kapitoly a číslo "
            "číslem opatření, např. [[SEN 1.2]], nebo ukázku smažte."
        )
    else:
        message = (
            f"Text „{found}“ je vzor ze šablony, ne obsah plánu; bez úpravy by se "
            "vytiskl. Nahraďte jej vlastním textem."
        )
    return Problem("vzorovy-text", message, where)


CHECKS = [template_text]
