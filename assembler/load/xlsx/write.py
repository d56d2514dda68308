"""Writing declared sheets with openpyxl: locked key columns, unlocked value columns,
validations that point at ranges of a hidden sheet (inline lists break past 255
characters and openpyxl drops validations it cannot read, so they are always
written afresh), frozen headers, widths, row heights, print setup and sheet protection.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from enum import Enum
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

_VALUE_FILL = PatternFill("solid", fgColor="FFF4C2")
_HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")


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
