"""Plain helpers for tests: edits of fixture copies, positions and problem lookup."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pypdf
import pytest

from assembler.checks.pipeline import CheckResult
from assembler.problems.diagnostics import Problem

REPO = Path(__file__).resolve().parent.parent
# What the fuzz test did (cases, seconds), printed at the end of the run (conftest.py).
FUZZ_RUN = pytest.StashKey[tuple[int, float]]()
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# In pdftotext's output: a line that ends inside a bound phrase — an abbreviation or
# legal form after a word (not a table cell of its own) whose next part opens the
# next line, or a one-letter word.
LINE_SPLIT = re.compile(
    r"(?:(?<=[ \u00a0])(?:(?:[a-zá-ž]\.|spol\.)\n(?=[a-zá-ž])"
    r"|(?:§|č\.|odst\.|písm\.|tel\.)\n(?=[a-zá-ž0-9§(]))"
    r"|(?:^|(?<=\s))[ksvzouaiKSVZOUAI]\n)",
    re.M,
)


def words(out: str) -> str:
    """The terminal wraps long messages; the words are what the user reads."""
    return " ".join(out.split())


def edit(root: Path, name: str, old: str, new: str) -> None:
    """Replace the first exact occurrence of ``old`` in a project file (fails if absent)."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def position(root: Path, name: str, needle: str, shift: int = 0, nth: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the ``nth`` ``needle`` in a file, plus ``shift`` characters."""
    text = (root / name).read_text(encoding="utf-8")
    offset = -1
    for _ in range(nth):
        offset = text.index(needle, offset + 1)
    offset += shift
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def problems_of(result: CheckResult, rule: str) -> list[Problem]:
    return [p for p in result.problems if p.rule == rule]


def only(result: CheckResult, rule: str) -> Problem:
    found = problems_of(result, rule)
    assert len(found) == 1, [str(p) for p in result.problems]
    return found[0]


def at(problem: Problem, name: str, line_col: tuple[int, int]) -> None:
    where = (problem.location.file, problem.location.line, problem.location.col)
    assert where == (name, *line_col), str(problem)


def all_text(path: Path) -> str:
    """Everything a reader or a search could find in an output: DOCX XML, PDF text, HTML."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return " ".join(
                archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
            )
    if path.suffix == ".pdf":
        reader = pypdf.PdfReader(path)
        return " ".join(page.extract_text() for page in reader.pages) + str(reader.metadata)
    return path.read_text(encoding="utf-8")


def link_targets(path: Path) -> list[str]:
    """Every address an output links to or loads: HTML href/src, DOCX relationship
    targets, PDF URI actions — what a reader's click or a viewer would open."""
    import re

    if path.suffix == ".html":
        text = path.read_text(encoding="utf-8")
        return re.findall(r"""(?:href|src)\s*=\s*["']([^"']*)""", text)
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            rels = [n for n in archive.namelist() if n.endswith(".rels")]
            text = " ".join(archive.read(n).decode("utf-8") for n in rels)
        return re.findall(r'Target="([^"]*)"', text)
    if path.suffix == ".pdf":
        found = []
        for page in pypdf.PdfReader(path).pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A")
                if action is not None and "/URI" in action:
                    found.append(str(action["/URI"]))
        return found
    return []


def init_answers(municipality: str, email: str) -> list[str]:
    """`plan init` options answering every question of a new 2027–2030 plan."""
    return [
        "--bez-dotazu",
        "--obec",
        municipality,
        "--ico",
        "00296015",
        "--od",
        "2027",
        "--do",
        "2030",
        "--koordinator",
        "Jana Nová",
        "--email",
        email,
    ]


# A town whose registry key becomes ALB (not MESTO): hints must use the plan's own keys.
ALBRECHTICE_INIT = init_answers("Město Albrechtice", "plan@albrechtice.example.cz")
