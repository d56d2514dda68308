"""The monitoring workbook's layout, declared once: its sheets, their columns, the facts
it carries about itself; and reading a returned workbook back into located values.

Export (outputs/workbooks.py) lays sheets out from these declarations and import
(outputs/returned_sheets.py) finds every column by its key, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from assembler.load.xlsx import (
    Check,
    Column,
    ReadBook,
    Refused,
    as_text,
    cell_name,
    open_workbook,
)
from assembler.problems.diagnostics import shown

FORMAT_VERSION = "1"
# {rok} in a header is the monitored year.
YEAR = "{rok}"


@dataclass(frozen=True)
class Field:
    key: str
    header: str
    width: int
    editable: bool = False
    check: Check = Check.TEXT
    wrap: bool = False
    former: tuple[str, ...] = ()  # headers of earlier exports, still read

    def column(self, year: int, choices: str = "") -> Column:
        header = self.header.replace(YEAR, str(year))
        return Column(header, self.width, self.editable, self.check, choices, self.wrap)


@dataclass(frozen=True)
class Layout:
    title: str
    fields: tuple[Field, ...]

    def headers(self, year: int) -> list[str]:
        return [f.header.replace(YEAR, str(year)) for f in self.fields]

    def index(self, key: str) -> int:
        """0-based position of the column ``key``."""
        return next(i for i, f in enumerate(self.fields) if f.key == key)


INSTRUCTIONS = "Pokyny"
LISTS = "Seznamy"
META = "Údaje"

# A width is in characters; a bold header word needs about three more than its letters,
# or Calc breaks it inside the word (Opatřen-í).
MEASURES = Layout(
    "Opatření",
    (
        Field("code", "Kód", 10),
        Field("title", "Opatření", 40, wrap=True),
        Field("status", "Stav v roce {rok}", 18, True, Check.LIST),
        Field("progress", "Pokrok v %", 11, True, Check.PERCENT),
        Field("evaluation", "Slovní hodnocení (co se podařilo)", 50, True, wrap=True),
        Field("difficulties", "Obtíže", 35, True, wrap=True),
        Field(
            "reason",
            "Důvod (povinný u některých stavů, viz Pokyny)",
            30,
            True,
            wrap=True,
            former=("Důvod (jen u pozastaveno, zrušeno)",),
        ),
    ),
)
INDICATORS = Layout(
    "Indikátory",
    (
        Field("code", "Kód", 10),
        Field("measure", "Opatření", 12),
        Field("name", "Indikátor", 36, wrap=True),
        Field("unit", "Jednotka", 12),
        Field("baseline", "Výchozí hodnota", 11),
        Field("target", "Cílová hodnota", 11),
        Field("expected", "Očekáváno v roce {rok}", 13),
        Field("value", "Skutečnost {rok}", 14, True, Check.NUMBER),
        Field("source", "Zdroj údaje", 28, True, wrap=True),
        Field("note", "Poznámka", 30, True, wrap=True),
    ),
)
COSTS = Layout(
    "Náklady",
    (
        Field("measure", "Opatření", 12),
        Field("title", "Název opatření", 36, wrap=True),
        Field("source_name", "Zdroj financování", 28, wrap=True),
        Field("source", "Klíč zdroje", 12),
        Field("planned", "Plánováno {rok} (Kč)", 16, check=Check.MONEY),
        Field("actual", "Skutečnost {rok} (Kč)", 16, True, Check.MONEY),
    ),
)
TABLES = (MEASURES, INDICATORS, COSTS)


class MetaKey(StrEnum):
    """What the hidden sheet Údaje says about the workbook (key in column A, value in B)."""

    FORMAT = "format"
    PLAN = "plan"
    ICO = "ico"
    PERIOD = "obdobi"
    YEAR = "rok"
    GROUP = "skupina"
    KEY = "klic"
    NAME = "nazev"
    EXPORTED = "vytvoreno"


@dataclass(frozen=True)
class Value:
    """One non-empty cell of a returned workbook."""

    value: Any
    sheet: str
    cell: str


@dataclass(frozen=True)
class Row:
    number: int
    values: dict[str, Value]  # only non-empty cells, by field key

    def get(self, key: str) -> Value | None:
        return self.values.get(key)


@dataclass(frozen=True)
class ReturnedBook:
    name: str
    meta: dict[str, str]
    tables: dict[str, list[Row]]  # by layout title
    filled_by: str
    # What the garant typed as the date of filling in (value None when empty), and
    # where; a workbook exported before the date row existed has no cell ("").
    filled_on: Value


class LayoutError(Exception):
    """The workbook's sheets or headers are not the exported ones; ``cell`` may be empty."""

    def __init__(self, rule: str, message: str, sheet: str = "", cell: str = "") -> None:
        super().__init__(message)
        self.rule, self.message, self.sheet, self.cell = rule, message, sheet, cell


