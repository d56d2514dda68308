"""Characters an output cannot carry, in every author string that reaches one.

The PDF prints only what the fonts embedded in Typst have (the list is computed from
the fonts themselves, see render/coverage.py, and shipped as a data file); Typst
refuses the rest and the whole build fails. Control characters cannot be printed
nor stored in a DOCX at all. A file's text is already refused when it holds a control
character (load/filetext.py), but a double-quoted YAML value can still write one as an
escape (``"\\e"``, ``"\\x01"``, ``"\\uFFFE"``).

Every string of plan.yaml, of chapters (front matter and body) and of monitoring
files is checked, keys included (abbreviations are printed by their key); only the
keys never printed are skipped. A file whose text is printable throughout and holds
no backslash needs no further look, so the clean plan costs one pass per file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from itertools import islice
from typing import Any

from assembler.load.sources import SourceFile
from assembler.models.chapter import Area, Section
from assembler.models.monitoring import AreaMonitoring, ReportInfo
from assembler.models.placement import never_printed
from assembler.models.plan import PlanInfo
from assembler.problems.diagnostics import Problem

DATA_FILE = "pdf-characters.txt"  # written by render/coverage.py
MAX_PER_TEXT = 10
_FONTS = "Libertinus Serif, New Computer Modern, DejaVu Sans Mono"

YamlPath = tuple[str | int, ...]
# Keys whose values reach no output, as the models declare (models/placement.py): the
# working group's internal note, the plan's settings (outline, output file names, rule
# severities), register keys… Their characters need not be printable.
NOT_PRINTED = never_printed(PlanInfo, Area, Section, AreaMonitoring, ReportInfo)


@lru_cache(maxsize=1)
def printable() -> frozenset[str]:
    """Every character the PDF prints, plus the line end and tab of plain text."""
    text = resources.files("assembler").joinpath("resources", DATA_FILE).read_text("utf-8")
    codes: set[str] = {"\n", "\t"}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            first, _, last = line.partition("-")
            codes.update(map(chr, range(int(first, 16), int(last or first, 16) + 1)))
    return frozenset(codes)


@lru_cache(maxsize=1)
def _unprintable() -> re.Pattern[str]:
    """Any character outside printable(): one regular-expression scan of a text is 3× faster
    than asking the set about each of its characters (2.3 MB in a 1000-measure plan)."""
    codes = sorted(map(ord, printable()))
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    spans = (re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)
    return re.compile(f"[^{''.join(spans)}]")


def check_characters(sources: Iterable[SourceFile]) -> list[Problem]:
    ok = printable()
    unprintable = _unprintable()
    problems: list[Problem] = []
    for source in sources:
        if source.body and unprintable.search(source.body):
            problems += islice(_in_body(source, ok), MAX_PER_TEXT)
        yaml = source.yaml_text
        if yaml and ("\\" in yaml or unprintable.search(yaml)):
            for path, value in printed_strings(source.data, ()):
                if unprintable.search(value):
                    problems += islice(_in_value(source, path, value, ok), MAX_PER_TEXT)
    return problems


def _in_body(source: SourceFile, ok: frozenset[str]) -> Iterator[Problem]:
    body = source.body
    for match in _pattern(frozenset(body) - ok).finditer(body):
        line = body.count("\n", 0, match.start())
        col = match.start() - (body.rfind("\n", 0, match.start()) + 1)
        yield Problem(*_message(match.group(0)), source.body_location(line, col))


def _in_value(
    source: SourceFile, path: YamlPath, value: str, ok: frozenset[str]
) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for match in _pattern(frozenset(value) - ok).finditer(value):
        char = match.group(0)
        seen[char] = seen.get(char, -1) + 1
        yield Problem(*_message(char), source.character_location(path, char, seen[char]))


def printed_strings(data: Any, path: YamlPath) -> Iterator[tuple[YamlPath, str]]:
    """Every string of a YAML document with its path; a key's path ends in ``[key]``."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key in NOT_PRINTED:
                continue
            if isinstance(key, str):
                yield (*path, f"[{key}]"), key
            yield from printed_strings(value, (*path, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from printed_strings(item, (*path, i))


def _pattern(characters: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(characters))))


def _message(char: str) -> tuple[str, str]:
    code = f"U+{ord(char):04X}"
    if _is_control(char):
        return "ridici-znak", (
            f"Hodnota obsahuje neviditelný řídicí znak {code}, který nelze vytisknout ani "
            "uložit do DOCX; v YAML jej zapíše zpětné lomítko v uvozovkách (např. \\e, \\x01, "
            "\\u001b). Zápis se zpětným lomítkem z textu smažte."
        )
    return "znak-bez-pisma", (
        f"Znak „{char}“ ({code}) nelze vytisknout do PDF: nemá jej žádné z písem plánu "
        f"({_FONTS}); takové jsou např. emoji a čínské, japonské či korejské znaky. "
        "Napište jej slovy, nebo jej smažte."
    )


def _is_control(char: str) -> bool:
    # Controls, lone surrogates (a "\ud800" escape) and the noncharacters U+FDD0–FDEF
    # and U+xxFFFE/U+xxFFFF: never text, and quoting them would garble the message.
    code = ord(char)
    return (
        unicodedata.category(char) in ("Cc", "Cs")
        or 0xFDD0 <= code <= 0xFDEF
        or code & 0xFFFE == 0xFFFE
    )
