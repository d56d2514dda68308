"""The YAML 1.2 core schema, and nothing else: the kind of every scalar and the tags allowed.

A plan needs text, numbers, yes/no, null and dates. The resolver marks each plain
scalar with a one-letter kind; an explicit tag (``!!int 5``) must be one of the
core schema's and must fit its value. Any other tag (``!!python/name:…``,
``!custom``, ``!!binary``) is refused with a located message instead of being
read as text or crashing the constructor.
"""

from __future__ import annotations

import re

from assembler.problems.diagnostics import shown

_INT = re.compile(r"[-+]?[0-9_]+|[-+]?0o[0-7_]+|[-+]?0x[0-9a-fA-F_]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[Tt ][0-9:.+\-Zz ]+")
_NULL = {"", "~", "null", "Null", "NULL"}
BOOLEANS = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
KINDS = frozenset("nbifdts")
MAPPING, SEQUENCE = "m", "q"
CORE = "tag:yaml.org,2002:"
# Explicit scalar tags of the core schema and the kinds of value each accepts.
_EXPLICIT = {
    "str": ("s", frozenset(KINDS)),
    "int": ("i", frozenset("i")),
    "float": ("f", frozenset("if")),
    "bool": ("b", frozenset("b")),
    "null": ("n", frozenset("n")),
}


def implicit(value: str) -> str:
    """The kind of a plain scalar: n(ull), b(ool), i(nt), f(loat), d(ate), t(ime) or s(tr)."""
    if value.isdigit() and value.isascii():  # a third of a plan's scalars: amounts, years
        return "i"
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


def scalar_kind(tag: str) -> str:
    """The kind of a scalar whose tag passed :func:`tag_fault`."""
    if tag in KINDS:
        return tag
    if tag.startswith(CORE):
        return _EXPLICIT.get(tag[len(CORE) :], ("s", KINDS))[0]
    return "s"  # the non-specific tag "!": text


def tag_fault(tag: str, value: str | None) -> str | None:
    """A Czech message when ``tag`` is not allowed here; ``value`` is None for a collection."""
    if tag in KINDS or tag in (MAPPING, SEQUENCE):
        return None
    if value is not None and tag == "!":
        return None
    name = tag[len(CORE) :] if tag.startswith(CORE) else None
    if value is None:
        if name in ("map", "seq"):
            return None
        return _unknown(tag)
    if name not in _EXPLICIT:
        return _unknown(tag)
    accepted = _EXPLICIT[name][1]
    if implicit(value) in accepted:
        return None
    return (
        f"Hodnota „{shown(value)}“ neodpovídá značce !!{name}, která ji uvádí. Značku "
        f"(!!{name}) smažte a napište hodnotu tak, jak ji plán očekává (čísla číslicemi, "
        "ano/ne slovy)."
    )


def _unknown(tag: str) -> str:
    written = "!!" + tag[len(CORE) :] if tag.startswith(CORE) else tag
    return (
        f"Značka YAML „{shown(written)}“ není v plánu povolena: hlavička obsahuje jen text, "
        "čísla, ano/ne a data. Značku (slovo začínající vykřičníkem) smažte; patří-li "
        'vykřičník do textu, dejte celou hodnotu do uvozovek: nazev: "!Text".'
    )
