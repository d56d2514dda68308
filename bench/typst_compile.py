"""Bare Typst: compile a .typ file to PDF in-process, as `typst compile` would.

    typst_compile.py FILE.typ
    typst_compile.py FILE.typ --options OPTIONS.json   # root, sys_inputs, font_paths, …
                                                       # (format "png" and ppi: FILE-1.png, …)

The options file carries the keyword arguments of ``typst.compile`` a report build
uses (its inputs, standards, timestamp and fonts), so the bare compile does the same work.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typst

source = Path(sys.argv[1])
options = json.loads(Path(sys.argv[3]).read_text()) if sys.argv[2:3] == ["--options"] else {}
# A PNG compile writes a file per page, as `typst compile FILE.typ FILE-{p}.png` does.
png = options.get("format") == "png"
output = source.with_name(source.stem + "-{p}.png") if png else source.with_suffix(".pdf")
typst.compile(str(source), output=str(output), ignore_system_fonts=True, **options)
