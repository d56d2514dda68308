"""Author strings inserted into Markdown as plain text: the one escaping function.

Titles, names and codes are plain text wherever they are printed: a title written
as ``Služba ![x](chapters/10-seniori.md)`` or ``Foo](javascript:x) [x`` must print
those characters, never become an image or a link. Every place that puts such a
string into Markdown (references, templates, tables, indexes) goes through here.
"""

from __future__ import annotations

import re

# Every character that can start Markdown inline syntax in pandoc; with the brackets
# escaped, "!" and ":" cannot start an image or a link either.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$^~@])")


def plain(text: str) -> str:
    """``text`` as inline Markdown that pandoc reads back as exactly ``text``, on one line."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", " ")
