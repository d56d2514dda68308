"""YAML behind one module: fast parsing that still knows where every value sits.

The document is composed once by the C parser of ruamel.yaml (libyaml, from
ruamel.yaml.clib) into a node tree (:mod:`assembler.load.yamltree`), so exact positions
cost nothing extra: the tree is kept and asked only when a problem needs a line
and column.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import _ruamel_yaml
from _ruamel_yaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from assembler.load.yaml_messages import explain
from assembler.load.yamltree import (
    BOOLEANS,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    YamlFault,
    construct,
)

# The C composer builds nodes by calling these module globals; pointing them at our
# slotted classes halves the time to compose a large plan (measured: 0.35 → 0.19 s
# for 1000 measures). tests/test_reading.py fails if a ruamel.yaml.clib release
# stops honouring them.
_ruamel_yaml.ScalarNode = ScalarNode
_ruamel_yaml.SequenceNode = SequenceNode
_ruamel_yaml.MappingNode = MappingNode


class YamlSyntaxError(Exception):
    def __init__(self, fault: YamlFault) -> None:
        super().__init__(fault.message)
        self.fault = fault


_INT = re.compile(r"[-+]?[0-9_]+|[-+]?0o[0-7_]+|[-+]?0x[0-9a-fA-F_]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[Tt ][0-9:.+\-Zz ]+")
_NULL = {"", "~", "null", "Null", "NULL"}


def _implicit(value: str) -> str:
    """The kind of a plain scalar: n(ull), b(ool), i(nt), f(loat), d(ate), t(ime) or s(tr)."""
    if value in _NULL:
        return "n"
    if value in BOOLEANS:
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
        root = loader.get_single_node()
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
    if root is not None and not isinstance(root, ScalarNode | SequenceNode | MappingNode):
        raise TypeError(f"ruamel.yaml.clib built a {type(root)}; see the note at the top")
    return root


# Other YAML tools (YAML 1.1, e.g. some editors) read these as booleans or null.
_OTHER_READERS = {"null", "yes", "no", "on", "off"}


def scalar(text: str, *, nested: bool = False) -> str:
    """``text`` as a YAML scalar: plain when it reads back as the same text, else quoted.

    ``nested`` is for a value inside ``[…]`` or ``{…}``, where a comma ends it.
    """
    if text.lower() not in _OTHER_READERS and _reads_back(text, nested):
        return text
    return json.dumps(text, ensure_ascii=False)


def _reads_back(text: str, nested: bool) -> bool:
    if not text or text != text.strip():
        return False
    try:
        root = compose(f"k: [{text}]" if nested else f"k: {text}")
    except YamlSyntaxError:
        return False
    data = construct(root) if root is not None else None
    return bool(data == {"k": [text] if nested else text})


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
