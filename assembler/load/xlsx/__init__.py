"""Spreadsheets behind one package (openpyxl and defusedxml, for writing and reading).

``write`` lays out declared sheets; ``guard`` admits a returned file only when its
format, size and zip directory are safe; ``read`` reads an admitted one. The rest of
the program imports from here, never from openpyxl.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from assembler.load.xlsx.guard import Refused
from assembler.load.xlsx.read import ReadBook, as_text, open_workbook, shown_value
from assembler.load.xlsx.write import Check, Column, Input, Sheet, workbook_bytes


def cell_name(row: int, column: int) -> str:
    """``F12`` for row 12, column 6 (both 1-based)."""
    return f"{get_column_letter(column)}{row}"


__all__ = [
    "Check",
    "Column",
    "Input",
    "ReadBook",
    "Refused",
    "Sheet",
    "as_text",
    "cell_name",
    "open_workbook",
    "shown_value",
    "workbook_bytes",
]
