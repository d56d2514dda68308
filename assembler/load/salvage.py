"""Setting refused values aside, so that one wrong value does not hide a file's other mistakes.

A monitoring file refused whole for a negative amount, or for "100 dní" where a number
belongs, was never judged by the plan's rules: the garant fixed that one error and only
then met the unknown code and the wrong status. Each refused value is already a located
problem; the file's data without them can be validated again and checked with the rest.

Only values are set aside whose loss moves nothing else: an entry of a mapping (an
amount by its funding source), an optional or unknown key, a required number or date, which
keeps its place with a stand-in that the rules must not judge, and a mapping under an
optional key that lacks a key of its own (projednano without usneseni). Anything else
(a measure without stav, a wrong code, a list item that is no mapping) leaves the file
unread, as before: dropping a list item would shift the positions every later problem
is located by.
"""

from __future__ import annotations

import copy
import datetime
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from assembler.load.modelpaths import field_at, type_at, unwrap

YamlPath = tuple[str | int, ...]

# Never printed: a file with a stand-in has errors, and no output is made from it.
STAND_IN = Decimal(0)
# A required value of these types keeps its place with a stand-in (the rules skip it):
# a number, or the date of an area's report (a wrong one hid every other mistake of the
# file); after every real date, so no rule about early dates takes it for one.
_STAND_INS: dict[type, Any] = {Decimal: STAND_IN, datetime.date: datetime.date.max}


class _Fate(Enum):
    REMOVED = "removed"
    STOOD_IN = "stood in"


@dataclass(frozen=True)
class SetAside:
    """Where a file's refused values were: what counts them (``plan monitor status``)
    must not take a stand-in or a removed amount for a reported one."""

    stand_ins: frozenset[YamlPath] = frozenset()  # a required number, now STAND_IN
    removed: frozenset[YamlPath] = frozenset()

    def under(self, path: YamlPath) -> bool:
        """Whether a value at ``path`` or inside it was refused."""
        return any(p[: len(path)] == path for p in self.stand_ins | self.removed)

    def within(self, path: YamlPath) -> SetAside:
        """The refused values inside ``path``, by their paths from there."""
        n = len(path)
        return SetAside(
            frozenset(p[n:] for p in self.stand_ins if p[:n] == path and p[n:]),
            frozenset(p[n:] for p in self.removed if p[:n] == path and p[n:]),
        )


@dataclass(frozen=True)
class Salvaged:
    data: Any  # a copy of the file's data without the refused values
    set_aside: SetAside


def set_aside(model: type[BaseModel], data: Any, errors: Iterable[ErrorDetails]) -> Salvaged | None:
    """``data`` without the values of ``errors``, or None when one cannot be set aside."""
    kept = copy.deepcopy(data)
    stand_ins: set[YamlPath] = set()
    removed: set[YamlPath] = set()
    for error in errors:
        found = _fate(model, tuple(error["loc"]), error["type"])
        if found is None:
            return None
        fate, path, value = found
        if fate is _Fate.REMOVED:
            _remove(kept, path)
            removed.add(path)
        else:
            _replace(kept, path, value)
            stand_ins.add(path)
    return Salvaged(kept, SetAside(frozenset(stand_ins), frozenset(removed)))


def _fate(model: type[BaseModel], loc: YamlPath, kind: str) -> tuple[_Fate, YamlPath, Any] | None:
    """What becomes of the value an error is about, the path it is done at and its
    stand-in (None for a removal): a
    required key that cannot stand in takes the value holding it along (a nested
    mapping under an optional key), never an item of a list."""
    if loc and loc[-1] == "[key]":  # pydantic: the key of a mapping's entry failed
        loc = loc[:-1]
    path = loc[:-1] if kind == "missing" else loc
    while path:
        owner = type_at(model, path[:-1])
        if typing.get_origin(owner) is dict:
            return _Fate.REMOVED, path, None
        if not (isinstance(owner, type) and issubclass(owner, BaseModel)):
            return None
        field = field_at(model, path)
        if (kind == "extra_forbidden" and path == loc) or (field and not field.is_required()):
            return _Fate.REMOVED, path, None
        if field is None:
            return None
        stand_in = _STAND_INS.get(unwrap(field.annotation)) if path == loc else None
        if stand_in is not None:
            return _Fate.STOOD_IN, path, stand_in
        path = path[:-1]
    return None


def _holder(data: Any, path: YamlPath) -> Any:
    """The mapping or list at ``path``, or None when an earlier removal took it."""
    for step in path:
        if isinstance(data, dict):
            data = next((v for k, v in data.items() if str(k) == str(step)), None)
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def _keys(holder: Any, step: str | int) -> list[Any]:
    # pydantic names keys as text; YAML may have read them as numbers (2027:).
    return [k for k in holder if str(k) == str(step)] if isinstance(holder, dict) else []


def _remove(data: Any, loc: YamlPath) -> None:
    holder = _holder(data, loc[:-1])
    for key in _keys(holder, loc[-1]):
        del holder[key]


def _replace(data: Any, loc: YamlPath, value: Any) -> None:
    holder = _holder(data, loc[:-1])
    for key in _keys(holder, loc[-1]):
        holder[key] = value
