"""Files in ``chapters/``, in a monitoring year and in the plan folder that the plan would
pass over unread.

Windows hides known extensions, and Notepad saving "Textové dokumenty (*.txt)" adds
``.txt`` to ``10-seniori.yaml``: the author sees ``10-seniori.yaml`` in Explorer while
the file is ``10-seniori.yaml.txt``, never read. Without a word about it the chapter
would quietly be left out, or the coordinator would publish the area's report as
missing. A document or workbook dropped among the files (a chapter written in Word, a
returned workbook) is not read either; it may be kept there on purpose, so only warned of.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from assembler.problems.diagnostics import Location, Problem

TXT = ".txt"
_WORKBOOKS = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".csv"})
_DOCUMENTS = frozenset({".docx", ".doc", ".odt", ".rtf", ".pdf", TXT})


def explorer_fix(fixed: str) -> str:
    """How an author on Windows sees the hidden .txt and gives the file its real name."""
    return (
        "V Průzkumníku souborů zapněte Zobrazit → Přípony názvů souborů (Windows přípony "
        f"jinak skrývají) a soubor přejmenujte na {fixed}; v Poznámkovém bloku příště při "
        "ukládání zvolte Uložit jako typ: Všechny soubory."
    )


def copy_beside(copy: str, read: str, folder: str) -> str:
    """The message for ``copy`` (``10-seniori.md.txt``) lying beside the file ``read``
    that is read instead: Notepad saved an edit there, which the plan never sees."""
    where = f"mimo složku {folder}/" if folder else "mimo složku plánu"
    return (
        f"Vedle souboru {read} leží i {copy}, nejspíš jeho úprava uložená Poznámkovým "
        f"blokem s příponou .txt navíc (Windows ji skrývá); načte se jen {read}. Jsou-li "
        f"novější úpravy v {copy}, přeneste je do {read}; potom {copy} smažte nebo "
        f"přesuňte {where}. V Poznámkovém bloku příště při ukládání zvolte Uložit jako "
        "typ: Všechny soubory."
    )


def saved_with_txt(folder: Path, name: str) -> Path | None:
    """``plan.yaml.txt`` (in any case, as Windows matches names) for ``plan.yaml``."""
    if not folder.is_dir():
        return None
    wanted = f"{name}{TXT}".lower()
    return next((p for p in sorted(folder.iterdir()) if p.name.lower() == wanted), None)


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


def hidden_name(path: Path, contents: Contents) -> str | None:
    """``10-seniori.yaml`` for ``10-seniori.yaml.txt`` where reports are read."""
    if path.suffix.lower() != TXT:
        return None
    meant = Path(path.stem)
    return meant.name if meant.stem and is_read(meant, contents) else None


@dataclass(frozen=True)
class Listing:
    """A folder of chapters or of one year's reports, listed once: what is read from it
    and what lies in it unread. ``shown`` is the folder as messages name it."""

    shown: str
    contents: Contents
    entries: tuple[Path, ...] = ()

    @classmethod
    def of(cls, folder: Path, shown: str, contents: Contents) -> Listing:
        entries = tuple(sorted(folder.iterdir())) if folder.is_dir() else ()
        return cls(shown, contents, entries)

    @property
    def read(self) -> list[Path]:
        """Everything named like a file read there: a folder or a pipe so named gets its
        own error when it is read."""
        return [path for path in self.entries if is_read(path, self.contents)]

    @property
    def misnamed(self) -> list[Path]:
        """Files named like ``10-seniori.md.txt``: the right name with ``.txt`` added."""
        return [path for path in self._files if hidden_name(path, self.contents) is not None]

    def problems(self) -> Iterator[Problem]:
        """A located problem for every file that is not read: an error for a misnamed
        one, a warning for a document or workbook."""
        contents = self.contents
        present = {path.name.lower(): path.name for path in self.entries}
        for path in self._files:
            name = f"{self.shown}/{path.name}"
            fixed = hidden_name(path, contents)
            if fixed is not None and fixed.lower() in present:
                message = copy_beside(path.name, present[fixed.lower()], self.shown)
                yield Problem("skryta-pripona", message, Location(name))
            elif fixed is not None:
                message = (
                    f"Soubor se jmenuje {path.name}, ne {fixed}, a tak se nenačte: "
                    f"{contents.loss}. {explorer_fix(fixed)}"
                )
                yield Problem("skryta-pripona", message, Location(name))
            elif path.suffix.lower() in _WORKBOOKS | _DOCUMENTS:
                yield Problem("cizi-soubor", self._foreign(path, name), Location(name))

    @property
    def _files(self) -> list[Path]:
        # Hidden files and Office's lock files (~$zprava.docx) are nobody's mistake.
        return [
            path
            for path in self.entries
            if not path.name.startswith((".", "~$")) and path.is_file()
        ]

    def _foreign(self, path: Path, name: str) -> str:
        contents, shown = self.contents, self.shown
        suffix = path.suffix.lower()
        read = " nebo ".join(contents.suffixes)
        start = f"Soubor se nenačte: {contents.noun} je textový soubor {read}"
        if contents is Contents.REPORTS and suffix in _WORKBOOKS - {".csv"}:
            return (
                f"{start}. Je-li to vrácený sešit s hlášením, načtěte jej příkazem "
                f"plan monitor import {name} a potom jej přesuňte mimo složku {shown}/."
            )
        if suffix == TXT and not Path(path.stem).suffix:
            # Notepad adds .txt to a name typed without a suffix too: 10-seniori → .txt.
            fixed = f"{path.stem}{contents.suffixes[0]}"
            return (
                f"{start}. Je-li to {contents.noun}, {_lower_first(explorer_fix(fixed))} "
                f"Jinak jej přesuňte mimo složku {shown}/."
            )
        how = (
            "text zkopírujte do kapitoly .md (novou založí plan new-chapter)"
            if contents is Contents.CHAPTERS
            else "údaje přepište do hlášení oblasti .yaml (vzor je v README, oddíl Pro "
            "garanty opatření)"
        )
        return (
            f"{start}. Je-li v něm {contents.noun}, {how}; jinak jej přesuňte mimo složku {shown}/."
        )


def _lower_first(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:]
