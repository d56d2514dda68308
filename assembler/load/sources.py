"""Reading project files: front matter and YAML with positions, on the text filetext.py decoded.

Everything a user can get wrong before validation starts (encoding, a missing
``---``, tabs, YAML syntax) is turned into Problems, all of them, never an
exception: the bytes and their encoding in filetext.py, the rest here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from assembler.load import parsecache, yamlio, yamlpositions, yamltree
from assembler.load.filetext import read_text
from assembler.problems.diagnostics import Location, Problem


@dataclass(frozen=True)
class SourceFile:
    """One project file after reading: its YAML (data and node tree) and its Markdown body."""

    path: Path
    name: str
    data: Any
    yaml_text: str = field(default="", repr=False)
    parsed_root: yamltree.Node | None = field(default=None, repr=False, compare=False)
    yaml_first_line: int = 1
    body: str = ""
    body_first_line: int = 1
    raw: bytes = field(default=b"", repr=False)

    @cached_property
    def yaml_lines(self) -> list[str]:
        return self.yaml_text.split("\n")

    @cached_property
    def yaml_root(self) -> yamltree.Node | None:
        """The YAML node tree; composed here only when the data came from the parse cache
        and a problem needs a position (the text parsed before, so it parses again)."""
        if self.parsed_root is not None or not self.yaml_text:
            return self.parsed_root
        return yamlio.compose(self.yaml_text)

    def location(self, path: Sequence[str | int] = ()) -> Location:
        """Location of the YAML value at ``path`` (pydantic-style path of keys and indexes)."""
        line, col = yamlpositions.locate(self.yaml_root, path)
        return Location(self.name, line + self.yaml_first_line, col + 1)

    def path_at(self, location: Location) -> tuple[str | int, ...] | None:
        """The path of the YAML entry written at ``location``, or None when the location
        is not in this file's YAML."""
        line = location.line - self.yaml_first_line
        if location.file != self.name or location.cell or not 0 <= line < len(self.yaml_lines):
            return None
        return _path_at(self.yaml_root, line, max(location.col - 1, 0))

    def text_location(self, path: Sequence[str | int], line: int, col: int) -> Location:
        """Location of a character inside a YAML text value (0-based line/col in the text)."""
        start_line, start_col, block = yamlpositions.value_text_start(
            self.yaml_root, path, self.yaml_lines
        )
        column = start_col + col if (block or line == 0) else col
        return Location(self.name, start_line + line + self.yaml_first_line, column + 1)

    def character_location(self, path: Sequence[str | int], char: str, nth: int) -> Location:
        """Location of the ``nth`` (0-based) ``char`` of the YAML string at ``path``, found
        in the value's own text; the value's start when the text writes it as an escape."""
        node = yamlpositions.find(self.yaml_root, path)
        if node is None or node.end_mark is None:
            return self.location(path)
        start, end = node.start_mark.index, node.end_mark.index
        offset = start - 1
        for _ in range(nth + 1):
            offset = self.yaml_text.find(char, offset + 1, end)
            if offset < 0:
                return self.location(path)
        line = self.yaml_text.count("\n", 0, offset)
        col = offset - (self.yaml_text.rfind("\n", 0, offset) + 1)
        return Location(self.name, line + self.yaml_first_line, col + 1)

    def body_location(self, line: int, col: int) -> Location:
        """Location of a character in the Markdown body (0-based line/col in the body)."""
        return Location(self.name, self.body_first_line + line, col + 1)


def _path_at(root: yamltree.Node | None, line: int, col: int) -> tuple[str | int, ...]:
    """The path of the innermost entry written over the 0-based (line, col): what a
    problem located there is about (a key's position counts as its entry's)."""
    path: list[str | int] = []
    node = root
    while isinstance(node, (yamltree.SequenceNode, yamltree.MappingNode)):
        if isinstance(node, yamltree.SequenceNode):
            entries = [(k, item, item) for k, item in enumerate(node.value)]
        else:
            entries = [(key.value, key, value) for key, value in node.value]
        found = next((e for e in entries if _spans(e[1], e[2], (line, col))), None)
        if found is None:
            break
        step, _, node = found
        path.append(step)
    return tuple(path)


def _spans(first: yamltree.Node, last: yamltree.Node, at: tuple[int, int]) -> bool:
    start = (first.start_mark.line, first.start_mark.column)
    end = last.end_mark or last.start_mark
    return start <= at < (end.line, end.column) or start == at


class Locatable(Protocol):
    """Anything that can say where it is written, when asked (only for a real problem)."""

    @property
    def location(self) -> Location: ...


