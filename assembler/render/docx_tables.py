"""Keep DOCX table rows together the way the PDF does: no lone row at a page end or start.

pandoc marks the header row to repeat on every page (``w:tblHeader``) but lets every
row split across pages and a page break fall after any row, so a table could leave its
header and one row at the bottom of a page, or its last row alone on the next one.
Word and LibreOffice keep a row with the next when its paragraphs are "keep with next"
(``w:keepNext``) and never split a row marked ``w:cantSplit``. So every row gets
``cantSplit``; the header, the first body row and the last-but-one get ``keepNext``
(a table of up to three rows: all but the last), which ties the header to two rows
and the last two rows to each other; the caption above a table keeps with it too,
whatever the plan's own DOCX template says of its caption style.
"""

from __future__ import annotations

import re

_TABLE_TAG = re.compile(r"<w:tbl>|</w:tbl>")
_ROW = re.compile(r"<w:tr>(.*?)</w:tr>", re.S)
_ROW_PROPERTIES = re.compile(r"<w:trPr>(.*?)</w:trPr>|<w:trPr />", re.S)
_PARAGRAPH_START = re.compile(r"<w:p>(<w:pPr>(?:<w:pStyle [^>]*/>)?)?")
_KEEP_NEXT = re.compile(r"<w:keepNext\b")
_CAPTION_BEFORE = re.compile(
    r'<w:p><w:pPr><w:pStyle w:val="TableCaption" />(?!<w:keepNext)(?=(?:(?!<w:p>).)*</w:p>\s*$)',
    re.S,
)
# Elements of w:trPr that the schema orders before w:cantSplit.
_BEFORE_CANT_SPLIT = re.compile(
    r"^(?:<w:(?:cnfStyle|divId|gridBefore|gridAfter|wBefore|wAfter)\b[^>]*/>)*"
)


def _tables(document_xml: str) -> list[tuple[int, int]]:
    """(start, end) of every outermost table."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for tag in _TABLE_TAG.finditer(document_xml):
        if tag.group(0) == "<w:tbl>":
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, tag.end()))
    return spans


def _cant_split(row: str) -> str:
    properties = _ROW_PROPERTIES.search(row)
    if properties is None or properties.start() != 0:
        return "<w:trPr><w:cantSplit /></w:trPr>" + row
    inner = properties.group(1) or ""
    if "<w:cantSplit" in inner:
        return row
    at = _BEFORE_CANT_SPLIT.match(inner)
    cut = at.end() if at else 0
    new = f"<w:trPr>{inner[:cut]}<w:cantSplit />{inner[cut:]}</w:trPr>"
    return new + row[properties.end() :]


def _keep_next(row: str) -> str:
    def mark(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return "<w:p><w:pPr><w:keepNext /></w:pPr>"
        if _KEEP_NEXT.match(row, match.end()):
            return match.group(0)
        return match.group(0) + "<w:keepNext />"

    return _PARAGRAPH_START.sub(mark, row)


def _tied(rows: int, headers: int) -> set[int]:
    """Indexes of the rows that keep with the next one."""
    body = rows - headers
    tied = set(range(headers))
    if body <= 3:
        return tied | set(range(headers, rows - 1))
    return tied | {headers, rows - 2}


def _table(table_xml: str) -> str:
    if table_xml.count("<w:tbl>") > 1:
        return table_xml  # a table in a cell: its rows cannot be counted by a pattern
    rows = list(_ROW.finditer(table_xml))
    headers = sum(1 for row in rows if "<w:tblHeader" in row.group(1))
    tied = _tied(len(rows), headers)
    pieces, end = [], 0
    for index, row in enumerate(rows):
        inner = _cant_split(row.group(1))
        if index in tied:
            inner = _keep_next(inner)
        pieces += [table_xml[end : row.start()], f"<w:tr>{inner}</w:tr>"]
        end = row.end()
    return "".join([*pieces, table_xml[end:]])


def keep_rows(document_xml: str) -> str:
    pieces, end = [], 0
    for start, stop in _tables(document_xml):
        before = _CAPTION_BEFORE.sub(
            lambda m: m.group(0) + "<w:keepNext />", document_xml[end:start], count=1
        )
        pieces += [before, _table(document_xml[start:stop])]
        end = stop
    return "".join([*pieces, document_xml[end:]])
