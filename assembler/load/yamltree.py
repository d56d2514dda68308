"""The YAML node tree of a plan file: data from it and faults in it.

Pure Python over small node objects; parsing them is :mod:`assembler.load.yamlio`'s job.
Keeping the tree (not just the data) makes exact line and column of any value
free to look up when, and only when, a problem needs them (load/yamlpositions.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from assembler.load.yamltags import BOOLEANS, KINDS, MAPPING, SEQUENCE, scalar_kind, tag_fault
from assembler.problems.diagnostics import shown

MAX_DEPTH = 40


class Mark(Protocol):
    line: int
    column: int
    index: int  # characters from the start of the text


class ScalarNode:
    """A scalar: ``tag`` is the kind letter given by the resolver or an explicit tag."""

    # Slots and a bare __init__: a large plan has 100 000+ nodes, and ruamel.yaml's own
    # node classes made building the tree cost more than parsing the text.
    __slots__ = ("end_mark", "start_mark", "style", "tag", "value")

    def __init__(
        self, tag: str, value: str, start_mark: Mark, end_mark: Mark, style: str | None = None
    ) -> None:
        self.tag = tag
        self.value = value
        self.start_mark = start_mark
        self.end_mark = end_mark
        self.style = style


class CollectionNode:
    __slots__ = ("end_mark", "flow_style", "start_mark", "tag", "value")

    def __init__(
        self, tag: str, value: Any, start_mark: Mark, end_mark: Mark | None, flow_style: Any = None
    ) -> None:
        self.tag = tag
        self.value = value
        self.start_mark = start_mark
        self.end_mark = end_mark
        self.flow_style = flow_style


class SequenceNode(CollectionNode):
    """``value`` is a list of nodes."""

    __slots__ = ()


class MappingNode(CollectionNode):
    """``value`` is a list of (key node, value node) pairs, in file order."""

    __slots__ = ()


Node = ScalarNode | SequenceNode | MappingNode


@dataclass(frozen=True)
class YamlFault:
    """A problem found while reading YAML; line and column are 0-based within the YAML text."""

    rule: str
    message: str
    line: int
    col: int


def construct(root: Node) -> Any:
    """Python data from a node tree (see :func:`read`), for a tree known to be fault-free."""
    return read(root)[0]


def read(root: Node, first_line: int = 1) -> tuple[Any, list[YamlFault]]:
    """Python data from a node tree, and the tree's faults, in one pass over it.

    Data are dicts, lists, str, int, bool, None, dates, and Decimal for every YAML float,
    so money stays exact. Faults are duplicate keys, anchors/aliases, tags outside the
    core schema and absurd nesting; the data are only for a tree without them. Aliases are
    refused outright: never needed in a plan, and a chain of them expands exponentially
    ("billion laughs"), so an aliased node is not walked again. ``first_line`` is the file
    line of the YAML text's first line, for messages that mention another line.
    """
    walk = _Walk(first_line)
    return walk.node(root, 0), walk.faults


class _Walk:
    """One walk over a tree: what it has seen and found. Recursion stops at MAX_DEPTH."""

    def __init__(self, first_line: int) -> None:
        self.first_line = first_line
        self.faults: list[YamlFault] = []
        self.seen: set[int] = set()

    def node(self, node: Node, depth: int) -> Any:
        if id(node) in self.seen:  # the composer hands out an aliased node a second time
            self.faults.append(_fault_at("yaml-kotva", _ANCHOR_MESSAGE, node))
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.faults.append(_fault_at("yaml-hloubka", DEPTH_MESSAGE, node))
            return None
        tag = node.tag
        if isinstance(node, ScalarNode):
            if tag not in KINDS and (wrong := tag_fault(tag, node.value)):
                self.faults.append(_fault_at("yaml-znacka", wrong, node))
                return None  # a value that does not fit its tag has no data
            return _scalar(node)
        if tag not in (MAPPING, SEQUENCE) and (wrong := tag_fault(tag, None)):
            self.faults.append(_fault_at("yaml-znacka", wrong, node))
        depth += 1
        if isinstance(node, SequenceNode):
            return [self.node(item, depth) for item in node.value]
        pairs = node.value
        try:
            distinct = len({k.value for k, _ in pairs}) == len(pairs)
        except TypeError:  # a complex key: its value is a list of nodes
            distinct = False
        if not distinct:
            self.faults.extend(_duplicate_keys(node, self.first_line))
        data = {}
        for key, value in pairs:
            if not isinstance(key, ScalarNode):
                self.faults.append(_fault_at("yaml-syntaxe", _COMPLEX_KEY, key))
            elif key.tag not in KINDS and (wrong := tag_fault(key.tag, key.value)):
                self.faults.append(_fault_at("yaml-znacka", wrong, key))
            else:
                data[_scalar(key)] = self.node(value, depth)  # every scalar is hashable
        return data


def _scalar(node: ScalarNode) -> Any:
    value: str = node.value
    kind = node.tag
    if kind == "s":  # most scalars of a plan: text
        return value
    kind = kind if kind in KINDS else scalar_kind(kind)
    if kind == "s":
        return value
    if kind == "i":
        return _int(value)
    if kind == "f":
        return _decimal(value)
    if kind == "b":
        return BOOLEANS[value]
    if kind == "n":
        return None
    if kind == "d":
        return _date(value)
    if kind == "t":
        return _datetime(value)
    return value


def _int(value: str) -> int | str:
    if value.isdigit():  # the resolver made it "i": ASCII digits or the forms below
        return int(value)
    text = value.replace("_", "")
    try:
        if text.lstrip("+-").startswith("0o"):
            return int(text.replace("0o", "", 1), 8)
        if text.lstrip("+-").startswith("0x"):
            return int(text, 16)
        return int(text)
    except ValueError:
        return value


def _decimal(value: str) -> Decimal | str:
    try:
        return Decimal(value.replace("_", ""))
    except InvalidOperation:
        return value  # .inf / .nan: left as text so validation explains it


def _date(value: str) -> datetime.date | str:
    year, month, day = (int(part) for part in value.split("-"))
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return value  # 2025-02-30: left as text so validation explains it


def _datetime(value: str) -> datetime.datetime | str:
    try:
        return datetime.datetime.fromisoformat(value.replace("z", "Z").replace(" ", "T", 1))
    except ValueError:
        return value


_COMPLEX_KEY = (
    "Klíčem je zde seznam nebo vnořené klíče (zápis ? nebo [ … ]: ). Klíč je slovo "
    "malými písmeny bez diakritiky, např. nazev:; text v hranatých závorkách dejte do "
    "uvozovek."
)
_ANCHOR_MESSAGE = (
    "Kotvy a aliasy YAML (&jmeno, *jmeno) nejsou v plánu povoleny. Napište hodnotu "
    "celou, nebo ji dejte do uvozovek, pokud & nebo * patří do textu."
)
DEPTH_MESSAGE = f"Hlavička je zanořená hlouběji než {MAX_DEPTH} úrovní. Zkontrolujte odsazení."


def _fault_at(rule: str, message: str, node: Node) -> YamlFault:
    return YamlFault(rule, message, node.start_mark.line, node.start_mark.column)


def _duplicate_keys(node: MappingNode, first_line: int) -> Iterator[YamlFault]:
    first: dict[str, Node] = {}
    for key, _ in node.value:
        if not isinstance(key, ScalarNode):
            continue
        if key.value in first:
            line = first[key.value].start_mark.line + first_line
            message = (
                f"Klíč „{shown(key.value)}“ je zde uveden podruhé (poprvé na řádku {line}). "
                "Ponechte jen jeden a hodnoty slučte."
            )
            yield YamlFault(
                "yaml-duplicitni-klic",
                message,
                key.start_mark.line,
                key.start_mark.column,
            )
        else:
            first[key.value] = key
