"""Positions within a YAML node tree (load/yamltree.py): the line and column of the value
at a path of keys and indexes, as pydantic names it, and where a text field's own text
starts, for problems found inside Markdown written in YAML.
"""

from __future__ import annotations

from collections.abc import Sequence

from assembler.load.yamltree import MappingNode, Node, ScalarNode, SequenceNode


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


def find(root: Node | None, path: Sequence[str | int]) -> Node | None:
    """The node at ``path`` exactly (a key node for a ``"[key]"`` step), or None."""
    node = root
    for step in path:
        node = _child(node, step) if node is not None else None
    return node


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
    node = find(root, path)
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
