"""Work the PDF does not wait for runs at a lower priority (render/priority.py): the
DOCX and HTML pandoc runs and the rasterising of the DOCX's chart PNGs; the PDF's own
pandoc run and Typst keep the build's priority."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from assembler.render import images, pandoc, priority

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX priorities")


def _expected_behind(base: int) -> int:
    return min(base + priority.BEHIND, 19)


@pytest.fixture
def niceness_printer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pandoc replaced by a program that prints its own nice value."""
    program = tmp_path / "pandoc"
    program.write_text(
        f"#!{sys.executable}\nimport os, sys\nsys.stdin.read()\nprint(os.nice(0))\n",
        encoding="utf-8",
    )
    program.chmod(0o755)
    monkeypatch.setattr(pandoc, "executable", lambda: str(program))


@pytest.mark.usefixtures("niceness_printer")
def test_only_the_pdfs_pandoc_run_keeps_the_builds_priority() -> None:
    base = os.nice(0)
    assert int(pandoc.convert("text", "docx", {})) == _expected_behind(base)
    assert int(pandoc.convert("text", "html5", {})) == _expected_behind(base)
    assert int(pandoc.convert("text", "typst", {})) == base


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own priority")
def test_the_docx_charts_are_rasterised_at_the_lower_priority() -> None:
    base = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    def own_priority() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    assert images._RASTERISER.submit(own_priority).result() == _expected_behind(base)
    assert own_priority() == base  # the building thread is left as it was
