"""Which file an image reference names: one lookup for the checker and every renderer.

A chapter's ``![Mapa](obrazky/mapa.png)`` is read relative to the chapter's own
folder first — that is what every Markdown editor's preview shows the author —
and then relative to the plan folder, as the README writes image paths. The check
and the outputs must agree on the file, or the check validates one image and the
DOCX embeds another; so both call :func:`find_image` and nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

from assembler.plan.project import project_file

# "https:", "mailto:", "data:", "file:" — an address, never a project file.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def find_image(root: Path, target: str, source: Path) -> Path | None:
    """The existing file inside the project that ``target``, written in the file
    ``source`` (a chapter or plan.yaml), names; None for addresses, files outside
    the project and missing files."""
    if _SCHEME.match(target):
        return None
    return project_file(root, target, source.parent) or project_file(root, target)


def project_path(root: Path, path: Path) -> str:
    """A found image as the plan-folder-relative POSIX path the outputs use."""
    return path.relative_to(root.resolve()).as_posix()
