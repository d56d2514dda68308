"""Bare Typst: compile a .typ file to PDF in-process, as `typst compile` would."""

from __future__ import annotations

import sys
from pathlib import Path

import typst

source = Path(sys.argv[1])
typst.compile(str(source), output=str(source.with_suffix(".pdf")), ignore_system_fonts=True)
