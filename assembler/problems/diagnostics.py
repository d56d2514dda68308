"""Problems found in a plan, shaped like compiler diagnostics.

Every problem is reported as ``path:line:col: severity: message [rule-code]``
so editors and CI logs can jump to it. Severity is not decided where a problem
is found: it comes from the rule catalogue and the plan's own overrides, applied
once in :func:`settle`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from assembler.problems.rules import RULES, Level


class Severity(StrEnum):
    ERROR = "chyba"
    WARNING = "varování"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a project file; line and column are 1-based. In a workbook the place
    is a sheet and cell instead: ``seniori-2026.xlsx:Indikátory!F12``."""

    file: str
    line: int = 0
    col: int = 0
    cell: str = ""

    def __str__(self) -> str:
        if self.cell:
            return f"{self.file}:{self.cell}"
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.col or 1}"


@dataclass(frozen=True)
class Problem:
    rule: str
    message: str
    location: Location
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise ValueError(f"unknown rule code {self.rule!r}")
        # The last guard for values a message quotes without shown(): a long quotation
        # or an unbroken run of characters is the author's text, not our sentence.
        clamped = _LONG_WORD.sub(_clamp, _LONG_QUOTE.sub(_clamp_quote, self.message))
        if clamped != self.message:
            object.__setattr__(self, "message", clamped)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message} [{self.rule}]"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def settle(
    problems: Iterable[Problem],
    overrides: Mapping[str, Level] | None = None,
    strict: bool = False,
) -> list[Problem]:
    """Give each problem its final severity, drop switched-off rules, sort by place."""
    settled = []
    for problem in problems:
        level = RULES[problem.rule].level
        if overrides and RULES[problem.rule].configurable:
            level = overrides.get(problem.rule, level)
        if level is Level.OFF:
            continue
        severity = Severity.ERROR if level is Level.ERROR or strict else Severity.WARNING
        settled.append(replace(problem, severity=severity))
    # One problem can be reached by two routes (e.g. a code that is both a duplicate
    # and a broken reference target); show it once.
    unique = {(p.location, p.rule, p.message): p for p in settled}
    return sorted(unique.values(), key=lambda p: (p.location, p.rule))


SHOWN_LIMIT = 80
_LONG_QUOTE = re.compile(f"„([^“]{{{SHOWN_LIMIT + 1},}})“")
_LONG_WORD = re.compile(rf"\S{{{SHOWN_LIMIT + 20},}}")


def _clamp_quote(match: re.Match[str]) -> str:
    return f"„{shown(match.group(1))}“"


def _clamp(match: re.Match[str]) -> str:
    return shown(match.group(0))


def shown(value: object, limit: int = SHOWN_LIMIT) -> str:
    """An author's value as a message quotes it: one line, at most ``limit`` characters,
    so a pasted megabyte or a multi-line text never floods the report."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def count_errors(problems: Iterable[Problem]) -> int:
    return sum(1 for p in problems if p.is_error)


def plain(text: str) -> str:
    """ "Rozpracováno" → "rozpracovano": the key an author meant by a word with capitals
    and diacritics (keys are written in lower case without them)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A Czech "did you mean" sentence for the closest candidate, or an empty string."""
    options = list(candidates)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in options}
        close = [lowered[m] for m in difflib.get_close_matches(word.lower(), lowered, n=1)]
    return f" Měli jste na mysli „{close[0]}“?" if close else ""
