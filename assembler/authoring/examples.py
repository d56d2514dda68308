"""A key's example value written as an author writes it in YAML, for ``docs/klice.md``.

The written text must read back as the same value, and a long one is cut to fit the column.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from assembler.load import yamlio

_SHORTEST = 12  # a cut item keeps at least this many characters


def example_yaml(value: Any, width: int | None = None) -> str:
    """``value`` as the inline YAML an author writes; with ``width``, cut short with "…".

    Mappings and lists are written in flow style (``{od: 2026, do: 2029}``), ``True`` as
    ``ano``, and text is quoted only where it would not read back as the same text.
    """
    return _flow(value, width, nested=False)


def _flow(value: Any, width: int | None, nested: bool) -> str:
    if isinstance(value, dict):
        return _collection(
            "{", "}", [(f"{_flow(k, None, True)}: ", v) for k, v in value.items()], width
        )
    if isinstance(value, list | tuple):
        return _collection("[", "]", [("", item) for item in value], width)
    if isinstance(value, bool):
        return "ano" if value else "ne"
    if isinstance(value, datetime.date):
        return f"{value.day}. {value.month}. {value.year}"  # as Czech authors write it
    if isinstance(value, int | Decimal):
        return str(value)
    text = str(value)
    if width is not None and len(text) > width:
        text = text[: max(width - 1, 1)].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return yamlio.scalar(text, nested=nested)


def _collection(start: str, end: str, parts: list[tuple[str, Any]], width: int | None) -> str:
    shown: list[str] = []
    room = None if width is None else width - len(start + end)
    for index, (prefix, item) in enumerate(parts):
        more = index < len(parts) - 1
        full = prefix + _flow(item, None, True)
        reserve = len(", …") if more else 0
        if room is None or len(full) + reserve <= room:
            shown.append(full)
            room = None if room is None else room - len(full) - len(", ")
            continue
        space = room - len(prefix) - reserve
        # The first item is always cut short, so that something shows; a later one only
        # when it is text that can be cut after a word.
        cut = not shown or (isinstance(item, str) and " " in item[_SHORTEST : space - 1])
        if cut:
            shown.append(prefix + _flow(item, max(space, _SHORTEST), True))
        if more or not cut:
            shown.append("…")
        break
    return start + ", ".join(shown) + end
