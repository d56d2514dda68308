"""Reading an admitted workbook (guard.py) with openpyxl, read-only: rows of the values
a person saw, the number of rows bounded before and while they are read.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from assembler.load.xlsx.guard import Refused, admitted, damaged

MAX_ROWS = 50_000


@dataclass
class ReadBook:
    """An opened workbook: its sheet names and rows of cell values."""

    name: str
    sheet_names: list[str]
    _book: Any = field(repr=False)

    def rows(self, title: str, columns: int) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(row number, values of the first ``columns`` cells) of every row, bounded."""
        ws = self._book[title]
        if (ws.max_row or 0) > MAX_ROWS:
            raise Refused("sesit-velikost", _too_many_rows(self.name, title))
        rows = ws.iter_rows(min_row=1, min_col=1, max_col=columns)
        try:
            for number, cells in enumerate(rows, start=1):
                if number > MAX_ROWS:
                    raise Refused("sesit-velikost", _too_many_rows(self.name, title))
                values = tuple(shown_value(cell) for cell in cells)
                yield number, values + (None,) * (columns - len(values))
        except Refused:
            raise
        except Exception as err:  # the sheet's XML is parsed while its rows are read
            raise Refused("sesit-soubor", damaged(self.name, err)) from None

    def close(self) -> None:
        self._book.close()


# Quoted text and escaped characters of a number format, which may contain a "%" that
# does not make the cell a percentage (0\% or 0" %").
_FORMAT_LITERAL = re.compile(r'"[^"]*"|\\.')


def shown_value(cell: Any) -> Any:
    """A cell's value as the person who typed it sees it. Excel stores "60 %" typed into
    a cell as 0.6 formatted as a percentage (the export's 0–100 validation lets it
    through); read as 0.6 it would silently become 0.6 %, so it is read as 60."""
    value = getattr(cell, "value", None)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    number_format = getattr(cell, "number_format", None) or ""
    if "%" not in _FORMAT_LITERAL.sub("", number_format):
        return value
    percent = Decimal(repr(value)) * 100
    return (
        percent.quantize(Decimal(1))
        if percent == percent.to_integral_value()
        else percent.normalize()
    )


def as_text(value: Any) -> str:
    """A cell's value for a text column as the person saw it: Excel makes "1.3.2028" typed
    into a text cell a date, which str() would turn into "2028-03-01 00:00:00"."""
    if isinstance(value, datetime.datetime):
        time = f" {value.hour}:{value.minute:02d}" if value.time() != datetime.time() else ""
        return f"{value.day}. {value.month}. {value.year}{time}"
    if isinstance(value, datetime.date):
        return f"{value.day}. {value.month}. {value.year}"
    if isinstance(value, float):
        return repr(value).removesuffix(".0").replace(".", ",")
    return str(value)


def _too_many_rows(name: str, title: str) -> str:
    return (
        f"List {title} sešitu {name} má víc než {MAX_ROWS} řádků; takový sešit export "
        "nevytváří. Použijte sešit, který jste dostali, a řádky do něj nepřidávejte."
    )


def open_workbook(path: Path, name: str) -> ReadBook:
    """Open a returned workbook for reading, or raise Refused with a Czech message."""
    data = admitted(path, name)
    try:
        book = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except Exception as err:  # a damaged part of the zip: openpyxl raises many kinds
        raise Refused("sesit-soubor", damaged(name, err)) from None
    return ReadBook(name, list(book.sheetnames), book)
