"""Files in ``chapters/`` and in a monitoring year that the plan would pass over unread.

Windows hides known extensions, and Notepad saving "Textové dokumenty (*.txt)" adds
``.txt`` to ``10-seniori.yaml``: the author sees ``10-seniori.yaml`` in Explorer while
the file is ``10-seniori.yaml.txt``, never read. Without a word about it the chapter
would quietly be left out, or the coordinator would publish the area's report as
missing. A document or workbook dropped among the files (a chapter written in Word, a
returned workbook) is not read either; it may be kept there on purpose, so only warned of.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from pathlib import Path

from assembler.problems.diagnostics import Location, Problem

_TXT = ".txt"
_SHOW_EXTENSIONS = (
    "V Průzkumníku souborů zapněte Zobrazit → Přípony názvů souborů (Windows přípony "
    "jinak skrývají) a soubor přejmenujte na {fixed}; v Poznámkovém bloku příště při "
    "ukládání zvolte Uložit jako typ: Všechny soubory."
)
_WORKBOOKS = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".csv"})
_DOCUMENTS = frozenset({".docx", ".doc", ".odt", ".rtf", ".pdf", _TXT})


class Contents(Enum):
    """What a folder of the plan holds: the suffixes read there and how a message names
    one of its files and what is lost when it is not read."""

    CHAPTERS = ((".md",), "kapitola", "kapitola by v plánu chyběla")
    REPORTS = ((".yaml", ".yml"), "hlášení", "oblast by ve zprávě byla bez hlášení")

    def __init__(self, suffixes: tuple[str, ...], noun: str, loss: str) -> None:
        self.suffixes = suffixes
        self.noun = noun
        self.loss = loss


def is_read(path: Path, contents: Contents) -> bool:
    """A file the plan reads in that folder (the suffix in any case, as on Windows)."""
    return path.suffix.lower() in contents.suffixes


def misnamed(folder: Path, contents: Contents) -> list[Path]:
    """Files named like ``10-seniori.md.txt``: the right name with ``.txt`` added."""
    return [path for path in _files(folder) if _hidden_name(path, contents) is not None]


def stray_problems(folder: Path, shown: str, contents: Contents) -> Iterator[Problem]:
    """A located problem for every file of ``folder`` (shown as ``shown``) that is not
    read: an error for a misnamed one, a warning for a document or workbook."""
    for path in _files(folder):
        name = f"{shown}/{path.name}"
        fixed = _hidden_name(path, contents)
        if fixed is not None:
            message = (
                f"Soubor se jmenuje {path.name}, ne {fixed}, a tak se nenačte: "
                f"{contents.loss}. {_SHOW_EXTENSIONS.format(fixed=fixed)}"
            )
            yield Problem("skryta-pripona", message, Location(name))
        elif path.suffix.lower() in _WORKBOOKS | _DOCUMENTS:
            yield Problem("cizi-soubor", _foreign(path, name, shown, contents), Location(name))


def _files(folder: Path) -> list[Path]:
    # Hidden files and Office's lock files (~$zprava.docx) are nobody's mistake.
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if not path.name.startswith((".", "~$")) and path.is_file()
    )


def _hidden_name(path: Path, contents: Contents) -> str | None:
    """``10-seniori.yaml`` for ``10-seniori.yaml.txt`` in a folder of reports."""
    if path.suffix.lower() != _TXT:
        return None
    meant = Path(path.stem)
    return meant.name if meant.stem and is_read(meant, contents) else None


def _foreign(path: Path, name: str, shown: str, contents: Contents) -> str:
    suffix = path.suffix.lower()
    read = " nebo ".join(contents.suffixes)
    start = f"Soubor se nenačte: {contents.noun} je textový soubor {read}"
    if contents is Contents.REPORTS and suffix in _WORKBOOKS - {".csv"}:
        return (
            f"{start}. Je-li to vrácený sešit s hlášením, načtěte jej příkazem "
            f"plan monitor import {name} a potom jej přesuňte mimo složku {shown}/."
        )
    if suffix == _TXT and not Path(path.stem).suffix:
        fixed = f"{path.stem}{contents.suffixes[0]}"
        return (
            f"{start}. Je-li to {contents.noun}, zapněte v Průzkumníku souborů Zobrazit → "
            f"Přípony názvů souborů a soubor přejmenujte na {fixed}; jinak jej přesuňte "
            f"mimo složku {shown}/."
        )
    how = (
        "text zkopírujte do kapitoly .md (novou založí plan new-chapter)"
        if contents is Contents.CHAPTERS
        else "údaje přepište do hlášení oblasti .yaml (vzor je v README, oddíl Pro garanty "
        "opatření)"
    )
    return f"{start}. Je-li v něm {contents.noun}, {how}; jinak jej přesuňte mimo složku {shown}/."