@dataclass(frozen=True)
class Place:
    """Where a value is written, resolved to line and column only when asked for."""

    source: SourceFile
    path: tuple[str | int, ...] = ()

    @property
    def location(self) -> Location:
        return self.source.location(self.path)


def read_plan_file(path: Path, name: str, root: Path) -> tuple[SourceFile | None, list[Problem]]:
    """Read ``plan.yaml``: the whole file is YAML."""
    raw, text, problems = read_text(path, name, root)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem("prazdny-soubor", _EMPTY_PLAN, Location(name, 1, 1))]
    return _with_yaml(SourceFile(path, name, None, raw=raw), text, 1)


def read_yaml_file(
    path: Path, name: str, root: Path, empty: str
) -> tuple[SourceFile | None, list[Problem]]:
    """Read a file that is YAML throughout (a monitoring report); ``empty`` says what to do
    with an empty one."""
    raw, text, problems = read_text(path, name, root)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem("prazdny-soubor", empty, Location(name, 1, 1))]
    return _with_yaml(SourceFile(path, name, None, raw=raw), text, 1)


def yaml_source(path: Path, name: str, text: str) -> tuple[SourceFile | None, list[Problem]]:
    """A YAML file from text not yet on disk (an edited monitoring file before it is written)."""
    return _with_yaml(SourceFile(path, name, None), text, 1)


def read_chapter(path: Path, name: str, root: Path) -> tuple[SourceFile | None, list[Problem]]:
    """Read a chapter: YAML front matter between ``---`` lines, then Markdown."""
    raw, text, problems = read_text(path, name, root)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem("prazdny-soubor", _EMPTY_CHAPTER, Location(name, 1, 1))]
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip())
    if lines[start].rstrip() != "---":
        return None, [Problem("hlavicka-chybi", _NO_FRONT_MATTER, Location(name, start + 1, 1))]
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].rstrip() in ("---", "...")), None
    )
    if end is None:
        message = _UNCLOSED.format(line=start + 1)
        return None, [Problem("hlavicka-neuzavrena", message, Location(name, start + 1, 1))]
    yaml_text = "\n".join(lines[start + 1 : end]) + "\n"
    source = SourceFile(
        path, name, None, body="\n".join(lines[end + 1 :]), body_first_line=end + 2, raw=raw
    )
    return _with_yaml(source, yaml_text, start + 2)


def _with_yaml(
    source: SourceFile, yaml_text: str, first_line: int
) -> tuple[SourceFile | None, list[Problem]]:
    problems = [
        Problem("yaml-tabulator", _TAB, Location(source.name, i + first_line, line.index("\t") + 1))
        for i, line in enumerate(yaml_text.split("\n") if "\t" in yaml_text else ())
        if "\t" in line[: len(line) - len(line.lstrip(" \t"))]
    ]
    if problems:
        return None, problems
    data = parsecache.load(yaml_text)
    root = None
    if data is parsecache.MISS:
        try:
            root = yamlio.compose(yaml_text)
        except yamlio.YamlSyntaxError as err:
            fault = err.fault
            where = Location(source.name, fault.line + first_line, fault.col + 1)
            return None, [Problem(fault.rule, fault.message, where)]
        data, faults = yamltree.read(root, first_line) if root is not None else (None, [])
        for fault in faults:
            where = Location(source.name, fault.line + first_line, fault.col + 1)
            problems.append(Problem(fault.rule, fault.message, where))
        if problems:
            return None, problems
        parsecache.store(yaml_text, data)
    return (
        SourceFile(
            source.path,
            source.name,
            data,
            yaml_text=yaml_text,
            parsed_root=root,
            yaml_first_line=first_line,
            body=source.body,
            body_first_line=source.body_first_line,
            raw=source.raw,
        ),
        [],
    )


_EMPTY_PLAN = (
    "Soubor plan.yaml je prázdný. Vytvořte nový plán příkazem plan init, nebo do souboru "
    "doplňte alespoň nazev, zadavatel a obdobi."
)
_EMPTY_CHAPTER = (
    "Kapitola je prázdná. Doplňte hlavičku (--- typ: sekce, nazev: … ---) a text, "
    "nebo soubor smažte a odeberte z osnovy v plan.yaml."
)
_NO_FRONT_MATTER = (
    "Kapitola nezačíná hlavičkou. Na první řádek napište tři pomlčky ---, pod ně klíče "
    "kapitoly (typ, nazev, …) a hlavičku ukončete dalším řádkem ---."
)
_UNCLOSED = (
    "Hlavička začatá na řádku {line} není ukončena. Za poslední klíč hlavičky vložte "
    "řádek se třemi pomlčkami ---."
)
_TAB = "Řádek je odsazen tabulátorem. YAML dovoluje odsazovat jen mezerami; nahraďte jej mezerami."
