"""Column widths of the authors' pipe tables, from their content.

pandoc gives a pipe table relative column widths from the dashes of its separator
line (once a line is longer than 72 characters), so ``|---|---|---|`` makes every
column equally wide: names hyphenate while number columns stay half empty. A table
whose separator has the same number of dashes in every column gets dashes in
proportion to its content instead — at least its longest word, long text capped so
it wraps. An author who wants other widths writes different numbers of dashes
(``|:----------|----:|``): those are kept as they are.
"""

from __future__ import annotations

import re

from assembler.plan.texts import mask_code

_SEPARATOR = re.compile(r"^\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`\\]|\{#[^}]*\}")
WRAP_AT = 28  # characters of a cell that set its column's width; longer text wraps
TOTAL = 120  # dashes in a rewritten separator: above pandoc's 72, so widths apply


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip() for cell in _CELL_SPLIT.split(inner)]


def _visible(cell: str) -> str:
    return _MARKS.sub("", _LINK.sub(r"\1", cell))


def _weight(header: str, column: list[str]) -> int:
    """Characters a column needs: its longest word, and its body text up to WRAP_AT
    (a header may wrap at its spaces); plus two for the cell padding."""
    texts = [_visible(cell) for cell in [header, *column]]
    longest_word = max((len(word) for text in texts for word in text.split()), default=1)
    longest = max((len(text) for text in texts[1:]), default=1)
    return max(longest_word, min(longest, WRAP_AT)) + 2


def separator(header: str, separator_line: str, body: list[str]) -> str:
    """The separator line with dashes in proportion to the content of each column."""
    specs = _cells(separator_line)
    if len({spec.strip(":").count("-") for spec in specs}) > 1:
        return separator_line  # the author chose the widths
    heads = _cells(header)
    rows = [_cells(line) for line in body]
    weights = [
        _weight(
            heads[i] if i < len(heads) else "", [row[i] if i < len(row) else "" for row in rows]
        )
        for i in range(len(specs))
    ]
    total = sum(weights)
    parts = []
    for spec, weight in zip(specs, weights, strict=True):
        dashes = "-" * max(3, round(TOTAL * weight / total))
        parts.append(
            (":" if spec.startswith(":") else "") + dashes + (":" if spec.endswith(":") else "")
        )
    return "|" + "|".join(parts) + "|"


def content_widths(markdown: str) -> str:
    """Every pipe table of an author's text with widths from its content."""
    if "|" not in markdown:
        return markdown
    masked = mask_code(markdown).split("\n")
    lines = markdown.split("\n")
    for index in range(1, len(lines)):
        if not _SEPARATOR.match(masked[index]) or "|" not in masked[index - 1]:
            continue
        end = index + 1
        while end < len(lines) and masked[end].strip().startswith("|"):
            end += 1
        lines[index] = separator(lines[index - 1], lines[index], lines[index + 1 : end])
    return "\n".join(lines)
