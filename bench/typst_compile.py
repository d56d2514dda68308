"""Bare Typst: compile a .typ file to PDF in-process, as `typst compile` would.

    typst_compile.py FILE.typ
    typst_compile.py FILE.typ --options OPTIONS.json   # root, sys_inputs, font_paths, …

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
typst.compile(
    str(source), output=str(source.with_suffix(".pdf")), ignore_system_fonts=True, **options
)
