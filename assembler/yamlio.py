"""YAML behind one module: fast parsing that still knows where every value sits.

The document is composed once by the C parser of ruamel.yaml (libyaml, from
ruamel.yaml.clib) into a node tree and constructed from that tree, so exact
positions cost nothing extra: the tree is kept and asked only when a problem
needs a line and column.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from _ruamel_yaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assembler.yaml_messages import explain

MAX_DEPTH = 40

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlFault:
    """A problem found while reading YAML; line and column are 0-based within the YAML text."""

    rule: str
    message: str
    line: int
    col: int


class YamlSyntaxError(Exception):
    def __init__(self, fault: YamlFault) -> None:
        super().__init__(fault.message)
        self.fault = fault


# YAML 1.2 core schema, decided once per plain scalar by the parser callback below.
_INT = re.compile(r"[-+]?[0-9_]+|[-+]?0o[0-7_]+|[-+]?0x[0-9a-fA-F_]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[Tt ][0-9:.+\-Zz ]+")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


def _implicit(value: str) -> str:
    """The kind of a plain scalar: n(ull), b(ool), i(nt), f(loat), d(ate), t(ime) or s(tr)."""
    if value in _NULL:
        return "n"
    if value in _BOOL:
        return "b"
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT.fullmatch(value):
            return "i"
        if _FLOAT.fullmatch(value) or _SPECIAL_FLOAT.fullmatch(value):
            return "f"
        if _DATE.fullmatch(value):
            return "d"
        if _DATETIME.fullmatch(value):
            return "t"
    return "s"


class _Loader(CParser):  # type: ignore[misc]
    """libyaml's parser and composer (C) with a resolver that is cheap to call.

    ruamel.yaml's own resolver costs more than parsing itself on a large plan;
    a plan needs only the YAML 1.2 core schema, so the kind of each plain scalar
    is decided here and carried in the node's tag.
    """

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _implicit(value) if implicit[0] else "s"
        return "m" if kind is MappingNode else "q"

    def descend_resolver(self, *_: object) -> None:
        """No path-dependent resolution in a plan."""

    def ascend_resolver(self, *_: object) -> None:
        """No path-dependent resolution in a plan."""


def compose(text: str) -> Node | None:
    """Parse YAML text into a node tree; raise YamlSyntaxError with a Czech message."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line, mark.column) if mark else (0, 0)
        message = explain(str(err), getattr(err, "problem", None))
        raise YamlSyntaxError(YamlFault("yaml-syntaxe", message, line, col)) from None
    except YAMLError as err:
        message = explain(str(err), getattr(err, "problem", None))
        raise YamlSyntaxError(YamlFault("yaml-syntaxe", message, 0, 0)) from None
    finally:
        loader.dispose()


def construct(node: Node) -> Any:
    """Python data from a node tree: dicts, lists, str, int, bool, None, dates, and Decimal
    for every YAML float, so money stays exact. Depth is bounded by :func:`inspect`."""
    if isinstance(node, MappingNode):
        return {_key(construct(k)): construct(v) for k, v in node.value}
    if isinstance(node, SequenceNode):
        return [construct(item) for item in node.value]
    assert isinstance(node, ScalarNode)
    return _scalar(node)


def _key(value: Any) -> Any:
    return value if isinstance(value, Hashable) else str(value)


def _scalar(node: ScalarNode) -> Any:
    tag = node.ctag
    kind = tag.suffix if tag.handle is None else _EXPLICIT.get(tag.suffix, "s")
    value: str = node.value
    if kind == "s":
        return value
    if kind == "i":
        return _int(value)
    if kind == "f":
        return _decimal(value)
    if kind == "b":
        return _BOOL[value]
    if kind == "n":
        return None
    if kind == "d":
        return _date(value)
    if kind == "t":
        return _datetime(value)
    return value


_EXPLICIT = {"str": "s", "int": "i", "float": "f", "bool": "b", "null": "n", "timestamp": "t"}


def _int(value: str) -> int | str:
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


