"""Dates and amounts written the short way ("12.3.2026", "1250000 Kč"), in every author
string that reaches an output.

The outputs print them the Czech way anyway (render/typography.py); the warning tells
the author where the source says otherwise and what the Czech form is, so the text is
right wherever else it is used (a council's resolution, an e-mail, the next plan).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from assembler.checks.characters import printed_strings
from assembler.load.sources import SourceFile
from assembler.plan.written import ShortForm, may_hold, short_forms
from assembler.problems.diagnostics import Problem

RULE = "datum-castka-zapis"
MAX_PER_TEXT = 10


def check_written(sources: Iterable[SourceFile]) -> list[Problem]:
    problems: list[Problem] = []
    for source in sources:
        if source.body and may_hold(source.body):
            problems += islice(_in_body(source), MAX_PER_TEXT)
        if source.yaml_text and may_hold(source.yaml_text):
            for path, value in printed_strings(source.data, ()):
                if path and isinstance(path[-1], str) and path[-1].startswith("["):
                    continue  # a key (abbreviations are printed by their key) holds no date
                problems += islice(_in_value(source, path, value), MAX_PER_TEXT)
    return problems


def _in_body(source: SourceFile) -> Iterator[Problem]:
    body = source.body
    for form in short_forms(body):
        line = body.count("\n", 0, form.offset)
        col = form.offset - (body.rfind("\n", 0, form.offset) + 1)
        yield Problem(RULE, message(form), source.body_location(line, col))


def _in_value(source: SourceFile, path: tuple[str | int, ...], value: str) -> Iterator[Problem]:
    forms = list(short_forms(value))
    if len(forms) == 1 and forms[0].written == value.strip():
        # A whole value is a date or amount key's (datum: 31.1.2028, allowed by the docs):
        # the program reads it and prints it the Czech way; no text to correct.
        return
    for form in forms:
        # Found again in the file's own text by what it starts with (no space in it, so
        # a folded line cannot split it): the nth such start in the value.
        start = form.written.split(" ")[0].split("\u00a0")[0]
        nth = value.count(start, 0, form.offset)
        yield Problem(RULE, message(form), source.character_location(path, start, nth))


def message(form: ShortForm) -> str:
    if form.is_date:
        return (
            f"Datum „{form.written}“ je zapsáno bez mezer. Česky se píše „{form.czech}“ "
            "(za tečkou mezera); výstupy je tak vytisknou, opravte je i v textu."
        )
    return (
        f"Částka „{form.written}“ je zapsána bez mezer mezi tisíci. Česky se píše "
        f"„{form.czech}“; výstupy ji tak vytisknou, opravte ji i v textu."
    )
