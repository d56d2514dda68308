"""pandoc behind one module (pypandoc provides the binary from the pypandoc-binary wheel).

pandoc always runs with ``--sandbox``: it may read only the files named on its
command line, so a chapter cannot make it include or fetch anything. Images
reach it as data URIs (see :mod:`assembler.render.images`).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pypandoc

# Raw HTML/TeX/attributes are refused by the checker; switching the extensions off
# here is the second lock. "$" and "@" are ordinary characters in a plan.
# ASCII identifiers: heading anchors become DOCX bookmark names, which Word keeps ASCII.
READER = "markdown+ascii_identifiers-raw_html-raw_tex-raw_attribute-tex_math_dollars-citations"
# Fixed time for reproducible DOCX (core.xml dates and zip entry times).
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
TIMEOUT = 300


class PandocError(RuntimeError):
    """pandoc failed; the message is pandoc's own, for the -v log."""


@cache
def executable() -> str:
    return str(pypandoc.get_pandoc_path())


@cache
def version() -> str:
    return str(pypandoc.get_pandoc_version())


def convert(
    markdown: str,
    to: str,
    metadata: dict[str, Any],
    options: list[str] | None = None,
    files: dict[str, bytes] | None = None,
) -> bytes:
    """Convert Markdown to ``to``; ``files`` are written beside it and may be named in options."""
    with tempfile.TemporaryDirectory(prefix="plan-pandoc-") as temp:
        folder = Path(temp)
        meta = folder / "metadata.json"
        meta.write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
        for name, data in (files or {}).items():
            (folder / name).write_bytes(data)
        output = folder / f"output.{to}"
        command = [
            executable(),
            "--sandbox",
            f"--from={READER}",
            f"--to={to}",
            f"--metadata-file={meta}",
            f"--output={output}",
            *[option.replace("{dir}", str(folder)) for option in options or []],
        ]
        env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        process = subprocess.run(
            command,
            input=markdown.encode("utf-8"),
            capture_output=True,
            env=env,
            timeout=TIMEOUT,
            check=False,
        )
        if process.returncode != 0:
            raise PandocError(process.stderr.decode("utf-8", "replace").strip())
        return output.read_bytes()