FILLED_BY_LABEL = "Vyplnil(a):"
FILLED_ON_LABEL = "Datum vyplnění:"


def read_returned(
    path: Path, name: str, belongs: Callable[[dict[str, str]], bool]
) -> ReturnedBook | None:
    """Read a returned workbook's facts and, if ``belongs`` accepts them, its rows (None
    when it does not); raise Refused or LayoutError."""
    book = open_workbook(path, name)
    try:
        return _read(book, name, belongs)
    finally:
        book.close()


def _read(
    book: ReadBook, name: str, belongs: Callable[[dict[str, str]], bool]
) -> ReturnedBook | None:
    missing = [t for t in (META, *(layout.title for layout in TABLES)) if t not in book.sheet_names]
    if missing:
        found = ", ".join(book.sheet_names) or "žádné"
        message = (
            f"Sešitu chybí list {', '.join(missing)} (má listy: {found}). Listy se nesmějí "
            "přejmenovat ani mazat; vraťte jim původní název, nebo vyplňte nový sešit."
        )
        raise LayoutError("sesit-list", message)
    meta = {
        str(row[0]).strip(): "" if row[1] is None else str(row[1]).strip()
        for _, row in book.rows(META, 2)
        if row[0] is not None
    }
    if meta.get(MetaKey.FORMAT) != FORMAT_VERSION or not meta.get(MetaKey.YEAR, "").isdigit():
        message = (
            "Skrytý list Údaje neříká, ke kterému plánu a roku sešit patří (byl upraven "
            "nebo sešit nevznikl příkazem plan monitor export). Vyplňte nový sešit."
        )
        raise LayoutError("sesit-list", message, META, "A1")
    if not belongs(meta):
        return None
    year = int(meta[MetaKey.YEAR])
    tables = {layout.title: list(_table(book, layout, year)) for layout in TABLES}
    return ReturnedBook(name, meta, tables, *_signature(book))


def _table(book: ReadBook, layout: Layout, year: int) -> Iterator[Row]:
    expected = layout.headers(year)
    rows = book.rows(layout.title, len(expected))
    header = next(rows, None)
    found = [("" if v is None else str(v).strip()) for v in header[1]] if header else []
    for i, want in enumerate(expected):
        have = found[i] if i < len(found) else ""
        if have != want and have not in layout.fields[i].former:
            said = f"ale má „{shown(have)}“" if have else "ale záhlaví je prázdné"
            if want in found:
                said += f"; „{want}“ je ve sloupci {cell_name(1, found.index(want) + 1)[:-1]}"
            message = (
                f"Sloupec má mít záhlaví „{want}“, {said}. Sloupce se nesmějí "
                "přesouvat, mazat ani přejmenovávat; vraťte je, nebo vyplňte nový sešit."
            )
            raise LayoutError("sesit-list", message, layout.title, cell_name(1, i + 1))
    for number, values in rows:
        cells = {
            field.key: Value(value, layout.title, cell_name(number, i + 1))
            for i, (field, value) in enumerate(zip(layout.fields, values, strict=True))
            if not _blank(value)
        }
        if cells:
            yield Row(number, cells)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _signature(book: ReadBook) -> tuple[str, Value]:
    """Who filled the workbook in and when, from the sheet Pokyny."""
    who, when = "", Value(None, INSTRUCTIONS, "")
    if INSTRUCTIONS not in book.sheet_names:
        return who, when
    for number, (label, value) in book.rows(INSTRUCTIONS, 2):
        if label == FILLED_BY_LABEL:
            who = "" if _blank(value) else as_text(value).strip()
        elif label == FILLED_ON_LABEL:
            when = Value(None if _blank(value) else value, INSTRUCTIONS, f"B{number}")
    return who, when


__all__ = ["LayoutError", "Refused"]
