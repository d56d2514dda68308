"""Spreadsheets behind one module (openpyxl, for writing and for reading).

Writing lays out declared sheets: locked key columns, unlocked value columns,
validations that point at ranges of a hidden sheet (inline lists break past 255
characters and openpyxl drops validations it cannot read, so they are always
written afresh), frozen headers, widths, print setup and sheet protection.

Reading treats every file as hostile until proven otherwise: the suffix and the
first bytes decide the format (an encrypted workbook is an OLE container, not a
zip), the zip's directory bounds the uncompressed size and refuses external links
and macros, and the number of rows is bounded before and while rows are read.
openpyxl parses XML through defusedxml when it is installed (a dependency of ours),
so entity expansion is refused too.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from copy import copy
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_ROWS = 50_000
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_VALUE_FILL = PatternFill("solid", fgColor="FFF4C2")
_HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")


def cell_name(row: int, column: int) -> str:
    """``F12`` for row 12, column 6 (both 1-based)."""
    return f"{get_column_letter(column)}{row}"


class Check(Enum):
    """What a value column accepts (a validation Excel and Calc enforce while typing)."""

    TEXT = "text"
    NUMBER = "number"
    PERCENT = "percent"
    MONEY = "money"
    LIST = "list"


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    editable: bool = False
    check: Check = Check.TEXT
    choices: str = ""  # for Check.LIST: a range such as Seznamy!$A$2:$A$7
    wrap: bool = False


@dataclass(frozen=True)
class Input:
    """A single cell to fill in outside the value columns; with ``choices`` (a range such
    as Seznamy!$C$2:$C$8) a drop-down list, with ``prompt`` a note shown on selecting it."""

    cell: str
    choices: str = ""
    prompt: str = ""


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: tuple[Column, ...]
    rows: Sequence[Sequence[Any]]
    hidden: bool = False
    table: bool = True  # False: free text lines (instructions), no header row
    landscape: bool = True
    inputs: tuple[Input, ...] = ()


_VALIDATIONS: dict[Check, dict[str, Any]] = {
    Check.NUMBER: {
        "type": "decimal",
        "operator": "between",
        "formula1": "-1000000000000",
        "formula2": "1000000000000",
        "error": "Napište číslo, např. 18 nebo 14,5.",
    },
    Check.PERCENT: {
        "type": "decimal",
        "operator": "between",
        "formula1": "0",
        "formula2": "100",
        "error": "Pokrok je číslo od 0 do 100 (procent).",
    },
    Check.MONEY: {
        "type": "decimal",
        "operator": "greaterThanOrEqual",
        "formula1": "0",
        "error": "Napište částku v korunách, např. 1250000.",
    },
}


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """The workbook as .xlsx bytes; the first sheet is the one that opens."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _add_sheet(book, sheet)
    book.active = 0
    book.security.lockStructure = True  # sheets cannot be renamed, moved or deleted
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _add_sheet(book: Any, sheet: Sheet) -> None:
    ws = book.create_sheet(sheet.title)
    for i, column in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = column.width
    first = 1
    if sheet.table:
        ws.append([c.header for c in sheet.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        first = 2
    for row in sheet.rows:
        ws.append(list(row))
    last = max(ws.max_row, first)
    _row_heights(ws, sheet)
    for i, column in enumerate(sheet.columns, start=1):
        _format_column(ws, i, column, first, last, sheet.table)
    _inputs(ws, sheet.inputs)
    if sheet.table:
        ws.freeze_panes = "C2"
        ws.print_title_rows = "1:1"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{last}"
    setup = ws.page_setup
    setup.orientation = "landscape" if sheet.landscape else "portrait"
    setup.paperSize = ws.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = sheet.table
    if not sheet.table:
        ws["A1"].font = Font(bold=True, size=14)
        # A row keeps the default 15 pt for the 14 pt title: it touched the line below.
        ws.row_dimensions[1].height = max(ws.row_dimensions[1].height or 0, 21)
    protection = ws.protection
    protection.sheet = True
    # Garants may still widen columns, heighten rows and filter; keys stay locked.
    protection.formatColumns = protection.formatRows = protection.autoFilter = False
    protection.sort = False
    if sheet.hidden:
        ws.sheet_state = "hidden"


def _inputs(ws: Any, inputs: Sequence[Input]) -> None:
    """Unlock and colour the input cells; one list validation per list and prompt (a
    1000-measure workbook has a thousand such cells, not a thousand validations)."""
    lists: dict[tuple[str, str], list[str]] = {}
    for given in inputs:
        cell = ws[given.cell]
        cell.protection = Protection(locked=False)
        cell.fill = _VALUE_FILL
        if given.choices:
            lists.setdefault((given.choices, given.prompt), []).append(given.cell)
    for (choices, prompt), cells in lists.items():
        rule = _list_rule(choices)
        if prompt:
            rule.prompt, rule.showInputMessage = prompt, True
        rule.sqref = MultiCellRange(" ".join(cells))
        ws.add_data_validation(rule)


def _list_rule(choices: str) -> DataValidation:
    rule = DataValidation(type="list", formula1=choices, allow_blank=True)
    rule.error = "Vyberte hodnotu ze seznamu."
    rule.errorTitle = "Neplatná hodnota"
    rule.showErrorMessage = True
    return rule


def _lines(value: Any, width: int, bold: bool = False) -> int:
    """Lines of a wrapped text as Calc and Excel break it: at spaces, a word longer than
    the column split; a bold header fits a character less (a row cut "2028" off)."""
    if not isinstance(value, str) or not value:
        return 1
    chars = max(width - (3 if bold else 2), 4)
    total = 0
    for part in value.split("\n"):
        lines, used = 1, 0
        for word in part.split():
            if used and used + 1 + len(word) <= chars:
                used += 1 + len(word)
                continue
            lines += (1 if used else 0) + (len(word) - 1) // chars
            used = (len(word) - 1) % chars + 1
        total += lines
    return total


def _row_heights(ws: Any, sheet: Sheet) -> None:
    """Heights for wrapped text: neither Excel nor Calc grows a row of a file on opening."""
    rows = [[c.header for c in sheet.columns]] if sheet.table else []
    rows += [list(row) for row in sheet.rows]
    for number, row in enumerate(rows, start=1):
        lines = max(
            (
                _lines(value, column.width, bold=sheet.table and number == 1)
                for value, column in zip(row, sheet.columns, strict=False)
                if column.wrap or not sheet.table or number == 1
            ),
            default=1,
        )
        if lines > 1:
            ws.row_dimensions[number].height = min(15 * lines, 400)


def _format_column(ws: Any, index: int, column: Column, first: int, last: int, table: bool) -> None:
    letter = get_column_letter(index)
    template = ws.cell(first, index)
    template.alignment = Alignment(wrap_text=column.wrap or not table, vertical="top")
    if column.editable:
        template.protection = Protection(locked=False)
        template.fill = _VALUE_FILL
    if column.check is Check.MONEY:
        template.number_format = "#,##0.##"
    # One style for the whole column: setting it cell by cell through openpyxl's style
    # descriptors hashes every style object again (measured: 40 % of a 1000-measure export).
    style = template._style
    for (cell,) in ws.iter_rows(min_row=first + 1, max_row=last, min_col=index, max_col=index):
        cell._style = copy(style)
    if not column.editable or last < first:
        return
    area = f"{letter}{first}:{letter}{last}"
    if column.check is Check.LIST:
        rule = _list_rule(column.choices)
    elif column.check in _VALIDATIONS:
        settings = dict(_VALIDATIONS[column.check])
        message = settings.pop("error")
        rule = DataValidation(allow_blank=True, **settings)
        rule.error = message
        rule.errorTitle = "Neplatná hodnota"
        rule.showErrorMessage = True
    else:
        return
    ws.add_data_validation(rule)
    rule.add(area)


class Refused(Exception):
    """A file that is not read at all; ``rule`` is its code in the rule catalogue."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


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
            raise Refused("sesit-soubor", _damaged(self.name, err)) from None

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
    suffix = path.suffix.lower()
    if suffix in (".xlsm", ".xltm", ".xlsb", ".xls", ".xlt", ".ods"):
        raise Refused("sesit-soubor", _wrong_format(name, suffix))
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as err:
        raise Refused("sesit-soubor", _unopened(name, err)) from None
    if head.startswith(_OLE_MAGIC):
        message = (
            f"Sešit {name} je chráněný heslem (zašifrovaný), a tak jej nelze přečíst. "
            "Otevřete jej v Excelu, v Soubor → Informace → Zamknout sešit heslo smažte, "
            "uložte a pošlete znovu."
        )
        raise Refused("sesit-soubor", message)
    if suffix != ".xlsx" or not head.startswith(_ZIP_MAGIC):
        message = (
            f"Soubor {name} není sešit Excelu .xlsx (nebo je poškozený). Pošlete sešit, který "
            "jste dostali, uložený v Excelu nebo Calcu jako „Sešit Excelu (.xlsx)“."
        )
        raise Refused("sesit-soubor", message)
    if size > MAX_FILE_BYTES:
        raise Refused("sesit-velikost", _too_big(name, size))
    data = path.read_bytes()
    _inspect_zip(data, name)
    try:
        book = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except Exception as err:  # a damaged part of the zip: openpyxl raises many kinds
        raise Refused("sesit-soubor", _damaged(name, err)) from None
    return ReadBook(name, list(book.sheetnames), book)


def _unopened(name: str, err: OSError) -> str:
    """Why a path given to plan monitor import is no readable file, in Czech (the OS said
    "No such file or directory")."""
    if isinstance(err, FileNotFoundError):
        return f"Sešit {name} neexistuje. Zkontrolujte cestu a název souboru v příkazu."
    if isinstance(err, IsADirectoryError):
        return (
            f"{name} je složka, ne sešit. Uveďte sešity v ní (např. {name}/*.xlsx); složku "
            "plánu lze uvést jen jako poslední argument, za sešity."
        )
    if isinstance(err, PermissionError):
        return f"Sešit {name} nelze otevřít: k souboru nemáte oprávnění ke čtení."
    return (
        f"Sešit {name} nelze otevřít: je zamčený jiným programem (zavřete jej v Excelu) "
        "nebo leží na nedostupném disku."
    )


def _caused_by(err: BaseException | None, kind: type[BaseException]) -> bool:
    while err is not None:
        if isinstance(err, kind):
            return True
        err = err.__cause__ or err.__context__
    return False


def _damaged(name: str, err: Exception) -> str:
    if _caused_by(err, DefusedXmlException):  # openpyxl wraps it in its own ValueError
        return (
            f"Sešit {name} obsahuje v XML definice entit (DTD), které Excel ani Calc nepíší "
            "a které slouží k útokům; nečte se. Pošlete sešit, který jste dostali."
        )
    return (
        f"Sešit {name} je poškozený a nelze jej přečíst ({type(err).__name__}). Otevřete "
        "jej v Excelu nebo Calcu, uložte znovu jako .xlsx a pošlete znovu."
    )


def _wrong_format(name: str, suffix: str) -> str:
    kind = {
        ".xlsm": "sešit s makry",
        ".xltm": "šablona s makry",
        ".xlsb": "binární sešit",
        ".xls": "sešit ve starém formátu Excel 97–2003",
        ".xlt": "šablona ve starém formátu",
        ".ods": "tabulka OpenDocument",
    }[suffix]
    return (
        f"Soubor {name} je {kind} ({suffix}); přijímá se jen sešit .xlsx. V Excelu zvolte "
        "Soubor → Uložit jako → „Sešit Excelu (.xlsx)“ a pošlete ten."
    )


def _too_big(name: str, size: int) -> str:
    return (
        f"Sešit {name} má {size // (1024 * 1024)} MB, víc, než sešit monitoringu kdy "
        "potřebuje; nečte se. Pošlete sešit, který jste dostali, bez vložených obrázků."
    )


def _inspect_zip(data: bytes, name: str) -> None:
    """Judge the zip by its directory before anything is decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        message = (
            f"Sešit {name} je poškozený (není to platný soubor .xlsx). Otevřete jej v Excelu "
            "nebo Calcu, uložte znovu jako .xlsx a pošlete znovu."
        )
        raise Refused("sesit-soubor", message) from None
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > MAX_ENTRIES or unpacked > MAX_UNPACKED_BYTES:
        raise Refused("sesit-velikost", _too_big(name, max(unpacked, len(data))))
    names = [entry.filename.lower() for entry in entries]
    if any(n.startswith("xl/externallinks/") for n in names):
        message = (
            f"Sešit {name} obsahuje odkazy na jiné sešity (externí odkazy); takový se "
            "nečte. V Excelu zvolte Data → Upravit odkazy → Zrušit propojení, uložte a "
            "pošlete znovu."
        )
        raise Refused("sesit-externi-odkaz", message)
    if any(n.endswith("vbaproject.bin") for n in names):
        raise Refused("sesit-soubor", _wrong_format(name, ".xlsm"))
