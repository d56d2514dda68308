"""Where a pydantic error path leads in a model: the field, the keys allowed, the type.

Validation messages name the field's title and example, and the salvage of a file
(load/salvage.py) decides by the field whether a refused value can be set aside.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo


def field_at(model: type[BaseModel], loc: Sequence[Any]) -> FieldInfo | None:
    """The model field a path ends at (None inside a list or a mapping)."""
    owner = type_at(model, loc[:-1])
    if isinstance(owner, type) and issubclass(owner, BaseModel):
        for field in owner.model_fields.values():
            if field.alias == loc[-1]:
                return field
    return None


def aliases_at(model: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    owner = type_at(model, loc)
    if isinstance(owner, type) and issubclass(owner, BaseModel):
        return [str(f.alias) for f in owner.model_fields.values()]
    return []


def type_at(tp: Any, loc: Sequence[Any]) -> Any:
    """Follow a pydantic error path through model annotations to the type found there."""
    for step in loc:
        tp = _descend(unwrap(tp), step)
        if tp is None:
            return None
    return unwrap(tp)


def unwrap(tp: Any) -> Any:
    """The type under ``Annotated[…]`` and an optional ``… | None``."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        tp = options[0] if len(options) == 1 else tp
    return tp


def _descend(tp: Any, step: Any) -> Any:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        for field in tp.model_fields.values():
            if field.alias == step:
                return field.annotation
        return None
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is list and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    return None
