"""YAML behind one module: fast parsing that still knows where every value sits.

The document is composed once by the C parser of ruamel.yaml (libyaml, from
ruamel.yaml.clib) into a node tree (:mod:`assembler.load.yamltree`), so exact positions
cost nothing extra: the tree is kept and asked only when a problem needs a line
and column.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import _ruamel_yaml
from _ruamel_yaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from assembler.load import yamltags
from assembler.load.yaml_messages import UNCLOSED_QUOTE, explain, unclosed_quote
from assembler.load.yamltree import (
    DEPTH_MESSAGE,
    MAX_DEPTH,
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


class _Loader(CParser):  # type: ignore[misc]
    """libyaml's parser and composer (C) with a resolver that is cheap to call.

    ruamel.yaml's own resolver costs more than parsing itself on a large plan;
    a plan needs only the YAML 1.2 core schema, so the kind of each plain scalar
    is decided here and carried in the node's tag.
    """

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return yamltags.implicit(value) if implicit[0] else "s"
        return "m" if kind is MappingNode else "q"

    def descend_resolver(self, *_: object) -> None:
        """No path-dependent resolution in a plan."""

    def ascend_resolver(self, *_: object) -> None:
        """No path-dependent resolution in a plan."""


# The C composer recurses once per nesting level: ~25 000 levels overflow the C stack
# (a segmentation fault, no exception), and libyaml slows down quadratically with depth
# long before that. Below this bound on the nesting a text can have, composing is safe.
_SAFE_NESTING = 2000
_LINE_INDICATORS = re.compile(r"(?m)^[ ?:-]*")


def _nesting_bound(text: str) -> int:
    """An upper bound of the nesting depth, from a linear scan: every flow level needs a
    bracket, every block level a column of indentation or an indicator (two levels per
    column at most: a list may sit at its key's indentation)."""
    flow = text.count("[") + text.count("{")
    block = max(map(len, _LINE_INDICATORS.findall(text)), default=0)
    return flow + 2 * block + 2


def _refuse_deep(text: str) -> None:
    """For a text that could nest dangerously deep, walk libyaml's events (iterative, no
    tree) and stop at the first level past the limit; only the depth is judged here, any
    syntax error is left to the composer to explain."""
    if _nesting_bound(text) <= _SAFE_NESTING:
        return
    parser = CParser(text)
    depth = 0
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, MappingStartEvent | SequenceStartEvent):
                depth += 1
                if depth > MAX_DEPTH + 1:
                    mark = event.start_mark
                    fault = YamlFault("yaml-hloubka", DEPTH_MESSAGE, mark.line, mark.column)
                    raise YamlSyntaxError(fault)
            elif isinstance(event, MappingEndEvent | SequenceEndEvent):
                depth -= 1
            elif isinstance(event, StreamEndEvent):
                return
    except YAMLError:
        return
    finally:
        parser.dispose()


def compose(text: str) -> Node | None:
    """Parse YAML text into a node tree; raise YamlSyntaxError with a Czech message."""
    _refuse_deep(text)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line, mark.column) if mark else (0, 0)
        message = explain(str(err), getattr(err, "problem", None))
        # A forgotten closing quote makes the parser fail far below it (where a later
        # quote, even one in a comment, ends the text); point at the opening instead.
        if opened := unclosed_quote(text, line):
            line, col, quote = opened
            message = UNCLOSED_QUOTE.format(quote=quote)
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


# Editing a user's file (plan monitor import): ruamel.yaml's round trip keeps comments,
# key order, quoting and flow style; the indentation is guessed from the file itself.
def load_for_edit(text: str) -> tuple[Any, Callable[[Any], str]]:
    """The file's data as editable ruamel objects, and a function that writes it back."""
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    _, sequence, offset = load_yaml_guess_indent(text)
    if sequence is None:  # no nested block yet: the layout of the plan's own files
        sequence, offset = 4, 2
    offset = offset or 0
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=sequence - offset if offset else sequence, sequence=sequence, offset=offset)
    data = yaml.load(text)

    def dump(edited: Any) -> str:
        out = io.StringIO()
        yaml.dump(edited, out)
        return out.getvalue()

    return data, dump


def edited_mapping(values: dict[str, Any], flow: bool = False) -> Any:
    """A new mapping to put into an edited file (flow: written as ``{a: 1, b: 2}``)."""
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap(values)
    if flow:
        mapping.fa.set_flow_style()
    return mapping


def edited_text(text: str) -> Any:
    """A text for an edited file: a block (``|``) when it has more than one line."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    return LiteralScalarString(text.rstrip() + "\n") if "\n" in text.strip() else text.strip()


def edited_sequence(items: list[Any]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    return CommentedSeq(items)