def inspect(root: Node, first_line: int = 1) -> list[YamlFault]:
    """Find duplicate keys, anchors/aliases and absurd nesting in one pass over the tree.

    Aliases are refused outright: they are never needed in a plan and a chain of
    them expands exponentially ("billion laughs"). ``first_line`` is the file line
    of the YAML text's first line, for messages that mention another line.
    """
    faults: list[YamlFault] = []
    seen: set[int] = set()
    stack: list[tuple[Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:  # the composer hands out an aliased node a second time
            faults.append(_fault_at("yaml-kotva", _ANCHOR_MESSAGE, node))
            continue
        seen.add(id(node))
        if depth > MAX_DEPTH:
            faults.append(_fault_at("yaml-hloubka", _DEPTH_MESSAGE, node))
            continue
        if isinstance(node, MappingNode):
            faults.extend(_duplicate_keys(node, first_line))
            for key, value in node.value:
                stack.append((value, depth + 1))
                if not isinstance(key, ScalarNode):
                    stack.append((key, depth + 1))
        elif isinstance(node, SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
    return faults


_ANCHOR_MESSAGE = (
    "Kotvy a aliasy YAML (&jmeno, *jmeno) nejsou v plánu povoleny. Napište hodnotu "
    "celou, nebo ji dejte do uvozovek, pokud & nebo * patří do textu."
)
_DEPTH_MESSAGE = f"Hlavička je zanořená hlouběji než {MAX_DEPTH} úrovní. Zkontrolujte odsazení."


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
                f"Klíč „{key.value}“ je zde uveden podruhé (poprvé na řádku {line}). "
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


def locate(root: Node | None, path: Sequence[str | int]) -> tuple[int, int]:
    """Return the 0-based (line, col) of the value at ``path``, or of its nearest ancestor.

    A path step naming a mapping key ``"[key]"`` (pydantic's notation for a problem
    with the key itself) points at the key instead of the value.
    """
    node = root
    if node is None:
        return (0, 0)
    for step in path:
        child = _child(node, step)
        if child is None:
            break
        node = child
    return (node.start_mark.line, node.start_mark.column)


def _child(node: Node, step: str | int) -> Node | None:
    if isinstance(node, SequenceNode) and isinstance(step, int):
        return node.value[step] if 0 <= step < len(node.value) else None
    if isinstance(node, MappingNode):
        if step == 0 and not isinstance(step, bool):
            return node  # a single item written where a list is allowed
        wanted = str(step)
        point_at_key = wanted.startswith("[") and wanted.endswith("]")
        wanted = wanted.strip("[]") if point_at_key else wanted
        for key, value in node.value:
            if isinstance(key, ScalarNode) and _same_key(key.value, wanted):
                return key if point_at_key else value
    return None


def _same_key(raw: str, wanted: str) -> bool:
    return raw == wanted or raw.strip("'\"") == wanted


def value_text_start(
    root: Node | None, path: Sequence[str | int], lines: Sequence[str]
) -> tuple[int, int, bool]:
    """Where the text of a string value starts, and whether it is a block scalar (| or >).

    Used to place problems found inside Markdown written in YAML text fields;
    ``lines`` are the YAML text's lines, to read a block scalar's indentation.
    """
    node = root
    for step in path:
        node = _child(node, step) if node is not None else None
    if not isinstance(node, ScalarNode):
        return (*locate(root, path), False)
    if node.style in ("|", ">"):
        # Block scalar text starts on the next line, at the indentation of its content.
        first = node.start_mark.line + 1
        for line in lines[first:]:
            if line.strip():
                return (first, len(line) - len(line.lstrip(" ")), True)
        return (first, 0, True)
    quoted = 1 if node.style in ("'", '"') else 0
    return (node.start_mark.line, node.start_mark.column + quoted, False)


@dataclass(frozen=True)
class Item:
    """A scalar item of a top-level YAML list, with the position of its ``-`` (0-based)."""

    value: str
    line: int
    col: int


def sequence_items(text: str, key: str) -> list[Item]:
    """Items of the block list under a top-level ``key``, for editing the file as text."""
    root = compose(text)
    if not isinstance(root, MappingNode):
        return []
    for key_node, value in root.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            if not isinstance(value, SequenceNode):
                return []
            return [
                # The node starts after "- "; the dash sits two columns left of it.
                Item(str(item.value), item.start_mark.line, item.start_mark.column - 2)
                for item in value.value
                if isinstance(item, ScalarNode)
            ]
    return []
